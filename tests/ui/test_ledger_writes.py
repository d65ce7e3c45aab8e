"""Ledger writes as a user meets them: all-or-nothing delete and undo, keys while a write is
pending, and an edit whose entry was deleted meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from careercoach.domain.contribution import Contribution
from careercoach.domain.errors import UserError
from careercoach.ui.application import GuiSession
from tests.ui.test_ledger_page import (
    open_ledger,
    ready,
    row_texts,
    seed,
    stored,
    three_entries,
    wait_for_dialog,
)

CTRL = Qt.KeyboardModifier.ControlModifier
REVIEW, DOCS, TESTS = (entry.title for entry in three_entries())


class Gate:
    """Holds a ledger service method on the worker thread until the test opens the gate."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, gui: GuiSession, name: str) -> None:
        assert gui.data is not None
        ledger = gui.data.services.ledger
        original: Callable[..., object] = getattr(ledger, name)
        self.entered = threading.Event()
        self.opened = threading.Event()

        def held(*args: object) -> object:
            self.entered.set()
            self.opened.wait(timeout=30)
            return original(*args)

        monkeypatch.setattr(ledger, name, held)


def by_title(entries: list[Contribution], title: str) -> Contribution:
    return next(entry for entry in entries if entry.title == title)


def titles(gui: GuiSession) -> list[str]:
    return sorted(entry.title for entry in stored(gui))


def settle(qtbot: QtBot, gui: GuiSession) -> None:
    """Wait until every background job (and the reads after it) has been delivered."""
    qtbot.waitUntil(lambda: not gui.window.tasks.busy, timeout=10_000)


def test_a_delete_removes_every_selected_entry_or_none(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    open_ledger(gui)
    review, docs = by_title(entries, REVIEW), by_title(entries, DOCS)
    page.select_ids([review.id or 0, docs.id or 0])
    assert gui.data is not None
    gui.data.services.ledger.delete(docs.id or 0)  # gone meanwhile (another window, the CLI)
    page.table_view.setFocus()
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)

    assert titles(gui) == sorted([REVIEW, TESTS])  # the review was not deleted alone
    assert sorted(row_texts(page)) == sorted([REVIEW, TESTS])  # the table shows what is stored
    assert gui.window.status_label.text().startswith("Nothing was deleted")
    assert not gui.window.menus.undo.isEnabled()  # nothing to undo


def test_a_failed_undo_can_be_tried_again_without_duplicates(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    open_ledger(gui)
    page.select_ids([entry.id or 0 for entry in entries if entry.title != TESTS])
    page.table_view.setFocus()
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)
    assert titles(gui) == [TESTS]

    assert gui.data is not None
    ledger = gui.data.services.ledger
    restore_many = ledger.restore_many
    calls: list[int] = []

    def locked_once(group: tuple[Contribution, ...]) -> tuple[Contribution, ...]:
        calls.append(len(group))
        if len(calls) == 1:
            raise UserError("database-locked", "the database is locked by another program")
        return restore_many(group)

    monkeypatch.setattr(ledger, "restore_many", locked_once)
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Z, CTRL)
    box = gui.window.evidence.ledger.error_box
    assert isinstance(box, QMessageBox)
    assert box.text() == "the database is locked by another program"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    assert titles(gui) == [TESTS]  # nothing came back
    assert gui.window.menus.undo.isEnabled()  # still there to try again

    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Z, CTRL)
    assert calls == [2, 2]  # the group, whole, both times
    assert sorted(stored(gui), key=lambda e: e.id or 0) == entries  # once each, same ids
    assert gui.window.status_label.text() == "Restored 2 entries."
    assert not gui.window.menus.undo.isEnabled()  # the group left the stack once restored


