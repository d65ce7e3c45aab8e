"""Dialogs that add or edit a prototype and move it to another stage, validating as you type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.contribution import EARLIEST_DATE, MAX_TEXT_LENGTH
from careercoach.domain.evidence_checks import FieldProblem
from careercoach.domain.ladder import Competency
from careercoach.domain.prototype import Prototype, Stage, StageChange, prototype_problems
from careercoach.ui.form_helpers import (
    SavingState,
    ask_to_discard,
    date_edit,
    from_qdate,
    problems_label,
    show_problems,
)
from careercoach.ui.prototype_form import PrototypeForm, chosen_shelve_reason, shelve_reason_combo
from careercoach.ui.prototype_models import stage_label

# The stage a prototype usually moves to next; offered first in the stage dialog.
NEXT_STAGE = {
    Stage.IDEA: Stage.VALIDATING,
    Stage.VALIDATING: Stage.BUILDING,
    Stage.BUILDING: Stage.DEMO,
    Stage.DEMO: Stage.ADOPTED,
    Stage.ADOPTED: Stage.SHELVED,
    Stage.SHELVED: Stage.VALIDATING,
}


def problem_lines(widget: QWidget, problems: Sequence[FieldProblem]) -> list[str]:
    """Each problem as a line of its own, led by the field's label."""
    labels = {
        "title": widget.tr("Title"),
        "pitch": widget.tr("Pitch"),
        "learning goal": widget.tr("Learning goal"),
        "dataset name": widget.tr("Dataset name"),
        "dataset source": widget.tr("Dataset source"),
        "dataset licence": widget.tr("Dataset licence"),
        "people consulted": widget.tr("People consulted"),
        "consulted": widget.tr("Count of people consulted"),
        "reviewers": widget.tr("Reviewers and testers"),
        "feedback": widget.tr("Feedback"),
        "hours": widget.tr("Hours"),
        "demo link": widget.tr("Demo link"),
        "outcome": widget.tr("Outcome"),
        "competencies": widget.tr("Competencies"),
        "stage": widget.tr("Stage"),
        "stage date": widget.tr("Date"),
        "stage reason": widget.tr("Reason"),
        "shelved because": widget.tr("Why shelved"),
    }
    return [
        widget.tr("{field} {problem}").format(
            field=labels.get(problem.field, problem.field.capitalize()), problem=problem.message
        )
        for problem in problems
    ]


