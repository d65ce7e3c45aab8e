"""Assessments and drafts round-trip through SQLite and PostgreSQL, pinned to ladder versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from careercoach.domain.assessment import Assessment, Confidence, Rating
from careercoach.domain.errors import NotFoundError
from careercoach.storage.database import Database
from careercoach.storage.tables import LadderVersionRow
from tests.storage.test_repositories import small_ladder

NOW = dt.datetime(2026, 11, 27, 9, 30)


def pinned(database: Database) -> Assessment:
    with database.unit_of_work() as work:
        stored = work.ladders.save(small_ladder(), builtin=False, now=NOW)
    return Assessment(
        ladder_id="team-ladder",
        ladder_hash=stored.content_hash,
        ladder_version="1.0",
        target_level_id="senior",
        period_start=dt.date(2026, 9, 1),
        period_end=dt.date(2026, 11, 27),
        ratings=(
            Rating(
                "delivery",
                "junior",
                Confidence.HIGH,
                "Shipped the churn model — “on time”",
                evidence_ids=(3, 1),
                prototype_ids=(2,),
            ),
        ),
    )


def test_a_draft_is_saved_again_and_again_then_finished(database: Database) -> None:
    draft = pinned(database)
    with database.unit_of_work() as work:
        assert work.assessments.draft() is None
        saved = work.assessments.save(replace(draft, step=1), now=NOW)
    with database.unit_of_work() as work:
        assert work.assessments.draft() == saved
        assert work.assessments.finished() == []
        again = work.assessments.save(replace(saved, step=2, ratings=()), now=NOW)
    assert again.id == saved.id
    finished = replace(again, ratings=draft.ratings, finished_on=dt.date(2026, 11, 27))
    with database.unit_of_work() as work:
        work.assessments.save(finished, now=NOW)
    with database.unit_of_work() as work:
        assert work.assessments.draft() is None
        assert work.assessments.finished() == [finished]
        assert work.assessments.get(saved.id) == finished  # type: ignore[arg-type]  # stored


def test_finished_assessments_come_latest_first_and_can_be_deleted(database: Database) -> None:
    base = pinned(database)
    with database.unit_of_work() as work:
        older = work.assessments.save(replace(base, finished_on=dt.date(2026, 6, 1)), now=NOW)
        newer = work.assessments.save(replace(base, finished_on=dt.date(2026, 9, 1)), now=NOW)
        assert [a.id for a in work.assessments.finished()] == [newer.id, older.id]
        work.assessments.delete(older.id)  # type: ignore[arg-type]  # stored
    with database.unit_of_work() as work:
        assert [a.id for a in work.assessments.finished()] == [newer.id]
        with pytest.raises(NotFoundError, match="no assessment"):
            work.assessments.get(older.id)  # type: ignore[arg-type]  # stored


def test_the_pinned_ladder_version_cannot_be_deleted(database: Database) -> None:
    assessment = pinned(database)
    with database.unit_of_work() as work:
        work.assessments.save(replace(assessment, finished_on=dt.date(2026, 11, 27)), now=NOW)
    with pytest.raises(IntegrityError):
        delete_every_ladder_version(database)
    with database.unit_of_work() as work:
        assert work.ladders.get("team-ladder").content_hash == assessment.ladder_hash


def delete_every_ladder_version(database: Database) -> None:
    with database._engine.begin() as connection:
        connection.execute(delete(LadderVersionRow))
