"""Rolling copies of the SQLite file: one a day at most, the newest ``keep`` kept."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from careercoach.paths import PRIVATE_FILE_MODE

AUTO_PREFIX = "auto-"
AUTO_SUFFIX = ".sqlite3"
PARTIAL_SUFFIX = ".partial"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
BACKUP_INTERVAL = dt.timedelta(hours=24)
# A copy is written in seconds; a temporary file stamped further from now than this
# is left over from a write cut short, not one another process is making right now.
ABANDONED_AFTER = dt.timedelta(hours=1)

_AUTO_NAME = re.compile(r"auto-(\d{8}-\d{6})\.sqlite3")
_PARTIAL_NAME = re.compile(r"auto-(\d{8}-\d{6})\.sqlite3\.partial")


class RollingBackupError(Exception):
    """The automatic copy could not be written or old copies could not be removed."""


@dataclass(frozen=True)
class AutomaticBackup:
    """One automatic copy in the backups folder."""

    path: Path
    taken_at: dt.datetime


def automatic_backup_name(taken_at: dt.datetime) -> str:
    """The file name of the automatic copy taken at ``taken_at``."""
    return f"{AUTO_PREFIX}{taken_at.strftime(STAMP_FORMAT)}{AUTO_SUFFIX}"


def list_automatic_backups(backups_dir: Path) -> list[AutomaticBackup]:
    """The automatic copies in ``backups_dir``, oldest first; other files are ignored."""
    try:
        found = [
            AutomaticBackup(path, taken_at)
            for path, taken_at in _stamped_files(backups_dir, _AUTO_NAME)
        ]
    except FileNotFoundError:
        return []
    return sorted(found, key=lambda backup: backup.taken_at)


def _stamped_files(folder: Path, pattern: re.Pattern[str]) -> list[tuple[Path, dt.datetime]]:
    """The files (not links) in ``folder`` whose whole name matches ``pattern``, with the
    time stamped in its first group; a name that looks like ours but holds no real date
    is not ours to touch and is left out.

    Raises:
        OSError: the folder cannot be listed.
    """
    with os.scandir(folder) as entries:
        names = [entry.name for entry in entries if entry.is_file(follow_symlinks=False)]
    stamped = []
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        try:
            stamped.append((folder / name, dt.datetime.strptime(match.group(1), STAMP_FORMAT)))
        except ValueError:
            continue
    return stamped


def rolling_backup(
    database_file: Path, backups_dir: Path, keep: int, now: dt.datetime
) -> Path | None:
    """Copy the database into ``backups_dir`` when a day has passed since the last copy.

    The copy (``auto-YYYYMMDD-HHMMSS.sqlite3``, 0600) is made with SQLite's backup API,
    so content still in the write-ahead log is included, and is written under a
    temporary name first: a crash never leaves half a file under a final name. Then the
    oldest automatic copies beyond ``keep`` are deleted; copies taken before a migration
    and every other file in the folder are left alone.

    Temporary files of copies cut short (the app was killed) are removed first, once they
    are old enough not to be another run's copy in the making (``ABANDONED_AFTER``).

    Args:
        database_file: the SQLite file to copy.
        backups_dir: where the copies live.
        keep: how many automatic copies to keep; 0 switches them off.
        now: the time the copy is stamped with and compared against.

    Returns:
        The new copy, or None when none was due (or the database is missing or empty).

    Raises:
        RollingBackupError: the copy could not be written or old ones removed.
    """
    remove_abandoned_partials(backups_dir, _PARTIAL_NAME, now)
    if keep <= 0:
        return None
    try:
        if database_file.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    try:
        existing = list_automatic_backups(backups_dir)
        created = None
        if not existing or now - existing[-1].taken_at >= BACKUP_INTERVAL:
            created = _copy(database_file, backups_dir / automatic_backup_name(now))
            existing.append(AutomaticBackup(created, now))
        for old in existing[: max(len(existing) - keep, 0)]:
            old.path.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as error:
        raise RollingBackupError(f"automatic backup into {backups_dir} failed: {error}") from error
    return created


def _copy(database_file: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    # Created 0600 before a byte is written: the data is never readable by others.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE))
    if os.name == "posix":
        partial.chmod(PRIVATE_FILE_MODE)  # O_CREAT's mode is narrowed by umask only
    try:
        source = sqlite3.connect(database_file)
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                # A self-contained single file: no -wal/-shm beside it when opened.
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
        finally:
            source.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def remove_abandoned_partials(
    backups_dir: Path, partial_name: re.Pattern[str], now: dt.datetime
) -> list[Path]:
    """Delete the temporary files of backups whose writing was cut short; never others.

    Only regular files whose whole name matches ``partial_name`` are candidates; its
    first group is the ``YYYYMMDD-HHMMSS`` stamp the writer put in the name, from the
    same clock as ``now``. A file stamped within ``ABANDONED_AFTER`` of ``now`` (either
    way) may be a copy another run of the app is writing at this moment, and is kept.
    Removal is best effort: a leftover only takes space.

    Returns:
        The files removed.
    """
    try:
        partials = _stamped_files(backups_dir, partial_name)
    except OSError:  # no folder yet, or not one: nothing of ours to clean
        return []
    removed = []
    for path, stamped in partials:
        if abs(now - stamped) < ABANDONED_AFTER:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
