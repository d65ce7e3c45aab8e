"""Reports start-up milestones for the start-up benchmark (only when asked to)."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PROBE_ENV = "CAREERCOACH_STARTUP_PROBE"


class StartupProbe(QObject):
    """Prints ``painted <epoch>`` at the first paint and ``data <epoch>``, then quits."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self._mark("painted")
        return False

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
