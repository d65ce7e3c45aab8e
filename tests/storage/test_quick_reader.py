"""The quick start-up reader agrees with the repositories, and steps aside when it must."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from careercoach.domain.profile import Profile
from careercoach.storage.database import Database
from careercoach.storage.quick_reader import read_snapshot
from tests.storage.test_repositories import NOW, small_ladder


def migrated_file(tmp_path: Path) -> tuple[Path, Database]:
    database_file = tmp_path / "careercoach.sqlite3"
    database = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    database.upgrade()
    return database_file, database


def test_snapshot_equals_what_the_repositories_read(tmp_path: Path) -> None:
    database_file, database = migrated_file(tmp_path)
    with database.unit_of_work() as work:
        work.ladders.save(small_ladder(), builtin=False, now=NOW)
        work.ladders.save(small_ladder(version="2", summary="Changed."), builtin=False, now=NOW)
        work.profiles.save(
            Profile(
                name="Ada",
                ladder_id="team-ladder",
                target_level_id="senior",
                next_one_on_one=dt.date(2026, 12, 3),
            ),
            now=NOW,
        )
    with database.unit_of_work() as work:
        expected_profile = work.profiles.get()
        expected_ladder = work.ladders.get("team-ladder")
    database.close()

    snapshot = read_snapshot(database_file)

    assert snapshot is not None
    assert snapshot.profile == expected_profile
    assert snapshot.ladders == (expected_ladder,)
    assert snapshot.ladders[0].ladder.version == "2"


def test_profile_is_the_default_before_one_is_saved(tmp_path: Path) -> None:
    database_file, database = migrated_file(tmp_path)
    database.close()
    snapshot = read_snapshot(database_file)
    assert snapshot is not None
    assert snapshot.profile == Profile()
    assert snapshot.ladders == ()


def test_no_answer_without_a_current_database(tmp_path: Path) -> None:
    assert read_snapshot(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # and nothing was created

    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert read_snapshot(empty) is None

    database_file, database = migrated_file(tmp_path)
    database.close()
    with sqlite3.connect(database_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0000_older_or_newer'")
    assert read_snapshot(database_file) is None


def test_no_answer_for_a_corrupt_row(tmp_path: Path) -> None:
    database_file, database = migrated_file(tmp_path)
    with database.unit_of_work() as work:
        work.ladders.save(small_ladder(), builtin=False, now=NOW)
    database.close()
    with sqlite3.connect(database_file) as connection:
        connection.execute("UPDATE ladder_versions SET document = '{\"id\": 3}'")
    assert read_snapshot(database_file) is None
