"""The weekly check-in: the reminder banner and the thirty-second dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.ui.checkin_dialog import CheckInDialog, week_label
from careercoach.ui.checkin_flow import CheckInFlow
from careercoach.ui.checkin_reminder import CheckInReminder
from careercoach.ui.tasks import TaskRunner

THIS_WEEK = IsoWeek.of(dt.date.today())


@dataclass
class CheckInUi:
    window: QWidget
    reminder: CheckInReminder
    flow: CheckInFlow
    services: AppServices
    messages: list[str]
    days: list[dt.date]  # the flow's today is days[0]: a test may move it on


@pytest.fixture
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def services(isolated_app_dirs: Path) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, paths.default_database_url)
    yield opened
    opened.close()


@pytest.fixture
def ui(
    qtbot: QtBot, services: AppServices, isolated_app_dirs: Path, english: None
) -> Iterator[CheckInUi]:
    window = QWidget()
    reminder = CheckInReminder(window)
    layout = QVBoxLayout(window)
    layout.addWidget(reminder)
    layout.addWidget(QLabel("The page", window), 1)
    window.resize(900, 400)
    qtbot.addWidget(window)
    tasks = TaskRunner(window)
    days = [dt.date.today()]
    flow = CheckInFlow(window, reminder, tasks, isolated_app_dirs, today=lambda: days[0])
    messages: list[str] = []
    flow.status_changed.connect(messages.append)
    window.show()
    flow.services = services
    yield CheckInUi(window, reminder, flow, services, messages, days)
    tasks.wait_for_done()


def refresh(ui: CheckInUi, qtbot: QtBot) -> None:
    with qtbot.waitSignal(ui.flow.refreshed, timeout=10_000):
        ui.flow.refresh()


def open_dialog(ui: CheckInUi, qtbot: QtBot) -> CheckInDialog:
    if ui.reminder.isVisible():
        ui.reminder.checkin_button.click()
    else:
        ui.flow.open_dialog()
    qtbot.waitUntil(lambda: ui.flow.dialog is not None and ui.flow.dialog.isVisible())
    assert ui.flow.dialog is not None
    return ui.flow.dialog


def type_hours(qtbot: QtBot, dialog: CheckInDialog, *hours: str) -> None:
    """Type each number into the next spin box, moving on with Tab as a user would."""
    for spin, text in zip(dialog.spin_boxes(), hours, strict=False):
        qtbot.waitUntil(spin.hasFocus)
        qtbot.keyClicks(spin, text)
        qtbot.keyClick(spin, Qt.Key.Key_Tab)


def test_weeks_are_labelled_with_their_days(english: None) -> None:
    dash = "\u2013"
    assert week_label(IsoWeek(2026, 48)) == f"2026-W48 (23{dash}29 Nov)"
    assert week_label(IsoWeek(2026, 49)) == f"2026-W49 (30 Nov {dash} 6 Dec)"
    assert week_label(IsoWeek(2026, 1)) == f"2026-W01 (29 Dec {dash} 4 Jan)"


def test_the_banner_asks_for_this_weeks_check_in_until_it_is_saved(
    ui: CheckInUi, qtbot: QtBot
) -> None:
    refresh(ui, qtbot)
    assert ui.reminder.isVisible()
    assert ui.reminder.message_label.text() == (
        f"You haven't checked in for this week ({THIS_WEEK}) yet."
    )

    dialog = open_dialog(ui, qtbot)
    assert dialog.week() == THIS_WEEK
    assert dialog.assigned_spin.hasFocus()  # ready to type at once
    type_hours(qtbot, dialog, "30", "6.5", "2", "1.5")
    assert dialog.total_label.text() == "40 h in total"
    with qtbot.waitSignal(ui.flow.refreshed, timeout=10_000):
        qtbot.keyClick(dialog.solo_spin, Qt.Key.Key_Return)

    assert ui.services.checkins.get(THIS_WEEK) == CheckIn(THIS_WEEK, 30, 6.5, 2, 1.5)
    assert ui.reminder.isHidden()
    assert ui.flow.dialog is None
    assert ui.messages == [f"Check-in for {THIS_WEEK} saved."]


def test_more_hours_than_a_week_has_cannot_be_saved(ui: CheckInUi, qtbot: QtBot) -> None:
    dialog = open_dialog(ui, qtbot)
    type_hours(qtbot, dialog, "100", "40", "20", "10")
    assert dialog.total_label.text() == "170 h in total"
    assert dialog.problems_label.isVisible()
    assert dialog.problems_label.text() == "The hours add up to 170, more than a week's 168"
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.solo_spin, Qt.Key.Key_Return)
    assert dialog.isVisible()

    dialog.solo_spin.selectAll()
    qtbot.keyClicks(dialog.solo_spin, "8")
    assert dialog.total_label.text() == "168 h in total"
    assert dialog.save_button.isEnabled()
    assert dialog.problems_label.isHidden()


def test_an_earlier_week_loads_its_check_in_for_editing(ui: CheckInUi, qtbot: QtBot) -> None:
    earlier = THIS_WEEK.previous()
    ui.services.checkins.save(CheckIn(earlier, 20, 10, 5, 2.5, "Hackathon week"))
    dialog = open_dialog(ui, qtbot)
    assert dialog.week_combo.count() == 13
    assert dialog.week_combo.itemText(1) == f"{week_label(earlier)} · checked in"
    assert dialog.state_label.isHidden()

    dialog.week_combo.setCurrentIndex(1)
    assert [spin.value() for spin in dialog.spin_boxes()] == [20, 10, 5, 2.5]
    assert dialog.note_edit.toPlainText() == "Hackathon week"
    assert dialog.state_label.isVisible()
    dialog.helping_spin.selectAll()
    qtbot.keyClicks(dialog.helping_spin, "12")
    with qtbot.waitSignal(ui.flow.refreshed, timeout=10_000):
        dialog.save_button.click()
    assert ui.services.checkins.get(earlier) == CheckIn(earlier, 20, 12, 5, 2.5, "Hackathon week")
    assert ui.messages == [f"Check-in for {earlier} updated."]


def test_going_back_to_a_new_week_clears_the_loaded_numbers(ui: CheckInUi, qtbot: QtBot) -> None:
    earlier = THIS_WEEK.previous()
    ui.services.checkins.save(CheckIn(earlier, 20, 10, 5, 2.5, "Hackathon week"))
    dialog = open_dialog(ui, qtbot)
    dialog.week_combo.setCurrentIndex(1)
    dialog.week_combo.setCurrentIndex(0)
    assert [spin.value() for spin in dialog.spin_boxes()] == [0, 0, 0, 0]
    assert dialog.note_edit.toPlainText() == ""

    dialog.assigned_spin.selectAll()
    qtbot.keyClicks(dialog.assigned_spin, "35")
    dialog.week_combo.setCurrentIndex(2)  # no check-in there: what was typed stays
    assert dialog.assigned_spin.value() == 35


def test_not_now_hides_the_banner_for_the_session(ui: CheckInUi, qtbot: QtBot) -> None:
    refresh(ui, qtbot)
    with qtbot.waitSignal(ui.reminder.dismissed):
        ui.reminder.dismiss_button.click()
    assert ui.reminder.isHidden()
    refresh(ui, qtbot)
    assert ui.reminder.isHidden()
    assert ui.services.checkins.get(THIS_WEEK) is None


def test_escape_closes_the_dialog_without_saving(ui: CheckInUi, qtbot: QtBot) -> None:
    dialog = open_dialog(ui, qtbot)
    qtbot.keyClicks(dialog.assigned_spin, "12")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.assigned_spin, Qt.Key.Key_Escape)
    assert ui.flow.dialog is None
    assert ui.services.checkins.checkins() == ()


def activate_after_another_window(qtbot: QtBot, window: QWidget) -> None:
    """The user switches to another window and back."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_coming_back_in_a_new_week_shows_the_reminder_again(ui: CheckInUi, qtbot: QtBot) -> None:
    ui.services.checkins.save(CheckIn(THIS_WEEK, 30, 6, 2.5, 1.5))
    refresh(ui, qtbot)
    assert ui.reminder.isHidden()
    with qtbot.assertNotEmitted(ui.flow.refreshed, wait=200):  # the same day: nothing to ask
        activate_after_another_window(qtbot, ui.window)

    ui.days[0] += dt.timedelta(days=7)  # the app stayed open over the weekend
    with qtbot.waitSignal(ui.flow.refreshed, timeout=10_000):
        activate_after_another_window(qtbot, ui.window)
    next_week = IsoWeek.of(ui.days[0])
    assert next_week != THIS_WEEK
    assert ui.reminder.isVisible()
    assert ui.reminder.message_label.text() == (
        f"You haven't checked in for this week ({next_week}) yet."
    )


