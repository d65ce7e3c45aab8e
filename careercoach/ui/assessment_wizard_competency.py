"""One competency's page of the assessment wizard: adjacent levels side by side, the answer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from careercoach.domain.assessment import MAX_NOTES_LENGTH, Confidence, Rating
from careercoach.domain.contribution import EvidenceStrength
from careercoach.domain.ladder import Competency, Ladder
from careercoach.ui.assessment_wizard_levels import LevelColumns, plain_label
from careercoach.ui.assessment_wizard_models import SEARCH_ROLE, EvidenceTableModel
from careercoach.ui.assessment_wizard_state import EvidenceItem, EvidenceKind, suggested_first
from careercoach.ui.form_helpers import problems_label, show_problems, text_box

FLAG_STYLE = (
    "#noEvidenceFlag { background: rgba(230, 160, 20, 0.16);"
    " border: 1px solid rgba(200, 130, 0, 0.7); border-radius: 3px; }"
)


def strongest(items: Sequence[EvidenceItem]) -> EvidenceStrength | None:
    """The strongest evidence among ``items``; None when there are none."""
    return max((item.strength for item in items), key=lambda s: s.rank, default=None)


class CompetencyPage(QWizardPage):
    """Rate one competency: the level consistently met, confidence, notes and evidence."""

    answer_changed = Signal()

    def __init__(
        self,
        ladder: Ladder,
        competency: Competency,
        position: tuple[int, int],
        target_level_id: str,
        previous_level_id: str | None,
        rating: Rating | None,
        evidence: Sequence[EvidenceItem],
        parent: QWidget | None = None,
    ) -> None:
        """Build the page.

        Args:
            ladder: The pinned ladder version.
            competency: The competency rated on this page.
            position: Its number among the competencies (from 1) and how many there are.
            target_level_id: The level aimed for.
            previous_level_id: The level the latest finished assessment gave it, if any.
            rating: The draft's answer so far, if any.
            evidence: Every entry and prototype that can be attached, newest first.
            parent: The wizard.
        """
        super().__init__(parent)
        self.ladder = ladder
        self.competency = competency
        self._target = target_level_id
        self._previous = previous_level_id
        rating = rating or Rating(competency.id)
        number, total = position
        title = competency.name
        if competency.category and competency.category != competency.name:
            title = self.tr("{category} — {name}").format(
                category=competency.category, name=competency.name
            )
        self.setTitle(title)
        counter = self.tr("Competency {number} of {total}.").format(number=number, total=total)
        self.setSubTitle(f"{counter} {competency.description}".strip())

        self.level_combo = QComboBox(self)
        self.level_combo.setPlaceholderText(self.tr("Choose the level you consistently meet"))
        for level in ladder.levels:
            self.level_combo.addItem(level.title, level.id)
        self.level_combo.setCurrentIndex(self.level_combo.findData(rating.level_id))
        level_label = QLabel(self.tr("&Level consistently met:"), self)
        level_label.setBuddy(self.level_combo)
        self.hint_label = plain_label(self)
        self.flag_label = QLabel(
            self.tr("No evidence yet — the rating is allowed, but flagged."), self
        )
        self.flag_label.setObjectName("noEvidenceFlag")
        self.flag_label.setStyleSheet(FLAG_STYLE)
        self.flag_label.setMargin(4)
        self.flag_label.hide()

        self.level_columns = LevelColumns(self)
        self.columns_area = QScrollArea(self)
        self.columns_area.setWidget(self.level_columns)
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QFrame.Shape.NoFrame)
        self.columns_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns_area.setAccessibleName(self.tr("Expectations of adjacent levels"))

        self.confidence_group = QButtonGroup(self)
        confidence_texts = {
            Confidence.LOW: self.tr("Lo&w"),
            Confidence.MEDIUM: self.tr("&Medium"),
            Confidence.HIGH: self.tr("&High"),
        }
        self.confidence_buttons: dict[Confidence, QRadioButton] = {}
        confidence_row = QHBoxLayout()
        for confidence, text in confidence_texts.items():
            button = QRadioButton(text, self)
            self.confidence_buttons[confidence] = button
            self.confidence_group.addButton(button)
            confidence_row.addWidget(button)
        confidence_row.addStretch(1)
        self.confidence_buttons[rating.confidence].setChecked(True)

        self.notes_edit = text_box(self, 3, self.tr("What makes you say so (optional)"))
        self.notes_edit.setPlainText(rating.notes)
        notes_label = QLabel(self.tr("N&otes:"), self)
        notes_label.setBuddy(self.notes_edit)
        self.problems = problems_label(self)

        self.evidence_model = EvidenceTableModel(self)
        suggested = [item.key for item in evidence if competency.id in item.competencies]
        attached = [(EvidenceKind.ENTRY, i) for i in rating.evidence_ids]
        attached += [(EvidenceKind.PROTOTYPE, i) for i in rating.prototype_ids]
        self.evidence_model.set_items(
            suggested_first(evidence, competency.id), suggested, attached
        )
        self.evidence_proxy = QSortFilterProxyModel(self)
        self.evidence_proxy.setSourceModel(self.evidence_model)
        self.evidence_proxy.setFilterRole(SEARCH_ROLE)
        self.evidence_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search entries and prototypes"))
        search_label = QLabel(self.tr("&Search evidence:"), self)
        search_label.setBuddy(self.search_edit)
        self.evidence_view = self._evidence_view()
        self.evidence_summary = plain_label(self)

        top = QHBoxLayout()
        top.addWidget(level_label)
        top.addWidget(self.level_combo, 1)
        top.addWidget(self.hint_label, 2, Qt.AlignmentFlag.AlignVCenter)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Confidence:"), self))
        left.addLayout(confidence_row)
        left.addWidget(notes_label)
        left.addWidget(self.notes_edit, 1)
        left.addWidget(self.problems)
        right = QGridLayout()
        right.addWidget(search_label, 0, 0)
        right.addWidget(self.search_edit, 0, 1)
        right.addWidget(self.evidence_view, 1, 0, 1, 2)
        right.addWidget(self.evidence_summary, 2, 0, 1, 2)
        bottom = QHBoxLayout()
        bottom.addLayout(left, 1)
        bottom.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.flag_label)
        layout.addWidget(self.columns_area, 3)
        layout.addLayout(bottom, 2)
        for first, second in (
            (self.level_combo, self.columns_area),
            (self.columns_area, self.confidence_buttons[Confidence.LOW]),
            (self.confidence_buttons[Confidence.HIGH], self.notes_edit),
            (self.notes_edit, self.search_edit),
            (self.search_edit, self.evidence_view),
        ):
            QWidget.setTabOrder(first, second)

        self.level_combo.currentIndexChanged.connect(self._on_level_combo_current_index_changed)
        self.confidence_group.buttonToggled.connect(self._on_confidence_group_button_toggled)
        self.notes_edit.textChanged.connect(self._on_notes_edit_text_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.evidence_model.attachments_changed.connect(self._on_evidence_model_changed)
        self._show_levels()
        self._show_evidence()

    def _evidence_view(self) -> QTableView:
        view = QTableView(self)
        view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        view.setObjectName("evidenceView")
        view.setModel(self.evidence_proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.setAccessibleName(self.tr("Evidence to attach (Space ticks the selected row)"))
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EvidenceTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Kinds have long names ("Follow-on work for a teammate"): the title gets the room.
        header.setSectionResizeMode(EvidenceTableModel.TYPE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EvidenceTableModel.TYPE, view.fontMetrics().averageCharWidth() * 12)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(50)  # a long ledger must not slow each page down
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setMinimumHeight(view.fontMetrics().height() * 8)
        view.installEventFilter(self)
        return view

    # -- the answer -----------------------------------------------------------------------

    @property
    def level_id(self) -> str | None:
        """The chosen level, or None while none is chosen."""
        data = self.level_combo.currentData()
        return data if isinstance(data, str) else None

    def rating(self) -> Rating:
        """The answer on this page as it stands."""
        confidence = next(
            (c for c, button in self.confidence_buttons.items() if button.isChecked()),
            Confidence.MEDIUM,
        )
        return Rating(
            self.competency.id,
            self.level_id,
            confidence,
            self.notes_edit.toPlainText(),
            self.evidence_model.attached_ids(EvidenceKind.ENTRY),
            self.evidence_model.attached_ids(EvidenceKind.PROTOTYPE),
        )

    def evidence_strength(self) -> EvidenceStrength | None:
        """The strongest attached evidence that still exists."""
        return strongest(self.evidence_model.attached_items())

    def is_unsupported(self) -> bool:
        """True when the level is above the lowest and no evidence is attached."""
        chosen = self.level_id
        return (
            chosen is not None
            and self.ladder.level_index(chosen) > 0
            and self.evidence_strength() is None
        )

    def focus_widget(self) -> QWidget:
        """Where the keyboard starts on this page."""
        return self.level_combo

    def isComplete(self) -> bool:
        return len(self.notes_edit.toPlainText()) <= MAX_NOTES_LENGTH

    # -- showing --------------------------------------------------------------------------

    def _show_levels(self) -> None:
        self.level_columns.show_window(
            self.ladder, self.competency, self.level_id, self._previous, self._target
        )
        hints = []
        if self._previous is not None:
            hints.append(
                self.tr("Last assessment: {level}").format(level=self._title(self._previous))
            )
        hints.append(self.tr("Target: {level}").format(level=self._title(self._target)))
        self.hint_label.setText(" · ".join(hints))

    def _title(self, level_id: str) -> str:
        level = self.ladder.level(level_id)
        return level.title if level is not None else level_id

    def _show_evidence(self) -> None:
        attached = self.evidence_model.attached_items()
        strength = strongest(attached)
        if strength is None:
            text = self.tr("Nothing attached yet. Space ticks the selected row.")
        else:
            text = self.tr("{count} attached — strongest evidence: {strength}").format(
                count=len(attached), strength=strength.label
            )
        self.evidence_summary.setText(text)
        self.flag_label.setVisible(self.is_unsupported())

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.evidence_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
            and not event.modifiers()
        ):
            current = self.evidence_view.currentIndex()
            if current.isValid():
                row = self.evidence_proxy.mapToSource(current).row()
                self.evidence_model.set_attached(row, not self.evidence_model.is_attached(row))
            return True
        return super().eventFilter(watched, event)

    def _on_level_combo_current_index_changed(self, _index: int) -> None:
        self._show_levels()
        self._show_evidence()
        self.answer_changed.emit()

    def _on_confidence_group_button_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.answer_changed.emit()

    def _on_notes_edit_text_changed(self) -> None:
        length = len(self.notes_edit.toPlainText())
        problems = []
        if length > MAX_NOTES_LENGTH:
            problems.append(
                self.tr("Notes can be at most {limit} characters long (now {length}).").format(
                    limit=MAX_NOTES_LENGTH, length=length
                )
            )
        show_problems(self.problems, problems)
        self.completeChanged.emit()
        self.answer_changed.emit()

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.evidence_proxy.setFilterFixedString(text.strip())

    def _on_evidence_model_changed(self) -> None:
        self._show_evidence()
        self.answer_changed.emit()
