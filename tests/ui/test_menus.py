"""Menus and keyboard: File → Import Ladder, the shortcuts, the About box."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from careercoach import __version__
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.prototype import Prototype, Stage, StageChange
from careercoach.services.app_services import open_services
from careercoach.ui.application import GuiSession
from careercoach.ui.ladder_models import LadderGridModel
from tests.sample_ladders import TEAM_LADDER_TOML
from tests.ui.test_ladders_page import dismiss_welcome, wait_for_preview


def menu_titles(gui: GuiSession) -> list[str]:
    return [action.text() for action in gui.window.menuBar().actions()]


def test_menus_and_shortcuts(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    assert menu_titles(gui) == ["&File", "&Edit", "&View", "&Help"]
    assert gui.window.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert gui.window.profile_action.shortcut() == QKeySequence("Ctrl+,")
    assert gui.window.about_action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )
    menus = gui.window.menus
    assert menus.log_work.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert menus.checkin.shortcut() == QKeySequence("Ctrl+K")
    assert menus.assess.shortcut() == QKeySequence("Ctrl+Shift+A")
    assert menus.assess.text() == "&Assess Yourself…"
    assert menus.export_summary.shortcut() == QKeySequence("Ctrl+E")
    assert menus.export_summary.text() == "Export 1:1 &Summary…"
    assert menus.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    view_actions = gui.window.view_menu.actions()
    assert [(a.text(), a.shortcut().toString()) for a in view_actions] == [
        ("Dashboard", "Ctrl+1"),
        ("Ladders", "Ctrl+2"),
        ("Ledger", "Ctrl+3"),
        ("Prototypes", "Ctrl+4"),
        ("Assessments", "Ctrl+5"),
        ("Coach", "Ctrl+6"),
    ]
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert gui.window.pages.currentWidget() is gui.window.evidence.prototypes_page


def test_file_import_ladder_from_the_menu(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dismiss_welcome(qtbot, gui)
    source = tmp_path / "team.toml"
    source.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    asked: list[str] = []

    def choose_file(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(source), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose_file)
    page = gui.window.ladders_page
    gui.window.import_action.trigger()
    preview = wait_for_preview(qtbot, gui)
    with qtbot.waitSignal(page.ladder_shown, timeout=10_000):
        qtbot.keyClick(preview, Qt.Key.Key_Return)
    assert "*.toml" in asked[0]
    assert "*.csv" in asked[0]
    assert page.current_ladder_id() == "team"


def test_cancelled_file_dialog_imports_nothing(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    dismiss_welcome(qtbot, gui)
    qtbot.waitUntil(lambda: not gui.window.tasks.busy)  # the Dashboard has read its data
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: ("", ""))
    gui.window.import_action.trigger()
    assert not gui.window.tasks.busy
    assert gui.window.ladders_page.list_model.row_of("team") == -1


def test_about_names_the_version_and_the_data_folder(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch, isolated_app_dirs: Path
) -> None:
    dismiss_welcome(qtbot, gui)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda _parent, title, text: shown.append((title, text))
    )
    gui.window.about_action.trigger()
    title, text = shown[0]
    assert title == "About CareerCoach"
    assert __version__ in text
    assert str(isolated_app_dirs) in text


def test_ctrl_number_switches_pages(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    gui.window.navigation.setCurrentRow(-1)
    assert gui.window.pages.currentWidget() is not gui.window.ladders_page
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert gui.window.pages.currentWidget() is gui.window.ladders_page


def test_text_from_a_ladder_file_is_never_rendered_as_html(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    model: LadderGridModel = gui.window.ladders_page.grid_model
    assert model.ladder is not None
    tooltip = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<p>")
    from careercoach.ui.ladder_models import plain_tooltip

    assert plain_tooltip("<img src='x'> & co\nnext") == (
        "<p>&lt;img src=&#x27;x&#x27;&gt; &amp; co<br>next</p>"
    )
    assert gui.window.ladders_page.description_label.textFormat() == Qt.TextFormat.PlainText


def test_titles_in_the_status_bar_are_shown_as_written(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    title = "<b>BOLD</b> <img src=x>"
    services = open_services(gui.paths, gui.database_url)
    try:
        services.prototypes.add(Prototype(title, (StageChange(Stage.IDEA, dt.date.today()),)))
    finally:
        services.close()
    flow = gui.window.evidence.prototypes
    with qtbot.waitSignal(flow.loaded, timeout=10_000):
        flow.reload()
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = gui.window.evidence.prototypes_page
    assert gui.window.pages.currentWidget() is page

    page.delete_button.click()
    box = flow.delete_box
    assert box is not None
    assert box.textFormat() == Qt.TextFormat.PlainText
    [delete] = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    with qtbot.waitSignal(flow.loaded, timeout=10_000):
        delete.click()
    status = gui.window.status_label
    assert status.text() == f"Deleted “{title}”."
    assert status.textFormat() == Qt.TextFormat.PlainText  # no bold, no image: the title

    # Edit → Undo Delete is the ledger's: a deleted prototype is not put back.
    undo = gui.window.menus.undo
    assert (undo.text(), undo.statusTip()) == (
        "&Undo Delete",
        "Put back the ledger entries deleted last",
    )
    assert not undo.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not gui.window.tasks.busy)
    assert page.model.rowCount() == 0
    services = open_services(gui.paths, gui.database_url)
    try:
        assert services.prototypes.prototypes() == ()
    finally:
        services.close()


def test_file_export_writes_the_whole_ledger_even_when_filtered(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dismiss_welcome(qtbot, gui)
    services = open_services(gui.paths, gui.database_url)
    try:
        today = dt.date.today()
        services.ledger.add(
            Contribution(today, "Wrote the churn docs", ContributionKind.DOCUMENTATION)
        )
        services.ledger.add(Contribution(today, "Reviewed a PR", ContributionKind.CODE_REVIEW))
    finally:
        services.close()
    ledger = gui.window.evidence.ledger
    with qtbot.waitSignal(ledger.loaded, timeout=10_000):
        ledger.reload()
    gui.window.navigation.setCurrentRow(2)
    page = gui.window.evidence.ledger_page
    assert gui.window.pages.currentWidget() is page
    qtbot.keyClicks(page.search_edit, "docs")  # the page shows one of the two
    target = tmp_path / "everything.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(target), "CSV files (*.csv)")
    )

    gui.window.menus.export_ledger.trigger()
    qtbot.waitUntil(lambda: gui.window.status_label.text().startswith("Exported"))
    assert gui.window.status_label.text() == "Exported all 2 entries to everything.csv."
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # the header and both entries
    assert any("Reviewed a PR" in line for line in lines)
