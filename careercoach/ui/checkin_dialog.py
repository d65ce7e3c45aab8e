"""The weekly check-in: where this week's hours went, entered in thirty seconds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.checkin import (
    HOURS_IN_WEEK,
    CheckIn,
    IsoWeek,
    checkin_problems,
)
from careercoach.domain.evidence_checks import HOURS_DECIMALS, FieldProblem
from careercoach.ui.form_helpers import SavingState, problems_label, show_problems

WEEKS_OFFERED = 13  # this week and the twelve before it
EN_DASH = "\u2013"  # between the first and last day of a week


def _day(day: dt.date, pattern: str) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def week_label(week: IsoWeek) -> str:
    """The week with its days, like "2026-W48 (23-29 Nov)" (with an en dash)."""
    monday, sunday = week.monday, week.sunday
    if monday.month == sunday.month:
        days = f"{monday.day}{EN_DASH}{_day(sunday, 'd MMM')}"
    else:
        days = f"{_day(monday, 'd MMM')} {EN_DASH} {_day(sunday, 'd MMM')}"
    return f"{week} ({days})"


def recent_weeks(this_week: IsoWeek, count: int = WEEKS_OFFERED) -> list[IsoWeek]:
    """``this_week`` and the weeks before it, latest first."""
    weeks = [this_week]
    while len(weeks) < count:
        weeks.append(weeks[-1].previous())
    return weeks


def hours_spin(parent: QWidget) -> QDoubleSpinBox:
    """Hours of one week: 0 to 168, stepping by half hours, as precise as they are stored."""
    spin = QDoubleSpinBox(parent)
    spin.setRange(0.0, HOURS_IN_WEEK)
    spin.setDecimals(HOURS_DECIMALS)  # a stored 7.25 must not come back as 7.3
    spin.setSingleStep(0.5)
    spin.setSuffix(parent.tr(" h"))
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin


class CheckInDialog(QDialog):
    """Asks how the hours of a week were spent; ``save_requested`` asks for it to be stored.

    ``existing`` holds the check-ins already saved for the weeks on offer: picking such a
    week loads it for editing. The dialog stays open until the flow has stored the check-in.
    """

    save_requested = Signal(object)  # CheckIn

    def __init__(
        self,
        today: dt.date,
        existing: Mapping[IsoWeek, CheckIn],
        parent: QWidget | None = None,
        *,
        week: IsoWeek | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._existing = dict(existing)
        self._loaded: tuple[object, ...] | None = None  # a stored check-in's values, as shown
        self.problems: tuple[FieldProblem, ...] = ()
        self.setWindowTitle(self.tr("Weekly Check-In"))

        intro = QLabel(self.tr("Where did your hours go this week? Rough numbers are fine."), self)
        intro.setWordWrap(True)
        self.week_combo = QComboBox(self)
        for offered in recent_weeks(IsoWeek.of(today)):
            label = week_label(offered)
            if offered in self._existing:
                label = self.tr("{week} · checked in").format(week=label)
            self.week_combo.addItem(label, str(offered))
        self.assigned_spin = hours_spin(self)
        self.helping_spin = hours_spin(self)
        self.learning_spin = hours_spin(self)
        self.solo_spin = hours_spin(self)
        self.assigned_spin.setToolTip(self.tr("The work you were given"))
        self.helping_spin.setToolTip(
            self.tr("Reviews, docs, tests or follow-on work for teammates, pairing, support")
        )
        self.learning_spin.setToolTip(self.tr("Courses, reading, trying things out"))
        self.solo_spin.setToolTip(self.tr("Side projects and prototypes"))
        self.total_label = QLabel(self)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("Optional: what stood out this week"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.problems_label = problems_label(self)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self._saving = SavingState(self.save_button)

        form = QFormLayout()
        form.addRow(self.tr("&Week:"), self.week_combo)
        form.addRow(self.tr("&Assigned work:"), self.assigned_spin)
        form.addRow(self.tr("&Helping others:"), self.helping_spin)
        form.addRow(self.tr("&Learning:"), self.learning_spin)
        form.addRow(self.tr("S&olo projects:"), self.solo_spin)
        form.addRow("", self.total_label)
        form.addRow(self.tr("&Note:"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        for first, second in (
            (self.assigned_spin, self.helping_spin),
            (self.helping_spin, self.learning_spin),
            (self.learning_spin, self.solo_spin),
            (self.solo_spin, self.note_edit),
            (self.note_edit, self.week_combo),
        ):
            QWidget.setTabOrder(first, second)

        for spin in self.spin_boxes():
            spin.valueChanged.connect(self._on_hours_changed)
        self.note_edit.textChanged.connect(self._on_note_edit_changed)
        self.week_combo.currentIndexChanged.connect(self._on_week_combo_changed)
        start = self.week_combo.findData(str(week)) if week is not None else 0
        self.week_combo.setCurrentIndex(max(start, 0))
        self._on_week_combo_changed(self.week_combo.currentIndex())
        self.assigned_spin.setFocus()

    def spin_boxes(self) -> Sequence[QDoubleSpinBox]:
        """Assigned work, helping others, learning and solo projects, in that order."""
        return (self.assigned_spin, self.helping_spin, self.learning_spin, self.solo_spin)

    def week(self) -> IsoWeek:
        """The week chosen."""
        return IsoWeek.parse(str(self.week_combo.currentData()))

    def checkin(self) -> CheckIn:
        """The check-in as entered."""
        assigned, helping, learning, solo = (spin.value() for spin in self.spin_boxes())
        return CheckIn(
            self.week(), assigned, helping, learning, solo, self.note_edit.toPlainText()
        )

    def begin_saving(self) -> None:
        """Saving started: no second save meanwhile."""
        self._saving.begin()

    def end_saving(self) -> None:
        """Saving ended without success: the user may correct and save again."""
        self._saving.end()
        self._validate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.assigned_spin.selectAll()  # typing replaces the shown hours at once

    def reject(self) -> None:
        """Close without saving, unless a save is under way."""
        if not self._saving.saving:
            super().reject()

    def _validate(self) -> None:
        checkin = self.checkin()
        self.total_label.setText(
            self.tr("{hours} h in total").format(hours=f"{checkin.total_hours:g}")
        )
        self.problems = checkin_problems(checkin, self._today)
        show_problems(self.problems_label, [self._describe(p) for p in self.problems])
        self._saving.update(not self.problems)

    def _describe(self, problem: FieldProblem) -> str:
        labels = {
            "week": self.tr("Week"),
            "assigned": self.tr("Assigned work"),
            "helping": self.tr("Helping others"),
            "learning": self.tr("Learning"),
            "solo": self.tr("Solo projects"),
            "hours": self.tr("The hours"),
            "note": self.tr("Note"),
        }
        field = labels.get(problem.field, problem.field.capitalize())
        return self.tr("{field} {problem}").format(field=field, problem=problem.message)

    def _on_week_combo_changed(self, _row: int) -> None:
        week = self.week()
        stored = self._existing.get(week)
        if stored is not None:
            self._show(stored)
        elif self._loaded is not None and self._values() == self._loaded:
            self._show(CheckIn(week, 0.0, 0.0, 0.0, 0.0))  # not the other week's numbers
        self._loaded = self._values() if stored is not None else None
        self.state_label.setText(
            self.tr("You checked in for {week} already: saving replaces it.").format(week=week)
            if stored is not None
            else ""
        )
        self.state_label.setVisible(stored is not None)
        self._validate()
        self.assigned_spin.selectAll()

    def _values(self) -> tuple[object, ...]:
        return (*(spin.value() for spin in self.spin_boxes()), self.note_edit.toPlainText())

    def _show(self, checkin: CheckIn) -> None:
        values = (
            checkin.assigned_hours,
            checkin.helping_hours,
            checkin.learning_hours,
            checkin.solo_hours,
        )
        for spin, value in zip(self.spin_boxes(), values, strict=True):
            spin.setValue(value)
        self.note_edit.setPlainText(checkin.note)

    def _on_hours_changed(self, _value: float) -> None:
        self._validate()

    def _on_note_edit_changed(self) -> None:
        self._validate()

    def _on_save_button_clicked(self) -> None:
        self._validate()
        if not self.problems and not self._saving.saving:
            self.save_requested.emit(self.checkin())
