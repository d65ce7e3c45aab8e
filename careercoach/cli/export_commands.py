"""``careercoach export``: the 1:1 summary as a PDF, Markdown or HTML file."""

from __future__ import annotations

import argparse
from pathlib import Path

from careercoach.cli.output import print_line
from careercoach.domain.errors import UserError
from careercoach.domain.summary_export import ExportFormat, PageSize
from careercoach.domain.summary_period import PeriodChoice
from careercoach.domain.summary_report import SummaryReport
from careercoach.services.app_services import AppServices
from careercoach.services.files import write_bytes_file

EXIT_OK = 0


def run_export(services: AppServices, args: argparse.Namespace) -> int:
    """Write the summary of the period asked for and print the file's path."""
    export_format: ExportFormat = args.format
    page_size: PageSize = args.page_size or PageSize.A4
    if args.page_size is not None and export_format is not ExportFormat.PDF:
        raise UserError("page-size-not-pdf", "--page-size only applies to pdf")
    path = Path(args.output)
    if path.is_dir():
        raise UserError("export-to-folder", f"{path}: is a folder; name the file to write")
    other = {f.suffix: f for f in ExportFormat if f is not export_format}
    if path.suffix.lower() in other:
        raise UserError(
            "export-suffix",
            f"{path}: the name ends in {path.suffix} but the format is {export_format.value}",
        )
    custom = args.since is not None or args.until is not None
    choice = PeriodChoice.CUSTOM if custom else PeriodChoice.SINCE_ONE_ON_ONE
    period = services.summary.period(choice, args.since, args.until)
    report = services.summary.summary(
        period, redact=args.redact, talking_points=args.talking_point, asks=args.ask
    )
    record = services.summary.export_record(
        report,
        export_format,
        path,
        page_size=page_size,
        talking_points=args.talking_point,
        asks=args.ask,
    )
    write_bytes_file(path, _rendered(report, export_format, page_size))
    services.summary.store_export(record)
    print_line(str(path))
    return EXIT_OK


def _rendered(report: SummaryReport, export_format: ExportFormat, page_size: PageSize) -> bytes:
    # Imported here: the renderers (the PDF one loads Qt) only when exporting.
    from careercoach.export.summary_files import render_summary

    if export_format is ExportFormat.PDF:
        from careercoach.export.summary_pdf import ensure_gui_application

        ensure_gui_application()
    return render_summary(report, export_format, page_size)
