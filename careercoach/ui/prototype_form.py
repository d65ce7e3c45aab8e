"""The fields of the prototype editor, laid out in three columns, and how they read back."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.contribution import (
    EARLIEST_DATE,
    MAX_HOURS,
    MAX_LINK_LENGTH,
    MAX_NAME_LENGTH,
)
from careercoach.domain.evidence_checks import HOURS_DECIMALS
from careercoach.domain.ladder import Competency
from careercoach.domain.prototype import Dataset, Prototype, ShelveReason, Stage, StageChange
from careercoach.ui.form_helpers import date_edit, from_qdate, text_box
from careercoach.ui.prototype_models import (
    CompetencyChoiceModel,
    StageHistoryModel,
    shelve_reason_label,
    stage_label,
)

NOT_RECORDED = -0.5  # the hours spin box's lowest value, shown as "Not recorded"
MAX_PROTOTYPE_HOURS = MAX_HOURS * 10  # the domain's limit for a prototype's hours
LICENCES = ("CC BY 4.0", "CC BY-SA 4.0", "CC0 1.0", "ODbL 1.0", "MIT", "Apache-2.0")


def compact_text_box(parent: QWidget, lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A text field kept ``lines`` high (it scrolls beyond): three columns of them must fit."""
    box = text_box(parent, lines, placeholder)
    box.setFixedHeight(box.minimumHeight())
    return box


