"""Fonts, text boxes, wrapping, titles and legends: the text the radar and trend charts share."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter

from careercoach.export.chart_palette import ChartPalette, with_alpha

TextAlign = Literal["left", "center", "right"]
FontRole = Literal["base", "small", "title"]

_ALIGN_FLAGS = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


@dataclass(frozen=True)
class TextBox:
    """Lines of text laid out in a rectangle."""

    rect: QRectF
    lines: tuple[str, ...]
    align: TextAlign = "center"
    role: FontRole = "base"

    @property
    def text(self) -> str:
        """The lines joined by spaces."""
        return " ".join(self.lines)


@dataclass(frozen=True)
class LegendEntry:
    """A legend item: the swatch of series ``index`` and its label."""

    index: int
    swatch: QRectF
    label: TextBox


@dataclass(frozen=True)
class ChartFonts:
    """The chart's three fonts (base, small, title) and their metrics on the paint device."""

    base: QFont
    small: QFont
    title: QFont
    base_metrics: QFontMetricsF
    small_metrics: QFontMetricsF
    title_metrics: QFontMetricsF

    @property
    def unit(self) -> float:
        """A length that scales with the font: about one pixel at a 9-point screen font."""
        return max(0.5, self.base_metrics.height() / 14.0)

    def font(self, role: FontRole) -> QFont:
        return {"base": self.base, "small": self.small, "title": self.title}[role]

    def metrics(self, role: FontRole) -> QFontMetricsF:
        return {
            "base": self.base_metrics,
            "small": self.small_metrics,
            "title": self.title_metrics,
        }[role]


