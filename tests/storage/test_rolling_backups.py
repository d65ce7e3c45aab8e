"""Automatic copies of the SQLite file: due once a day, the newest kept, others untouched."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from careercoach.backup_settings import DEFAULT_KEEP, read_backup_keep
from careercoach.storage.rolling_backups import (
    RollingBackupError,
    automatic_backup_name,
    list_automatic_backups,
    rolling_backup,
)

START = dt.datetime(2024, 3, 1, 9, 30, 0)


@pytest.fixture
def database_file(tmp_path: Path) -> Path:
    """A WAL-mode SQLite file with a few rows, some still only in the write-ahead log."""
    path = tmp_path / "careercoach.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, title TEXT)")
    connection.executemany("INSERT INTO entry (title) VALUES (?)", [("one",), ("two",)])
    connection.commit()
    connection.close()
    return path


def rows(path: Path) -> list[tuple[int, str]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.execute("SELECT id, title FROM entry ORDER BY id"))
    finally:
        connection.close()


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_first_run_copies_the_database_with_its_rows(database_file: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    created = rolling_backup(database_file, backups, 7, START)
    assert created == backups / "auto-20240301-093000.sqlite3"
    assert rows(created) == rows(database_file) == [(1, "one"), (2, "two")]
    assert names(backups) == ["auto-20240301-093000.sqlite3"]


def test_wal_content_is_included(tmp_path: Path) -> None:
    path = tmp_path / "careercoach.sqlite3"
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, title TEXT)")
    writer.execute("INSERT INTO entry (title) VALUES ('only in the log')")
    writer.commit()
    try:
        assert Path(f"{path}-wal").stat().st_size > 0
        created = rolling_backup(path, tmp_path / "backups", 7, START)
    finally:
        writer.close()
    assert created is not None
    assert rows(created) == [(1, "only in the log")]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_copy_is_private(database_file: Path, tmp_path: Path) -> None:
    created = rolling_backup(database_file, tmp_path / "backups", 7, START)
    assert created is not None
    assert stat.S_IMODE(created.stat().st_mode) == 0o600


def test_a_second_run_within_a_day_copies_nothing(database_file: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    rolling_backup(database_file, backups, 7, START)
    later = START + dt.timedelta(hours=23, minutes=59)
    assert rolling_backup(database_file, backups, 7, later) is None
    assert names(backups) == ["auto-20240301-093000.sqlite3"]


def test_a_day_later_another_copy_is_taken(database_file: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    rolling_backup(database_file, backups, 7, START)
    created = rolling_backup(database_file, backups, 7, START + dt.timedelta(hours=25))
    assert created == backups / "auto-20240302-103000.sqlite3"
    assert len(list_automatic_backups(backups)) == 2


def test_only_the_newest_are_kept_and_other_files_are_untouched(
    database_file: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    others = [
        "careercoach-before-migration-0004-20240101-101010-000001.sqlite3",
        "before-restore-20240101-101010.json",
        "auto-notes.txt",
        "auto-20249999-999999.sqlite3",  # not a real date: not one of ours
    ]
    for name in others:
        (backups / name).write_text("keep me", encoding="utf-8")
    for day in range(5):
        rolling_backup(database_file, backups, 3, START + dt.timedelta(days=day))
    kept = [automatic_backup_name(START + dt.timedelta(days=day)) for day in (2, 3, 4)]
    assert names(backups) == sorted(others + kept)
    for name in others:
        assert (backups / name).read_text(encoding="utf-8") == "keep me"


def test_lowering_keep_prunes_on_the_next_run_even_when_no_copy_is_due(
    database_file: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    for day in range(4):
        rolling_backup(database_file, backups, 7, START + dt.timedelta(days=day))
    same_day = START + dt.timedelta(days=3, hours=1)
    assert rolling_backup(database_file, backups, 2, same_day) is None
    assert [backup.taken_at.day for backup in list_automatic_backups(backups)] == [3, 4]


def test_keep_zero_copies_and_deletes_nothing(database_file: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    rolling_backup(database_file, backups, 7, START)
    later = START + dt.timedelta(days=3)
    assert rolling_backup(database_file, backups, 0, later) is None
    assert names(backups) == ["auto-20240301-093000.sqlite3"]


@pytest.mark.parametrize("content", [None, b""], ids=["missing", "empty"])
def test_no_database_no_copy(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "careercoach.sqlite3"
    if content is not None:
        path.write_bytes(content)
    assert rolling_backup(path, tmp_path / "backups", 7, START) is None
    assert not (tmp_path / "backups").exists()


def test_a_crashed_copy_leaves_no_final_file_and_its_leftover_is_cleaned(
    database_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    leftover = backups / "auto-20240201-000000.sqlite3.partial"
    leftover.write_bytes(b"half")

    def crash(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("careercoach.storage.rolling_backups.os.replace", crash)
    with pytest.raises(RollingBackupError, match="No space left"):
        rolling_backup(database_file, backups, 7, START)
    assert names(backups) == []


def test_a_backups_folder_that_cannot_be_written_is_reported(
    database_file: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    backups.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(RollingBackupError):
        rolling_backup(database_file, backups, 7, START)
    assert backups.read_text(encoding="utf-8") == "a file where the folder should be"


@pytest.mark.parametrize(
    ("content", "expected", "logged"),
    [
        (None, DEFAULT_KEEP, False),
        ("[General]\ngeometry=@ByteArray(abc%)\n", DEFAULT_KEEP, False),
        ("[backups]\nother=1\n", DEFAULT_KEEP, False),
        ("[backups]\nkeep=abc\n", DEFAULT_KEEP, True),
        ("[backups]\nkeep=-1\n", DEFAULT_KEEP, True),
        ("[backups]\nkeep=5000\n", DEFAULT_KEEP, True),
        ("[backups]\nkeep=3\n", 3, False),
        ("[backups]\nkeep=0\n", 0, False),
        ("[backups]\nkeep=1000\n", 1000, False),
        ("keep=3 without a section\n", DEFAULT_KEEP, True),
    ],
    ids=[
        "missing-file",
        "missing-section",
        "missing-key",
        "not-a-number",
        "negative",
        "too-many",
        "three",
        "zero",
        "maximum",
        "not-ini",
    ],
)
def test_keep_setting(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    content: str | None,
    expected: int,
    logged: bool,
) -> None:
    settings = tmp_path / "settings.ini"
    if content is not None:
        settings.write_text(content, encoding="utf-8")
    with caplog.at_level("WARNING", logger="careercoach.backup_settings"):
        assert read_backup_keep(settings) == expected
    assert len(caplog.records) == (1 if logged else 0)
