"""The 1:1 summary's activity in the period: highlights, collaboration and prototypes."""

from __future__ import annotations

import datetime as dt

from careercoach.domain.contribution import ContributionKind as Kind
from careercoach.domain.contribution import EvidenceStrength as Strength
from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange
from careercoach.domain.rubric import Rubric, Size
from careercoach.domain.summary_builder import build_summary
from careercoach.domain.summary_report import Highlight, PeerQuote, PrototypeLine
from tests.domain.test_summary_builder import START, TODAY, entry, inputs, prototype

# ---------------------------------------------------------------- highlights

RATED = Rubric(ambiguity=4, complexity=3, cross_functional=5, size=Size.L)


def test_highlights_are_every_entry_in_the_period_newest_first_ends_included() -> None:
    entries = (
        entry(1, START - dt.timedelta(days=1), title="Day before"),
        entry(2, START, title="First day"),
        entry(3, dt.date(2026, 11, 20), title="Middle, stored first"),
        entry(4, dt.date(2026, 11, 20), title="Middle, stored second"),
        entry(5, TODAY, title="Last day"),
        entry(6, TODAY + dt.timedelta(days=1), title="Day after"),
    )
    report = build_summary(inputs(entries=entries[::-1]))
    assert [h.title for h in report.highlights] == [
        "Last day",
        "Middle, stored second",
        "Middle, stored first",
        "First day",
    ]


def test_a_highlight_shows_kind_who_benefited_project_rubric_and_difficulty() -> None:
    work = entry(
        1,
        dt.date(2026, 11, 20),
        Kind.MENTORING,
        "Paired on the scorer",
        beneficiary="Raj Patel",
        project="Churn model",
        rubric=RATED,
        feedback_quote="Unblocked me in an hour",
        evidence=Strength.PEER_CONFIRMED,
    )
    [highlight] = build_summary(inputs(entries=(work,))).highlights
    assert highlight == Highlight(
        date=dt.date(2026, 11, 20),
        title="Paired on the scorer",
        kind="Mentoring / pairing",
        beneficiary="Raj Patel",
        project="Churn model",
        rubric="ambiguity 4, complexity 3, cross-functional 5, size L",
        difficulty="3.9 of 5 (demanding)",
        strength="Peer-confirmed",
        quote="Unblocked me in an hour",
        helps_others=True,
    )


def test_an_unrated_highlight_has_no_rubric_and_a_partly_rated_one_shows_what_is_rated() -> None:
    entries = (
        entry(1, START, Kind.DELIVERY),
        entry(2, TODAY, Kind.OTHER, rubric=Rubric(ambiguity=2)),
    )
    partly, unrated = build_summary(inputs(entries=entries)).highlights
    assert (unrated.rubric, unrated.difficulty, unrated.beneficiary, unrated.project) == (
        "",
        "",
        "",
        "",
    )
    assert unrated.helps_others is False
    assert (partly.rubric, partly.difficulty) == ("ambiguity 2", "2.0 of 5 (moderate)")


def test_no_entries_in_the_period_means_no_highlights() -> None:
    report = build_summary(inputs(entries=(entry(1, START - dt.timedelta(days=1)),)))
    assert report.highlights == ()


# ---------------------------------------------------------------- collaboration


def test_collaboration_counts_helping_kinds_and_entries_that_name_who_benefited() -> None:
    entries = (
        entry(1, START, Kind.CODE_REVIEW),
        entry(2, dt.date(2026, 11, 14), Kind.CODE_REVIEW, beneficiary="Mei"),
        entry(3, dt.date(2026, 11, 15), Kind.DELIVERY, beneficiary="Raj"),
        entry(4, dt.date(2026, 11, 16), Kind.DOCUMENTATION),
        entry(5, dt.date(2026, 11, 17), Kind.DELIVERY),
        entry(6, dt.date(2026, 11, 18), Kind.INTERVIEWING),
        entry(7, dt.date(2026, 11, 19), Kind.OTHER),
        entry(8, TODAY, Kind.CODE_REVIEW, beneficiary="Ana"),
        entry(9, START - dt.timedelta(days=1), Kind.MENTORING, beneficiary="Old friend"),
    )
    stats = build_summary(inputs(entries=entries)).collaboration
    assert stats.helping_total == 5
    assert stats.by_kind == (("Code review", 3), ("Assigned delivery", 1), ("Documentation", 1))
    assert [h.helps_others for h in build_summary(inputs(entries=entries)).highlights] == [
        True,
        False,
        False,
        False,
        True,
        True,
        True,
        True,
    ]


def test_people_helped_are_distinct_and_listed_newest_first() -> None:
    entries = (
        entry(1, START, Kind.MENTORING, beneficiary="Raj Patel"),
        entry(2, dt.date(2026, 11, 20), Kind.CODE_REVIEW, beneficiary="Ana Lima"),
        entry(3, dt.date(2026, 11, 21), Kind.TESTS, beneficiary="raj  patel"),
        entry(4, TODAY, Kind.DOCUMENTATION, beneficiary="Ana Lima"),
        entry(5, START - dt.timedelta(days=3), Kind.DOCUMENTATION, beneficiary="Mei"),
    )
    stats = build_summary(inputs(entries=entries)).collaboration
    assert stats.people_helped == ("Ana Lima", "raj  patel")
    assert stats.helping_total == 4
    assert stats.by_kind == (
        ("Mentoring / pairing", 1),
        ("Code review", 1),
        ("Tests", 1),
        ("Documentation", 1),
    )