def _save_buttons(dialog: QDialog, save_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(save_text)
    save.setDefault(True)
    buttons.rejected.connect(dialog.reject)
    return buttons, save


class PrototypeDialog(QDialog):
    """Adds or edits a prototype; ``save_requested`` asks for it to be stored.

    The dialog stays open while it is saved: the flow calls ``end_saving`` and closes it
    with ``accept`` once stored, so nothing typed is lost when saving fails.
    """

    save_requested = Signal(object)  # Prototype

    def __init__(
        self,
        prototype: Prototype | None,
        competencies: Sequence[Competency],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._modified = False
        self.problems: tuple[FieldProblem, ...] = ()
        self.discard_box: QMessageBox | None = None
        self.setWindowTitle(
            self.tr("New Prototype") if prototype is None else self.tr("Edit Prototype")
        )
        self.form = PrototypeForm(prototype, competencies, today, self)
        self.problems_label = problems_label(self)
        self.buttons, self.save_button = _save_buttons(self, self.tr("&Save"))
        self._saving = SavingState(self.save_button)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self.form.edited.connect(self._on_form_edited)
        self._validate()
        self.resize(self.fontMetrics().averageCharWidth() * 180, self.sizeHint().height())
        self.form.title_edit.setFocus()

    def prototype(self) -> Prototype:
        """The prototype as entered."""
        return self.form.prototype()

    @property
    def modified(self) -> bool:
        """True once the user changed a field."""
        return self._modified

    def begin_saving(self) -> None:
        """Saving started: no second save meanwhile."""
        self._saving.begin()

    def end_saving(self) -> None:
        """Saving ended without success: the user may correct and save again."""
        self._saving.end()
        self._validate()

    def _validate(self) -> None:
        self.problems = prototype_problems(self.prototype(), self._today)
        show_problems(self.problems_label, problem_lines(self, self.problems))
        self._saving.update(not self.problems)
        self.save_button.setToolTip(
            self.tr("Correct the problems above to save") if self.problems else ""
        )

    def _on_form_edited(self) -> None:
        self._modified = True
        self._validate()

    def _on_save_button_clicked(self) -> None:
        self._validate()
        if not self.problems and not self._saving.saving:
            self.save_requested.emit(self.prototype())

    def reject(self) -> None:
        """Close without saving, asking first when fields were changed (Escape, Cancel)."""
        if self._saving.saving or self.discard_box is not None:
            return
        if not self._modified:
            super().reject()
            return
        self.discard_box = ask_to_discard(
            self, self.tr("Discard the changes you have not saved?"), self._discard
        )
        self.discard_box.finished.connect(self._on_discard_box_finished)

    def _discard(self) -> None:
        super().reject()

    def _on_discard_box_finished(self) -> None:
        if self.discard_box is not None:
            self.discard_box.deleteLater()
            self.discard_box = None


class StageChangeDialog(QDialog):
    """Moves a prototype to another stage on a date, with a reason."""

    save_requested = Signal(object)  # StageChange

    def __init__(
        self, prototype: Prototype, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._prototype = prototype
        self._today = today
        self.problems: tuple[FieldProblem, ...] = ()
        self.setWindowTitle(self.tr("Move to Stage"))

        intro = QLabel(
            self.tr("“{title}” is at {stage} since {date}.").format(
                title=prototype.title,
                stage=stage_label(prototype.stage),
                date=prototype.stage_since.isoformat(),
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.stage_combo = QComboBox(self)
        choices = [stage for stage in Stage if stage is not prototype.stage]
        for stage in choices:
            self.stage_combo.addItem(stage_label(stage), stage.value)
        self.stage_combo.setCurrentIndex(choices.index(NEXT_STAGE[prototype.stage]))
        self.date_edit = date_edit(self, today, minimum=EARLIEST_DATE)
        self.because_combo = shelve_reason_combo(self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_TEXT_LENGTH)
        self.advice_label = QLabel(self)
        self.advice_label.setWordWrap(True)
        self.problems_label = problems_label(self)
        self.buttons, self.save_button = _save_buttons(self, self.tr("&Move"))
        self._saving = SavingState(self.save_button)
        self.save_button.clicked.connect(self._on_save_button_clicked)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Stage:"), self.stage_combo)
        self.form.addRow(self.tr("&Date:"), self.date_edit)
        self.form.addRow(self.tr("&Why shelved:"), self.because_combo)
        self.form.addRow(self.tr("&Reason:"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

        self.stage_combo.currentIndexChanged.connect(self._on_field_changed)
        self.date_edit.dateChanged.connect(self._on_field_changed)
        self.because_combo.currentIndexChanged.connect(self._on_field_changed)
        self.reason_edit.textChanged.connect(self._on_field_changed)
        self._validate()
        self.stage_combo.setFocus()

    def change(self) -> StageChange:
        """The stage change as entered; why it was shelved only counts for the shelved stage."""
        stage = Stage(self.stage_combo.currentData())
        shelving = stage is Stage.SHELVED
        return StageChange(
            stage,
            from_qdate(self.date_edit.date()),
            self.reason_edit.text().strip(),
            chosen_shelve_reason(self.because_combo) if shelving else None,
        )

    def begin_saving(self) -> None:
        """Saving started: no second save meanwhile."""
        self._saving.begin()

    def end_saving(self) -> None:
        """Saving ended without success: the user may correct and try again."""
        self._saving.end()
        self._validate()

    def _validate(self) -> None:
        change = self.change()
        self._show_shelving(change.stage is Stage.SHELVED)
        moved = replace(self._prototype, history=(*self._prototype.history, change))
        self.problems = tuple(
            problem
            for problem in prototype_problems(moved, self._today)
            if problem.field.startswith("stage") or problem.field == "shelved because"
        )
        show_problems(self.problems_label, problem_lines(self, self.problems))
        self._saving.update(not self.problems)
        advice = self._advice(change.stage)
        self.advice_label.setText(advice)
        self.advice_label.setVisible(bool(advice))
        self._fit_height()

    def _fit_height(self) -> None:
        # Rows, advice and problems come and go with the fields: stay snug, never squeezed.
        layout = self.layout()
        if not self.isVisible() or layout is None:
            return
        layout.activate()
        # heightForWidth is the least that fits; the hint keeps the layout's spacing.
        height = max(self.heightForWidth(self.width()), self.sizeHint().height())
        self.resize(self.width(), height)

    def _show_shelving(self, shelving: bool) -> None:
        # The category only means something for a move to shelved: out of sight otherwise.
        self.form.setRowVisible(self.because_combo, shelving)
        self.because_combo.setEnabled(shelving)
        self.reason_edit.setPlaceholderText(
            self.tr("The details, and what you learned")
            if shelving
            else self.tr("e.g. who you asked, or what happened")
        )

    def _advice(self, stage: Stage) -> str:
        if stage is Stage.BUILDING and not self._prototype.passed_through(Stage.VALIDATING):
            return self.tr(
                "It has not been validated yet: talk to the people who would use it "
                "before you build."
            )
        if stage is Stage.SHELVED:
            return self.tr("Shelving is a result too: note why, and what you learned.")
        return ""

    def _on_field_changed(self) -> None:
        self._validate()

    def reject(self) -> None:
        """Close without moving it, unless a move is being stored."""
        if not self._saving.saving:
            super().reject()

    def _on_save_button_clicked(self) -> None:
        self._validate()
        if not self.problems and not self._saving.saving:
            self.save_requested.emit(self.change())
