"""The first-run welcome, also used later to edit the profile: who, which ladder, 1:1 rhythm."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_catalog import LadderSummary
from careercoach.domain.profile import MAX_ONE_ON_ONE_EVERY_DAYS, Profile, upcoming_one_on_one
from careercoach.services.clock import local_today
from careercoach.services.profile_service import ProfileChanges
from careercoach.ui.form_helpers import date_edit, from_qdate, to_qdate
from careercoach.ui.ladder_models import LADDER_ID_ROLE, LadderListModel

# The built-in ladder that fits each suggested role; choosing the role picks the ladder.
ROLE_LADDERS = {
    "Data Scientist": "data-science-ic",
    "ML Engineer": "ml-engineer",
    "Software Engineer": "software-engineer",
}


class ProfileDialog(QDialog):
    """Asks who the user is and which level they are growing toward."""

    def __init__(
        self,
        profile: Profile,
        summaries: Sequence[LadderSummary],
        ladders: Mapping[str, Ladder],
        *,
        first_run: bool,
        demo_available: bool = False,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Ask for the profile; ``demo_available`` offers the demo year on the first run.

        Args:
            profile: The profile shown for editing.
            summaries: The ladders to choose from.
            ladders: The ladders loaded so far, by id (their levels fill the target list).
            first_run: Show the welcome rather than the profile editor.
            demo_available: The database holds no records, so the demo year can go in.
            today: The earliest day the next 1:1 can be (the user's today when None).
            parent: The window the dialog belongs to.
        """
        super().__init__(parent)
        self._ladders = ladders
        self._first_run = first_run
        self._today = today or local_today()
        self._offers_demo = first_run and demo_available
        self.setWindowTitle(self.tr("Welcome to CareerCoach") if first_run else self.tr("Profile"))
        self.setModal(True)

        heading = QLabel(
            self.tr("Welcome to CareerCoach") if first_run else self.tr("Your profile"), self
        )
        heading_font = heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            self.tr(
                "CareerCoach helps you see where you stand on your career ladder, collect "
                "the evidence of your work and prepare your 1:1s. Everything stays on this "
                "computer.\n\nTell it a little about yourself to begin."
            )
            if first_run
            else self.tr(
                "Your name, role, the level you are growing toward, and when you meet "
                "your manager."
            )
        )

        self.name_edit = QLineEdit(profile.name, self)
        self.name_edit.setPlaceholderText(self.tr("Your name"))
        self.name_edit.setMaxLength(200)
        self.role_combo = QComboBox(self)
        self.role_combo.setEditable(True)
        self.role_combo.addItems(list(ROLE_LADDERS))
        self.role_combo.setCurrentText(profile.role)
        role_edit = self.role_combo.lineEdit()
        if role_edit is not None:  # always set for an editable combo box
            role_edit.setMaxLength(200)

        self.ladder_model = LadderListModel(self)
        self.ladder_model.set_summaries(summaries)
        self.ladder_combo = QComboBox(self)
        self.ladder_combo.setModel(self.ladder_model)
        self.target_combo = QComboBox(self)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("&Ladder:"), self.ladder_combo)
        form.addRow(self.tr("&Target level:"), self.target_combo)
        self.level_summary = QLabel(self)
        self.level_summary.setWordWrap(True)
        self.level_summary.setTextFormat(Qt.TextFormat.PlainText)
        # Room for a typical level summary even where the dialog cannot grow (small screens).
        self.level_summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        form.addRow("", self.level_summary)
        self._add_one_on_one_rows(form, profile)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok_text = self.tr("&Get started") if first_run else self.tr("&Save")
        ok_button.setText(self._ok_text)
        cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setText(self.tr("L&ater") if first_run else self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.demo_check = QCheckBox(
            self.tr("&Explore with a demo year first (a mid-level data scientist's work)"), self
        )
        self.demo_check.setToolTip(
            self.tr(
                "Fills CareerCoach with a realistic year of ledger entries, prototypes and "
                "check-ins so you can look around. Use a fresh data folder for your own data."
            )
        )
        # The demo only goes into an empty database: not offered once records exist.
        self.demo_check.setVisible(self._offers_demo)
        self.demo_check.toggled.connect(self._on_demo_check_toggled)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.demo_check)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

        self.ladder_combo.currentIndexChanged.connect(self._on_ladder_combo_changed)
        self.target_combo.currentIndexChanged.connect(self._on_target_combo_changed)
        self.name_edit.textChanged.connect(self._on_name_edit_changed)
        self.role_combo.currentTextChanged.connect(self._on_role_combo_text_changed)
        self.every_spin.valueChanged.connect(self._on_every_spin_changed)
        self.scheduled_check.toggled.connect(self._on_scheduled_check_toggled)
        self.next_edit.dateChanged.connect(self._on_next_edit_changed)

        row = self.ladder_model.row_of(profile.ladder_id)
        self.ladder_combo.setCurrentIndex(max(row, 0))
        self._on_ladder_combo_changed(self.ladder_combo.currentIndex())
        self._select_target(profile.target_level_id)
        self._on_name_edit_changed(self.name_edit.text())
        self._on_every_spin_changed(self.every_spin.value())
        self.name_edit.setFocus()

    def _add_one_on_one_rows(self, form: QFormLayout, profile: Profile) -> None:
        """The 1:1 rhythm: how often, the next date (when one is scheduled), the dates after."""
        self.every_spin = QSpinBox(self)
        self.every_spin.setRange(1, MAX_ONE_ON_ONE_EVERY_DAYS)
        self.every_spin.setValue(profile.one_on_one_every_days)
        self.every_spin.setToolTip(self.tr("How many days from one 1:1 to the next"))
        # As wide as "365 days", not the whole row: a number, not a line of text.
        self.every_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # A date that has passed stands for the same rhythm: show the next one from today.
        upcoming = upcoming_one_on_one(profile, self._today)
        # Without one, propose a cadence from today (following the cadence until picked).
        proposed = self._today + dt.timedelta(days=self.every_spin.value())
        self._proposal = None if upcoming else proposed
        self.scheduled_check = QCheckBox(self.tr("Sche&duled"), self)
        self.scheduled_check.setChecked(upcoming is not None)
        self.scheduled_check.setToolTip(
            self.tr("Uncheck when no 1:1 is planned; the Dashboard then shows no countdown")
        )
        self.next_edit = date_edit(self, upcoming or proposed, minimum=self._today)
        self.next_edit.setAccessibleName(self.tr("Next 1:1 date"))
        self.next_edit.setEnabled(upcoming is not None)
        next_row = QHBoxLayout()
        next_row.addWidget(self.scheduled_check)
        next_row.addWidget(self.next_edit)
        next_row.addStretch(1)
        next_label = QLabel(self.tr("Ne&xt 1:1:"), self)
        next_label.setBuddy(self.scheduled_check)  # the date field is disabled when unscheduled
        self.rhythm_hint = QLabel(self)
        self.rhythm_hint.setWordWrap(True)
        self.rhythm_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.rhythm_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Room for either hint, so checking "Scheduled" does not make the dialog jump.
        self.rhythm_hint.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self.rhythm_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("1:1 e&very:"), self.every_spin)
        form.addRow(next_label, next_row)
        form.addRow("", self.rhythm_hint)

    def focus_one_on_one(self) -> None:
        """Put the cursor in the next 1:1's date, scheduling one (a proposed date) if none is."""
        self.scheduled_check.setChecked(True)
        self.next_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def wants_demo(self) -> bool:
        """True when the user chose to explore the demo year instead of their own profile."""
        return self._offers_demo and self.demo_check.isChecked()

    def changes(self) -> ProfileChanges:
        """What the user entered."""
        return ProfileChanges(
            name=self.name_edit.text().strip(),
            role=self.role_combo.currentText().strip(),
            ladder_id=self.ladder_combo.currentData(LADDER_ID_ROLE),
            target_level_id=self.target_combo.currentData(),
            one_on_one_every_days=self.every_spin.value(),
            next_one_on_one=self.next_one_on_one(),
            clear_next_one_on_one=not self.scheduled_check.isChecked(),
        )

    def next_one_on_one(self) -> dt.date | None:
        """The date of the next 1:1 as entered; None when it is not scheduled."""
        if not self.scheduled_check.isChecked():
            return None
        return from_qdate(self.next_edit.date())

    def _select_target(self, level_id: str) -> None:
        row = self.target_combo.findData(level_id)
        if row >= 0:
            self.target_combo.setCurrentIndex(row)

    def _on_ladder_combo_changed(self, row: int) -> None:
        summary = self.ladder_model.summary_at(row)
        previous = self.target_combo.currentData()
        self.target_combo.clear()
        ladder = self._ladders.get(summary.id) if summary else None
        if ladder is None:
            return
        for level in ladder.levels:
            self.target_combo.addItem(level.title, level.id)
        if isinstance(previous, str) and self.target_combo.findData(previous) >= 0:
            self._select_target(previous)
        else:
            # The level after the middle of the ladder is the usual next step to aim for.
            self.target_combo.setCurrentIndex(min(len(ladder.levels) - 1, len(ladder.levels) // 2))

    def _on_target_combo_changed(self, _row: int) -> None:
        summary = self.ladder_model.summary_at(self.ladder_combo.currentIndex())
        ladder = self._ladders.get(summary.id) if summary else None
        level = ladder.level(self.target_combo.currentData()) if ladder else None
        self.level_summary.setText(level.summary if level else "")

    def _on_role_combo_text_changed(self, role: str) -> None:
        ladder_id = ROLE_LADDERS.get(role.strip())
        row = self.ladder_model.row_of(ladder_id) if ladder_id else -1
        if row >= 0:
            self.ladder_combo.setCurrentIndex(row)

    def _on_name_edit_changed(self, _text: str) -> None:
        self._update_ok_button()

    def _on_demo_check_toggled(self, demo: bool) -> None:
        fields: tuple[QWidget, ...] = (
            self.name_edit,
            self.role_combo,
            self.ladder_combo,
            self.target_combo,
            self.every_spin,
            self.scheduled_check,
        )
        for field in fields:
            field.setEnabled(not demo)
        self.next_edit.setEnabled(not demo and self.scheduled_check.isChecked())
        self._update_ok_button()

    def _on_every_spin_changed(self, days: int) -> None:
        self.every_spin.setSuffix(self.tr(" day") if days == 1 else self.tr(" days"))
        if self._proposal is not None and from_qdate(self.next_edit.date()) == self._proposal:
            self._proposal = self._today + dt.timedelta(days=days)
            self.next_edit.setDate(to_qdate(self._proposal))
        self._update_rhythm_hint()

    def _on_scheduled_check_toggled(self, scheduled: bool) -> None:
        self.next_edit.setEnabled(scheduled and not self.demo_check.isChecked())
        self._update_rhythm_hint()

    def _on_next_edit_changed(self, _day: object) -> None:
        self._update_rhythm_hint()

    def _update_rhythm_hint(self) -> None:
        day = self.next_one_on_one()
        if day is None:
            self.rhythm_hint.setText(
                self.tr(
                    "Not scheduled: no countdown on the Dashboard, and 1:1 summaries cover "
                    "the last 30 days."
                )
            )
            return
        every = self.every_spin.value()
        dates = ", ".join(later.isoformat() for later in following_one_on_ones(day, every))
        text = (
            self.tr("Then every day: {dates}, …")
            if every == 1
            else self.tr("Then every {count} days: {dates}, …")
        )
        self.rhythm_hint.setText(text.format(count=every, dates=dates))

    def _update_ok_button(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.demo_check.isChecked():
            ok_button.setText(self.tr("Explore the de&mo"))
            ok_button.setEnabled(True)
            ok_button.setToolTip("")
            return
        ok_button.setText(self._ok_text)
        named = bool(self.name_edit.text().strip())
        ok_button.setEnabled(named)
        ok_button.setToolTip("" if named else self.tr("Enter your name first"))


def following_one_on_ones(day: dt.date, every_days: int, count: int = 2) -> list[dt.date]:
    """The ``count`` 1:1s after one on ``day`` when they happen every ``every_days`` days."""
    rhythm = Profile(one_on_one_every_days=every_days, next_one_on_one=day)
    following: list[dt.date] = []
    for _ in range(count):
        # The day after the last one: the scheduled date has passed, so it rolls forward.
        after = following[-1] if following else day
        upcoming = upcoming_one_on_one(rhythm, after + dt.timedelta(days=1))
        if upcoming is None:  # never: the rhythm has a date
            break
        following.append(upcoming)
    return following
