"""The Coach page as a user drives it: suggestions, why they fired, done, snooze, undo, rules."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from careercoach.domain.coach import SuggestionStatus
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.services.app_services import AppServices
from careercoach.services.clock import local_today
from careercoach.ui.application import GuiSession
from careercoach.ui.coach_page import CoachPage
from tests.ui.test_ladders_page import dismiss_welcome

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
HERO = "Stop building alone: validate with people"
VALIDATE = "Validate before you build"
TEAM_RULES = """
[[rules]]
id = "broken-rule"
title = "Never shown"
category = "habits"
when = "entries_total >"
message = "Unfinished condition."
rationale = "A typo in a condition."
priority = 50

[[rules]]
id = "team-demo"
title = "Demo <b>your</b> work <img src=x>"
category = "visibility"
when = "entries_total >= 0"
message = "Show <i>one</i> thing: {entries_total} entries to choose from."
rationale = "People back work they have seen."
priority = 99
competency = "communication"
"""


def services_of(gui: GuiSession) -> AppServices:
    assert gui.data is not None
    return gui.data.services


def ready(qtbot: QtBot, gui: GuiSession, *, demo: bool = False) -> CoachPage:
    """Dismiss the welcome (filling in the demo year first when asked); the window is active."""
    dismiss_welcome(qtbot, gui)
    if demo:
        services_of(gui).demo.fill()
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.waitUntil(lambda: not gui.window.tasks.busy)
    return gui.window.coach.page


def after_advice(qtbot: QtBot, gui: GuiSession, act: Callable[[], object]) -> None:
    """Do ``act`` and wait until the page shows the advice as it is afterwards."""
    with qtbot.waitSignal(gui.window.coach.flow.advice_shown, timeout=20_000):
        act()


def open_coach(qtbot: QtBot, gui: GuiSession) -> CoachPage:
    page = gui.window.coach.page
    after_advice(qtbot, gui, lambda: qtbot.keyClick(gui.window.navigation, Qt.Key.Key_6, CTRL))
    assert gui.window.pages.currentWidget() is page
    return page


def titles(page: CoachPage) -> list[str]:
    return [s.rule.title for s in page.model.suggestions()]


def hidden_rows(page: CoachPage) -> list[tuple[str, str, str]]:
    model = page.hidden_model
    return [
        tuple(model.index(row, column).data() for column in range(3))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def select(page: CoachPage, title: str) -> None:
    page.table.setFocus()
    page.table.selectRow(titles(page).index(title))
    current = page.current_suggestion()
    assert current is not None
    assert current.rule.title == title


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click(qtbot: QtBot, gui: GuiSession, button: object) -> None:
    after_advice(qtbot, gui, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))


def test_ctrl_6_shows_the_demo_suggestions_and_why_each_fired(
    qtbot: QtBot, gui: GuiSession
) -> None:
    ready(qtbot, gui, demo=True)
    view_actions = gui.window.view_menu.actions()
    assert (view_actions[5].text(), view_actions[5].shortcut().toString()) == ("Coach", "Ctrl+6")
    assert gui.window.navigation.item(5).text() == "Coach"
    page = open_coach(qtbot, gui)

    assert titles(page)[:2] == [HERO, VALIDATE]  # highest priority first
    assert page.checking_label.text().endswith("suggestions, most important first")
    assert page.model.index(0, 1).data() == "Prototypes"
    assert page.model.index(0, 2).data() == "90"
    detail = page.detail
    assert detail.isVisible()
    assert detail.title_label.text() == HERO  # the first is selected
    assert "builds Collaboration" in detail.meta_label.text()  # the ladder's name, not the id
    assert "hours in it" in detail.message_label.text()
    assert detail.rationale_label.text().startswith("Building something alone")
    assert detail.rule_label.text() == "Rule “hero-development” from built-in coach.toml, because:"

    select(page, VALIDATE)
    assert detail.title_label.text() == VALIDATE
    facts = detail.facts_model
    shown = {facts.index(row, 0).data(): facts.index(row, 1).data() for row in range(2)}
    assert shown["built_without_validating"] == "1"
    assert "unvalidated_prototype_title" in shown
    tooltip = facts.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "built_without_validating" in tooltip  # the catalogue's definition


def test_mark_done_hides_the_suggestion_and_undo_brings_it_back(
    qtbot: QtBot, gui: GuiSession
) -> None:
    ready(qtbot, gui, demo=True)
    page = open_coach(qtbot, gui)
    select(page, HERO)
    after_advice(qtbot, gui, lambda: qtbot.keyClick(page, Qt.Key.Key_M, ALT))  # &Mark Done

    assert HERO not in titles(page)
    assert page.current_suggestion() is not None  # the next one is selected
    assert page.current_suggestion().rule.title == VALIDATE  # type: ignore[union-attr]
    states = services_of(gui).coach.states()
    assert states["hero-development"].status is SuggestionStatus.DONE
    back = (local_today() + dt.timedelta(days=14)).isoformat()  # the rule's cooldown
    message = f"Marked “{HERO}” done; it is not suggested before {back}."
    assert gui.window.status_label.text() == message
    assert page.undo_bar.isVisible()
    assert page.undo_label.text() == message
    assert page.hidden_button.text() == "Show Hidde&n (1)"

    click(qtbot, gui, page.undo_button)
    assert titles(page)[0] == HERO
    assert page.current_suggestion().rule.title == HERO  # type: ignore[union-attr]
    assert "hero-development" not in services_of(gui).coach.states()
    assert gui.window.status_label.text() == f"Undone: “{HERO}” is back in the list."
    assert not page.undo_bar.isVisible()


def choose_from_menu_when_open(qtbot: QtBot, key: Qt.Key) -> None:
    """Press ``key`` in the next menu that pops up (a menu runs its own event loop)."""

    def press() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, press)
            return
        qtbot.keyClick(menu, key)

    QTimer.singleShot(0, press)


# The snooze menu pops up; the offscreen platform can neither raise it nor grab the keyboard.
@pytest.mark.qt_log_ignore(
    r"This plugin does not support raise\(\)", "This plugin does not support grabbing the keyboard"
)
def test_snooze_a_week_lists_it_as_hidden_until_then_and_show_again(
    qtbot: QtBot, gui: GuiSession
) -> None:
    ready(qtbot, gui, demo=True)
    page = open_coach(qtbot, gui)
    select(page, VALIDATE)
    assert [a.text() for a in page.snooze_menu.actions()] == [
        "For &1 Day",
        "For &3 Days",
        "For 1 &Week",
        "For &2 Weeks",
        "For 3&0 Days",
        "",
        "For &Other…",
    ]
    choose_from_menu_when_open(qtbot, Qt.Key.Key_W)
    click(qtbot, gui, page.snooze_button)
    gui.window.activateWindow()  # offscreen has no window manager to hand activation back
    qtbot.waitUntil(gui.window.isActiveWindow)

    week = (local_today() + dt.timedelta(days=7)).isoformat()
    assert VALIDATE not in titles(page)
    assert gui.window.status_label.text() == f"Snoozed “{VALIDATE}” until {week}."
    state = services_of(gui).coach.states()["validate-before-building"]
    assert (state.status, state.until) == (SuggestionStatus.SNOOZED, dt.date.fromisoformat(week))
    assert not page.hidden_box.isVisible()
    assert not page.show_again_button.isVisible()

    qtbot.mouseClick(page.hidden_button, Qt.MouseButton.LeftButton)  # Show Hidden (1)
    assert page.hidden_box.isVisible()
    assert hidden_rows(page) == [(VALIDATE, "Snoozed", week)]
    click_row(qtbot, page.hidden_table, 0)
    assert page.current_suggestion().rule.title == VALIDATE  # type: ignore[union-attr]
    assert page.table.selectionModel().selectedRows() == []  # one selection on the page
    assert page.detail.meta_label.text().startswith(f"Snoozed, back on {week}")
    assert not page.done_button.isEnabled()  # it is hidden already
    assert page.show_again_button.isEnabled()

    after_advice(qtbot, gui, lambda: qtbot.keyClick(page, Qt.Key.Key_A, ALT))  # Show &Again
    assert VALIDATE in titles(page)
    assert hidden_rows(page) == []
    assert "validate-before-building" not in services_of(gui).coach.states()
    assert gui.window.status_label.text() == f"“{VALIDATE}” is suggested again."
    assert page.current_suggestion().rule.title == VALIDATE  # type: ignore[union-attr]


def test_dismiss_with_the_delete_key_and_undo_it(qtbot: QtBot, gui: GuiSession) -> None:
    ready(qtbot, gui, demo=True)
    page = open_coach(qtbot, gui)
    select(page, HERO)
    after_advice(qtbot, gui, lambda: qtbot.keyClick(page.table, Qt.Key.Key_Delete))

    assert HERO not in titles(page)
    state = services_of(gui).coach.states()["hero-development"]
    assert state.status is SuggestionStatus.DISMISSED
    assert gui.window.status_label.text().startswith(f"Dismissed “{HERO}”")
    qtbot.mouseClick(page.hidden_button, Qt.MouseButton.LeftButton)
    assert hidden_rows(page)[0][:2] == (HERO, "Dismissed")

    after_advice(qtbot, gui, lambda: qtbot.keyClick(page, Qt.Key.Key_U, ALT))  # &Undo
    assert titles(page)[0] == HERO
    assert services_of(gui).coach.states() == {}


class UrlCatcher(QObject):
    """Receives the URLs the app asks the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_urls() -> Iterator[list[QUrl]]:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "catch")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("file")


