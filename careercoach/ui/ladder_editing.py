"""Opens the ladder editor for a new, duplicated or own ladder and stores what it saves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.domain import ladder_edits as edits
from careercoach.domain.errors import UserError
from careercoach.domain.ladder import Ladder
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.ladder_editor import LadderEditorDialog
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.domain.ladder_catalog import LadderSummary
    from careercoach.services.app_services import AppServices


class LadderEditingFlow(QObject):
    """New, Duplicate and Edit: built-in ladders are only ever duplicated."""

    saved = Signal(object, object, object)  # Ladder, LadderSummary, list[LadderSummary]

    def __init__(self, parent: QWidget, tasks: TaskRunner, data_dir: Path) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._data_dir = data_dir
        self.services: AppServices | None = None
        self.editor: LadderEditorDialog | None = None
        self._opened_as: str | None = None

    def new_ladder(self, taken_ids: set[str]) -> None:
        """Edit a small new ladder under a free id."""
        from careercoach.domain.ladder_catalog import unique_ladder_id

        ladder_id = unique_ladder_id("my-ladder", taken_ids)
        self._open(edits.new_ladder(ladder_id, self.tr("My ladder")), None)

    def duplicate(self, ladder: Ladder, taken_ids: set[str]) -> None:
        """Edit a copy of ``ladder`` under a free id."""
        name = self.tr("Copy of {name}").format(name=ladder.name)
        self._open(edits.duplicate(ladder, taken_ids, name), None)

    def edit(self, ladder: Ladder, builtin: bool) -> None:
        """Edit ``ladder`` itself; a built-in one is duplicated instead (they are read-only)."""
        if builtin:
            QMessageBox.information(
                self._parent,
                self.tr("Edit Ladder"),
                self.tr("Built-in ladders are read-only. Use Duplicate to edit a copy."),
            )
            return
        self._open(ladder, ladder.id)

    def _open(self, ladder: Ladder, opened_as: str | None) -> None:
        editor = LadderEditorDialog(ladder, self._export, self._parent)
        self._opened_as = opened_as
        editor.save_requested.connect(self._on_editor_save_requested)
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()

    def _on_editor_save_requested(self, ladder: Ladder) -> None:
        services, editor = self.services, self.editor
        if services is None or editor is None:
            return

        opened_as = self._opened_as
        saving_at = editor.begin_saving()

        def work() -> tuple[LadderSummary, list[LadderSummary]]:
            summary = services.ladders.save_edited(ladder, opened_as)
            return summary, services.ladders.list_ladders()

        def done(outcome: tuple[LadderSummary, list[LadderSummary]]) -> None:
            self._opened_as = ladder.id  # saving again updates this ladder
            editor.end_saving(saving_at, saved=True)
            self.saved.emit(ladder, *outcome)

        def failed(error: BaseException) -> None:
            editor.end_saving(saving_at, saved=False)
            report_failure(editor, error, self._data_dir)

        self._tasks.submit(work, done, failed)

    def _export(self, ladder: Ladder, path: Path) -> None:
        from careercoach.services.ladder_service import write_ladder_file

        try:
            write_ladder_file(ladder, path)
        except UserError as error:
            report_failure(self.editor or self._parent, error, self._data_dir)
