"""The 1:1 summary as a paginated vector PDF, or painted on any paged device (a print preview).

``paint_summary`` lays the whole summary out first, then paints it page by page, so every
footer can say "Page N of M". ``render_pdf`` runs it on a QPdfWriter and returns the file.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLineF,
    QMarginsF,
    QMessageLogContext,
    QPointF,
    QRectF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from careercoach.domain.summary_export import PageSize
from careercoach.domain.summary_report import SummaryReport
from careercoach.export.pdf_blocks import summary_blocks
from careercoach.export.pdf_flow import Flow
from careercoach.export.pdf_layout import paginate
from careercoach.export.pdf_text import PdfStyles, Units, pdf_styles
from careercoach.export.summary_sections import REPORT_TITLE, document_title, period_text

_LOG = logging.getLogger(__name__)

__all__ = ["ensure_gui_application", "paint_summary", "render_pdf"]

CREATOR = "CareerCoach"
PDF_RESOLUTION = 600
MARGIN_MM = 18.0
# The footer sits in the bottom margin: its text this far above the paper's edge.
FOOTER_FROM_EDGE_MM = 10.0
FOOTER_GAP_MM = 5.0

_PAGE_SIZES = {
    PageSize.A4: QPageSize.PageSizeId.A4,
    PageSize.LETTER: QPageSize.PageSizeId.Letter,
}


def ensure_gui_application() -> None:
    """Create a QGuiApplication unless an application exists (fonts and PDFs need one).

    Without a display (no DISPLAY or WAYLAND_DISPLAY on Linux) and no QT_QPA_PLATFORM of
    its own choosing, Qt is told to run offscreen, so the CLI works on a server.

    Raises:
        RuntimeError: a QCoreApplication without GUI support is already running.
    """
    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("a non-GUI Qt application is running; the PDF needs fonts")
        return
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    unix = sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
    if unix and headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Qt's own messages (e.g. a font lacking a script) go to the log, not the terminal.
    qInstallMessageHandler(_log_qt_message)
    # Qt keeps the application object alive as its singleton.
    QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "careercoach"])


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = (
        logging.WARNING
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        else (logging.DEBUG)
    )
    _LOG.log(level, "Qt: %s", message)


def render_pdf(report: SummaryReport, page_size: PageSize) -> bytes:
    """The summary as a complete PDF on A4 or Letter paper, portrait.

    Creates a QGuiApplication first if there is none (see ``ensure_gui_application``).
    """
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(_PAGE_SIZES[page_size]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    period = period_text(report.header.period)
    writer.setTitle(f"{document_title(report)}, {period}")
    writer.setCreator(CREATOR)
    if report.header.name.strip():
        writer.setAuthor(report.header.name.strip())
    paint_summary(report, writer)
    buffer.close()
    return bytes(data.data())


@dataclass(frozen=True)
class PageFrame:
    """Where things go on a page, in device pixels from the paper's top-left corner.

    Attributes:
        page: The whole sheet.
        content: The area the blocks flow in.
        footer: The footer's line.
        origin: Where the device's painting origin lies (its printable area's corner).
    """

    page: QRectF
    content: QRectF
    footer: QRectF
    origin: QPointF


def page_frame(device: QPagedPaintDevice, units: Units, footer_height: float) -> PageFrame:
    """The frame for ``device``'s page: margins of 18 mm, or the device's own if larger."""
    layout = device.pageLayout()
    dpi = round(units.dpi)
    page = QRectF(layout.fullRectPixels(dpi))
    printable = QRectF(layout.paintRectPixels(dpi))
    full_page = (
        abs(device.width() - page.width()) <= 1 and abs(device.height() - page.height()) <= 1
    )
    origin = page.topLeft() if full_page else printable.topLeft()
    margin = units.mm(MARGIN_MM)
    left = max(margin, printable.left() - page.left())
    right = max(margin, page.right() - printable.right())
    top = max(margin, printable.top() - page.top())
    floor = min(page.bottom() - units.mm(FOOTER_FROM_EDGE_MM), printable.bottom())
    footer = QRectF(
        page.left() + left, floor - footer_height, page.width() - left - right, footer_height
    )
    bottom = min(page.bottom() - margin, footer.top() - units.mm(FOOTER_GAP_MM))
    content = QRectF(
        page.left() + left, page.top() + top, footer.width(), bottom - page.top() - top
    )
    return PageFrame(page, content, footer, origin)


def paint_summary(report: SummaryReport, device: QPagedPaintDevice) -> int:
    """Lay out and paint the summary on ``device``, whose page layout sets the paper size.

    Works on a QPdfWriter and on a QPrinter (a print preview); painting starts on the
    device's current page and a new page is begun for each further one.

    Returns:
        The number of pages painted.

    Raises:
        RuntimeError: painting on ``device`` could not begin, or a page could not be added.
    """
    styles = pdf_styles(QGuiApplication.font(), device)
    frame = page_frame(device, styles.units, styles.footer.leading)
    blocks = summary_blocks(report, Flow(styles, frame.content.width(), frame.content.height()))
    pages = paginate(blocks, frame.content.height())
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("could not begin painting the summary")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.translate(-frame.origin)
        for number, page in enumerate(pages, start=1):
            if number > 1 and not device.newPage():
                raise RuntimeError(f"could not start page {number} of the summary")
            content = frame.content
            for placed in page:
                placed.block.paint(painter, content.left(), content.top() + placed.top)
            _paint_footer(painter, frame, styles, report, f"Page {number} of {len(pages)}")
    finally:
        painter.end()
    return len(pages)


def _paint_footer(
    painter: QPainter, frame: PageFrame, styles: PdfStyles, report: SummaryReport, page: str
) -> None:
    """A hairline, the user's name and period on the left, the page number on the right."""
    style = styles.footer
    box = frame.footer
    painter.setPen(QPen(styles.rule, styles.units.pt(0.5)))
    rule_y = box.top() - styles.units.mm(1.5)
    painter.drawLine(QLineF(box.left(), rule_y, box.right(), rule_y))
    name = report.header.name.strip()
    about = f"{REPORT_TITLE} {period_text(report.header.period)}"
    left_text = f"{name} · {about}" if name else about
    page_width = style.width(page)
    room = box.width() - page_width - styles.units.mm(6.0)
    left_text = style.metrics.elidedText(left_text, Qt.TextElideMode.ElideRight, room)
    baseline = box.top() + style.ascent
    painter.setFont(style.font)
    painter.setPen(style.color)
    painter.drawText(QPointF(box.left(), baseline), left_text)
    painter.drawText(QPointF(box.right() - page_width, baseline), page)
