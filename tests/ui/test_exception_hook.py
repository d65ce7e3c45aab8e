"""Bugs raised in the running GUI: logged to the data folder, shown once, and the app goes on.

These tests put the app's real ``sys.excepthook`` in place over pytest-qt's, which becomes
its fallback: an exception the app's hook could not handle would still fail the test.
"""

from __future__ import annotations

import logging
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, Qt, QThreadPool, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from careercoach.logging_setup import LOGGER_NAME
from careercoach.paths import AppPaths
from careercoach.ui.application import GuiSession, create_application, install_exception_hook
from careercoach.ui.error_reporting import CrashReporter
from tests.ui.test_ladders_page import dismiss_welcome

CTRL = Qt.KeyboardModifier.ControlModifier


class BrokenButton(QPushButton):
    """A button whose click handler has a bug."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Break", parent)
        self.setObjectName("brokenButton")
        self.clicked.connect(fail_on_purpose)


class BrokenPaint(QWidget):
    """A widget that raises each time it is painted (in the status bar of the window)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        raise ValueError("cannot paint this")


def fail_on_purpose() -> None:
    raise RuntimeError("broken on purpose")


def fail_differently() -> None:
    raise KeyError("another bug")


def drop_file_handlers() -> None:
    """Forget the log file, as before the GUI sets it up after its first paint."""
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture(autouse=True)
def no_log_file_yet() -> Iterator[None]:
    """Start without a log file (another test may have set one up), and end so."""
    drop_file_handlers()
    yield
    drop_file_handlers()


@pytest.fixture
def hooked(qtbot: QtBot, gui: GuiSession) -> Iterator[CrashReporter]:
    """The running GUI with its exception hook in place, the welcome dismissed."""
    dismiss_welcome(qtbot, gui)
    reporter = install_exception_hook(gui)
    yield reporter
    sys.excepthook = reporter.fallback
    if reporter.dialog is not None:
        reporter.dialog.close()


def shown_dialogs() -> list[QMessageBox]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox)
        and widget.objectName() == "failureMessage"
        and widget.isVisible()
    ]


def one_dialog(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: len(shown_dialogs()) == 1)
    (box,) = shown_dialogs()
    return box


def log_text(paths: AppPaths) -> str:
    return paths.log_file.read_text(encoding="utf-8") if paths.log_file.exists() else ""


def logged_failures(paths: AppPaths) -> int:
    return log_text(paths).count("ERROR careercoach.ui: unexpected failure")


def close(qtbot: QtBot, box: QMessageBox) -> None:
    ok = box.button(QMessageBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: shown_dialogs() == [])


def repaint_and_wait(qtbot: QtBot, paths: AppPaths, widget: QWidget) -> None:
    before = logged_failures(paths)
    widget.update()
    qtbot.waitUntil(lambda: logged_failures(paths) > before)


def add_broken_button(gui: GuiSession) -> QPushButton:
    button = BrokenButton(gui.window)
    gui.window.statusBar().addPermanentWidget(button)
    button.show()
    return button


def test_a_bug_in_a_button_is_logged_shown_and_the_app_goes_on(
    qtbot: QtBot, gui: GuiSession, hooked: CrashReporter
) -> None:
    button = add_broken_button(gui)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    box = one_dialog(qtbot)
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text() == "Something went wrong. Your saved data is safe."
    assert box.informativeText() == (
        f"The details were written to the log file:\n{gui.paths.log_file}"
    )
    assert box.detailedText() == "RuntimeError: broken on purpose"
    assert box.parent() is gui.window
    log = log_text(gui.paths)
    assert "Traceback (most recent call last):" in log
    assert 'in fail_on_purpose\n    raise RuntimeError("broken on purpose")' in log
    assert "RuntimeError: broken on purpose" in log
    assert stat.S_IMODE(gui.paths.log_file.stat().st_mode) == 0o600

    close(qtbot, box)
    assert gui.window.isVisible()
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_2, CTRL)
    assert gui.window.pages.currentWidget() is gui.window.ladders_page
    assert gui.window.ladders_page.isVisible()
    assert gui.window.navigation.currentItem().text() == "Ladders"


def test_a_burst_shows_one_dialog_and_logs_every_failure(
    qtbot: QtBot, gui: GuiSession, hooked: CrashReporter
) -> None:
    for _ in range(5):
        QTimer.singleShot(0, fail_on_purpose)
    qtbot.waitUntil(lambda: logged_failures(gui.paths) == 5)
    box = one_dialog(qtbot)
    assert box.detailedText() == "RuntimeError: broken on purpose"
    assert hooked.unshown == 4

    close(qtbot, box)
    # The same bug again: already told; it is logged, and the window stays free.
    for _ in range(5):
        QTimer.singleShot(0, fail_on_purpose)
    qtbot.waitUntil(lambda: logged_failures(gui.paths) == 10)
    assert shown_dialogs() == []
    assert hooked.unshown == 9
    assert log_text(gui.paths).count("RuntimeError: broken on purpose") == 10

    # A different bug is news: one dialog for it.
    QTimer.singleShot(0, fail_differently)
    box = one_dialog(qtbot)
    assert box.detailedText() == "KeyError: 'another bug'"
    assert logged_failures(gui.paths) == 11
    close(qtbot, box)


