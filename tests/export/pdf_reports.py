"""Summaries to render in the PDF tests, and poppler helpers to read the PDFs back."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.domain.summary_report import (
    CollaborationStats,
    Highlight,
    LevelStanding,
    SummaryHeader,
    SummaryReport,
)
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services

TALKING_POINTS = ("Scope of the Q1 forecasting work", "Office hours: influence on the roadmap?")
ASKS = ("Feedback on my design doc", "A less-defined problem for next quarter")
YEAR_DAYS = 400


@dataclass(frozen=True)
class DemoReports:
    """The demo's summaries: the default period, a whole year, and the year redacted."""

    default: SummaryReport
    year: SummaryReport
    redacted_year: SummaryReport
    entries: int


def demo_reports(folder: Path) -> DemoReports:
    """Fill a database in ``folder`` with the demo and build its summaries."""
    paths = AppPaths(folder)
    services = open_services(paths, paths.default_database_url)
    try:
        services.demo.fill()
        summary = services.summary
        today = summary.period().end
        year = summary.period(PeriodChoice.CUSTOM, today - dt.timedelta(days=YEAR_DAYS), today)
        return DemoReports(
            default=summary.summary(talking_points=TALKING_POINTS, asks=ASKS),
            year=summary.summary(year, talking_points=TALKING_POINTS, asks=ASKS),
            redacted_year=summary.summary(year, redact=True),
            entries=len(services.ledger.entries()),
        )
    finally:
        services.close()


def bare_report(*highlights: Highlight, name: str = "Ada Example") -> SummaryReport:
    """A summary holding nothing but ``highlights``."""
    day = dt.date(2026, 3, 1)
    return SummaryReport(
        header=SummaryHeader(name, "Engineer", "", "", SummaryPeriod(day, day), day),
        standing=LevelStanding("Not assessed yet", "Senior Engineer"),
        radar=None,
        competencies=(),
        highlights=highlights,
        collaboration=CollaborationStats(0, (), (), ()),
        prototypes=(),
        actions=(),
        talking_points=(),
        asks=(),
    )


def highlight(title: str, *, quote: str = "", day: int = 1) -> Highlight:
    """A contribution on 2026-03-``day`` with ``title`` and ``quote``."""
    return Highlight(
        date=dt.date(2026, 3, day),
        title=title,
        kind="Documentation",
        beneficiary="",
        project="",
        rubric="",
        difficulty="",
        strength="Self-claim",
        quote=quote,
        helps_others=True,
    )


def with_titles(report: SummaryReport, *titles: str) -> SummaryReport:
    """``report`` with its highlights' titles replaced by ``titles``."""
    return replace(report, highlights=tuple(highlight(title) for title in titles))


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """The text of ``pdf`` (or of one page) as pdftotext extracts it, without -layout."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def flat(text: str) -> str:
    """``text`` with every run of white space made one space (lines joined, nothing else)."""
    return " ".join(text.split())


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C, as stored text is compared to extracted text."""
    return unicodedata.normalize("NFC", flat(text))


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields."""
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    fields = (re.match(r"([^:]+):\s*(.*)", line) for line in done.stdout.splitlines())
    return {match[1]: match[2] for match in fields if match}


def page_count(pdf: Path) -> int:
    """How many pages ``pdf`` has."""
    return int(pdf_info(pdf)["Pages"])
