"""GUI fixtures: a running GUI session on the test's own data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from careercoach.paths import AppPaths
from careercoach.ui.application import GuiSession, create_application


def start_session(qtbot: QtBot, data_dir: Path) -> GuiSession:
    """Start the GUI on ``data_dir`` and wait until the user's data is on screen."""
    create_application()
    paths = AppPaths(data_dir)
    paths.ensure_directories()
    session = GuiSession(paths, paths.default_database_url)
    qtbot.addWidget(session.window)
    with qtbot.waitSignal(session.window.data_shown, timeout=20_000):
        session.start()
    return session


@pytest.fixture
def gui(qtbot: QtBot, isolated_app_dirs: Path) -> Iterator[GuiSession]:
    """A GUI session on a fresh data directory (first run: the welcome dialog opens)."""
    session = start_session(qtbot, isolated_app_dirs)
    yield session
    session.close()
