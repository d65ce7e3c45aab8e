"""Qt item models over the coach's advice: the ranked suggestions, the hidden ones, the facts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from careercoach.domain.coach import Suggestion, SuggestionStatus
from careercoach.domain.coach_fact_catalogue import FACTS_BY_NAME
from careercoach.domain.coach_facts import FactValue
from careercoach.domain.coach_rules import format_fact
from careercoach.ui.ladder_models import plain_tooltip

RULE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoachModels", text)


def category_label(category: str) -> str:
    """A rule's category as a heading reads it: "one-on-one" becomes "One-on-one"."""
    return category[:1].upper() + category[1:]


def status_label(status: SuggestionStatus) -> str:
    """What hides a suggestion, as a word: Done, Dismissed, Snoozed (Active when shown)."""
    labels = {
        SuggestionStatus.ACTIVE: _tr("Active"),
        SuggestionStatus.DONE: _tr("Done"),
        SuggestionStatus.DISMISSED: _tr("Dismissed"),
        SuggestionStatus.SNOOZED: _tr("Snoozed"),
    }
    return labels[status]


class SuggestionTableModel(QAbstractTableModel):
    """Suggestions as rows, in the coach's order.

    The shown list has the columns Title, Category and Priority; the hidden list
    (``hidden=True``) has Title, Status and the day each comes back.
    """

    TITLE, CATEGORY, PRIORITY = range(3)
    STATUS, BACK_ON = 1, 2
    COLUMNS = 3

    def __init__(self, parent: QObject | None = None, *, hidden: bool = False) -> None:
        super().__init__(parent)
        self._hidden = hidden
        self._suggestions: tuple[Suggestion, ...] = ()

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        """Replace the rows (ranked as the coach returned them)."""
        self.beginResetModel()
        self._suggestions = tuple(suggestions)
        self.endResetModel()

    def suggestions(self) -> tuple[Suggestion, ...]:
        """Every row's suggestion, in order."""
        return self._suggestions

    def suggestion_at(self, row: int) -> Suggestion | None:
        """The suggestion on ``row``."""
        return self._suggestions[row] if 0 <= row < len(self._suggestions) else None

    def row_of(self, rule_id: str | None) -> int:
        """The row of the suggestion made by ``rule_id``, or -1."""
        return next((row for row, s in enumerate(self._suggestions) if s.rule.id == rule_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._suggestions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = (
                (_tr("Suggestion"), _tr("Status"), _tr("Back On"))
                if self._hidden
                else (_tr("Suggestion"), _tr("Category"), _tr("Priority"))
            )
            return titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.PRIORITY and not self._hidden:
            return _tr("From 1 to 100; higher is shown first")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        suggestion = self.suggestion_at(index.row()) if index.isValid() else None
        if suggestion is None or not 0 <= index.column() < self.COLUMNS:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(suggestion, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return plain_tooltip(f"{suggestion.rule.title}\n\n{suggestion.message}")
        if role == RULE_ID_ROLE:
            return suggestion.rule.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PRIORITY:
            return None if self._hidden else _RIGHT
        return None

    def _display(self, suggestion: Suggestion, column: int) -> str:
        rule = suggestion.rule
        if column == self.TITLE:
            return rule.title
        if self._hidden:
            if column == self.STATUS:
                return status_label(suggestion.status)
            until = suggestion.hidden_until
            return until.isoformat() if until is not None else ""
        if column == self.CATEGORY:
            return category_label(rule.category)
        return str(rule.priority)


class FactTableModel(QAbstractTableModel):
    """The facts that made a suggestion fire, with their values; the tooltip defines each."""

    NAME, VALUE = range(2)
    COLUMNS = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._facts: tuple[tuple[str, FactValue], ...] = ()

    def set_facts(self, facts: Sequence[tuple[str, FactValue]]) -> None:
        """Replace the listed facts."""
        self.beginResetModel()
        self._facts = tuple(facts)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._facts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("Fact"), _tr("Value"))[section] if 0 <= section < self.COLUMNS else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._facts):
            return None
        if not 0 <= index.column() < self.COLUMNS:
            return None
        name, value = self._facts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name if index.column() == self.NAME else format_fact(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            spec = FACTS_BY_NAME.get(name)
            definition = spec.definition if spec is not None else _tr("Not in the catalogue.")
            return plain_tooltip(f"{name}: {definition}")
        return None
