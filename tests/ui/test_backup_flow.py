"""File → Back Up Data… and File → Restore from Backup… as a user meets them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.services.app_services import AppServices
from careercoach.ui.application import GuiSession
from tests.ui.conftest import start_session
from tests.ui.test_dashboard import with_demo
from tests.ui.test_ladders_page import dismiss_welcome
from tests.ui.test_ledger_csv import choose_file

DEMO_ENTRIES = 200


def services_of(gui: GuiSession) -> AppServices:
    assert gui.data is not None
    return gui.data.services


def status(gui: GuiSession) -> str:
    return gui.window.status_label.text()


def back_up(qtbot: QtBot, gui: GuiSession, monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Back up through the File menu into ``target``."""
    choose_file(monkeypatch, "getSaveFileName", target)
    gui.window.menus.back_up.trigger()
    qtbot.waitUntil(lambda: status(gui).startswith("Backed up"), timeout=20_000)


def start_restore(gui: GuiSession, monkeypatch: pytest.MonkeyPatch, source: Path) -> None:
    choose_file(monkeypatch, "getOpenFileName", source)
    gui.window.menus.restore.trigger()


def replace_question(qtbot: QtBot, gui: GuiSession) -> QMessageBox:
    flow = gui.window.evidence.backup
    qtbot.waitUntil(lambda: flow.replace_box is not None and flow.replace_box.isVisible())
    assert flow.replace_box is not None
    return flow.replace_box


def add_entry(gui: GuiSession, title: str) -> Contribution:
    return services_of(gui).ledger.add(
        Contribution(dt.date.today(), title, ContributionKind.OTHER)
    )


def before_restore_files(gui: GuiSession) -> list[Path]:
    return sorted(gui.paths.backups_dir.glob("before-restore-*.json"))


def test_file_menu_offers_backup_and_restore_with_their_own_alt_keys(
    qtbot: QtBot, gui: GuiSession
) -> None:
    dismiss_welcome(qtbot, gui)
    menus = gui.window.menus
    assert (menus.back_up.text(), menus.restore.text()) == (
        "&Back Up Data…",
        "&Restore from Backup…",
    )
    assert menus.back_up.isEnabled()
    assert menus.restore.isEnabled()
    file_menu = gui.window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    keys = [QKeySequence.mnemonic(text).toString() for text in texts]
    assert len(keys) == len(set(keys)), texts


