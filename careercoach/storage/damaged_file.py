"""Recognises a SQLite file that cannot be used, without changing a byte of it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from careercoach.domain.errors import UserError

BACKUP_PATTERNS = ("auto-*.sqlite3", "*.sqlite3", "*.json")


class DatabaseDamagedError(UserError):
    """The database file is damaged, unreadable or not a CareerCoach database."""


def refuse_damaged(database_file: Path, backups_dir: Path) -> None:
    """Raise DatabaseDamagedError when ``database_file`` cannot be read as SQLite.

    The file is opened read-only and never written: the user keeps the damaged file as
    it is, and the message names the newest backup to put in its place.
    """
    try:
        connection = sqlite3.connect(f"{database_file.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        _refuse(database_file, backups_dir, str(error))
        return
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        verdict = connection.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.Error as error:
        _refuse(database_file, backups_dir, str(error))
        return
    finally:
        connection.close()
    if verdict is None or verdict[0] != "ok":
        _refuse(database_file, backups_dir, str(verdict[0]) if verdict else "no answer")


def newest_backup(backups_dir: Path) -> Path | None:
    """The most recently written backup in ``backups_dir`` (a SQLite copy or a JSON file)."""
    try:
        found = {p for pattern in BACKUP_PATTERNS for p in backups_dir.glob(pattern)}
        files = [p for p in found if p.is_file() and not p.name.endswith(".partial")]
    except OSError:
        return None
    return max(files, key=lambda p: p.stat().st_mtime, default=None)


def _refuse(database_file: Path, backups_dir: Path, reason: str) -> None:
    backup = newest_backup(backups_dir)
    if backup is None:
        advice = f"no backup was found in {backups_dir}"
    else:
        written = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        how = (
            "with CareerCoach closed, move the damaged file aside and copy this one in its place"
            if backup.suffix == ".sqlite3"
            else f"move the damaged file aside, then run: careercoach restore {backup}"
        )
        advice = f"the newest backup is {backup} ({written}): {how}"
    raise DatabaseDamagedError(
        "database-damaged",
        f"{database_file} cannot be used ({reason}); it was left as it is — {advice}",
        path=str(database_file),
        backup=str(backup) if backup else None,
    )
