"""Connects the Ledger page, the entry editor and the ledger service: load, edit, delete, undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.domain.contribution import Contribution
from careercoach.domain.errors import NotFoundError
from careercoach.ui.contribution_dialog import ContributionDialog
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.ledger_csv_flow import LedgerCsvFlow
from careercoach.ui.ledger_page import LedgerPage
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.domain.ladder import Ladder
    from careercoach.services.app_services import AppServices

_Result = TypeVar("_Result")


class LedgerFlow(QObject):
    """Everything the user does to the ledger, run through ``tasks`` off the GUI thread.

    Deleting keeps the deleted entries on an undo stack: ``undo_delete`` puts the most
    recent group back under their old ids. From the moment a write is asked for until
    the ledger is shown as it then stands, Delete and Undo wait: both act on what the
    table shows.
    """

    loaded = Signal()  # the page shows the ledger as stored
    status_changed = Signal(str)  # a one-line message for the status bar
    undo_available = Signal(bool)
    saved = Signal(object)  # Contribution, after an add or an edit

    def __init__(
        self,
        parent: QWidget,
        page: LedgerPage,
        tasks: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.page = page
        self._tasks = tasks
        self._settings = settings
        self._data_dir = data_dir
        self._today = today
        self._competency_names: dict[str, str] = {}
        self._undo_stack: list[tuple[Contribution, ...]] = []
        self._writes = 0  # ledger writes whose result the table does not show yet
        self.services: AppServices | None = None
        self.dialog: ContributionDialog | None = None
        self.error_box: QMessageBox | None = None
        self.csv = LedgerCsvFlow(parent, page, tasks, settings, data_dir, self._write, today)
        self.csv.status_changed.connect(self.status_changed)
        page.add_requested.connect(self.add)
        page.edit_requested.connect(self.edit)
        page.delete_requested.connect(self.delete)
        page.import_requested.connect(self.import_csv)
        page.export_requested.connect(self.export_shown)

    # -- state ----------------------------------------------------------------------------------

    def attach(self, services: AppServices) -> None:
        """Start working on ``services``: load the ledger."""
        self.services = self.csv.services = services
        self.page.set_editing_enabled(True)
        self.reload()

    def set_competency_names(self, names: Mapping[str, str]) -> None:
        """The profile ladder's competencies, for the page and the editor."""
        self._competency_names = dict(names)
        self.page.set_competency_names(names)

    def show_competencies_of(self, ladder_id: str, ladders: dict[str, Ladder]) -> None:
        """Name the competencies of ``ladder_id``, read into ``ladders`` first when missing."""
        ladder = ladders.get(ladder_id)
        if ladder is not None:
            self.set_competency_names({c.id: c.name for c in ladder.competencies})
            return
        services = self.services
        if services is None:
            return

        def loaded(found: Ladder) -> None:
            ladders[found.id] = found
            self.set_competency_names({c.id: c.name for c in found.competencies})

        # A ladder that cannot be read leaves the competencies shown by their ids.
        self._tasks.submit(lambda: services.ladders.get_ladder(ladder_id), loaded, _ignore)

    @property
    def can_undo(self) -> bool:
        """True when a delete can be undone now (not while a ledger write is pending)."""
        return bool(self._undo_stack) and not self._writes

    def forget_undo(self) -> None:
        """Drop the undo history: the data was replaced, its deletes are not ours to undo."""
        self._undo_stack.clear()
        self.undo_available.emit(self.can_undo)

    def reload(
        self, select_ids: Iterable[int] = (), then: Callable[[], None] | None = None
    ) -> None:
        """Read the ledger in the background and show it, selecting ``select_ids``.

        ``then`` runs once it is shown (or could not be read), before ``loaded`` fires.
        """
        services = self.services
        if services is None:
            if then is not None:
                then()
            return
        chosen = tuple(select_ids)

        def read(entries: Sequence[Contribution]) -> None:
            self.page.show_entries(entries, chosen)
            if then is not None:
                then()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self._on_task_failed(error)
            if then is not None:
                then()

        self._tasks.submit(services.ledger.entries, read, failed)

    def _write(
        self,
        work: Callable[[], _Result],
        done: Callable[[_Result], Iterable[int] | None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run a ledger write off the GUI thread, then show the ledger as stored.

        ``done`` returns the ids to select afterwards (None keeps the selection);
        ``failed`` reports the error. Either way the table is read again.
        """
        self._writes += 1
        self._on_writes_changed()

        def succeeded(result: _Result) -> None:
            self.reload(done(result) or (), then=self._on_write_shown)

        def went_wrong(error: BaseException) -> None:
            failed(error)
            self.reload(then=self._on_write_shown)

        self._tasks.submit(work, succeeded, went_wrong)

    def _on_write_shown(self) -> None:
        self._writes -= 1
        self._on_writes_changed()

    def _on_writes_changed(self) -> None:
        self.page.set_busy(self._writes > 0)
        self.undo_available.emit(self.can_undo)

    # -- add and edit ---------------------------------------------------------------------------

    def add(self) -> None:
        """Open the editor for a new entry (File → Log Work…, from any page)."""
        self._open_dialog(None)

    def edit(self, entry: Contribution) -> None:
        """Open the editor on ``entry``."""
        self._open_dialog(entry)

    def _open_dialog(self, entry: Contribution | None) -> None:
        if self.services is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = ContributionDialog(entry, self._competency_names, self._today(), self._parent)
        dialog.save_requested.connect(lambda typed: self._save(dialog, typed))
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, dialog: ContributionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, dialog: ContributionDialog, entry: Contribution) -> None:
        """Store ``entry``; the editor stays open, with the typing, until it is stored."""
        services = self.services
        if services is None:
            return
        dialog.begin_saving()
        editing = entry.id is not None

        def work() -> Contribution:
            return services.ledger.update(entry) if editing else services.ledger.add(entry)

        def done(stored: Contribution) -> list[int]:
            if self.dialog is dialog:
                dialog.accept()
            message = self.tr("Saved “{title}”.") if editing else self.tr("Logged “{title}”.")
            self.status_changed.emit(message.format(title=stored.title))
            self.saved.emit(stored)
            return [stored.id] if stored.id is not None else []

        def failed(error: BaseException) -> None:
            if self.dialog is not dialog:
                self._on_task_failed(error)
                return
            dialog.end_saving()
            if editing and isinstance(error, NotFoundError):
                gone = self.tr("This entry was deleted meanwhile; save it again to add it back.")
                dialog.save_as_new(gone)
                self.status_changed.emit(gone)
                return
            self.error_box = report_failure(dialog, error, self._data_dir)

        self._write(work, done, failed)

    # -- delete and undo ------------------------------------------------------------------------

    def delete(self, entries: Sequence[Contribution]) -> None:
        """Delete ``entries`` together, all or none; one Undo puts them all back."""
        services = self.services
        ids = tuple(entry.id for entry in entries if entry.id is not None)
        if services is None or not ids or self._writes:
            return  # while a write is pending the table may show entries already gone
        after = self._neighbour_id(set(ids))

        def done(deleted: tuple[Contribution, ...]) -> list[int]:
            if deleted:  # never announce, or offer to undo, a delete of nothing
                self._undo_stack.append(deleted)
                self.status_changed.emit(self._deleted_message(deleted))
            return [after] if after is not None else []

        def failed(error: BaseException) -> None:
            if isinstance(error, NotFoundError):
                self.status_changed.emit(
                    self.tr(
                        "Nothing was deleted: an entry was already gone. "
                        "The ledger now shows what is stored."
                    )
                )
                return
            self._on_task_failed(error)

        self._write(lambda: services.ledger.delete_many(ids), done, failed)

    def _deleted_message(self, deleted: tuple[Contribution, ...]) -> str:
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        if len(deleted) == 1:
            return self.tr("Deleted “{title}” — {undo} to undo").format(
                title=deleted[0].title, undo=undo
            )
        return self.tr("Deleted {count} entries — {undo} to undo").format(
            count=len(deleted), undo=undo
        )

    def undo_delete(self) -> None:
        """Put back the entries of the most recent delete, under their old ids, all or none."""
        services = self.services
        if services is None or not self.can_undo:
            return
        # The group stays on the stack until it is back: a failed undo can be tried again.
        group = self._undo_stack[-1]

        def done(restored: tuple[Contribution, ...]) -> list[int]:
            self._undo_stack.pop()  # no delete can add a group while this write is pending
            count = len(restored)
            message = (
                self.tr("Restored “{title}”.").format(title=restored[0].title)
                if count == 1
                else self.tr("Restored {count} entries.").format(count=count)
            )
            self.status_changed.emit(message)
            return [entry.id for entry in restored if entry.id is not None]

        self._write(lambda: services.ledger.restore_many(group), done, self._on_task_failed)

    def _neighbour_id(self, deleted: set[int]) -> int | None:
        """The entry to select once ``deleted`` are gone: the next one shown, else the previous."""
        shown = self.page.shown_entries()
        rows = [row for row, entry in enumerate(shown) if entry.id in deleted]
        if not rows:
            return None
        for entry in (*shown[rows[0] :], *reversed(shown[: rows[0]])):
            if entry.id is not None and entry.id not in deleted:
                return entry.id
        return None

    # -- CSV ------------------------------------------------------------------------------------

    def import_csv(self) -> None:
        """Ask for a ledger CSV file and import it (File → Import Ledger CSV…)."""
        self.csv.import_csv()

    def export_all(self) -> None:
        """Ask where to write the whole ledger, and write it (File → Export Ledger CSV…)."""
        self.csv.export_all()

    def export_shown(self) -> None:
        """Ask where to write the entries the Ledger page shows (its Export CSV… button)."""
        self.csv.export_shown()

    def _on_task_failed(self, error: BaseException) -> None:
        self.error_box = report_failure(self._parent, error, self._data_dir)


def _ignore(_error: BaseException) -> None:
    """Nothing to report."""
