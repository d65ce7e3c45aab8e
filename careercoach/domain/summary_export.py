"""A record of one exported 1:1 summary: format, period, and the talking points and asks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from careercoach.domain.evidence_checks import (
    FieldProblem,
    InvalidRecordError,
    check_text,
    clean_text,
)
from careercoach.domain.summary_period import SummaryPeriod

MAX_POINTS = 30
MAX_POINT_LENGTH = 1000
MAX_FILE_NAME = 255


class ExportFormat(StrEnum):
    """The formats a summary is exported in; the values are the CLI tokens."""

    PDF = "pdf"
    MARKDOWN = "md"
    HTML = "html"

    @property
    def suffix(self) -> str:
        """The file name extension, with its dot."""
        return f".{self.value}"


class PageSize(StrEnum):
    """Paper sizes for the PDF."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        """The size as printed on a paper tray."""
        return "A4" if self is PageSize.A4 else "Letter"


@dataclass(frozen=True)
class SummaryExport:
    """One export: when, which days, which format, and the user's talking points and asks.

    ``file_name`` is the exported file's name without its folder.
    """

    created_on: dt.date
    period: SummaryPeriod
    format: ExportFormat
    redacted: bool = False
    page_size: PageSize | None = None
    talking_points: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    file_name: str = ""
    id: int | None = None


def points_problems(talking_points: tuple[str, ...], asks: tuple[str, ...]) -> list[FieldProblem]:
    """What is wrong with the talking points and asks (each a paragraph of plain text)."""
    problems: list[FieldProblem] = []
    for name, items in (("talking points", talking_points), ("asks", asks)):
        if len(items) > MAX_POINTS:
            problems.append(FieldProblem(name, f"are more than {MAX_POINTS}"))
        for item in items:
            check_text(problems, name[:-1], item, MAX_POINT_LENGTH)
    return problems


def checked_points(
    talking_points: tuple[str, ...] | list[str], asks: tuple[str, ...] | list[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The talking points and asks trimmed, empty ones dropped; InvalidRecordError if wrong."""
    points = tuple(clean_text(p) for p in talking_points if p.strip())
    cleaned_asks = tuple(clean_text(a) for a in asks if a.strip())
    problems = points_problems(points, cleaned_asks)
    if problems:
        raise InvalidRecordError("summary", tuple(problems))
    return points, cleaned_asks


def checked_export(export: SummaryExport) -> SummaryExport:
    """``export`` with its points cleaned; InvalidRecordError naming every problem."""
    points, asks = checked_points(export.talking_points, export.asks)
    problems: list[FieldProblem] = []
    check_text(problems, "file name", export.file_name, MAX_FILE_NAME, one_line=True)
    if problems:
        raise InvalidRecordError("summary", tuple(problems))
    return replace(export, talking_points=points, asks=asks)
