"""A redacted 1:1 summary: every person and project gets one neutral label everywhere."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator

import pytest

from careercoach.domain.assessment import Rating
from careercoach.domain.contribution import ContributionKind as Kind
from careercoach.domain.contribution import EvidenceStrength as Strength
from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange
from careercoach.domain.summary_builder import build_summary
from careercoach.domain.summary_report import SummaryReport
from tests.domain.test_summary_builder import (
    LADDER,
    TODAY,
    assessment,
    entry,
    inputs,
    suggestion,
)

ENTRIES = (
    entry(
        1,
        dt.date(2026, 11, 25),
        Kind.CODE_REVIEW,
        "Reviewed Raj Patel's feature pipeline",
        beneficiary="Raj Patel",
        project="Atlas",
        feedback_quote="Ada caught a leak before launch, said Raj",
        evidence=Strength.PEER_CONFIRMED,
    ),
    entry(
        2,
        dt.date(2026, 11, 20),
        Kind.MENTORING,
        "Paired with Ana Lima on ATLAS",
        beneficiary="Ana Lima",
        project="Atlas",
        feedback_quote="Ana: it unblocked me",
    ),
    entry(3, dt.date(2026, 11, 15), Kind.DOCUMENTATION, "Guide for Orion", project="Orion"),
    entry(
        4,
        dt.date(2026, 6, 1),
        Kind.DELIVERY,
        "Shipped the Zephyr scorer with Mei Chen",
        beneficiary="Mei Chen",
        project="Zephyr",
        evidence=Strength.MANAGER_AGREED,
    ),
)
PROTOTYPES = (
    Prototype(
        "Feature store for Atlas",
        (StageChange(Stage.IDEA, dt.date(2026, 11, 1)), StageChange(Stage.BUILDING, TODAY)),
        people_consulted=("Priya Shah",),
        consulted_count=1,
        reviewers=("Tom Berg",),
        id=1,
    ),
    Prototype(
        "Orion dashboards",
        (
            StageChange(Stage.IDEA, dt.date(2026, 10, 1)),
            StageChange(
                Stage.SHELVED,
                dt.date(2026, 11, 21),
                "Tom Berg moved it to the Orion roadmap",
                ShelveReason.NO_APPETITE,
            ),
        ),
        id=2,
    ),
    Prototype(
        "Old idea",
        (
            StageChange(Stage.IDEA, dt.date(2025, 1, 1)),
            StageChange(Stage.ADOPTED, dt.date(2025, 2, 1)),
        ),
        reviewers=("Lena Vogel",),
        id=3,
    ),
)
RATED = assessment(
    Rating("delivery", "senior", evidence_ids=(4, 1), prototype_ids=(2,)),
    Rating("collaboration", "mid", evidence_ids=(2,)),
    Rating("craft", "mid"),
)
SUGGESTIONS = (
    suggestion("ask-for-quotes", "Ask Raj Patel and Priya for a quote about Atlas"),
    suggestion("hero-development", "Feature store for Atlas: bring Mei Chen in"),
)
POINTS = (
    "Thank Ana Lima for the Atlas review",
    "Ada Lovelace to lead Orion",
    "  ",
    "Demo to Tom Berg and Priya Shah",
)
ASKS = ("An intro to Lena Vogel",)

# Every name the summary must hide, with the first names people are called by.
HIDDEN = (
    "Raj Patel",
    "Ana Lima",
    "Mei Chen",
    "Priya Shah",
    "Tom Berg",
    "Lena Vogel",
    "Raj",
    "Ana",
    "Mei",
    "Priya",
    "Tom",
    "Lena",
    "Atlas",
    "Orion",
    "Zephyr",
)


def summary(*, redact: bool) -> SummaryReport:
    return build_summary(
        inputs(
            entries=ENTRIES,
            prototypes=PROTOTYPES,
            assessment=RATED,
            ladder=LADDER,
            suggestions=SUGGESTIONS,
            talking_points=POINTS,
            asks=ASKS,
            redact=redact,
        )
    )


def strings(value: object) -> Iterator[str]:
    """Every string anywhere in a report."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from strings(item)


def mentions(text: str, name: str) -> bool:
    words = r"\s+".join(map(re.escape, name.split()))
    return re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE) is not None


def test_no_name_of_a_person_or_project_survives_anywhere_in_the_report() -> None:
    report = summary(redact=True)
    assert report.redacted is True
    found = [(name, text) for text in strings(report) for name in HIDDEN if mentions(text, name)]
    assert found == []


