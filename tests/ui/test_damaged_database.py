"""A damaged database file at start-up is explained, names the newest backup, and is kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from careercoach.paths import AppPaths
from careercoach.ui.application import GuiSession, create_application


def test_a_damaged_database_is_explained_with_the_newest_backup_and_left_alone(
    qtbot: QtBot, isolated_app_dirs: Path
) -> None:
    paths = AppPaths(isolated_app_dirs)
    paths.ensure_directories()
    backup = paths.backups_dir / "auto-20261127-080000.sqlite3"
    backup.write_bytes(b"a copy from yesterday")
    paths.database_file.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    before = hashlib.sha256(paths.database_file.read_bytes()).hexdigest()

    create_application()
    session = GuiSession(paths, paths.default_database_url)
    qtbot.addWidget(session.window)
    session.start()
    qtbot.waitUntil(
        lambda: getattr(session, "startup_error_box", None) is not None, timeout=20_000
    )
    box = session.startup_error_box
    assert "cannot be used" in box.text()
    assert "it was left as it is" in box.text()
    assert str(backup) in box.text()
    assert session.exit_code == 2
    box.accept()
    qtbot.waitUntil(lambda: not session.window.isVisible())
    session.close()
    assert hashlib.sha256(paths.database_file.read_bytes()).hexdigest() == before
