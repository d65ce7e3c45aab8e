"""Revision 0002 (evidence tables) upgrades a database that holds a profile and ladders."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.storage import schema
from careercoach.storage.database import Database


def stored_at_0001(database_file: Path) -> None:
    database_file.parent.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{database_file}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    engine.dispose()
    with sqlite3.connect(database_file) as connection:
        connection.execute(
            "INSERT INTO profile VALUES (1, 'Ada', 'Data Scientist', 'data-science-ic',"
            " 'senior', 14, '2026-12-01', '2026-11-27 10:00:00')"
        )
        connection.execute(
            "INSERT INTO ladders VALUES ('team', 'Team', 0, 'abc', '2026-11-27 10:00:00',"
            " '2026-11-27 10:00:00')"
        )
    connection.close()


def test_0002_keeps_the_profile_and_ladders_and_adds_the_ledger(tmp_path: Path) -> None:
    database_file = tmp_path / "data" / "careercoach.sqlite3"
    stored_at_0001(database_file)

    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    result = db.upgrade()
    with db.unit_of_work() as work:
        profile = work.profiles.get()
        entry = work.contributions.add(
            Contribution(dt.date(2026, 11, 2), "Reviewed a PR", ContributionKind.CODE_REVIEW),
            now=dt.datetime(2026, 11, 27),
        )
        assert work.contributions.find() == [entry]
        assert work.prototypes.all() == []
        assert work.checkins.all() == []
    db.close()

    assert (result.from_revision, result.to_revision) == ("0001_initial", "0002_evidence")
    assert result.backup_file is not None
    assert profile is not None
    assert (profile.name, profile.next_one_on_one) == ("Ada", dt.date(2026, 12, 1))
    with sqlite3.connect(database_file) as connection:
        assert connection.execute("SELECT id, name FROM ladders").fetchall() == [("team", "Team")]
    connection.close()
