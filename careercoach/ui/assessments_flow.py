"""Keeps the Assessments page current and carries out compare and delete off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach.domain.assessment_result import Move
from careercoach.domain.errors import NotFoundError
from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.assessment_models import finished_label
from careercoach.ui.assessment_views import CompareDialog
from careercoach.ui.assessments_page import AssessmentsPage
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.form_helpers import ask_to_delete
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices


class AssessmentsFlow(QObject):
    """Loading, Compare and Delete on the Assessments page.

    Set ``services`` once the database is open (that loads the assessments), and call
    ``reload`` after an assessment was finished elsewhere (the wizard).
    """

    status_changed = Signal(str)
    loaded = Signal()  # the page shows what is stored
    assessments_changed = Signal()  # an assessment was deleted

    def __init__(
        self, parent: QWidget, page: AssessmentsPage, tasks: TaskRunner, data_dir: Path
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._page = page
        self._tasks = tasks
        self._data_dir = data_dir
        self._services: AppServices | None = None
        self.compare_dialog: CompareDialog | None = None
        self.delete_box: QMessageBox | None = None
        page.compare_requested.connect(self._on_page_compare_requested)
        page.delete_requested.connect(self._on_page_delete_requested)

    @property
    def services(self) -> AppServices | None:
        """The services; None until the database is open."""
        return self._services

    @services.setter
    def services(self, services: AppServices | None) -> None:
        self._services = services
        self._page.set_editing_enabled(services is not None)
        if services is not None:
            self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read every finished assessment; keep the selection (or select ``select_id``)."""
        services = self._services
        if services is None:
            return
        current = self._page.current_report()
        keep = select_id if select_id is not None else (current.assessment.id if current else None)

        def done(reports: tuple[AssessmentReport, ...]) -> None:
            self._page.set_reports(reports, keep)
            self.loaded.emit()

        self._tasks.submit(services.assessments.reports, done, self._on_task_failed)

    # -- compare --------------------------------------------------------------------------

    def compare(self) -> None:
        """Open the comparison: the selected assessment against the one before it."""
        reports = self._page.model.reports()
        if self._services is None or len(reports) < 2:
            return
        after = self._page.current_report() or reports[0]
        before = self._page.previous_report()
        if before is None:  # the oldest is selected: compare it with the next one
            after, before = reports[-2], reports[-1]
        dialog = CompareDialog(reports, before.assessment.id, after.assessment.id, self._parent)
        dialog.pair_chosen.connect(self._on_compare_dialog_pair_chosen)
        dialog.finished.connect(self._on_compare_dialog_finished)
        self.compare_dialog = dialog
        dialog.open()
        dialog.request_moves()

    def _on_compare_dialog_finished(self) -> None:
        if self.compare_dialog is not None:
            self.compare_dialog.deleteLater()
            self.compare_dialog = None

    def _on_compare_dialog_pair_chosen(self, before_id: int, after_id: int) -> None:
        services, dialog = self._services, self.compare_dialog
        if services is None or dialog is None:
            return

        def done(moves: tuple[Move, ...]) -> None:
            if self.compare_dialog is dialog:
                dialog.show_moves(before_id, after_id, moves)

        self._tasks.submit(
            lambda: services.assessments.compare(before_id, after_id), done, self._on_task_failed
        )

    # -- delete ---------------------------------------------------------------------------

    def delete(self, report: AssessmentReport) -> None:
        """Ask whether to delete the assessment, naming its date; delete it if the user agrees."""
        if self._services is None:
            return
        self.delete_box = ask_to_delete(
            self._parent,
            self.tr("Delete Assessment"),
            self.tr("Delete the assessment finished on {date}?").format(
                date=finished_label(report)
            ),
            self.tr(
                "Its ratings and notes are deleted with it; your ledger entries and "
                "prototypes stay. This cannot be undone."
            ),
            lambda: self._delete(report),
        )
        self.delete_box.finished.connect(self._on_delete_box_finished)

    def _on_delete_box_finished(self) -> None:
        self.delete_box = None  # the box deletes itself

    def _delete(self, report: AssessmentReport) -> None:
        services = self._services
        assessment_id = report.assessment.id
        if services is None or assessment_id is None:
            return

        def done(_result: None) -> None:
            self.status_changed.emit(
                self.tr("Deleted the assessment finished on {date}.").format(
                    date=finished_label(report)
                )
            )
            self.assessments_changed.emit()
            self.reload()

        self._tasks.submit(
            lambda: services.assessments.delete(assessment_id), done, self._on_task_failed
        )

    # -- shared ---------------------------------------------------------------------------

    def _on_task_failed(self, error: BaseException) -> None:
        report_failure(self._parent, error, self._data_dir)
        if isinstance(error, NotFoundError):
            self.reload()  # it was deleted meanwhile: show what is really stored

    def _on_page_compare_requested(self) -> None:
        self.compare()

    def _on_page_delete_requested(self, report: AssessmentReport) -> None:
        self.delete(report)
