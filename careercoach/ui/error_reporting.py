"""Shows failures to the user: a clear message for user errors, a crash dialog for bugs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.domain.errors import UserError

_log = logging.getLogger("careercoach.ui")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorReporting", text)


def report_failure(parent: QWidget | None, error: BaseException, data_dir: Path) -> QMessageBox:
    """Tell the user what went wrong; bugs are logged with their traceback first."""
    if isinstance(error, UserError):
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr("CareerCoach"), error.message, parent=parent
        )
    else:
        _log.error("unexpected failure", exc_info=(type(error), error, error.__traceback__))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _tr("CareerCoach"),
            _tr("Something went wrong. Your saved data is safe."),
            parent=parent,
        )
        box.setInformativeText(
            _tr("The details were written to the log in {folder}.").format(
                folder=data_dir / "logs"
            )
        )
        box.setDetailedText(f"{type(error).__name__}: {error}")
    box.setObjectName("failureMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote the user's input
    box.open()
    return box
