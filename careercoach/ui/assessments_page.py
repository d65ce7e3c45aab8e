"""The Assessments page: finished self-assessments, the selected one's result, radar and trend."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.assessment_models import AssessmentListModel, RatingTableModel
from careercoach.ui.assessment_views import (
    gaps_html,
    radar_chart,
    report_explanation,
    report_heading,
    trend_chart,
)
from careercoach.ui.chart_widgets import RadarChartWidget, TrendChartWidget
from careercoach.ui.form_helpers import empty_state_label

LIST_ROWS = 5
CHART_MIN_LINES = 9


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class AssessmentsPage(QWidget):
    """Lists finished assessments and shows the selected one; the buttons ask the flow to act."""

    new_requested = Signal()
    compare_requested = Signal()
    delete_requested = Signal(object)  # AssessmentReport

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editing_enabled = False
        self.model = AssessmentListModel(self)
        self.ratings_model = RatingTableModel(self)

        self.new_button = QPushButton(self.tr("&New Assessment…"), self)
        self.compare_button = QPushButton(self.tr("Co&mpare…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.new_button.setToolTip(self.tr("Rate yourself against your ladder, step by step"))
        self.compare_button.setToolTip(self.tr("See what moved, up or down, between two"))
        self.new_button.clicked.connect(self.new_requested)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.compare_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.table = _table(self, self.tr("Assessments"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(
            AssessmentListModel.LADDER, QHeaderView.ResizeMode.Stretch
        )
        delete_action = QAction(self.tr("Delete"), self.table)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self._on_delete_button_clicked)
        self.table.addAction(delete_action)

        self.heading_label = QLabel(self)
        self.heading_label.setTextFormat(Qt.TextFormat.PlainText)
        self.heading_label.setWordWrap(True)
        heading_font = self.heading_label.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading_label.setFont(heading_font)
        self.estimate_label = QLabel(self)
        self.estimate_label.setTextFormat(Qt.TextFormat.PlainText)  # ladder text is data
        self.estimate_label.setWordWrap(True)
        self.estimate_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.radar = RadarChartWidget(self)
        self.radar.setAccessibleName(self.tr("Radar: now, before and target"))
        self.trend = TrendChartWidget(self)
        self.trend.setAccessibleName(self.tr("Trend over time"))
        # The charts shrink with a small window rather than hold the whole window's height.
        for chart in (self.radar, self.trend):
            chart.setMinimumHeight(self.fontMetrics().height() * CHART_MIN_LINES)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.radar)
        charts.addWidget(self.trend)
        charts.setChildrenCollapsible(False)
        charts.setStretchFactor(0, 6)  # the radar's labels need the room more than the trend's
        charts.setStretchFactor(1, 5)
        self.ratings_view = _table(self, self.tr("Ratings"))
        self.ratings_view.setModel(self.ratings_model)
        self.ratings_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.ratings_view.horizontalHeader().setSectionResizeMode(
            RatingTableModel.COMPETENCY, QHeaderView.ResizeMode.Stretch
        )
        self.gaps_view = QTextBrowser(self)
        self.gaps_view.setAccessibleName(self.tr("Gaps to target"))
        self.gaps_view.setOpenLinks(False)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(charts, self.tr("Radar and Trend"))
        self.tabs.addTab(self.ratings_view, self.tr("Ratings"))
        self.tabs.addTab(self.gaps_view, self.tr("Gaps to Target"))

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading_label)
        detail_layout.addWidget(self.estimate_label)
        detail_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        # The list shows about five assessments; the result below gets the rest.
        list_height = (
            self.table.horizontalHeader().sizeHint().height()
            + self.table.verticalHeader().defaultSectionSize() * LIST_ROWS
            + 2 * self.table.frameWidth()
        )
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([list_height, list_height * 4])
        self.splitter.setChildrenCollapsible(False)

        self.empty_label = empty_state_label(
            self,
            self.tr(
                "No assessments yet. Start one to see where you stand: rate each competency "
                "of your ladder, cite the work that shows it, and get a level estimate and "
                "the gaps to your target.\n\nNew Assessment… above, or File → Assess Yourself… "
                "(Ctrl+Shift+A), walks you through it."
            ),
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)

        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._show_current()
        self._update_buttons()

    # -- called by the flow ---------------------------------------------------------------

    def set_reports(self, reports: Sequence[AssessmentReport], select_id: int | None) -> None:
        """List ``reports`` (latest first) and select ``select_id`` (else the latest)."""
        self.model.set_reports(reports)
        self.stack.setCurrentWidget(self.splitter if reports else self.empty_label)
        row = self.model.row_of(select_id)
        if row < 0 and reports:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_current()
        self._update_buttons()

    def set_editing_enabled(self, enabled: bool) -> None:
        """Assessing and deleting need the database: off until it is open."""
        self._editing_enabled = enabled
        self._update_buttons()

    def current_report(self) -> AssessmentReport | None:
        """The selected assessment."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.report_at(rows[0].row()) if rows else None

    def previous_report(self) -> AssessmentReport | None:
        """The assessment finished before the selected one (the next row down)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.report_at(rows[0].row() + 1) if rows else None

    # -- details --------------------------------------------------------------------------

    def _show_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        report = self.model.report_at(row)
        self.ratings_model.set_report(report)
        reports = self.model.reports()
        if report is None:
            self.heading_label.setText(self.tr("Select an assessment to see its result."))
            self.estimate_label.clear()
            self.gaps_view.clear()
            self.radar.set_chart(None)
            self.trend.set_chart(None)
            self.tabs.setTabText(2, self.tr("Gaps to Target"))
            return
        self.heading_label.setText(report_heading(report))
        self.estimate_label.setText(report_explanation(report))
        self.gaps_view.setHtml(gaps_html(report))
        self.tabs.setTabText(
            2, self.tr("Gaps to Target ({count})").format(count=len(report.result.gaps))
        )
        self.radar.set_chart(radar_chart(reports, row))
        self.trend.set_chart(trend_chart(reports, report.ladder.id))

    # -- slots ----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_current = self.current_report() is not None
        self.new_button.setEnabled(self._editing_enabled)
        self.delete_button.setEnabled(self._editing_enabled and has_current)
        self.compare_button.setEnabled(self._editing_enabled and self.model.rowCount() >= 2)

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_current()
        self._update_buttons()

    def _on_compare_button_clicked(self) -> None:
        if self._editing_enabled and self.model.rowCount() >= 2:
            self.compare_requested.emit()

    def _on_delete_button_clicked(self) -> None:
        current = self.current_report()
        if current is not None and self._editing_enabled:
            self.delete_requested.emit(current)
