"""The main window: navigation, menus, and the pages of the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careercoach import APP_NAME
from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_catalog import LadderSummary
from careercoach.domain.profile import Profile
from careercoach.paths import describe_database_url, make_private
from careercoach.ui.about_dialog import show_about
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.main_menus import MainMenus
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:  # loaded after the first paint, not before
    from careercoach.services.app_services import AppServices
    from careercoach.services.demo_service import DemoSummary
    from careercoach.services.ladder_service import ImportResult
    from careercoach.services.startup_view import StartupView
    from careercoach.ui.assessment_pages import AssessmentPages
    from careercoach.ui.evidence_pages import EvidencePages
    from careercoach.ui.ladder_editing import LadderEditingFlow
    from careercoach.ui.ladder_import import LadderImportFlow
    from careercoach.ui.ladders_page import LaddersPage
    from careercoach.ui.profile_dialog import ProfileDialog
    from careercoach.ui.startup_data import StartupData

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
SPLITTER_KEY = "ladders_page/splitter"


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen page on the right; menus for everything."""

    data_shown = Signal()
    profile_saved = Signal()

    def __init__(
        self, settings: QSettings, data_dir: Path, database_url: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._data_dir = data_dir
        self._database_url = database_url
        self._services: AppServices | None = None
        self._profile = Profile()
        self._summaries: tuple[LadderSummary, ...] = ()
        self._ladders: dict[str, Ladder] = {}
        self._data_announced = False
        self.tasks = TaskRunner(self)
        self.import_flow: LadderImportFlow
        self.editing: LadderEditingFlow
        self.ladders_page: LaddersPage
        self.evidence: EvidencePages
        self.assessments: AssessmentPages
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")

        self.navigation = QListWidget(self)
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFixedWidth(self.fontMetrics().averageCharWidth() * 20)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(QWidget(self))  # blank until the pages are built
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        self._page_column = QVBoxLayout()  # banners (the check-in reminder) above the page
        self._page_column.addWidget(self.pages, 1)
        layout.addLayout(self._page_column, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self.tr("Opening your data…"), self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user text
        self.statusBar().addWidget(self.status_label, 1)

        self.menus = MainMenus(self)
        self.import_action = self.menus.import_ladder
        self.profile_action = self.menus.profile
        self.about_action = self.menus.about
        self.view_menu = self.menus.view_menu
        self.menus.profile.triggered.connect(self._on_profile_action_triggered)
        self.menus.about.triggered.connect(self._on_about_action_triggered)
        self._restore_window_state()

    def build_pages(self) -> None:
        """Create the pages and keyboard shortcuts; called once the bare window is painted."""
        # Qt sets up its shortcut map on the first shortcut (~25 ms): not before the first paint.
        self.menus.apply_shortcuts()
        # Imported here: the page widgets (and Qt's large enum namespaces they use) cost
        # start-up time that the first paint should not wait for.
        from PySide6.QtWidgets import QStyle

        from careercoach.ui.dashboard_pages import DashboardPages
        from careercoach.ui.ladder_editing import LadderEditingFlow
        from careercoach.ui.ladder_import import LadderImportFlow
        from careercoach.ui.ladders_page import LaddersPage

        self.dashboard = DashboardPages(self, self._settings, self._data_dir, self._add_page)
        self.dashboard.status_changed.connect(self.status_label.setText)
        self.dashboard.flow.first_shown.connect(self._on_dashboard_first_shown)
        self.import_flow = LadderImportFlow(self, self.tasks, self._data_dir)
        self.import_flow.imported.connect(self._on_import_flow_imported)
        self.import_flow.failed.connect(self._on_import_flow_failed)
        self.import_action.triggered.connect(self.import_flow.choose_file)
        self.editing = LadderEditingFlow(self, self.tasks, self._data_dir)
        self.editing.saved.connect(self._on_editing_saved)
        self.ladders_page = LaddersPage(self)
        self.ladders_page.new_requested.connect(self._on_ladders_page_new_requested)
        self.ladders_page.duplicate_requested.connect(self._on_ladders_page_duplicate_requested)
        self.ladders_page.edit_requested.connect(self.editing.edit)
        self._add_page(
            self.ladders_page,
            self.tr("Ladders"),
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
        )
        self.ladders_page.ladder_requested.connect(self._on_ladders_page_ladder_requested)
        splitter = self._settings.value(SPLITTER_KEY)
        if splitter is not None:
            self.ladders_page.splitter.restoreState(splitter)
        self._build_evidence_pages()
        self.navigation.setCurrentRow(0)

    def _build_evidence_pages(self) -> None:
        from careercoach.ui.assessment_pages import AssessmentPages
        from careercoach.ui.coach_pages import CoachPages
        from careercoach.ui.evidence_pages import EvidencePages

        self.evidence = EvidencePages(
            self,
            self.menus,
            self.tasks,
            self._settings,
            self._data_dir,
            self._add_page,
            self._page_column,
        )
        self.evidence.status_changed.connect(self.status_label.setText)
        self.evidence.backup.restored.connect(self._on_backup_restored)
        self.assessments = AssessmentPages(
            self,
            self.menus,
            self.tasks,
            self._settings,
            self._data_dir,
            self._add_page,
            self.show_page,
        )
        self.assessments.status_changed.connect(self.status_label.setText)
        self.coach = CoachPages(self, self.tasks, self._settings, self._data_dir, self._add_page)
        self.coach.status_changed.connect(self.status_label.setText)
        self.coach.watch(self.evidence, self.assessments, self.profile_saved)
        self.dashboard.watch(self.evidence, self.assessments, self.coach, self.profile_saved)

    # -- building -------------------------------------------------------------------------

    def _add_page(self, page: QWidget, title: str, icon: QIcon) -> None:
        item = QListWidgetItem(icon, title)
        item.setSizeHint(QSize(0, self.fontMetrics().height() * 2))
        self.navigation.addItem(item)
        self.pages.addWidget(page)
        row = self.navigation.count() - 1
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))  # the pages come after the paint
        action.triggered.connect(lambda: self.navigation.setCurrentRow(row))
        self.view_menu.addAction(action)

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` (and select it in the navigation)."""
        self.navigation.setCurrentRow(self.pages.indexOf(page) - 1)

    def _on_navigation_row_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row + 1)  # index 0 is the "Opening your data…" placeholder

    # -- data -----------------------------------------------------------------------------

    def show_view(self, view: StartupView) -> None:
        """Show the profile's ladder and the list of ladders."""
        self._profile = view.profile
        self._summaries = view.summaries
        self._ladders = dict(view.ladders)
        self.ladders_page.show_summaries(view.summaries, view.profile.ladder_id)

    def attach(self, data: StartupData) -> None:
        """Enable everything once the database is open and up to date."""
        self._services = data.services
        self.import_flow.services = data.services
        self.editing.services = data.services
        self.ladders_page.set_editing_enabled(True)
        self.evidence.attach(data.services)
        self.assessments.attach(data.services)
        self.coach.attach(data.services)
        self.dashboard.attach(data.services)
        self.menus.set_data_actions_enabled(True, can_undo=self.evidence.can_undo)
        self.status_label.setText(
            self.tr("Database: {database}").format(
                database=describe_database_url(self._database_url)
            )
        )
        if data.view.summaries != self._summaries:  # not shown yet, or changed meanwhile
            self.show_view(data.view)
        self._profile = data.view.profile
        self.evidence.show_ladder(self._profile.ladder_id, self._ladders)
        if data.view.profile.is_default:
            # After the reads queued above (one worker, in order): none runs behind the dialog.
            from careercoach.ui.dashboard_data import holds_no_records

            services = data.services
            self.tasks.submit(
                lambda: holds_no_records(services), self._show_welcome, self._on_task_failed
            )

    def _show_welcome(self, demo_available: bool) -> None:
        self._open_profile_dialog(first_run=True, demo_available=demo_available)

    def _on_ladders_page_ladder_requested(self, ladder_id: str) -> None:
        ladder = self._ladders.get(ladder_id)
        if ladder is not None:
            self.ladders_page.show_ladder(ladder)
            return
        services = self._services
        if services is None:
            return
        self.tasks.submit(
            lambda: services.ladders.get_ladder(ladder_id),
            self._on_ladder_loaded,
            self._on_task_failed,
        )

    def _on_ladder_loaded(self, ladder: Ladder) -> None:
        self._ladders[ladder.id] = ladder
        self.ladders_page.show_ladder(ladder)

    def _on_dashboard_first_shown(self) -> None:
        if not self._data_announced:
            self._data_announced = True
            self.data_shown.emit()

    # -- actions --------------------------------------------------------------------------

    def import_ladder(self, path: Path) -> None:
        """Import a ladder file: read it in the background, preview it, then store it."""
        self.status_label.setText(self.tr("Reading {file}…").format(file=path.name))
        self.import_flow.start(path)

    def _on_import_flow_imported(
        self, result: ImportResult, summaries: list[LadderSummary]
    ) -> None:
        self._ladders.pop(result.summary.id, None)
        self._summaries = tuple(summaries)
        self.show_page(self.ladders_page)
        self.ladders_page.show_summaries(summaries, result.summary.id)
        message = (
            self.tr("“{name}” was already imported.")
            if result.already_present
            else self.tr("Imported “{name}” as {id}.")
        )
        self.status_label.setText(message.format(name=result.summary.name, id=result.summary.id))

    def _on_ladders_page_new_requested(self) -> None:
        self.editing.new_ladder({summary.id for summary in self._summaries})

    def _on_ladders_page_duplicate_requested(self, ladder: Ladder) -> None:
        self.editing.duplicate(ladder, {summary.id for summary in self._summaries})

    def _on_editing_saved(
        self, ladder: Ladder, summary: LadderSummary, summaries: list[LadderSummary]
    ) -> None:
        self._ladders[summary.id] = ladder
        self._summaries = tuple(summaries)
        self.ladders_page.show_summaries(summaries, summary.id)
        message = self.tr("Saved “{name}” (version {version}).")
        self.status_label.setText(message.format(name=summary.name, version=summary.version))

    def _on_import_flow_failed(self) -> None:
        self.status_label.setText(self.tr("Nothing was imported."))

    def _on_profile_action_triggered(self) -> None:
        self._open_profile_dialog(first_run=False)

    def _open_profile_dialog(self, *, first_run: bool, demo_available: bool = False) -> None:
        if self._services is None:
            return
        from careercoach.ui.profile_dialog import ProfileDialog  # built only when needed

        dialog = ProfileDialog(
            self._profile,
            self._summaries,
            self._ladders,
            first_run=first_run,
            demo_available=demo_available,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._save_profile(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.profile_dialog = dialog
        dialog.open()

    def _save_profile(self, dialog: ProfileDialog) -> None:
        services = self._services
        if services is None:
            return
        if dialog.wants_demo():
            before = self.status_label.text()
            self.status_label.setText(self.tr("Filling in a demo year…"))

            def failed(error: BaseException) -> None:
                self.status_label.setText(before)
                self._on_task_failed(error)

            self.tasks.submit(
                lambda: (services.demo.fill(), services.profile.show()),
                self._on_demo_filled,
                failed,
            )
            return
        changes = dialog.changes()
        self.tasks.submit(
            lambda: services.profile.update(changes), self._on_profile_saved, self._on_task_failed
        )

    def _on_backup_restored(self, view: StartupView) -> None:
        self.show_view(view)  # a restore replaces the profile and the ladders too
        self._on_data_replaced(view.profile)

    def _on_data_replaced(self, profile: Profile) -> None:
        self._on_profile_saved(profile)
        self.evidence.reload()
        self.assessments.reload()

    def _on_demo_filled(self, result: tuple[DemoSummary, Profile]) -> None:
        summary, profile = result
        self._on_data_replaced(profile)
        self.status_label.setText(
            self.tr(
                "Filled in a demo year for {name}: {entries} ledger entries, "
                "{prototypes} prototypes, {checkins} check-ins, {assessments} assessments."
            ).format(
                name=summary.name,
                entries=summary.entries,
                prototypes=summary.prototypes,
                checkins=summary.checkins,
                assessments=summary.assessments,
            )
        )

    def _on_profile_saved(self, profile: Profile) -> None:
        self._profile = profile
        self.status_label.setText(self.tr("Profile saved."))
        self.evidence.show_ladder(self._profile.ladder_id, self._ladders)
        self.profile_saved.emit()

    def _on_about_action_triggered(self) -> None:
        show_about(self, self._data_dir, describe_database_url(self._database_url))

    def _on_task_failed(self, error: BaseException) -> None:
        report_failure(self, error, self._data_dir)

    # -- window state ---------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        state = self._settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        if hasattr(self, "ladders_page"):
            self._settings.setValue(SPLITTER_KEY, self.ladders_page.splitter.saveState())
        if hasattr(self, "evidence"):
            self.evidence.save_state()
            self.assessments.save_state()
            self.coach.save_state()
        self._settings.sync()
        make_private(Path(self._settings.fileName()))  # QSettings rewrites the file on sync
        self.tasks.wait_for_done()
        super().closeEvent(event)
