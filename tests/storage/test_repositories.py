"""Ladders and the profile survive a round trip through SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from careercoach.domain.errors import NotFoundError
from careercoach.domain.ladder import Competency, Expectation, Ladder, Level, LevelEstimatePolicy
from careercoach.domain.ladder_format import ladder_content_hash
from careercoach.domain.profile import Profile
from careercoach.storage.database import Database

NOW = dt.datetime(2026, 11, 27, 9, 30)


def small_ladder(version: str = "1.0", summary: str = "Delivers well-scoped tasks.") -> Ladder:
    levels = (Level("junior", "Junior", "Given tasks."), Level("senior", "Senior", "Owns it."))
    return Ladder(
        id="team-ladder",
        name="Team ladder — ünïcode",
        version=version,
        description="Our team's ladder.",
        levels=levels,
        competencies=(
            Competency(
                id="delivery",
                name="Delivery",
                category="Impact",
                description="Ships things.",
                expectations={
                    "junior": Expectation(summary, ("Closes tickets", "Asks early"), ("A fix",)),
                    "senior": Expectation(),
                },
            ),
        ),
        policy=LevelEstimatePolicy("share-at-level", {"share": 0.75}),
    )


def test_saved_ladder_reads_back_equal(database: Database) -> None:
    ladder = small_ladder()
    with database.unit_of_work() as work:
        stored = work.ladders.save(ladder, builtin=False, now=NOW)
    with database.unit_of_work() as work:
        loaded = work.ladders.get("team-ladder")
    assert loaded.ladder == ladder
    assert loaded.content_hash == stored.content_hash == ladder_content_hash(ladder)
    assert not loaded.builtin


def test_editing_a_ladder_keeps_the_pinned_old_version(database: Database) -> None:
    first = small_ladder()
    second = small_ladder(version="1.1", summary="Delivers scoped tasks with little help.")
    with database.unit_of_work() as work:
        old = work.ladders.save(first, builtin=False, now=NOW)
        new = work.ladders.save(second, builtin=False, now=NOW)
    with database.unit_of_work() as work:
        assert work.ladders.get("team-ladder").ladder == second
        assert work.ladders.get_version("team-ladder", old.content_hash).ladder == first
        assert work.ladders.get_version("team-ladder", new.content_hash).ladder == second
        summaries = work.ladders.summaries()
    assert [(s.id, s.version) for s in summaries] == [("team-ladder", "1.1")]


def test_saving_the_same_content_twice_stores_one_version(database: Database) -> None:
    with database.unit_of_work() as work:
        work.ladders.save(small_ladder(), builtin=True, now=NOW)
    with database.unit_of_work() as work:
        work.ladders.save(small_ladder(), builtin=True, now=NOW)
        summaries = work.ladders.summaries()
    assert len(summaries) == 1
    assert summaries[0].builtin


def test_unknown_ladder_is_not_found(database: Database) -> None:
    with database.unit_of_work() as work, pytest.raises(NotFoundError, match="no ladder 'nope'"):
        work.ladders.get("nope")


def test_profile_round_trip(database: Database) -> None:
    with database.unit_of_work() as work:
        assert work.profiles.get() is None
        work.profiles.save(
            Profile(
                name="Ada",
                role="ML Engineer",
                ladder_id="team-ladder",
                target_level_id="senior",
                one_on_one_every_days=7,
                next_one_on_one=dt.date(2026, 12, 3),
            ),
            now=NOW,
        )
    with database.unit_of_work() as work:
        profile = work.profiles.get()
    assert profile is not None
    assert profile == Profile(
        name="Ada",
        role="ML Engineer",
        ladder_id="team-ladder",
        target_level_id="senior",
        one_on_one_every_days=7,
        next_one_on_one=dt.date(2026, 12, 3),
        is_default=False,
    )
    with database.unit_of_work() as work:
        work.profiles.save(replace(profile, next_one_on_one=None), now=NOW)
    with database.unit_of_work() as work:
        again = work.profiles.get()
    assert again is not None
    assert again.next_one_on_one is None


def test_failed_unit_of_work_rolls_back(database: Database) -> None:
    def save_then_fail() -> None:
        with database.unit_of_work() as work:
            work.ladders.save(small_ladder(), builtin=False, now=NOW)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        save_then_fail()
    with database.unit_of_work() as work:
        assert work.ladders.summaries() == []
