"""Exports the 1:1 summary from the GUI: the dialog, the print preview, and writing the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careercoach.domain.evidence_checks import InvalidRecordError
from careercoach.domain.summary_export import ExportFormat, PageSize, SummaryExport
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.export.summary_files import render_summary
from careercoach.services.files import write_bytes_file
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.summary_choices import DialogStart, ExportPreferences, SummaryRequest
from careercoach.ui.summary_export_dialog import SummaryExportDialog
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from careercoach.domain.summary_report import SummaryReport
    from careercoach.services.app_services import AppServices

PRESET_CHOICES = (
    PeriodChoice.SINCE_ONE_ON_ONE,
    PeriodChoice.LAST_30_DAYS,
    PeriodChoice.LAST_90_DAYS,
)

# Asks where to save: (parent, caption, suggested path, filters) -> the path, "" for none.
PathChooser = Callable[[QWidget, str, str, str], str]


def ask_for_path(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    """The Save As dialog; "" when the user cancels.

    A name typed without a suffix gets the suggested one before the dialog asks whether
    to replace an existing file, so the question is about the file really written.
    """
    dialog = QFileDialog(parent, caption, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(Path(suggested).suffix.lstrip("."))
    dialog.selectFile(suggested)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def with_suffix(path: Path, export_format: ExportFormat) -> Path:
    """``path`` ending in the format's suffix ("notes" → "notes.md"; "a.txt" → "a.txt.md")."""
    if path.suffix.lower() == export_format.suffix:
        return path
    return path.with_name(path.name + export_format.suffix)


@dataclass(frozen=True)
class _Opening:
    """What the dialog starts from, read off the GUI thread."""

    periods: dict[PeriodChoice, SummaryPeriod]
    last_export: SummaryExport | None


def _read_opening(services: AppServices) -> _Opening:
    periods = {choice: services.summary.period(choice) for choice in PRESET_CHOICES}
    return _Opening(periods, services.summary.last_export())


