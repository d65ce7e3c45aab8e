"""Failure messages: the user's input shown as typed; a bug logged where the message says."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from careercoach.domain.errors import UserError
from careercoach.ui.error_reporting import report_failure
from tests.ui.test_exception_hook import drop_file_handlers


def test_a_user_error_quoting_markup_is_shown_literally(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    error = UserError("unknown-kind", "unknown kind '<b>docs</b><img src=x>'")
    box = report_failure(parent, error, tmp_path)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "unknown kind '<b>docs</b><img src=x>'"
    box.close()


def raise_a_bug() -> None:
    raise LookupError("no such row")


def test_a_bug_is_logged_to_the_file_that_the_message_names(qtbot: QtBot, tmp_path: Path) -> None:
    drop_file_handlers()  # as before the GUI sets its log up
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        raise_a_bug()
    except LookupError as error:
        box = report_failure(parent, error, tmp_path)
    log_file = tmp_path / "logs" / "careercoach.log"
    try:
        assert box.icon() == QMessageBox.Icon.Critical
        assert box.informativeText() == f"The details were written to the log file:\n{log_file}"
        assert box.detailedText() == "LookupError: no such row"
        log = log_file.read_text(encoding="utf-8")
        assert "unexpected failure\nTraceback (most recent call last):" in log
        assert 'in raise_a_bug\n    raise LookupError("no such row")' in log
        assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    finally:
        box.close()
        drop_file_handlers()
