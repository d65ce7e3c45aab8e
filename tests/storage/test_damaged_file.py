"""A damaged or foreign database file is refused with a clear message and never changed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services
from careercoach.storage.damaged_file import DatabaseDamagedError, newest_backup, refuse_damaged


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def healthy_database(folder: Path) -> Path:
    paths = AppPaths(folder)
    services = open_services(paths, paths.default_database_url)
    services.demo.fill()
    services.close()
    return paths.database_file


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(20_000),
        b"SQLite format 3\x00" + b"garbage" * 100,
        b"just some text\n" * 50,
    ],
    ids=["random-bytes", "sqlite-header-then-garbage", "text"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    tmp_path: Path, content: bytes
) -> None:
    paths = AppPaths(tmp_path / "data")
    paths.ensure_directories()
    paths.database_file.write_bytes(content)
    before = digest(paths.database_file)

    with pytest.raises(DatabaseDamagedError) as refused:
        open_services(paths, paths.default_database_url)

    message = refused.value.message
    assert message.startswith(f"{paths.database_file} cannot be used (")
    assert "it was left as it is" in message
    assert f"no backup was found in {paths.backups_dir}" in message
    assert digest(paths.database_file) == before
    assert sorted(p.name for p in paths.data_dir.glob("careercoach.sqlite3*")) == [
        "careercoach.sqlite3"
    ]


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    database_file = healthy_database(tmp_path / "data")
    data = database_file.read_bytes()
    database_file.write_bytes(data[: len(data) // 3])
    before = digest(database_file)
    with pytest.raises(DatabaseDamagedError):
        refuse_damaged(database_file, tmp_path / "data" / "backups")
    assert digest(database_file) == before


def test_the_message_names_the_newest_backup_and_how_to_use_it(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    older = backups / "auto-20261120-080000.sqlite3"
    older.write_bytes(b"copy")
    newer = backups / "careercoach-backup.json"
    newer.write_text("{}", encoding="utf-8")
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_800_000_000, 1_800_000_000))
    (backups / "auto-20261121-080000.sqlite3.partial").write_bytes(b"half")
    damaged = tmp_path / "careercoach.sqlite3"
    damaged.write_bytes(b"not a database" * 100)

    assert newest_backup(backups) == newer
    with pytest.raises(DatabaseDamagedError, match=r"careercoach restore .*careercoach-backup"):
        refuse_damaged(damaged, backups)
    newer.unlink()
    with pytest.raises(DatabaseDamagedError, match="copy this one in its place"):
        refuse_damaged(damaged, backups)


def test_a_healthy_database_passes_unchanged(tmp_path: Path) -> None:
    database_file = healthy_database(tmp_path / "data")
    before = digest(database_file)
    refuse_damaged(database_file, tmp_path / "data" / "backups")
    assert digest(database_file) == before
    with sqlite3.connect(database_file) as connection:
        assert connection.execute("SELECT count(*) FROM contributions").fetchone() == (200,)
