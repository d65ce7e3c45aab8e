"""The Ledger page at scale: 10,000 entries against a stock Qt table, measured in the same run.

Stores 10,000 varied entries (the demo year, repeated and shifted back over ten years) in a
temporary SQLite database, reads them back, then times on the GUI thread what a user waits
for: the page opening, a header click, the kind filter and one search keystroke, each until
the window is painted again (a search debounce timer, if the page has one, is waited out).
The baseline is the stock Qt approach with the same rows (a QStandardItemModel behind a
QSortFilterProxyModel in a QTableView); the demo year's 200 entries are a second reference.
Budget: every interactive operation on 10,000 entries under 100 ms, the usual threshold
for "instant".

    uv run python benchmarks/ledger.py [--runs 7]

Qt runs offscreen unless QT_QPA_PLATFORM says otherwise (e.g. xcb under Xvfb).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.demo_data import DEMO_LADDER_ID, demo_data
from careercoach.domain.ledger_filter import LedgerFilter
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services
from careercoach.ui.ledger_models import LedgerColumn, LedgerTableModel
from careercoach.ui.ledger_page import LedgerPage

BIG = 10_000
BUDGET_MS = 100.0
WINDOW_SIZE = (1180, 760)
# Each repetition of the demo year starts 73 days earlier: 50 of them span ten years.
SHIFT_DAYS = 73
KIND = ContributionKind.CODE_REVIEW
SEARCH_BEFORE = "revi"
SEARCH_KEY = "e"
PAINT_TIMEOUT_S = 2.0

Timings = dict[str, list[float]]

# (key, label, interactive: counts toward the budget)
OPERATIONS = (
    ("store", "store: add_many (one-off)", False),
    ("read", "read: ledger.entries() (worker thread)", False),
    ("open", "page open: show entries + paint", True),
    ("sort_title", "sort by Title + paint", True),
    ("sort_difficulty", "sort by Difficulty + paint", True),
    ("kind", "kind filter + paint", True),
    ("kind_clear", "kind filter back to all + paint", True),
    ("search", "search key 'revi'+'e' + paint (no debounce)", True),
    ("search_model", "  of which the filter alone (no view)", False),
)


def quiet_offscreen_notes(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Pass Qt's messages on to stderr, except the offscreen plugin's note on size hints."""
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


class PaintProbe(QObject):
    """Counts the paint events of every widget (installed on the application)."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class Painter:
    """Runs an action and returns once the window it changed is painted again."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._probe = PaintProbe()
        app.installEventFilter(self._probe)
        self.timeouts = 0

    def settle(
        self, *, paint_expected: bool = True, done: Callable[[], bool] = lambda: True
    ) -> None:
        """Process events until ``done()``, a paint, and then a pass that paints nothing.

        Item views lay out and repaint from queued events, so one pass is not always enough;
        a pass that paints nothing, after one that did, means the screen is up to date.
        ``done`` waits out delayed work (a debounce timer) before that.
        """
        deadline = time.perf_counter() + PAINT_TIMEOUT_S
        painted = not paint_expected
        while time.perf_counter() < deadline:
            self._probe.paints = 0
            self._app.processEvents()
            if not done():
                painted = False
            elif self._probe.paints:
                painted = True
            elif painted:
                return
        self.timeouts += 1

    def timed(
        self, action: Callable[[], object], done: Callable[[], bool] = lambda: True
    ) -> float:
        """Milliseconds from ``action`` starting to ``done()`` and the window painted."""
        self.settle(paint_expected=False)  # nothing pending from before
        gc.collect()
        started = time.perf_counter()
        action()
        self.settle(done=done)
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        """Stop watching."""
        self._app.removeEventFilter(self._probe)


def varied_entries(base: Sequence[Contribution], count: int) -> list[Contribution]:
    """``count`` entries: ``base`` repeated, each repetition dated earlier and titled apart."""
    entries = []
    for number in range(count):
        round_, index = divmod(number, len(base))
        entry = base[index]
        if round_:
            entry = dataclasses.replace(
                entry,
                date=entry.date - dt.timedelta(days=SHIFT_DAYS * round_),
                title=f"{entry.title} ({round_ + 1})",
            )
        entries.append(entry)
    return entries


