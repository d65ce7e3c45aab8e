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
