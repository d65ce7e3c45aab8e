"""Keeps the Prototypes page current and carries out its actions off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.domain.errors import NotFoundError
from careercoach.domain.ladder import Ladder
from careercoach.domain.prototype import Prototype, StageChange
from careercoach.services.clock import Today, local_today
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.form_helpers import ask_to_delete
from careercoach.ui.prototype_dialog import PrototypeDialog, StageChangeDialog
from careercoach.ui.prototype_models import stage_label
from careercoach.ui.prototypes_page import PrototypesPage
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices


class PrototypesFlow(QObject):
    """New, Edit, Move to Stage and Delete on the Prototypes page, and keeping it current.

    Set ``services`` once the database is open, then call ``reload``; call ``reload``
    again when the profile's ladder changes (the editor offers that ladder's competencies).
    """

    status_changed = Signal(str)
    loaded = Signal()  # the page shows what is stored
    prototypes_changed = Signal()  # a prototype was added, changed or deleted

    def __init__(
        self,
        parent: QWidget,
        page: PrototypesPage,
        tasks: TaskRunner,
        data_dir: Path,
        *,
        today: Today = local_today,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._page = page
        self._tasks = tasks
        self._data_dir = data_dir
        self._today = today
        self._services: AppServices | None = None
        self._ladder: Ladder | None = None
        self.dialog: PrototypeDialog | None = None
        self.stage_dialog: StageChangeDialog | None = None
        self.delete_box: QMessageBox | None = None
        page.new_requested.connect(self._on_page_new_requested)
        page.edit_requested.connect(self._on_page_edit_requested)
        page.stage_change_requested.connect(self._on_page_stage_change_requested)
        page.delete_requested.connect(self._on_page_delete_requested)

    @property
    def services(self) -> AppServices | None:
        """The services; None until the database is open."""
        return self._services

    @services.setter
    def services(self, services: AppServices | None) -> None:
        self._services = services
        self._page.set_editing_enabled(services is not None)

    def set_ladder(self, ladder: Ladder | None) -> None:
        """Offer the competencies of ``ladder`` (the profile's) in the editor and details."""
        self._ladder = ladder
        names = {c.id: c.name for c in ladder.competencies} if ladder else {}
        self._page.set_competency_names(names)

    def reload(self, select_id: int | None = None) -> None:
        """Fetch the prototypes and the profile's ladder; keep the selection (or select one)."""
        services = self._services
        if services is None:
            return
        current = self._page.current_prototype()
        keep = select_id if select_id is not None else (current.id if current else None)

        def work() -> tuple[tuple[Prototype, ...], Ladder | None]:
            prototypes = services.prototypes.prototypes()
            try:
                ladder = services.ladders.get_ladder(services.profile.show().ladder_id)
            except NotFoundError:
                ladder = None  # the profile names a ladder that was removed
            return prototypes, ladder

        def done(outcome: tuple[tuple[Prototype, ...], Ladder | None]) -> None:
            prototypes, ladder = outcome
            self.set_ladder(ladder)
            self._page.set_prototypes(prototypes, keep)
            self.loaded.emit()

        self._tasks.submit(work, done, self._on_task_failed)

    # -- new and edit ---------------------------------------------------------------------

    def new_prototype(self) -> None:
        """Open the editor for a new prototype."""
        self._open_editor(None)

    def edit(self, prototype: Prototype) -> None:
        """Open the editor on ``prototype``."""
        self._open_editor(prototype)

    def _open_editor(self, prototype: Prototype | None) -> None:
        if self._services is None:
            return
        competencies = self._ladder.competencies if self._ladder else ()
        dialog = PrototypeDialog(prototype, competencies, self._today(), self._parent)
        dialog.save_requested.connect(self._on_dialog_save_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _on_dialog_save_requested(self, prototype: Prototype) -> None:
        services, dialog = self._services, self.dialog
        if services is None or dialog is None:
            return
        dialog.begin_saving()
        is_new = prototype.id is None

        def work() -> Prototype:
            if is_new:
                return services.prototypes.add(prototype)
            return services.prototypes.update(prototype)

        def done(saved: Prototype) -> None:
            if self.dialog is dialog:
                dialog.accept()
            message = self.tr("Added “{title}”.") if is_new else self.tr("Saved “{title}”.")
            self._stored(message.format(title=saved.title), saved.id)

        def failed(error: BaseException) -> None:
            if self.dialog is dialog:
                dialog.end_saving()
            self._report(error, dialog if self.dialog is dialog else self._parent)

        self._tasks.submit(work, done, failed)

    # -- stage ----------------------------------------------------------------------------

    def move_to_stage(self, prototype: Prototype) -> None:
        """Ask for the next stage of ``prototype``, its date and a reason."""
        if self._services is None:
            return
        dialog = StageChangeDialog(prototype, self._today(), self._parent)
        dialog.save_requested.connect(lambda change: self._change_stage(prototype, change))
        dialog.finished.connect(self._on_stage_dialog_finished)
        self.stage_dialog = dialog
        dialog.open()

    def _on_stage_dialog_finished(self) -> None:
        if self.stage_dialog is not None:
            self.stage_dialog.deleteLater()
            self.stage_dialog = None

    def _change_stage(self, prototype: Prototype, change: StageChange) -> None:
        services, dialog = self._services, self.stage_dialog
        if services is None or dialog is None or prototype.id is None:
            return
        prototype_id = prototype.id
        dialog.begin_saving()

        def work() -> Prototype:
            return services.prototypes.change_stage(
                prototype_id,
                change.stage,
                on=change.date,
                reason=change.reason,
                shelved_because=change.shelved_because,
            )

        def done(moved: Prototype) -> None:
            if self.stage_dialog is dialog:
                dialog.accept()
            message = self.tr("Moved “{title}” to {stage}.").format(
                title=moved.title, stage=stage_label(moved.stage)
            )
            self._stored(message, moved.id)

        def failed(error: BaseException) -> None:
            if self.stage_dialog is dialog:
                dialog.end_saving()
            self._report(error, dialog if self.stage_dialog is dialog else self._parent)

        self._tasks.submit(work, done, failed)

    # -- delete ---------------------------------------------------------------------------

    def delete(self, prototype: Prototype) -> None:
        """Ask whether to delete ``prototype``, naming it; delete it when the user agrees."""
        if self._services is None:
            return
        # Edit → Undo Delete puts back ledger entries only: say so before it is too late.
        self.delete_box = ask_to_delete(
            self._parent,
            self.tr("Delete Prototype"),
            self.tr("Delete “{title}”?").format(title=prototype.title),
            self.tr("Its stage history and notes are deleted with it. This cannot be undone."),
            lambda: self._delete(prototype),
        )
        self.delete_box.finished.connect(self._on_delete_box_finished)

    def _on_delete_box_finished(self) -> None:
        self.delete_box = None  # the box deletes itself

    def _delete(self, prototype: Prototype) -> None:
        services = self._services
        if services is None or prototype.id is None:
            return
        prototype_id = prototype.id

        def done(deleted: Prototype) -> None:
            self._stored(self.tr("Deleted “{title}”.").format(title=deleted.title), None)

        self._tasks.submit(
            lambda: services.prototypes.delete(prototype_id), done, self._on_task_failed
        )

    # -- shared ---------------------------------------------------------------------------

    def _stored(self, message: str, select_id: int | None) -> None:
        self.status_changed.emit(message)
        self.prototypes_changed.emit()
        self.reload(select_id)

    def _on_task_failed(self, error: BaseException) -> None:
        self._report(error, self._parent)

    def _report(self, error: BaseException, parent: QWidget) -> None:
        report_failure(parent, error, self._data_dir)
        if isinstance(error, NotFoundError):
            self.reload()  # it was deleted meanwhile: show what is really stored

    def _on_page_new_requested(self) -> None:
        self.new_prototype()

    def _on_page_edit_requested(self, prototype: Prototype) -> None:
        self.edit(prototype)

    def _on_page_stage_change_requested(self, prototype: Prototype) -> None:
        self.move_to_stage(prototype)

    def _on_page_delete_requested(self, prototype: Prototype) -> None:
        self.delete(prototype)
