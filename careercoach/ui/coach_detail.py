"""The Coach page's detail pane: one suggestion, its rationale, and why it was made."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.coach import Suggestion, SuggestionStatus
from careercoach.ui.coach_models import FactTableModel, category_label, status_label

MAX_FACT_ROWS = 8


def _label(parent: QWidget, *, scale: float = 1.0, bold: bool = False) -> QLabel:
    """A wrapping plain-text label: everything shown here comes from rule files or data."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


class SuggestionDetail(QScrollArea):
    """Title, message and rationale of a suggestion, then the rule and facts behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Suggestion details"))
        self._competency_names: dict[str, str] = {}
        self.suggestion: Suggestion | None = None
        self.facts_model = FactTableModel(self)

        body = self._body = QWidget(self)
        self.title_label = _label(body, scale=1.3, bold=True)
        self.title_label.setAccessibleName(self.tr("Suggestion"))
        self.meta_label = _label(body)
        self.meta_label.setAccessibleName(self.tr("Category and priority"))
        self.message_label = _label(body)
        self.message_label.setAccessibleName(self.tr("What to do"))
        self.rationale_heading = _label(body, bold=True)
        self.rationale_heading.setText(self.tr("Why it matters"))
        self.rationale_label = _label(body)
        self.rationale_label.setAccessibleName(self.tr("Why it matters"))
        self.why_heading = _label(body, bold=True)
        self.why_heading.setText(self.tr("Why this suggestion"))
        self.rule_label = _label(body)
        self.rule_label.setAccessibleName(self.tr("The rule that made it"))
        self.facts_view = QTableView(body)
        self.facts_view.setModel(self.facts_model)
        self.facts_view.setAccessibleName(self.tr("The facts that made the rule fire"))
        self.facts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.facts_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.facts_view.setTabKeyNavigation(False)
        self.facts_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do in it
        self.facts_view.setWordWrap(False)
        self.facts_view.setAlternatingRowColors(True)
        self.facts_view.verticalHeader().hide()
        self.facts_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.facts_view.horizontalHeader()
        header.setSectionResizeMode(FactTableModel.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FactTableModel.VALUE, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addSpacing(6)
        layout.addWidget(self.message_label)
        layout.addSpacing(10)
        layout.addWidget(self.rationale_heading)
        layout.addWidget(self.rationale_label)
        layout.addSpacing(10)
        layout.addWidget(self.why_heading)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.facts_view)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_suggestion(None)

    def set_competency_names(self, names: Mapping[str, str]) -> None:
        """Name competencies by the profile ladder's names (ids otherwise)."""
        self._competency_names = dict(names)
        self.show_suggestion(self.suggestion)

    def show_suggestion(self, suggestion: Suggestion | None) -> None:
        """Show ``suggestion``; None clears the pane."""
        self.suggestion = suggestion
        self._body.setVisible(suggestion is not None)
        if suggestion is None:
            self.facts_model.set_facts(())
            return
        rule = suggestion.rule
        self.title_label.setText(rule.title)
        self.meta_label.setText(self._meta(suggestion))
        self.message_label.setText(suggestion.message)
        self.rationale_label.setText(rule.rationale)
        self.rule_label.setText(
            self.tr("Rule “{rule}” from {source}, because:").format(
                rule=rule.id, source=rule.source
            )
            if suggestion.facts
            else self.tr("Rule “{rule}” from {source}.").format(rule=rule.id, source=rule.source)
        )
        self.facts_model.set_facts(suggestion.facts)
        self.facts_view.setVisible(bool(suggestion.facts))
        self._fit_facts()

    def _meta(self, suggestion: Suggestion) -> str:
        rule = suggestion.rule
        parts = [
            category_label(rule.category),
            self.tr("priority {priority}").format(priority=rule.priority),
        ]
        if rule.competency:
            name = self._competency_names.get(rule.competency, rule.competency)
            parts.append(self.tr("builds {competency}").format(competency=name))
        if suggestion.status is not SuggestionStatus.ACTIVE and suggestion.hidden_until:
            parts.insert(
                0,
                self.tr("{status}, back on {date}").format(
                    status=status_label(suggestion.status),
                    date=suggestion.hidden_until.isoformat(),
                ),
            )
        return " · ".join(parts)

    def _fit_facts(self) -> None:
        view = self.facts_view
        rows = min(max(self.facts_model.rowCount(), 1), MAX_FACT_ROWS)
        height = view.horizontalHeader().sizeHint().height()
        height += rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
        view.setFixedHeight(height)
