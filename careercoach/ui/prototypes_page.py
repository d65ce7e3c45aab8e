"""The Prototypes page: hackathon ideas and side projects, their details and stage timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.prototype import Prototype, Stage
from careercoach.ui.form_helpers import empty_state_label, hours_text
from careercoach.ui.prototype_form import fit_rows, history_table
from careercoach.ui.prototype_models import (
    SORT_ROLE,
    PrototypeTableModel,
    StageHistoryModel,
    change_reason_text,
    stage_label,
)

HERO_HOURS = 20.0  # hours of work after which building alone becomes a warning
HERO_MAX_CONSULTED = 1


def skipped_validation(prototype: Prototype) -> bool:
    """True when it reached building before it was ever validated with people."""
    for change in prototype.history:
        if change.stage is Stage.VALIDATING:
            return False
        if change.stage is Stage.BUILDING:
            return True
    return False


def built_alone(prototype: Prototype) -> bool:
    """True for many hours of work with hardly anyone consulted (hero development)."""
    hours = prototype.hours or 0.0
    return hours >= HERO_HOURS and prototype.consulted_count <= HERO_MAX_CONSULTED


class PrototypesPage(QWidget):
    """Lists prototypes and shows the selected one; the buttons ask the flow to act."""

    new_requested = Signal()
    edit_requested = Signal(object)  # Prototype
    stage_change_requested = Signal(object)  # Prototype
    delete_requested = Signal(object)  # Prototype

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._competency_names: dict[str, str] = {}
        self._editing_enabled = False
        self.model = PrototypeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.history_model = StageHistoryModel(self)

        self.new_button = QPushButton(self.tr("&New Prototype…"), self)
        self.edit_button = QPushButton(self.tr("Ed&it…"), self)
        self.stage_button = QPushButton(self.tr("&Move to Stage…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.new_button.setToolTip(self.tr("Log a hackathon idea or side project"))
        self.stage_button.setToolTip(self.tr("Record that it moved on, with the date"))
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.stage_button.clicked.connect(self._on_stage_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.stage_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Prototypes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PrototypeTableModel.STARTED, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PrototypeTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # The title is what people scan for: the dataset gives way (it is in the details).
        header.setSectionResizeMode(
            PrototypeTableModel.DATASET, QHeaderView.ResizeMode.Interactive
        )
        header.resizeSection(
            PrototypeTableModel.DATASET, self.fontMetrics().averageCharWidth() * 14
        )
        self.table.activated.connect(self._on_table_activated)  # Enter or a double click
        delete_action = QAction(self.tr("Delete"), self.table)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self._on_delete_button_clicked)
        self.table.addAction(delete_action)

        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("prototypeWarning")
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setWordWrap(True)
        self.warning_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning_label.setMargin(6)
        self.warning_label.setStyleSheet(
            "#prototypeWarning { background: rgba(230, 150, 0, 0.18);"
            " border: 1px solid rgba(200, 120, 0, 0.8); border-radius: 4px; }"
        )
        self.warning_label.hide()
        self.detail_view = QTextBrowser(self)
        self.detail_view.setAccessibleName(self.tr("Prototype details"))
        self.detail_view.setOpenLinks(False)  # a click on a demo link must not load it here
        self.timeline_label = QLabel(self.tr("Stage timeline"), self)
        timeline_font = self.timeline_label.font()
        timeline_font.setBold(True)
        self.timeline_label.setFont(timeline_font)
        self.history_view = history_table(self, self.history_model)
        self.history_view.setAccessibleName(self.tr("Stage timeline"))

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title_label)
        detail_layout.addWidget(self.warning_label)
        detail_layout.addWidget(self.detail_view, 1)
        detail_layout.addWidget(self.timeline_label)
        detail_layout.addWidget(self.history_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.empty_label = empty_state_label(
            self,
            self.tr(
                "No prototypes yet. Hackathon ideas and side projects go here: "
                "validate them with people before you build."
            ),
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)

        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._show_details(None)
        self._update_buttons()

    # -- called by the flow ---------------------------------------------------------------

    def set_prototypes(self, prototypes: Sequence[Prototype], select_id: int | None) -> None:
        """List ``prototypes`` and select ``select_id`` (else the first row, if any)."""
        self.model.set_prototypes(prototypes)
        self.stack.setCurrentWidget(self.splitter if prototypes else self.empty_label)
        row = self.model.row_of(select_id)
        if row < 0 and prototypes:
            row = self.proxy.mapToSource(self.proxy.index(0, 0)).row()
        if row >= 0:
            view_index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(view_index.row())
            self.table.scrollTo(view_index)
        self._show_details(self.current_prototype())
        self._update_buttons()

    def set_competency_names(self, names: Mapping[str, str]) -> None:
        """Name competencies by their ladder's names in the details (ids otherwise)."""
        self._competency_names = dict(names)
        self._show_details(self.current_prototype())

    def set_editing_enabled(self, enabled: bool) -> None:
        """Adding and changing needs the database: off until it is open."""
        self._editing_enabled = enabled
        self._update_buttons()

    def current_prototype(self) -> Prototype | None:
        """The selected prototype."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.prototype_at(self.proxy.mapToSource(rows[0]).row())

    # -- details --------------------------------------------------------------------------

    def _show_details(self, prototype: Prototype | None) -> None:
        self.history_model.set_history(prototype.history if prototype else ())
        fit_rows(self.history_view)
        self.timeline_label.setVisible(prototype is not None)
        self.history_view.setVisible(prototype is not None)
        if prototype is None:
            self.title_label.setText(self.tr("Select a prototype to see its details."))
            self.warning_label.hide()
            self.detail_view.clear()
            return
        self.title_label.setText(
            self.tr("{title} — {stage}").format(
                title=prototype.title, stage=stage_label(prototype.stage)
            )
        )
        warnings = self.warnings(prototype)
        self.warning_label.setText("\n".join(f"⚠ {warning}" for warning in warnings))
        self.warning_label.setVisible(bool(warnings))
        self.detail_view.setHtml(self._details_html(prototype))

    def warnings(self, prototype: Prototype) -> list[str]:
        """What the user should see now about how ``prototype`` is going."""
        warnings = []
        if skipped_validation(prototype):
            warnings.append(
                self.tr("Moved to building without validating the idea with people first.")
            )
        if built_alone(prototype):
            warnings.append(
                self.tr(
                    "Built mostly alone: talk to people who would use it before going further."
                )
            )
        return warnings

    def shelved_text(self, prototype: Prototype) -> str:
        """When a shelved prototype was shelved and why, as plain text."""
        shelving = prototype.history[-1]
        why = change_reason_text(shelving)
        if not why:
            return shelving.date.isoformat()
        return self.tr("{date} — {why}").format(date=shelving.date.isoformat(), why=why)

    def _details_html(self, prototype: Prototype) -> str:
        """The details as HTML; every piece of user text is escaped (it is data, not markup)."""
        none = escape(self.tr("—"))

        def row(label: str, value: str) -> str:
            shown = escape(value).replace("\n", "<br>") if value.strip() else none
            return f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{shown}</td></tr>"

        def names(people: Sequence[str]) -> str:
            return ", ".join(people)

        dataset = prototype.dataset
        dataset_text = " · ".join(part for part in (dataset.name, dataset.source) if part)
        if dataset.licence:
            dataset_text += self.tr(" (licence: {licence})").format(licence=dataset.licence)
        consulted = self.tr("{count} people").format(count=prototype.consulted_count)
        if prototype.consulted_count == 1:
            consulted = self.tr("1 person")
        if prototype.people_consulted:
            consulted += ": " + names(prototype.people_consulted)
        hours = hours_text(prototype.hours)
        competencies = [self._competency_names.get(c, c) for c in prototype.competencies]
        rows = [
            row(self.tr("Pitch"), prototype.pitch),
            row(self.tr("Learning goal"), prototype.learning_goal),
            row(self.tr("Dataset"), dataset_text),
            row(self.tr("People consulted"), consulted),
            row(self.tr("Reviewers and testers"), names(prototype.reviewers)),
            row(self.tr("Feedback"), prototype.feedback),
            row(self.tr("Hours"), self.tr("{hours} h").format(hours=hours) if hours else ""),
            row(self.tr("Demo link"), prototype.demo_link),
        ]
        if prototype.stage is Stage.SHELVED:
            rows.append(row(self.tr("Shelved"), self.shelved_text(prototype)))
        rows += [
            row(self.tr("Outcome"), prototype.outcome),
            row(self.tr("Competencies"), ", ".join(competencies)),
        ]
        return "<table cellspacing='4'>" + "".join(rows) + "</table>"

    # -- slots ----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_current = self.current_prototype() is not None
        self.new_button.setEnabled(self._editing_enabled)
        for button in (self.edit_button, self.stage_button, self.delete_button):
            button.setEnabled(self._editing_enabled and has_current)

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        current = self.current_prototype()
        self._show_details(current)
        self._update_buttons()

    def _on_table_activated(self, _index: QModelIndex) -> None:
        self._on_edit_button_clicked()

    def _on_edit_button_clicked(self) -> None:
        current = self.current_prototype()
        if current is not None and self._editing_enabled:
            self.edit_requested.emit(current)

    def _on_stage_button_clicked(self) -> None:
        current = self.current_prototype()
        if current is not None and self._editing_enabled:
            self.stage_change_requested.emit(current)

    def _on_delete_button_clicked(self) -> None:
        current = self.current_prototype()
        if current is not None and self._editing_enabled:
            self.delete_requested.emit(current)
