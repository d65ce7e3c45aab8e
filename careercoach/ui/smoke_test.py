"""``careercoach --smoke-test``: prove an installed app works, end to end, on throwaway data.

It starts on a temporary data folder (never the user's), migrates a new database, opens
the main window, fills the demo year, shows the coach's suggestions on the Coach page and
exports the 1:1 summary as a PDF. It prints one line per step and exits 0 only when every
step worked; the temporary folder is removed afterwards.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QDialog

from careercoach.paths import AppPaths
from careercoach.ui.application import GuiSession, create_application

EXIT_OK = 0
EXIT_FAILED = 1
STEP_TIMEOUT_S = 60.0
PDF_MAGIC = b"%PDF-"


class SmokeTestError(Exception):
    """A step did not do what it should; the message says what was seen instead."""


def run_smoke_test(out: TextIO | None = None) -> int:
    """Run every step on a temporary data folder; returns the exit status."""
    stream = sys.stdout if out is None else out
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="careercoach-smoke-") as folder:
        paths = AppPaths(Path(folder) / "data")
        stream.write(f"smoke test: temporary data folder {paths.data_dir}\n")
        try:
            _run_steps(paths, stream)
        except Exception as error:  # any failure is the answer: report it, exit non-zero
            stream.write(f"smoke test FAILED: {type(error).__name__}: {error}\n")
            stream.flush()
            return EXIT_FAILED
    stream.write(f"smoke test passed in {time.perf_counter() - started:.2f} s\n")
    stream.flush()
    return EXIT_OK


def _run_steps(paths: AppPaths, stream: TextIO) -> None:
    paths.ensure_directories()
    app = create_application()
    session = GuiSession(paths, paths.default_database_url)
    try:
        with _step(stream, "migrate the database and open the main window"):
            session.start()
            _wait_until(app, lambda: session.data is not None or session.exit_code != 0)
            if session.data is None:
                raise SmokeTestError("the database could not be opened")
            _wait_until(app, lambda: not session.window.tasks.busy)
            _close_dialogs(app)  # the first start's welcome
            if not session.window.isVisible() or session.window.grab().isNull():
                raise SmokeTestError("the main window is not shown")
            migration = session.data.services.migration
            ladders = len(session.data.view.summaries)
            stream.write(f"    schema {migration.to_revision}, {ladders} built-in ladders\n")
        services = session.data.services
        with _step(stream, "fill the demo year and run the coach"):
            services.demo.fill()
            page = session.window.coach.page
            session.window.show_page(page)
            _wait_until(app, lambda: page.model.rowCount() > 0 and not session.window.tasks.busy)
            stream.write(f"    {page.model.rowCount()} suggestions on the Coach page\n")
        with _step(stream, "export the 1:1 summary as a PDF"):
            _export_pdf(session, paths.data_dir / "summary.pdf", stream)
    finally:
        _close_dialogs(app)
        session.window.close()
        session.close()
        app.processEvents()


def _export_pdf(session: GuiSession, target: Path, stream: TextIO) -> None:
    from careercoach.domain.summary_export import PageSize
    from careercoach.domain.summary_period import PeriodChoice
    from careercoach.export.summary_pdf import render_pdf

    assert session.data is not None
    summary = session.data.services.summary
    report = summary.summary(summary.period(PeriodChoice.LAST_30_DAYS, None, None))
    content = render_pdf(report, PageSize.A4)
    target.write_bytes(content)
    if not content.startswith(PDF_MAGIC):
        raise SmokeTestError(f"{target.name} is not a PDF")
    stream.write(f"    {target.name}: {len(content):,} bytes\n")


@contextmanager
def _step(stream: TextIO, title: str) -> Iterator[None]:
    """Print a step's name, then 'ok' with its duration; a failure passes through."""
    stream.write(f"  {title} ...\n")
    stream.flush()
    started = time.perf_counter()
    yield
    stream.write(f"  ok ({time.perf_counter() - started:.2f} s)\n")
    stream.flush()


def _wait_until(app: QApplication, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise SmokeTestError(f"gave up after {STEP_TIMEOUT_S:.0f} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _close_dialogs(app: QApplication) -> None:
    """Close the dialogs a first start opens (the welcome), as a user would with Esc."""
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    app.processEvents()
