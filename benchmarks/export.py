"""The 1:1 summary exports on the demo year, against Qt's own HTML printing, in the same run.

Fills a temporary database with the demo, then times (median of --runs) building the
summary, rendering the PDF (A4) and the Markdown and HTML renderings, for the default
period (since the last 1:1) and for a custom period covering the whole year, so every one
of the demo's entries is a highlight. Two baselines are measured in the same run: the PDF
of an empty summary (the fixed cost of a QPdfWriter, its fonts and one page), and Qt's
stock approach of printing one HTML document (the HTML rendering of the same summary)
with ``QTextDocument.print_`` to a QPdfWriter. Budget: the year's PDF in under a second.

    uv run python benchmarks/export.py [--runs 5]

Qt runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import importlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from careercoach.domain.summary_export import PageSize
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.domain.summary_report import SummaryReport
from careercoach.export.summary_pdf import ensure_gui_application, render_pdf
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services

BUDGET_MS = 1000.0
YEAR_DAYS = 400
Renderer = Callable[[SummaryReport], str]


def optional_renderer(module: str, name: str) -> Renderer | None:
    """``module.name`` if that renderer exists yet, else None."""
    try:
        found: Renderer = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return found


def median_ms(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``action`` over ``runs`` runs, after one warm-up run."""
    action()
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def qt_html_pdf(html: str) -> bytes:
    """Qt's stock HTML printing: one QTextDocument printed to an A4 QPdfWriter."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def page_count(pdf: bytes) -> int:
    """Pages in a PDF written by Qt (it writes one /Type /Page object per page)."""
    return pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page\n")


def bench_period(
    services: AppServices, period: SummaryPeriod, runs: int
) -> tuple[dict[str, float], dict[str, str]]:
    """Times of every operation for ``period``, and notes (page counts) to print beside."""
    summary = services.summary
    report = summary.summary(period)
    markdown = optional_renderer("careercoach.export.summary_markdown", "render_markdown")
    html = optional_renderer("careercoach.export.summary_html", "render_html")
    empty = dataclasses.replace(
        report,
        radar=None,
        competencies=(),
        highlights=(),
        collaboration=dataclasses.replace(report.collaboration, quotes=(), by_kind=()),
        prototypes=(),
        actions=(),
    )
    times = {
        "build": median_ms(lambda: summary.summary(period), runs),
        "pdf": median_ms(lambda: render_pdf(report, PageSize.A4), runs),
        "pdf_empty": median_ms(lambda: render_pdf(empty, PageSize.A4), runs),
    }
    notes = {
        "build": f"{len(report.highlights)} highlights",
        "pdf": f"{page_count(render_pdf(report, PageSize.A4))} pages",
        "pdf_empty": f"{page_count(render_pdf(empty, PageSize.A4))} page(s)",
    }
    if markdown is not None:
        times["markdown"] = median_ms(lambda: markdown(report), runs)
    if html is not None:
        document = html(report)
        times["html"] = median_ms(lambda: html(report), runs)
        times["qt_html_pdf"] = median_ms(lambda: qt_html_pdf(document), runs)
        notes["qt_html_pdf"] = f"{page_count(qt_html_pdf(document))} pages"
    return times, notes


OPERATIONS = (
    ("build", "build the summary (service, one transaction)"),
    ("pdf", "render_pdf, A4"),
    ("markdown", "render_markdown"),
    ("html", "render_html"),
    ("pdf_empty", "baseline: render_pdf of an empty summary"),
    ("qt_html_pdf", "baseline: QTextDocument.print_ of the HTML"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repetitions (default 5)")
    args = parser.parse_args()
    runs = max(1, args.runs)
    ensure_gui_application()
    with tempfile.TemporaryDirectory(prefix="careercoach-bench-") as folder:
        paths = AppPaths(Path(folder))
        services = open_services(paths, paths.default_database_url)
        try:
            services.demo.fill()
            default = services.summary.period()
            today = default.end
            year = services.summary.period(
                PeriodChoice.CUSTOM, today - dt.timedelta(days=YEAR_DAYS), today
            )
            small, small_notes = bench_period(services, default, runs)
            big, big_notes = bench_period(services, year, runs)
        finally:
            services.close()

    print(f"platform: {os.environ['QT_QPA_PLATFORM']}, runs: {runs}, medians in ms")
    print(f"default period: {default.label}; full year: {year.label}")
    heads = ("operation", "default period", "", "full year", "")
    print(f"{heads[0]:<46} {heads[1]:>14} {heads[2]:<14} {heads[3]:>10} {heads[4]}")
    for key, label in OPERATIONS:
        if key not in small:
            print(f"{label:<46} {'(not available)':>14}")
            continue
        print(
            f"{label:<46} {small[key]:>14.1f} {small_notes.get(key, ''):<14} "
            f"{big[key]:>10.1f} {big_notes.get(key, '')}"
        )
    if big["pdf"] < BUDGET_MS:
        print(f"ok: the year's PDF renders in {big['pdf']:.0f} ms (budget {BUDGET_MS:.0f} ms)")
    else:
        print(f"OVER budget: the year's PDF took {big['pdf']:.0f} ms (budget {BUDGET_MS:.0f})")


if __name__ == "__main__":
    main()