def history_table(parent: QWidget, model: StageHistoryModel) -> QTableView:
    """A compact read-only table of stage changes; ``fit_rows`` sizes it to its rows."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_rows(view: QTableView, most: int = 8) -> None:
    """Size ``view`` to show its rows (at least two, at most ``most``) without scrolling."""
    view.resizeColumnsToContents()
    view.horizontalHeader().setStretchLastSection(True)
    rows = min(max(view.model().rowCount(), 2), most)
    height = view.horizontalHeader().sizeHint().height()
    height += rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
    view.setFixedHeight(height)


def shelve_reason_combo(parent: QWidget) -> QComboBox:
    """A choice of why a prototype was shelved, led by "Not said" (no category)."""
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("ShelveReason", "Not said"), None)
    for reason in ShelveReason:
        combo.addItem(shelve_reason_label(reason), reason.value)
    combo.setToolTip(
        QCoreApplication.translate("ShelveReason", "The coach looks for reasons that come back")
    )
    return combo


def chosen_shelve_reason(combo: QComboBox) -> ShelveReason | None:
    """The reason chosen in a ``shelve_reason_combo``; None for "Not said"."""
    value = combo.currentData()
    return ShelveReason(value) if value else None


def form_layout() -> QFormLayout:
    """A form with each label above its field, so narrow columns keep wide fields."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def names_of(text: str) -> tuple[str, ...]:
    """One name per non-blank line, stripped, without repeats."""
    return tuple(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class PrototypeForm(QWidget):
    """Every field of one prototype; ``edited`` fires on any change the user makes."""

    edited = Signal()

    def __init__(
        self,
        prototype: Prototype | None,
        competencies: Sequence[Competency],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = prototype
        self._build(prototype is None, today)
        self._load(prototype, competencies)
        for line in (self.title_edit, self.dataset_name_edit, self.dataset_source_edit):
            line.textChanged.connect(self.edited)
        self.licence_combo.currentTextChanged.connect(self.edited)
        self.demo_link_edit.textChanged.connect(self.edited)
        for box in (
            self.pitch_edit,
            self.learning_goal_edit,
            self.reviewers_edit,
            self.feedback_edit,
            self.outcome_edit,
        ):
            box.textChanged.connect(self.edited)
        self.consulted_edit.textChanged.connect(self._on_consulted_edit_changed)
        self.consulted_edit.textChanged.connect(self.edited)
        self.consulted_count_spin.valueChanged.connect(self.edited)
        self.hours_spin.valueChanged.connect(self.edited)
        self.stage_combo.currentIndexChanged.connect(self.edited)
        self.start_date_edit.dateChanged.connect(self.edited)
        self.because_combo.currentIndexChanged.connect(self.edited)
        self.competency_model.dataChanged.connect(self.edited)

    # -- layout ---------------------------------------------------------------------------

    def _build(self, is_new: bool, today: dt.date) -> None:
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(self.tr("Required, e.g. Churn early-warning demo"))
        self.pitch_edit = compact_text_box(self, 4, self.tr("The idea in two sentences"))
        self.learning_goal_edit = compact_text_box(
            self, 3, self.tr("What you want to learn from it")
        )
        self.dataset_name_edit = QLineEdit(self)
        self.dataset_source_edit = QLineEdit(self)
        self.dataset_source_edit.setPlaceholderText(self.tr("Where it comes from (a link)"))
        self.licence_combo = QComboBox(self)
        self.licence_combo.setEditable(True)
        self.licence_combo.addItems(["", *LICENCES, self.tr("Internal data")])
        for line in (self.dataset_name_edit, self.dataset_source_edit, self.licence_combo):
            edit = line.lineEdit() if isinstance(line, QComboBox) else line
            if edit is not None:
                edit.setMaxLength(MAX_NAME_LENGTH)

        self.stage_combo = QComboBox(self)
        for stage in Stage:
            self.stage_combo.addItem(stage_label(stage), stage.value)
        self.start_date_edit = date_edit(self, today, minimum=EARLIEST_DATE)
        self.because_combo = shelve_reason_combo(self)
        self.history_model = StageHistoryModel(self)
        self.history_view = history_table(self, self.history_model)
        self.history_view.setAccessibleName(self.tr("Stage history"))
        self.history_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.consulted_edit = compact_text_box(self, 4, self.tr("One name per line"))
        self.consulted_count_spin = QSpinBox(self)
        self.consulted_count_spin.setRange(0, 100_000)
        self.consulted_count_spin.setAccessibleName(self.tr("Number of people consulted"))
        self.consulted_count_spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)
        self.count_hint = QLabel(
            self.tr("Count people you talked to even if you don't list them."), self
        )
        self.count_hint.setWordWrap(True)
        hint_font = self.count_hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 0.9)
        self.count_hint.setFont(hint_font)
        self.count_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reviewers_edit = compact_text_box(self, 3, self.tr("One name per line"))
        self.feedback_edit = compact_text_box(self, 5, self.tr("What they told you"))

        self.hours_spin = QDoubleSpinBox(self)
        self.hours_spin.setRange(NOT_RECORDED, MAX_PROTOTYPE_HOURS)
        self.hours_spin.setDecimals(HOURS_DECIMALS)  # as stored: 7.25 stays 7.25
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setSpecialValueText(self.tr("Not recorded"))
        self.hours_spin.setSuffix(self.tr(" h"))
        self.demo_link_edit = QLineEdit(self)
        self.demo_link_edit.setMaxLength(MAX_LINK_LENGTH)
        self.demo_link_edit.setPlaceholderText(self.tr("https://…"))
        self.outcome_edit = compact_text_box(self, 4, self.tr("What came of it"))
        self.competency_model = CompetencyChoiceModel(self)
        self.competency_list = QListView(self)
        self.competency_list.setModel(self.competency_model)
        self.competency_list.setAccessibleName(self.tr("Competencies evidenced"))

        idea = form_layout()
        idea.addRow(self.tr("&Title:"), self.title_edit)
        idea.addRow(self.tr("&Pitch:"), self.pitch_edit)
        idea.addRow(self.tr("Learning &goal:"), self.learning_goal_edit)
        dataset = form_layout()
        dataset.addRow(self.tr("Dataset &name:"), self.dataset_name_edit)
        dataset.addRow(self.tr("S&ource:"), self.dataset_source_edit)
        dataset.addRow(self.tr("&Licence:"), self.licence_combo)
        self.stage_form = stage_form = form_layout()
        if is_new:
            stage_form.addRow(self.tr("Starting st&age:"), self.stage_combo)
            stage_form.addRow(self.tr("Since &date:"), self.start_date_edit)
            stage_form.addRow(self.tr("&Why shelved:"), self.because_combo)
            stage_form.setRowVisible(self.because_combo, False)
            self.stage_combo.currentIndexChanged.connect(self._on_stage_combo_changed)
            self.history_view.hide()
        else:
            stage_form.addRow(self.history_view)
            note = QLabel(self.tr("Use Move to Stage… on the Prototypes page to change it."))
            note.setWordWrap(True)
            stage_form.addRow(note)
            self.stage_combo.hide()
            self.start_date_edit.hide()
            self.because_combo.hide()
        people = form_layout()
        people.addRow(self.tr("People &consulted:"), self.consulted_edit)
        count_row = QHBoxLayout()
        count_row.addWidget(self.consulted_count_spin)
        count_row.addWidget(self.count_hint, 1)
        count_label = QLabel(self.tr("Co&unt:"), self)
        count_label.setBuddy(self.consulted_count_spin)
        people.addRow(count_label, count_row)
        people.addRow(self.tr("&Reviewers and testers:"), self.reviewers_edit)
        people.addRow(self.tr("&Feedback:"), self.feedback_edit)
        results = form_layout()
        results.addRow(self.tr("&Hours:"), self.hours_spin)
        results.addRow(self.tr("Demo lin&k:"), self.demo_link_edit)
        results.addRow(self.tr("Outco&me:"), self.outcome_edit)
        competencies_label = QLabel(self.tr("Compet&encies evidenced:"), self)
        competencies_label.setBuddy(self.competency_list)

        left = QVBoxLayout()
        left.addWidget(self._group(self.tr("Idea"), idea))
        left.addWidget(self._group(self.tr("Dataset"), dataset))
        stage_title = self.tr("Stage") if is_new else self.tr("Stage history")
        left.addWidget(self._group(stage_title, stage_form))
        left.addStretch(1)
        middle = QVBoxLayout()
        middle.addWidget(self._group(self.tr("People"), people))
        middle.addStretch(1)
        right_box = QVBoxLayout()
        right_box.addLayout(results)
        right_box.addWidget(competencies_label)
        right_box.addWidget(self.competency_list, 1)
        results_group = QGroupBox(self.tr("Results"), self)
        results_group.setLayout(right_box)
        right = QVBoxLayout()
        right.addWidget(results_group, 1)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        for column in (left, middle, right):
            columns.addLayout(column, 1)

        order: list[QWidget] = [
            self.title_edit,
            self.pitch_edit,
            self.learning_goal_edit,
            self.dataset_name_edit,
            self.dataset_source_edit,
            self.licence_combo,
        ]
        if is_new:
            order += [self.stage_combo, self.start_date_edit, self.because_combo]
        order += [
            self.consulted_edit,
            self.consulted_count_spin,
            self.reviewers_edit,
            self.feedback_edit,
            self.hours_spin,
            self.demo_link_edit,
            self.outcome_edit,
            self.competency_list,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _group(self, title: str, form: QFormLayout) -> QGroupBox:
        group = QGroupBox(title, self)
        group.setLayout(form)
        return group

    # -- reading and writing --------------------------------------------------------------

    def _load(self, prototype: Prototype | None, competencies: Sequence[Competency]) -> None:
        self.competency_model.set_choices(
            competencies, prototype.competencies if prototype else ()
        )
        if prototype is None:
            self.hours_spin.setValue(NOT_RECORDED)
            return
        self.title_edit.setText(prototype.title)
        self.pitch_edit.setPlainText(prototype.pitch)
        self.learning_goal_edit.setPlainText(prototype.learning_goal)
        self.dataset_name_edit.setText(prototype.dataset.name)
        self.dataset_source_edit.setText(prototype.dataset.source)
        self.licence_combo.setCurrentText(prototype.dataset.licence)
        self.history_model.set_history(prototype.history)
        fit_rows(self.history_view, most=6)
        self.consulted_edit.setPlainText("\n".join(prototype.people_consulted))
        self.consulted_count_spin.setValue(prototype.consulted_count)
        self.reviewers_edit.setPlainText("\n".join(prototype.reviewers))
        self.feedback_edit.setPlainText(prototype.feedback)
        self.hours_spin.setValue(NOT_RECORDED if prototype.hours is None else prototype.hours)
        self.demo_link_edit.setText(prototype.demo_link)
        self.outcome_edit.setPlainText(prototype.outcome)

    def prototype(self) -> Prototype:
        """The prototype as entered; an edited one keeps its id and stage history."""
        hours = self.hours_spin.value()
        if self._original is not None:
            history = self._original.history
        else:
            stage = Stage(self.stage_combo.currentData())
            because = chosen_shelve_reason(self.because_combo) if stage is Stage.SHELVED else None
            start = from_qdate(self.start_date_edit.date())
            history = (StageChange(stage, start, shelved_because=because),)
        return Prototype(
            title=self.title_edit.text(),
            history=history,
            pitch=self.pitch_edit.toPlainText(),
            learning_goal=self.learning_goal_edit.toPlainText(),
            dataset=Dataset(
                self.dataset_name_edit.text(),
                self.dataset_source_edit.text(),
                self.licence_combo.currentText(),
            ),
            people_consulted=names_of(self.consulted_edit.toPlainText()),
            consulted_count=self.consulted_count_spin.value(),
            reviewers=names_of(self.reviewers_edit.toPlainText()),
            feedback=self.feedback_edit.toPlainText(),
            hours=None if hours <= NOT_RECORDED else hours,
            demo_link=self.demo_link_edit.text(),
            outcome=self.outcome_edit.toPlainText(),
            competencies=self.competency_model.checked_ids(),
            id=self._original.id if self._original is not None else None,
        )

    def _on_stage_combo_changed(self) -> None:
        shelved = self.stage_combo.currentData() == Stage.SHELVED.value
        self.stage_form.setRowVisible(self.because_combo, shelved)
        self.because_combo.setEnabled(shelved)

    def _on_consulted_edit_changed(self) -> None:
        # The count covers every named person and may be larger: keep the two consistent.
        self.consulted_count_spin.setMinimum(len(names_of(self.consulted_edit.toPlainText())))
