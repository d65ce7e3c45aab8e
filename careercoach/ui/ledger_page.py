"""The Ledger page: filter, sort and read the contribution ledger; ask to add, edit or delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QModelIndex,
    Qt,
    Signal,
)
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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.contribution import Contribution
from careercoach.domain.ledger_filter import LedgerFilter
from careercoach.ui.ledger_filter_bar import LedgerFilterBar
from careercoach.ui.ledger_models import LedgerColumn, LedgerTableModel

# Each column is as wide as this sample text (plus a margin); the title
# takes whatever room is left. Measuring samples, not rows, keeps 10,000 rows fast.
_COLUMN_SAMPLES = {
    LedgerColumn.DATE: "2026-12-31",
    LedgerColumn.KIND: "Cross-team support",
    LedgerColumn.BENEFICIARY: "Fatima Haddad",
    LedgerColumn.PROJECT: "Feature store",
    LedgerColumn.HOURS: "Hours",
    LedgerColumn.DIFFICULTY: "Difficulty",
    LedgerColumn.EVIDENCE: "Manager-agreed",
    LedgerColumn.COMPETENCIES: "Collaboration",
}


class LedgerPage(QWidget):
    """Shows the ledger; asks the flow to add, edit, delete, import and export."""

    add_requested = Signal()
    edit_requested = Signal(object)  # Contribution
    delete_requested = Signal(object)  # tuple[Contribution, ...]
    import_requested = Signal()
    export_requested = Signal()

    def __init__(
        self, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._loaded = False
        self._editing_enabled = False
        self._busy = False
        self.model = LedgerTableModel(self)
        chars = self.fontMetrics().averageCharWidth()

        # -- actions ------------------------------------------------------------------------
        self.add_button = QPushButton(self.tr("&Log Work…"), self)
        self.add_button.setToolTip(self.tr("Log a piece of work (Ctrl+N from any page)"))
        self.edit_button = QPushButton(self.tr("Ed&it…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected entry (Enter or double-click)"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected entries (Del; Ctrl+Z undoes)"))
        self.import_button = QPushButton(self.tr("I&mport CSV…"), self)
        self.export_button = QPushButton(self.tr("E&xport CSV…"), self)
        self.export_button.setToolTip(self.tr("Write the entries shown to a CSV file"))
        self.add_button.clicked.connect(self.add_requested.emit)
        self.edit_button.clicked.connect(self._on_edit_action_triggered)
        self.delete_button.clicked.connect(self._on_delete_action_triggered)
        self.import_button.clicked.connect(self.import_requested.emit)
        self.export_button.clicked.connect(self.export_requested.emit)

        # -- filters: the controls live in the bar; these names are kept for the flow and tests
        self.filter_bar = LedgerFilterBar(today, self)
        self.search_edit = self.filter_bar.search_edit
        self.kind_combo = self.filter_bar.kind_combo
        self.competency_combo = self.filter_bar.competency_combo
        self.period_combo = self.filter_bar.period_combo
        self.from_edit, self.to_edit = self.filter_bar.from_edit, self.filter_bar.to_edit
        self.from_label, self.to_label = self.filter_bar.from_label, self.filter_bar.to_label
        self.count_label = self.filter_bar.count_label

        # -- table, empty state, detail -----------------------------------------------------
        self.table_view = QTableView(self)
        self.table_view.setModel(self.model)
        self.table_view.setAccessibleName(self.tr("Ledger entries"))
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setWordWrap(False)
        self.table_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table_view.setTabKeyNavigation(False)
        self.table_view.verticalHeader().hide()
        rows = self.table_view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no measuring
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        metrics = self.table_view.fontMetrics()
        for column, sample in _COLUMN_SAMPLES.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + chars * 2)
        header.setSectionResizeMode(LedgerColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(chars * 6)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(LedgerColumn.DATE, Qt.SortOrder.DescendingOrder)

        self.empty_label = QLabel(self.tr("Loading the ledger…"), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_filters_button = QPushButton(self.tr("Cle&ar Filters"), self)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        empty_page = QWidget(self)
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self.table_stack = QStackedWidget(self)
        self.table_stack.addWidget(self.table_view)
        self.table_stack.addWidget(empty_page)

        self.detail_view = QTextBrowser(self)
        self.detail_view.setAccessibleName(self.tr("Entry details"))
        self.detail_view.setOpenLinks(False)
        self.detail_view.setPlaceholderText(self.tr("Select an entry to read it in full."))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table_stack)
        splitter.addWidget(self.detail_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)

        self.edit_action = QAction(self.tr("&Edit…"), self)
        self.edit_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self._on_edit_action_triggered)
        self.delete_action = QAction(self.tr("&Delete"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.table_view.addActions([self.edit_action, self.delete_action])
        find_action = QAction(self.tr("Find"), self)
        find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find_action.triggered.connect(self._on_find_action_triggered)
        self.addAction(find_action)
        self.table_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.filter_bar.filter_changed.connect(self._on_filter_changed)
        self.table_view.doubleClicked.connect(self._on_table_view_double_clicked)
        selection = self.table_view.selectionModel()
        selection.selectionChanged.connect(self._on_table_selection_changed)
        selection.currentRowChanged.connect(self._on_table_selection_changed)
        self.model.modelReset.connect(self._on_table_selection_changed)
        self._update_state()

    # -- called by the flow ---------------------------------------------------------------------

    def show_entries(
        self, entries: Sequence[Contribution], select_ids: Iterable[int] = ()
    ) -> None:
        """Show ``entries``; select ``select_ids``, or keep the selection when none are given."""
        chosen = list(select_ids) or [entry.id for entry in self.selected_entries() if entry.id]
        self._loaded = True
        self.model.set_entries(entries)
        self.select_ids(chosen)
        self._update_state()

    def set_competency_names(self, names: Mapping[str, str]) -> None:
        """The profile ladder's competencies (id to name), for the column and the filter."""
        self.filter_bar.set_competencies(names)
        self.model.set_competency_names(names)
        self._on_filter_changed()
        self._show_detail()

    def set_editing_enabled(self, enabled: bool) -> None:
        """Changing the ledger needs the database: off until it is open."""
        self._editing_enabled = enabled
        self._update_state()

    def selected_entries(self) -> tuple[Contribution, ...]:
        """The selected entries, in table order."""
        entry = self.model.entry
        return tuple(found for row in self._selected_rows() if (found := entry(row)) is not None)

    def current_entry(self) -> Contribution | None:
        """The entry under the cursor if it is selected, else the first selected one."""
        current = self.table_view.currentIndex()
        selection = self.table_view.selectionModel()
        if current.isValid() and selection.isRowSelected(current.row(), QModelIndex()):
            return self.model.entry(current.row())
        selected = self.selected_entries()
        return selected[0] if selected else None

    def shown_entries(self) -> tuple[Contribution, ...]:
        """The entries the filter lets through, in table order."""
        return self.model.visible_entries()

    def select_ids(self, entry_ids: Iterable[int]) -> None:
        """Select the rows of ``entry_ids`` that are shown; the first becomes current.

        Rows next to each other become one range, and the view is told once: selecting
        thousands of rows stays quick.
        """
        rows = self.model.rows_of(entry_ids)
        selection_model = self.table_view.selectionModel()
        if not rows:
            selection_model.clearSelection()
            return
        last = self.model.columnCount() - 1
        selection = QItemSelection()
        for top, bottom in _runs(sorted(set(rows))):
            selection.append(
                QItemSelectionRange(self.model.index(top, 0), self.model.index(bottom, last))
            )
        flags = QItemSelectionModel.SelectionFlag
        selection_model.setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
        self.table_view.scrollTo(self.model.index(rows[0], 0))

    def set_busy(self, busy: bool) -> None:
        """A ledger write is under way: Delete waits until its result is shown."""
        self._busy = busy
        self._update_buttons()

    def clear_filters(self) -> None:
        """Show every entry again."""
        self.filter_bar.clear()

    def current_filter(self) -> LedgerFilter:
        """The filter the controls describe."""
        return self.filter_bar.current_filter()

    # -- slots ----------------------------------------------------------------------------------

    def _on_filter_changed(self) -> None:
        selected = [entry.id for entry in self.selected_entries() if entry.id is not None]
        self.model.set_filter(self.current_filter())
        self.select_ids(selected)
        self._update_state()

    def _on_table_view_double_clicked(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None and self._editing_enabled:
            self.edit_requested.emit(entry)

    def _on_edit_action_triggered(self) -> None:
        entry = self.current_entry()
        if entry is not None and self._editing_enabled:
            self.edit_requested.emit(entry)

    def _on_delete_action_triggered(self) -> None:
        entries = self.selected_entries()
        if entries and self._editing_enabled and not self._busy:
            self.delete_requested.emit(entries)

    def _on_table_selection_changed(self, *_args: object) -> None:
        self._show_detail()
        self._update_buttons()

    # -- helpers --------------------------------------------------------------------------------

    def _update_state(self) -> None:
        shown, total = self.model.visible_count, self.model.total_count
        if self._loaded:
            self.filter_bar.show_count(shown, total)
        else:
            self.count_label.clear()
        if shown:
            self.table_stack.setCurrentIndex(0)
        else:
            if not self._loaded:
                self.empty_label.setText(self.tr("Loading the ledger…"))
            elif total == 0:
                self.empty_label.setText(
                    self.tr(
                        "Nothing logged yet. Log the docs, reviews, tests and help you give — "
                        "press Ctrl+N."
                    )
                )
            else:
                self.empty_label.setText(
                    self.tr(
                        "No entries match these filters. Clear the search or choose another "
                        "kind, competency or period."
                    )
                )
            self.clear_filters_button.setVisible(total > 0)
            self.table_stack.setCurrentIndex(1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.table_view.selectionModel().hasSelection()
        editing = self._editing_enabled
        for widget in (self.add_button, self.import_button):
            widget.setEnabled(editing)
        self.export_button.setEnabled(editing and self.model.visible_count > 0)
        for control in (self.edit_button, self.edit_action):
            control.setEnabled(editing and selected)
        for control in (self.delete_button, self.delete_action):
            control.setEnabled(editing and selected and not self._busy)

    def _selected_rows(self) -> list[int]:
        """The selected rows, in order; read from the selection's ranges, not row by row."""
        rows: set[int] = set()
        selection = self.table_view.selectionModel().selection()
        for selected in (selection.at(i) for i in range(selection.count())):
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def _show_detail(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self.detail_view.clear()
            return
        count = len(self._selected_rows())
        self.detail_view.setHtml(self.model.details_html(entry, count))

    def _on_find_action_triggered(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()


def _runs(rows: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The first and last row of each run of consecutive ``rows`` (sorted, distinct)."""
    start = previous = rows[0]
    for row in rows[1:]:
        if row != previous + 1:
            yield start, previous
            start = row
        previous = row
    yield start, previous