def test_a_paint_that_always_fails_does_not_pile_up_dialogs(
    qtbot: QtBot, gui: GuiSession, hooked: CrashReporter
) -> None:
    broken = BrokenPaint(gui.window)
    broken.setMinimumSize(20, 10)
    gui.window.statusBar().addPermanentWidget(broken)
    broken.show()
    box = one_dialog(qtbot)
    assert box.detailedText() == "ValueError: cannot paint this"
    for _ in range(3):  # repaints while the dialog is open: logged, not shown
        repaint_and_wait(qtbot, gui.paths, broken)
    assert shown_dialogs() == [box]

    close(qtbot, box)
    gui.window.resize(gui.window.width() + 40, gui.window.height())
    repaint_and_wait(qtbot, gui.paths, broken)
    assert shown_dialogs() == []  # told once; the rest of the window still works
    assert gui.window.isVisible()
    assert "ValueError: cannot paint this" in log_text(gui.paths)


class FailingRunnable(QRunnable):
    """Work on a pool thread that fails outside any task helper."""

    def run(self) -> None:
        raise OSError("worker thread broke")


def test_a_bug_on_a_worker_thread_is_shown_by_the_gui_thread(
    qtbot: QtBot, gui: GuiSession, hooked: CrashReporter
) -> None:
    pool = QThreadPool()
    pool.start(FailingRunnable())
    box = one_dialog(qtbot)
    pool.waitForDone()
    assert box.detailedText() == "OSError: worker thread broke"
    assert box.thread() is gui.window.thread()  # widgets live on the GUI thread only
    assert "OSError: worker thread broke" in log_text(gui.paths)
    close(qtbot, box)


def test_a_bug_in_a_task_callback_reaches_the_hook(
    qtbot: QtBot, gui: GuiSession, hooked: CrashReporter
) -> None:

    def show_result(result: int) -> None:
        raise ZeroDivisionError(f"showing {result} failed")

    def not_expected(error: BaseException) -> None:
        raise AssertionError(error)

    gui.window.tasks.submit(lambda: 42, show_result, not_expected)
    box = one_dialog(qtbot)
    assert box.detailedText() == "ZeroDivisionError: showing 42 failed"
    assert "in show_result" in log_text(gui.paths)
    assert not gui.window.tasks.busy  # the task is done; later ones still run
    close(qtbot, box)
    results: list[int] = []
    gui.window.tasks.submit(lambda: 7, results.append, not_expected)
    qtbot.waitUntil(lambda: results == [7])


def test_a_failure_before_the_first_paint_reaches_the_log_file(
    qtbot: QtBot, isolated_app_dirs: Path
) -> None:
    create_application()
    paths = AppPaths(isolated_app_dirs)
    paths.ensure_directories()
    session = GuiSession(paths, paths.default_database_url)
    qtbot.addWidget(session.window)
    reporter = install_exception_hook(session)
    try:
        QTimer.singleShot(0, fail_on_purpose)  # before the window is shown
        box = one_dialog(qtbot)
        assert "RuntimeError: broken on purpose" in log_text(paths)
        assert stat.S_IMODE(paths.log_file.stat().st_mode) == 0o600
        assert str(paths.log_file) in box.informativeText()
        close(qtbot, box)
        with qtbot.waitSignal(session.window.data_shown, timeout=20_000):
            session.start()
        # Setting the log up after the paint keeps what was written before.
        assert "RuntimeError: broken on purpose" in log_text(paths)
        assert reporter.dialog is None
    finally:
        sys.excepthook = reporter.fallback
        session.close()


def test_a_log_folder_that_cannot_be_written_is_said_so(
    qtbot: QtBot, gui: GuiSession, hooked: CrashReporter
) -> None:
    for path in sorted(gui.paths.logs_dir.glob("*")):
        path.unlink()
    gui.paths.logs_dir.rmdir()
    gui.paths.logs_dir.write_text("a file where the log folder should be", encoding="utf-8")
    drop_file_handlers()  # the failure comes before the log is set up
    QTimer.singleShot(0, fail_on_purpose)
    box = one_dialog(qtbot)
    assert box.informativeText() == (
        f"The details could not be written to the log file {gui.paths.log_file}."
    )
    assert gui.window.isVisible()
    close(qtbot, box)
