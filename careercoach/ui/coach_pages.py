"""The coach side of the main window: the Coach page, kept current as the data changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal, SignalInstance
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from careercoach.ui.coach_flow import CoachFlow
from careercoach.ui.coach_page import CoachPage
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices
    from careercoach.ui.assessment_pages import AssessmentPages
    from careercoach.ui.evidence_pages import EvidencePages

COACH_SPLITTER_KEY = "coach_page/splitter"

AddPage = Callable[[QWidget, str, QIcon], None]


class CoachPages(QObject):
    """Builds the Coach page into the window and checks the data again when it changes."""

    status_changed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        add_page: AddPage,
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self.page = CoachPage(window)
        add_page(
            self.page,
            self.tr("Coach"),
            window.style().standardIcon(QStyle.StandardPixmap.SP_DialogHelpButton),
        )
        self.flow = CoachFlow(window, self.page, tasks, data_dir)
        self.flow.status_changed.connect(self.status_changed)
        state = settings.value(COACH_SPLITTER_KEY)
        if state is not None:
            self.page.splitter.restoreState(state)

    def watch(
        self, evidence: EvidencePages, assessments: AssessmentPages, profile_saved: SignalInstance
    ) -> None:
        """Check again whenever the data the rules look at changes (while the page is shown)."""
        changes = (
            evidence.ledger.loaded,  # an entry was logged, edited, deleted, imported
            evidence.prototypes.loaded,
            evidence.checkin.refreshed,  # after a check-in is saved, and on a new day
            assessments.flow.loaded,  # an assessment was finished or deleted
            assessments.wizard.draft_saved,
            profile_saved,  # also once a demo year is filled in
        )
        for signal in changes:
            signal.connect(self.flow.refresh_if_shown)

    def attach(self, services: AppServices) -> None:
        """Evaluate the rules once the database is open (when the page is shown)."""
        self.flow.services = services

    def save_state(self) -> None:
        """Remember the splitter position."""
        self._settings.setValue(COACH_SPLITTER_KEY, self.page.splitter.saveState())
