"""The demo's quarterly assessments: valid, backed by the demo's own records, and growing."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest

from careercoach.domain.assessment import Assessment, Confidence, checked_assessment
from careercoach.domain.assessment_result import assessment_result
from careercoach.domain.demo_assessments import DemoAssessment, demo_assessments
from careercoach.domain.demo_data import DemoData, demo_data
from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_codec import parse_ladder_bytes
from careercoach.domain.level_estimate import estimate_level
from careercoach.domain.prototype import Stage
from careercoach.resources import builtin_ladder_files

TODAY = dt.date(2026, 3, 11)
TODAYS = [TODAY, dt.date(2028, 2, 29), dt.date(2025, 6, 15), dt.date(2027, 1, 3)]

# The growth story, quarter by quarter (oldest first).
EXPECTED_LEVELS = {
    "ambiguity-and-scope": ("associate", "mid", "mid", "mid"),
    "technical-execution": ("mid", "mid", "senior", "senior"),
    "experimentation": ("mid", "mid", "mid", "senior"),
    "delivery": ("mid", "mid", "mid", "mid"),
    "collaboration": ("mid", "senior", "senior", "senior"),
    "communication": ("mid", "mid", "mid", "senior"),
    "direction": ("associate", "associate", "mid", "mid"),
    "learning-and-innovation": ("mid", "mid", "senior", "senior"),
}


@pytest.fixture(scope="module")
def ladder() -> Ladder:
    path = next(path for path in builtin_ladder_files() if path.stem == "data-science-ic")
    return parse_ladder_bytes(path.read_bytes(), "toml")


@pytest.fixture(scope="module")
def data() -> DemoData:
    return demo_data(TODAY)


def pinned(data: DemoData, planned: DemoAssessment) -> Assessment:
    """``planned`` as the demo service stores it, with entry and prototype ids from 1."""
    return planned.pinned(
        ladder_id="data-science-ic",
        ladder_hash="hash",
        ladder_version="1.0",
        target_level_id="senior",
        entry_ids=range(1, len(data.entries) + 1),
        prototype_ids=range(1, len(data.prototypes) + 1),
    )


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_four_quarterly_assessments_finish_on_their_days(today: dt.date) -> None:
    assessments = demo_data(today).assessments
    days_before = [(today - a.finished_on).days for a in assessments]
    assert days_before == [270, 180, 90, 7]
    assert all(a.period_end == a.finished_on for a in assessments)
    assert (assessments[0].period_end - assessments[0].period_start).days == 89
    for before, after in itertools.pairwise(assessments):
        assert after.period_start == before.period_end + dt.timedelta(days=1)


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_every_assessment_passes_the_checks(today: dt.date, ladder: Ladder) -> None:
    data = demo_data(today)
    for planned in data.assessments:
        assessment = pinned(data, planned)
        assert checked_assessment(assessment, ladder, today) == assessment
        assert not assessment.is_draft


def test_ratings_grow_from_mostly_mid_toward_senior(data: DemoData, ladder: Ladder) -> None:
    levels = {
        competency.id: tuple(
            next(r.level_id for r in a.ratings if r.competency_id == competency.id)
            for a in data.assessments
        )
        for competency in ladder.competencies
    }
    assert levels == EXPECTED_LEVELS
    seniors = [sum(1 for r in a.ratings if r.level_id == "senior") for a in data.assessments]
    assert seniors == [0, 1, 3, 5]
    for row in levels.values():
        positions = [ladder.level_index(level) for level in row]
        assert positions == sorted(positions), "a rating never goes down"


def test_the_estimate_stays_mid_because_five_of_eight_is_short_of_75_percent(
    data: DemoData, ladder: Ladder
) -> None:
    estimates = [estimate_level(ladder, pinned(data, a).levels()) for a in data.assessments]
    assert [estimate.level_id for estimate in estimates] == ["mid", "mid", "mid", "mid"]
    assert "Not Senior Data Scientist: 5 of 8 at it or above, 6 needed." in estimates[-1].detail


def test_ratings_carry_confidence_and_short_notes(data: DemoData) -> None:
    ratings = [rating for a in data.assessments for rating in a.ratings]
    assert {rating.confidence for rating in ratings} == set(Confidence)
    assert all(0 < len(rating.notes) <= 80 for rating in ratings)
    assert len({rating.notes for rating in ratings}) == len(ratings)


def test_evidence_lies_inside_the_period_and_names_the_competency(data: DemoData) -> None:
    for planned in data.assessments:
        for rating in planned.ratings:
            for index in rating.entry_indices:
                entry = data.entries[index]
                assert planned.period_start <= entry.date <= planned.period_end
                assert rating.competency_id in entry.competencies
            for index in rating.prototype_indices:
                prototype = data.prototypes[index]
                assert rating.competency_id in prototype.competencies
                assert any(
                    planned.period_start <= change.date <= planned.period_end
                    and change.stage is not Stage.IDEA
                    for change in prototype.history
                )
            most = {"associate": 1, "mid": 2, "senior": 3}[rating.level_id]
            assert len(rating.entry_indices) <= most
            assert list(rating.entry_indices) == sorted(set(rating.entry_indices))


def test_only_the_last_direction_rating_has_no_evidence_yet(
    data: DemoData, ladder: Ladder
) -> None:
    entries = {index + 1: entry for index, entry in enumerate(data.entries)}
    prototypes = {index + 1: prototype for index, prototype in enumerate(data.prototypes)}
    unsupported = [
        assessment_result(ladder, pinned(data, a), entries, prototypes).unsupported
        for a in data.assessments
    ]
    assert unsupported == [(), (), (), ("direction",)]
    backed = sum(
        1 for a in data.assessments for r in a.ratings if r.entry_indices or r.prototype_indices
    )
    assert backed >= 4 * 8 - 2  # the first direction rating (associate) may have none


def test_adopted_and_shelved_prototypes_back_the_ratings_of_their_quarter(
    data: DemoData,
) -> None:
    titles = {
        (quarter, rating.competency_id): {
            data.prototypes[i].title for i in rating.prototype_indices
        }
        for quarter, a in enumerate(data.assessments)
        for rating in a.ratings
    }
    clv = "Customer lifetime value from purchase histories"
    assert clv in titles[(1, "learning-and-innovation")]
    assert "Lightweight feature store for analysts" in titles[(1, "direction")]
    assert "Uplift model for retention offers" not in set().union(*titles.values())


def test_pinned_maps_positions_to_stored_ids(data: DemoData) -> None:
    planned = data.assessments[-1]
    entry_ids = [1000 + i for i in range(len(data.entries))]
    prototype_ids = [50 + i for i in range(len(data.prototypes))]
    assessment = planned.pinned(
        ladder_id="data-science-ic",
        ladder_hash="abc",
        ladder_version="1.0",
        target_level_id="senior",
        entry_ids=entry_ids,
        prototype_ids=prototype_ids,
    )
    assert (assessment.ladder_hash, assessment.finished_on) == ("abc", planned.finished_on)
    for rating, plan in zip(assessment.ratings, planned.ratings, strict=True):
        assert rating.evidence_ids == tuple(1000 + i for i in plan.entry_indices)
        assert rating.prototype_ids == tuple(50 + i for i in plan.prototype_indices)
        assert (rating.level_id, rating.notes) == (plan.level_id, plan.notes)


def test_the_same_assessments_whatever_the_day_only_shifted() -> None:
    before = demo_data(TODAY)
    later = TODAY + dt.timedelta(days=45)
    after = demo_data(later)
    delta = dt.timedelta(days=45)
    assert after.assessments == tuple(
        replace(
            a,
            period_start=a.period_start + delta,
            period_end=a.period_end + delta,
            finished_on=a.finished_on + delta,
        )
        for a in before.assessments
    )
    assert demo_assessments(TODAY, before.entries, before.prototypes) == before.assessments
