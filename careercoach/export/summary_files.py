"""The 1:1 summary as the bytes of a file in the chosen format."""

from __future__ import annotations

from careercoach.domain.summary_export import ExportFormat, PageSize
from careercoach.domain.summary_report import SummaryReport


def render_summary(
    report: SummaryReport, export_format: ExportFormat, page_size: PageSize
) -> bytes:
    """``report`` as PDF, Markdown or HTML (UTF-8); only the chosen renderer is loaded.

    PDF needs a QGuiApplication (``summary_pdf.ensure_gui_application``) and, like any
    painting with fonts, belongs on the thread that owns it.
    """
    if export_format is ExportFormat.MARKDOWN:
        from careercoach.export.summary_markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if export_format is ExportFormat.HTML:
        from careercoach.export.summary_html import render_html

        return render_html(report).encode("utf-8")
    from careercoach.export.summary_pdf import render_pdf

    return render_pdf(report, page_size)
