"""Qt item models over ladders: the list of ladders and one ladder's level-by-competency grid."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from careercoach.domain.ladder import Competency, Expectation, Ladder, Level
from careercoach.domain.ladder_catalog import LadderSummary

LADDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EXPECTATION_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex

# Header views do not wrap text: long titles are broken onto lines of about this many
# characters, so six levels fit side by side without a horizontal scroll bar.
LEVEL_HEADER_WIDTH = 16
COMPETENCY_HEADER_WIDTH = 22


def plain_tooltip(text: str) -> str:
    """``text`` shown as written: Qt would render text from a ladder file that looks like HTML."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def _wrapped(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


class LadderListModel(QAbstractListModel):
    """The ladders the user can choose, built-ins first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._summaries: list[LadderSummary] = []

    def set_summaries(self, summaries: Sequence[LadderSummary]) -> None:
        """Replace the listed ladders."""
        self.beginResetModel()
        self._summaries = list(summaries)
        self.endResetModel()

    def summaries(self) -> tuple[LadderSummary, ...]:
        """Every listed ladder, in order."""
        return tuple(self._summaries)

    def summary_at(self, row: int) -> LadderSummary | None:
        """The ladder shown on ``row``."""
        return self._summaries[row] if 0 <= row < len(self._summaries) else None

    def row_of(self, ladder_id: str) -> int:
        """The row showing ``ladder_id``, or -1."""
        return next((i for i, s in enumerate(self._summaries) if s.id == ladder_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._summaries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        summary = self.summary_at(index.row()) if index.isValid() else None
        if summary is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.name
        if role == Qt.ItemDataRole.ToolTipRole:
            origin = self.tr("built-in") if summary.builtin else self.tr("imported")
            return plain_tooltip(
                self.tr("{name}, version {version} ({origin})").format(
                    name=summary.name, version=summary.version, origin=origin
                )
            )
        if role == LADDER_ID_ROLE:
            return summary.id
        return None


class LadderGridModel(QAbstractTableModel):
    """One ladder as a table: a row per competency, a column per level."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ladder: Ladder | None = None

    @property
    def ladder(self) -> Ladder | None:
        """The ladder shown."""
        return self._ladder

    def set_ladder(self, ladder: Ladder | None) -> None:
        """Show ``ladder`` (or nothing)."""
        self.beginResetModel()
        self._ladder = ladder
        self.endResetModel()

    def cell(self, index: _Index) -> tuple[Competency, Level, Expectation] | None:
        """The competency, level and expectation behind ``index``."""
        if self._ladder is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(self._ladder.competencies)):
            return None
        if not (0 <= index.column() < len(self._ladder.levels)):
            return None
        competency = self._ladder.competencies[index.row()]
        level = self._ladder.levels[index.column()]
        return competency, level, competency.expectation(level.id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._ladder is None:
            return 0
        return len(self._ladder.competencies)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._ladder is None:
            return 0
        return len(self._ladder.levels)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        cell = self.cell(index)
        if cell is None:
            return None
        competency, level, expectation = cell
        if role == Qt.ItemDataRole.DisplayRole:
            if expectation.is_empty:
                return self.tr("Not expected at this level")
            return expectation.summary or self.tr("See signals")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                self.tr("{competency} at {level}").format(
                    competency=competency.name, level=level.title
                )
            )
        if role == Qt.ItemDataRole.ForegroundRole and expectation.is_empty:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.FontRole and expectation.is_empty:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == EXPECTATION_ROLE:
            return expectation
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if self._ladder is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._ladder.levels):
                return None
            level = self._ladder.levels[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _wrapped(level.title, LEVEL_HEADER_WIDTH)
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(level.summary or level.title)
            return None
        if not 0 <= section < len(self._ladder.competencies):
            return None
        competency = self._ladder.competencies[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _wrapped(competency.name, COMPETENCY_HEADER_WIDTH)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                "\n".join(filter(None, (competency.category, competency.description)))
            )
        return None