def store_and_read(
    folder: Path, entries: Sequence[Contribution], runs: int
) -> tuple[tuple[Contribution, ...], dict[str, str], Timings]:
    """Store ``entries`` in a fresh database; time that and reading them back."""
    paths = AppPaths(folder)
    services = open_services(paths, paths.default_database_url)
    try:
        started = time.perf_counter()
        services.ledger.add_many(entries)
        timings: Timings = {"store": [(time.perf_counter() - started) * 1000], "read": []}
        stored: tuple[Contribution, ...] = ()
        for _ in range(runs):
            gc.collect()
            started = time.perf_counter()
            stored = services.ledger.entries()
            timings["read"].append((time.perf_counter() - started) * 1000)
        ladder = services.ladders.get_ladder(DEMO_LADDER_ID)
        names = {competency.id: competency.name for competency in ladder.competencies}
    finally:
        services.close()
    if len(stored) != len(entries):
        raise SystemExit(f"stored {len(entries)} entries but read {len(stored)}")
    return stored, names, timings


def delete_window(app: QApplication, window: QMainWindow) -> None:
    """Close and delete ``window`` and its children now."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def bench_ledger_page(
    app: QApplication,
    entries: Sequence[Contribution],
    names: dict[str, str],
    today: dt.date,
    runs: int,
) -> tuple[Timings, int, bool]:
    """Time CareerCoach's Ledger page over ``entries``.

    Returns:
        The timings, how many times a paint was waited for in vain, and whether the search
        box applied its text later than the keystroke (a debounce timer).
    """
    timings: Timings = {key: [] for key, _label, _interactive in OPERATIONS[2:]}
    timeouts = 0
    debounced = False
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    for run in range(runs + 1):  # run 0 warms caches and is not counted
        page = LedgerPage(lambda: today)
        window.setCentralWidget(page)  # deletes the previous page
        window.show()
        page.set_competency_names(names)
        painter = Painter(app)
        results, late = ledger_page_run(painter, page, entries)
        debounced = debounced or late
        results["search_model"] = filter_alone(entries, names)
        painter.close()
        timeouts += painter.timeouts
        if run:
            for key, value in results.items():
                timings[key].append(value)
    delete_window(app, window)
    return timings, timeouts, debounced


def ledger_page_run(
    painter: Painter, page: LedgerPage, entries: Sequence[Contribution]
) -> tuple[dict[str, float], bool]:
    """One pass over the operations on a freshly made, empty page; True if typing is delayed."""
    view, model, combo, edit = page.table_view, page.model, page.kind_combo, page.search_edit
    painter.settle()
    results = {
        "open": painter.timed(lambda: page.show_entries(entries)),
        "sort_title": painter.timed(
            lambda: view.sortByColumn(LedgerColumn.TITLE, Qt.SortOrder.AscendingOrder)
        ),
    }
    view.sortByColumn(LedgerColumn.DATE, Qt.SortOrder.DescendingOrder)
    results["sort_difficulty"] = painter.timed(
        lambda: view.sortByColumn(LedgerColumn.DIFFICULTY, Qt.SortOrder.DescendingOrder)
    )
    view.sortByColumn(LedgerColumn.DATE, Qt.SortOrder.DescendingOrder)
    kind_row = combo.findData(KIND.value)
    results["kind"] = painter.timed(lambda: combo.setCurrentIndex(kind_row))
    if model.visible_count in (0, len(entries)):
        raise SystemExit(f"the kind filter left {model.visible_count} rows")
    results["kind_clear"] = painter.timed(lambda: combo.setCurrentIndex(0))
    edit.setText(SEARCH_BEFORE)
    painter.settle()
    wanted = LedgerFilter(text=SEARCH_BEFORE + SEARCH_KEY)
    at_once: list[bool] = []

    def key() -> None:
        QTest.keyClick(edit, SEARCH_KEY)
        at_once.append(model.ledger_filter.text == wanted.text)

    results["search"] = painter.timed(key, done=lambda: model.ledger_filter.text == wanted.text)
    expected = sum(wanted.matches(entry) for entry in entries)
    if edit.text() != wanted.text or model.visible_count != expected or not expected:
        raise SystemExit(f"the search showed {model.visible_count} rows, not {expected}")
    return results, not at_once[0]


def filter_alone(entries: Sequence[Contribution], names: dict[str, str]) -> float:
    """Milliseconds for the ledger model alone (no view) to apply one more search letter."""
    model = LedgerTableModel()
    model.set_competency_names(names)
    model.set_entries(entries)
    model.set_filter(LedgerFilter(text=SEARCH_BEFORE))
    gc.collect()
    started = time.perf_counter()
    model.set_filter(LedgerFilter(text=SEARCH_BEFORE + SEARCH_KEY))
    return (time.perf_counter() - started) * 1000


def stock_rows(entries: Sequence[Contribution], names: dict[str, str]) -> list[list[str]]:
    """The same nine text columns the ledger shows, as plain strings."""
    model = LedgerTableModel()
    model.set_competency_names(names)
    model.set_entries(entries)
    return [
        [str(model.index(row, column).data() or "") for column in LedgerColumn]
        for row in range(model.rowCount())
    ]


def bench_stock_qt(app: QApplication, rows: list[list[str]], runs: int) -> tuple[Timings, int]:
    """Time the same operations with QStandardItemModel + QSortFilterProxyModel + QTableView."""
    timings: Timings = {key: [] for key, _label, _interactive in OPERATIONS[2:]}
    timeouts = 0
    for run in range(runs + 1):  # run 0 warms caches and is not counted
        window = QMainWindow()
        central = QWidget()
        layout = QVBoxLayout(central)
        edit = QLineEdit(central)
        view = QTableView(central)
        layout.addWidget(edit)
        layout.addWidget(view)
        window.setCentralWidget(central)
        proxy = QSortFilterProxyModel(window)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(LedgerColumn.DATE, Qt.SortOrder.DescendingOrder)
        edit.textChanged.connect(proxy.setFilterFixedString)
        window.resize(*WINDOW_SIZE)
        window.show()
        painter = Painter(app)
        results = stock_run(painter, window, view, edit, rows)
        results["search_model"] = stock_filter_alone(proxy)
        painter.close()
        timeouts += painter.timeouts
        delete_window(app, window)
        if run:
            for key, value in results.items():
                timings[key].append(value)
    return timings, timeouts


def stock_run(
    painter: Painter, window: QMainWindow, view: QTableView, edit: QLineEdit, rows: list[list[str]]
) -> dict[str, float]:
    """One pass over the operations on a freshly made, empty stock table."""
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    headers = [column.name.title() for column in LedgerColumn]
    painter.settle()

    def build() -> None:
        source = QStandardItemModel(0, len(headers), window)
        source.setHorizontalHeaderLabels(headers)
        for row in rows:
            source.appendRow([QStandardItem(text) for text in row])
        proxy.setSourceModel(source)

    def kind() -> None:
        proxy.setFilterKeyColumn(LedgerColumn.KIND)
        proxy.setFilterFixedString(KIND.label)

    results = {
        "open": painter.timed(build),
        "sort_title": painter.timed(
            lambda: view.sortByColumn(LedgerColumn.TITLE, Qt.SortOrder.AscendingOrder)
        ),
    }
    view.sortByColumn(LedgerColumn.DATE, Qt.SortOrder.DescendingOrder)
    results["sort_difficulty"] = painter.timed(
        lambda: view.sortByColumn(LedgerColumn.DIFFICULTY, Qt.SortOrder.DescendingOrder)
    )
    view.sortByColumn(LedgerColumn.DATE, Qt.SortOrder.DescendingOrder)
    results["kind"] = painter.timed(kind)
    if proxy.rowCount() in (0, len(rows)):
        raise SystemExit(f"the stock kind filter left {proxy.rowCount()} rows")
    results["kind_clear"] = painter.timed(lambda: proxy.setFilterFixedString(""))
    proxy.setFilterKeyColumn(-1)
    edit.setText(SEARCH_BEFORE)
    painter.settle()
    before = proxy.rowCount()
    results["search"] = painter.timed(lambda: QTest.keyClick(edit, SEARCH_KEY))
    if edit.text() != SEARCH_BEFORE + SEARCH_KEY or not 0 < proxy.rowCount() <= before:
        raise SystemExit(f"the stock search showed {proxy.rowCount()} of {before} rows")
    return results


def stock_filter_alone(attached: QSortFilterProxyModel) -> float:
    """Milliseconds for a proxy with no view to apply one more search letter."""
    proxy = QSortFilterProxyModel()
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    proxy.setSourceModel(attached.sourceModel())
    proxy.setFilterFixedString(SEARCH_BEFORE)
    proxy.rowCount()
    gc.collect()
    started = time.perf_counter()
    proxy.setFilterFixedString(SEARCH_BEFORE + SEARCH_KEY)
    proxy.rowCount()
    return (time.perf_counter() - started) * 1000


def median_text(timings: Timings, key: str) -> str:
    values = timings.get(key)
    return f"{statistics.median(values):.1f}" if values else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repetitions (default 7)")
    args = parser.parse_args()
    runs = max(1, args.runs)

    qInstallMessageHandler(quiet_offscreen_notes)
    app = QApplication(sys.argv[:1])
    today = dt.date.today()
    demo = demo_data(today).entries
    with tempfile.TemporaryDirectory(prefix="careercoach-bench-") as folder:
        big, names, big_io = store_and_read(Path(folder) / "big", varied_entries(demo, BIG), runs)
        small, _names, small_io = store_and_read(Path(folder) / "small", demo, runs)

    big_page, big_timeouts, debounced = bench_ledger_page(app, big, names, today, runs)
    stock, stock_timeouts = bench_stock_qt(app, stock_rows(big, names), runs)
    small_page, small_timeouts, _debounced = bench_ledger_page(app, small, names, today, runs)
    labels = {key: label for key, label, _interactive in OPERATIONS}
    if debounced:
        labels["search"] = "search key 'revi'+'e' + debounce wait + paint"
    columns = (big_io | big_page, stock, small_io | small_page)

    print(
        f"platform: {os.environ['QT_QPA_PLATFORM']}, window {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}, "
        f"runs: {runs}, medians in ms"
    )
    heads = ("operation", "CareerCoach 10k", "stock Qt 10k", "CareerCoach 200")
    print(f"{heads[0]:<46} {heads[1]:>16} {heads[2]:>13} {heads[3]:>16}")
    for key, _label, _interactive in OPERATIONS:
        cells = [median_text(column, key) for column in columns]
        print(f"{labels[key]:<46} {cells[0]:>16} {cells[1]:>13} {cells[2]:>16}")
    if big_timeouts or stock_timeouts or small_timeouts:
        print(
            f"warning: the window did not repaint within {PAINT_TIMEOUT_S:.0f} s "
            f"{big_timeouts + stock_timeouts + small_timeouts} time(s); those figures are capped"
        )
    slow = [
        f"{labels[key].strip()} ({statistics.median(big_page[key]):.0f} ms)"
        for key, _label, interactive in OPERATIONS
        if interactive and statistics.median(big_page[key]) >= BUDGET_MS
    ]
    if slow:
        print(f"OVER budget: not every interactive operation on 10k is under 100 ms: {slow}")
    else:
        print(
            f"ok: every interactive operation on {BIG:,} entries stays under "
            f"{BUDGET_MS:.0f} ms (the slowest median: "
            f"{max(statistics.median(big_page[k]) for k, _l, i in OPERATIONS if i):.0f} ms)"
        )
    del app


if __name__ == "__main__":
    main()
