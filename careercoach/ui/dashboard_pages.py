"""The Dashboard in the main window: its page, its quick actions and the 1:1 summary export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal, SignalInstance
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from careercoach.ui.dashboard_flow import DashboardFlow
from careercoach.ui.dashboard_page import DashboardPage
from careercoach.ui.summary_export_flow import SummaryExportFlow

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices
    from careercoach.services.startup_view import StartupView
    from careercoach.ui.assessment_pages import AssessmentPages
    from careercoach.ui.coach_pages import CoachPages
    from careercoach.ui.evidence_pages import EvidencePages
    from careercoach.ui.main_window import MainWindow

AddPage = Callable[[QWidget, str, QIcon], None]


class DashboardPages(QObject):
    """Builds the Dashboard into the window (the first page) and File → Export 1:1 Summary."""

    status_changed = Signal(str)

    def __init__(
        self, window: MainWindow, settings: QSettings, data_dir: Path, add_page: AddPage
    ) -> None:
        super().__init__(window)
        menus, tasks = window.menus, window.tasks
        self._window = window
        self._show_page = window.show_page
        self._evidence: EvidencePages | None = None
        self._coach: CoachPages | None = None
        self._select_rule: str | None = None  # to select once the Coach page has its advice
        self.page = DashboardPage(window)
        add_page(
            self.page,
            self.tr("Dashboard"),
            window.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon),
        )
        self.flow = DashboardFlow(window, self.page, tasks, data_dir)
        self.export = SummaryExportFlow(window, settings, tasks=tasks, data_dir=data_dir)
        self.export.status_changed.connect(self.status_changed)
        menus.export_summary.triggered.connect(self.export.open)
        self.page.export_requested.connect(self.export.open)
        self.page.log_work_requested.connect(menus.log_work.trigger)
        self.page.assessment_requested.connect(menus.assess.trigger)
        self.page.profile_requested.connect(self._on_page_profile_requested)

    def watch(
        self,
        evidence: EvidencePages,
        assessments: AssessmentPages,
        coach: CoachPages,
        profile_saved: SignalInstance,
    ) -> None:
        """Read again whenever the data shown changes; open the pages behind the cards."""
        self._evidence = evidence
        self._coach = coach
        changes = (
            evidence.ledger.loaded,  # an entry was logged, edited, deleted, imported
            evidence.prototypes.loaded,
            evidence.checkin.refreshed,  # after a check-in is saved, and on a new day
            assessments.flow.loaded,  # an assessment was finished or deleted
            coach.flow.status_changed,  # a suggestion was marked done, snoozed, dismissed
            profile_saved,  # also once a demo year is filled in
        )
        for signal in changes:
            signal.connect(self.flow.refresh_if_shown)
        page = self.page
        page.coach_requested.connect(lambda: self._show_page(coach.page))
        page.ledger_requested.connect(lambda: self._show_page(evidence.ledger_page))
        page.prototypes_requested.connect(lambda: self._show_page(evidence.prototypes_page))
        page.suggestion_chosen.connect(self._on_page_suggestion_chosen)
        page.entry_chosen.connect(self._on_page_entry_chosen)
        page.prototype_chosen.connect(self._on_page_prototype_chosen)
        coach.flow.advice_shown.connect(self._on_coach_advice_shown)

    def show_preview(self, view: StartupView) -> None:
        """Greet the user and show the next 1:1 from the quick start-up read.

        The rest of the page says "Loading…" until the database layer is open.
        """
        ladder = view.ladders.get(view.profile.ladder_id)
        self.page.show_preview(view.profile, ladder, self.flow.today())

    def attach(self, services: AppServices) -> None:
        """Read the data and enable the quick actions once the database is open."""
        self.export.attach(services)
        self.flow.services = services

    # -- the pages behind the cards -------------------------------------------------------

    def _on_page_profile_requested(self) -> None:
        """The 1:1 card asks to set one up: the profile dialog, the cursor on the next date."""
        window = self._window
        before = getattr(window, "profile_dialog", None)
        window.menus.profile.trigger()  # opens the dialog at once (unless no data is open)
        dialog = getattr(window, "profile_dialog", None)
        if dialog is not None and dialog is not before:
            dialog.focus_one_on_one()

    def _on_page_suggestion_chosen(self, rule_id: str) -> None:
        if self._coach is None:
            return
        self._select_rule = rule_id
        self._show_page(self._coach.page)  # checks the data again; selected when it is back
        self._select_suggestion(rule_id)  # meanwhile, in the advice it shows

    def _on_coach_advice_shown(self) -> None:
        rule_id, self._select_rule = self._select_rule, None
        if rule_id is not None:
            self._select_suggestion(rule_id)

    def _select_suggestion(self, rule_id: str) -> None:
        if self._coach is None:
            return
        page = self._coach.page
        row = page.model.row_of(rule_id)
        if row >= 0:
            page.table.selectRow(row)
            page.table.scrollTo(page.model.index(row, 0))
            page.table.setFocus()

    def _on_page_entry_chosen(self, entry_id: int) -> None:
        if self._evidence is None:
            return
        page = self._evidence.ledger_page
        self._show_page(page)
        if not page.model.rows_of([entry_id]):
            page.clear_filters()  # a filter hides it: show everything to show it
        page.select_ids([entry_id])
        page.table_view.setFocus()

    def _on_page_prototype_chosen(self, prototype_id: int) -> None:
        if self._evidence is None:
            return
        page = self._evidence.prototypes_page
        self._show_page(page)
        row = page.model.row_of(prototype_id)
        if row >= 0:
            index = page.proxy.mapFromSource(page.model.index(row, 0))
            page.table.selectRow(index.row())
            page.table.scrollTo(index)
        page.table.setFocus()
