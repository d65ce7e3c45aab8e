"""Ledger CSV files from the GUI: import into the ledger, export all of it or the rows shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.ui.error_reporting import report_failure
from careercoach.ui.file_dialogs import RememberedFolderDialogs
from careercoach.ui.ledger_page import LedgerPage
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.domain.ledger_csv import LedgerCsvError
    from careercoach.services.app_services import AppServices
    from careercoach.services.ledger_service import CsvImportResult

FOLDER_KEY = "ledger/last_folder"
CSV_FILTER = "CSV files (*.csv);;All files (*)"
_SHOWN_PROBLEMS = 8

# Runs a ledger write: (work, on_success returning the ids to select, on_failure).
WriteRunner = Callable[
    [
        Callable[[], Any],
        Callable[[Any], Iterable[int] | None],
        Callable[[BaseException], None],
    ],
    None,
]


class LedgerCsvFlow(QObject):
    """Asks for CSV files and reads or writes them off the GUI thread, saying how it went."""

    status_changed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        page: LedgerPage,
        tasks: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        write: WriteRunner,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._page = page
        self._tasks = tasks
        self._dialogs = RememberedFolderDialogs(parent, settings, FOLDER_KEY)
        self._data_dir = data_dir
        self._write = write
        self._today = today
        self.services: AppServices | None = None
        self.error_box: QMessageBox | None = None

    # -- import ---------------------------------------------------------------------------------

    def import_csv(self) -> None:
        """Ask for a ledger CSV file and import it."""
        if self.services is None:
            return
        path = self._dialogs.open_path(self.tr("Import Ledger CSV"), self.tr(CSV_FILTER))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Add every row of ``path`` to the ledger, or none when a row is wrong."""
        services = self.services
        if services is None:
            return
        self.status_changed.emit(self.tr("Importing {file}…").format(file=path.name))
        self._write(
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

    # -- export ---------------------------------------------------------------------------------

    def export_all(self) -> None:
        """Ask where to write the whole ledger, and write it (File → Export Ledger CSV…)."""
        self._export(shown_only=False)

    def export_shown(self) -> None:
        """Ask where to write the entries the Ledger page shows, and write them."""
        self._export(shown_only=True)

    def _export(self, *, shown_only: bool) -> None:
        if self.services is None:
            return
        name = f"careercoach-ledger-{self._today().isoformat()}.csv"
        chosen = self._dialogs.save_path(
            self.tr("Export Ledger CSV"), name, self.tr(CSV_FILTER), ".csv"
        )
        if chosen is not None:
            self.export_file(chosen, shown_only=shown_only)

    def export_file(self, path: Path, *, shown_only: bool) -> None:
        """Write the ledger to ``path``: every stored entry, or only those the page shows.

        The whole ledger is read from the database, so it is complete even when the
        Ledger page has not been loaded or is filtered.
        """
        services = self.services
        if services is None:
            return
        model = self._page.model
        filtered = shown_only and model.total_count > 0 and not model.ledger_filter.is_empty
        entries = self._page.shown_entries() if filtered else None

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

        def failed(error: BaseException) -> None:
            self.error_box = report_failure(self._parent, error, self._data_dir)

        self._tasks.submit(lambda: services.ledger.export_csv(path, entries), done, failed)

    # -- the folder offered ---------------------------------------------------------------------
