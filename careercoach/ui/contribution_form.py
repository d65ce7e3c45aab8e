"""The fields of a ledger entry as widgets: the work, its rubric, its evidence."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.contribution import (
    EARLIEST_DATE,
    Contribution,
    ContributionKind,
    EvidenceStrength,
)
from careercoach.domain.contribution_checks import normalised_contribution
from careercoach.domain.evidence_checks import FieldProblem
from careercoach.domain.rubric import RATING_MAX, RATING_MIN, Rubric, Size
from careercoach.ui.form_helpers import date_edit, from_qdate, hours_text, text_box, to_qdate

COMPETENCY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A plain decimal number; "," may stand for the decimal point ("1,5" is 1.5). At most two
# decimals, as stored: "1,000" and "1.000" could mean one thousand, so neither is guessed at.
_HOURS_PATTERN = re.compile(r"[0-9]+(?:[.,][0-9]{1,2})?")


class ContributionForm(QWidget):
    """Every field of a ledger entry; ``changed`` fires on each edit."""

    changed = Signal()

    def __init__(
        self,
        competencies: Mapping[str, str],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._competency_names = dict(competencies)
        self._entry_id: int | None = None
        self.field_labels: dict[str, QLabel] = {}

        # -- the work ----------------------------------------------------------------------
        self.date_edit = date_edit(self, today, minimum=EARLIEST_DATE, maximum=today)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. Reviewed Maya's feature-store PR"))
        self.kind_combo = QComboBox(self)
        for kind in ContributionKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.beneficiary_edit = QLineEdit(self)
        self.beneficiary_edit.setPlaceholderText(self.tr("A person or team, optional"))
        self.project_edit = QLineEdit(self)
        self.project_edit.setPlaceholderText(self.tr("Optional"))
        self.hours_edit = QLineEdit(self)
        self.hours_edit.setPlaceholderText(self.tr("Optional, e.g. 2.5"))
        self.hours_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)

        work = QGroupBox(self.tr("The work"), self)
        work_form = QFormLayout(work)
        self._add_row(work_form, "date", self.tr("&Date:"), self.date_edit)
        self._add_row(work_form, "title", self.tr("&Title:"), self.title_edit)
        self._add_row(work_form, "kind", self.tr("&Kind:"), self.kind_combo)
        self._add_row(work_form, "beneficiary", self.tr("&Who benefited:"), self.beneficiary_edit)
        self._add_row(work_form, "project", self.tr("&Project:"), self.project_edit)
        self._add_row(work_form, "hours", self.tr("H&ours:"), self.hours_edit)

        # -- the rubric --------------------------------------------------------------------
        self.ambiguity_combo = self._rating_combo(
            (
                self.tr("clear task, known solution"),
                self.tr("clear goal, some choices open"),
                self.tr("goal known, approach to find"),
                self.tr("problem known, goal to shape"),
                self.tr("problem not yet defined"),
            )
        )
        self.complexity_combo = self._rating_combo(
            (
                self.tr("routine change"),
                self.tr("a few moving parts"),
                self.tr("several parts, some new ground"),
                self.tr("intricate, new techniques"),
                self.tr("novel, nobody here has done it"),
            )
        )
        self.cross_functional_combo = self._rating_combo(
            (
                self.tr("on my own"),
                self.tr("within my team"),
                self.tr("with one other team"),
                self.tr("with several teams"),
                self.tr("across the organisation"),
            )
        )
        self.size_combo = QComboBox(self)
        self.size_combo.addItem(self.tr("Not rated"), None)
        size_hints = {
            Size.S: self.tr("S — a day or less"),
            Size.M: self.tr("M — a few days"),
            Size.L: self.tr("L — a few weeks"),
            Size.XL: self.tr("XL — a month or more"),
        }
        for size, text in size_hints.items():
            self.size_combo.addItem(text, size.value)
        self.challenges_edit = text_box(
            self, 3, self.tr("What outside your control made it harder, if anything")
        )
        rubric = QGroupBox(self.tr("Rubric"), self)
        rubric_form = QFormLayout(rubric)
        self._add_row(rubric_form, "ambiguity", self.tr("&Ambiguity:"), self.ambiguity_combo)
        self._add_row(rubric_form, "complexity", self.tr("Co&mplexity:"), self.complexity_combo)
        self._add_row(
            rubric_form,
            "cross-functional",
            self.tr("C&ross-functional:"),
            self.cross_functional_combo,
        )
        self._add_row(rubric_form, "size", self.tr("Si&ze:"), self.size_combo)
        self._add_row(
            rubric_form,
            "external challenges",
            self.tr("E&xternal challenges:"),
            self.challenges_edit,
        )

        # -- the evidence ------------------------------------------------------------------
        self.outcome_edit = text_box(self, 3, self.tr("What changed because of it"))
        self.links_edit = text_box(self, 3, self.tr("One link per line: PR, doc, ticket…"))
        self.feedback_edit = text_box(self, 3, self.tr("What someone said about it, in quotes"))
        self.evidence_combo = QComboBox(self)
        for strength in EvidenceStrength:
            self.evidence_combo.addItem(strength.label, strength.value)
        evidence = QGroupBox(self.tr("Evidence"), self)
        evidence_form = QFormLayout(evidence)
        self._add_row(evidence_form, "outcome", self.tr("O&utcome:"), self.outcome_edit)
        self._add_row(evidence_form, "links", self.tr("Li&nks:"), self.links_edit)
        self._add_row(
            evidence_form, "feedback", self.tr("Peer &feedback quote:"), self.feedback_edit
        )
        self._add_row(
            evidence_form, "evidence", self.tr("E&vidence strength:"), self.evidence_combo
        )

        self.competency_model = QStandardItemModel(self)
        self.competency_list = QListView(self)
        self.competency_list.setModel(self.competency_model)
        self.competency_list.setAccessibleName(self.tr("Competencies evidenced"))
        self.competency_list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 32)
        competencies_box = QGroupBox(self.tr("Competencies evidenced"), self)
        competencies_layout = QVBoxLayout(competencies_box)
        competencies_label = QLabel(self.tr("&Check each one this work shows:"), self)
        competencies_label.setBuddy(self.competency_list)
        self.field_labels["competencies"] = competencies_label
        competencies_layout.addWidget(competencies_label)
        competencies_layout.addWidget(self.competency_list)
        self._fill_competencies(())

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(work, 0, 0)
        grid.addWidget(rubric, 0, 1)
        grid.addWidget(evidence, 1, 0)
        grid.addWidget(competencies_box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)

        self._tab_order = (
            self.date_edit,
            self.title_edit,
            self.kind_combo,
            self.beneficiary_edit,
            self.project_edit,
            self.hours_edit,
            self.ambiguity_combo,
            self.complexity_combo,
            self.cross_functional_combo,
            self.size_combo,
            self.challenges_edit,
            self.outcome_edit,
            self.links_edit,
            self.feedback_edit,
            self.evidence_combo,
            self.competency_list,
        )
        for first, second in itertools.pairwise(self._tab_order):
            QWidget.setTabOrder(first, second)
        self._connect_changes()

    # -- public -------------------------------------------------------------------------------

    @property
    def last_field(self) -> QWidget:
        """The last widget in tab order (the dialog's buttons come after it)."""
        return self._tab_order[-1]

    def set_contribution(self, entry: Contribution) -> None:
        """Fill every field from ``entry``; saving keeps its id."""
        self._entry_id = entry.id
        self.date_edit.setDate(to_qdate(entry.date))
        self.title_edit.setText(entry.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(entry.kind.value))
        self.beneficiary_edit.setText(entry.beneficiary)
        self.project_edit.setText(entry.project)
        self.hours_edit.setText(hours_text(entry.hours))
        _select(self.ambiguity_combo, entry.rubric.ambiguity)
        _select(self.complexity_combo, entry.rubric.complexity)
        _select(self.cross_functional_combo, entry.rubric.cross_functional)
        _select(self.size_combo, entry.rubric.size.value if entry.rubric.size else None)
        self.challenges_edit.setPlainText(entry.external_challenges)
        self.outcome_edit.setPlainText(entry.outcome)
        self.links_edit.setPlainText("\n".join(entry.links))
        self.feedback_edit.setPlainText(entry.feedback_quote)
        self.evidence_combo.setCurrentIndex(self.evidence_combo.findData(entry.evidence.value))
        self._fill_competencies(entry.competencies)
        self.changed.emit()

    def contribution(self) -> Contribution:
        """The entry as entered, trimmed; blank or unreadable hours count as none."""
        size = self.size_combo.currentData()
        return normalised_contribution(
            Contribution(
                date=from_qdate(self.date_edit.date()),
                title=self.title_edit.text(),
                kind=ContributionKind(self.kind_combo.currentData()),
                beneficiary=self.beneficiary_edit.text(),
                project=self.project_edit.text(),
                hours=self._hours()[0],
                rubric=Rubric(
                    ambiguity=self.ambiguity_combo.currentData(),
                    complexity=self.complexity_combo.currentData(),
                    cross_functional=self.cross_functional_combo.currentData(),
                    size=Size(size) if size else None,
                ),
                external_challenges=self.challenges_edit.toPlainText(),
                outcome=self.outcome_edit.toPlainText(),
                links=tuple(self.links_edit.toPlainText().splitlines()),
                feedback_quote=self.feedback_edit.toPlainText(),
                evidence=EvidenceStrength(self.evidence_combo.currentData()),
                competencies=self.checked_competencies(),
                id=self._entry_id,
            )
        )

    def forget_id(self) -> None:
        """Saving adds a new entry from now on (the entry being edited is gone)."""
        self._entry_id = None

    def typed(self) -> tuple[Contribution, str]:
        """What the fields hold; equal to an earlier result when nothing was changed."""
        return self.contribution(), self.hours_edit.text().strip()

    def input_problems(self) -> tuple[FieldProblem, ...]:
        """What the domain checks cannot see: text typed where a number belongs."""
        problem = self._hours()[1]
        return (problem,) if problem is not None else ()

    def checked_competencies(self) -> tuple[str, ...]:
        """The ids of the checked competencies, in list order."""
        checked = []
        for row in range(self.competency_model.rowCount()):
            item = self.competency_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                checked.append(str(item.data(COMPETENCY_ID_ROLE)))
        return tuple(checked)

    def field_name(self, field: str) -> str:
        """The label of ``field`` as the user reads it, without mnemonic or colon."""
        label = self.field_labels.get(field)
        if label is None:
            return field.capitalize()
        return label.text().replace("&", "").rstrip(":")

    # -- building -----------------------------------------------------------------------------

    def _add_row(self, form: QFormLayout, field: str, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        self.field_labels[field] = label
        form.addRow(label, widget)

    def _rating_combo(self, hints: Sequence[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("Not rated"), None)
        for rating, hint in zip(range(RATING_MIN, RATING_MAX + 1), hints, strict=True):
            combo.addItem(f"{rating} — {hint}", rating)
        return combo

    def _fill_competencies(self, checked: Sequence[str]) -> None:
        """List the ladder's competencies, plus ids on the entry that the ladder lacks."""
        self.competency_model.clear()
        names = dict(self._competency_names)
        for competency in checked:
            if competency not in names:
                names[competency] = self.tr("{id} (not in your ladder)").format(id=competency)
        for competency, name in names.items():
            item = QStandardItem(name)
            item.setData(competency, COMPETENCY_ID_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            state = Qt.CheckState.Checked if competency in checked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.competency_model.appendRow(item)

    def _connect_changes(self) -> None:
        self.date_edit.dateChanged.connect(self._on_field_changed)
        for line in (self.title_edit, self.beneficiary_edit, self.project_edit, self.hours_edit):
            line.textChanged.connect(self._on_field_changed)
        for combo in (
            self.kind_combo,
            self.ambiguity_combo,
            self.complexity_combo,
            self.cross_functional_combo,
            self.size_combo,
            self.evidence_combo,
        ):
            combo.currentIndexChanged.connect(self._on_field_changed)
        for box in (self.challenges_edit, self.outcome_edit, self.links_edit, self.feedback_edit):
            box.textChanged.connect(self._on_field_changed)
        self.competency_model.itemChanged.connect(self._on_field_changed)

    def _on_field_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _hours(self) -> tuple[float | None, FieldProblem | None]:
        text = self.hours_edit.text().strip()
        if not text:
            return None, None
        if _HOURS_PATTERN.fullmatch(text) is None:
            # "1,000" or "1_5" would read as some other number: ask for a plain one.
            return None, FieldProblem("hours", self.tr("write a number such as 1.5"))
        return float(text.replace(",", ".")), None


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))
