"""Qt item models over finished assessments: the list, one assessment's ratings, a comparison."""

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
from PySide6.QtGui import QBrush, QColor

from careercoach.domain.assessment_result import CompetencyStatus, Move, level_title
from careercoach.domain.ladder import Ladder
from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.ladder_models import plain_tooltip

ASSESSMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
# Mid-tone green and red that read on light and dark palettes alike.
_UP_COLOR = "#2e9b5f"
_DOWN_COLOR = "#d9534f"


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def ladder_label(report: AssessmentReport) -> str:
    """The ladder an assessment used, with the version it pinned: "Data Science IC 1.0"."""
    return _tr("AssessmentListModel", "{name} {version}").format(
        name=report.ladder.name, version=report.assessment.ladder_version
    )


def period_label(report: AssessmentReport) -> str:
    """The period an assessment looked back on, as "2025-01-01 to 2025-03-31"."""
    assessment = report.assessment
    return _tr("AssessmentListModel", "{start} to {end}").format(
        start=assessment.period_start.isoformat(), end=assessment.period_end.isoformat()
    )


def finished_label(report: AssessmentReport) -> str:
    """The day an assessment was finished, as YYYY-MM-DD."""
    finished = report.assessment.finished_on
    return finished.isoformat() if finished is not None else ""


def move_label(steps: int) -> str:
    """A move as "▲ 1 level", "▼ 2 levels" or "= same"."""
    if steps == 0:
        return _tr("MoveTableModel", "= same")
    arrow = "▲" if steps > 0 else "▼"
    text = (
        _tr("MoveTableModel", "{arrow} 1 level")
        if abs(steps) == 1
        else _tr("MoveTableModel", "{arrow} {steps} levels")
    )
    return text.format(arrow=arrow, steps=abs(steps))


