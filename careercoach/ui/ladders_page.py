"""The Ladders page: pick a ladder, browse its level-by-competency grid, read a cell in full."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.ladder import Competency, Expectation, Ladder, Level
from careercoach.domain.ladder_catalog import LadderSummary
from careercoach.ui.ladder_models import LADDER_ID_ROLE, LadderGridModel, LadderListModel


class LaddersPage(QWidget):
    """Browses ladders; asks for a ladder's content through ``ladder_requested``."""

    ladder_requested = Signal(str)
    ladder_shown = Signal(str)
    new_requested = Signal()
    duplicate_requested = Signal(object)  # Ladder
    edit_requested = Signal(object, bool)  # Ladder, built-in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_model = LadderListModel(self)
        self.grid_model = LadderGridModel(self)

        self.ladder_combo = QComboBox(self)
        self.ladder_combo.setModel(self.list_model)
        self.ladder_combo.setMinimumContentsLength(24)
        self.ladder_combo.setAccessibleName(self.tr("Ladder"))
        chooser_label = QLabel(self.tr("&Ladder:"), self)
        chooser_label.setBuddy(self.ladder_combo)

        self.title_label = QLabel(self.tr("Loading ladders…"), self)
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.description_label = QLabel(self)
        self.description_label.setWordWrap(True)
        self.description_label.setTextFormat(Qt.TextFormat.PlainText)  # text from ladder files
        self.description_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )

        self.grid_view = QTableView(self)
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setAccessibleName(self.tr("Expectations by competency and level"))
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid_view.setWordWrap(True)
        self.grid_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grid_view.setAlternatingRowColors(True)
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid_view.horizontalHeader().setMinimumSectionSize(
            self.grid_view.fontMetrics().averageCharWidth() * 14
        )
        self.grid_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid_view.verticalHeader().setDefaultSectionSize(
            self.grid_view.fontMetrics().lineSpacing() * 5 + 8
        )

        self.detail_view = QTextBrowser(self)
        self.detail_view.setAccessibleName(self.tr("Expectation details"))
        self.detail_view.setOpenExternalLinks(False)
        self.detail_view.setPlaceholderText(
            self.tr("Select a cell to read what that level expects.")
        )

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.grid_view)
        splitter.addWidget(self.detail_view)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.new_button = QPushButton(self.tr("&New…"), self)
        self.new_button.setToolTip(self.tr("Start a new ladder in the editor"))
        self.duplicate_button = QPushButton(self.tr("D&uplicate…"), self)
        self.duplicate_button.setToolTip(self.tr("Edit a copy of this ladder"))
        self.edit_button = QPushButton(self.tr("Ed&it…"), self)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.duplicate_button.clicked.connect(self._on_duplicate_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.set_editing_enabled(False)

        chooser = QHBoxLayout()
        chooser.addWidget(chooser_label)
        chooser.addWidget(self.ladder_combo)
        chooser.addStretch(1)
        for button in (self.new_button, self.duplicate_button, self.edit_button):
            chooser.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.title_label)
        layout.addWidget(self.description_label)
        layout.addWidget(splitter, 1)

        self.ladder_combo.currentIndexChanged.connect(self._on_ladder_combo_changed)
        self.grid_view.selectionModel().selectionChanged.connect(self._on_grid_selection_changed)
        self.grid_view.verticalHeader().sectionClicked.connect(self._on_competency_clicked)
        self.grid_view.horizontalHeader().sectionClicked.connect(self._on_level_clicked)

    # -- called by the window -------------------------------------------------------------

    def show_summaries(self, summaries: Sequence[LadderSummary], select_id: str | None) -> None:
        """List ``summaries`` and select ``select_id`` (or keep the current choice)."""
        keep = select_id or self.current_ladder_id()
        self.ladder_combo.blockSignals(True)
        self.list_model.set_summaries(summaries)
        row = self.list_model.row_of(keep) if keep else -1
        self.ladder_combo.setCurrentIndex(max(row, 0) if summaries else -1)
        self.ladder_combo.blockSignals(False)
        if not summaries:
            self.title_label.setText(self.tr("No ladders yet"))
            return
        self._on_ladder_combo_changed(self.ladder_combo.currentIndex())

    def show_ladder(self, ladder: Ladder) -> None:
        """Show the content of ``ladder`` (the answer to ``ladder_requested``)."""
        if ladder.id != self.current_ladder_id():
            return  # the user moved on to another ladder meanwhile
        self.grid_model.set_ladder(ladder)
        self.title_label.setText(
            self.tr("{name} — version {version}").format(name=ladder.name, version=ladder.version)
        )
        self.description_label.setText(ladder.description)
        self.description_label.setVisible(bool(ladder.description))
        self.detail_view.clear()
        if ladder.competencies and ladder.levels:
            self.grid_view.setCurrentIndex(self.grid_model.index(0, 0))
        self._update_edit_buttons()
        self.ladder_shown.emit(ladder.id)

    def set_editing_enabled(self, enabled: bool) -> None:
        """Editing needs the database: off until it is open."""
        self._editing_enabled = enabled
        self._update_edit_buttons()

    def _update_edit_buttons(self) -> None:
        summary = self.list_model.summary_at(self.ladder_combo.currentIndex())
        has_ladder = self.grid_model.ladder is not None
        self.new_button.setEnabled(self._editing_enabled)
        self.duplicate_button.setEnabled(self._editing_enabled and has_ladder)
        self.edit_button.setEnabled(self._editing_enabled and has_ladder)
        builtin = summary is not None and summary.builtin
        self.edit_button.setToolTip(
            self.tr("Built-in ladders are read-only: duplicate to edit")
            if builtin
            else self.tr("Edit this ladder; saving keeps the older versions")
        )

    def _on_duplicate_button_clicked(self) -> None:
        if self.grid_model.ladder is not None:
            self.duplicate_requested.emit(self.grid_model.ladder)

    def _on_edit_button_clicked(self) -> None:
        ladder = self.grid_model.ladder  # the ladder on screen, which may lag the combo box
        summary = self.list_model.summary_at(self.list_model.row_of(ladder.id)) if ladder else None
        if ladder is not None and summary is not None:
            self.edit_requested.emit(ladder, summary.builtin)

    def current_ladder_id(self) -> str | None:
        """The id of the ladder chosen in the combo box."""
        value = self.ladder_combo.currentData(LADDER_ID_ROLE)
        return value if isinstance(value, str) else None

    # -- slots ----------------------------------------------------------------------------

    def _on_ladder_combo_changed(self, row: int) -> None:
        summary = self.list_model.summary_at(row)
        if summary is not None:
            self.ladder_requested.emit(summary.id)

    def _on_grid_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_cell(indexes[0])

    def _show_cell(self, index: QModelIndex) -> None:
        cell = self.grid_model.cell(index)
        if cell is not None:
            self.detail_view.setHtml(self._cell_html(*cell))

    def _on_competency_clicked(self, row: int) -> None:
        ladder = self.grid_model.ladder
        if ladder is not None and 0 <= row < len(ladder.competencies):
            competency = ladder.competencies[row]
            self.detail_view.setHtml(
                f"<h2>{escape(competency.name)}</h2>"
                f"<p><i>{escape(competency.category)}</i></p>"
                f"<p>{escape(competency.description)}</p>"
            )

    def _on_level_clicked(self, column: int) -> None:
        ladder = self.grid_model.ladder
        if ladder is not None and 0 <= column < len(ladder.levels):
            level = ladder.levels[column]
            self.detail_view.setHtml(
                f"<h2>{escape(level.title)}</h2><p>{escape(level.summary)}</p>"
            )

    def _cell_html(self, competency: Competency, level: Level, expectation: Expectation) -> str:
        parts = [
            f"<h2>{escape(competency.name)}</h2>",
            f"<p><b>{escape(level.title)}</b>"
            + (f" · <i>{escape(competency.category)}</i>" if competency.category else "")
            + "</p>",
        ]
        if expectation.is_empty:
            parts.append(
                "<p><i>"
                + escape(self.tr("This ladder does not expect this competency at this level."))
                + "</i></p>"
            )
            return "".join(parts)
        if expectation.summary:
            parts.append(f"<p>{escape(expectation.summary)}</p>")
        if expectation.signals:
            parts.append(f"<h3>{escape(self.tr('Signals'))}</h3>")
            parts.append("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in expectation.signals))
            parts.append("</ul>")
        if expectation.examples:
            parts.append(f"<h3>{escape(self.tr('Examples'))}</h3>")
            parts.append("<ul>" + "".join(f"<li>{escape(e)}</li>" for e in expectation.examples))
            parts.append("</ul>")
        return "".join(parts)
