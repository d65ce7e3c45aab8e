"""Runs slow work off the GUI thread and delivers the outcome back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Outcome(QObject):
    """Lives on the GUI thread; worker threads emit, the GUI thread receives."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Delivery(QObject):
    """Calls the caller's callbacks on the GUI thread, then forgets the job."""

    def __init__(
        self,
        runner: TaskRunner,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._on_success = on_success
        self._on_failure = on_failure

    @Slot(object)
    def deliver_success(self, result: object) -> None:
        self._runner.finish(self)
        self._on_success(result)

    @Slot(object)
    def deliver_failure(self, error: object) -> None:
        self._runner.finish(self)
        assert isinstance(error, BaseException)
        self._on_failure(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], outcome: _Outcome) -> None:
        super().__init__()
        self._work = work
        self._outcome = outcome

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # every failure goes back to the GUI thread
            self._outcome.failed.emit(error)
        else:
            self._outcome.succeeded.emit(result)


class TaskRunner(QObject):
    """The one way the GUI runs slow work: ``submit(work, on_success, on_failure)``.

    An exception raised by ``work`` goes to ``on_failure`` (which reports it, usually with
    ``report_failure``); one raised by a callback itself is a bug in a slot and reaches
    ``sys.excepthook``, the GUI's ``CrashReporter``. Either way the runner goes on.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one database writer at a time, in order
        self._pending: set[_Delivery] = set()

    def submit(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Run ``work`` in the background; call back on the GUI thread when it ends."""
        outcome = _Outcome(self)
        delivery = _Delivery(self, on_success, on_failure)
        outcome.succeeded.connect(delivery.deliver_success)
        outcome.failed.connect(delivery.deliver_failure)
        self._pending.add(delivery)
        self._pool.start(_Job(work, outcome))

    @property
    def busy(self) -> bool:
        """True while a job has not been delivered yet."""
        return bool(self._pending)

    def finish(self, delivery: _Delivery) -> None:
        """Forget a delivered job."""
        self._pending.discard(delivery)
        delivery.deleteLater()

    def wait_for_done(self) -> None:
        """Block until every started job has run (used when the app quits)."""
        self._pool.waitForDone()
