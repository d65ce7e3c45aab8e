"""The assessment wizard's start, review and result pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.assessment_wizard_models import PAGE_ID_ROLE, ReviewRow, ReviewTableModel
from careercoach.ui.assessment_wizard_result import report_html
from careercoach.ui.assessment_wizard_state import (
    StartChoice,
    WizardData,
    default_period,
    default_target,
)
from careercoach.ui.form_helpers import date_edit, from_qdate, problems_label, show_problems
from careercoach.ui.ladder_models import LadderListModel


def _plain(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and notes come from the user
    label.setWordWrap(True)
    return label


class StartPage(QWizardPage):
    """Resume the unfinished assessment, or choose ladder, target level and period."""

    def __init__(self, data: WizardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._busy = False
        self.setTitle(self.tr("Self-assessment"))
        self.setSubTitle(
            self.tr(
                "Rate yourself against your career ladder, one competency per page, and "
                "attach the work that shows it. Your answers are saved as you go."
            )
        )
        self.setCommitPage(True)  # the ladder and period are fixed once the draft exists
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Next >"))

        self.choice_group = QButtonGroup(self)
        self.resume_button = QRadioButton(self)
        self.new_button = QRadioButton(self.tr("Start a ne&w one"), self)
        self.choice_group.addButton(self.resume_button)
        self.choice_group.addButton(self.new_button)
        self.outdated_label = _plain(self)
        self.outdated_label.hide()
        layout = QVBoxLayout(self)
        draft, draft_ladder = data.draft, data.draft_ladder
        if draft is not None and draft_ladder is not None:
            rated = sum(1 for c in draft_ladder.competencies if c.id in draft.levels())
            self.resume_button.setText(
                self.tr(
                    "&Resume your unfinished assessment of {ladder} for {start}\u2013{end} "
                    "({rated} of {total} competencies rated)"
                ).format(
                    ladder=draft_ladder.name.replace("&", "&&"),  # not a mnemonic
                    start=draft.period_start.isoformat(),
                    end=draft.period_end.isoformat(),
                    rated=rated,
                    total=len(draft_ladder.competencies),
                )
            )
            self.resume_button.setChecked(True)
            if data.draft_is_outdated():
                current = data.stored_ladder(draft.ladder_id)
                self.outdated_label.setText(
                    self.tr(
                        "{ladder} has changed since you started. The unfinished assessment "
                        "keeps the version it started with ({old}); start a new one to use "
                        "version {new}."
                    ).format(
                        ladder=draft_ladder.name,
                        old=draft.ladder_version,
                        new=current.ladder.version if current else "",
                    )
                )
                self.outdated_label.show()
            layout.addWidget(self.resume_button)
            layout.addWidget(self.outdated_label)
            layout.addWidget(self.new_button)
        else:
            self.new_button.setChecked(True)
            self.resume_button.hide()
            self.new_button.hide()

        self.form_group = QGroupBox(self.tr("New assessment"), self)
        self.ladder_model = LadderListModel(self)
        self.ladder_model.set_summaries([stored.summary() for stored in data.ladders])
        self.ladder_combo = QComboBox(self.form_group)
        self.ladder_combo.setModel(self.ladder_model)
        self.version_label = _plain(self.form_group)
        self.target_combo = QComboBox(self.form_group)
        start, end = default_period(data.history, data.today)
        self.start_edit = date_edit(self.form_group, start, maximum=data.today)
        self.end_edit = date_edit(self.form_group, end, maximum=data.today)
        ladder_row = QHBoxLayout()
        ladder_row.addWidget(self.ladder_combo, 1)
        ladder_row.addWidget(self.version_label)
        period_row = QHBoxLayout()
        to_label = QLabel(self.tr("T&o:"), self.form_group)
        to_label.setBuddy(self.end_edit)
        period_row.addWidget(self.start_edit)
        period_row.addWidget(to_label)
        period_row.addWidget(self.end_edit)
        period_row.addStretch(1)
        ladder_label = QLabel(self.tr("&Ladder:"), self.form_group)
        ladder_label.setBuddy(self.ladder_combo)
        period_label = QLabel(self.tr("Period assessed, &from:"), self.form_group)
        period_label.setBuddy(self.start_edit)
        form = QFormLayout(self.form_group)
        form.addRow(ladder_label, ladder_row)
        form.addRow(self.tr("&Target level:"), self.target_combo)
        form.addRow(period_label, period_row)
        self.level_summary = _plain(self.form_group)
        form.addRow("", self.level_summary)
        self.problems = problems_label(self)
        layout.addWidget(self.form_group)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        for first, second in (
            (self.ladder_combo, self.target_combo),
            (self.target_combo, self.start_edit),
            (self.start_edit, self.end_edit),
        ):
            QWidget.setTabOrder(first, second)

        row = self.ladder_model.row_of(data.profile.ladder_id)
        self.ladder_combo.setCurrentIndex(max(row, 0))
        self._fill_targets()
        self.ladder_combo.currentIndexChanged.connect(self._on_ladder_combo_current_index_changed)
        self.target_combo.currentIndexChanged.connect(self._on_form_changed)
        self.start_edit.dateChanged.connect(self._on_form_changed)
        self.end_edit.dateChanged.connect(self._on_form_changed)
        self.choice_group.buttonToggled.connect(self._on_form_changed)
        self._on_form_changed()

    def resume_chosen(self) -> bool:
        """True when the user chose to resume the unfinished assessment."""
        return self.resume_button.isChecked()

    def choice(self) -> StartChoice | None:
        """The new assessment asked for, or None while the form has problems."""
        summary = self.ladder_model.summary_at(self.ladder_combo.currentIndex())
        target = self.target_combo.currentData()
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        if summary is None or not isinstance(target, str) or start > end:
            return None
        return StartChoice(summary.id, target, start, end)

    def set_busy(self, busy: bool) -> None:
        """Block Next while the assessment is being started."""
        self._busy = busy
        self.setEnabled(not busy)
        self.completeChanged.emit()

    def focus_widget(self) -> QWidget:
        """Where the keyboard starts on this page."""
        return self.resume_button if self.resume_button.isVisible() else self.ladder_combo

    def isComplete(self) -> bool:
        return not self._busy and (self.resume_chosen() or self.choice() is not None)

    def _fill_targets(self) -> None:
        summary = self.ladder_model.summary_at(self.ladder_combo.currentIndex())
        stored = self._data.stored_ladder(summary.id) if summary else None
        self.target_combo.clear()
        if stored is None:
            self.version_label.clear()
            return
        ladder = stored.ladder
        self.version_label.setText(self.tr("version {version}").format(version=ladder.version))
        for level in ladder.levels:
            self.target_combo.addItem(level.title, level.id)
        target = default_target(ladder, self._data.profile)
        self.target_combo.setCurrentIndex(self.target_combo.findData(target))

    def _on_ladder_combo_current_index_changed(self, _index: int) -> None:
        self._fill_targets()
        self._on_form_changed()

    def _on_form_changed(self) -> None:
        self.form_group.setEnabled(not self.resume_chosen())
        problems = []
        if not self.resume_chosen():
            if from_qdate(self.start_edit.date()) > from_qdate(self.end_edit.date()):
                problems.append(self.tr("The period must start on or before its last day."))
            if self.target_combo.currentIndex() < 0:
                problems.append(self.tr("Choose a target level."))
        show_problems(self.problems, problems)
        summary = self.ladder_model.summary_at(self.ladder_combo.currentIndex())
        stored = self._data.stored_ladder(summary.id) if summary else None
        level = stored.ladder.level(self.target_combo.currentData() or "") if stored else None
        self.level_summary.setText(level.summary if level is not None else "")
        self.completeChanged.emit()


class ReviewPage(QWizardPage):
    """Every answer at a glance, a way back to each, and Finish once all are rated."""

    change_requested = Signal(int)  # the wizard page id of the competency to change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self._all_rated = False
        self.setTitle(self.tr("Review your answers"))
        self.setSubTitle(
            self.tr(
                "Check each competency before you finish. Choose a row and press Enter (or "
                "Change) to go back to it."
            )
        )
        self.setCommitPage(True)  # a finished assessment is history: no going back
        self.overview_label = _plain(self)
        self.model = ReviewTableModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Your answers"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReviewTableModel.COMPETENCY, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.change_button = QPushButton(self.tr("&Change…"), self)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.missing_label = problems_label(self)
        self.missing_label.setAccessibleName(self.tr("Competencies not rated yet"))
        self.flag_note = _plain(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.flag_note, 1)
        buttons.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overview_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.missing_label)

    def set_answers(self, overview: str, rows: Sequence[ReviewRow]) -> None:
        """Show the answers; Finish is enabled only when every competency is rated."""
        current = max(self.table.currentIndex().row(), 0)
        self.overview_label.setText(overview)
        self.model.set_rows(rows)
        missing = [row.competency for row in rows if row.level is None]
        self._all_rated = not missing
        show_problems(
            self.missing_label,
            [
                self.tr(
                    "Not rated yet: {names}. Finish is possible once each has a level."
                ).format(names=", ".join(missing))
            ]
            if missing
            else [],
        )
        flagged = sum(1 for row in rows if row.unsupported)
        self.flag_note.setText(
            self.tr(
                "{count} of {total} ratings have no evidence yet: allowed, but flagged."
            ).format(count=flagged, total=len(rows))
            if flagged
            else ""
        )
        if rows:
            self.table.setCurrentIndex(self.model.index(min(current, len(rows) - 1), 0))
        self.completeChanged.emit()

    def set_busy(self, busy: bool) -> None:
        """Block Finish while the assessment is being stored."""
        self._busy = busy
        self.table.setEnabled(not busy)
        self.change_button.setEnabled(not busy)
        self.completeChanged.emit()

    def focus_widget(self) -> QWidget:
        """Where the keyboard starts on this page."""
        return self.table

    def isComplete(self) -> bool:
        return self._all_rated and not self._busy

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter changes the chosen row; it must not also press Finish (the default button).
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._request_change(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _request_change(self, index: QModelIndex) -> None:
        page_id = self.model.data(index, PAGE_ID_ROLE) if index.isValid() else None
        if isinstance(page_id, int) and not self._busy:
            self.change_requested.emit(page_id)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self._request_change(index)

    def _on_change_button_clicked(self) -> None:
        self._request_change(self.table.currentIndex())


class ResultPage(QWizardPage):
    """What the finished assessment adds up to: estimate, levels, evidence and gaps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your result"))
        self.setSubTitle(self.tr("The assessment is stored. It appears in your history."))
        self.setFinalPage(True)
        self.result_view = QTextBrowser(self)
        self.result_view.setObjectName("resultView")
        self.result_view.setOpenLinks(False)
        self.result_view.setAccessibleName(self.tr("Assessment result"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_view)

    def show_report(self, report: AssessmentReport) -> None:
        """Show ``report``; everything from ladder files and the user is escaped."""
        self.result_view.setHtml(report_html(report))

    def focus_widget(self) -> QWidget:
        """Where the keyboard starts on this page."""
        return self.result_view
