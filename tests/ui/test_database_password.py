"""The desktop app on a PostgreSQL URL shows its password nowhere and writes it nowhere.

After each session every file under the test's folder is searched: the settings the
window saves on closing, the log, the data dir.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from pytestqt.qtbot import QtBot

from careercoach.paths import AppPaths
from careercoach.ui.application import GuiSession, create_application
from tests.cli.test_database_password import SECRET, files_holding

pytestmark = pytest.mark.postgres


def open_session(qtbot: QtBot, data_dir: Path, url: str) -> GuiSession:
    create_application()
    paths = AppPaths(data_dir)
    paths.ensure_directories()
    session = GuiSession(paths, url)
    qtbot.addWidget(session.window)
    return session


def test_a_working_url_is_shown_without_its_password(
    qtbot: QtBot, tmp_path: Path, isolated_app_dirs: Path, postgres_empty_database: str
) -> None:
    password = urlsplit(postgres_empty_database).password
    assert password
    session = open_session(qtbot, isolated_app_dirs, postgres_empty_database)
    with qtbot.waitSignal(session.window.data_shown, timeout=20_000):
        session.start()
    qtbot.waitUntil(lambda: session.data is not None, timeout=20_000)
    shown = session.window.status_label.text()
    assert ":***@" in shown
    assert password not in shown
    session.window.close()
    session.close()
    assert (isolated_app_dirs / "settings.ini").is_file()
    assert files_holding(tmp_path, password) == []


def test_a_refused_password_is_not_in_the_message(
    qtbot: QtBot, tmp_path: Path, isolated_app_dirs: Path, postgres_url: str
) -> None:
    parts = urlsplit(postgres_url)
    wrong = urlunsplit(
        parts._replace(netloc=f"{parts.username}:{SECRET}@{parts.hostname}:{parts.port}")
    )
    session = open_session(qtbot, isolated_app_dirs, wrong)
    session.start()
    qtbot.waitUntil(
        lambda: getattr(session, "startup_error_box", None) is not None, timeout=20_000
    )
    box = session.startup_error_box
    assert "password authentication failed" in box.text()
    assert SECRET not in box.text() + box.detailedText() + box.informativeText()
    box.accept()
    qtbot.waitUntil(lambda: not session.window.isVisible())
    session.close()
    assert (isolated_app_dirs / "settings.ini").is_file()
    assert files_holding(tmp_path, SECRET) == []
