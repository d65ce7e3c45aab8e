"""The ladder editor: levels, competencies and every cell, with undo and live validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain import ladder_edits as edits
from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_format import (
    FormatProblem,
    LadderFormatError,
    ladder_from_document,
    ladder_to_document,
)
from careercoach.ui.ladder_editor_parts import (
    LadderChange,
    TitleListModel,
    UndoKeysToStack,
    as_lines,
    ask_export_path,
    confirm_discard,
    lines_of,
    list_box,
    problem_summary,
    select_row,
    show_text,
)


class LadderEditorDialog(QDialog):
    """Edits a draft ladder; ``save_requested`` asks the window to store it."""

    save_requested = Signal(object)  # Ladder

    def __init__(
        self,
        ladder: Ladder,
        write_file: Callable[[Ladder, Path], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ladder Editor"))
        self.ladder = ladder
        self._write_file = write_file
        self._refreshing = False
        self.problems: list[FormatProblem] = []
        self.undo_stack = QUndoStack(self)
        self._build()
        self._refresh()  # selects the first level and competency
        self.resize(self.fontMetrics().averageCharWidth() * 140, self.fontMetrics().height() * 48)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.id_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.version_edit = QLineEdit(self)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        info = QFormLayout()
        info.addRow(self.tr("&Id:"), self.id_edit)
        info.addRow(self.tr("&Name:"), self.name_edit)
        info.addRow(self.tr("&Version:"), self.version_edit)
        info.addRow(self.tr("&Description:"), self.description_edit)
        for edit in (self.id_edit, self.name_edit, self.version_edit):
            edit.textEdited.connect(self._on_info_edited)
        self.description_edit.textChanged.connect(self._on_info_edited)

        self.level_model = TitleListModel(self)
        self.level_list = QListView(self)
        self.level_list.setModel(self.level_model)
        self.level_title = QLineEdit(self)
        self.level_summary = QPlainTextEdit(self)
        levels_box = list_box(
            self,
            self.tr("Levels (most junior first)"),
            self.level_list,
            [
                (self.tr("Add level"), self._on_add_level_clicked),
                (self.tr("Up"), lambda: self._on_move_level_clicked(-1)),
                (self.tr("Down"), lambda: self._on_move_level_clicked(1)),
                (self.tr("Remove"), self._on_remove_level_clicked),
            ],
            [(self.tr("Title:"), self.level_title), (self.tr("Summary:"), self.level_summary)],
        )
        self.level_title.textEdited.connect(self._on_level_edited)
        self.level_summary.textChanged.connect(self._on_level_edited)

        self.competency_model = TitleListModel(self)
        self.competency_list = QListView(self)
        self.competency_list.setModel(self.competency_model)
        self.competency_name = QLineEdit(self)
        self.competency_category = QLineEdit(self)
        self.competency_description = QPlainTextEdit(self)
        competencies_box = list_box(
            self,
            self.tr("Competencies"),
            self.competency_list,
            [
                (self.tr("Add competency"), self._on_add_competency_clicked),
                (self.tr("Up"), lambda: self._on_move_competency_clicked(-1)),
                (self.tr("Down"), lambda: self._on_move_competency_clicked(1)),
                (self.tr("Remove"), self._on_remove_competency_clicked),
            ],
            [
                (self.tr("Name:"), self.competency_name),
                (self.tr("Category:"), self.competency_category),
                (self.tr("Description:"), self.competency_description),
            ],
        )
        self.competency_name.textEdited.connect(self._on_competency_edited)
        self.competency_category.textEdited.connect(self._on_competency_edited)
        self.competency_description.textChanged.connect(self._on_competency_edited)

        self.cell_label = QLabel(self)
        self.cell_label.setWordWrap(True)
        self.cell_summary = QPlainTextEdit(self)
        self.cell_signals = QPlainTextEdit(self)
        self.cell_signals.setPlaceholderText(self.tr("One observable signal per line"))
        self.cell_examples = QPlainTextEdit(self)
        self.cell_examples.setPlaceholderText(self.tr("One example per line"))
        cell_form = QFormLayout()
        cell_form.addRow(self.cell_label)
        cell_form.addRow(self.tr("Summary:"), self.cell_summary)
        cell_form.addRow(self.tr("Signals:"), self.cell_signals)
        cell_form.addRow(self.tr("Examples:"), self.cell_examples)
        cell_box = QGroupBox(self.tr("Expectation"), self)
        cell_box.setLayout(cell_form)
        self.cell_summary.textChanged.connect(lambda: self._on_cell_edited("summary"))
        self.cell_signals.textChanged.connect(lambda: self._on_cell_edited("signals"))
        self.cell_examples.textChanged.connect(lambda: self._on_cell_edited("examples"))

        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)

        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addAction(undo)
        self.addAction(redo)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button = QPushButton(self.tr("Redo"), self)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("&Export TOML…"), self)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.save_button = QPushButton(self.tr("&Save as New Version"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        for button in (self.undo_button, self.redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.export_button, self.save_button, close_button):
            buttons.addWidget(button)

        grid = QGridLayout()
        grid.addWidget(levels_box, 0, 0)
        grid.addWidget(competencies_box, 1, 0)
        grid.addWidget(cell_box, 0, 1, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(info)
        layout.addLayout(grid, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(buttons)

        self._undo_keys = UndoKeysToStack(self)
        for field in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            field.installEventFilter(self._undo_keys)
            if isinstance(field, QPlainTextEdit):
                field.setUndoRedoEnabled(False)
        self.level_list.selectionModel().currentChanged.connect(self._on_selection_changed)
        self.competency_list.selectionModel().currentChanged.connect(self._on_selection_changed)

    # -- state ----------------------------------------------------------------------------

    def change(self, after: Ladder, text: str, merge_key: str | None = None) -> None:
        """Apply an edit through the undo stack."""
        if after != self.ladder:
            rows = (self.level_index(), self.competency_index())
            self.undo_stack.push(
                LadderChange(self._set_ladder, self.ladder, after, text, merge_key, rows)
            )

    def _set_ladder(self, ladder: Ladder, rows: tuple[int, int]) -> None:
        self.ladder = ladder
        self._refresh()
        level_row, competency_row = rows
        if self.level_index() != level_row and level_row < len(ladder.levels):
            select_row(self.level_list, level_row)
        if self.competency_index() != competency_row and competency_row < len(ladder.competencies):
            select_row(self.competency_list, competency_row)

    def level_index(self) -> int:
        """The selected level (clamped to the ladder)."""
        row = self.level_list.currentIndex().row()
        return min(max(row, 0), len(self.ladder.levels) - 1)

    def competency_index(self) -> int:
        """The selected competency (clamped to the ladder)."""
        row = self.competency_list.currentIndex().row()
        return min(max(row, 0), len(self.ladder.competencies) - 1)

    def _refresh(self) -> None:
        self._refreshing = True
        try:
            ladder = self.ladder
            show_text(self.id_edit, ladder.id)
            show_text(self.name_edit, ladder.name)
            show_text(self.version_edit, ladder.version)
            show_text(self.description_edit, ladder.description)
            level_row, competency_row = self.level_index(), self.competency_index()
            self.level_model.set_titles([level.title for level in ladder.levels])
            self.competency_model.set_titles([c.name for c in ladder.competencies])
            select_row(self.level_list, level_row)  # a reset list lost its selection
            select_row(self.competency_list, competency_row)
            self._refresh_selected()
        finally:
            self._refreshing = False
        self._validate()

    def _refresh_selected(self) -> None:
        ladder = self.ladder
        if ladder.levels:
            level = ladder.levels[self.level_index()]
            show_text(self.level_title, level.title)
            show_text(self.level_summary, level.summary)
        if ladder.competencies:
            competency = ladder.competencies[self.competency_index()]
            show_text(self.competency_name, competency.name)
            show_text(self.competency_category, competency.category)
            show_text(self.competency_description, competency.description)
        if ladder.levels and ladder.competencies:
            competency = ladder.competencies[self.competency_index()]
            level = ladder.levels[self.level_index()]
            cell = competency.expectation(level.id)
            self.cell_label.setText(
                self.tr("{competency} at {level}").format(
                    competency=competency.name, level=level.title
                )
            )
            show_text(self.cell_summary, cell.summary, str.strip)
            show_text(self.cell_signals, "\n".join(cell.signals), as_lines)
            show_text(self.cell_examples, "\n".join(cell.examples), as_lines)

    def _validate(self) -> None:
        try:
            ladder_from_document(ladder_to_document(self.ladder))
        except LadderFormatError as error:
            self.problems = list(error.problems)
        else:
            self.problems = []
        self.problems_label.setText(problem_summary(self, self.problems))
        self.save_button.setEnabled(not self.problems)
        self.export_button.setEnabled(not self.problems)

    # -- slots ----------------------------------------------------------------------------

    def _on_selection_changed(self) -> None:
        self._refreshing = True
        try:
            self._refresh_selected()
        finally:
            self._refreshing = False

    def _on_info_edited(self) -> None:
        if self._refreshing:
            return
        after = edits.set_info(
            self.ladder,
            ladder_id=self.id_edit.text(),
            name=self.name_edit.text(),
            version=self.version_edit.text(),
            description=self.description_edit.toPlainText(),
        )
        self.change(after, self.tr("Edit ladder details"), "info")

    def _on_level_edited(self) -> None:
        if self._refreshing or not self.ladder.levels:
            return
        index = self.level_index()
        after = edits.update_level(
            self.ladder,
            index,
            title=self.level_title.text(),
            summary=self.level_summary.toPlainText(),
        )
        self.change(after, self.tr("Edit level"), f"level-{index}")

    def _on_competency_edited(self) -> None:
        if self._refreshing or not self.ladder.competencies:
            return
        index = self.competency_index()
        after = edits.update_competency(
            self.ladder,
            index,
            name=self.competency_name.text(),
            category=self.competency_category.text(),
            description=self.competency_description.toPlainText(),
        )
        self.change(after, self.tr("Edit competency"), f"competency-{index}")

    def _on_cell_edited(self, field: str) -> None:
        if self._refreshing or not (self.ladder.levels and self.ladder.competencies):
            return
        index = self.competency_index()
        level_id = self.ladder.levels[self.level_index()].id
        old = self.ladder.competencies[index].expectation(level_id)
        # Only the edited field is read back: the others keep their stored text exactly.
        if field == "summary":
            cell = replace(old, summary=self.cell_summary.toPlainText().strip())
        elif field == "signals":
            cell = replace(old, signals=lines_of(self.cell_signals.toPlainText()))
        else:
            cell = replace(old, examples=lines_of(self.cell_examples.toPlainText()))
        after = edits.set_expectation(self.ladder, index, level_id, cell)
        self.change(after, self.tr("Edit expectation"), f"cell-{index}-{level_id}-{field}")

    def _on_add_level_clicked(self) -> None:
        self.change(edits.add_level(self.ladder, self.tr("New level")), self.tr("Add level"))
        select_row(self.level_list, len(self.ladder.levels) - 1)

    def _on_move_level_clicked(self, offset: int) -> None:
        index = self.level_index()
        self.change(edits.move_level(self.ladder, index, offset), self.tr("Move level"))
        select_row(self.level_list, index + offset)

    def _on_remove_level_clicked(self) -> None:
        if len(self.ladder.levels) > 1:
            after = edits.remove_level(self.ladder, self.level_index())
            self.change(after, self.tr("Remove level"))

    def _on_add_competency_clicked(self) -> None:
        after = edits.add_competency(self.ladder, self.tr("New competency"))
        self.change(after, self.tr("Add competency"))
        select_row(self.competency_list, len(self.ladder.competencies) - 1)

    def _on_move_competency_clicked(self, offset: int) -> None:
        index = self.competency_index()
        self.change(edits.move_competency(self.ladder, index, offset), self.tr("Move competency"))
        select_row(self.competency_list, index + offset)

    def _on_remove_competency_clicked(self) -> None:
        if len(self.ladder.competencies) > 1:
            after = edits.remove_competency(self.ladder, self.competency_index())
            self.change(after, self.tr("Remove competency"))

    def _on_save_clicked(self) -> None:
        if not self.problems:
            self.save_requested.emit(self.ladder)

    def begin_saving(self) -> int:
        """Saving started: no second save meanwhile; returns the undo position saved."""
        self.save_button.setEnabled(False)
        return self.undo_stack.index()

    def end_saving(self, position: int, *, saved: bool) -> None:
        """Saving ended; edits made while it ran stay unsaved."""
        if saved and self.undo_stack.index() == position:
            self.undo_stack.setClean()
        self.save_button.setEnabled(not self.problems)

    def _on_export_clicked(self) -> None:
        path = ask_export_path(self, self.ladder.id)
        if path is not None:
            self._write_file(self.ladder, path)

    def reject(self) -> None:
        """Close, after asking when there are unsaved edits (Escape, Close, window close)."""
        if self.undo_stack.isClean() or confirm_discard(self):
            super().reject()
