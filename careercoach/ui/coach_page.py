"""The Coach page: ranked suggestions, the hidden ones, why each was made, and rule problems."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.coach import MAX_SNOOZE_DAYS, CoachAdvice, Suggestion, SuggestionStatus
from careercoach.ui.coach_banners import RuleProblemsBanner, UndoBar
from careercoach.ui.coach_detail import SuggestionDetail
from careercoach.ui.coach_models import SuggestionTableModel
from careercoach.ui.form_helpers import empty_state_label

SNOOZE_DAYS = (1, 3, 7, 14, 30)


def _table(parent: QWidget, model: SuggestionTableModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(SuggestionTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
    return table


class CoachPage(QWidget):
    """Shows the coach's advice; the buttons ask the flow to act on the selected suggestion."""

    shown = Signal()  # the page became visible: time to check the data again
    refresh_requested = Signal()
    done_requested = Signal(object)  # Suggestion
    snooze_requested = Signal(object, int)  # Suggestion, days
    dismiss_requested = Signal(object)  # Suggestion
    show_again_requested = Signal(object)  # Suggestion
    undo_requested = Signal()
    open_rules_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enabled = False
        self._checked_once = False
        self._hidden_sized = False
        self._summary = ""
        self.model = SuggestionTableModel(self)
        self.hidden_model = SuggestionTableModel(self, hidden=True)

        self.done_button = QPushButton(self.tr("&Mark Done"), self)
        self.done_button.setToolTip(self.tr("You did it: it stays away for the rule's cooldown"))
        self.snooze_button = QPushButton(self.tr("&Snooze"), self)
        self.snooze_button.setToolTip(self.tr("Not now: hide it for a while"))
        self.snooze_menu = QMenu(self.snooze_button)
        for days, text in zip(SNOOZE_DAYS, self._snooze_texts(), strict=True):
            action = self.snooze_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, d=days: self._on_snooze_chosen(d))
        self.snooze_menu.addSeparator()
        self.snooze_other = self.snooze_menu.addAction(self.tr("For &Other…"))
        self.snooze_other.triggered.connect(self._on_snooze_other_triggered)
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = QPushButton(self.tr("D&ismiss"), self)
        self.dismiss_button.setToolTip(
            self.tr("Not useful to you: it stays away for the rule's cooldown")
        )
        self.show_again_button = QPushButton(self.tr("Show &Again"), self)
        self.show_again_button.setToolTip(self.tr("Put the hidden suggestion back in the list"))
        self.hidden_button = QPushButton(self)
        self.hidden_button.setCheckable(True)
        self.hidden_button.setToolTip(
            self.tr("Suggestions you marked done, dismissed or snoozed that still apply")
        )
        self.checking_label = QLabel(self)
        self.checking_label.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Check your data again (F5)"))
        refresh_action = QAction(self.tr("Refresh"), self)
        refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh_action.triggered.connect(self._on_refresh_button_clicked)
        self.addAction(refresh_action)  # F5 works while the page is shown
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.show_again_button.clicked.connect(self._on_show_again_button_clicked)
        self.hidden_button.toggled.connect(self._on_hidden_button_toggled)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.snooze_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addWidget(self.show_again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.checking_label)
        buttons.addWidget(self.hidden_button)
        buttons.addWidget(self.refresh_button)

        self.problems_banner = RuleProblemsBanner(self)
        self.problems_banner.open_folder_requested.connect(self.open_rules_folder_requested)
        self.problems_label = self.problems_banner.label
        self.rules_folder_button = self.problems_banner.button
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_requested.connect(self.undo_requested)
        self.undo_label = self.undo_bar.label
        self.undo_button = self.undo_bar.button

        self.table = _table(self, self.model, self.tr("Suggestions"))
        dismiss_action = QAction(self.tr("Dismiss"), self.table)
        dismiss_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        dismiss_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        dismiss_action.triggered.connect(self._on_dismiss_button_clicked)
        self.table.addAction(dismiss_action)
        self.empty_label = empty_state_label(self, self.tr("Checking your data…"))
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.empty_label)
        self.list_stack.addWidget(self.table)
        self.hidden_table = _table(self, self.hidden_model, self.tr("Hidden suggestions"))
        self.hidden_heading = QLabel(self.tr("Hidden until the day shown"), self)
        heading_font = self.hidden_heading.font()
        heading_font.setBold(True)
        self.hidden_heading.setFont(heading_font)
        self.hidden_box = QWidget(self)
        hidden_layout = QVBoxLayout(self.hidden_box)
        hidden_layout.setContentsMargins(0, 6, 0, 0)
        hidden_layout.addWidget(self.hidden_heading)
        hidden_layout.addWidget(self.hidden_table, 1)
        self.hidden_box.hide()
        self.lists = QSplitter(Qt.Orientation.Vertical, self)
        self.lists.addWidget(self.list_stack)
        self.lists.addWidget(self.hidden_box)
        self.lists.setChildrenCollapsible(False)
        self.lists.setStretchFactor(0, 3)  # the suggestions to act on come first
        self.lists.setStretchFactor(1, 2)

        self.detail = SuggestionDetail(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.problems_banner)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.hidden_table.selectionModel().selectionChanged.connect(
            self._on_hidden_table_selection_changed
        )
        self._update_hidden_button()
        self._show_current()

    # -- called by the flow ---------------------------------------------------------------

    def set_editing_enabled(self, enabled: bool) -> None:
        """Acting on suggestions needs the database: off until it is open."""
        self._enabled = enabled
        self._update_buttons()

    def set_checking(self, checking: bool) -> None:
        """Say that the data is being checked (the list stays as it was meanwhile).

        ``set_checking(False)`` says the check failed; ``set_advice`` ends a good one.
        """
        if checking:
            self.checking_label.setText(self.tr("Checking your data…"))
            return
        self.checking_label.setText(self._summary)
        if not self._checked_once:
            self.empty_label.setText(self.tr("Your data could not be checked."))

    def set_advice(
        self,
        advice: CoachAdvice,
        competency_names: Mapping[str, str],
        select_id: str | None = None,
    ) -> None:
        """Show ``advice``, selecting ``select_id``'s suggestion or keeping the selection.

        When the selected suggestion is no longer listed, its neighbour is selected.
        """
        current = self.current_suggestion()
        current_id = current.rule.id if current is not None else None
        if select_id is not None:
            current_id = select_id
        was_hidden = current is not None and current.status is not SuggestionStatus.ACTIVE
        row = max(self._selected_row(self.hidden_table if was_hidden else self.table), 0)
        self._checked_once = True
        self.detail.set_competency_names(competency_names)
        self.model.set_suggestions(advice.suggestions)
        self.hidden_model.set_suggestions(advice.hidden)
        count = len(advice.suggestions)
        if count == 1:
            summary = self.tr("1 suggestion")
        elif count:
            summary = self.tr("{count} suggestions, most important first").format(count=count)
        else:
            summary = self.tr("No suggestions")
        self._summary = summary
        self.checking_label.setText(summary)
        self.empty_label.setText(
            self.tr(
                "Nothing to suggest right now — none of the coach's rules finds a reason in "
                "your data today.\n\nSuggestions appear here as you log work, check in, "
                "track prototypes and assess yourself."
            )
        )
        self.list_stack.setCurrentWidget(self.table if count else self.empty_label)
        self.problems_banner.show_problems([str(problem) for problem in advice.problems])
        self._update_hidden_button()
        self._reselect(current_id, was_hidden, row)

    def show_undo(self, message: str) -> None:
        """Say what was just done, with Undo beside it."""
        self.undo_bar.show_message(message)

    def hide_undo(self) -> None:
        """Nothing left to undo."""
        self.undo_bar.hide()

    def current_suggestion(self) -> Suggestion | None:
        """The selected suggestion, shown or hidden."""
        row = self._selected_row(self.table)
        if row >= 0:
            return self.model.suggestion_at(row)
        return self.hidden_model.suggestion_at(self._selected_row(self.hidden_table))

    # -- details --------------------------------------------------------------------------

    def _snooze_texts(self) -> tuple[str, ...]:
        return (
            self.tr("For &1 Day"),
            self.tr("For &3 Days"),
            self.tr("For 1 &Week"),
            self.tr("For &2 Weeks"),
            self.tr("For 3&0 Days"),
        )

    def _reselect(self, rule_id: str | None, was_hidden: bool, row: int) -> None:
        active_row = self.model.row_of(rule_id)
        hidden_row = self.hidden_model.row_of(rule_id) if self.hidden_box.isVisibleTo(self) else -1
        if active_row >= 0:
            self._select(self.table, active_row)
        elif hidden_row >= 0:
            self._select(self.hidden_table, hidden_row)
        elif was_hidden and self.hidden_model.rowCount():
            self._select(self.hidden_table, min(row, self.hidden_model.rowCount() - 1))
        elif self.model.rowCount():
            self._select(self.table, 0 if was_hidden else min(row, self.model.rowCount() - 1))
        else:
            self.table.clearSelection()
            self.hidden_table.clearSelection()
        self._show_current()

    def _select(self, table: QTableView, row: int) -> None:
        table.selectRow(row)
        table.scrollTo(table.model().index(row, 0))

    @staticmethod
    def _selected_row(table: QTableView) -> int:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _show_current(self) -> None:
        current = self.current_suggestion()
        self.detail.show_suggestion(current)
        self.detail.setVisible(current is not None)
        self._update_buttons()

    def _update_hidden_button(self) -> None:
        count = self.hidden_model.rowCount()
        self.hidden_button.setText(self.tr("Show Hidde&n ({count})").format(count=count))
        self.hidden_button.setEnabled(count > 0 or self.hidden_button.isChecked())
        self.show_again_button.setVisible(self.hidden_button.isChecked())

    def _update_buttons(self) -> None:
        current = self.current_suggestion()
        active = current is not None and current.status is SuggestionStatus.ACTIVE
        for button in (self.done_button, self.snooze_button, self.dismiss_button):
            button.setEnabled(self._enabled and active)
        self.show_again_button.setEnabled(self._enabled and current is not None and not active)
        self.refresh_button.setEnabled(self._enabled)

    # -- slots ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        if not selected.isEmpty():
            self.hidden_table.clearSelection()
        self._show_current()

    def _on_hidden_table_selection_changed(
        self, selected: QItemSelection, _old: QItemSelection
    ) -> None:
        if not selected.isEmpty():
            self.table.clearSelection()
        self._show_current()

    def _on_hidden_button_toggled(self, checked: bool) -> None:
        self.hidden_box.setVisible(checked)
        if checked and not self._hidden_sized:  # the first time: three fifths for the list
            self._hidden_sized = True
            total = sum(self.lists.sizes())
            self.lists.setSizes([total * 3 // 5, total - total * 3 // 5])
        if not checked and self._selected_row(self.hidden_table) >= 0:
            self.hidden_table.clearSelection()
            if self.model.rowCount():
                self._select(self.table, 0)
        elif checked and self.current_suggestion() is None and self.hidden_model.rowCount():
            self._select(self.hidden_table, 0)
        self._update_hidden_button()
        self._show_current()

    def _acting_on(self) -> Suggestion | None:
        current = self.current_suggestion()
        return current if self._enabled and current is not None else None

    def _on_done_button_clicked(self) -> None:
        current = self._acting_on()
        if current is not None and current.status is SuggestionStatus.ACTIVE:
            self.done_requested.emit(current)

    def _on_snooze_chosen(self, days: int) -> None:
        current = self._acting_on()
        if current is not None and current.status is SuggestionStatus.ACTIVE:
            self.snooze_requested.emit(current, days)

    def _on_snooze_other_triggered(self) -> None:
        days, chosen = QInputDialog.getInt(
            self,
            self.tr("Snooze"),
            self.tr("Hide this suggestion for how many days?"),
            value=7,
            minValue=1,
            maxValue=MAX_SNOOZE_DAYS,
        )
        if chosen:
            self._on_snooze_chosen(days)

    def _on_dismiss_button_clicked(self) -> None:
        current = self._acting_on()
        if current is not None and current.status is SuggestionStatus.ACTIVE:
            self.dismiss_requested.emit(current)

    def _on_show_again_button_clicked(self) -> None:
        current = self._acting_on()
        if current is not None and current.status is not SuggestionStatus.ACTIVE:
            self.show_again_requested.emit(current)

    def _on_refresh_button_clicked(self) -> None:
        if self._enabled:
            self.refresh_requested.emit()
