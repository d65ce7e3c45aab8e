"""The 1:1 rhythm in the profile dialog: set it, see it on the Dashboard, clear it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from careercoach.domain.profile import Profile
from careercoach.services.clock import local_today
from careercoach.ui.application import GuiSession
from careercoach.ui.form_helpers import from_qdate, to_qdate
from careercoach.ui.profile_dialog import ProfileDialog, following_one_on_ones
from tests.ui.test_dashboard import ready, services_of
from tests.ui.test_first_run import welcome_dialog
from tests.ui.test_ledger_page import mnemonics

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = local_today()
NOT_SCHEDULED = "No 1:1 scheduled — set one in your profile."


def open_profile(qtbot: QtBot, gui: GuiSession) -> ProfileDialog:
    """Press Ctrl+, in the window and wait for the profile dialog."""
    before = getattr(gui.window, "profile_dialog", None)
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_Comma, CTRL)
    qtbot.waitUntil(lambda: getattr(gui.window, "profile_dialog", None) is not before)
    dialog: ProfileDialog = gui.window.profile_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Profile"
    return dialog


def save(qtbot: QtBot, gui: GuiSession, dialog: ProfileDialog) -> None:
    ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok_button.isEnabled(), ok_button.toolTip()
    with qtbot.waitSignal(gui.window.profile_saved, timeout=10_000):
        qtbot.mouseClick(ok_button, Qt.MouseButton.LeftButton)


def test_schedule_then_clear_the_next_1_1(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    card = page.one_on_one
    assert card.detail_label.text() == NOT_SCHEDULED

    dialog = open_profile(qtbot, gui)
    assert dialog.every_spin.value() == 14
    assert dialog.every_spin.text() == "14 days"
    assert not dialog.scheduled_check.isChecked()
    assert not dialog.next_edit.isEnabled()
    assert dialog.rhythm_hint.text().startswith("Not scheduled")
    qtbot.keyClicks(dialog.name_edit, "Ada Lovelace")
    dialog.every_spin.setFocus()
    dialog.every_spin.selectAll()
    qtbot.keyClicks(dialog.every_spin, "7")
    assert dialog.every_spin.value() == 7
    qtbot.mouseClick(dialog.scheduled_check, Qt.MouseButton.LeftButton)
    assert dialog.next_edit.isEnabled()
    assert from_qdate(dialog.next_edit.date()) == TODAY + dt.timedelta(days=7)  # one cadence on
    dialog.next_edit.setDate(to_qdate(TODAY - dt.timedelta(days=1)))
    assert from_qdate(dialog.next_edit.date()) == TODAY  # no 1:1 in the past
    in_three = TODAY + dt.timedelta(days=3)
    dialog.next_edit.setDate(to_qdate(in_three))
    later = [in_three + dt.timedelta(days=days) for days in (7, 14)]
    assert dialog.rhythm_hint.text() == (
        f"Then every 7 days: {later[0].isoformat()}, {later[1].isoformat()}, …"
    )
    save(qtbot, gui, dialog)

    profile = services_of(gui).profile.show()
    assert (profile.one_on_one_every_days, profile.next_one_on_one) == (7, in_three)
    qtbot.waitUntil(lambda: card.date_label.text().endswith("(in 3 days)"), timeout=10_000)
    assert card.detail_label.text().startswith("Every week")
    assert not card.profile_button.isVisible()

    again = open_profile(qtbot, gui)
    assert again.every_spin.value() == 7
    assert again.scheduled_check.isChecked()
    assert from_qdate(again.next_edit.date()) == in_three
    again.scheduled_check.setFocus()
    qtbot.keyClick(again.scheduled_check, Qt.Key.Key_Space)
    assert not again.next_edit.isEnabled()
    assert again.rhythm_hint.text().startswith("Not scheduled")
    save(qtbot, gui, again)

    profile = services_of(gui).profile.show()
    assert (profile.one_on_one_every_days, profile.next_one_on_one) == (7, None)
    qtbot.waitUntil(lambda: card.detail_label.text() == NOT_SCHEDULED, timeout=10_000)
    assert not card.date_label.isVisible()
    assert card.profile_button.isVisible()


def test_set_up_in_profile_opens_on_the_next_1_1_date(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    first = gui.window.profile_dialog
    qtbot.mouseClick(page.one_on_one.profile_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.window.profile_dialog is not first)
    dialog: ProfileDialog = gui.window.profile_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Profile"
    assert dialog.scheduled_check.isChecked()  # setting one up: a date is proposed
    assert dialog.next_edit.isEnabled()
    assert dialog.focusWidget() is dialog.next_edit
    assert from_qdate(dialog.next_edit.date()) == TODAY + dt.timedelta(days=14)

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel stores nothing
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services_of(gui).profile.show().next_one_on_one is None
    assert page.one_on_one.detail_label.text() == NOT_SCHEDULED


def test_the_welcome_can_schedule_the_first_1_1(qtbot: QtBot, gui: GuiSession) -> None:
    dialog = welcome_dialog(qtbot, gui)
    assert dialog.every_spin.isVisible()
    assert not dialog.scheduled_check.isChecked()  # optional: nothing to do to skip it
    qtbot.keyClicks(dialog.name_edit, "Ada")
    dialog.every_spin.setValue(21)
    dialog.scheduled_check.setChecked(True)
    dialog.next_edit.setDate(to_qdate(TODAY + dt.timedelta(days=5)))

    dialog.demo_check.setChecked(True)  # the demo brings its own profile
    assert not dialog.every_spin.isEnabled()
    assert not dialog.scheduled_check.isEnabled()
    assert not dialog.next_edit.isEnabled()
    dialog.demo_check.setChecked(False)
    assert dialog.next_edit.isEnabled()

    save(qtbot, gui, dialog)
    profile = services_of(gui).profile.show()
    assert (profile.name, profile.one_on_one_every_days, profile.next_one_on_one) == (
        "Ada",
        21,
        TODAY + dt.timedelta(days=5),
    )


def test_a_passed_1_1_shows_as_the_next_in_its_rhythm(qtbot: QtBot) -> None:
    today = dt.date(2026, 11, 19)
    profile = Profile(name="Ada", one_on_one_every_days=14, next_one_on_one=dt.date(2026, 11, 12))
    dialog = ProfileDialog(profile, (), {}, first_run=False, today=today)
    qtbot.addWidget(dialog)
    assert from_qdate(dialog.next_edit.date()) == dt.date(2026, 11, 26)
    assert from_qdate(dialog.next_edit.minimumDate()) == today
    assert dialog.rhythm_hint.text() == "Then every 14 days: 2026-12-10, 2026-12-24, …"
    dialog.every_spin.setValue(1)
    assert dialog.every_spin.text() == "1 day"
    assert dialog.rhythm_hint.text() == "Then every day: 2026-11-27, 2026-11-28, …"
    changes = dialog.changes()
    assert (changes.next_one_on_one, changes.clear_next_one_on_one) == (
        dt.date(2026, 11, 26),
        False,
    )
    assert changes.one_on_one_every_days == 1
    dialog.scheduled_check.setChecked(False)
    changes = dialog.changes()
    assert (changes.next_one_on_one, changes.clear_next_one_on_one) == (None, True)


def test_the_dates_after_a_1_1() -> None:
    day = dt.date(2026, 11, 19)
    assert following_one_on_ones(day, 14) == [dt.date(2026, 12, 3), dt.date(2026, 12, 17)]
    assert following_one_on_ones(day, 365, count=1) == [dt.date(2027, 11, 19)]


@pytest.mark.parametrize(("first_run", "demo"), [(True, False), (True, True), (False, False)])
def test_no_two_controls_share_an_alt_key(qtbot: QtBot, first_run: bool, demo: bool) -> None:
    dialog = ProfileDialog(Profile(), (), {}, first_run=first_run, demo_available=True)
    qtbot.addWidget(dialog)
    dialog.demo_check.setChecked(demo)  # the OK button is renamed for the demo
    keys = [key for key, _text in mnemonics(dialog)]
    assert len(keys) == len(set(keys)), mnemonics(dialog)
    assert {"Alt+V", "Alt+X", "Alt+D"} <= set(keys)
