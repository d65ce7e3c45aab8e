"""Five people's data, and exactly which coach rules fire (in rank order) for each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain.contribution import ContributionKind as Kind
from careercoach.domain.contribution import EvidenceStrength as Strength
from careercoach.domain.prototype import ShelveReason, Stage
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services
from tests.database_backends import DatabaseBackend
from tests.services.coach_world import DATA_SCIENCE, World

BUILT_IN_IDS = {
    "prepare-one-on-one",
    "hero-development",
    "validate-before-building",
    "help-others-drought",
    "first-assessment",
    "unsupported-rating",
    "no-peer-evidence",
    "solo-time-heavy",
    "ambiguity-gap",
    "finish-draft-assessment",
    "stale-assessment",
    "volunteer-unglamorous-work",
    "ask-for-quotes",
    "no-appetite",
    "work-on-largest-gap",
    "learning-outside-role",
    "missing-checkin",
}


@pytest.fixture
def world(isolated_app_dirs: Path, database_backend: DatabaseBackend) -> Iterator[World]:
    paths = AppPaths(isolated_app_dirs)
    services = open_services(paths, database_backend.url)
    yield World(services)
    services.close()


def all_at(level: str, **overrides: str) -> dict[str, str]:
    levels = dict.fromkeys(DATA_SCIENCE, level)
    levels.update({key.replace("_", "-"): value for key, value in overrides.items()})
    return levels


def backed_by(entry_id: int, *, except_: tuple[str, ...] = ()) -> dict[str, tuple[int, ...]]:
    return {cid: (entry_id,) for cid in DATA_SCIENCE if cid not in except_}


def check_the_week(world: World, weeks: range, **hours: float) -> None:
    for weeks_ago in weeks:
        world.checkin(weeks_ago, **hours)


def test_the_built_in_rules_are_the_ones_the_personas_cover(world: World) -> None:
    rules = world.coach().rule_sources.read()
    assert rules.problems == ()
    assert {rule.id for rule in rules.rules} == BUILT_IN_IDS


def test_solo_hero_prototyper(world: World) -> None:
    """Builds alone: a long unvalidated build, solo-heavy weeks, nothing for others lately."""
    world.profile(name="Hana", next_one_on_one=world.on(-10))
    work = world.entry(3, Kind.DELIVERY, title="Shipped the scorer")
    world.entry(12, Kind.DELIVERY)
    world.entry(100, Kind.CODE_REVIEW, beneficiary="Raj")
    world.prototype(
        "Auto-EDA generator",
        ((Stage.IDEA, 40), (Stage.BUILDING, 35)),
        hours=32,
        consulted=0,
    )
    check_the_week(world, range(4), assigned=30, helping=1, learning=2, solo=12)
    world.assess(20, all_at("senior"), backed_by(work))

    assert world.fired() == [
        "hero-development",
        "validate-before-building",
        "help-others-drought",
        "no-peer-evidence",
        "solo-time-heavy",
        "volunteer-unglamorous-work",
    ]
    advice = world.coach().advice()
    hero = advice.suggestions[0]
    assert dict(hero.facts) == {
        "lone_prototype_hours": 32.0,
        "lone_prototype_title": "Auto-EDA generator",
        "lone_prototype_consulted": 0,
    }
    assert '"Auto-EDA generator" has 32 hours in it' in hero.message
    solo = next(s for s in advice.suggestions if s.rule.id == "solo-time-heavy")
    assert dict(solo.facts) == {
        "recent_checkins": 4,
        "solo_hours_recent": 48.0,
        "helping_hours_recent": 4.0,
    }


def test_helpful_mid_level_with_a_stale_assessment(world: World) -> None:
    """Helps every week with peer-quoted evidence; last rated four months ago."""
    world.profile(name="Sam", next_one_on_one=world.on(-8))
    quoted = world.entry(
        2,
        Kind.DOCUMENTATION,
        beneficiary="Ana",
        evidence=Strength.PEER_CONFIRMED,
        quote="The guide saved me a week",
    )
    world.entry(9, Kind.TESTS, beneficiary="Raj", quote="Caught the null bug")
    world.entry(16, Kind.CODE_REVIEW, beneficiary="Mei")
    world.entry(130, Kind.DELIVERY)
    world.prototype(
        "Churn early warning",
        ((Stage.IDEA, 200), (Stage.VALIDATING, 190), (Stage.BUILDING, 170), (Stage.ADOPTED, 150)),
        hours=40,
        consulted=6,
    )
    check_the_week(world, range(4), assigned=25, helping=10, learning=1, solo=2)
    world.assess(120, all_at("senior", technical_execution="mid"), backed_by(quoted))

    assert world.fired() == ["stale-assessment", "work-on-largest-gap"]
    stale, gap = world.coach().advice().suggestions
    assert dict(stale.facts) == {"days_since_last_assessment": 120}
    assert dict(gap.facts) == {
        "largest_gap_steps": 1,
        "largest_gap_is_ambiguity": False,
        "target_level_name": "Senior Data Scientist",
        "largest_gap_names": "Technical execution",
    }


def test_senior_with_an_ambiguity_gap(world: World) -> None:
    """Aims at staff; the widest gap is ambiguity; two ideas died for lack of appetite."""
    world.profile(name="Priya", target_level_id="staff", next_one_on_one=world.on(-9))
    review = world.entry(
        4, Kind.CODE_REVIEW, beneficiary="Tom", evidence=Strength.MANAGER_AGREED, quote="Sharp"
    )
    world.entry(20, Kind.EXAMPLES, beneficiary="Ana", quote="Clear")
    for title, shelved in (("Feature store v2", 100), ("Label tool", 30)):
        world.prototype(
            title,
            ((Stage.IDEA, 200), (Stage.VALIDATING, 180), (Stage.SHELVED, shelved)),
            hours=6,
            consulted=8,
            because=ShelveReason.NO_APPETITE,
        )
    world.prototype(
        "Old idea",
        ((Stage.IDEA, 800), (Stage.SHELVED, 500)),
        because=ShelveReason.NO_APPETITE,
    )
    check_the_week(world, range(1, 5), assigned=28, helping=8, learning=1, solo=0)
    world.assess(
        30,
        all_at("staff", ambiguity_and_scope="senior"),
        backed_by(review, except_=("communication",)),
    )

    assert world.fired() == [
        "unsupported-rating",
        "ambiguity-gap",
        "no-appetite",
        "missing-checkin",
    ]
    suggestions = world.coach().advice().suggestions
    assert suggestions[0].message.startswith("Ratings with no evidence behind them: Communication")
    assert "Handling ambiguity and scope" in suggestions[1].message
    assert dict(suggestions[2].facts) == {"shelved_no_appetite_365d": 2}


def test_new_joiner_with_an_empty_ledger(world: World) -> None:
    """Saved a profile today and nothing else."""
    world.profile(name="Noor", role="Machine Learning Engineer")

    assert world.fired() == ["help-others-drought", "first-assessment", "missing-checkin"]
    first = world.coach().advice().suggestions[1]
    assert "gaps to Senior Data Scientist are" in first.message


def test_someone_with_a_one_on_one_tomorrow(world: World) -> None:
    """A fortnightly 1:1 last held 13 days ago; learning a lot, showing none of it yet."""
    world.profile(name="Leo", one_on_one_every_days=14, next_one_on_one=world.on(13))
    confirmed = world.entry(
        5, Kind.CODE_REVIEW, beneficiary="Ana", evidence=Strength.PEER_CONFIRMED
    )
    world.entry(15, Kind.TESTS, beneficiary="Raj")
    world.entry(40, Kind.MENTORING, beneficiary="Kim")
    check_the_week(world, range(4), assigned=30, helping=5, learning=3, solo=0)
    world.assess(40, all_at("senior"), backed_by(confirmed))
    world.start_draft()

    assert world.fired() == [
        "prepare-one-on-one",
        "finish-draft-assessment",
        "ask-for-quotes",
        "learning-outside-role",
    ]
    prepare = world.coach().advice().suggestions[0]
    assert world.on(-1) == dt.date(2026, 3, 5)
    assert dict(prepare.facts) == {"days_until_one_on_one": 1, "next_one_on_one": "2026-03-05"}
    assert prepare.message.startswith("Your next 1:1 is on 2026-03-05.")
