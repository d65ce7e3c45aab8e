"""Log Work / Edit Entry: the ledger entry editor, which cannot save an invalid entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.contribution import Contribution
from careercoach.domain.contribution_checks import contribution_problems
from careercoach.domain.evidence_checks import FieldProblem
from careercoach.domain.rubric import difficulty
from careercoach.ui.contribution_form import ContributionForm
from careercoach.ui.form_helpers import SavingState, ask_to_discard, problems_label, show_problems

# Messages from the checks that read on from the field's name ("Title is required").
_CONTINUING = ("is ", "must ", "contains ")


class ContributionDialog(QDialog):
    """Adds a new entry (``entry`` None) or edits one; ``save_requested`` asks to store it.

    The dialog stays open while the entry is stored, so nothing typed is lost when that
    fails: the flow closes it with ``accept`` once stored, or calls ``end_saving``.
    """

    save_requested = Signal(object)  # Contribution

    def __init__(
        self,
        entry: Contribution | None,
        competencies: Mapping[str, str],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.discard_box: QMessageBox | None = None
        self.setObjectName("contributionDialog")

        self.form = ContributionForm(competencies, today, self)
        self.difficulty_label = QLabel(self)
        self.difficulty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.difficulty_label.setWordWrap(True)
        self.difficulty_label.setAccessibleName(self.tr("Difficulty"))
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.problems_label = problems_label(self)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self._saving = SavingState(self.save_button)
        QWidget.setTabOrder(self.form.last_field, self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.difficulty_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        width = self.fontMetrics().averageCharWidth() * 120
        self.resize(width, self.fontMetrics().lineSpacing() * 42)

        if entry is not None:
            self.form.set_contribution(entry)
        self._show_mode(editing=entry is not None and entry.id is not None)
        self._unchanged = self.form.typed()
        self.form.changed.connect(self._on_form_changed)
        self._on_form_changed()
        self.form.title_edit.setFocus()

    def contribution(self) -> Contribution:
        """The entry as entered (with its id when editing)."""
        return self.form.contribution()

    def problems(self) -> tuple[FieldProblem, ...]:
        """Everything that keeps the entry from being saved; empty when it can be."""
        return self.form.input_problems() + contribution_problems(
            self.form.contribution(), self._today
        )

    @property
    def modified(self) -> bool:
        """True when a field holds something other than it did when the editor opened."""
        return self.form.typed() != self._unchanged

    @property
    def saving(self) -> bool:
        """True while the entry is being stored."""
        return self._saving.saving

    def begin_saving(self) -> None:
        """Storing started: no second save, and no closing, until it ends."""
        self._saving.begin()

    def end_saving(self) -> None:
        """Storing failed: the user may correct the entry and save again."""
        self._saving.end()
        self._on_form_changed()

    def save_as_new(self, reason: str) -> None:
        """The entry being edited is gone: saving now adds what was typed as a new entry."""
        self.form.forget_id()
        self._show_mode(editing=False)
        self.notice_label.setText(reason)
        self.notice_label.show()

    def reject(self) -> None:
        """Close without saving (Escape, Cancel); asks first when something was typed."""
        if self._saving.saving:
            return
        if not self.modified:
            super().reject()
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        question = (
            self.tr("Discard your changes to this entry?")
            if self.form.contribution().id is not None
            else self.tr("Discard this entry?")
        )
        self.discard_box = ask_to_discard(self, question, self._discard)

    # -- slots --------------------------------------------------------------------------------

    def _discard(self) -> None:
        super().reject()

    def _on_save_button_clicked(self) -> None:
        if not self.problems() and not self._saving.saving:
            self.save_requested.emit(self.contribution())

    def _on_form_changed(self) -> None:
        entry = self.form.contribution()
        score = difficulty(entry.rubric)
        if score is None:
            self.difficulty_label.setText(
                self.tr(
                    "Difficulty: not rated yet — rate ambiguity, complexity, "
                    "cross-functional or size."
                )
            )
        else:
            self.difficulty_label.setText(
                self.tr("Difficulty: {explanation}").format(explanation=score.explanation)
            )
        problems = self.problems()
        show_problems(self.problems_label, [self._problem_text(problem) for problem in problems])
        self._saving.update(can_save=not problems)
        self.save_button.setToolTip(
            self.tr("Fix the problems listed above first") if problems else ""
        )

    def _show_mode(self, *, editing: bool) -> None:
        self.setWindowTitle(self.tr("Edit Entry") if editing else self.tr("Log Work"))
        self.save_button.setText(self.tr("&Save") if editing else self.tr("&Log"))

    def _problem_text(self, problem: FieldProblem) -> str:
        name = self.form.field_name(problem.field)
        if problem.message.startswith(_CONTINUING):
            return self.tr("• {field} {message}.").format(field=name, message=problem.message)
        return self.tr("• {field}: {message}.").format(field=name, message=problem.message)
