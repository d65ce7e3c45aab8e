"""Assessment drafts: invisible pasted characters never block a save; ratings come in order."""

from __future__ import annotations

import datetime as dt

from careercoach.domain.assessment import Assessment, Rating, checked_assessment
from careercoach.domain.ladder import Competency, Ladder, Level

TODAY = dt.date(2026, 11, 27)
LADDER = Ladder(
    id="team",
    name="Team",
    version="1",
    description="",
    levels=(Level("junior", "Junior", ""), Level("senior", "Senior", "")),
    competencies=(Competency("a", "A", "X", ""), Competency("b", "B", "X", "")),
)


def test_pasted_control_characters_are_dropped_from_notes_not_refused() -> None:
    draft = Assessment(
        ladder_id="team",
        ladder_hash="h",
        ladder_version="1",
        target_level_id="senior",
        period_start=TODAY,
        period_end=TODAY,
        ratings=(
            Rating("b", "senior", notes="Led it\x1b[0m\x0b end\r\nto end\t(really) "),
            Rating("a", "junior", evidence_ids=(3, 3, 1)),
        ),
    )
    checked = checked_assessment(draft, LADDER, TODAY)
    assert [rating.competency_id for rating in checked.ratings] == ["a", "b"]
    assert checked.ratings[1].notes == "Led it[0m end\nto end\t(really)"
    assert checked.ratings[0].evidence_ids == (3, 1)


def test_a_gap_lists_the_prototypes_attached_to_its_rating() -> None:
    from careercoach.domain.assessment_result import assessment_result
    from careercoach.domain.prototype import Prototype, Stage, StageChange

    demo = Prototype("Uplift demo", (StageChange(Stage.DEMO, TODAY),), id=7)
    assessment = Assessment(
        ladder_id="team",
        ladder_hash="h",
        ladder_version="1",
        target_level_id="senior",
        period_start=TODAY,
        period_end=TODAY,
        ratings=(Rating("a", "junior", prototype_ids=(7, 99)), Rating("b", "senior")),
        finished_on=TODAY,
    )
    result = assessment_result(LADDER, assessment, {}, {7: demo})
    assert [gap.competency_id for gap in result.gaps] == ["a"]
    assert result.gaps[0].prototypes == (demo,)  # 99 no longer exists
    assert result.gaps[0].evidence == ()
