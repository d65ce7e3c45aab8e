"""Shows failures to the user: a clear message for user errors, a crash dialog for bugs."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import Shiboken

from careercoach.domain.errors import UserError
from careercoach.logging_setup import ensure_file_logging
from careercoach.paths import AppPaths

_log = logging.getLogger("careercoach.ui")

FailureSignature = tuple[str, str, int]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorReporting", text)


def report_failure(parent: QWidget | None, error: BaseException, data_dir: Path) -> QMessageBox:
    """Tell the user what went wrong; bugs are logged with their traceback first."""
    if isinstance(error, UserError):
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr("CareerCoach"), error.message, parent=parent
        )
        box.setObjectName("failureMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote the user's input
    else:
        log_file = AppPaths(data_dir).log_file
        box = crash_dialog(parent, error, log_file, logged=log_unexpected(error, log_file))
    box.open()
    return box


def log_unexpected(error: BaseException, log_file: Path) -> bool:
    """Log ``error`` with its traceback to ``log_file``; False when that file cannot be written.

    The log is set up here if it is not yet: a failure can come before the GUI sets it up.
    """
    try:
        ensure_file_logging(log_file)
    except OSError as problem:
        _log.warning("the log file %s cannot be written: %s", log_file, problem)
        written = False
    else:
        written = True
    _log.error("unexpected failure", exc_info=(type(error), error, error.__traceback__))
    return written


def crash_dialog(
    parent: QWidget | None, error: BaseException, log_file: Path, *, logged: bool
) -> QMessageBox:
    """The (not yet shown) dialog telling the user about a bug, and where its details are."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _tr("CareerCoach"),
        _tr("Something went wrong. Your saved data is safe."),
        parent=parent,
    )
    if logged:
        where = _tr("The details were written to the log file:\n{path}")
    else:
        where = _tr("The details could not be written to the log file {path}.")
    box.setInformativeText(where.format(path=log_file))
    box.setDetailedText(f"{type(error).__name__}: {error}")
    box.setObjectName("failureMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes a path and the error
    return box


def failure_signature(error: BaseException) -> FailureSignature:
    """What makes two failures "the same one": its type and the line that raised it."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return (type(error).__qualname__, "", 0)
    return (type(error).__qualname__, frames[-1].filename, frames[-1].lineno or 0)


class CrashReporter(QObject):
    """``sys.excepthook`` of the GUI: logs every unexpected exception, shows a dialog for some.

    Every exception is logged with its traceback, from whichever thread it comes. The
    dialog is shown on the GUI thread, one at a time: exceptions while one is open are
    only logged, and so is a failure already shown once (the same type raised on the same
    line), so that an error repeating on every paint cannot bury the window in dialogs.
    The app keeps running.
    """

    _failure_logged = Signal(object, bool)  # crosses to the GUI thread when a worker raised

    def __init__(self, window: QWidget, log_file: Path, fallback: ExceptHook) -> None:
        super().__init__()  # not the window's child: the hook must outlive a closed window
        self._window = window
        self.log_file = log_file
        self.fallback = fallback  # the hook before this one: for Ctrl+C, and if all else fails
        self.dialog: QMessageBox | None = None  # the crash dialog on screen
        self.unshown = 0  # failures logged but not shown
        self._shown: set[FailureSignature] = set()
        self._showing = False
        self._failure_logged.connect(self._on_failure_logged)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Log the exception, then have the GUI thread tell the user (see the class)."""
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal is no bug
            self.fallback(kind, error, trace)
            return
        try:
            logged = log_unexpected(error.with_traceback(trace), self.log_file)
            self._failure_logged.emit(error, logged)
        except Exception:  # the hook must not fail: Python would only print both errors
            self.fallback(kind, error, trace)

    @Slot(object, bool)
    def _on_failure_logged(self, error: BaseException, logged: bool) -> None:
        signature = failure_signature(error)
        if self._showing or self.dialog is not None or signature in self._shown:
            self.unshown += 1
            return
        self._shown.add(signature)
        self._showing = True  # showing the dialog may send events that raise again
        try:
            parent = self._window if Shiboken.isValid(self._window) else None
            dialog = crash_dialog(parent, error, self.log_file, logged=logged)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(self._on_dialog_finished)
            dialog.open()
            self.dialog = dialog
        except Exception:  # a slot that raised would come straight back here
            _log.exception("the crash dialog could not be shown")
        finally:
            self._showing = False

    def _on_dialog_finished(self) -> None:
        self.dialog = None
