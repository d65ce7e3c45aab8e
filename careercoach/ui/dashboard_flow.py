"""Keeps the Dashboard current: reads what it shows off the GUI thread, one reading at a time."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from careercoach.services.clock import Today, local_today
from careercoach.ui.dashboard_data import DashboardData, read_dashboard
from careercoach.ui.dashboard_page import DashboardPage
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices


class DashboardFlow(QObject):
    """Reads the Dashboard's data when the page is shown, asked to, or the data changed.

    Set ``services`` once the database is open; connect anything that changes the data
    to ``refresh_if_shown``. A page out of sight reads again when it is next shown.
    """

    loaded = Signal(object)  # the DashboardData now on the page, suggestions included
    first_shown = Signal()  # the page shows the user's data for the first time

    def __init__(
        self,
        parent: QWidget,
        page: DashboardPage,
        tasks: TaskRunner,
        data_dir: Path,
        *,
        today: Today = local_today,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._page = page
        self._tasks = tasks
        self._data_dir = data_dir
        self.today = today  # where the dates count from; tests move it to a later day
        self._services: AppServices | None = None
        self._reading = False
        self._read_again = False
        self._announced = False
        self._started = threading.Event()  # set by the worker as the reading begins
        page.shown.connect(self.refresh)
        page.refresh_requested.connect(self.refresh)

    @property
    def services(self) -> AppServices | None:
        """The services; None until the database is open."""
        return self._services

    @services.setter
    def services(self, services: AppServices | None) -> None:
        self._services = services
        self._page.set_actions_enabled(services is not None)
        self.refresh_if_shown()

    def refresh_if_shown(self, *_changed: object) -> None:
        """Read again if the page is on screen (it reads itself when shown)."""
        if self._page.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read everything the page shows in the background, then show it."""
        services = self._services
        if services is None:
            return
        if self._reading:  # one reading at a time; the latest request is read afterwards
            # A change told before the queued reading began is in it: no second reading.
            self._read_again = self._read_again or self._started.is_set()
            return
        self._reading = True
        self._page.set_loading()
        today = self.today()
        started = self._started = threading.Event()

        # Two readings: everything but the coach first (its first run loads the rules
        # engine), then everything again with the coach's suggestions.
        def quick_work() -> DashboardData:
            started.set()
            return read_dashboard(services, today, with_advice=False)

        def quick_done(data: DashboardData) -> None:
            if self._read_again:
                done(data)
                return
            if self._page.data is None or not self._page.data.suggestions_read:
                self._page.show_data(data)
            if not self._announced:
                self._announced = True
                self.first_shown.emit()
            self._tasks.submit(lambda: read_dashboard(services, today), done, failed)

        def done(data: DashboardData) -> None:
            self._reading = False
            if not self._read_again:
                self._page.show_data(data)
                self.loaded.emit(data)
            self._again_if_asked()

        def failed(error: BaseException) -> None:
            self._reading = False
            self._read_again = False
            self._page.set_failed()
            report_failure(self._parent, error, self._data_dir)

        self._tasks.submit(quick_work, quick_done, failed)

    def _again_if_asked(self) -> None:
        if self._read_again:
            self._read_again = False
            self.refresh()