def test_the_reminder_is_checked_again_at_midnight(
    qtbot: QtBot, services: AppServices, isolated_app_dirs: Path, english: None
) -> None:
    window = QWidget()
    reminder = CheckInReminder(window)
    QVBoxLayout(window).addWidget(reminder)
    qtbot.addWidget(window)
    tasks = TaskRunner(window)
    days = [dt.date.today()]
    just_before_midnight = dt.datetime.combine(days[0], dt.time(23, 59, 59, 800_000))
    flow = CheckInFlow(
        window,
        reminder,
        tasks,
        isolated_app_dirs,
        today=lambda: days[0],
        now=lambda: just_before_midnight,
    )
    window.show()
    flow.services = services
    services.checkins.save(CheckIn(THIS_WEEK, 30, 6, 2.5, 1.5))
    with qtbot.waitSignal(flow.refreshed, timeout=10_000):
        flow.refresh()
    assert reminder.isHidden()
    assert flow.midnight_timer.isActive()
    assert flow.midnight_timer.isSingleShot()
    # armed for just after midnight (1.2 s away); a very coarse timer rounds to whole seconds
    assert flow.midnight_timer.remainingTime() <= 2_200

    days[0] += dt.timedelta(days=7)  # midnight of a Sunday: a new week begins
    with qtbot.waitSignal(flow.refreshed, timeout=10_000):
        pass  # the timer fires on its own
    assert reminder.isVisible()
    assert str(IsoWeek.of(days[0])) in reminder.message_label.text()
    assert flow.midnight_timer.isActive()  # and is armed again for the next midnight
    flow.midnight_timer.stop()
    tasks.wait_for_done()


def test_saving_unchanged_keeps_hours_to_the_hundredth(ui: CheckInUi, qtbot: QtBot) -> None:
    earlier = THIS_WEEK.previous()
    stored = CheckIn(earlier, 7.25, 3.75, 1.05, 0.5, "Quarter hours")
    ui.services.checkins.save(stored)
    dialog = open_dialog(ui, qtbot)
    dialog.week_combo.setCurrentIndex(1)
    assert [spin.value() for spin in dialog.spin_boxes()] == [7.25, 3.75, 1.05, 0.5]
    assert dialog.assigned_spin.text() == "7.25 h"
    with qtbot.waitSignal(ui.flow.refreshed, timeout=10_000):
        qtbot.keyClick(dialog.assigned_spin, Qt.Key.Key_Return)
    assert ui.services.checkins.get(earlier) == stored
    assert ui.messages == [f"Check-in for {earlier} updated."]
