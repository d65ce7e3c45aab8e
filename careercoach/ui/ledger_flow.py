"""Connects the Ledger page, the entry editor and the ledger service: load, edit, undo, CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careercoach.domain.contribution import Contribution
from careercoach.domain.errors import NotFoundError
from careercoach.ui.contribution_dialog import ContributionDialog
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.ledger_page import LedgerPage
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.domain.ladder import Ladder
    from careercoach.domain.ledger_csv import LedgerCsvError
    from careercoach.services.app_services import AppServices
    from careercoach.services.ledger_service import CsvImportResult

FOLDER_KEY = "ledger/last_folder"
CSV_FILTER = "CSV files (*.csv);;All files (*)"
_SHOWN_PROBLEMS = 8


class LedgerFlow(QObject):
    """Everything the user does to the ledger, run through ``tasks`` off the GUI thread.

    Deleting keeps the deleted entries on an undo stack: ``undo_delete`` puts the most
    recent group back under their old ids.
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
        self.services: AppServices | None = None
        self.dialog: ContributionDialog | None = None
        self.error_box: QMessageBox | None = None
        page.add_requested.connect(self.add)
        page.edit_requested.connect(self.edit)
        page.delete_requested.connect(self.delete)
        page.import_requested.connect(self.import_csv)
        page.export_requested.connect(self.export_csv)

    # -- state ----------------------------------------------------------------------------------

    def attach(self, services: AppServices) -> None:
        """Start working on ``services``: load the ledger."""
        self.services = services
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
        """True when a delete can be undone."""
        return bool(self._undo_stack)

    def reload(self, select_ids: Iterable[int] = ()) -> None:
        """Read the ledger in the background and show it, selecting ``select_ids``."""
        services = self.services
        if services is None:
            return
        chosen = tuple(select_ids)
        self._tasks.submit(
            services.ledger.entries,
            lambda entries: self._on_entries_read(entries, chosen),
            self._on_task_failed,
        )

    def _on_entries_read(self, entries: Sequence[Contribution], select_ids: Sequence[int]) -> None:
        self.page.show_entries(entries, select_ids)
        self.loaded.emit()

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
        dialog.accepted.connect(lambda: self._save(dialog.contribution()))
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, dialog: ContributionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, entry: Contribution) -> None:
        services = self.services
        if services is None:
            return
        editing = entry.id is not None
        work = (
            (lambda: services.ledger.update(entry))
            if editing
            else (lambda: services.ledger.add(entry))
        )

        def done(stored: Contribution) -> None:
            message = self.tr("Saved “{title}”.") if editing else self.tr("Logged “{title}”.")
            self.status_changed.emit(message.format(title=stored.title))
            self.saved.emit(stored)
            self.reload([stored.id] if stored.id is not None else [])

        def failed(error: BaseException) -> None:
            self._on_task_failed(error)
            if not isinstance(error, NotFoundError):
                self._open_dialog(entry)  # give the typing back to fix or retry

        self._tasks.submit(work, done, failed)

    # -- delete and undo ------------------------------------------------------------------------

    def delete(self, entries: Sequence[Contribution]) -> None:
        """Delete ``entries`` together; one Undo puts them all back."""
        services = self.services
        ids = [entry.id for entry in entries if entry.id is not None]
        if services is None or not ids:
            return
        after = self._neighbour_id(set(ids))

        def work() -> tuple[Contribution, ...]:
            deleted = []
            for entry_id in ids:
                try:
                    deleted.append(services.ledger.delete(entry_id))
                except NotFoundError:
                    continue  # already gone: nothing to delete or to undo
            return tuple(deleted)

        self._tasks.submit(
            work, lambda deleted: self._on_deleted(deleted, after), self._on_task_failed
        )

    def _on_deleted(self, deleted: tuple[Contribution, ...], after: int | None) -> None:
        if deleted:
            self._undo_stack.append(deleted)
            self.undo_available.emit(True)
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        if len(deleted) == 1:
            message = self.tr("Deleted “{title}” — {undo} to undo").format(
                title=deleted[0].title, undo=undo
            )
        else:
            message = self.tr("Deleted {count} entries — {undo} to undo").format(
                count=len(deleted), undo=undo
            )
        self.status_changed.emit(message)
        self.reload([after] if after is not None else [])

    def undo_delete(self) -> None:
        """Put back the entries of the most recent delete, under their old ids."""
        services = self.services
        if services is None or not self._undo_stack:
            return
        group = self._undo_stack.pop()
        self.undo_available.emit(bool(self._undo_stack))

        def work() -> list[Contribution]:
            return [services.ledger.restore(entry) for entry in group]

        def done(restored: list[Contribution]) -> None:
            count = len(restored)
            message = (
                self.tr("Restored “{title}”.").format(title=restored[0].title)
                if count == 1
                else self.tr("Restored {count} entries.").format(count=count)
            )
            self.status_changed.emit(message)
            self.reload(entry.id for entry in restored if entry.id is not None)

        def failed(error: BaseException) -> None:
            self._undo_stack.append(group)  # still there to try again
            self.undo_available.emit(True)
            self._on_task_failed(error)

        self._tasks.submit(work, done, failed)

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
        """Ask for a ledger CSV file and import it."""
        if self.services is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import Ledger CSV"), self._folder(), self.tr(CSV_FILTER)
        )
        if path:
            self._remember_folder(Path(path))
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Add every row of ``path`` to the ledger, or none when a row is wrong."""
        services = self.services
        if services is None:
            return
        self.status_changed.emit(self.tr("Importing {file}…").format(file=path.name))
        self._tasks.submit(
            lambda: services.ledger.import_csv(path),
            lambda result: self._on_imported(result, path),
            self._on_import_failed,
        )

    def _on_imported(self, result: CsvImportResult, path: Path) -> None:
        added = (
            self.tr("Imported 1 entry")
            if result.added == 1
            else self.tr("Imported {count} entries").format(count=result.added)
        )
        if result.skipped == 1:
            skipped = self.tr("; 1 already in the ledger was skipped")
        elif result.skipped:
            skipped = self.tr("; {count} already in the ledger were skipped").format(
                count=result.skipped
            )
        else:
            skipped = self.tr(" from {file}").format(file=path.name)
        self.status_changed.emit(added + skipped + ".")
        self.reload()

    def _on_import_failed(self, error: BaseException) -> None:
        from careercoach.domain.ledger_csv import LedgerCsvError

        self.status_changed.emit(self.tr("Nothing was imported."))
        if isinstance(error, LedgerCsvError):
            self.error_box = self._csv_problems_box(error)
            self.error_box.open()
            return
        self.error_box = report_failure(self._parent, error, self._data_dir)

    def _csv_problems_box(self, error: LedgerCsvError) -> QMessageBox:
        rows = sorted({problem.row for problem in error.problems})
        row_list = ", ".join(str(row) for row in rows)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Import Ledger CSV"), "", parent=self._parent
        )
        box.setObjectName("ledgerCsvProblems")
        box.setText(
            self.tr("Row {rows} cannot be imported. Nothing was imported.").format(rows=row_list)
            if len(rows) == 1
            else self.tr("Rows {rows} cannot be imported. Nothing was imported.").format(
                rows=row_list
            )
        )
        shown = [f"• {problem}" for problem in error.problems[:_SHOWN_PROBLEMS]]
        more = len(error.problems) - len(shown)
        if more > 0:
            shown.append(self.tr("… and {more} more (Show Details).").format(more=more))
        box.setInformativeText(
            self.tr("Fix these rows and import the file again:") + "\n" + "\n".join(shown)
        )
        box.setDetailedText("\n".join(str(problem) for problem in error.problems))
        return box

    def export_csv(self) -> None:
        """Ask where to write the entries shown, and write them."""
        if self.services is None:
            return
        name = f"careercoach-ledger-{self._today().isoformat()}.csv"
        path, _filter = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export Ledger CSV"),
            str(Path(self._folder()) / name),
            self.tr(CSV_FILTER),
        )
        if path:
            chosen = Path(path)
            if not chosen.suffix:
                chosen = chosen.with_suffix(".csv")
            self._remember_folder(chosen)
            self.export_file(chosen)

    def export_file(self, path: Path) -> None:
        """Write the entries the Ledger page shows (all of them when unfiltered) to ``path``."""
        services = self.services
        if services is None:
            return
        filtered = not self.page.current_filter().is_empty and self.page.model.total_count > 0
        entries = self.page.shown_entries() if self.page.model.total_count else None

        def done(count: int) -> None:
            if count == 1:
                message = (
                    self.tr("Exported the 1 entry shown to {file}.")
                    if filtered
                    else self.tr("Exported 1 entry to {file}.")
                )
            elif filtered:
                message = self.tr("Exported the {count} entries shown to {file}.")
            else:
                message = self.tr("Exported all {count} entries to {file}.")
            self.status_changed.emit(message.format(count=count, file=path.name))

        self._tasks.submit(
            lambda: services.ledger.export_csv(path, entries), done, self._on_task_failed
        )

    def _folder(self) -> str:
        folder = self._settings.value(FOLDER_KEY)
        if isinstance(folder, str) and Path(folder).is_dir():
            return folder
        return str(Path.home())

    def _remember_folder(self, path: Path) -> None:
        self._settings.setValue(FOLDER_KEY, str(path.parent))

    def _on_task_failed(self, error: BaseException) -> None:
        self.error_box = report_failure(self._parent, error, self._data_dir)


def _ignore(_error: BaseException) -> None:
    """Nothing to report."""
