"""Ledger CSV files as a user handles them: export all or the rows shown, import, bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from careercoach.ui.application import GuiSession
from tests.ui.conftest import start_session
from tests.ui.test_ladders_page import dismiss_welcome
from tests.ui.test_ledger_page import (
    TODAY,
    days_ago,
    open_ledger,
    ready,
    seed,
    stored,
    three_entries,
)


def choose_file(monkeypatch: pytest.MonkeyPatch, name: str, path: Path | None) -> list[str]:
    """Make the file dialog ``name`` answer ``path`` (None: cancel); returns the paths offered."""
    offered: list[str] = []

    def answer(_parent: QWidget, _caption: str, folder: str, filters: str) -> tuple[str, str]:
        offered.append(folder)
        return ("", "") if path is None else (str(path), filters)

    monkeypatch.setattr(QFileDialog, name, answer)
    return offered


def test_export_then_import_into_a_fresh_ledger(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    exported = tmp_path / "out" / "ledger.csv"
    exported.parent.mkdir()
    offered = choose_file(monkeypatch, "getSaveFileName", exported)
    page.export_button.click()
    qtbot.waitUntil(lambda: gui.window.status_label.text().startswith("Exported"))
    assert gui.window.status_label.text() == "Exported all 3 entries to ledger.csv."
    assert offered[0].endswith(f"careercoach-ledger-{TODAY.isoformat()}.csv")
    assert exported.read_text(encoding="utf-8").startswith("date,title,kind")

    fresh = start_session(qtbot, tmp_path / "fresh")
    try:
        dismiss_welcome(qtbot, fresh)
        asked = choose_file(monkeypatch, "getOpenFileName", exported)
        with qtbot.waitSignal(fresh.window.evidence.ledger.loaded, timeout=10_000):
            fresh.window.menus.import_ledger.trigger()
        qtbot.waitUntil(lambda: fresh.window.evidence.ledger_page.model.total_count == 3)
        assert len(asked) == 1
        assert fresh.window.status_label.text() == "Imported 3 entries from ledger.csv."
        assert fresh.data is not None
        imported = fresh.data.services.ledger.entries()
        assert [(e.date, e.title, e.kind, e.hours, e.feedback_quote) for e in imported] == [
            (e.date, e.title, e.kind, e.hours, e.feedback_quote) for e in entries
        ]
        with qtbot.waitSignal(fresh.window.evidence.ledger.loaded, timeout=10_000):
            fresh.window.menus.import_ledger.trigger()  # the same file again adds nothing
        assert fresh.window.status_label.text() == (
            "Imported 0 entries; 3 already in the ledger were skipped."
        )
        assert len(fresh.data.services.ledger.entries()) == 3
    finally:
        fresh.window.close()
        fresh.close()


def test_the_export_button_writes_only_the_rows_shown(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ready(qtbot, gui)
    seed(qtbot, gui, three_entries())
    open_ledger(gui)
    qtbot.keyClicks(page.search_edit, "docs")
    target = tmp_path / "docs"  # no suffix: .csv is added
    choose_file(monkeypatch, "getSaveFileName", target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.window.status_label.text().startswith("Exported"))
    assert gui.window.status_label.text() == "Exported the 1 entry shown to docs.csv."
    lines = (tmp_path / "docs.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert "Wrote the churn model docs" in lines[1]

    qtbot.waitUntil(lambda: not gui.window.tasks.busy)  # the Dashboard may still be reading
    offered = choose_file(monkeypatch, "getOpenFileName", None)
    gui.window.menus.import_ledger.trigger()
    assert offered == [str(tmp_path)]  # the folder of the last export is offered
    assert not gui.window.tasks.busy  # cancelled: nothing to do


def test_the_file_menu_exports_the_whole_ledger_whatever_the_page_shows(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ready(qtbot, gui)
    seed(qtbot, gui, three_entries())
    open_ledger(gui)
    qtbot.keyClicks(page.search_edit, "docs")
    assert page.model.visible_count == 1
    gui.window.navigation.setCurrentRow(0)  # a copy made from another page
    target = tmp_path / "copy.csv"
    choose_file(monkeypatch, "getSaveFileName", target)
    gui.window.menus.export_ledger.trigger()
    qtbot.waitUntil(lambda: gui.window.status_label.text().startswith("Exported"))
    assert gui.window.status_label.text() == "Exported all 3 entries to copy.csv."
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    assert page.model.visible_count == 1  # the page keeps its filter


def test_a_csv_with_bad_rows_names_them_and_imports_nothing(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready(qtbot, gui)
    source = tmp_path / "bad.csv"
    source.write_text(
        "date,title,kind,hours\n"
        f"{days_ago(3).isoformat()},Good row,tests,1\n"
        f"{days_ago(3).isoformat()},,tests,1\n"
        f"{days_ago(2).isoformat()},Another good row,documentation,\n"
        "not-a-date,Bad date,reviewing,x\n",
        encoding="utf-8",
    )
    choose_file(monkeypatch, "getOpenFileName", source)
    gui.window.menus.import_ledger.trigger()
    csv = gui.window.evidence.ledger.csv
    qtbot.waitUntil(lambda: csv.error_box is not None, timeout=10_000)
    box = csv.error_box
    assert isinstance(box, QMessageBox)
    assert box.text() == "Rows 3, 5 cannot be imported. Nothing was imported."
    assert "row 3 (title): is required" in box.informativeText()
    assert "row 5 (date)" in box.informativeText()
    assert "row 5 (kind): unknown kind 'reviewing'" in box.informativeText()
    assert gui.window.status_label.text() == "Nothing was imported."
    box.close()
    assert stored(gui) == ()