class SummaryExportFlow(QObject):
    """File → Export 1:1 Summary…: the dialog, Preview and Export, each off the GUI thread.

    Call ``attach`` once the database is open. Tests replace ``choose_path`` to answer the
    Save As dialog; the preview dialog is opened (not executed) and kept in
    ``preview_dialog`` until it closes.
    """

    status_changed = Signal(str)  # a line for the status bar
    exported = Signal(object)  # the Path written

    def __init__(
        self,
        parent_window: QWidget,
        settings: QSettings,
        *,
        tasks: TaskRunner | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent_window)
        self._parent = parent_window
        self.preferences = ExportPreferences(settings)
        self._tasks = tasks or TaskRunner(self)
        # The settings file lives in the data directory, beside the logs a bug points to.
        self._data_dir = data_dir or Path(settings.fileName()).parent
        self._services: AppServices | None = None
        self._opening = False
        self._today = dt.date.today()  # replaced by the services' today when the dialog opens
        self.choose_path: PathChooser = ask_for_path
        self.dialog: SummaryExportDialog | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.printer: QPrinter | None = None
        self.error_box: QMessageBox | None = None

    def attach(self, services: AppServices) -> None:
        """Use ``services`` from now on (the database is open)."""
        self._services = services

    # -- the dialog -----------------------------------------------------------------------

    def open(self) -> None:
        """Show the dialog (it returns at once); its periods and words are read first."""
        services = self._services
        if services is None:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        if self._opening:
            return
        self._opening = True

        def done(opening: _Opening) -> None:
            self._opening = False
            if self.dialog is None:
                self._show_dialog(opening)

        def failed(error: BaseException) -> None:
            self._opening = False
            self._report(self._parent, error)

        self._tasks.submit(lambda: _read_opening(services), done, failed)

    def _show_dialog(self, opening: _Opening) -> None:
        last = opening.last_export
        today = opening.periods[PeriodChoice.LAST_30_DAYS].end
        start = DialogStart(
            periods=opening.periods,
            today=today,
            talking_points=last.talking_points if last else (),
            asks=last.asks if last else (),
            export_format=self.preferences.export_format,
            page_size=self.preferences.page_size,
            redact=self.preferences.redact,
        )
        dialog = SummaryExportDialog(start, self._parent)
        dialog.preview_requested.connect(self._on_dialog_preview_requested)
        dialog.export_requested.connect(self._on_dialog_export_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        self._today = today
        dialog.open()

    def _on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    # -- preview --------------------------------------------------------------------------

    def _on_dialog_preview_requested(self) -> None:
        dialog = self.dialog
        request = dialog.request() if dialog is not None else None
        if dialog is None or request is None:
            return
        self._build(dialog, request, lambda report: self._show_preview(dialog, request, report))

    def _show_preview(
        self, dialog: SummaryExportDialog, request: SummaryRequest, report: SummaryReport
    ) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from careercoach.export.summary_pdf import paint_summary

        dialog.set_busy(None)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(_qt_page_size(request.page_size)))
        printer.setDocName(self.tr("1:1 summary"))
        preview = QPrintPreviewDialog(printer, dialog)
        preview.setWindowTitle(self.tr("1:1 Summary Preview"))
        preview.setObjectName("summaryPreview")
        preview.paintRequested.connect(lambda device: paint_summary(report, device))
        preview.finished.connect(self._on_preview_finished)
        screen = dialog.screen().availableGeometry()
        preview.resize(min(1000, screen.width() * 9 // 10), screen.height() * 9 // 10)
        self.printer = printer  # the preview paints on it; it must outlive the dialog
        self.preview_dialog = preview
        preview.open()

    def _on_preview_finished(self) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
            self.preview_dialog = None
        self.printer = None

    # -- export ---------------------------------------------------------------------------

    def _on_dialog_export_requested(self) -> None:
        dialog = self.dialog
        request = dialog.request() if dialog is not None else None
        if dialog is None or request is None:
            return
        export_format = request.export_format
        name = self.tr("1-1 summary {date}").format(date=self._today.isoformat())
        chosen = self.choose_path(
            dialog,
            self.tr("Export 1:1 Summary"),
            str(self.preferences.folder() / f"{name}{export_format.suffix}"),
            _filters(self, export_format),
        )
        if not chosen:
            return
        path = with_suffix(Path(chosen), export_format)
        self._build(dialog, request, lambda report: self._write(dialog, request, report, path))

    def _write(
        self,
        dialog: SummaryExportDialog,
        request: SummaryRequest,
        report: SummaryReport,
        path: Path,
    ) -> None:
        services = self._services
        if services is None:
            return
        dialog.set_busy(self.tr("Writing {file}…").format(file=path.name))
        if request.export_format is ExportFormat.PDF:
            try:  # painting with fonts: on the GUI thread
                content: bytes | None = render_summary(
                    report, request.export_format, request.page_size
                )
            except Exception as error:  # a rendering bug: reported, the dialog stays usable
                self._on_export_failed(dialog, error)
                return
        else:
            content = None

        def work() -> Exception | None:
            data = content or render_summary(report, request.export_format, request.page_size)
            write_bytes_file(path, data)
            try:  # the file is written: a failure to remember it is told apart
                services.summary.record_export(
                    report,
                    request.export_format,
                    path,
                    page_size=request.page_size,
                    talking_points=request.talking_points,
                    asks=request.asks,
                )
            except Exception as error:
                return error
            return None

        def done(unrecorded: Exception | None) -> None:
            self.preferences.remember(request)
            self.preferences.remember_folder(path)  # only once the file is written
            if unrecorded is None:
                message = self.tr("Summary exported to {path}.")
            else:
                message = self.tr(
                    "Summary exported to {path}, but its talking points and asks could not "
                    "be kept for next time."
                )
            self.status_changed.emit(message.format(path=path))
            self.exported.emit(path)
            if self.dialog is dialog:
                dialog.set_busy(None)
                dialog.accept()
            if unrecorded is not None:
                self._report(self._parent, unrecorded)

        self._tasks.submit(work, done, lambda error: self._on_export_failed(dialog, error))

    def _on_export_failed(self, dialog: SummaryExportDialog, error: BaseException) -> None:
        self.status_changed.emit(self.tr("The summary was not exported."))
        if self.dialog is dialog:
            dialog.set_busy(None)
        self._report(dialog if self.dialog is dialog else self._parent, error)

    # -- building the report --------------------------------------------------------------

    def _build(
        self,
        dialog: SummaryExportDialog,
        request: SummaryRequest,
        then: Callable[[SummaryReport], None],
    ) -> None:
        """Build the report off the GUI thread, then ``then(report)`` if the dialog is open."""
        services = self._services
        if services is None:
            return
        dialog.set_busy(self.tr("Preparing the summary…"))

        def done(report: SummaryReport) -> None:
            if self.dialog is dialog:  # closed meanwhile (Esc): the user changed their mind
                then(report)

        def failed(error: BaseException) -> None:
            if self.dialog is not dialog:
                return
            dialog.set_busy(None)
            if isinstance(error, InvalidRecordError):
                dialog.show_service_problems(error.problems)
                return
            self._report(dialog, error)

        self._tasks.submit(
            lambda: services.summary.summary(
                request.period,
                redact=request.redact,
                talking_points=request.talking_points,
                asks=request.asks,
            ),
            done,
            failed,
        )

    def _report(self, parent: QWidget, error: BaseException) -> None:
        self.error_box = report_failure(parent, error, self._data_dir)


def _filters(parent: QObject, export_format: ExportFormat) -> str:
    named = {
        ExportFormat.PDF: parent.tr("PDF documents (*.pdf)"),
        ExportFormat.MARKDOWN: parent.tr("Markdown files (*.md)"),
        ExportFormat.HTML: parent.tr("HTML pages (*.html)"),
    }
    return f"{named[export_format]};;{parent.tr('All files (*)')}"


def _qt_page_size(size: PageSize) -> QPageSize.PageSizeId:
    return QPageSize.PageSizeId.A4 if size is PageSize.A4 else QPageSize.PageSizeId.Letter