def test_peer_quotes_in_the_period_are_listed_newest_first_with_who_and_what() -> None:
    entries = (
        entry(1, START, Kind.TESTS, "Null checks", beneficiary="Raj", feedback_quote="Caught it"),
        entry(2, dt.date(2026, 11, 20), Kind.DELIVERY, "Scorer", feedback_quote="Great launch"),
        entry(3, TODAY, Kind.DOCUMENTATION, "Guide"),
        entry(4, START - dt.timedelta(days=1), Kind.TESTS, "Old", feedback_quote="Too old"),
    )
    stats = build_summary(inputs(entries=entries)).collaboration
    assert stats.quotes == (
        PeerQuote("Great launch", "", "Scorer"),
        PeerQuote("Caught it", "Raj", "Null checks"),
    )


def test_without_entries_the_collaboration_is_empty() -> None:
    stats = build_summary(inputs()).collaboration
    assert (stats.helping_total, stats.by_kind, stats.people_helped, stats.quotes) == (
        0,
        (),
        (),
        (),
    )


# ---------------------------------------------------------------- prototypes


def test_prototypes_in_flight_or_moved_in_the_period_are_shown_newest_move_first() -> None:
    before = START - dt.timedelta(days=20)
    prototypes = (
        prototype(1, "Idea parked long ago", (Stage.IDEA, before)),
        prototype(
            2,
            "Adopted before",
            (Stage.IDEA, before),
            (Stage.ADOPTED, START - dt.timedelta(days=1)),
        ),
        prototype(3, "Adopted on the first day", (Stage.IDEA, before), (Stage.ADOPTED, START)),
        prototype(4, "Shelved today", (Stage.IDEA, before), (Stage.SHELVED, TODAY)),
        prototype(
            5, "Validating", (Stage.IDEA, before), (Stage.VALIDATING, dt.date(2026, 11, 20))
        ),
        prototype(6, "Shelved before", (Stage.BUILDING, before), (Stage.SHELVED, before)),
    )
    report = build_summary(inputs(prototypes=prototypes))
    assert [(line.title, line.stage, line.since) for line in report.prototypes] == [
        ("Shelved today", "Shelved", TODAY),
        ("Validating", "Validating", dt.date(2026, 11, 20)),
        ("Adopted on the first day", "Adopted", START),
        ("Idea parked long ago", "Idea", before),
    ]


def test_a_prototype_line_carries_hours_people_consulted_and_a_note() -> None:
    shelved = Prototype(
        "Feature store",
        (
            StageChange(Stage.IDEA, START),
            StageChange(
                Stage.SHELVED, TODAY, "The platform team had other plans", ShelveReason.NO_APPETITE
            ),
        ),
        hours=12.5,
        consulted_count=4,
        id=1,
    )
    lone = prototype(
        2, "Auto-EDA", (Stage.IDEA, START), (Stage.BUILDING, dt.date(2026, 11, 14)), hours=30.0
    )
    validated = prototype(
        3,
        "Label tool",
        (Stage.IDEA, START),
        (Stage.VALIDATING, dt.date(2026, 11, 14)),
        (Stage.DEMO, dt.date(2026, 11, 15)),
        consulted_count=2,
    )
    reasonless = Prototype(
        "Dashboards", (StageChange(Stage.IDEA, START), StageChange(Stage.SHELVED, START)), id=4
    )
    lines = build_summary(inputs(prototypes=(shelved, lone, validated, reasonless))).prototypes
    assert lines == (
        PrototypeLine(
            "Feature store",
            "Shelved",
            TODAY,
            12.5,
            4,
            "No appetite in the organisation: The platform team had other plans",
        ),
        PrototypeLine("Label tool", "Demo", dt.date(2026, 11, 15), None, 2, ""),
        PrototypeLine(
            "Auto-EDA",
            "Building",
            dt.date(2026, 11, 14),
            30.0,
            0,
            "Built without a validating stage; built mostly alone",
        ),
        PrototypeLine("Dashboards", "Shelved", START, None, 0, ""),
    )


def test_a_past_period_shows_what_was_in_flight_then_not_what_started_later() -> None:
    from careercoach.domain.summary_period import SummaryPeriod

    past = SummaryPeriod(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    report = build_summary(
        inputs(
            period=past,
            prototypes=(
                prototype(1, "Running then", (Stage.IDEA, dt.date(2024, 12, 1))),
                prototype(2, "Started later", (Stage.IDEA, dt.date(2025, 3, 1))),
                prototype(
                    3,
                    "Shelved before",
                    (Stage.IDEA, dt.date(2024, 6, 1)),
                    (Stage.SHELVED, dt.date(2024, 7, 1)),
                ),
                prototype(
                    4,
                    "Adopted later",
                    (Stage.BUILDING, dt.date(2024, 11, 1)),
                    (Stage.ADOPTED, dt.date(2025, 6, 1)),
                ),
            ),
        )
    )
    assert [line.title for line in report.prototypes] == ["Adopted later", "Running then"]
