"""Qt item models of the assessment wizard: the evidence to attach and the review of answers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from careercoach.ui.assessment_wizard_state import EvidenceItem, EvidenceKind
from careercoach.ui.ladder_models import plain_tooltip

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_EvidenceKey = tuple[EvidenceKind, int]


class EvidenceTableModel(QAbstractTableModel):
    """Ledger entries and prototypes offered for one rating; a row's check attaches it.

    The rows suggested for the competency come first and say so in the last column.
    """

    TITLE, DATE, TYPE, STRENGTH, SUGGESTED = range(5)

    attachments_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[EvidenceItem] = []
        self._suggested: set[_EvidenceKey] = set()
        self._attached: dict[_EvidenceKey, None] = {}  # ordered: in the order attached

    def set_items(
        self,
        items: Sequence[EvidenceItem],
        suggested: Iterable[_EvidenceKey],
        attached: Iterable[_EvidenceKey],
    ) -> None:
        """Offer ``items`` in this order; ``attached`` keys start checked (unknown ones kept)."""
        self.beginResetModel()
        self._items = list(items)
        self._suggested = set(suggested)
        self._attached = dict.fromkeys(attached)
        self.endResetModel()
        self.attachments_changed.emit()

    def item_at(self, row: int) -> EvidenceItem | None:
        """The item shown on ``row``."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def attached_items(self) -> tuple[EvidenceItem, ...]:
        """The attached items that still exist, in the order they were attached."""
        by_key = {item.key: item for item in self._items}
        return tuple(by_key[key] for key in self._attached if key in by_key)

    def attached_ids(self, kind: EvidenceKind) -> tuple[int, ...]:
        """Ids of the attached items of ``kind``, including ones no longer offered."""
        return tuple(item_id for item_kind, item_id in self._attached if item_kind is kind)

    def is_attached(self, row: int) -> bool:
        """True when the item on ``row`` is attached."""
        item = self.item_at(row)
        return item is not None and item.key in self._attached

    def set_attached(self, row: int, attached: bool) -> None:
        """Attach or detach the item on ``row``."""
        item = self.item_at(row)
        if item is None or attached == (item.key in self._attached):
            return
        if attached:
            self._attached[item.key] = None
        else:
            del self._attached[item.key]
        self.dataChanged.emit(
            self.index(row, 0),
            self.index(row, self.columnCount() - 1),
            [Qt.ItemDataRole.CheckStateRole],
        )
        self.attachments_changed.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 5

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.TITLE:
            attached = item.key in self._attached
            return Qt.CheckState.Checked if attached else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.TYPE):
            return plain_tooltip(self._display(item, column))  # both may be elided
        if role == SEARCH_ROLE:
            return item.search_text
        return None

    def _display(self, item: EvidenceItem, column: int) -> str:
        if column == self.TITLE:
            return item.title
        if column == self.DATE:
            return item.date.isoformat()
        if column == self.TYPE:
            return item.type_label
        if column == self.STRENGTH:
            return item.strength.label
        return self.tr("Suggested") if item.key in self._suggested else ""

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if index.column() != self.TITLE:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.set_attached(index.row(), checked)
        return True

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Work"),
            self.tr("Date"),
            self.tr("Type"),
            self.tr("Strength"),
            self.tr("Match"),
        )
        return titles[section] if 0 <= section < len(titles) else None


@dataclass(frozen=True)
class ReviewRow:
    """One competency's answers as the review page lists them."""

    page_id: int
    competency: str
    level: str | None
    confidence: str
    evidence_count: int
    strength: str | None
    unsupported: bool


class ReviewTableModel(QAbstractTableModel):
    """Every competency's chosen level, confidence, evidence and flag, in page order."""

    COMPETENCY, LEVEL, CONFIDENCE, EVIDENCE, FLAG = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewRow] = []

    def set_rows(self, rows: Sequence[ReviewRow]) -> None:
        """Replace the listed answers."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ReviewRow | None:
        """The answers shown on ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 5

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == PAGE_ID_ROLE:
            return row.page_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COMPETENCY:
            return plain_tooltip(row.competency)
        return None

    def _display(self, row: ReviewRow, column: int) -> str:
        if column == self.COMPETENCY:
            return row.competency
        if column == self.LEVEL:
            return row.level if row.level is not None else self.tr("Not rated yet")
        if column == self.CONFIDENCE:
            return row.confidence if row.level is not None else ""
        if column == self.EVIDENCE:
            if row.evidence_count == 0:
                return self.tr("None")
            return self.tr("{count} ({strength})").format(
                count=row.evidence_count, strength=row.strength or self.tr("none left")
            )
        return self.tr("No evidence yet") if row.unsupported else ""

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Competency"),
            self.tr("Level consistently met"),
            self.tr("Confidence"),
            self.tr("Evidence"),
            self.tr("Flag"),
        )
        return titles[section] if 0 <= section < len(titles) else None
