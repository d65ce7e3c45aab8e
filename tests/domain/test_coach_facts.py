"""compute_facts gives exactly the catalogue's facts, each of its declared type."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.coach_fact_catalogue import FACTS, FACTS_BY_NAME, FactType
from careercoach.domain.coach_facts import CoachData, FactValue, compute_facts
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.ladder import Competency, Ladder, Level
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange

TODAY = dt.date(2026, 3, 18)
LEVELS = (Level("junior", "Junior"), Level("mid", "Mid"), Level("senior", "Senior"))
LADDER = Ladder(
    "eng",
    "Engineering",
    "1",
    "",
    LEVELS,
    (Competency("delivery", "Delivery"), Competency("ambiguity", "Ambiguity")),
)


def test_compute_facts_gives_the_catalogues_names_in_catalogue_order() -> None:
    found = compute_facts(CoachData(TODAY, Profile()))
    assert list(found) == [spec.name for spec in FACTS]


def test_fact_names_are_unique_identifiers_with_a_definition() -> None:
    names = [spec.name for spec in FACTS]
    assert len(names) == len(set(names)) == len(FACTS_BY_NAME)
    for spec in FACTS:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", spec.name), spec.name
        assert spec.definition.endswith((".", ")")), spec.name
        assert spec.group


def test_only_number_facts_are_nullable() -> None:
    nullable = {spec.name for spec in FACTS if spec.nullable}
    assert nullable == {
        "days_since_last_entry",
        "days_since_helping_entry",
        "days_since_last_assessment",
        "levels_below_target",
        "weeks_since_checkin",
        "days_until_one_on_one",
    }
    assert {FACTS_BY_NAME[name].type for name in nullable} == {FactType.NUMBER}


def test_every_fact_is_tested_in_the_fact_test_modules() -> None:
    here = Path(__file__).parent
    text = "".join(path.read_text("utf-8") for path in here.glob("test_coach_facts*.py"))
    untested = [spec.name for spec in FACTS if f'"{spec.name}"' not in text]
    assert untested == []


# ---------------------------------------------------------------- profile facts


def profile_facts(profile: Profile) -> dict[str, FactValue]:
    found = compute_facts(CoachData(TODAY, profile))
    names = ("days_until_one_on_one", "next_one_on_one", "role", "has_profile")
    return {name: found[name] for name in names}


def test_profile_facts_without_a_scheduled_one_on_one() -> None:
    assert profile_facts(Profile()) == {
        "days_until_one_on_one": None,
        "next_one_on_one": "",
        "role": "Data Scientist",
        "has_profile": False,
    }


@pytest.mark.parametrize(
    ("scheduled", "every", "days", "shown"),
    [
        (TODAY, 14, 0, "2026-03-18"),
        (dt.date(2026, 3, 20), 14, 2, "2026-03-20"),
        (dt.date(2026, 3, 4), 14, 0, "2026-03-18"),
        (dt.date(2026, 3, 3), 14, 13, "2026-03-31"),
        (dt.date(2026, 3, 17), 7, 6, "2026-03-24"),
        (dt.date(2025, 12, 31), 30, 13, "2026-03-31"),
    ],
)
def test_the_next_one_on_one_rolls_forward_by_the_cadence(
    scheduled: dt.date, every: int, days: int, shown: str
) -> None:
    profile = Profile(
        role="Staff Analyst",
        one_on_one_every_days=every,
        next_one_on_one=scheduled,
        is_default=False,
    )
    assert profile_facts(profile) == {
        "days_until_one_on_one": days,
        "next_one_on_one": shown,
        "role": "Staff Analyst",
        "has_profile": True,
    }


# ---------------------------------------------------------------- types, over generated data

OFFSETS = st.integers(min_value=-800, max_value=30)
NAMES = st.sampled_from(["", "Priya", "priya", "Sam", "Ops team"])


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


@st.composite
def entries(draw: st.DrawFn) -> Contribution:
    return Contribution(
        day(draw(OFFSETS)),
        "Work",
        draw(st.sampled_from(ContributionKind)),
        beneficiary=draw(NAMES),
        feedback_quote=draw(st.sampled_from(["", "Thanks!"])),
        evidence=draw(st.sampled_from(EvidenceStrength)),
        id=draw(st.integers(min_value=1, max_value=6)),
    )


@st.composite
def prototypes(draw: st.DrawFn) -> Prototype:
    stages = draw(st.lists(st.sampled_from(Stage), min_size=1, max_size=5))
    distinct = [s for i, s in enumerate(stages) if i == 0 or s is not stages[i - 1]]
    start = draw(st.integers(min_value=-800, max_value=0))
    gaps = draw(st.lists(st.integers(0, 200), min_size=len(distinct), max_size=len(distinct)))
    history, offset = [], start
    for stage, gap in zip(distinct, gaps, strict=True):
        offset += gap
        reason = draw(st.sampled_from([None, *ShelveReason])) if stage is Stage.SHELVED else None
        history.append(StageChange(stage, day(offset), shelved_because=reason))
    return Prototype(
        draw(st.sampled_from(["Churn", "Forecast", ""])),
        tuple(history),
        consulted_count=draw(st.integers(0, 4)),
        hours=draw(st.none() | st.floats(0, 500, allow_nan=False)),
        id=draw(st.integers(min_value=1, max_value=6)),
    )


@st.composite
def checkins(draw: st.DrawFn) -> list[CheckIn]:
    weeks = draw(st.sets(st.integers(min_value=-2, max_value=60), max_size=10))
    hours = st.floats(0, 40, allow_nan=False)
    return [
        CheckIn(
            IsoWeek.of(TODAY - dt.timedelta(weeks=w)),
            draw(hours),
            draw(hours),
            draw(hours),
            draw(hours),
        )
        for w in sorted(weeks)
    ]


@st.composite
def assessments(draw: st.DrawFn) -> Assessment | None:
    if draw(st.booleans()):
        return None
    level = st.none() | st.sampled_from([level.id for level in LEVELS])
    ids = st.lists(st.integers(1, 8), max_size=2).map(tuple)
    ratings = tuple(
        Rating(c.id, draw(level), evidence_ids=draw(ids), prototype_ids=draw(ids))
        for c in LADDER.competencies
    )
    finished = day(draw(st.integers(min_value=-800, max_value=0)))
    target = draw(st.sampled_from(["junior", "mid", "senior", "principal"]))
    return Assessment("eng", "h", "1", target, finished, finished, ratings, finished_on=finished)


@st.composite
def coach_data(draw: st.DrawFn) -> CoachData:
    profile = Profile(
        role=draw(st.sampled_from(["", "Data Scientist"])),
        target_level_id=draw(st.sampled_from(["mid", "senior", "principal"])),
        one_on_one_every_days=draw(st.integers(1, 60)),
        next_one_on_one=draw(st.none() | OFFSETS.map(day)),
        is_default=draw(st.booleans()),
    )
    assessment = draw(assessments())
    return CoachData(
        TODAY,
        profile,
        entries=draw(st.lists(entries(), max_size=8)),
        prototypes=draw(st.lists(prototypes(), max_size=5)),
        checkins=draw(checkins()),
        assessment=assessment,
        ladder=LADDER if assessment is not None else None,
        has_draft=draw(st.booleans()),
        profile_ladder=draw(st.none() | st.just(LADDER)),
    )


def has_type(value: FactValue, kind: FactType) -> bool:
    if kind is FactType.NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    if kind is FactType.TEXT:
        return isinstance(value, str)
    if kind is FactType.BOOLEAN:
        return isinstance(value, bool)
    if kind is FactType.TEXT_LIST:
        return isinstance(value, tuple) and all(isinstance(item, str) for item in value)
    return (
        isinstance(value, dict)
        and all(isinstance(key, str) for key in value)
        and all(isinstance(n, int | float) and not isinstance(n, bool) for n in value.values())
        and all(n >= 0 for n in value.values())
    )


@given(coach_data())
def test_every_fact_has_its_declared_type_and_numbers_are_not_negative(data: CoachData) -> None:
    found = compute_facts(data)
    assert list(found) == [spec.name for spec in FACTS]
    for spec in FACTS:
        value = found[spec.name]
        if value is None:
            assert spec.nullable, spec.name
        else:
            assert has_type(value, spec.type), (spec.name, value)


@given(coach_data())
def test_mapping_facts_always_have_every_key(data: CoachData) -> None:
    found = compute_facts(data)
    kinds = {kind.value for kind in ContributionKind}
    for name in ("helping_by_kind_30d", "helping_by_kind_90d"):
        by_kind = found[name]
        assert isinstance(by_kind, dict)
        assert set(by_kind) == kinds
    by_stage = found["prototypes_by_stage"]
    assert isinstance(by_stage, dict)
    assert set(by_stage) == {stage.value for stage in Stage}
    assert sum(by_stage.values()) == len(data.prototypes)
