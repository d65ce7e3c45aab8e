"""The evidence side of the main window: Ledger and Prototypes pages and the weekly check-in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QVBoxLayout, QWidget

from careercoach.domain.ladder import Ladder
from careercoach.services.clock import local_today
from careercoach.ui.backup_flow import BackupFlow
from careercoach.ui.checkin_flow import CheckInFlow
from careercoach.ui.checkin_reminder import CheckInReminder
from careercoach.ui.ledger_flow import LedgerFlow
from careercoach.ui.ledger_page import LedgerPage
from careercoach.ui.main_menus import MainMenus
from careercoach.ui.prototypes_flow import PrototypesFlow
from careercoach.ui.prototypes_page import PrototypesPage
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices

LEDGER_SPLITTER_KEY = "ledger_page/splitter"
PROTOTYPES_SPLITTER_KEY = "prototypes_page/splitter"

AddPage = Callable[[QWidget, str, QIcon], None]


class EvidencePages(QObject):
    """Builds the evidence pages into the window and connects them to its menus."""

    status_changed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        menus: MainMenus,
        tasks: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        add_page: AddPage,
        banner_column: QVBoxLayout,
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self._menus = menus
        style = window.style()

        self.ledger_page = LedgerPage(local_today, window)
        add_page(
            self.ledger_page,
            self.tr("Ledger"),
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
        )
        self.ledger = LedgerFlow(window, self.ledger_page, tasks, settings, data_dir, local_today)
        self.ledger.status_changed.connect(self.status_changed)
        self.ledger.undo_available.connect(menus.undo.setEnabled)
        menus.log_work.triggered.connect(self.ledger.add)
        menus.import_ledger.triggered.connect(self.ledger.import_csv)
        # The whole ledger; the Ledger page's own Export button writes the rows it shows.
        menus.export_ledger.triggered.connect(self.ledger.export_all)
        menus.undo.triggered.connect(self.ledger.undo_delete)

        self.prototypes_page = PrototypesPage(window)
        add_page(
            self.prototypes_page,
            self.tr("Prototypes"),
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
        )
        self.prototypes = PrototypesFlow(window, self.prototypes_page, tasks, data_dir)
        self.prototypes.status_changed.connect(self.status_changed)

        self.checkin_reminder = CheckInReminder(window)
        banner_column.insertWidget(0, self.checkin_reminder)
        self.checkin = CheckInFlow(
            window, self.checkin_reminder, tasks, data_dir, today=local_today
        )
        self.checkin.status_changed.connect(self.status_changed)
        menus.checkin.triggered.connect(self._on_checkin_action_triggered)

        # Restoring replaces every page's data: the window connects ``backup.restored``.
        self.backup = BackupFlow(window, tasks, settings, data_dir, local_today)
        self.backup.status_changed.connect(self.status_changed)
        menus.back_up.triggered.connect(self.backup.back_up)
        menus.restore.triggered.connect(self.backup.restore)

        for page, key in (
            (self.ledger_page, LEDGER_SPLITTER_KEY),
            (self.prototypes_page, PROTOTYPES_SPLITTER_KEY),
        ):
            state = settings.value(key)
            if state is not None:
                page.splitter.restoreState(state)

    @property
    def can_undo(self) -> bool:
        """True when a ledger delete can be undone."""
        return self.ledger.can_undo

    def attach(self, services: AppServices) -> None:
        """Load the evidence once the database is open."""
        self.ledger.attach(services)
        self.prototypes.services = services
        self.prototypes.reload()
        self.checkin.services = services
        self.checkin.refresh()
        self.backup.services = services

    def reload(self) -> None:
        """Read everything again after the data was replaced (the demo year, a restore)."""
        self.ledger.forget_undo()
        self.ledger.reload()
        self.prototypes.reload()
        self.checkin.refresh()

    def show_ladder(self, ladder_id: str, ladders: dict[str, Ladder]) -> None:
        """Offer the competencies of the profile's ladder in editors, filters and details."""
        self.ledger.show_competencies_of(ladder_id, ladders)
        self.prototypes.set_ladder(ladders.get(ladder_id))
        if ladder_id not in ladders:
            self.prototypes.reload()  # reads the profile's ladder itself

    def save_state(self) -> None:
        """Remember the splitter positions."""
        self._settings.setValue(LEDGER_SPLITTER_KEY, self.ledger_page.splitter.saveState())
        self._settings.setValue(PROTOTYPES_SPLITTER_KEY, self.prototypes_page.splitter.saveState())

    def _on_checkin_action_triggered(self) -> None:
        self.checkin.open_dialog()
