"""Starts the desktop app: QApplication, settings, the main window and the data behind it."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from careercoach import APP_ID, APP_NAME, __version__
from careercoach.logging_setup import ensure_file_logging
from careercoach.paths import AppPaths, make_private
from careercoach.resources import resource_path
from careercoach.ui.error_reporting import CrashReporter, report_failure
from careercoach.ui.main_window import MainWindow
from careercoach.ui.startup_probe import PROBE_ENV, FirstPaintWatcher, StartupProbe

if TYPE_CHECKING:  # loaded after the first paint
    from careercoach.services.startup_view import StartupView
    from careercoach.ui.startup_data import StartupData

_log = logging.getLogger("careercoach.ui")

EXIT_STARTUP_REFUSED = 2
OPEN_DATA_AT_LATEST_MS = 300


def create_application() -> QApplication:
    """The QApplication, named so that Qt and the desktop know the app."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    icon_file = resource_path("icons", "careercoach.svg")
    if icon_file.is_file():
        app.setWindowIcon(QIcon(str(icon_file)))
    return app


def open_settings(paths: AppPaths) -> QSettings:
    """Preferences and window state, as an INI file in the data directory."""
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    settings.sync()
    make_private(paths.settings_file)
    return settings


class GuiSession:
    """One run of the GUI: shows the window first, then opens the data in the background."""

    def __init__(self, paths: AppPaths, database_url: str) -> None:
        self.paths = paths
        self.database_url = database_url
        self.settings = open_settings(paths)
        self.window = MainWindow(self.settings, paths.data_dir, database_url)
        self.data: StartupData | None = None  # set once the database is open
        self.exit_code = 0
        self.crash_reporter: CrashReporter | None = None  # see install_exception_hook
        self._opening = False
        self.first_paint = FirstPaintWatcher(self.window)
        self.first_paint.first_painted.connect(self._on_first_paint_first_painted)
        self.probe = StartupProbe(self.first_paint) if os.environ.get(PROBE_ENV) else None
        if self.probe is not None:
            self.window.data_shown.connect(self.probe.data_shown)

    def start(self) -> None:
        """Show the window; the data is opened once the window has been painted."""
        self.window.show()
        # A window that is never painted (started minimised) must still get its data.
        QTimer.singleShot(OPEN_DATA_AT_LATEST_MS, self._open_data)

    def _on_first_paint_first_painted(self) -> None:
        QTimer.singleShot(0, self._open_data)

    def _open_data(self) -> None:
        if self._opening:
            return
        self._opening = True
        # Imported here, after the first paint; the full database layer loads in the worker.
        from careercoach.services.startup_view import quick_startup_view
        from careercoach.ui.startup_data import load_startup_data

        ensure_file_logging(self.paths.log_file)  # a failure may have set it up already
        self.window.build_pages()
        paths, url = self.paths, self.database_url
        # The quick read shows the data while SQLAlchemy loads; failures wait for the full read.
        self.window.tasks.submit(
            lambda: quick_startup_view(paths, url), self._on_quick_view_read, _ignore_failure
        )
        self.window.tasks.submit(
            lambda: load_startup_data(paths, url), self._on_data_loaded, self._on_data_failed
        )

    def _on_quick_view_read(self, view: StartupView | None) -> None:
        if view is not None and self.data is None:
            self.window.show_view(view)
            self.window.dashboard.show_preview(view)
            if self.probe is not None:
                self.probe.preview_shown()

    def _on_data_loaded(self, data: StartupData) -> None:
        self.data = data
        self.window.attach(data)

    def _on_data_failed(self, error: BaseException) -> None:
        self.exit_code = EXIT_STARTUP_REFUSED
        box = report_failure(self.window, error, self.paths.data_dir)
        box.finished.connect(self.window.close)
        self.startup_error_box: QMessageBox = box

    def close(self) -> None:
        """Wait for background work and release the database."""
        self.window.tasks.wait_for_done()
        if self.data is not None:
            self.data.services.close()


def _ignore_failure(error: BaseException) -> None:
    _log.warning("quick start-up read failed; waiting for the database", exc_info=error)


def install_exception_hook(session: GuiSession) -> CrashReporter:
    """Log unexpected errors raised in slots and show them, instead of losing them on stderr.

    Returns:
        The reporter now in ``sys.excepthook``; its ``fallback`` is the hook it replaced.
    """
    reporter = CrashReporter(session.window, session.paths.log_file, sys.excepthook)
    session.crash_reporter = reporter
    sys.excepthook = reporter.excepthook
    return reporter


def run_gui(paths: AppPaths, database_url: str) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    app = create_application()
    session = GuiSession(paths, database_url)
    reporter = install_exception_hook(session)
    session.start()
    try:
        app_code = app.exec()
    finally:
        session.close()
        sys.excepthook = reporter.fallback
    return session.exit_code or app_code