def test_without_redaction_the_names_are_shown_as_written() -> None:
    report = summary(redact=False)
    assert report.redacted is False
    assert report.highlights[0].title == "Reviewed Raj Patel's feature pipeline"
    assert report.highlights[0].beneficiary == "Raj Patel"
    assert report.collaboration.people_helped == ("Raj Patel", "Ana Lima")
    assert report.talking_points == (*POINTS[:2], POINTS[3])
    assert report.asks == ASKS
    assert report.actions[0].message == "Ask Raj Patel and Priya for a quote about Atlas"
    every = " ".join(strings(report))
    assert all(mentions(every, name) for name in HIDDEN)


def test_labels_follow_the_order_people_and_projects_appear_in_the_highlights() -> None:
    report = summary(redact=True)
    newest, middle, oldest = report.highlights
    assert (newest.beneficiary, newest.project) == ("Colleague A", "Project A")
    assert newest.title == "Reviewed Colleague A's feature pipeline"
    assert (middle.beneficiary, middle.project) == ("Colleague B", "Project A")
    assert middle.title == "Paired with Colleague B on Project A"
    assert (oldest.beneficiary, oldest.project, oldest.title) == (
        "",
        "Project B",
        "Guide for Project B",
    )


def test_the_same_person_is_the_same_colleague_in_every_section() -> None:
    report = summary(redact=True)
    stats = report.collaboration
    assert stats.people_helped == ("Colleague A", "Colleague B")
    assert [(q.who, q.title, q.quote) for q in stats.quotes] == [
        (
            "Colleague A",
            "Reviewed Colleague A's feature pipeline",
            "Ada caught a leak before launch, said Colleague A",
        ),
        ("Colleague B", "Paired with Colleague B on Project A", "Colleague B: it unblocked me"),
    ]
    delivery, collaboration, _ = report.competencies
    assert [item.title for item in delivery.evidence] == [
        "Shipped the Project C scorer with Colleague C",
        "Reviewed Colleague A's feature pipeline",
        "Project B dashboards",
    ]
    assert [item.title for item in collaboration.evidence] == [
        "Paired with Colleague B on Project A"
    ]
    assert report.actions[1].message == "Feature store for Project A: bring Colleague C in"
    assert report.talking_points[:2] == (
        "Thank Colleague B for the Project A review",
        "Ada Lovelace to lead Project B",
    )


def test_people_consulted_and_reviewers_are_colleagues_too() -> None:
    report = summary(redact=True)
    label = r"(Colleague [A-Z]+)"
    [(tom, priya)] = re.findall(rf"^Demo to {label} and {label}$", report.talking_points[2])
    [priya_in_action] = re.findall(
        rf"^Ask Colleague A and {label} for a quote", report.actions[0].message
    )
    [tom_in_note] = re.findall(
        rf"^No appetite in the organisation: {label} moved it to the Project B roadmap$",
        report.prototypes[1].note,
    )
    [lena] = re.findall(rf"^An intro to {label}$", report.asks[0])
    assert priya_in_action == priya
    assert tom_in_note == tom
    assert len({tom, priya, lena, "Colleague A", "Colleague B", "Colleague C"}) == 6
    assert [line.title for line in report.prototypes] == [
        "Feature store for Project A",
        "Project B dashboards",
    ]


def test_the_users_own_name_stays_in_the_header_and_in_the_text() -> None:
    report = summary(redact=True)
    assert report.header.name == "Ada Lovelace"
    assert report.talking_points[1] == "Ada Lovelace to lead Project B"
    assert report.highlights[0].quote.startswith("Ada caught a leak")


def test_an_entry_naming_the_user_as_who_benefited_keeps_the_users_name() -> None:
    own = entry(9, TODAY, Kind.DOCUMENTATION, "Notes for ada lovelace", beneficiary="ADA LOVELACE")
    report = build_summary(inputs(entries=(own,), redact=True))
    assert report.highlights[0].beneficiary == "ADA LOVELACE"
    assert report.highlights[0].title == "Notes for ada lovelace"


@pytest.mark.parametrize("redact", [True, False])
def test_a_report_without_names_reads_the_same_redacted_or_not(redact: bool) -> None:
    report = build_summary(
        inputs(
            entries=(entry(1, TODAY, Kind.TESTS, "Flaky test fixes"),),
            talking_points=("Promotion timeline",),
            redact=redact,
        )
    )
    assert report.highlights[0].title == "Flaky test fixes"
    assert report.talking_points == ("Promotion timeline",)
    assert report.redacted is redact
