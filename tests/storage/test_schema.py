"""Migrations at start-up: empty databases, current ones, foreign and newer ones."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from careercoach.domain.errors import DatabaseTooNewError, UserError
from careercoach.storage import revisions, schema
from careercoach.storage.database import Database


def test_known_revisions_match_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    oldest_first = [rev.revision for rev in reversed(list(scripts.walk_revisions()))]
    assert tuple(oldest_first) == revisions.KNOWN_REVISIONS
    assert scripts.get_current_head() == revisions.HEAD_REVISION


def test_empty_database_is_migrated_to_head(database_url: str, tmp_path: Path) -> None:
    db = Database(database_url, backups_dir=tmp_path / "backups")
    try:
        assert db.status().current is None
        result = db.upgrade()
        assert result.migrated
        assert result.from_revision is None
        assert result.backup_file is None  # an empty database has nothing to save
        assert db.status().is_current
        engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
        engine.dispose()
        assert {"ladders", "ladder_versions", "profile", "alembic_version"} <= tables
        again = db.upgrade()
        assert not again.migrated
    finally:
        db.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    database_file = tmp_path / "careercoach.sqlite3"
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    db.upgrade()
    db.close()
    with sqlite3.connect(database_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(database_file.read_bytes()).hexdigest()

    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    with pytest.raises(DatabaseTooNewError, match="newer version of CareerCoach"):
        db.upgrade()
    db.close()

    assert hashlib.sha256(database_file.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_database_with_foreign_tables_is_refused(tmp_path: Path) -> None:
    database_file = tmp_path / "other.sqlite3"
    with sqlite3.connect(database_file) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    with pytest.raises(UserError, match="did not create") as caught:
        db.upgrade()
    db.close()
    assert caught.value.code == "database-foreign"


def test_backup_copies_committed_wal_content(tmp_path: Path) -> None:
    database_file = tmp_path / "careercoach.sqlite3"
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    db.upgrade()
    engine = create_engine(f"sqlite:///{database_file}")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO profile (id, name, role, ladder_id, target_level_id,"
                " one_on_one_every_days, updated_at)"
                " VALUES (1, 'Ada', 'Data Scientist', 'data-science-ic', 'senior', 14,"
                " '2026-11-27 10:00:00')"
            )
        )
    backup = schema.backup_sqlite_file(database_file, tmp_path / "backups", "0001_initial")
    engine.dispose()
    db.close()

    assert backup.parent == tmp_path / "backups"
    assert "before-migration-0001_initial" in backup.name
    assert backup.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT name FROM profile").fetchall() == [("Ada",)]


def test_sqlite_files_are_private_and_use_wal(tmp_path: Path) -> None:
    database_file = tmp_path / "careercoach.sqlite3"
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    db.upgrade()
    with db.unit_of_work() as work:
        assert work.profiles.get() is None
    db.close()
    assert database_file.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(database_file) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    db = Database(
        "postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2",
        backups_dir=tmp_path / "backups",
    )
    with pytest.raises(UserError, match="cannot open the database") as caught:
        db.status()
    db.close()
    assert "secret" not in caught.value.message
