"""Qt item models for the Dashboard's lists: next steps, recent work, prototypes in flight."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from careercoach.domain.coach import Suggestion
from careercoach.domain.contribution import Contribution
from careercoach.domain.prototype import Prototype
from careercoach.ui.coach_models import category_label
from careercoach.ui.dashboard_text import days_ago, short_date
from careercoach.ui.ladder_models import plain_tooltip
from careercoach.ui.prototype_models import stage_label

DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1  # the muted second line under the title
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the rule id, entry id or prototype id

_Index = QModelIndex | QPersistentModelIndex
_Row = TypeVar("_Row")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardModels", text)


def first_line(text: str) -> str:
    """The first non-empty line of ``text``, stripped."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


class NextStepsModel(QAbstractListModel):
    """The coach's top suggestions: the title, and its message as the detail line."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._suggestions: tuple[Suggestion, ...] = ()

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        """Replace the rows, in the coach's order."""
        self.beginResetModel()
        self._suggestions = tuple(suggestions)
        self.endResetModel()

    def suggestions(self) -> tuple[Suggestion, ...]:
        """Every row's suggestion, in order."""
        return self._suggestions

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._suggestions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._suggestions):
            return None
        suggestion = self._suggestions[index.row()]
        rule = suggestion.rule
        if role == Qt.ItemDataRole.DisplayRole:
            return rule.title
        if role == DETAIL_ROLE:
            return first_line(suggestion.message)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                f"{rule.title}\n{category_label(rule.category)}\n\n{suggestion.message}"
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return first_line(suggestion.message)
        if role == ID_ROLE:
            return rule.id
        return None


class _DatedRowsModel(QAbstractTableModel, Generic[_Row]):
    """A short table of records whose dates are worded relative to ``today``.

    Subclasses name their columns in ``HEADERS`` and say what a cell shows in ``_cell``.
    """

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[_Row, ...] = ()
        self._today = dt.date.today()

    def set_rows(self, rows: Sequence[_Row], today: dt.date) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._today = today
        self.endResetModel()

    def rows(self) -> tuple[_Row, ...]:
        """Every row's record, in order."""
        return self._rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        return _tr(self.HEADERS[section]) if role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.HEADERS):
            return None
        return self._cell(self._rows[index.row()], index.column(), role)

    def _cell(self, row: _Row, column: int, role: int) -> object:
        raise NotImplementedError


class RecentWorkModel(_DatedRowsModel[Contribution]):
    """The latest ledger entries, newest first: date, title and kind."""

    DATE, TITLE, KIND = range(3)
    HEADERS = ("Date", "Title", "Kind")

    def set_entries(self, entries: Sequence[Contribution], today: dt.date) -> None:
        """Replace the rows; dates are worded relative to ``today``."""
        self.set_rows(entries, today)

    def entries(self) -> tuple[Contribution, ...]:
        """Every row's entry, in order."""
        return self.rows()

    def _cell(self, entry: Contribution, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return short_date(entry.date, self._today)
            return entry.title if column == self.TITLE else entry.kind.label
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [entry.title, f"{entry.date.isoformat()} · {entry.kind.label}"]
            details += [text for text in (entry.beneficiary, entry.project) if text]
            return plain_tooltip("\n".join(details))
        if role == ID_ROLE:
            return entry.id
        return None


class PrototypesInFlightModel(_DatedRowsModel[Prototype]):
    """Prototypes not yet adopted or shelved: title, stage, and since when."""

    TITLE, STAGE, SINCE = range(3)
    HEADERS = ("Prototype", "Stage", "Since")

    def set_prototypes(self, prototypes: Sequence[Prototype], today: dt.date) -> None:
        """Replace the rows; "since" is worded relative to ``today``."""
        self.set_rows(prototypes, today)

    def prototypes(self) -> tuple[Prototype, ...]:
        """Every row's prototype, in order."""
        return self.rows()

    def _cell(self, prototype: Prototype, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return prototype.title
            if column == self.STAGE:
                return stage_label(prototype.stage)
            since = short_date(prototype.stage_since, self._today, relative=False)
            return _tr("since {date}").format(date=since)
        if role == Qt.ItemDataRole.ToolTipRole:
            since = _tr("{stage} since {date} ({ago}); started {started}").format(
                stage=stage_label(prototype.stage),
                date=prototype.stage_since.isoformat(),
                ago=days_ago(prototype.stage_since, self._today),
                started=prototype.started.isoformat(),
            )
            lines = [prototype.title, since]
            if prototype.pitch:
                lines.append(first_line(prototype.pitch))
            return plain_tooltip("\n".join(lines))
        if role == ID_ROLE:
            return prototype.id
        return None
