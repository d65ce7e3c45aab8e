"""The first-run welcome, also used later to edit the profile: name, role, ladder, target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_catalog import LadderSummary
from careercoach.domain.profile import Profile
from careercoach.services.profile_service import ProfileChanges
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
        parent: QWidget | None = None,
    ) -> None:
        """Ask for the profile; ``demo_available`` offers the demo year on the first run.

        Args:
            profile: The profile shown for editing.
            summaries: The ladders to choose from.
            ladders: The ladders loaded so far, by id (their levels fill the target list).
            first_run: Show the welcome rather than the profile editor.
            demo_available: The database holds no records, so the demo year can go in.
            parent: The window the dialog belongs to.
        """
        super().__init__(parent)
        self._ladders = ladders
        self._first_run = first_run
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
            else self.tr("Your name, role, and the level you are growing toward.")
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

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok_text = self.tr("&Get started") if first_run else self.tr("&Save")
        ok_button.setText(self._ok_text)
        cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setText(self.tr("&Later") if first_run else self.tr("Cancel"))
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

        row = self.ladder_model.row_of(profile.ladder_id)
        self.ladder_combo.setCurrentIndex(max(row, 0))
        self._on_ladder_combo_changed(self.ladder_combo.currentIndex())
        self._select_target(profile.target_level_id)
        self._on_name_edit_changed(self.name_edit.text())
        self.name_edit.setFocus()

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
        )

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
        for field in (self.name_edit, self.role_combo, self.ladder_combo, self.target_combo):
            field.setEnabled(not demo)
        self._update_ok_button()

    def _update_ok_button(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.demo_check.isChecked():
            ok_button.setText(self.tr("&Explore the demo"))
            ok_button.setEnabled(True)
            ok_button.setToolTip("")
            return
        ok_button.setText(self._ok_text)
        named = bool(self.name_edit.text().strip())
        ok_button.setEnabled(named)
        ok_button.setToolTip("" if named else self.tr("Enter your name first"))
