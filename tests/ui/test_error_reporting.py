"""Failure messages show the user's input as typed, never as markup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from careercoach.domain.errors import UserError
from careercoach.ui.error_reporting import report_failure


def test_a_user_error_quoting_markup_is_shown_literally(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    error = UserError("unknown-kind", "unknown kind '<b>docs</b><img src=x>'")
    box = report_failure(parent, error, tmp_path)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "unknown kind '<b>docs</b><img src=x>'"
    box.close()