class AssessmentListModel(QAbstractTableModel):
    """Every finished assessment as a row, the latest first."""

    FINISHED, PERIOD, LADDER, ESTIMATE, TARGET, BELOW_TARGET = range(6)
    COLUMNS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reports: tuple[AssessmentReport, ...] = ()

    def set_reports(self, reports: Sequence[AssessmentReport]) -> None:
        """Replace the listed assessments (latest first, as the service returns them)."""
        self.beginResetModel()
        self._reports = tuple(reports)
        self.endResetModel()

    def reports(self) -> tuple[AssessmentReport, ...]:
        """Every listed assessment, in model order."""
        return self._reports

    def report_at(self, row: int) -> AssessmentReport | None:
        """The assessment on ``row``."""
        return self._reports[row] if 0 <= row < len(self._reports) else None

    def row_of(self, assessment_id: int | None) -> int:
        """The row showing the assessment with ``assessment_id``, or -1."""
        if assessment_id is None:
            return -1
        return next(
            (i for i, r in enumerate(self._reports) if r.assessment.id == assessment_id), -1
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._reports)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        report = self.report_at(index.row()) if index.isValid() else None
        if report is None or not 0 <= index.column() < self.COLUMNS:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(report, column)
        if role == ASSESSMENT_ID_ROLE:
            return report.assessment.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BELOW_TARGET:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ESTIMATE:
            return plain_tooltip(report.result.estimate.detail)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.BELOW_TARGET:
            names = [gap.competency_name for gap in report.result.gaps]
            return plain_tooltip("\n".join(names)) if names else None
        return None

    def _display(self, report: AssessmentReport, column: int) -> str:
        if column == self.FINISHED:
            return finished_label(report)
        if column == self.PERIOD:
            return period_label(report)
        if column == self.LADDER:
            return ladder_label(report)
        if column == self.ESTIMATE:
            return report.result.estimate.label
        if column == self.TARGET:
            return level_title(report.ladder, report.assessment.target_level_id)
        return str(len(report.result.gaps))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Finished"),
                self.tr("Period"),
                self.tr("Ladder"),
                self.tr("Estimate"),
                self.tr("Target"),
                self.tr("Below target"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("The day the assessment was finished"),
                self.tr("The work it looked back on"),
                self.tr("The ladder and the version it was made against"),
                self.tr("The overall level the ratings add up to"),
                self.tr("The level aimed for"),
                self.tr("How many competencies are rated below the target"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.BELOW_TARGET:
            return _RIGHT
        return None


class RatingTableModel(QAbstractTableModel):
    """One assessment's competencies: rating, target and the evidence behind each."""

    COMPETENCY, CATEGORY, RATING, TARGET, EVIDENCE, FLAG = range(6)
    COLUMNS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: AssessmentReport | None = None
        self._statuses: tuple[CompetencyStatus, ...] = ()

    def set_report(self, report: AssessmentReport | None) -> None:
        """Show the ratings of ``report`` (none for None)."""
        self.beginResetModel()
        self._report = report
        self._statuses = report.result.statuses if report is not None else ()
        self.endResetModel()

    def status_at(self, row: int) -> CompetencyStatus | None:
        """The competency on ``row``."""
        return self._statuses[row] if 0 <= row < len(self._statuses) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._statuses)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        status = self.status_at(index.row()) if index.isValid() else None
        report = self._report
        if status is None or report is None or not 0 <= index.column() < self.COLUMNS:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(report.ladder, status, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.RATING:
            return self._rating_tooltip(report, status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FLAG and status.unsupported:
            return plain_tooltip(
                self.tr("Rated above the first level with no ledger entry or prototype behind it")
            )
        return None

    def _display(self, ladder: Ladder, status: CompetencyStatus, column: int) -> str:
        if column == self.COMPETENCY:
            return status.competency_name
        if column == self.CATEGORY:
            return status.category
        if column == self.RATING:
            return level_title(ladder, status.level_id)
        if column == self.TARGET:
            return level_title(ladder, status.target_level_id)
        if column == self.EVIDENCE:
            return status.strength.label if status.strength is not None else self.tr("None")
        return self.tr("No evidence yet") if status.unsupported else ""

    def _rating_tooltip(self, report: AssessmentReport, status: CompetencyStatus) -> str | None:
        rating = report.assessment.rating(status.competency_id)
        if rating is None or rating.level_id is None:
            return None
        lines = [self.tr("Confidence: {confidence}").format(confidence=rating.confidence.label)]
        if rating.notes:
            lines.append(rating.notes)
        return plain_tooltip("\n".join(lines))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Competency"),
                self.tr("Category"),
                self.tr("Rating"),
                self.tr("Target"),
                self.tr("Evidence"),
                self.tr("Flag"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("What is rated"),
                self.tr("The group the competency belongs to"),
                self.tr("The level consistently met"),
                self.tr("The level aimed for"),
                self.tr("The strongest evidence attached to the rating"),
                self.tr("What to look at"),
            )[section]
        return None


class MoveTableModel(QAbstractTableModel):
    """How each competency moved between two assessments: before, after and the change."""

    COMPETENCY, BEFORE, AFTER, CHANGE = range(4)
    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._moves: tuple[Move, ...] = ()
        self._before: Ladder | None = None
        self._after: Ladder | None = None

    def set_moves(
        self, moves: Sequence[Move], before: Ladder | None = None, after: Ladder | None = None
    ) -> None:
        """Show ``moves``; level titles come from each side's ladder (ids without one)."""
        self.beginResetModel()
        self._moves = tuple(moves)
        self._before = before
        self._after = after
        self.endResetModel()

    def moves(self) -> tuple[Move, ...]:
        """The moves shown."""
        return self._moves

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._moves)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._moves):
            return None
        move = self._moves[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COMPETENCY:
                return move.competency_name
            if column == self.BEFORE:
                return self._title(self._before, move.before)
            if column == self.AFTER:
                return self._title(self._after, move.after)
            if column == self.CHANGE:
                return move_label(move.steps)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CHANGE:
            return _CENTER
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHANGE and move.steps:
            return QBrush(QColor(_UP_COLOR if move.steps > 0 else _DOWN_COLOR))
        return None

    def _title(self, ladder: Ladder | None, level_id: str | None) -> str:
        if ladder is None:
            return level_id if level_id is not None else self.tr("Not rated")
        return level_title(ladder, level_id)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Competency"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("Change"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.CHANGE:
            return _CENTER
        return None