def test_back_up_the_demo_then_restore_it_into_a_fresh_database(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_demo(qtbot, gui)
    target = tmp_path / "out" / "mine"
    target.parent.mkdir()
    offered = choose_file(monkeypatch, "getSaveFileName", target)
    gui.window.menus.back_up.trigger()
    qtbot.waitUntil(lambda: status(gui).startswith("Backed up"), timeout=20_000)
    written = target.with_suffix(".json")
    assert status(gui) == f"Backed up your data to {written}."
    assert offered[0].endswith(f"careercoach-backup-{dt.date.today().isoformat()}.json")
    document = json.loads(written.read_text(encoding="utf-8"))
    assert document["meta"]["format_version"] == 1
    asked = choose_file(monkeypatch, "getOpenFileName", None)  # cancelled: nothing happens
    gui.window.menus.restore.trigger()
    assert asked == [str(target.parent)]  # the folder last used for backups

    fresh = start_session(qtbot, tmp_path / "fresh")
    try:
        dismiss_welcome(qtbot, fresh)
        qtbot.waitUntil(lambda: not fresh.window.tasks.busy)
        choose_file(monkeypatch, "getOpenFileName", written)
        fresh.window.menus.restore.trigger()
        qtbot.waitUntil(lambda: status(fresh).startswith("Restored"), timeout=20_000)
        assert status(fresh).startswith(f"Restored mine.json: {DEMO_ENTRIES} ledger entries, ")
        assert "replaced" not in status(fresh)  # nothing was there to replace
        assert fresh.window.evidence.backup.replace_box is None  # and nothing was asked
        assert before_restore_files(fresh) == []
        ledger = fresh.window.evidence.ledger_page.model
        qtbot.waitUntil(lambda: ledger.total_count == DEMO_ENTRIES, timeout=20_000)
        fresh.window.show_page(fresh.window.dashboard.page)
        dashboard = fresh.window.dashboard.page
        qtbot.waitUntil(
            lambda: dashboard.data is not None and dashboard.data.entry_count == DEMO_ENTRIES,
            timeout=20_000,
        )
        demo_profile = services_of(gui).profile.show()
        assert services_of(fresh).profile.show() == demo_profile
    finally:
        fresh.window.close()
        fresh.close()


def test_restoring_over_data_asks_and_yes_replaces_it_keeping_a_copy(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dismiss_welcome(qtbot, gui)
    add_entry(gui, "Kept in the backup")
    source = tmp_path / "backup.json"
    back_up(qtbot, gui, monkeypatch, source)
    add_entry(gui, "Added after the backup")
    doomed = add_entry(gui, "Deleted before the restore")
    flow = gui.window.evidence.ledger
    flow.reload()
    qtbot.waitUntil(lambda: flow.page.model.total_count == 3, timeout=20_000)
    flow.delete([doomed])
    qtbot.waitUntil(lambda: flow.can_undo, timeout=20_000)

    start_restore(gui, monkeypatch, source)
    box = replace_question(qtbot, gui)
    assert box.text() == "Replace the data in this database?"
    assert "saved to the backups folder first" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: status(gui).startswith("Restored"), timeout=20_000)

    [saved] = before_restore_files(gui)
    assert status(gui).endswith(f"The data it replaced was saved to {saved}.")
    assert "Added after the backup" in saved.read_text(encoding="utf-8")
    titles = [entry.title for entry in services_of(gui).ledger.entries()]
    assert titles == ["Kept in the backup"]
    ledger = gui.window.evidence.ledger_page.model
    qtbot.waitUntil(lambda: ledger.total_count == 1, timeout=20_000)
    assert not flow.can_undo  # deletes made before the restore are not ours to undo


def test_answering_no_changes_nothing(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dismiss_welcome(qtbot, gui)
    source = tmp_path / "empty.json"
    back_up(qtbot, gui, monkeypatch, source)
    add_entry(gui, "Still here")

    start_restore(gui, monkeypatch, source)
    box = replace_question(qtbot, gui)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # the keyboard's No
    qtbot.waitUntil(lambda: not box.isVisible())
    qtbot.waitUntil(lambda: not gui.window.tasks.busy)
    assert status(gui) == "Nothing was restored."
    assert [entry.title for entry in services_of(gui).ledger.entries()] == ["Still here"]
    assert before_restore_files(gui) == []


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        ("{not json", "is not valid JSON"),
        ('{"meta": {"format_version": 99}, "data": {}}', "newer CareerCoach"),
    ],
    ids=["malformed", "newer-format"],
)
def test_a_file_that_is_not_a_backup_is_refused_with_a_message(
    qtbot: QtBot,
    gui: GuiSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
    shown: str,
) -> None:
    dismiss_welcome(qtbot, gui)
    add_entry(gui, "Untouched")
    source = tmp_path / "broken.json"
    source.write_text(content, encoding="utf-8")

    start_restore(gui, monkeypatch, source)
    flow = gui.window.evidence.backup
    qtbot.waitUntil(lambda: flow.error_box is not None and flow.error_box.isVisible())
    assert flow.error_box is not None
    assert flow.error_box.icon() == QMessageBox.Icon.Warning  # a clear message, not a crash
    assert shown in flow.error_box.text()
    assert flow.replace_box is None
    assert status(gui) == "Nothing was restored."
    assert [entry.title for entry in services_of(gui).ledger.entries()] == ["Untouched"]
    assert before_restore_files(gui) == []
    flow.error_box.close()
