"""The Ledger's filter bar: search, kind, competency and period controls that make a filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from careercoach.domain.contribution import ContributionKind
from careercoach.domain.ledger_filter import LedgerFilter
from careercoach.ui.form_helpers import date_edit, fit_popup, from_qdate, shrinkable_combo

PERIOD_ALL = "all"
PERIOD_30_DAYS = "30"
PERIOD_90_DAYS = "90"
PERIOD_THIS_YEAR = "year"
PERIOD_CUSTOM = "custom"


class LedgerFilterBar(QWidget):
    """Two rows of filter controls and the count of entries shown; reports every change."""

    filter_changed = Signal()

    def __init__(
        self, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        chars = self.fontMetrics().averageCharWidth()

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search title, people, project, feedback…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search the ledger"))
        self.search_edit.setMinimumWidth(chars * 10)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search_edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in ContributionKind:
            self.kind_combo.addItem(kind.label, kind.value)
        shrinkable_combo(self.kind_combo, 8)
        kind_label = QLabel(self.tr("&Kind:"), self)
        kind_label.setBuddy(self.kind_combo)
        self.competency_combo = QComboBox(self)
        self.competency_combo.addItem(self.tr("Any competency"), None)
        shrinkable_combo(self.competency_combo, 8)
        competency_label = QLabel(self.tr("&Competency:"), self)
        competency_label.setBuddy(self.competency_combo)
        self.period_combo = QComboBox(self)
        for text, period in (
            (self.tr("All time"), PERIOD_ALL),
            (self.tr("Last 30 days"), PERIOD_30_DAYS),
            (self.tr("Last 90 days"), PERIOD_90_DAYS),
            (self.tr("This year"), PERIOD_THIS_YEAR),
            (self.tr("Custom…"), PERIOD_CUSTOM),
        ):
            self.period_combo.addItem(text, period)
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.period_combo)
        day = self._today()
        self.from_edit = date_edit(self, day - dt.timedelta(days=90))
        self.to_edit = date_edit(self, day)
        self.from_label = QLabel(self.tr("F&rom:"), self)
        self.from_label.setBuddy(self.from_edit)
        self.to_label = QLabel(self.tr("&To:"), self)
        self.to_label.setBuddy(self.to_edit)
        self._set_custom_visible(False)
        self.count_label = QLabel(self)

        # Two rows, so that the page still fits a narrow window.
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, 3)
        period_row = QHBoxLayout()
        period_row.addWidget(period_label)
        period_row.addWidget(self.period_combo)
        for row, label, widget, stretch in (
            (search_row, kind_label, self.kind_combo, 2),
            (search_row, competency_label, self.competency_combo, 2),
            (period_row, self.from_label, self.from_edit, 0),
            (period_row, self.to_label, self.to_edit, 0),
        ):
            row.addSpacing(chars)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        period_row.addStretch(1)
        period_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(period_row)

        self.search_edit.textChanged.connect(self.filter_changed)
        self.kind_combo.currentIndexChanged.connect(self.filter_changed)
        self.competency_combo.currentIndexChanged.connect(self.filter_changed)
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)
        self.from_edit.dateChanged.connect(self.filter_changed)
        self.to_edit.dateChanged.connect(self.filter_changed)

    def current_filter(self) -> LedgerFilter:
        """The filter the controls describe."""
        kind = self.kind_combo.currentData()
        competency = self.competency_combo.currentData()
        since, until = self._period()
        return LedgerFilter(
            kinds=frozenset({ContributionKind(kind)}) if kind else frozenset(),
            since=since,
            until=until,
            competency=competency if isinstance(competency, str) else None,
            text=self.search_edit.text(),
        )

    def clear(self) -> None:
        """Let every entry through again; emits ``filter_changed`` once."""
        controls = (self.search_edit, self.kind_combo, self.competency_combo, self.period_combo)
        for control in controls:
            control.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.kind_combo, self.competency_combo, self.period_combo):
            combo.setCurrentIndex(0)
        for control in controls:
            control.blockSignals(False)
        self._set_custom_visible(False)
        self.filter_changed.emit()

    def set_competencies(self, names: Mapping[str, str]) -> None:
        """Offer these competencies (id to name), keeping the choice if it is still there.

        Does not emit ``filter_changed``: the caller applies the filter when it is ready.
        """
        current = self.competency_combo.currentData()
        self.competency_combo.blockSignals(True)
        self.competency_combo.clear()
        self.competency_combo.addItem(self.tr("Any competency"), None)
        for competency, name in names.items():
            self.competency_combo.addItem(name, competency)
        row = self.competency_combo.findData(current) if current is not None else 0
        self.competency_combo.setCurrentIndex(max(row, 0))
        self.competency_combo.blockSignals(False)
        fit_popup(self.competency_combo)

    def show_count(self, shown: int, total: int) -> None:
        """Say how many of the ``total`` entries the filter lets through."""
        if total == 1:
            self.count_label.setText(self.tr("Showing {shown} of 1 entry").format(shown=shown))
        else:
            self.count_label.setText(
                self.tr("Showing {shown} of {total} entries").format(shown=shown, total=total)
            )

    def _on_period_combo_changed(self, _row: int) -> None:
        self._set_custom_visible(self.period_combo.currentData() == PERIOD_CUSTOM)
        self.filter_changed.emit()

    def _set_custom_visible(self, visible: bool) -> None:
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(visible)

    def _period(self) -> tuple[dt.date | None, dt.date | None]:
        period = self.period_combo.currentData()
        today = self._today()
        if period == PERIOD_30_DAYS:
            return today - dt.timedelta(days=29), None
        if period == PERIOD_90_DAYS:
            return today - dt.timedelta(days=89), None
        if period == PERIOD_THIS_YEAR:
            return dt.date(today.year, 1, 1), None
        if period == PERIOD_CUSTOM:
            since, until = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
            return min(since, until), max(since, until)
        return None, None
