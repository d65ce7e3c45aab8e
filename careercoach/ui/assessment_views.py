"""How assessments read and draw: estimate and gaps as text, radar and trend data, comparison."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.assessment_result import Move, level_title
from careercoach.export.charts import RadarChart, RadarSeries, TrendChart, TrendPoint
from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.assessment_models import (
    MoveTableModel,
    finished_label,
    ladder_label,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AssessmentViews", text)


def report_heading(report: AssessmentReport) -> str:
    """One line naming the assessment: "Senior Data Scientist — finished 2025-06-30"."""
    return _tr("{estimate} — finished {date}").format(
        estimate=report.result.estimate.label, date=finished_label(report)
    )


def report_explanation(report: AssessmentReport) -> str:
    """How the estimate was reached, in plain words (plain text, several lines)."""
    estimate = report.result.estimate
    target = level_title(report.ladder, report.assessment.target_level_id)
    lines = [
        _tr("{ladder}, target {target}, looking back on {start} to {end}.").format(
            ladder=ladder_label(report),
            target=target,
            start=report.assessment.period_start.isoformat(),
            end=report.assessment.period_end.isoformat(),
        ),
        _tr("Policy: {policy}.").format(policy=estimate.policy),
        estimate.detail,
    ]
    return "\n".join(line for line in lines if line)


def gaps_html(report: AssessmentReport) -> str:
    """The competencies below target with what the target level asks; user text is escaped."""
    gaps = report.result.gaps
    target = level_title(report.ladder, report.assessment.target_level_id)
    if not gaps:
        return "<p>{}</p>".format(
            escape(
                _tr("Every competency is rated at {target} or above. No gaps to close.").format(
                    target=target
                )
            )
        )
    intro = (
        _tr("1 competency is below {target}.")
        if len(gaps) == 1
        else _tr("{count} competencies are below {target}.")
    ).format(count=len(gaps), target=target)
    parts = [f"<p>{escape(intro)}</p>"]
    for gap in gaps:
        short = (
            _tr("1 level short")
            if gap.steps == 1
            else _tr("{steps} levels short").format(steps=gap.steps)
        )
        status = _tr("Rated {rated}; target {target}: {short}.").format(
            rated=level_title(report.ladder, gap.rated_level_id), target=target, short=short
        )
        parts.append(f"<h4>{escape(gap.competency_name)}</h4><p>{escape(status)}</p>")
        summary = gap.expectation.summary or _tr("The ladder says nothing for this level.")
        asks = _tr("What {target} asks:").format(target=target)
        parts.append(f"<p><i>{escape(asks)}</i> {escape(summary)}</p>")
        if gap.evidence or gap.prototypes:
            titles = "; ".join(
                [entry.title for entry in gap.evidence] + [p.title for p in gap.prototypes]
            )
            evidence = _tr("Evidence attached: {titles}").format(titles=titles)
        else:
            evidence = _tr("No evidence attached yet.")
        parts.append(f"<p>{escape(evidence)}</p>")
    return "".join(parts)


def comparison_summary(moves: Sequence[Move]) -> str:
    """What moved, up or down, in one or two sentences (plain text)."""
    up = [move for move in moves if move.steps > 0]
    down = [move for move in moves if move.steps < 0]
    same = len(moves) - len(up) - len(down)
    lines = [
        _tr("{up} moved up, {down} moved down, {same} stayed the same.").format(
            up=len(up), down=len(down), same=same
        )
    ]
    if up:
        names = ", ".join(move.competency_name for move in up)
        lines.append(_tr("▲ Up: {names}.").format(names=names))
    if down:
        names = ", ".join(move.competency_name for move in down)
        lines.append(_tr("▼ Down: {names}.").format(names=names))
    return "\n".join(lines)


def _positions(
    report: AssessmentReport, competency_ids: Sequence[str]
) -> tuple[float | None, ...]:
    """The rated level position of each competency in the report's own ladder (None: unrated)."""
    levels = report.assessment.levels()
    ladder = report.ladder
    positions: list[float | None] = []
    for competency_id in competency_ids:
        index = ladder.level_index(levels.get(competency_id, ""))
        positions.append(float(index) if index >= 0 else None)
    return tuple(positions)


def radar_chart(reports: Sequence[AssessmentReport], row: int) -> RadarChart | None:
    """The radar of ``reports[row]``: now, the assessment before it and the target.

    ``reports`` are latest first; "before" is the next older one on the same ladder.
    Axes are the competencies of the selected assessment's ladder, rings its levels.
    """
    if not 0 <= row < len(reports):
        return None
    current = reports[row]
    ladder = current.ladder
    ids = [competency.id for competency in ladder.competencies]
    series = [
        RadarSeries(
            _tr("Now ({date})").format(date=finished_label(current)),
            _positions(current, ids),
            "current",
        )
    ]
    previous = next((r for r in reports[row + 1 :] if r.ladder.id == ladder.id), None)
    if previous is not None:
        series.append(
            RadarSeries(
                _tr("Before ({date})").format(date=finished_label(previous)),
                _positions(previous, ids),
                "previous",
            )
        )
    target_index = ladder.level_index(current.assessment.target_level_id)
    if target_index >= 0:
        target = level_title(ladder, current.assessment.target_level_id)
        series.append(
            RadarSeries(
                _tr("Target: {level}").format(level=target),
                tuple(float(target_index) for _ in ids),
                "target",
            )
        )
    return RadarChart(
        axes=tuple(competency.name for competency in ladder.competencies),
        levels=tuple(level.title for level in ladder.levels),
        series=tuple(series),
        empty_text=_tr("The ladder has no competencies"),
    )


