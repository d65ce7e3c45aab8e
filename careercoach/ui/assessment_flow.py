"""Opens the self-assessment wizard and carries out what it asks for off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.domain.assessment import Assessment
from careercoach.domain.ladder import Ladder
from careercoach.services.assessment_service import AssessmentReport
from careercoach.services.clock import Today, local_today
from careercoach.ui.assessment_wizard import AssessmentWizard
from careercoach.ui.assessment_wizard_state import StartChoice, WizardData
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    import datetime as dt

    from careercoach.services.app_services import AppServices


def load_wizard_data(services: AppServices, today: dt.date) -> WizardData:
    """Everything the wizard shows (run off the GUI thread)."""
    draft = services.assessments.draft()
    draft_ladder = services.assessments.draft_ladder(draft) if draft is not None else None
    ladders = tuple(
        services.ladders.get_stored(summary.id) for summary in services.ladders.list_ladders()
    )
    return WizardData(
        today=today,
        profile=services.profile.show(),
        ladders=ladders,
        draft=draft,
        draft_ladder=draft_ladder,
        history=services.assessments.history(),
        entries=services.ledger.entries(),
        prototypes=services.prototypes.prototypes(),
    )


class AssessmentFlow(QObject):
    """The self-assessment: loads what the wizard needs, then stores its draft and result.

    Set ``services`` once the database is open; ``start`` is what an "Assess Yourself…"
    action calls. ``wizard`` is the open wizard (None when closed).
    """

    assessment_finished = Signal(object)  # AssessmentReport
    status_changed = Signal(str)
    wizard_opened = Signal(object)  # AssessmentWizard
    draft_saved = Signal(object)  # Assessment: the draft as stored

    def __init__(
        self, parent: QWidget, tasks: TaskRunner, data_dir: Path, *, today: Today = local_today
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._data_dir = data_dir
        self._today = today
        self._opening = False
        self._save_failure: QMessageBox | None = None
        self.services: AppServices | None = None
        self.wizard: AssessmentWizard | None = None

    def start(self) -> None:
        """Open the wizard (offering to resume an unfinished assessment); raise it if open."""
        services = self.services
        if services is None or self._opening:
            return
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        self._opening = True
        today = self._today()

        def done(data: WizardData) -> None:
            self._opening = False
            self._open(data)

        def failed(error: BaseException) -> None:
            self._opening = False
            report_failure(self._parent, error, self._data_dir)

        self._tasks.submit(lambda: load_wizard_data(services, today), done, failed)

    def _open(self, data: WizardData) -> None:
        wizard = AssessmentWizard(data, self._parent)
        wizard.start_requested.connect(self._on_wizard_start_requested)
        wizard.draft_changed.connect(self._on_wizard_draft_changed)
        wizard.finish_requested.connect(self._on_wizard_finish_requested)
        wizard.finished.connect(self._on_wizard_finished)
        self.wizard = wizard
        wizard.open()
        self.wizard_opened.emit(wizard)

    def _on_wizard_start_requested(self, choice: StartChoice) -> None:
        services, wizard = self.services, self.wizard
        if services is None or wizard is None:
            return

        def work() -> tuple[Assessment, Ladder]:
            draft = services.assessments.start(
                choice.ladder_id, choice.target_level_id, choice.period_start, choice.period_end
            )
            return draft, services.assessments.draft_ladder(draft)

        def done(started: tuple[Assessment, Ladder]) -> None:
            if self.wizard is wizard:
                wizard.draft_started(*started)

        def failed(error: BaseException) -> None:
            if self.wizard is wizard:
                wizard.start_failed()
            self._report(error)

        self._tasks.submit(work, done, failed)

    def _on_wizard_draft_changed(self, draft: Assessment) -> None:
        services = self.services
        if services is None:
            return

        def failed(error: BaseException) -> None:
            # One box at a time: a failing database would otherwise add one per page.
            if self._save_failure is None or not self._save_failure.isVisible():
                self._save_failure = self._report(error)

        self._tasks.submit(
            lambda: services.assessments.save_draft(draft), self.draft_saved.emit, failed
        )

    def _on_wizard_finish_requested(self, draft: Assessment) -> None:
        services, wizard = self.services, self.wizard
        if services is None or wizard is None:
            return

        def done(report: AssessmentReport) -> None:
            if self.wizard is wizard:
                wizard.show_report(report)
            self.status_changed.emit(
                self.tr("Self-assessment finished: {estimate}.").format(
                    estimate=report.result.estimate.label
                )
            )
            self.assessment_finished.emit(report)

        def failed(error: BaseException) -> None:
            if self.wizard is wizard:
                wizard.finish_failed()
            self._report(error)

        self._tasks.submit(lambda: services.assessments.finish(draft), done, failed)

    def _on_wizard_finished(self, _result: int) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        self.wizard = None
        if wizard.draft is not None and wizard.report is None:
            self.status_changed.emit(
                self.tr("Your self-assessment answers are kept; you can resume later.")
            )
        wizard.deleteLater()

    def _report(self, error: BaseException) -> QMessageBox:
        return report_failure(self.wizard or self._parent, error, self._data_dir)
