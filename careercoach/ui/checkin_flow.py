"""Shows the check-in reminder when this week has none; stores check-ins off the GUI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.services.clock import Today, local_today
from careercoach.ui.checkin_dialog import CheckInDialog, recent_weeks
from careercoach.ui.checkin_reminder import CheckInReminder
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices
    from careercoach.services.checkin_service import SavedCheckIn


class CheckInFlow(QObject):
    """The weekly check-in: the reminder banner, the dialog, and saving.

    Set ``services`` once the database is open, then call ``refresh``; ``open_dialog`` is
    what a Check In… menu action calls. The app may stay open for days: the reminder is
    checked again at local midnight and when the window is activated on a later day.
    """

    status_changed = Signal(str)
    refreshed = Signal(object)  # the week missing a check-in, or None
    saved = Signal(object)  # SavedCheckIn

    def __init__(
        self,
        parent: QWidget,
        reminder: CheckInReminder,
        tasks: TaskRunner,
        data_dir: Path,
        *,
        today: Today = local_today,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._reminder = reminder
        self._tasks = tasks
        self._data_dir = data_dir
        self._today = today
        self._now = now  # local wall-clock time, to find the next midnight
        self._dismissed: IsoWeek | None = None
        self._checked_on: dt.date | None = None  # the day of the last refresh
        self.services: AppServices | None = None
        self.dialog: CheckInDialog | None = None
        self.midnight_timer = QTimer(self)
        self.midnight_timer.setSingleShot(True)
        self.midnight_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # a second late is fine
        self.midnight_timer.timeout.connect(self._on_midnight_timer_timeout)
        reminder.checkin_requested.connect(self._on_reminder_checkin_requested)
        reminder.dismissed.connect(self._on_reminder_dismissed)
        parent.installEventFilter(self)

    def refresh(self) -> None:
        """Show the reminder when this week has no check-in (unless dismissed), else hide it."""
        services = self.services
        if services is None:
            return
        today = self._today()
        self._checked_on = today
        self._arm_midnight_timer()
        week = IsoWeek.of(today)

        def work() -> IsoWeek | None:
            return week if services.checkins.get(week) is None else None

        def done(missing: IsoWeek | None) -> None:
            if missing is not None and missing != self._dismissed:
                self._reminder.show_for(missing)
            else:
                self._reminder.hide()
            self.refreshed.emit(missing)

        self._tasks.submit(work, done, self._on_task_failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Back at the window on a later day: check again. The midnight timer alone is not
        # enough, as its clock stands still while the computer sleeps. Once a day at most, so
        # a failing check cannot show its error box again on every activation.
        if (
            watched is self._parent
            and event.type() == QEvent.Type.WindowActivate
            and self._checked_on is not None
            and self._today() != self._checked_on
        ):
            self.refresh()
        return super().eventFilter(watched, event)

    def _arm_midnight_timer(self) -> None:
        now = self._now()
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        # A little after midnight, so the new day has surely begun by the clock's reading.
        self.midnight_timer.start(int((midnight - now).total_seconds() * 1000) + 1000)

    def _on_midnight_timer_timeout(self) -> None:
        self.refresh()  # re-arms the timer for the next midnight

    def open_dialog(self, week: IsoWeek | None = None) -> None:
        """Open the check-in dialog on ``week`` (this week by default)."""
        services = self.services
        if services is None:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        today = self._today()
        offered = set(recent_weeks(IsoWeek.of(today)))

        def work() -> dict[IsoWeek, CheckIn]:
            return {c.week: c for c in services.checkins.checkins() if c.week in offered}

        def done(existing: dict[IsoWeek, CheckIn]) -> None:
            if self.dialog is not None:
                return  # opened twice quickly: the first one is showing
            dialog = CheckInDialog(today, existing, self._parent, week=week)
            dialog.save_requested.connect(self._on_dialog_save_requested)
            dialog.finished.connect(self._on_dialog_finished)
            self.dialog = dialog
            dialog.open()

        self._tasks.submit(work, done, self._on_task_failed)

    def _on_dialog_save_requested(self, checkin: CheckIn) -> None:
        services, dialog = self.services, self.dialog
        if services is None or dialog is None:
            return
        dialog.begin_saving()

        def done(saved: SavedCheckIn) -> None:
            if self.dialog is dialog:
                dialog.accept()
            message = (
                self.tr("Check-in for {week} updated.")
                if saved.replaced
                else self.tr("Check-in for {week} saved.")
            )
            self.status_changed.emit(message.format(week=saved.checkin.week))
            self.saved.emit(saved)
            self.refresh()

        def failed(error: BaseException) -> None:
            if self.dialog is dialog:
                dialog.end_saving()
            report_failure(
                dialog if self.dialog is dialog else self._parent, error, self._data_dir
            )

        self._tasks.submit(lambda: services.checkins.save(checkin), done, failed)

    def _on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _on_reminder_checkin_requested(self) -> None:
        self.open_dialog(self._reminder.week)

    def _on_reminder_dismissed(self) -> None:
        self._dismissed = self._reminder.week

    def _on_task_failed(self, error: BaseException) -> None:
        report_failure(self._parent, error, self._data_dir)
