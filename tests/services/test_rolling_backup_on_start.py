"""Each start of a SQLite database takes its daily automatic copy; a failure never stops it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services
from careercoach.storage.rolling_backups import RollingBackupError

# The daily copies are of the SQLite file; a server database has backups of its own.
pytestmark = pytest.mark.sqlite_only

START = dt.datetime(2024, 3, 1, 9, 30, 0)


def start(paths: AppPaths, now: dt.datetime, *, fill: bool = False) -> None:
    services = open_services(paths, paths.default_database_url, clock=lambda: now)
    try:
        if fill:
            services.demo.fill()
    finally:
        services.close()


def auto_backups(paths: AppPaths) -> list[Path]:
    return sorted(paths.backups_dir.glob("auto-*.sqlite3"))


def contribution_rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.execute("SELECT * FROM contributions ORDER BY 1"))
    finally:
        connection.close()


def test_starts_take_one_copy_a_day(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    start(paths, START)
    start(paths, START + dt.timedelta(minutes=5), fill=True)
    (first,) = auto_backups(paths)
    assert first.name == "auto-20240301-093000.sqlite3"
    start(paths, START + dt.timedelta(hours=23))
    assert len(auto_backups(paths)) == 1
    start(paths, START + dt.timedelta(hours=25))
    second = auto_backups(paths)[-1]
    assert len(auto_backups(paths)) == 2
    assert contribution_rows(second) == contribution_rows(paths.database_file)
    assert contribution_rows(second)


def test_the_setting_limits_the_copies(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    paths.data_dir.mkdir()
    paths.settings_file.write_text("[backups]\nkeep=2\n", encoding="utf-8")
    for day in range(4):
        start(paths, START + dt.timedelta(days=day))
    assert [path.name[5:13] for path in auto_backups(paths)] == ["20240303", "20240304"]


def test_keep_zero_switches_copies_off(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    paths.data_dir.mkdir()
    paths.settings_file.write_text("[backups]\nkeep=0\n", encoding="utf-8")
    start(paths, START)
    assert auto_backups(paths) == []


def test_a_failed_copy_is_logged_and_the_app_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(*_: object) -> None:
        raise RollingBackupError("automatic backup into backups failed: Permission denied")

    monkeypatch.setattr("careercoach.services.app_services.rolling_backup", fail)
    paths = AppPaths(tmp_path / "data")
    with caplog.at_level("WARNING", logger="careercoach.services.app_services"):
        services = open_services(paths, paths.default_database_url, clock=lambda: START)
    try:
        assert services.ladders.list_ladders()
    finally:
        services.close()
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "Permission denied" in caplog.records[0].getMessage()


def test_a_backups_path_that_is_no_folder_is_logged_and_the_app_starts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    paths = AppPaths(tmp_path / "data")
    start(paths, START)
    for backup in auto_backups(paths):
        backup.unlink()
    # Writing fails for real, whoever runs the tests (root ignores folder modes).
    paths.backups_dir.rmdir()
    paths.backups_dir.mkdir()
    (paths.backups_dir / "auto-20240302-103000.sqlite3.partial").mkdir()
    with caplog.at_level("WARNING", logger="careercoach.services.app_services"):
        start(paths, START + dt.timedelta(hours=25))
    assert auto_backups(paths) == []
    assert "automatic backup" in caplog.text


def test_a_start_clears_copies_cut_short_and_nothing_else(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    start(paths, START)
    (today,) = auto_backups(paths)
    later = START + dt.timedelta(hours=2)  # no copy is due: the cleaning happens anyway
    cut_short = [
        "auto-20240301-093000.sqlite3.partial",
        "auto-20240220-000000.sqlite3.partial",
        ".before-restore-20240220-000000.json.partial",  # a restore killed mid-write
    ]
    for name in cut_short:
        (paths.backups_dir / name).write_bytes(b"SQLite format 3\x00half")
    kept = {
        "auto-20240301-112000.sqlite3.partial": b"another run copying right now",
        ".before-restore-20240301-112000.json.partial": b"another run restoring right now",
        "auto-20240230-000000.sqlite3.partial": b"no real date",
        "auto-20240220-000000.sqlite3.partial.old": b"not a name the app writes",
        "my-auto-20240220-000000.sqlite3.partial": b"someone else's",
    }
    for name, content in kept.items():
        (paths.backups_dir / name).write_bytes(content)
    before = {path.name for path in paths.backups_dir.iterdir()}

    start(paths, later)

    assert {path.name for path in paths.backups_dir.iterdir()} == before - set(cut_short)
    assert {name: (paths.backups_dir / name).read_bytes() for name in kept} == kept
    assert auto_backups(paths) == [today]
