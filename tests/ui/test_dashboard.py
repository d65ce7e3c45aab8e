"""The Dashboard as a user meets it: the home page, with the demo year and with nothing yet."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.services.app_services import AppServices
from careercoach.services.clock import local_today
from careercoach.ui.application import GuiSession
from careercoach.ui.dashboard_page import DashboardPage
from careercoach.ui.dashboard_text import days_ago, long_date, one_on_one_text, short_date
from tests.ui.test_ladders_page import dismiss_welcome
from tests.ui.test_ledger_page import choose, mnemonics, wait_for_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = local_today()


def services_of(gui: GuiSession) -> AppServices:
    assert gui.data is not None
    return gui.data.services


def settle(qtbot: QtBot, gui: GuiSession) -> DashboardPage:
    """Make the window active and wait until every reading is on screen."""
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.waitUntil(lambda: not gui.window.tasks.busy, timeout=20_000)
    page = gui.window.dashboard.page
    assert page.data is not None
    return page


def ready(qtbot: QtBot, gui: GuiSession) -> DashboardPage:
    """An empty database: the welcome dismissed."""
    dismiss_welcome(qtbot, gui)
    return settle(qtbot, gui)


def with_demo(qtbot: QtBot, gui: GuiSession) -> DashboardPage:
    """The demo year, filled in from the welcome as a user would."""
    qtbot.waitUntil(lambda: getattr(gui.window, "profile_dialog", None) is not None)
    dialog = gui.window.profile_dialog
    dialog.demo_check.setChecked(True)
    with qtbot.waitSignal(gui.window.profile_saved, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    page = gui.window.dashboard.page
    qtbot.waitUntil(lambda: page.data is not None and page.data.entry_count == 200, timeout=20_000)
    return settle(qtbot, gui)


def column(model: QAbstractItemModel, column_index: int = 0) -> list[str]:
    return [model.index(row, column_index).data() for row in range(model.rowCount())]


def activate_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    """Click a row as a user would."""
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_app_opens_on_the_dashboard(qtbot: QtBot, gui: GuiSession) -> None:
    window = gui.window
    assert window.pages.currentWidget() is window.dashboard.page
    assert window.navigation.currentRow() == 0
    assert window.navigation.item(0).text() == "Dashboard"
    page = ready(qtbot, gui)
    assert window.pages.currentWidget() is page


def test_an_empty_database_has_a_friendly_word_in_every_card(
    qtbot: QtBot, gui: GuiSession
) -> None:
    page = ready(qtbot, gui)
    assert page.greeting_label.text() == "Welcome to CareerCoach"
    assert page.subtitle_label.text() == (
        "Data Scientist · Data Science IC · aiming for Senior Data Scientist"
    )
    standing = page.standing
    assert standing.estimate.value_label.text() == "Not assessed yet"
    assert standing.target.value_label.text() == "Senior Data Scientist"
    assert standing.assessed.value_label.text() == "Never"
    assert standing.radar_stack.currentWidget() is standing.first_box
    assert standing.first_assessment_button.isVisible()
    assert page.trend_card.stack.currentWidget() is page.trend_card.message
    assert page.trend_card.message.text().startswith("Your progress shows here")
    assert page.recent.message.isVisible()
    assert page.recent.message.text().startswith("Nothing logged yet.")
    assert page.prototypes.message.text().startswith("No prototypes in flight.")
    assert not page.ledger_link.isVisible()  # nothing to see all of
    one_on_one = page.one_on_one
    assert one_on_one.detail_label.text() == "No 1:1 scheduled — set one in your profile."
    assert one_on_one.profile_button.isVisible()
    # The coach speaks even to an empty database.
    assert column(page.next_steps_model) == [
        "Help a teammate this week",
        "Take your first self-assessment",
        "Do this week's check-in",
    ]


def test_the_demo_year_at_a_glance(qtbot: QtBot, gui: GuiSession) -> None:
    page = with_demo(qtbot, gui)
    services = services_of(gui)
    reports = services.assessments.reports()
    assert page.greeting_label.text() == "Welcome back, Sam Rivera"
    standing = page.standing
    assert standing.estimate.value_label.text() == reports[0].result.estimate.label
    assert standing.target.value_label.text() == "Senior Data Scientist"
    assert standing.target.note_label.text().endswith("below target")
    finished = reports[0].assessment.finished_on
    assert finished is not None
    assert standing.assessed.value_label.text() == short_date(finished, TODAY, relative=False)
    assert standing.assessed.note_label.text() == days_ago(finished, TODAY)
    assert standing.radar_stack.currentWidget() is page.radar
    radar = page.radar.chart()
    assert radar is not None
    assert [series.style for series in radar.series] == ["current", "target"]
    assert radar.series[1].name == "Target: Senior Data Scientist"
    trend = page.trend.chart()
    assert trend is not None
    assert len(trend.points) == len(reports) == 4

    top = [s.rule.title for s in services.coach.advice().suggestions[:3]]
    assert column(page.next_steps_model) == top
    assert page.coach_link.text() == f"See all {len(services.coach.advice().suggestions)}"
    newest = services.ledger.entries()[:5]
    assert column(page.recent_model, 1) == [entry.title for entry in newest]
    dates = [entry.date for entry in page.recent_model.entries()]
    assert dates == sorted(dates, reverse=True)
    assert page.ledger_link.text() == "See all 200"
    in_flight = [p for p in services.prototypes.prototypes() if not p.stage.is_finished]
    assert set(column(page.prototypes_model)) == {p.title for p in in_flight}
    assert all(text.startswith("since ") for text in column(page.prototypes_model, 2))

    upcoming = TODAY + dt.timedelta(days=6)
    one_on_one = page.one_on_one.date_label.text()
    assert one_on_one == f"{long_date(upcoming, TODAY)} (in 6 days)"
    assert page.one_on_one.detail_label.text().startswith("Every two weeks")
    assert not page.one_on_one.profile_button.isVisible()


def test_ctrl_1_to_6_go_to_the_pages(qtbot: QtBot, gui: GuiSession) -> None:
    ready(qtbot, gui)
    window = gui.window
    pages = {
        Qt.Key.Key_2: window.ladders_page,
        Qt.Key.Key_3: window.evidence.ledger_page,
        Qt.Key.Key_4: window.evidence.prototypes_page,
        Qt.Key.Key_5: window.assessments.page,
        Qt.Key.Key_6: window.coach.page,
        Qt.Key.Key_1: window.dashboard.page,
    }
    for key, page in pages.items():
        qtbot.keyClick(window.navigation, key, CTRL)
        assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)


def test_log_work_from_the_dashboard_shows_up_in_recent_work(
    qtbot: QtBot, gui: GuiSession
) -> None:
    page = ready(qtbot, gui)
    assert page.log_work_button.text() == "&Log Work…"
    qtbot.mouseClick(page.log_work_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, gui)
    qtbot.keyClicks(dialog.form.title_edit, "Reviewed the <b>ETL</b> PR")
    choose(dialog.form.kind_combo, "Code review")
    with qtbot.waitSignal(gui.window.dashboard.flow.loaded, timeout=20_000):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)
    assert column(page.recent_model, 1) == ["Reviewed the <b>ETL</b> PR"]
    assert column(page.recent_model) == ["Today"]
    assert column(page.recent_model, 2) == ["Code review"]
    assert page.recent.stack.currentWidget() is page.recent.view
    # The coach saw it too: someone was helped this week.
    assert "Help a teammate this week" not in column(page.next_steps_model)


def test_an_entry_logged_elsewhere_is_shown_when_the_dashboard_is_back(
    qtbot: QtBot, gui: GuiSession
) -> None:
    page = ready(qtbot, gui)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_3, CTRL)  # the Ledger page
    services_of(gui).ledger.add(
        Contribution(TODAY, "Paired on the DAG", ContributionKind.MENTORING)
    )
    ledger = gui.window.evidence.ledger
    with qtbot.waitSignal(ledger.loaded, timeout=10_000):
        ledger.reload()
    assert column(page.recent_model, 1) == []  # out of sight: not read yet
    with qtbot.waitSignal(gui.window.dashboard.flow.loaded, timeout=20_000):
        qtbot.keyClick(gui.window.navigation, Qt.Key.Key_1, CTRL)
    assert column(page.recent_model, 1) == ["Paired on the DAG"]


@pytest.mark.parametrize("how", ["button", "card button", "menu"])
def test_start_assessment_opens_the_wizard(qtbot: QtBot, gui: GuiSession, how: str) -> None:
    page = ready(qtbot, gui)
    flow = gui.window.assessments.wizard
    button = page.assess_button if how == "button" else page.standing.first_assessment_button
    with qtbot.waitSignal(flow.wizard_opened, timeout=10_000):
        if how == "menu":
            gui.window.menus.assess.trigger()
        else:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert flow.wizard is not None
    qtbot.waitUntil(flow.wizard.isVisible)
    flow.wizard.reject()
    qtbot.waitUntil(lambda: flow.wizard is None)


@pytest.mark.parametrize("how", ["button", "shortcut"])
def test_export_summary_opens_the_export_dialog(qtbot: QtBot, gui: GuiSession, how: str) -> None:
    page = ready(qtbot, gui)
    export = gui.window.dashboard.export
    if how == "button":
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(gui.window.navigation, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(
        lambda: export.dialog is not None and export.dialog.isVisible(), timeout=20_000
    )
    assert export.dialog is not None
    export.dialog.reject()
    qtbot.waitUntil(lambda: export.dialog is None)


def test_set_up_in_profile_opens_the_profile(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    first = gui.window.profile_dialog
    qtbot.mouseClick(page.one_on_one.profile_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.window.profile_dialog is not first)
    assert gui.window.profile_dialog.windowTitle() == "Profile"  # where the 1:1 is set
    gui.window.profile_dialog.reject()


def test_the_cards_open_their_pages_with_the_row_selected(qtbot: QtBot, gui: GuiSession) -> None:
    page = with_demo(qtbot, gui)
    window = gui.window

    second = page.next_steps_model.suggestions()[1]
    coach = window.coach
    with qtbot.waitSignal(coach.flow.advice_shown, timeout=20_000):
        activate_row(qtbot, page.next_steps.view, 1)
    assert window.pages.currentWidget() is coach.page
    selected = coach.page.current_suggestion()
    assert selected is not None
    assert selected.rule.id == second.rule.id

    window.show_page(page)
    entry = page.recent_model.entries()[2]
    activate_row(qtbot, page.recent.view, 2)
    ledger_page = window.evidence.ledger_page
    assert window.pages.currentWidget() is ledger_page
    assert ledger_page.current_entry() == entry

    window.show_page(page)
    prototype = page.prototypes_model.prototypes()[0]
    page.prototypes.view.setFocus()
    page.prototypes.view.setCurrentIndex(page.prototypes_model.index(0, 0))
    qtbot.keyClick(page.prototypes.view, Qt.Key.Key_Return)  # the keyboard way
    prototypes_page = window.evidence.prototypes_page
    assert window.pages.currentWidget() is prototypes_page
    assert prototypes_page.current_prototype() == prototype
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)


def test_a_new_day_counts_the_next_one_on_one_down(qtbot: QtBot, gui: GuiSession) -> None:
    page = with_demo(qtbot, gui)
    flow = gui.window.dashboard.flow
    tomorrow = TODAY + dt.timedelta(days=1)
    flow.today = lambda: tomorrow
    with qtbot.waitSignal(flow.loaded, timeout=20_000):
        gui.window.evidence.checkin.midnight_timer.timeout.emit()  # as at midnight
    upcoming = TODAY + dt.timedelta(days=6)
    assert page.one_on_one.date_label.text() == one_on_one_text(upcoming, tomorrow)
    assert page.one_on_one.date_label.text().endswith("(in 5 days)")


def test_no_two_controls_share_an_alt_key(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    menus = [QKeySequence.mnemonic(a.text()).toString() for a in gui.window.menuBar().actions()]
    keys = [key for key, _text in mnemonics(page)] + menus
    assert len(keys) == len(set(keys)), keys
    assert {"Alt+L", "Alt+A", "Alt+X", "Alt+S", "Alt+P"} <= set(keys)


def test_text_is_shown_as_written(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    for label in page.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    tooltip = page.next_steps_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<p>")  # escaped: a rule's text never renders as HTML


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, gui: GuiSession, qtmodeltester: ModelTester
) -> None:
    page = with_demo(qtbot, gui)
    for model in (page.next_steps_model, page.recent_model, page.prototypes_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
        assert model.rowCount(model.index(0, 0)) == 0
        assert model.data(QModelIndex()) is None


@pytest.mark.parametrize(
    ("days", "text"),
    [(0, "Today"), (1, "Tomorrow"), (6, "(in 6 days)")],
)
def test_the_next_one_on_one_in_words(days: int, text: str) -> None:
    day = TODAY + dt.timedelta(days=days)
    words = one_on_one_text(day, TODAY)
    assert words.endswith(text)
    assert long_date(day, TODAY) in words or days < 2
