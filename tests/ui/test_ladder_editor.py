"""The ladder editor, driven as a user would: duplicate, edit, undo, validate, save, export."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from careercoach.services.app_services import open_services
from careercoach.ui.application import GuiSession
from careercoach.ui.ladder_editor import LadderEditorDialog
from tests.ui.test_ladders_page import dismiss_welcome


def open_editor(qtbot: QtBot, gui: GuiSession, button: str) -> LadderEditorDialog:
    dismiss_welcome(qtbot, gui)
    page = gui.window.ladders_page
    qtbot.waitUntil(lambda: page.new_button.isEnabled(), timeout=10_000)
    getattr(page, button).click()
    editor = gui.window.editing.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    return editor


def replace_text(qtbot: QtBot, widget: object, text: str) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)  # type: ignore[arg-type]


def test_duplicate_edit_undo_and_save(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "duplicate_button")
    assert editor.id_edit.text() == "data-science-ic-copy"
    assert editor.name_edit.text() == "Copy of Data Science IC"

    replace_text(qtbot, editor.name_edit, "Our DS ladder")
    add_level = next(
        button for button in editor.findChildren(QPushButton) if button.text() == "Add level"
    )
    add_level.click()
    assert len(editor.ladder.levels) == 7
    replace_text(qtbot, editor.level_title, "Distinguished")
    assert editor.ladder.levels[6].title == "Distinguished"

    editor.competency_list.setCurrentIndex(editor.competency_model.index(1))
    replace_text(qtbot, editor.cell_summary, "Sets the technical bar for the industry.")
    qtbot.keyClicks(editor.cell_signals, "Published work others build on")
    cell = editor.ladder.competencies[1].expectation(editor.ladder.levels[6].id)
    assert cell.summary == "Sets the technical bar for the industry."
    assert cell.signals == ("Published work others build on",)

    editor.undo_stack.undo()  # the signals typing is one step
    assert editor.ladder.competencies[1].expectation(editor.ladder.levels[6].id).signals == ()
    editor.undo_stack.redo()
    assert editor.save_button.isEnabled()

    with qtbot.waitSignal(gui.window.editing.saved, timeout=10_000):
        editor.save_button.click()
    assert editor.undo_stack.isClean()
    assert gui.window.ladders_page.current_ladder_id() == "data-science-ic-copy"
    services = open_services(gui.paths, gui.database_url)
    try:
        stored = services.ladders.get_stored("data-science-ic-copy")
    finally:
        services.close()
    assert stored.ladder.name == "Our DS ladder"
    assert stored.ladder.levels[6].title == "Distinguished"
    assert not stored.builtin


def test_invalid_draft_cannot_be_saved(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    assert editor.save_button.isEnabled()
    replace_text(qtbot, editor.id_edit, "Not An Id")
    assert not editor.save_button.isEnabled()
    assert "is not a valid id" in editor.problems_label.text()
    editor.undo_stack.undo()
    assert editor.save_button.isEnabled()


def test_built_in_ladders_are_read_only(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: told.append(text)
    )
    dismiss_welcome(qtbot, gui)
    page = gui.window.ladders_page
    qtbot.waitUntil(page.edit_button.isEnabled, timeout=10_000)
    assert "read-only" in page.edit_button.toolTip()
    page.edit_button.click()
    assert told == ["Built-in ladders are read-only. Use Duplicate to edit a copy."]
    assert gui.window.editing.editor is None


def test_editing_an_own_ladder_keeps_the_old_version(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    with qtbot.waitSignal(gui.window.editing.saved, timeout=10_000):
        editor.save_button.click()
    first = gui.window.ladders_page.grid_model.ladder
    assert first is not None
    editor.close()

    page = gui.window.ladders_page
    page.edit_button.click()
    editor = gui.window.editing.editor
    assert editor is not None
    replace_text(qtbot, editor.version_edit, "2")
    with qtbot.waitSignal(gui.window.editing.saved, timeout=10_000):
        editor.save_button.click()

    from careercoach.domain.ladder_format import ladder_content_hash

    services = open_services(gui.paths, gui.database_url)
    try:
        assert services.ladders.get_ladder(first.id).version == "2"
        with services.database.unit_of_work() as work:
            old = work.ladders.get_version(first.id, ladder_content_hash(first))
    finally:
        services.close()
    assert old.ladder == first


def test_export_the_draft_as_toml(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    target = tmp_path / "mine.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    editor.export_button.click()
    exported = tomllib.loads(target.read_text(encoding="utf-8"))
    assert exported["id"] == editor.ladder.id
    assert len(exported["levels"]) == 2


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    replace_text(qtbot, editor.name_edit, "Changed")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_typing_several_signals_line_by_line(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    editor.cell_signals.setFocus()
    qtbot.keyClicks(editor.cell_signals, "Wrote the design doc ")
    qtbot.keyClick(editor.cell_signals, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.cell_signals, "Reviews others' designs")
    cell = editor.ladder.competencies[0].expectation(editor.ladder.levels[0].id)
    assert cell.signals == ("Wrote the design doc", "Reviews others' designs")
    editor.cell_summary.setFocus()
    qtbot.keyClicks(editor.cell_summary, "Owns a feature end to end")
    cell = editor.ladder.competencies[0].expectation(editor.ladder.levels[0].id)
    assert cell.summary == "Owns a feature end to end"
    editor.undo_stack.undo()  # undoes the summary only: each field is its own step
    assert editor.cell_summary.toPlainText() == ""
    cell = editor.ladder.competencies[0].expectation(editor.ladder.levels[0].id)
    assert cell.signals == ("Wrote the design doc", "Reviews others' designs")


def test_removing_keeps_a_neighbour_selected_and_undo_restores(
    qtbot: QtBot, gui: GuiSession
) -> None:
    editor = open_editor(qtbot, gui, "duplicate_button")
    remove = [button for button in editor.findChildren(QPushButton) if button.text() == "Remove"]
    editor.level_list.setCurrentIndex(editor.level_model.index(5))
    assert editor.level_title.text() == "Principal Data Scientist"
    remove[0].click()
    assert len(editor.ladder.levels) == 5
    assert editor.level_list.currentIndex().row() == 4
    assert editor.level_title.text() == "Senior Staff Data Scientist"
    editor.undo_stack.undo()
    assert editor.ladder.levels[5].title == "Principal Data Scientist"
    assert all(len(c.expectations) == 6 for c in editor.ladder.competencies)


def test_ctrl_z_in_a_field_undoes_through_the_editor(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    editor.activateWindow()
    replace_text(qtbot, editor.name_edit, "Renamed")
    assert editor.ladder.name == "Renamed"
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.ladder.name == "My ladder"
    assert editor.name_edit.text() == "My ladder"
    redo = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    qtbot.keyClick(editor.name_edit, redo.key(), redo.keyboardModifiers())
    assert editor.ladder.name == "Renamed"


def test_a_new_ladder_cannot_take_an_existing_id(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    replace_text(qtbot, editor.id_edit, "data-science-ic")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox, "failureMessage") is not None)
    box = editor.findChild(QMessageBox, "failureMessage")
    assert "built-in ladder" in box.text()
    assert editor.save_button.isEnabled()
    assert not editor.undo_stack.isClean()


def test_editing_the_summary_keeps_other_fields_exactly(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "new_button")
    from careercoach.domain import ladder_edits as edits
    from careercoach.domain.ladder import Expectation

    odd = Expectation("", ("line one\n\nline two",), ())
    editor.change(edits.set_expectation(editor.ladder, 0, "level-1", odd), "seed")
    editor.cell_summary.setFocus()
    qtbot.keyClicks(editor.cell_summary, "Summary")
    cell = editor.ladder.competencies[0].expectation("level-1")
    assert cell.summary == "Summary"
    assert cell.signals == ("line one\n\nline two",)


def test_undo_shows_the_level_it_changes(qtbot: QtBot, gui: GuiSession) -> None:
    editor = open_editor(qtbot, gui, "duplicate_button")
    editor.level_list.setCurrentIndex(editor.level_model.index(3))
    replace_text(qtbot, editor.level_title, "Staff")
    editor.level_list.setCurrentIndex(editor.level_model.index(0))
    editor.undo_stack.undo()
    assert editor.level_list.currentIndex().row() == 3
    assert editor.level_title.text() == "Staff Data Scientist"
