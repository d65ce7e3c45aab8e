"""Each Alembic revision upgrades a database of the previous revision that holds data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.storage import schema
from careercoach.storage.database import Database
from careercoach.storage.revisions import HEAD_REVISION

NOW = dt.datetime(2026, 11, 27, 10)


def migrate(database_file: Path, revision: str) -> None:
    """Bring the SQLite file to ``revision`` exactly as the app's migrations do."""
    database_file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{database_file}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def execute(database_file: Path, *statements: str) -> None:
    with closing(sqlite3.connect(database_file)) as connection, connection:
        for statement in statements:
            connection.execute(statement)


def rows(database_file: Path, query: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database_file)) as connection:
        return connection.execute(query).fetchall()


def test_0002_keeps_the_profile_and_ladders_and_adds_the_ledger(tmp_path: Path) -> None:
    database_file = tmp_path / "data" / "careercoach.sqlite3"
    migrate(database_file, "0001_initial")
    execute(
        database_file,
        "INSERT INTO profile VALUES (1, 'Ada', 'Data Scientist', 'data-science-ic',"
        " 'senior', 14, '2026-12-01', '2026-11-27 10:00:00')",
        "INSERT INTO ladders VALUES ('team', 'Team', 0, 'abc', '2026-11-27 10:00:00',"
        " '2026-11-27 10:00:00')",
    )

    migrate(database_file, "0002_evidence")

    assert rows(database_file, "SELECT name, next_one_on_one FROM profile") == [
        ("Ada", "2026-12-01")
    ]
    assert rows(database_file, "SELECT id, name FROM ladders") == [("team", "Team")]
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    try:
        db.upgrade()
        with db.unit_of_work() as work:
            entry = work.contributions.add(
                Contribution(dt.date(2026, 11, 2), "Reviewed a PR", ContributionKind.CODE_REVIEW),
                now=NOW,
            )
            assert work.contributions.find() == [entry]
    finally:
        db.close()


def test_0003_keeps_the_ledger_and_adds_assessments_pinned_to_ladder_versions(
    tmp_path: Path,
) -> None:
    database_file = tmp_path / "data" / "careercoach.sqlite3"
    migrate(database_file, "0002_evidence")
    execute(
        database_file,
        "INSERT INTO ladders VALUES ('team', 'Team', 0, 'h1', '2026-11-27 10:00:00',"
        " '2026-11-27 10:00:00')",
        "INSERT INTO ladder_versions (ladder_id, content_hash, version, document, created_at)"
        " VALUES ('team', 'h1', '1.0', '{}', '2026-11-27 10:00:00')",
        "INSERT INTO contributions (date, title, kind, beneficiary, project, external_challenges,"
        " outcome, links, feedback_quote, evidence, competencies, created_at, updated_at)"
        " VALUES ('2026-11-02', 'Docs for Priya', 'documentation', 'Priya', '', '', '', '[]',"
        " '', 'artifact', '[\"delivery\"]', '2026-11-27 10:00:00', '2026-11-27 10:00:00')",
    )

    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    try:
        result = db.upgrade()
        with db.unit_of_work() as work:
            assert [entry.title for entry in work.contributions.find()] == ["Docs for Priya"]
            stored = work.assessments.save(
                Assessment(
                    ladder_id="team",
                    ladder_hash="h1",
                    ladder_version="1.0",
                    target_level_id="senior",
                    period_start=dt.date(2026, 9, 1),
                    period_end=dt.date(2026, 11, 27),
                    ratings=(Rating("delivery", "mid", evidence_ids=(1,)),),
                    finished_on=dt.date(2026, 11, 27),
                ),
                now=NOW,
            )
            assert work.assessments.finished() == [stored]
    finally:
        db.close()
    assert (result.from_revision, result.to_revision) == ("0002_evidence", HEAD_REVISION)
    assert result.backup_file is not None
