"""Ledger entries, prototypes and check-ins survive a round trip through SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.errors import NotFoundError
from careercoach.domain.prototype import Dataset, Prototype, Stage, StageChange
from careercoach.domain.rubric import Rubric, Size
from careercoach.storage.database import Database

NOW = dt.datetime(2026, 11, 27, 9, 30)


def full_entry(**changes: object) -> Contribution:
    entry = Contribution(
        date=dt.date(2026, 11, 20),
        title="Wrote the feature-store docs — “quick start” for Priya's team",
        kind=ContributionKind.DOCUMENTATION,
        beneficiary="Priya Natarajan",
        project="Feature store",
        hours=3.5,
        rubric=Rubric(ambiguity=3, complexity=2, cross_functional=4, size=Size.M),
        external_challenges="The API changed twice that week.",
        outcome="Two teams onboarded without a meeting.",
        links=("https://wiki.example/feature-store", "https://git.example/pr/12"),
        feedback_quote="“The docs saved me a day.” — Priya",
        evidence=EvidenceStrength.PEER_CONFIRMED,
        competencies=("communication", "collaboration"),
    )
    return replace(entry, **changes)  # type: ignore[arg-type]  # test helper over any field


def test_a_full_entry_reads_back_equal(database: Database) -> None:
    with database.unit_of_work() as work:
        stored = work.contributions.add(full_entry(), now=NOW)
    assert stored.id is not None
    with database.unit_of_work() as work:
        assert work.contributions.get(stored.id) == stored
        assert work.contributions.find() == [stored]


def test_an_unrated_entry_keeps_its_blanks(database: Database) -> None:
    bare = Contribution(dt.date(2026, 1, 2), "Reviewed a PR", ContributionKind.CODE_REVIEW)
    with database.unit_of_work() as work:
        stored = work.contributions.add(bare, now=NOW)
    with database.unit_of_work() as work:
        loaded = work.contributions.get(stored.id)
    assert loaded.rubric == Rubric()
    assert loaded.hours is None
    assert (loaded.links, loaded.competencies) == ((), ())


def test_find_filters_inclusive_dates_and_kind_newest_first(database: Database) -> None:
    entries = [
        full_entry(date=dt.date(2026, 11, day), kind=kind, title=f"entry {day}")
        for day, kind in (
            (1, ContributionKind.TESTS),
            (5, ContributionKind.TESTS),
            (10, ContributionKind.MENTORING),
            (15, ContributionKind.TESTS),
        )
    ]
    with database.unit_of_work() as work:
        work.contributions.add_many(entries, now=NOW)
    with database.unit_of_work() as work:
        every = [entry.title for entry in work.contributions.find()]
        window = work.contributions.find(since=dt.date(2026, 11, 5), until=dt.date(2026, 11, 15))
        tests = work.contributions.find(kind=ContributionKind.TESTS, since=dt.date(2026, 11, 5))
        assert work.contributions.count() == 4
    assert every == ["entry 15", "entry 10", "entry 5", "entry 1"]
    assert [entry.title for entry in window] == ["entry 15", "entry 10", "entry 5"]
    assert [entry.title for entry in tests] == ["entry 15", "entry 5"]


def test_an_undone_delete_gets_its_old_id_back_even_after_new_entries(database: Database) -> None:
    with database.unit_of_work() as work:
        first = work.contributions.add(full_entry(title="first"), now=NOW)
        last = work.contributions.add(full_entry(title="last"), now=NOW)
    with database.unit_of_work() as work:
        deleted = work.contributions.delete(last.id)  # type: ignore[arg-type]  # stored: has an id
    with database.unit_of_work() as work:
        newer = work.contributions.add(full_entry(title="newer"), now=NOW)
        assert newer.id not in (first.id, last.id)  # a deleted id is never handed out again
        restored = work.contributions.add(deleted, now=NOW)
    assert restored == last
    with database.unit_of_work() as work:
        assert {entry.title for entry in work.contributions.find()} == {"first", "last", "newer"}


def test_updating_and_deleting_a_missing_entry_is_a_clear_error(database: Database) -> None:
    with database.unit_of_work() as work, pytest.raises(NotFoundError, match="no ledger entry 42"):
        work.contributions.update(full_entry(id=42), now=NOW)
    with database.unit_of_work() as work, pytest.raises(NotFoundError, match="no ledger entry 7"):
        work.contributions.delete(7)


def a_prototype() -> Prototype:
    return Prototype(
        title="Churn early-warning demo",
        pitch="Flag accounts likely to churn a month ahead.",
        learning_goal="Survival models",
        dataset=Dataset("Telco churn", "Kaggle", "CC BY 4.0"),
        history=(
            StageChange(Stage.IDEA, dt.date(2026, 3, 1)),
            StageChange(Stage.VALIDATING, dt.date(2026, 3, 8), "asked 6 people"),
            StageChange(Stage.BUILDING, dt.date(2026, 4, 1)),
        ),
        people_consulted=("Priya", "Tom"),
        consulted_count=6,
        reviewers=("Lena",),
        feedback="Useful if it explains itself.",
        hours=22.5,
        demo_link="https://demo.example/churn",
        outcome="",
        competencies=("learning-and-innovation",),
    )


def test_a_prototype_and_its_stage_history_read_back_equal(database: Database) -> None:
    with database.unit_of_work() as work:
        stored = work.prototypes.add(a_prototype(), now=NOW)
    with database.unit_of_work() as work:
        assert work.prototypes.get(stored.id) == stored
        assert work.prototypes.all() == [stored]
    assert stored.stage is Stage.BUILDING


def test_updating_a_prototype_rewrites_its_history(database: Database) -> None:
    with database.unit_of_work() as work:
        stored = work.prototypes.add(a_prototype(), now=NOW)
    shelved = replace(
        stored,
        history=(*stored.history, StageChange(Stage.SHELVED, dt.date(2026, 5, 2), "no appetite")),
    )
    with database.unit_of_work() as work:
        work.prototypes.update(shelved, now=NOW)
    with database.unit_of_work() as work:
        loaded = work.prototypes.get(stored.id)
        deleted = work.prototypes.delete(stored.id)  # type: ignore[arg-type]  # stored
    assert loaded.stage is Stage.SHELVED
    assert loaded.shelved_reason == "no appetite"
    assert deleted == loaded
    with database.unit_of_work() as work:
        assert work.prototypes.all() == []
        with pytest.raises(NotFoundError, match="no prototype"):
            work.prototypes.get(stored.id)


def test_one_checkin_per_week_the_second_replaces_the_first(database: Database) -> None:
    week = IsoWeek(2026, 48)
    with database.unit_of_work() as work:
        assert not work.checkins.save(CheckIn(week, 30, 6, 2, 1, "first"), now=NOW)
        assert work.checkins.save(CheckIn(week, 25, 10, 3, 0, "second"), now=NOW)
        work.checkins.save(CheckIn(IsoWeek(2026, 47), 32, 4, 2, 2), now=NOW)
    with database.unit_of_work() as work:
        assert work.checkins.get(week) == CheckIn(week, 25, 10, 3, 0, "second")
        assert [checkin.week for checkin in work.checkins.all()] == [week, IsoWeek(2026, 47)]
        assert work.checkins.get(IsoWeek(2025, 1)) is None