def overall_series_name() -> str:
    """The name of the trend line of the overall estimate."""
    return _tr("Overall estimate")


def trend_chart(reports: Sequence[AssessmentReport], ladder_id: str) -> TrendChart | None:
    """The overall estimate and each category's average level over time, on one ladder.

    Only assessments on ``ladder_id`` count (positions on other ladders do not compare);
    the levels and categories are those of the latest of them.
    """
    on_ladder = [r for r in reports if r.ladder.id == ladder_id]
    if not on_ladder:
        return None
    ladder = on_ladder[0].ladder
    overall = overall_series_name()
    uncategorised = _tr("Other competencies")
    categories = [category or uncategorised for category in ladder.categories]
    points: list[TrendPoint] = []
    for report in reversed(on_ladder):
        finished = report.assessment.finished_on
        if finished is None:
            continue
        estimate = report.result.estimate.level_id
        index = report.ladder.level_index(estimate) if estimate is not None else -1
        values: dict[str, float | None] = {overall: float(index) if index >= 0 else None}
        for category, name in zip(ladder.categories, categories, strict=True):
            ids = [c.id for c in report.ladder.competencies if c.category == category]
            rated = [p for p in _positions(report, ids) if p is not None]
            values[name] = statistics.fmean(rated) if rated else None
        points.append(TrendPoint(finished, values))
    return TrendChart(
        series_names=(overall, *categories),
        points=tuple(points),
        levels=tuple(level.title for level in ladder.levels),
        title=_tr("Over time: overall and average per category"),
        empty_text=_tr("No assessments yet"),
    )


class CompareDialog(QDialog):
    """Pick two assessments and see, per competency, what moved between them.

    The dialog asks for the moves with ``pair_chosen`` (before id, after id) whenever the
    pair changes; whoever listens answers with ``show_moves``.
    """

    pair_chosen = Signal(int, int)

    def __init__(
        self,
        reports: Sequence[AssessmentReport],
        before_id: int | None,
        after_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare Assessments"))
        self._reports = {r.assessment.id: r for r in reports if r.assessment.id is not None}
        self.before_combo = QComboBox(self)
        self.after_combo = QComboBox(self)
        for combo in (self.before_combo, self.after_combo):
            for report in reports:
                combo.addItem(
                    self.tr("{date} — {estimate}").format(
                        date=finished_label(report), estimate=report.result.estimate.label
                    ),
                    report.assessment.id,
                )
        self._select(self.before_combo, before_id)
        self._select(self.after_combo, after_id)
        self.before_combo.setAccessibleName(self.tr("Before"))
        self.after_combo.setAccessibleName(self.tr("After"))

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("comparisonSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # competency names are data
        self.summary_label.setWordWrap(True)
        # Room for the counts and both lists of names, so the table keeps its rows in view.
        self.summary_label.setMinimumHeight(self.summary_label.fontMetrics().lineSpacing() * 4)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.model = MoveTableModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("What moved"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MoveTableModel.COMPETENCY, QHeaderView.ResizeMode.Stretch)
        # Every competency in view without scrolling (up to a screenful).
        rows = min(max((len(r.ladder.competencies) for r in reports), default=0), 16)
        self.table.setMinimumHeight(
            header.sizeHint().height()
            + self.table.verticalHeader().defaultSectionSize() * rows
            + 2 * self.table.frameWidth()
        )

        form = QFormLayout()
        form.addRow(self.tr("&Before:"), self.before_combo)
        form.addRow(self.tr("&After:"), self.after_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.sizeHint().height())

        self.before_combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        self.after_combo.currentIndexChanged.connect(self._on_combo_current_index_changed)

    def chosen_pair(self) -> tuple[int, int] | None:
        """The (before id, after id) chosen; None when both name the same assessment."""
        before, after = self.before_combo.currentData(), self.after_combo.currentData()
        if not isinstance(before, int) or not isinstance(after, int) or before == after:
            return None
        return before, after

    def request_moves(self) -> None:
        """Ask for the moves of the chosen pair (or explain why there are none)."""
        pair = self.chosen_pair()
        self.model.set_moves(())
        if pair is None:
            self.summary_label.setText(self.tr("Pick two different assessments to compare."))
            return
        self.summary_label.setText(self.tr("Comparing…"))
        self.pair_chosen.emit(*pair)

    def show_moves(self, before_id: int, after_id: int, moves: Sequence[Move]) -> None:
        """Show ``moves`` if they are still those of the chosen pair."""
        if self.chosen_pair() != (before_id, after_id):
            return  # the user picked another pair meanwhile
        before, after = self._reports.get(before_id), self._reports.get(after_id)
        self.model.set_moves(
            moves, before.ladder if before else None, after.ladder if after else None
        )
        dates = self.tr("From {before} to {after}:").format(
            before=finished_label(before) if before else "",
            after=finished_label(after) if after else "",
        )
        self.summary_label.setText(f"{dates} {comparison_summary(moves)}")

    def _select(self, combo: QComboBox, assessment_id: int | None) -> None:
        index = combo.findData(assessment_id)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self.request_moves()