def test_a_broken_user_rule_is_reported_and_the_others_still_run(
    qtbot: QtBot, gui: GuiSession, opened_urls: list[QUrl]
) -> None:
    ready(qtbot, gui)
    rules_file = gui.paths.rules_dir / "team.toml"
    rules_file.write_text(TEAM_RULES, encoding="utf-8")
    page = open_coach(qtbot, gui)

    assert page.problems_banner.isVisible()
    problems = page.problems_label.text()
    assert f"{rules_file}: rule 'broken-rule': 'when':" in problems
    assert page.problems_label.textFormat() == Qt.TextFormat.PlainText
    title = "Demo <b>your</b> work <img src=x>"
    assert titles(page)[0] == title  # the valid rule in the same file runs
    assert "Never shown" not in titles(page)
    assert page.model.index(0, 0).data() == title  # shown as written, not as HTML
    assert page.detail.title_label.text() == title
    assert page.detail.title_label.textFormat() == Qt.TextFormat.PlainText
    assert page.detail.message_label.text().startswith("Show <i>one</i> thing: 0 entries")
    assert "&lt;i&gt;one" in page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert page.detail.rule_label.text().endswith(f"from {rules_file}, because:")

    shutil.rmtree(gui.paths.rules_dir)  # gone meanwhile: opening it makes it again
    qtbot.mouseClick(page.rules_folder_button, Qt.MouseButton.LeftButton)
    assert gui.paths.rules_dir.is_dir()
    assert [url.toLocalFile() for url in opened_urls] == [str(gui.paths.rules_dir)]
    assert gui.window.status_label.text().startswith("Opened your rules folder")

    gui.paths.rules_dir.joinpath("team.toml").write_text(
        TEAM_RULES.replace('"entries_total >"', '"entries_total > 1"'), encoding="utf-8"
    )
    after_advice(qtbot, gui, lambda: qtbot.keyClick(page, Qt.Key.Key_F5))  # fixed: refresh
    assert not page.problems_banner.isVisible()


