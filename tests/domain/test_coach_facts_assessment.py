"""The coach's assessment facts: gaps, ambiguity, unsupported ratings, estimate and target."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.coach_facts import CoachData, Facts, compute_facts
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.ladder import Competency, Expectation, Ladder, Level
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype, Stage, StageChange

TODAY = dt.date(2026, 3, 18)
LEVELS = (
    Level("junior", "Junior Engineer"),
    Level("mid", "Engineer"),
    Level("senior", "Senior Engineer"),
    Level("staff", "Staff Engineer"),
)


def competency(cid: str, name: str) -> Competency:
    return Competency(
        cid,
        name,
        "Craft",
        expectations={lvl.id: Expectation(f"{name} at {lvl.id}") for lvl in LEVELS},
    )


LADDER = Ladder(
    "eng",
    "Engineering",
    "3",
    "",
    LEVELS,
    (
        competency("delivery", "Delivery"),
        competency("ambiguity", "Handling ambiguity"),
        competency("communication", "Communication"),
    ),
)
PROFILE = Profile(ladder_id="eng", target_level_id="senior", is_default=False)
ENTRY = Contribution(TODAY, "Wrote the runbook", ContributionKind.DOCUMENTATION, id=11)
PROTOTYPE = Prototype("Forecast demo", (StageChange(Stage.DEMO, TODAY),), id=21)


def assessment(*ratings: Rating, target: str = "senior", finished: int = 5) -> Assessment:
    day = TODAY - dt.timedelta(days=finished)
    return Assessment("eng", "hash", "3", target, day, day, ratings=ratings, finished_on=day)


def rated(**levels: str | None) -> tuple[Rating, ...]:
    return tuple(Rating(cid, level, evidence_ids=(11,)) for cid, level in levels.items())


def facts(
    result: Assessment | None = None,
    *,
    ladder: Ladder | None = LADDER,
    profile: Profile = PROFILE,
    profile_ladder: Ladder | None = None,
    has_draft: bool = False,
) -> Facts:
    return compute_facts(
        CoachData(
            TODAY,
            profile,
            entries=(ENTRY,),
            prototypes=(PROTOTYPE,),
            assessment=result,
            ladder=ladder if result is not None else None,
            has_draft=has_draft,
            profile_ladder=profile_ladder,
        )
    )


def test_before_the_first_assessment_every_assessment_fact_is_empty() -> None:
    found = facts()
    assert {name: found[name] for name in found if name in EMPTY} == EMPTY


EMPTY: Facts = {
    "has_assessment": False,
    "days_since_last_assessment": None,
    "has_draft_assessment": False,
    "competencies_below_target": 0,
    "largest_gap_steps": 0,
    "largest_gap_competencies": (),
    "largest_gap_names": "",
    "largest_gap_is_ambiguity": False,
    "ratings_above_evidence": 0,
    "unsupported_names": "",
    "estimated_level": "",
    "target_level": "senior",
    "target_level_name": "senior",
    "levels_below_target": None,
}


def test_a_finished_assessment_is_counted_in_days_since_it_was_finished() -> None:
    found = facts(assessment(*rated(delivery="mid", ambiguity="mid", communication="mid")))
    assert found["has_assessment"] is True
    assert found["days_since_last_assessment"] == 5
    today = facts(assessment(*rated(delivery="mid"), finished=0))
    assert today["days_since_last_assessment"] == 0


def test_a_draft_is_reported_with_or_without_a_finished_assessment() -> None:
    assert facts(has_draft=True)["has_draft_assessment"] is True
    assert facts(assessment(), has_draft=True)["has_draft_assessment"] is True
    assert facts(assessment())["has_draft_assessment"] is False


def test_ties_in_the_largest_gap_are_all_listed_in_ladder_order() -> None:
    ratings = rated(communication="senior", ambiguity="junior", delivery="junior")
    found = facts(assessment(*ratings))
    assert found["competencies_below_target"] == 2
    assert found["largest_gap_steps"] == 2
    assert found["largest_gap_competencies"] == ("delivery", "ambiguity")
    assert found["largest_gap_names"] == "Delivery, Handling ambiguity"
    assert found["largest_gap_is_ambiguity"] is True


def test_only_the_widest_gaps_are_named() -> None:
    found = facts(assessment(*rated(delivery="junior", ambiguity="mid", communication="mid")))
    assert found["competencies_below_target"] == 3
    assert found["largest_gap_steps"] == 2
    assert found["largest_gap_competencies"] == ("delivery",)
    assert found["largest_gap_names"] == "Delivery"
    assert found["largest_gap_is_ambiguity"] is False


def test_an_unrated_competency_counts_as_below_the_lowest_level() -> None:
    ratings = (*rated(delivery="junior", ambiguity="senior"), Rating("communication"))
    found = facts(assessment(*ratings))
    assert found["competencies_below_target"] == 2
    assert found["largest_gap_steps"] == 3
    assert found["largest_gap_competencies"] == ("communication",)


def test_no_gap_at_or_above_target() -> None:
    found = facts(assessment(*rated(delivery="senior", ambiguity="staff", communication="senior")))
    assert found["competencies_below_target"] == 0
    assert found["largest_gap_steps"] == 0
    assert found["largest_gap_competencies"] == ()
    assert found["largest_gap_names"] == ""
    assert found["largest_gap_is_ambiguity"] is False


def test_gaps_are_measured_against_the_profiles_current_target() -> None:
    """The profile aims at senior now; the assessment was made against mid."""
    found = facts(assessment(*rated(delivery="junior", ambiguity="mid"), target="mid"))
    assert found["competencies_below_target"] == 3
    assert found["largest_gap_steps"] == 3
    assert found["largest_gap_competencies"] == ("communication",)
    assert found["target_level_name"] == "Senior Engineer"


def test_gaps_use_the_assessments_own_target_when_the_ladder_lacks_the_profiles() -> None:
    profile = Profile(ladder_id="eng", target_level_id="principal", is_default=False)
    found = facts(
        assessment(*rated(delivery="junior", ambiguity="mid"), target="mid"), profile=profile
    )
    assert found["competencies_below_target"] == 2
    assert found["largest_gap_steps"] == 2


@pytest.mark.parametrize(
    ("cid", "name", "is_ambiguity"),
    [
        ("scoping", "Navigating AMBIGUITY", True),
        ("ambiguous-problems", "Scoping", True),
        ("Ambiguity", "Scoping", True),
        ("scoping", "Scoping work", False),
        ("clarity", "Bringing clarity", False),
    ],
)
def test_ambiguity_is_found_in_the_id_or_name_in_any_case(
    cid: str, name: str, is_ambiguity: bool
) -> None:
    ladder = Ladder(
        "eng", "Eng", "1", "", LEVELS, (competency(cid, name), competency("craft", "Craft"))
    )
    ratings = (Rating(cid, "junior", evidence_ids=(11,)), Rating("craft", "mid"))
    found = facts(assessment(*ratings), ladder=ladder)
    assert found["largest_gap_competencies"] == (cid,)
    assert found["largest_gap_is_ambiguity"] is is_ambiguity


def test_an_ambiguity_gap_that_is_not_the_widest_does_not_count() -> None:
    found = facts(assessment(*rated(delivery="junior", ambiguity="mid", communication="senior")))
    assert found["largest_gap_is_ambiguity"] is False


def test_ratings_above_the_lowest_level_need_existing_evidence() -> None:
    ratings = (
        Rating("delivery", "junior"),
        Rating("ambiguity", "mid", evidence_ids=(99,), prototype_ids=(98,)),
        Rating("communication", "senior"),
    )
    found = facts(assessment(*ratings))
    assert found["ratings_above_evidence"] == 2
    assert found["unsupported_names"] == "Handling ambiguity, Communication"


def test_an_existing_entry_or_prototype_supports_a_rating() -> None:
    ratings = (
        Rating("delivery", "staff", evidence_ids=(11,)),
        Rating("ambiguity", "mid", prototype_ids=(21,)),
        Rating("communication", "senior", evidence_ids=(99, 11)),
    )
    found = facts(assessment(*ratings))
    assert found["ratings_above_evidence"] == 0
    assert found["unsupported_names"] == ""


def test_estimated_level_and_levels_below_target() -> None:
    found = facts(assessment(*rated(delivery="mid", ambiguity="mid", communication="mid")))
    assert found["estimated_level"] == "mid"
    assert found["levels_below_target"] == 1
    junior = facts(
        assessment(*rated(delivery="junior", ambiguity="junior", communication="junior"))
    )
    assert junior["levels_below_target"] == 2


@pytest.mark.parametrize("level", ["senior", "staff"])
def test_levels_below_target_is_zero_at_or_above_target(level: str) -> None:
    found = facts(assessment(*rated(delivery=level, ambiguity=level, communication=level)))
    assert found["estimated_level"] == level
    assert found["levels_below_target"] == 0


def test_levels_below_target_is_null_without_an_estimate() -> None:
    found = facts(assessment(*rated(delivery="mid")))
    assert found["estimated_level"] == ""
    assert found["levels_below_target"] is None


def test_levels_below_target_is_null_when_the_ladder_lacks_the_profile_target() -> None:
    profile = Profile(ladder_id="eng", target_level_id="principal", is_default=False)
    ratings = rated(delivery="mid", ambiguity="mid", communication="mid")
    found = facts(assessment(*ratings), profile=profile)
    assert found["estimated_level"] == "mid"
    assert found["levels_below_target"] is None
    assert found["target_level"] == "principal"
    # The gaps are measured against the assessment's own target, so messages name that one.
    assert found["target_level_name"] == "Senior Engineer"


def test_levels_below_target_uses_the_profile_target_not_the_assessments() -> None:
    ratings = rated(delivery="junior", ambiguity="junior", communication="junior")
    found = facts(assessment(*ratings, target="mid"))
    assert found["levels_below_target"] == 2


def test_target_level_name_is_the_assessments_target_else_the_profile_ladders() -> None:
    renamed = Ladder("eng", "Eng", "4", "", (Level("senior", "Senior IC"),), ())
    ratings = rated(delivery="mid", ambiguity="mid", communication="mid")
    other = Profile(ladder_id="other", target_level_id="senior", is_default=False)
    with_assessment = facts(
        assessment(*ratings, target="mid"), profile=other, profile_ladder=renamed
    )
    assert with_assessment["target_level_name"] == "Engineer"
    assert facts(profile_ladder=renamed)["target_level_name"] == "Senior IC"


def test_target_level_name_falls_back_to_the_assessments_ladder_then_the_id() -> None:
    lacking = Ladder("eng", "Eng", "4", "", (Level("lead", "Lead"),), ())
    ratings = rated(delivery="mid", ambiguity="mid", communication="mid")
    found = facts(assessment(*ratings), profile_ladder=lacking)
    assert found["target_level_name"] == "Senior Engineer"
    assert facts(profile_ladder=lacking)["target_level_name"] == "senior"
