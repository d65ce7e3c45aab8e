"""First run: the welcome dialog fills the profile, and the window remembers its place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services
from careercoach.ui.application import GuiSession
from careercoach.ui.profile_dialog import ProfileDialog
from tests.ui.conftest import start_session


def welcome_dialog(qtbot: QtBot, gui: GuiSession) -> ProfileDialog:
    qtbot.waitUntil(lambda: getattr(gui.window, "profile_dialog", None) is not None)
    dialog = gui.window.profile_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_welcome_dialog_fills_the_profile(
    qtbot: QtBot, gui: GuiSession, isolated_app_dirs: Path
) -> None:
    dialog = welcome_dialog(qtbot, gui)
    assert dialog.windowTitle() == "Welcome to CareerCoach"
    ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok_button.text() == "&Get started"
    assert not ok_button.isEnabled()  # a name is needed first

    qtbot.keyClicks(dialog.name_edit, "Ada Lovelace")
    assert ok_button.isEnabled()
    dialog.role_combo.setFocus()
    dialog.role_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.role_combo.lineEdit(), "ML Engineer")
    assert dialog.ladder_combo.currentText() == "ML Engineer"  # the role picks its ladder
    titles = [dialog.target_combo.itemText(i) for i in range(dialog.target_combo.count())]
    assert titles[0] == "Associate ML Engineer"
    assert len(titles) == 6
    dialog.target_combo.setCurrentIndex(titles.index("Staff ML Engineer"))
    assert "direction" in dialog.level_summary.text()

    with qtbot.waitSignal(gui.window.profile_saved, timeout=10_000):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    assert gui.window.status_label.text() == "Profile saved."
    services = open_services(gui.paths, gui.database_url)
    try:
        profile = services.profile.show()
    finally:
        services.close()
    assert (profile.name, profile.role, profile.ladder_id, profile.target_level_id) == (
        "Ada Lovelace",
        "ML Engineer",
        "ml-engineer",
        "staff",
    )
    assert not profile.is_default


def test_later_keeps_the_default_and_asks_again_next_start(
    qtbot: QtBot, gui: GuiSession, isolated_app_dirs: Path
) -> None:
    dialog = welcome_dialog(qtbot, gui)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    gui.window.close()
    gui.close()

    again = start_session(qtbot, isolated_app_dirs)
    try:
        assert welcome_dialog(qtbot, again).windowTitle() == "Welcome to CareerCoach"
    finally:
        again.close()


def test_window_geometry_is_remembered(
    qtbot: QtBot, gui: GuiSession, isolated_app_dirs: Path
) -> None:
    welcome_dialog(qtbot, gui).reject()
    gui.window.setGeometry(QRect(20, 30, 700, 500))
    gui.window.close()
    gui.close()
    assert (isolated_app_dirs / "settings.ini").is_file()
    assert (isolated_app_dirs / "settings.ini").stat().st_mode & 0o777 == 0o600

    again = start_session(qtbot, isolated_app_dirs)
    try:
        assert again.window.size().width() == 700
        assert again.window.size().height() == 500
    finally:
        again.close()


def test_a_database_from_a_newer_version_is_explained_and_left_alone(
    qtbot: QtBot, isolated_app_dirs: Path
) -> None:
    import sqlite3

    from careercoach.app import main
    from careercoach.paths import AppPaths
    from careercoach.ui.application import create_application

    assert main(["profile", "set", "--name", "Ada"]) == 0
    database_file = isolated_app_dirs / "careercoach.sqlite3"
    with sqlite3.connect(database_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")

    create_application()
    session = GuiSession(AppPaths(isolated_app_dirs), f"sqlite:///{database_file}")
    qtbot.addWidget(session.window)
    session.start()
    qtbot.waitUntil(
        lambda: getattr(session, "startup_error_box", None) is not None, timeout=20_000
    )
    box = session.startup_error_box
    assert "newer version of CareerCoach" in box.text()
    assert session.exit_code == 2
    assert not session.window.import_action.isEnabled()
    box.accept()
    qtbot.waitUntil(lambda: not session.window.isVisible())
    session.close()
    with sqlite3.connect(database_file) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_future",
        )


def test_the_welcome_can_fill_a_demo_year_to_explore(qtbot: QtBot, gui: GuiSession) -> None:
    dialog = welcome_dialog(qtbot, gui)
    ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok_button.isEnabled()  # no name yet
    dialog.demo_check.setFocus()
    qtbot.keyClick(dialog.demo_check, Qt.Key.Key_Space)
    assert ok_button.isEnabled()
    assert ok_button.text() == "Explore the de&mo"
    assert not dialog.name_edit.isEnabled()

    with qtbot.waitSignal(gui.window.profile_saved, timeout=20_000):
        qtbot.mouseClick(ok_button, Qt.MouseButton.LeftButton)
    evidence = gui.window.evidence
    qtbot.waitUntil(lambda: evidence.ledger_page.model.total_count == 200, timeout=20_000)
    qtbot.waitUntil(lambda: evidence.prototypes_page.model.rowCount() == 5, timeout=20_000)
    qtbot.waitUntil(lambda: evidence.checkin_reminder.isVisibleTo(gui.window), timeout=20_000)
    assert gui.window.status_label.text() == (
        "Filled in a demo year for Sam Rivera: 200 ledger entries, 5 prototypes, "
        "45 check-ins, 4 assessments."
    )
    history = gui.window.assessments.page
    qtbot.waitUntil(lambda: history.model.rowCount() == 4, timeout=20_000)
    services = open_services(gui.paths, gui.database_url)
    try:
        assert services.profile.show().name == "Sam Rivera"
        assert services.ledger.count() == 200
    finally:
        services.close()


def add_checkin_from_elsewhere(paths: AppPaths, database_url: str) -> None:
    """A record stored outside the GUI, as the command line does."""
    services = open_services(paths, database_url)
    try:
        services.checkins.save(CheckIn(IsoWeek.of(dt.date.today()), 30, 4, 2, 0))
    finally:
        services.close()


def test_the_demo_is_not_offered_when_records_exist(qtbot: QtBot, isolated_app_dirs: Path) -> None:
    paths = AppPaths(isolated_app_dirs)
    paths.ensure_directories()
    add_checkin_from_elsewhere(paths, paths.default_database_url)  # before the first start

    session = start_session(qtbot, isolated_app_dirs)
    try:
        dialog = welcome_dialog(qtbot, session)
        assert dialog.windowTitle() == "Welcome to CareerCoach"
        assert not dialog.demo_check.isVisibleTo(dialog)
        assert not dialog.wants_demo()
        assert dialog.name_edit.isEnabled()
    finally:
        session.close()


def test_a_demo_that_cannot_be_filled_in_is_reported(qtbot: QtBot, gui: GuiSession) -> None:
    dialog = welcome_dialog(qtbot, gui)
    assert dialog.demo_check.isVisibleTo(dialog)  # an empty database: the demo is offered
    shown_before = gui.window.status_label.text()
    add_checkin_from_elsewhere(gui.paths, gui.database_url)  # meanwhile, from the CLI
    dialog.demo_check.setFocus()
    qtbot.keyClick(dialog.demo_check, Qt.Key.Key_Space)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    def failure_box() -> QMessageBox | None:
        return gui.window.findChild(QMessageBox, "failureMessage")

    qtbot.waitUntil(lambda: failure_box() is not None, timeout=20_000)
    box = failure_box()
    assert box is not None
    assert "demo data only goes into an empty database" in box.text()
    assert gui.window.status_label.text() == shown_before  # not "Filling in a demo year…"
    box.accept()
    services = open_services(gui.paths, gui.database_url)
    try:
        assert services.profile.show().is_default  # nothing was saved
        assert services.ledger.count() == 0
        assert len(services.checkins.checkins()) == 1
    finally:
        services.close()