def test_an_empty_database_gets_the_rules_for_an_empty_ledger(
    qtbot: QtBot, gui: GuiSession
) -> None:
    ready(qtbot, gui)
    page = gui.window.coach.page
    seen: list[str] = []

    def open_page() -> None:
        qtbot.keyClick(gui.window.navigation, Qt.Key.Key_6, CTRL)
        seen.append(page.checking_label.text())  # before the result is back

    after_advice(qtbot, gui, open_page)
    assert seen == ["Checking your data…"]
    assert page.checking_label.text() == "3 suggestions, most important first"
    assert titles(page) == [
        "Help a teammate this week",
        "Take your first self-assessment",
        "Do this week's check-in",
    ]
    assert page.list_stack.currentWidget() is page.table
    assert not page.problems_banner.isVisible()
    assert not page.hidden_button.isEnabled()  # "Show Hidden (0)"


def test_data_changed_elsewhere_is_checked_again_while_the_page_is_shown(
    qtbot: QtBot, gui: GuiSession
) -> None:
    ready(qtbot, gui)
    page = open_coach(qtbot, gui)
    assert "Help a teammate this week" in titles(page)
    services_of(gui).ledger.add(
        Contribution(local_today(), "Reviewed Ana's PR", ContributionKind.CODE_REVIEW)
    )
    after_advice(qtbot, gui, gui.window.evidence.ledger.reload)  # as after Log Work…
    assert "Help a teammate this week" not in titles(page)


def test_nothing_to_suggest_shows_the_empty_state(qtbot: QtBot, gui: GuiSession) -> None:
    ready(qtbot, gui)
    off = "\n".join(
        f'[[rules]]\nid = "{rule}"\ntitle = "t"\ncategory = "c"\nwhen = "false"\n'
        f'message = "m"\nrationale = "r"\npriority = 1\nenabled = false\n'
        for rule in ("help-others-drought", "first-assessment", "missing-checkin")
    )
    gui.paths.rules_dir.joinpath("quiet.toml").write_text(off, encoding="utf-8")
    page = open_coach(qtbot, gui)
    assert titles(page) == []
    assert page.list_stack.currentWidget() is page.empty_label
    assert page.empty_label.text().startswith("Nothing to suggest right now — ")
    assert not page.detail.isVisible()
    assert not page.done_button.isEnabled()


def test_a_failed_check_is_reported_without_a_traceback(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready(qtbot, gui)

    def broken() -> None:
        raise RuntimeError("the rule engine fell over")

    monkeypatch.setattr(services_of(gui).coach, "advice", broken)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_6, CTRL)

    def failure_box() -> QMessageBox | None:
        return gui.window.findChild(QMessageBox, "failureMessage")

    qtbot.waitUntil(lambda: failure_box() is not None, timeout=20_000)
    box = failure_box()
    assert box is not None
    assert box.text() == "Something went wrong. Your saved data is safe."
    box.accept()
    assert gui.window.coach.page.empty_label.text() == "Your data could not be checked."


def test_snooze_for_any_number_of_days(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready(qtbot, gui, demo=True)
    page = open_coach(qtbot, gui)
    select(page, VALIDATE)
    asked: list[tuple[int, int]] = []

    def answer(*_args: object, **kwargs: int) -> tuple[int, bool]:
        asked.append((kwargs["minValue"], kwargs["maxValue"]))
        return 45, True

    monkeypatch.setattr(QInputDialog, "getInt", answer)
    after_advice(qtbot, gui, page.snooze_other.trigger)
    assert asked == [(1, 365)]
    state = services_of(gui).coach.states()["validate-before-building"]
    assert state.until == local_today() + dt.timedelta(days=45)
    assert VALIDATE not in titles(page)
