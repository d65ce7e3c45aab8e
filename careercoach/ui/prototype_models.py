"""Qt item models over prototypes: the list, one prototype's stage history, its competencies."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from careercoach.domain.ladder import Competency
from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange
from careercoach.ui.form_helpers import hours_text
from careercoach.ui.ladder_models import plain_tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PROTOTYPE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COMPETENCY_ID_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def stage_label(stage: Stage) -> str:
    """The stage as the user reads it, translated."""
    labels = {
        Stage.IDEA: QCoreApplication.translate("Stage", "Idea"),
        Stage.VALIDATING: QCoreApplication.translate("Stage", "Validating"),
        Stage.BUILDING: QCoreApplication.translate("Stage", "Building"),
        Stage.DEMO: QCoreApplication.translate("Stage", "Demo"),
        Stage.ADOPTED: QCoreApplication.translate("Stage", "Adopted"),
        Stage.SHELVED: QCoreApplication.translate("Stage", "Shelved"),
    }
    return labels[stage]


def shelve_reason_label(reason: ShelveReason) -> str:
    """Why a prototype was shelved, as the user reads it, translated."""
    labels = {
        ShelveReason.NO_APPETITE: QCoreApplication.translate(
            "ShelveReason", "No appetite in the organisation"
        ),
        ShelveReason.NOT_FEASIBLE: QCoreApplication.translate("ShelveReason", "Did not work out"),
        ShelveReason.SUPERSEDED: QCoreApplication.translate(
            "ShelveReason", "Superseded by other work"
        ),
        ShelveReason.NO_TIME: QCoreApplication.translate("ShelveReason", "No time to continue"),
        ShelveReason.OTHER: QCoreApplication.translate("ShelveReason", "Other reason"),
    }
    return labels[reason]


def change_reason_text(change: StageChange) -> str:
    """A stage change's reason: why it was shelved (when said), then the free text."""
    if change.shelved_because is None:
        return change.reason
    label = shelve_reason_label(change.shelved_because)
    if not change.reason:
        return label
    return QCoreApplication.translate("ShelveReason", "{reason}: {details}").format(
        reason=label, details=change.reason
    )


class PrototypeTableModel(QAbstractTableModel):
    """Every prototype as a row: title, stage, since, started, consulted, hours, dataset."""

    TITLE, STAGE, SINCE, STARTED, CONSULTED, HOURS, DATASET = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prototypes: list[Prototype] = []

    def set_prototypes(self, prototypes: Sequence[Prototype]) -> None:
        """Replace the listed prototypes."""
        self.beginResetModel()
        self._prototypes = list(prototypes)
        self.endResetModel()

    def prototypes(self) -> tuple[Prototype, ...]:
        """Every listed prototype, in model order."""
        return tuple(self._prototypes)

    def prototype_at(self, row: int) -> Prototype | None:
        """The prototype on ``row``."""
        return self._prototypes[row] if 0 <= row < len(self._prototypes) else None

    def row_of(self, prototype_id: int | None) -> int:
        """The row showing the prototype with ``prototype_id``, or -1."""
        if prototype_id is None:
            return -1
        return next((i for i, p in enumerate(self._prototypes) if p.id == prototype_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._prototypes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 7

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        prototype = self.prototype_at(index.row()) if index.isValid() else None
        if prototype is None or not 0 <= index.column() < 7:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(prototype, column)
        if role == SORT_ROLE:
            return self._sort_key(prototype, column)
        if role == PROTOTYPE_ID_ROLE:
            return prototype.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.CONSULTED, self.HOURS):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE and prototype.pitch:
            return plain_tooltip(prototype.pitch)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STAGE:
            why = change_reason_text(prototype.history[-1])
            return plain_tooltip(why) if prototype.stage is Stage.SHELVED and why else None
        return None

    def _display(self, prototype: Prototype, column: int) -> str:
        values = {
            self.TITLE: prototype.title,
            self.STAGE: stage_label(prototype.stage),
            self.SINCE: prototype.stage_since.isoformat(),
            self.STARTED: prototype.started.isoformat(),
            self.CONSULTED: str(prototype.consulted_count),
            self.HOURS: hours_text(prototype.hours),
            self.DATASET: prototype.dataset.name,
        }
        return values[column]

    def _sort_key(self, prototype: Prototype, column: int) -> object:
        if column == self.STAGE:
            return list(Stage).index(prototype.stage)
        if column == self.CONSULTED:
            return prototype.consulted_count
        if column == self.HOURS:
            return -1.0 if prototype.hours is None else prototype.hours
        if column in (self.TITLE, self.DATASET):
            return self._display(prototype, column).casefold()
        return self._display(prototype, column)  # ISO dates sort as text

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 7:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Title"),
                self.tr("Stage"),
                self.tr("Since"),
                self.tr("Started"),
                self.tr("Consulted"),
                self.tr("Hours"),
                self.tr("Dataset"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("What the prototype is called"),
                self.tr("Where it is now"),
                self.tr("When it entered its current stage"),
                self.tr("When it started"),
                self.tr("How many people you talked to about it"),
                self.tr("Hours spent on it"),
                self.tr("The data it is built on"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (self.CONSULTED, self.HOURS):
            return _RIGHT
        return None


class StageHistoryModel(QAbstractTableModel):
    """One prototype's stage changes, oldest first: stage, date, reason."""

    STAGE, DATE, REASON = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: tuple[StageChange, ...] = ()

    def set_history(self, history: Sequence[StageChange]) -> None:
        """Show ``history`` (empty for no prototype)."""
        self.beginResetModel()
        self._history = tuple(history)
        self.endResetModel()

    def history(self) -> tuple[StageChange, ...]:
        """The changes shown."""
        return self._history

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._history)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._history):
            return None
        change = self._history[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STAGE:
                return stage_label(change.stage)
            if column == self.DATE:
                return change.date.isoformat()
            if column == self.REASON:
                return change_reason_text(change).replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            why = change_reason_text(change)
            return plain_tooltip(why) if why else None
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < 3:
            return None
        return (self.tr("Stage"), self.tr("Date"), self.tr("Reason"))[section]


class CompetencyChoiceModel(QAbstractListModel):
    """The ladder's competencies as a checkable list; checked ids unknown to it are kept."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []  # id, name, category
        self._checked: set[str] = set()

    def set_choices(self, competencies: Sequence[Competency], checked: Sequence[str]) -> None:
        """List ``competencies`` then any ``checked`` id they lack; check ``checked``."""
        self.beginResetModel()
        known = {competency.id for competency in competencies}
        self._rows = [(c.id, c.name, c.category) for c in competencies]
        self._rows += [(cid, "", "") for cid in dict.fromkeys(checked) if cid not in known]
        self._checked = set(checked)
        self.endResetModel()

    def checked_ids(self) -> tuple[str, ...]:
        """The checked competency ids, in list order."""
        return tuple(row[0] for row in self._rows if row[0] in self._checked)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        competency_id, name, category = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name or self.tr("{id} (not in your ladder)").format(id=competency_id)
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = competency_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(category or competency_id)
        if role == COMPETENCY_ID_ROLE:
            return competency_id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        competency_id = self._rows[index.row()][0]
        state = value.value if isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked.value:
            self._checked.add(competency_id)
        else:
            self._checked.discard(competency_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
