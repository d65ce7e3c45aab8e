"""Menus and keyboard: File → Import Ladder, the shortcuts, the About box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from careercoach import __version__
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
    assert menus.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    view_actions = gui.window.view_menu.actions()
    assert [(a.text(), a.shortcut().toString()) for a in view_actions] == [
        ("Ladders", "Ctrl+1"),
        ("Ledger", "Ctrl+2"),
        ("Prototypes", "Ctrl+3"),
    ]
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
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
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
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
