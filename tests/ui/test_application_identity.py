"""The app tells Qt and the desktop who it is: name, organisation, desktop entry and icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from careercoach.paths import default_data_dir
from careercoach.ui.application import create_application
from tests.ui.conftest import start_session


def test_the_application_names_itself_and_carries_the_icon(qtbot: QtBot) -> None:
    app = create_application()
    assert app.applicationName() == "CareerCoach"
    assert app.organizationName() == "CareerCoach"
    assert app.desktopFileName() == "careercoach"  # matches careercoach.desktop
    icon = app.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(48, 48).isNull()


def test_the_main_window_shows_the_app_icon_and_name(
    qtbot: QtBot, isolated_app_dirs: Path
) -> None:
    session = start_session(qtbot, isolated_app_dirs)
    try:
        window = session.window
        assert not window.windowIcon().isNull()
        assert window.windowTitle().startswith("CareerCoach")
        # Qt's own per-user settings land in the app's folder, next to the data.
        assert Path(QSettings().fileName()).parent.name == "CareerCoach"
        assert default_data_dir().name == "CareerCoach"
    finally:
        session.close()
