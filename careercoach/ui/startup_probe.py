"""Notices the main window's first paint, and reports start-up milestones when asked to."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

PROBE_ENV = "CAREERCOACH_STARTUP_PROBE"


class FirstPaintWatcher(QObject):
    """Emits ``first_painted`` once, when ``window`` has been painted for the first time."""

    first_painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            self.first_painted.emit()
        return False


class StartupProbe(QObject):
    """Prints ``painted <epoch>`` and ``data <epoch>`` for the start-up benchmark, then quits."""

    def __init__(self, watcher: FirstPaintWatcher) -> None:
        super().__init__(watcher)
        watcher.first_painted.connect(self._on_watcher_first_painted)

    def _on_watcher_first_painted(self) -> None:
        self._mark("painted")

    def preview_shown(self) -> None:
        """The home page greets the user from the quick read (mark it once painted)."""
        QTimer.singleShot(0, lambda: self._mark("preview"))

    def data_shown(self) -> None:
        """The user's data is on screen: report it, and end the run."""
        QTimer.singleShot(0, self._finish)

    def _finish(self) -> None:
        self._mark("data")
        QApplication.quit()

    @staticmethod
    def _mark(name: str) -> None:
        sys.stdout.write(f"{name} {time.time():.6f}\n")
        sys.stdout.flush()
