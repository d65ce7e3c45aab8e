"""What the user chooses for a 1:1 summary export, and the choices remembered between exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QLocale, QSettings

from careercoach.domain.evidence_checks import FieldProblem, check_text
from careercoach.domain.summary_export import (
    MAX_POINT_LENGTH,
    MAX_POINTS,
    ExportFormat,
    PageSize,
)
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod

FOLDER_KEY = "summary_export/last_folder"
FORMAT_KEY = "summary_export/format"
PAGE_SIZE_KEY = "summary_export/page_size"
REDACT_KEY = "summary_export/redact"
LETTER_TERRITORIES = (QLocale.Country.UnitedStates, QLocale.Country.Canada)

E = TypeVar("E", ExportFormat, PageSize)


def default_page_size(locale: QLocale | None = None) -> PageSize:
    """Letter where the locale's territory prints on it (United States, Canada), else A4."""
    territory = (locale or QLocale.system()).territory()
    return PageSize.LETTER if territory in LETTER_TERRITORIES else PageSize.A4


def lines_of(text: str) -> list[str]:
    """The non-blank lines of ``text``, trimmed: one talking point or ask each."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def item_problems(name: str, too_many: str, items: Sequence[str]) -> list[str]:
    """What keeps ``items`` (talking points or asks) out of a summary, as sentences.

    Args:
        name: One item's name with a ``{number}`` field, e.g. "Talking point {number}".
        too_many: The sentence for too many items, with ``{count}`` and ``{limit}`` fields.
        items: The items, one per line as typed.
    """
    problems: list[str] = []
    if len(items) > MAX_POINTS:
        problems.append(too_many.format(count=len(items), limit=MAX_POINTS))
    for number, item in enumerate(items, start=1):
        found: list[FieldProblem] = []
        check_text(found, name.format(number=number), item, MAX_POINT_LENGTH)
        problems += [sentence(f"{problem.field} {problem.message}") for problem in found]
    return problems


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


@dataclass(frozen=True)
class DialogStart:
    """What the dialog shows when it opens.

    Attributes:
        periods: The period each preset choice means today (every choice but CUSTOM).
        today: The last day a custom period may end on.
        talking_points: The talking points to start from (the last export's).
        asks: The asks to start from.
        export_format: The format chosen at first.
        page_size: The paper chosen at first.
        redact: Whether names are hidden at first.
    """

    periods: Mapping[PeriodChoice, SummaryPeriod]
    today: dt.date
    talking_points: Sequence[str] = ()
    asks: Sequence[str] = ()
    export_format: ExportFormat = ExportFormat.PDF
    page_size: PageSize = PageSize.A4
    redact: bool = False


@dataclass(frozen=True)
class SummaryRequest:
    """What the user asked for: which days, hidden names or not, their words, the file kind."""

    period: SummaryPeriod
    redact: bool
    talking_points: tuple[str, ...]
    asks: tuple[str, ...]
    export_format: ExportFormat
    page_size: PageSize


class ExportPreferences:
    """The folder, format, paper and redaction of the last export, kept in the app's settings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def export_format(self) -> ExportFormat:
        """The format of the last export; PDF before the first."""
        return self._read(FORMAT_KEY, ExportFormat, ExportFormat.PDF)

    @property
    def page_size(self) -> PageSize:
        """The paper of the last export; before the first, the locale's usual paper."""
        return self._read(PAGE_SIZE_KEY, PageSize, default_page_size())

    @property
    def redact(self) -> bool:
        """Whether the last export hid names."""
        return self._settings.value(REDACT_KEY, False, type=bool) is True

    def folder(self) -> Path:
        """The folder of the last export while it exists; the home folder otherwise."""
        folder = self._settings.value(FOLDER_KEY)
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return Path(folder)
        return Path.home()

    def remember_folder(self, path: Path) -> None:
        """Offer the folder of ``path`` next time."""
        self._settings.setValue(FOLDER_KEY, str(path.parent))

    def remember(self, request: SummaryRequest) -> None:
        """Start the next export from the format, paper and redaction of ``request``."""
        self._settings.setValue(FORMAT_KEY, request.export_format.value)
        self._settings.setValue(PAGE_SIZE_KEY, request.page_size.value)
        self._settings.setValue(REDACT_KEY, request.redact)

    def _read(self, key: str, kind: type[E], default: E) -> E:
        value = self._settings.value(key)
        try:
            return kind(value) if isinstance(value, str) else default
        except ValueError:  # a value from another version, or edited by hand
            return default
