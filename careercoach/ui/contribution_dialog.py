"""Log Work / Edit Entry: the ledger entry editor, which cannot save an invalid entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.contribution import Contribution
from careercoach.domain.contribution_checks import contribution_problems
from careercoach.domain.evidence_checks import FieldProblem
from careercoach.domain.rubric import difficulty
from careercoach.ui.contribution_form import ContributionForm

# Messages from the checks that read on from the field's name ("Title is required").
_CONTINUING = ("is ", "must ", "contains ")


class ContributionDialog(QDialog):
    """Adds a new entry (``entry`` None) or edits one; ``contribution()`` is the result."""

    def __init__(
        self,
        entry: Contribution | None,
        competencies: Mapping[str, str],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        editing = entry is not None and entry.id is not None
        self.setWindowTitle(self.tr("Edit Entry") if editing else self.tr("Log Work"))
        self.setObjectName("contributionDialog")

        self.form = ContributionForm(competencies, today, self)
        self.difficulty_label = QLabel(self)
        self.difficulty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.difficulty_label.setWordWrap(True)
        self.difficulty_label.setAccessibleName(self.tr("Difficulty"))
        self.problems_label = QLabel(self)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)  # user text is quoted in it
        self.problems_label.setWordWrap(True)
        self.problems_label.setAccessibleName(self.tr("Problems to fix before saving"))
        self.problems_label.setObjectName("problemsLabel")
        self._use_warning_colour()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save") if editing else self.tr("&Log"))
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QWidget.setTabOrder(self.form.last_field, self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.difficulty_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        width = self.fontMetrics().averageCharWidth() * 120
        self.resize(width, self.fontMetrics().lineSpacing() * 42)

        if entry is not None:
            self.form.set_contribution(entry)
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

    def accept(self) -> None:
        if self.problems():  # Enter in a field must not bypass the disabled Save button
            return
        super().accept()

    # -- slots --------------------------------------------------------------------------------

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
        lines = [self._problem_text(problem) for problem in problems]
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(problems))
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip(
            self.tr("Fix the problems listed above first") if problems else ""
        )

    def _problem_text(self, problem: FieldProblem) -> str:
        name = self.form.field_name(problem.field)
        if problem.message.startswith(_CONTINUING):
            return self.tr("• {field} {message}.").format(field=name, message=problem.message)
        return self.tr("• {field}: {message}.").format(field=name, message=problem.message)

    def _use_warning_colour(self) -> None:
        # A colour that reads as a warning on light and dark palettes alike.
        palette = self.problems_label.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        colour = QColor("#ff8a80") if dark else QColor("#b00020")
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.problems_label.setPalette(palette)
