"""The weekly check-in from the main window: the reminder banner and File → Weekly Check-In."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from careercoach.domain.checkin import IsoWeek
from careercoach.services.app_services import open_services
from careercoach.services.clock import local_today
from careercoach.ui.application import GuiSession
from careercoach.ui.checkin_dialog import CheckInDialog
from tests.ui.conftest import start_session
from tests.ui.test_ladders_page import dismiss_welcome


def open_checkin_dialog(qtbot: QtBot) -> CheckInDialog:
    def dialog() -> CheckInDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, CheckInDialog)]
        return next((w for w in found if w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
    opened = dialog()
    assert opened is not None
    return opened


def test_the_banner_asks_for_this_weeks_checkin_until_it_is_saved(
    qtbot: QtBot, gui: GuiSession
) -> None:
    dismiss_welcome(qtbot, gui)
    reminder = gui.window.evidence.checkin_reminder
    this_week = IsoWeek.of(local_today())
    qtbot.waitUntil(lambda: reminder.isVisibleTo(gui.window), timeout=10_000)
    assert str(this_week) in reminder.message_label.text()

    qtbot.mouseClick(reminder.checkin_button, Qt.MouseButton.LeftButton)
    dialog = open_checkin_dialog(qtbot)
    assigned, helping, learning, solo = dialog.spin_boxes()
    for spin, hours in ((assigned, "26"), (helping, "9"), (learning, "3"), (solo, "2")):
        spin.selectAll()
        qtbot.keyClicks(spin, hours)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not reminder.isVisibleTo(gui.window), timeout=10_000)
    assert gui.window.status_label.text() == f"Check-in for {this_week} saved."
    services = open_services(gui.paths, gui.database_url)
    try:
        stored = services.checkins.get(this_week)
    finally:
        services.close()
    assert stored is not None
    assert (stored.assigned_hours, stored.helping_hours, stored.learning_hours) == (26, 9, 3)
    assert stored.solo_hours == 2


def test_ctrl_k_opens_the_checkin_from_any_page(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.waitUntil(lambda: not gui.window.tasks.busy)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = open_checkin_dialog(qtbot)
    assert dialog.week() == IsoWeek.of(local_today())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_reminder_comes_back_when_the_window_is_activated_in_a_new_week(
    qtbot: QtBot, isolated_app_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    days = [local_today()]
    monkeypatch.setattr("careercoach.ui.evidence_pages.local_today", lambda: days[0])
    gui = start_session(qtbot, isolated_app_dirs)
    try:
        dismiss_welcome(qtbot, gui)
        window = gui.window
        reminder = window.evidence.checkin_reminder
        this_week = IsoWeek.of(days[0])
        qtbot.waitUntil(lambda: reminder.isVisibleTo(window), timeout=10_000)
        qtbot.mouseClick(reminder.dismiss_button, Qt.MouseButton.LeftButton)  # Not Now
        assert not reminder.isVisibleTo(window)

        days[0] += dt.timedelta(days=7)  # the window stayed open over the weekend
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(other.isActiveWindow)
        with qtbot.waitSignal(window.evidence.checkin.refreshed, timeout=10_000):
            window.activateWindow()  # the user comes back to it
        next_week = IsoWeek.of(days[0])
        assert reminder.isVisibleTo(window)
        assert reminder.message_label.text() == (
            f"You haven't checked in for this week ({next_week}) yet."
        )
        services = open_services(gui.paths, gui.database_url)
        try:
            assert services.checkins.get(this_week) is None
            assert services.checkins.checkins() == ()
        finally:
            services.close()
    finally:
        gui.close()
