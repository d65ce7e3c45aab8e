"""The 1:1 summary's header, standing, competencies, next actions, talking points and asks.

Highlights, collaboration and prototypes are in test_summary_builder_activity, redaction in
test_summary_builder_redaction; both use the builders defined here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.coach import Suggestion
from careercoach.domain.coach_rules import Rule
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.ladder import Competency, Ladder, Level
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype, Stage, StageChange
from careercoach.domain.summary_builder import SummaryInputs, build_summary
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.domain.summary_report import (
    ActionLine,
    EvidenceItem,
    LevelStanding,
    RadarData,
    SummaryHeader,
)

Kind = ContributionKind
Strength = EvidenceStrength

TODAY = dt.date(2026, 11, 27)
START = dt.date(2026, 11, 13)
PERIOD = SummaryPeriod(START, TODAY, PeriodChoice.SINCE_ONE_ON_ONE)
PROFILE = Profile(
    name="Ada Lovelace",
    role="Data Scientist",
    ladder_id="eng",
    target_level_id="senior",
    next_one_on_one=dt.date(2026, 12, 11),
    is_default=False,
)
LEVELS = (Level("junior", "Junior"), Level("mid", "Mid-level"), Level("senior", "Senior"))
COMPETENCIES = (
    Competency("delivery", "Delivery", "Impact"),
    Competency("collaboration", "Collaboration", "Impact"),
    Competency("craft", "Craft", "Craft"),
)
LADDER = Ladder("eng", "Engineering", "3", "", LEVELS, COMPETENCIES)
CURRENT_LADDER = replace(LADDER, name="Engineering (current)", version="4")
ASSESSED = dt.date(2026, 11, 1)


def entry(
    entry_id: int,
    day: dt.date,
    kind: ContributionKind = Kind.DELIVERY,
    title: str = "",
    **fields: object,
) -> Contribution:
    return Contribution(day, title or f"Entry {entry_id}", kind, id=entry_id, **fields)  # type: ignore[arg-type]


def prototype(
    prototype_id: int, title: str, *stages: tuple[Stage, dt.date], **fields: object
) -> Prototype:
    history = tuple(StageChange(stage, day) for stage, day in stages)
    return Prototype(title, history, id=prototype_id, **fields)  # type: ignore[arg-type]


def suggestion(rule_id: str, message: str = "") -> Suggestion:
    rule = Rule(rule_id, f"Title of {rule_id}", "growth", "true", message, "why", 50)
    return Suggestion(rule, message or f"Message of {rule_id}", ())


def assessment(*ratings: Rating) -> Assessment:
    return Assessment(
        "eng",
        "hash",
        "3",
        "senior",
        dt.date(2026, 8, 1),
        ASSESSED,
        ratings,
        finished_on=ASSESSED,
        id=1,
    )


def inputs(**fields: object) -> SummaryInputs:
    base = SummaryInputs(today=TODAY, period=PERIOD, profile=PROFILE)
    return replace(base, **fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- header and standing


def test_the_header_names_the_user_the_ladder_and_the_days() -> None:
    report = build_summary(inputs(profile_ladder=CURRENT_LADDER))
    assert report.header == SummaryHeader(
        "Ada Lovelace", "Data Scientist", "Engineering (current)", "4", PERIOD, TODAY
    )
    assert report.redacted is False


def test_the_header_reads_the_assessments_ladder_before_the_current_one() -> None:
    report = build_summary(
        inputs(assessment=assessment(), ladder=LADDER, profile_ladder=CURRENT_LADDER)
    )
    assert (report.header.ladder_name, report.header.ladder_version) == ("Engineering", "3")


def test_before_any_ladder_is_known_the_header_leaves_it_empty() -> None:
    report = build_summary(inputs(profile=Profile()))
    assert report.header == SummaryHeader("", "Data Scientist", "", "", PERIOD, TODAY)
    assert report.standing == LevelStanding("Not assessed yet", "senior")


def test_before_an_assessment_the_standing_shows_the_profiles_target() -> None:
    report = build_summary(inputs(profile_ladder=LADDER))
    assert report.standing == LevelStanding("Not assessed yet", "Senior")
    assert report.radar is None
    assert report.competencies == ()


def test_the_standing_is_the_latest_assessments_estimate_against_the_current_target() -> None:
    rated = assessment(
        Rating("delivery", "senior"), Rating("collaboration", "mid"), Rating("craft", "mid")
    )
    profile = replace(PROFILE, target_level_id="mid")
    report = build_summary(inputs(profile=profile, assessment=rated, ladder=LADDER))
    standing = report.standing
    assert (standing.estimate, standing.target, standing.assessed_on) == (
        "Mid-level",
        "Mid-level",
        ASSESSED,
    )
    elsewhere = replace(PROFILE, ladder_id="other", target_level_id="mid")
    report = build_summary(inputs(profile=elsewhere, assessment=rated, ladder=LADDER))
    assert report.standing.target == "Senior"
    assert standing.policy.startswith("Highest level where at least 75%")
    assert "3 of 3 competencies at Mid-level or above" in standing.detail


def test_the_radar_has_one_axis_per_competency_and_the_target_on_each() -> None:
    rated = assessment(Rating("delivery", "senior"), Rating("craft", "junior"))
    report = build_summary(inputs(assessment=rated, ladder=LADDER))
    assert report.radar == RadarData(
        axes=("Delivery", "Collaboration", "Craft"),
        levels=("Junior", "Mid-level", "Senior"),
        current=(2.0, None, 0.0),
        target=(2.0, 2.0, 2.0),
        current_name="Self-assessment (2026-11-01)",
        target_name="Target: Senior",
    )


# ---------------------------------------------------------------- per competency


def test_each_competency_shows_rating_target_strength_and_whether_it_is_below() -> None:
    entries = (entry(1, dt.date(2026, 6, 1), evidence=Strength.PEER_CONFIRMED),)
    rated = assessment(
        Rating("delivery", "senior", evidence_ids=(1,)),
        Rating("collaboration", "mid"),
    )
    report = build_summary(inputs(assessment=rated, ladder=LADDER, entries=entries))
    assert [
        (line.name, line.category, line.rating, line.target, line.strength, line.below_target)
        for line in report.competencies
    ] == [
        ("Delivery", "Impact", "Senior", "Senior", "Peer-confirmed", False),
        ("Collaboration", "Impact", "Mid-level", "Senior", "No evidence", True),
        ("Craft", "Craft", "Not rated", "Senior", "No evidence", True),
    ]


def test_the_top_three_pieces_of_evidence_come_strongest_first_then_newest() -> None:
    entries = (
        entry(1, dt.date(2026, 5, 1), title="Old self-claim"),
        entry(2, dt.date(2026, 9, 1), title="Manager said yes", evidence=Strength.MANAGER_AGREED),
        entry(3, dt.date(2026, 7, 1), title="Older quote", evidence=Strength.PEER_CONFIRMED),
        entry(4, dt.date(2026, 10, 1), title="Newer quote", evidence=Strength.PEER_CONFIRMED),
        entry(5, dt.date(2026, 10, 2), title="Newest self-claim"),
    )
    rated = assessment(Rating("delivery", "senior", evidence_ids=(1, 3, 5, 2, 4)))
    report = build_summary(inputs(assessment=rated, ladder=LADDER, entries=entries))
    assert report.competencies[0].evidence == (
        EvidenceItem(
            dt.date(2026, 9, 1), "Manager said yes", "Assigned delivery", "Manager-agreed"
        ),
        EvidenceItem(dt.date(2026, 10, 1), "Newer quote", "Assigned delivery", "Peer-confirmed"),
        EvidenceItem(dt.date(2026, 7, 1), "Older quote", "Assigned delivery", "Peer-confirmed"),
    )


def test_a_prototype_backs_a_rating_as_an_artifact_and_deleted_evidence_is_ignored() -> None:
    entries = (
        entry(1, dt.date(2026, 9, 1), Kind.TESTS, title="Flaky test fixes"),
        entry(2, dt.date(2026, 9, 2), Kind.DOCUMENTATION, title="Self-claimed docs"),
    )
    prototypes = (
        prototype(7, "Feature store", (Stage.IDEA, dt.date(2026, 8, 1)), (Stage.DEMO, ASSESSED)),
    )
    rated = assessment(
        Rating("craft", "mid", evidence_ids=(2, 99), prototype_ids=(7, 98)),
        Rating("delivery", "mid", evidence_ids=(99,)),
    )
    report = build_summary(
        inputs(assessment=rated, ladder=LADDER, entries=entries, prototypes=prototypes)
    )
    delivery, _, craft = report.competencies
    assert craft.strength == "Artifact"
    assert craft.evidence == (
        EvidenceItem(ASSESSED, "Feature store", "Prototype", "Artifact"),
        EvidenceItem(dt.date(2026, 9, 2), "Self-claimed docs", "Documentation", "Self-claim"),
    )
    assert delivery.evidence == ()
    assert delivery.strength == "No evidence"


# ---------------------------------------------------------------- actions, points and asks


def test_next_actions_are_the_coachs_top_five_suggestions_in_rank_order() -> None:
    suggestions = tuple(suggestion(f"rule-{n}") for n in range(1, 8))
    actions = build_summary(inputs(suggestions=suggestions)).actions
    assert actions == tuple(
        ActionLine(f"Title of rule-{n}", f"Message of rule-{n}", f"rule-{n}") for n in range(1, 6)
    )


def test_fewer_suggestions_are_all_shown_and_none_gives_no_actions() -> None:
    assert [a.rule_id for a in build_summary(inputs(suggestions=(suggestion("x"),))).actions] == [
        "x"
    ]
    assert build_summary(inputs()).actions == ()


def test_talking_points_and_asks_keep_their_order_and_drop_blank_ones() -> None:
    report = build_summary(
        inputs(
            talking_points=("Ship the scorer", "  ", "", "Next quarter's goals"),
            asks=("", "A budget for the course"),
        )
    )
    assert report.talking_points == ("Ship the scorer", "Next quarter's goals")
    assert report.asks == ("A budget for the course",)


def test_routine_suggestions_are_not_next_actions_for_the_manager() -> None:
    def of(rule_id: str, category: str) -> Suggestion:
        rule = Rule(rule_id, rule_id, category, "true", "m", "why", 50)
        return Suggestion(rule, "m", ())

    suggestions = (
        of("prepare-one-on-one", "one-on-one"),
        of("missing-checkin", "habits"),
        of("hero-development", "prototypes"),
    )
    actions = build_summary(inputs(suggestions=suggestions)).actions
    assert [a.rule_id for a in actions] == ["hero-development"]
