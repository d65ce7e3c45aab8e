"""Migrating an existing SQLite database: a copy first, data kept, nothing half-done."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from careercoach.domain.errors import UserError
from careercoach.storage import database as database_module
from careercoach.storage import schema
from careercoach.storage.database import Database

HEAD = schema.HEAD_REVISION

NEXT_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "9999_test_step"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        batch.add_column(sa.Column("pronouns", sa.String(40), nullable=True))
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True))
    {failure}


def downgrade() -> None:
    pass
"""


def stored_at_head(tmp_path: Path) -> Path:
    database_file = tmp_path / "data" / "careercoach.sqlite3"
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    db.upgrade()
    db.close()
    with closing(sqlite3.connect(database_file)) as connection, connection:
        connection.execute(
            "INSERT INTO profile (id, name, role, ladder_id, target_level_id,"
            " one_on_one_every_days, updated_at)"
            " VALUES (1, 'Ada', 'Data Scientist', 'data-science-ic', 'senior', 14,"
            " '2026-11-27 10:00:00')"
        )
    return database_file


def add_next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(
        schema.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__")
    )
    (migrations / "versions" / "9999_test_step.py").write_text(
        NEXT_REVISION.format(failure=failure, head=schema.HEAD_REVISION), encoding="utf-8"
    )
    known = (*schema.KNOWN_REVISIONS, "9999_test_step")
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(schema, "KNOWN_REVISIONS", known)
    monkeypatch.setattr(schema, "HEAD_REVISION", known[-1])
    monkeypatch.setattr(database_module, "HEAD_REVISION", known[-1])


def columns(database_file: Path, table: str) -> list[str]:
    with sqlite3.connect(database_file) as connection:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def test_upgrade_copies_the_file_first_and_keeps_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database_file = stored_at_head(tmp_path)
    add_next_revision(tmp_path, monkeypatch, failure="")

    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    result = db.upgrade()
    db.close()

    assert (result.from_revision, result.to_revision) == (HEAD, "9999_test_step")
    assert result.backup_file is not None
    assert result.backup_file.parent == tmp_path / "backups"
    with sqlite3.connect(result.backup_file) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert copy.execute("SELECT name FROM profile").fetchall() == [("Ada",)]
    assert "pronouns" in columns(database_file, "profile")
    with sqlite3.connect(database_file) as connection:
        assert connection.execute("SELECT name, pronouns FROM profile").fetchall() == [
            ("Ada", None)
        ]


def test_a_failing_step_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database_file = stored_at_head(tmp_path)
    add_next_revision(tmp_path, monkeypatch, failure='op.execute("SELECT * FROM no_such_table")')

    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    with pytest.raises(UserError, match="could not be upgraded and was left as it was"):
        db.upgrade()
    db.close()

    assert "pronouns" not in columns(database_file, "profile")
    assert columns(database_file, "notes") == []
    with sqlite3.connect(database_file) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert connection.execute("SELECT name FROM profile").fetchall() == [("Ada",)]


def test_a_newer_database_in_rollback_journal_mode_is_not_touched(tmp_path: Path) -> None:
    database_file = stored_at_head(tmp_path)
    with closing(sqlite3.connect(database_file)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
        connection.commit()
    before = hashlib.sha256(database_file.read_bytes()).hexdigest()
    files_before = sorted(path.name for path in database_file.parent.iterdir())

    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    for attempt in (db.status, db.upgrade):
        with pytest.raises(UserError, match="newer version"):
            attempt()
    db.close()

    assert hashlib.sha256(database_file.read_bytes()).hexdigest() == before
    assert sorted(path.name for path in database_file.parent.iterdir()) == files_before


def test_status_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    database_file = tmp_path / "not-yet" / "careercoach.sqlite3"
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    assert db.status().current is None
    db.close()
    assert not database_file.parent.exists()
