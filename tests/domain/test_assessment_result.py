"""An assessment's result: evidence strength, unsupported ratings, gaps and moves."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.assessment_result import (
    AssessmentResult,
    CompetencyStatus,
    Gap,
    Move,
    assessment_result,
    compare,
    evidence_strength,
    level_title,
)
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.ladder import Competency, Expectation, Ladder, Level
from careercoach.domain.level_estimate import estimate_level
from careercoach.domain.prototype import Prototype, Stage, StageChange

DAY = dt.date(2024, 5, 1)
LEVELS = (Level("junior", "Junior"), Level("mid", "Mid"), Level("senior", "Senior"))


def competency(cid: str, category: str = "Craft") -> Competency:
    return Competency(
        cid,
        cid.upper(),
        category,
        expectations={level.id: Expectation(f"{cid} at {level.id}") for level in LEVELS},
    )


LADDER = Ladder(
    "eng",
    "Engineering",
    "1",
    "",
    LEVELS,
    (
        competency("a"),
        competency("b"),
        competency("c", "Impact"),
        competency("d"),
        competency("e"),
    ),
)


def entry(entry_id: int, strength: EvidenceStrength) -> Contribution:
    return Contribution(
        DAY, f"Entry {entry_id}", ContributionKind.DOCUMENTATION, evidence=strength, id=entry_id
    )


def prototype(prototype_id: int) -> Prototype:
    return Prototype("Demo", (StageChange(Stage.IDEA, DAY),), id=prototype_id)


ENTRIES = {
    1: entry(1, EvidenceStrength.SELF_CLAIM),
    2: entry(2, EvidenceStrength.PEER_CONFIRMED),
    3: entry(3, EvidenceStrength.MANAGER_AGREED),
}
PROTOTYPES = {7: prototype(7)}


def assessment(*ratings: Rating, target: str = "senior") -> Assessment:
    return Assessment("eng", "hash", "1", target, DAY, DAY, ratings=ratings, finished_on=DAY)


# ---------------------------------------------------------------- evidence strength


def test_evidence_strength_is_the_strongest_attached_item() -> None:
    assert evidence_strength(Rating("a", "mid"), ENTRIES, PROTOTYPES) is None
    rating = Rating("a", "mid", evidence_ids=(1, 2))
    assert evidence_strength(rating, ENTRIES, PROTOTYPES) is EvidenceStrength.PEER_CONFIRMED
    with_manager = Rating("a", "mid", evidence_ids=(3,), prototype_ids=(7,))
    assert evidence_strength(with_manager, ENTRIES, PROTOTYPES) is EvidenceStrength.MANAGER_AGREED


def test_a_prototype_counts_as_an_artifact() -> None:
    only_prototype = Rating("a", "mid", prototype_ids=(7,))
    assert evidence_strength(only_prototype, ENTRIES, PROTOTYPES) is EvidenceStrength.ARTIFACT
    with_claim = Rating("a", "mid", evidence_ids=(1,), prototype_ids=(7,))
    assert evidence_strength(with_claim, ENTRIES, PROTOTYPES) is EvidenceStrength.ARTIFACT


def test_deleted_evidence_ids_are_ignored() -> None:
    gone = Rating("a", "mid", evidence_ids=(98, 99), prototype_ids=(70,))
    assert evidence_strength(gone, ENTRIES, PROTOTYPES) is None
    partly = Rating("a", "mid", evidence_ids=(99, 1), prototype_ids=(70,))
    assert evidence_strength(partly, ENTRIES, PROTOTYPES) is EvidenceStrength.SELF_CLAIM


@given(
    st.lists(st.sampled_from(list(EvidenceStrength)), max_size=6),
    st.booleans(),
)
def test_evidence_strength_is_the_maximum_rank(
    strengths: list[EvidenceStrength], with_prototype: bool
) -> None:
    entries = {i: entry(i, strength) for i, strength in enumerate(strengths)}
    rating = Rating(
        "a", "mid", evidence_ids=tuple(entries), prototype_ids=(7,) if with_prototype else ()
    )
    ranks = [s.rank for s in strengths] + (
        [EvidenceStrength.ARTIFACT.rank] if with_prototype else []
    )
    found = evidence_strength(rating, entries, PROTOTYPES)
    assert (found.rank if found else 0) == max(ranks, default=0)


# ---------------------------------------------------------------- assessment result


def test_assessment_result_lists_statuses_gaps_and_unsupported_ratings_in_ladder_order() -> None:
    # Ratings deliberately out of ladder order; d is left unrated.
    the_assessment = assessment(
        Rating("e", "mid"),
        Rating("c", "junior"),
        Rating("b", "mid", evidence_ids=(2, 99)),
        Rating("a", "senior", evidence_ids=(1,), prototype_ids=(7,)),
    )
    result = assessment_result(LADDER, the_assessment, ENTRIES, PROTOTYPES)
    assert result == AssessmentResult(
        estimate=estimate_level(LADDER, the_assessment.levels()),
        statuses=(
            CompetencyStatus(
                "a", "A", "Craft", "senior", "senior", EvidenceStrength.ARTIFACT, False
            ),
            CompetencyStatus(
                "b", "B", "Craft", "mid", "senior", EvidenceStrength.PEER_CONFIRMED, False
            ),
            CompetencyStatus("c", "C", "Impact", "junior", "senior", None, False),
            CompetencyStatus("d", "D", "Craft", None, "senior", None, False),
            CompetencyStatus("e", "E", "Craft", "mid", "senior", None, True),
        ),
        gaps=(
            Gap("b", "B", "mid", "senior", 1, Expectation("b at senior"), (ENTRIES[2],)),
            Gap("c", "C", "junior", "senior", 2, Expectation("c at senior"), ()),
            Gap("d", "D", None, "senior", 3, Expectation("d at senior"), ()),
            Gap("e", "E", "mid", "senior", 1, Expectation("e at senior"), ()),
        ),
        unsupported=("e",),
    )
    # 4 of 5 rated, all at junior or above, but only 3 at mid or above (4 needed).
    assert (result.estimate.level_id, result.estimate.label) == ("junior", "Junior")


def test_ratings_at_or_above_target_are_no_gaps() -> None:
    the_assessment = assessment(
        *(Rating(cid, "senior", evidence_ids=(3,)) for cid in "abcd"),
        Rating("e", "mid"),
        target="mid",
    )
    result = assessment_result(LADDER, the_assessment, ENTRIES, PROTOTYPES)
    assert result.gaps == ()
    assert result.unsupported == ("e",)
    assert {status.target_level_id for status in result.statuses} == {"mid"}
    assert (result.estimate.level_id, result.estimate.label) == ("senior", "Senior")


def test_a_lowest_target_leaves_only_unrated_competencies_as_gaps() -> None:
    the_assessment = assessment(Rating("a", "junior"), target="junior")
    result = assessment_result(LADDER, the_assessment, {}, {})
    assert [(gap.competency_id, gap.rated_level_id, gap.steps) for gap in result.gaps] == [
        ("b", None, 1),
        ("c", None, 1),
        ("d", None, 1),
        ("e", None, 1),
    ]
    assert result.gaps[0].expectation == Expectation("b at junior")
    assert result.unsupported == ()
    assert result.estimate.level_id is None


def test_a_gap_keeps_only_entries_that_still_exist_and_the_target_expectation() -> None:
    sparse = Ladder("s", "S", "1", "", LEVELS, (Competency("x", "X"),))
    the_assessment = assessment(
        Rating("x", "junior", evidence_ids=(42, 3, 43), prototype_ids=(7,))
    )
    result = assessment_result(sparse, the_assessment, ENTRIES, PROTOTYPES)
    (gap,) = result.gaps
    assert gap == Gap(
        "x", "X", "junior", "senior", 2, Expectation(), (ENTRIES[3],), (PROTOTYPES[7],)
    )
    assert gap.expectation.is_empty
    assert result.statuses[0].strength is EvidenceStrength.MANAGER_AGREED


def test_a_rating_whose_evidence_was_all_deleted_becomes_unsupported() -> None:
    the_assessment = assessment(Rating("a", "senior", evidence_ids=(99,), prototype_ids=(70,)))
    result = assessment_result(LADDER, the_assessment, ENTRIES, PROTOTYPES)
    assert result.unsupported == ("a",)
    assert result.statuses[0].strength is None


def test_a_target_the_ladder_lacks_gives_no_gaps() -> None:
    result = assessment_result(LADDER, assessment(target="cto"), {}, {})
    assert result.gaps == ()
    assert len(result.statuses) == 5


def test_level_title_is_available_from_the_result_module() -> None:
    assert level_title(LADDER, "mid") == "Mid"


# ---------------------------------------------------------------- compare


def test_compare_reports_moves_up_down_same_and_newly_rated() -> None:
    before = assessment(
        Rating("a", "junior"), Rating("b", "senior"), Rating("c", "mid"), Rating("e", "junior")
    )
    after = assessment(
        Rating("a", "senior"), Rating("b", "mid"), Rating("c", "mid"), Rating("d", "junior")
    )
    assert compare(LADDER, before, LADDER, after) == (
        Move("a", "A", "junior", "senior", 2),
        Move("b", "B", "senior", "mid", -1),
        Move("c", "C", "mid", "mid", 0),
        Move("d", "D", None, "junior", 1),
        Move("e", "E", "junior", None, -1),
    )


def test_compare_across_ladder_versions_uses_each_ladder_s_own_order() -> None:
    old = Ladder(
        "eng",
        "Engineering",
        "1",
        "",
        (Level("l1", "One"), Level("l2", "Two"), Level("l3", "Three")),
        (Competency("keep", "Keep"), Competency("dropped", "Dropped")),
    )
    new = Ladder(
        "eng",
        "Engineering",
        "2",
        "",
        (Level("l0", "Zero"), Level("l1", "One"), Level("l2", "Two"), Level("l3", "Three")),
        (Competency("added", "Added"), Competency("keep", "Kept")),
    )
    before = assessment(Rating("keep", "l2"), Rating("dropped", "l3"), Rating("added", "l1"))
    after = assessment(Rating("added", "l1"), Rating("keep", "l2"), Rating("dropped", "l3"))
    assert compare(old, before, new, after) == (
        # "added" was not in the old ladder, so its old rating does not count.
        Move("added", "Added", None, "l1", 2),
        # Same id, but l2 is position 1 in the old ladder and position 2 in the new one.
        Move("keep", "Kept", "l2", "l2", 1),
        # "dropped" is gone from the new ladder, so it is no longer rated there.
        Move("dropped", "Dropped", "l3", None, -3),
    )


def test_compare_treats_levels_the_ladder_lacks_as_unrated() -> None:
    before = assessment(Rating("a", "guru"))
    after = assessment(Rating("a", "mid"))
    moves = compare(LADDER, before, LADDER, after)
    assert moves[0] == Move("a", "A", None, "mid", 2)
    assert moves[1:] == tuple(Move(cid, cid.upper(), None, None, 0) for cid in "bcde")
