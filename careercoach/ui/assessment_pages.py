"""The assessment side of the main window: the Assessments page and the self-assessment wizard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from careercoach.ui.assessment_flow import AssessmentFlow
from careercoach.ui.assessments_flow import AssessmentsFlow
from careercoach.ui.assessments_page import AssessmentsPage
from careercoach.ui.main_menus import MainMenus
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices

ASSESSMENTS_SPLITTER_KEY = "assessments_page/splitter"

AddPage = Callable[[QWidget, str, QIcon], None]
ShowPage = Callable[[QWidget], None]


class AssessmentPages(QObject):
    """Builds the Assessments page into the window; File → Assess Yourself opens the wizard."""

    status_changed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        menus: MainMenus,
        tasks: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        add_page: AddPage,
        show_page: ShowPage,
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self._show_page = show_page
        self.page = AssessmentsPage(window)
        add_page(
            self.page,
            self.tr("Assessments"),
            window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView),
        )
        self.flow = AssessmentsFlow(window, self.page, tasks, data_dir)
        self.flow.status_changed.connect(self.status_changed)
        self.wizard = AssessmentFlow(window, tasks, data_dir)
        self.wizard.status_changed.connect(self.status_changed)
        self.wizard.assessment_finished.connect(self._on_wizard_assessment_finished)
        menus.assess.triggered.connect(self._on_assess_requested)
        self.page.new_requested.connect(self._on_assess_requested)
        state = settings.value(ASSESSMENTS_SPLITTER_KEY)
        if state is not None:
            self.page.splitter.restoreState(state)

    def attach(self, services: AppServices) -> None:
        """Load the finished assessments and let the wizard store, once the database is open."""
        self.wizard.services = services
        self.flow.services = services

    def reload(self) -> None:
        """Read the assessments again."""
        self.flow.reload()

    def save_state(self) -> None:
        """Remember the splitter position."""
        self._settings.setValue(ASSESSMENTS_SPLITTER_KEY, self.page.splitter.saveState())

    def _on_assess_requested(self) -> None:
        self.wizard.start()

    def _on_wizard_assessment_finished(self, finished: object) -> None:
        # The wizard reports the finished assessment (or its report): show it selected.
        assessment = getattr(finished, "assessment", finished)
        assessment_id = getattr(assessment, "id", None)
        self.flow.reload(assessment_id if isinstance(assessment_id, int) else None)
        self._show_page(self.page)