def test_delete_and_undo_wait_while_a_delete_is_pending(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    open_ledger(gui)
    ledger = gui.window.evidence.ledger
    page.select_ids([by_title(entries, REVIEW).id or 0])
    page.table_view.setFocus()
    with qtbot.waitSignal(ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)  # an older group to undo

    gate = Gate(monkeypatch, gui, "delete_many")
    page.select_ids([by_title(entries, DOCS).id or 0])
    try:
        qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)
        qtbot.waitUntil(gate.entered.is_set)
        assert not page.delete_button.isEnabled()
        assert not gui.window.menus.undo.isEnabled()
        qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)  # Del twice quickly
        qtbot.keyClick(page.table_view, Qt.Key.Key_Z, CTRL)  # Undo before the result
        page.delete_button.click()
    finally:
        gate.opened.set()
    settle(qtbot, gui)

    assert titles(gui) == [TESTS]
    assert gui.window.status_label.text() == f"Deleted “{DOCS}” — Ctrl+Z to undo"
    assert gui.window.menus.undo.isEnabled()
    assert page.delete_button.isEnabled()
    with qtbot.waitSignal(ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Z, CTRL)
    assert titles(gui) == sorted([DOCS, TESTS])  # the latest group first
    with qtbot.waitSignal(ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Z, CTRL)
    assert titles(gui) == sorted([REVIEW, DOCS, TESTS])
    assert not gui.window.menus.undo.isEnabled()


def test_undo_waits_while_an_undo_is_pending(
    qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    open_ledger(gui)
    ledger = gui.window.evidence.ledger
    page.table_view.setFocus()
    for title in (REVIEW, DOCS):
        page.select_ids([by_title(entries, title).id or 0])
        with qtbot.waitSignal(ledger.loaded, timeout=10_000):
            qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)

    gate = Gate(monkeypatch, gui, "restore_many")
    try:
        qtbot.keyClick(page.table_view, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(gate.entered.is_set)
        assert not gui.window.menus.undo.isEnabled()
        qtbot.keyClick(page.table_view, Qt.Key.Key_Z, CTRL)  # pressed again, impatiently
        ledger.undo_delete()
    finally:
        gate.opened.set()
    settle(qtbot, gui)
    assert titles(gui) == sorted([DOCS, TESTS])  # one undo, one group
    assert gui.window.status_label.text() == f"Restored “{DOCS}”."
    assert gui.window.menus.undo.isEnabled()  # the older group is still there


def test_an_edit_of_an_entry_deleted_meanwhile_keeps_the_typing(
    qtbot: QtBot, gui: GuiSession
) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    open_ledger(gui)
    docs = by_title(entries, DOCS)
    page.select_ids([docs.id or 0])
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Return)
    dialog = wait_for_dialog(qtbot, gui)
    dialog.form.title_edit.selectAll()
    qtbot.keyClicks(dialog.form.title_edit, "Wrote and published the churn docs")
    assert gui.data is not None
    gui.data.services.ledger.delete(docs.id or 0)  # deleted elsewhere while the editor is open

    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)
    gone = "This entry was deleted meanwhile; save it again to add it back."
    assert gui.window.evidence.ledger.dialog is dialog
    assert dialog.isVisible()
    assert dialog.notice_label.text() == gone
    assert gui.window.status_label.text() == gone
    assert dialog.windowTitle() == "Log Work"
    assert dialog.form.title_edit.text() == "Wrote and published the churn docs"
    assert dialog.save_button.isEnabled()
    assert sorted(row_texts(page)) == sorted([REVIEW, TESTS])  # read again: it is gone

    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gui.window.evidence.ledger.dialog is None)
    back = by_title(list(stored(gui)), "Wrote and published the churn docs")
    assert back.id is not None
    assert back.feedback_quote == docs.feedback_quote  # the rest of the entry came back too
    assert gui.window.status_label.text() == "Logged “Wrote and published the churn docs”."
    assert [e.id for e in page.selected_entries()] == [back.id]


def test_an_entry_opened_and_saved_unchanged_stays_the_same(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    [entry] = seed(qtbot, gui, [replace(three_entries()[2], hours=1.25)])
    open_ledger(gui)
    page.select_ids([entry.id or 0])
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Return)
    dialog = wait_for_dialog(qtbot, gui)
    assert dialog.form.hours_edit.text() == "1.25"
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)
    assert stored(gui) == (entry,)
