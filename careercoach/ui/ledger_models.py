"""The ledger table model: every entry, filtered and sorted in place for a fast table view."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import IntEnum
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from careercoach.domain.contribution import Contribution, EvidenceStrength
from careercoach.domain.ledger_filter import LedgerFilter
from careercoach.domain.rubric import Difficulty, Rubric, difficulty
from careercoach.ui.form_helpers import hours_text
from careercoach.ui.ladder_models import plain_tooltip

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_SortKey = Callable[[Contribution], Any]
_NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LedgerColumn(IntEnum):
    """The columns of the ledger table, in order."""

    DATE = 0
    TITLE = 1
    KIND = 2
    BENEFICIARY = 3
    PROJECT = 4
    HOURS = 5
    DIFFICULTY = 6
    EVIDENCE = 7
    COMPETENCIES = 8


class LedgerTableModel(QAbstractTableModel):
    """Ledger entries as table rows; filters and sorts itself (no proxy model).

    All entries are kept with their case-folded search text; ``_order`` holds every entry
    index in the current sort order and ``_visible`` the ones the filter lets through, so
    changing the filter never re-sorts and sorting never re-filters from scratch.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Contribution] = []
        self._search_texts: list[str] = []
        self._order: list[int] = []
        self._visible: list[int] = []
        self._rows: dict[int, int] = {}  # entry id to the row showing it
        self._filter = LedgerFilter()
        self._sort_column = LedgerColumn.DATE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._names: dict[str, str] = {}
        # Difficulty depends on the rubric alone, and few distinct rubrics exist.
        self._difficulties: dict[Rubric, Difficulty | None] = {}
        self._headers = {
            LedgerColumn.DATE: self.tr("Date"),
            LedgerColumn.TITLE: self.tr("Title"),
            LedgerColumn.KIND: self.tr("Kind"),
            LedgerColumn.BENEFICIARY: self.tr("Who benefited"),
            LedgerColumn.PROJECT: self.tr("Project"),
            LedgerColumn.HOURS: self.tr("Hours"),
            LedgerColumn.DIFFICULTY: self.tr("Difficulty"),
            LedgerColumn.EVIDENCE: self.tr("Evidence"),
            LedgerColumn.COMPETENCIES: self.tr("Competencies"),
        }

    # -- state ------------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[Contribution]) -> None:
        """Show ``entries`` (in the current filter and sort order)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._search_texts = [entry.search_text() for entry in self._entries]
        self._order = self._sorted_order()
        self._show(self._filtered(self._order))
        self.endResetModel()

    def set_filter(self, ledger_filter: LedgerFilter) -> None:
        """Show only the entries that pass ``ledger_filter``."""
        if ledger_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = ledger_filter
        self._show(self._filtered(self._order))
        self.endResetModel()

    @property
    def ledger_filter(self) -> LedgerFilter:
        """The filter in force."""
        return self._filter

    def set_competency_names(self, names: Mapping[str, str]) -> None:
        """Show competencies by these names (id to name); unknown ids show as ids."""
        self._names = dict(names)
        if self._visible:
            column = LedgerColumn.COMPETENCIES
            last = self.index(len(self._visible) - 1, column)
            self.dataChanged.emit(self.index(0, column), last, [Qt.ItemDataRole.DisplayRole])
        if self._sort_column == LedgerColumn.COMPETENCIES:
            self.sort(self._sort_column, self._sort_order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in tuple(LedgerColumn):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved_entries = [self._visible[index.row()] for index in before]
        self._sort_column = LedgerColumn(column)
        self._sort_order = order
        self._order = self._sorted_order()
        self._show(self._filtered(self._order))
        rows = {entry_index: row for row, entry_index in enumerate(self._visible)}
        after = [
            self.index(rows[entry_index], index.column())
            for entry_index, index in zip(moved_entries, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> LedgerColumn:
        """The column the rows are sorted by."""
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        """Ascending or descending."""
        return self._sort_order

    # -- queries ----------------------------------------------------------------------------

    def entry(self, row: int) -> Contribution | None:
        """The entry shown on ``row``, or None."""
        if 0 <= row < len(self._visible):
            return self._entries[self._visible[row]]
        return None

    def row_of(self, entry_id: int) -> int:
        """The row showing the entry with ``entry_id``, or -1 (absent or filtered out)."""
        return self._rows.get(entry_id, -1)

    def rows_of(self, entry_ids: Iterable[int]) -> list[int]:
        """The rows showing ``entry_ids``, in the order given; ids not shown are left out."""
        rows = self._rows
        return [row for entry_id in entry_ids if (row := rows.get(entry_id, -1)) >= 0]

    def visible_entries(self) -> tuple[Contribution, ...]:
        """The entries shown, in table order."""
        return tuple(self._entries[entry_index] for entry_index in self._visible)

    @property
    def visible_count(self) -> int:
        """How many entries pass the filter."""
        return len(self._visible)

    @property
    def total_count(self) -> int:
        """How many entries the model holds."""
        return len(self._entries)

    def difficulty_of(self, entry: Contribution) -> Difficulty | None:
        """The entry's difficulty score (cached per rubric)."""
        rubric = entry.rubric
        try:
            return self._difficulties[rubric]
        except KeyError:
            result = self._difficulties[rubric] = difficulty(rubric)
            return result

    def competency_names(self, entry: Contribution) -> list[str]:
        """The entry's competencies, by name where the ladder knows them."""
        return [self._names.get(competency, competency) for competency in entry.competencies]

    def details_html(self, entry: Contribution, selected: int = 1) -> str:
        """``entry`` in full for a detail pane; user text is escaped, never markup.

        Args:
            entry: The entry to show.
            selected: How many entries are selected (a note says so when more than one).
        """

        def text(value: str) -> str:
            return escape(value).replace("\n", "<br>")

        def row(name: str, value: str) -> str:
            return f"<tr><th align='left' valign='top'>{escape(name)}</th><td>{value}</td></tr>"

        parts = []
        if selected > 1:
            note = self.tr("{count} entries selected — Delete removes them all.")
            parts.append(f"<p><i>{escape(note.format(count=selected))}</i></p>")
        parts.append(f"<h3>{text(entry.title)}</h3>")
        parts.append(
            "<p>"
            + escape(f"{entry.date.isoformat()} · {entry.kind.label} · {entry.evidence.label}")
            + "</p>"
        )
        rows = []
        if entry.beneficiary:
            rows.append(row(self.tr("Who benefited"), text(entry.beneficiary)))
        if entry.project:
            rows.append(row(self.tr("Project"), text(entry.project)))
        if entry.hours is not None:
            rows.append(row(self.tr("Hours"), escape(hours_text(entry.hours))))
        score = self.difficulty_of(entry)
        rows.append(
            row(
                self.tr("Difficulty"),
                escape(score.explanation if score else self.tr("not rated")),
            )
        )
        if entry.external_challenges:
            rows.append(row(self.tr("External challenges"), text(entry.external_challenges)))
        if entry.outcome:
            rows.append(row(self.tr("Outcome"), text(entry.outcome)))
        if entry.competencies:
            names = ", ".join(self.competency_names(entry))
            rows.append(row(self.tr("Competencies"), text(names)))
        if entry.links:
            rows.append(row(self.tr("Links"), "<br>".join(text(link) for link in entry.links)))
        parts.append("<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>")
        if entry.feedback_quote:
            parts.append(f"<p><b>{escape(self.tr('Peer feedback'))}</b></p>")
            parts.append(f"<blockquote>“{text(entry.feedback_quote)}”</blockquote>")
        return "".join(parts)

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(LedgerColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if entry is None or not 0 <= index.column() < len(LedgerColumn):
            return None
        column = LedgerColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            LedgerColumn.HOURS,
            LedgerColumn.DIFFICULTY,
        ):
            return _NUMBER_ALIGNMENT
        if role == ENTRY_ID_ROLE:
            return entry.id
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(LedgerColumn):
            return None
        column = LedgerColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            LedgerColumn.HOURS,
            LedgerColumn.DIFFICULTY,
        ):
            return _NUMBER_ALIGNMENT
        return None

    # -- helpers ----------------------------------------------------------------------------

    def _display(self, entry: Contribution, column: LedgerColumn) -> str | None:
        if column == LedgerColumn.DATE:
            return entry.date.isoformat()
        if column == LedgerColumn.TITLE:
            return entry.title
        if column == LedgerColumn.KIND:
            return entry.kind.label
        if column == LedgerColumn.BENEFICIARY:
            return entry.beneficiary
        if column == LedgerColumn.PROJECT:
            return entry.project
        if column == LedgerColumn.HOURS:
            return hours_text(entry.hours)
        if column == LedgerColumn.DIFFICULTY:
            score = self.difficulty_of(entry)
            return "" if score is None else f"{score.score:.1f}"
        if column == LedgerColumn.EVIDENCE:
            return entry.evidence.label
        return ", ".join(self.competency_names(entry))

    def _tooltip(self, entry: Contribution, column: LedgerColumn) -> str | None:
        if column == LedgerColumn.DIFFICULTY:
            score = self.difficulty_of(entry)
            return plain_tooltip(score.explanation) if score is not None else None
        text = self._display(entry, column)
        # Long text is cut off in its cell; user text is never rendered as markup.
        return plain_tooltip(text) if text else None

    def _show(self, visible: list[int]) -> None:
        """Make ``visible`` the rows shown, and index them by entry id for ``row_of``."""
        self._visible = visible
        entries = self._entries
        self._rows = {
            entry_id: row
            for row, entry_index in enumerate(visible)
            if (entry_id := entries[entry_index].id) is not None
        }

    def _filtered(self, order: list[int]) -> list[int]:
        ledger_filter = self._filter
        if ledger_filter == LedgerFilter():
            return list(order)
        entries, texts = self._entries, self._search_texts
        matches = ledger_filter.matches
        return [i for i in order if matches(entries[i], texts[i])]

    def _sorted_order(self) -> list[int]:
        """Every entry index in sort order; ties keep the given order, blanks come last."""
        key = self._sort_key(self._sort_column)
        entries = self._entries
        keyed = [(i, key(entries[i])) for i in range(len(entries))]
        present = [pair for pair in keyed if pair[1] is not None]
        blank = [i for i, value in keyed if value is None]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        present.sort(key=_second, reverse=descending)
        return [i for i, _value in present] + blank

    def _sort_key(self, column: LedgerColumn) -> _SortKey:
        def blank_as_none(text: str) -> str | None:
            return text.casefold() if text else None

        if column == LedgerColumn.DATE:
            return lambda entry: entry.date
        if column == LedgerColumn.TITLE:
            return lambda entry: entry.title.casefold()
        if column == LedgerColumn.KIND:
            return lambda entry: entry.kind.label.casefold()
        if column == LedgerColumn.BENEFICIARY:
            return lambda entry: blank_as_none(entry.beneficiary)
        if column == LedgerColumn.PROJECT:
            return lambda entry: blank_as_none(entry.project)
        if column == LedgerColumn.HOURS:
            return lambda entry: entry.hours
        if column == LedgerColumn.DIFFICULTY:

            def score(entry: Contribution) -> float | None:
                found = self.difficulty_of(entry)
                return None if found is None else found.score

            return score
        if column == LedgerColumn.EVIDENCE:
            ranks = {strength: strength.rank for strength in EvidenceStrength}
            return lambda entry: ranks[entry.evidence]
        return lambda entry: blank_as_none(", ".join(self.competency_names(entry)))


def _second(pair: tuple[int, Any]) -> Any:
    return pair[1]