def _scaled_font(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    if font.pixelSize() > 0:
        scaled.setPixelSize(max(1, round(font.pixelSize() * factor)))
    else:
        scaled.setPointSizeF(max(1.0, font.pointSizeF() * factor))
    return scaled


def chart_fonts(font: QFont, device: QPaintDevice | None) -> ChartFonts:
    """The chart's fonts derived from ``font``, measured on ``device`` (None: the screen)."""
    base = QFont(font)
    # Ligatures would turn "fi" into one glyph and break text extracted from the PDF.
    base.setFeature(QFont.Tag("liga"), 0)
    small = _scaled_font(base, 0.85)
    title = _scaled_font(base, 1.2)
    title.setBold(True)

    def metrics(f: QFont) -> QFontMetricsF:
        return QFontMetricsF(f) if device is None else QFontMetricsF(f, device)

    return ChartFonts(base, small, title, metrics(base), metrics(small), metrics(title))


def wrap_text(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> tuple[str, ...]:
    """Word-wrap ``text`` to ``width``; the last allowed line and any long word are elided."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if not line or metrics.horizontalAdvance(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines[max_lines - 1 :] = [" ".join(lines[max_lines - 1 :])]
    elided = (metrics.elidedText(ln, Qt.TextElideMode.ElideRight, width) for ln in lines)
    return tuple(ln for ln in elided if ln)


def text_size(lines: Sequence[str], metrics: QFontMetricsF) -> QSizeF:
    """The size that ``lines`` take up, one below the other."""
    width = max((metrics.horizontalAdvance(line) for line in lines), default=0.0)
    return QSizeF(math.ceil(width) + 1.0, len(lines) * metrics.lineSpacing())


def overlaps(a: QRectF, b: QRectF, spacing: float) -> bool:
    """Whether ``a`` and ``b`` come closer than ``spacing``."""
    return a.adjusted(-spacing, -spacing, spacing, spacing).intersects(b)


def any_overlap(boxes: Sequence[TextBox], spacing: float) -> bool:
    """Whether any two of ``boxes`` come closer than ``spacing``."""
    return any(
        overlaps(first.rect, second.rect, spacing)
        for i, first in enumerate(boxes)
        for second in boxes[i + 1 :]
    )


def clamped_into(rect: QRectF, area: QRectF) -> QRectF:
    """``rect`` moved (not resized) to lie inside ``area`` as far as its size allows."""
    moved = QRectF(rect)
    moved.moveLeft(max(area.left(), min(moved.left(), area.right() - moved.width())))
    moved.moveTop(max(area.top(), min(moved.top(), area.bottom() - moved.height())))
    return moved


def layout_title(rect: QRectF, title: str, fonts: ChartFonts) -> tuple[TextBox | None, QRectF]:
    """The title box at the top of ``rect`` and the space left below it."""
    if not title:
        return None, QRectF(rect)
    metrics = fonts.title_metrics
    line = metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
    height = metrics.lineSpacing()
    box = TextBox(QRectF(rect.left(), rect.top(), rect.width(), height), (line,), role="title")
    return box, rect.adjusted(0, height + metrics.height() * 0.4, 0, 0)


def centred_text(text: str, area: QRectF, fonts: ChartFonts) -> TextBox:
    """``text`` wrapped to at most three lines in the middle of ``area``."""
    lines = wrap_text(text, fonts.base_metrics, area.width(), 3)
    size = text_size(lines, fonts.base_metrics)
    box = QRectF(QPointF(0, 0), size)
    box.moveCenter(area.center())
    return TextBox(clamped_into(box, area), lines)


def layout_legend(
    names: Sequence[str], area: QRectF, fonts: ChartFonts
) -> tuple[tuple[LegendEntry, ...], QRectF]:
    """Legend entries flowed in centred rows at the bottom of ``area``; and the space above."""
    metrics = fonts.base_metrics
    swatch_width = metrics.height() * 2.0
    gap = metrics.height() * 0.4
    spacing = metrics.height() * 1.2
    row_height = metrics.lineSpacing()
    max_rows = max(1, int(area.height() * 0.3 // row_height))
    text_room = max(1.0, area.width() - swatch_width - gap)
    rows: list[list[tuple[int, str, float]]] = [[]]
    row_width = 0.0
    for index, name in enumerate(names):
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, text_room)
        item_width = swatch_width + gap + text_size((text,), metrics).width()
        if rows[-1] and row_width + spacing + item_width > area.width():
            if len(rows) == max_rows:
                break
            rows.append([])
            row_width = 0.0
        row_width += (spacing if rows[-1] else 0.0) + item_width
        rows[-1].append((index, text, item_width))
    if not rows[-1]:
        return (), QRectF(area)
    entries: list[LegendEntry] = []
    top = area.bottom() - len(rows) * row_height
    for row_number, row in enumerate(rows):
        total = sum(width for _, _, width in row) + spacing * (len(row) - 1)
        x = area.left() + (area.width() - total) / 2
        y = top + row_number * row_height
        for index, text, item_width in row:
            swatch = QRectF(x, y, swatch_width, row_height)
            label_rect = QRectF(
                x + swatch_width + gap, y, item_width - swatch_width - gap, row_height
            )
            entries.append(LegendEntry(index, swatch, TextBox(label_rect, (text,), "left")))
            x += item_width + spacing
    return tuple(entries), area.adjusted(0, 0, 0, -(len(rows) * row_height + gap))


# ------------------------------------------------------------------------------ painting


def begin_chart(painter: QPainter, rect: QRectF, palette: ChartPalette) -> ChartFonts:
    """Clip to ``rect``, fill the background and return the fonts to paint with."""
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if palette.background is not None:
        painter.fillRect(rect, palette.background)
    return chart_fonts(painter.font(), painter.device())


def draw_text(
    painter: QPainter, box: TextBox, fonts: ChartFonts, color: QColor, halo: QColor | None = None
) -> None:
    """Paint ``box`` in ``color``, on a rounded ``halo`` when one is given."""
    metrics = fonts.metrics(box.role)
    if halo is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(halo)
        radius = metrics.height() * 0.25
        painter.drawRoundedRect(box.rect.adjusted(-radius, 0, radius, 0), radius, radius)
    painter.setFont(fonts.font(box.role))
    painter.setPen(color)
    flags = _ALIGN_FLAGS[box.align] | Qt.AlignmentFlag.AlignVCenter
    for number, line in enumerate(box.lines):
        top = box.rect.top() + number * metrics.lineSpacing()
        line_rect = QRectF(box.rect.left(), top, box.rect.width(), metrics.lineSpacing())
        painter.drawText(line_rect, flags, line)


def draw_empty(
    painter: QPainter, box: TextBox | None, fonts: ChartFonts, palette: ChartPalette
) -> None:
    """Paint the "nothing to show" text, if there is one."""
    if box is not None:
        draw_text(painter, box, fonts, with_alpha(palette.text, 0.7))
