"""Full backups from the GUI: write one (File → Back Up Data…) and restore one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.ui.error_reporting import report_failure
from careercoach.ui.file_dialogs import RememberedFolderDialogs
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices
    from careercoach.services.backup_service import RestoreResult
    from careercoach.services.startup_view import StartupView

FOLDER_KEY = "backup/last_folder"
JSON_FILTER = "CareerCoach backups (*.json);;All files (*)"


class BackupFlow(QObject):
    """Asks for backup files, writes or restores them off the GUI thread, says how it went.

    After a restore, ``restored`` carries what the window shows first (profile and
    ladders) as read from the restored database; the status line follows it.
    """

    status_changed = Signal(str)
    restored = Signal(object)  # the StartupView of the restored data

    def __init__(
        self,
        parent: QWidget,
        tasks: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._dialogs = RememberedFolderDialogs(parent, settings, FOLDER_KEY)
        self._data_dir = data_dir
        self._today = today
        self.services: AppServices | None = None
        self.error_box: QMessageBox | None = None
        self.replace_box: QMessageBox | None = None

    # -- back up --------------------------------------------------------------------------------

    def back_up(self) -> None:
        """Ask where to write the backup, and write it."""
        if self.services is None:
            return
        name = f"careercoach-backup-{self._today().isoformat()}.json"
        chosen = self._dialogs.save_path(
            self.tr("Back Up Data"), name, self.tr(JSON_FILTER), ".json"
        )
        if chosen is not None:
            self.back_up_to(chosen)

    def back_up_to(self, path: Path) -> None:
        """Write every table to ``path``."""
        services = self.services
        if services is None:
            return
        self.status_changed.emit(self.tr("Backing up your data to {file}…").format(file=path))

        def done(written: Path) -> None:
            self.status_changed.emit(
                self.tr("Backed up your data to {file}.").format(file=written)
            )

        def failed(error: BaseException) -> None:
            self.status_changed.emit(self.tr("Nothing was backed up."))
            self._on_failed(error)

        self._tasks.submit(lambda: services.backups.backup(path), done, failed)

    # -- restore --------------------------------------------------------------------------------

    def restore(self) -> None:
        """Ask for a backup file and restore it."""
        if self.services is None:
            return
        path = self._dialogs.open_path(self.tr("Restore from Backup"), self.tr(JSON_FILTER))
        if path is not None:
            self.restore_from(path)

    def restore_from(self, path: Path, *, replace: bool = False) -> None:
        """Put the backup at ``path`` in; asks first when that replaces the user's data."""
        services = self.services
        if services is None:
            return
        from careercoach.services.startup_view import full_startup_view

        self.status_changed.emit(self.tr("Restoring {file}…").format(file=path.name))

        def work() -> tuple[RestoreResult, StartupView]:
            result = services.backups.restore(path, replace=replace)
            return result, full_startup_view(services)

        self._tasks.submit(
            work,
            lambda outcome: self._on_restored(outcome, path),
            lambda error: self._on_restore_failed(error, path),
        )

    def _on_restored(self, outcome: tuple[RestoreResult, StartupView], path: Path) -> None:
        result, view = outcome
        self.restored.emit(view)
        rows = result.rows
        message = self.tr(
            "Restored {file}: {entries} ledger entries, {prototypes} prototypes, "
            "{checkins} check-ins, {assessments} assessments, {ladders} ladders."
        ).format(
            file=path.name,
            entries=rows.get("contributions", 0),
            prototypes=rows.get("prototypes", 0),
            checkins=rows.get("checkins", 0),
            assessments=rows.get("assessments", 0),
            ladders=rows.get("ladders", 0),
        )
        if result.replaced_saved_to is not None:
            message += " " + self.tr("The data it replaced was saved to {file}.").format(
                file=result.replaced_saved_to
            )
        self.status_changed.emit(message)

    def _on_restore_failed(self, error: BaseException, path: Path) -> None:
        from careercoach.services.backup_service import RestoreNeedsReplaceError

        if isinstance(error, RestoreNeedsReplaceError):
            self.status_changed.emit(self.tr("Nothing was restored yet."))
            self.replace_box = self._replace_question(path)
            self.replace_box.open()
            return
        self.status_changed.emit(self.tr("Nothing was restored."))
        self._on_failed(error)

    def _replace_question(self, path: Path) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore from Backup"),
            self.tr("Replace the data in this database?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._parent,
        )
        box.setObjectName("restoreReplaceQuestion")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file name is the user's
        box.setInformativeText(
            self.tr(
                "Restoring {file} replaces everything this database holds now. "
                "It is saved to the backups folder first."
            ).format(file=path.name)
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda answer: self._on_replace_answered(answer, path))
        return box

    def _on_replace_answered(self, answer: int, path: Path) -> None:
        if answer == QMessageBox.StandardButton.Yes.value:
            self.restore_from(path, replace=True)
        else:
            self.status_changed.emit(self.tr("Nothing was restored."))

    def _on_failed(self, error: BaseException) -> None:
        self.error_box = report_failure(self._parent, error, self._data_dir)

    # -- the folder offered ---------------------------------------------------------------------
