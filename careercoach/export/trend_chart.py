"""The trend chart: its data (TrendChart, TrendPoint), layout and painting (paint_trend)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter, QPolygonF

from careercoach.export.chart_palette import ChartPalette, blend, chart_pen, with_alpha
from careercoach.export.chart_text import (
    ChartFonts,
    LegendEntry,
    TextBox,
    any_overlap,
    begin_chart,
    centred_text,
    chart_fonts,
    clamped_into,
    draw_empty,
    draw_text,
    layout_legend,
    layout_title,
    overlaps,
    text_size,
)


@dataclass(frozen=True)
class TrendPoint:
    """The values of every series on one date (a missing name or None: no value)."""

    date: dt.date
    values: Mapping[str, float | None]

    def __post_init__(self) -> None:
        # A value that is not a finite number has no place on the chart: it is a gap.
        finite = {
            name: value if value is not None and math.isfinite(value) else None
            for name, value in self.values.items()
        }
        object.__setattr__(self, "values", finite)


@dataclass(frozen=True)
class TrendChart:
    """Level positions over time, one line per series.

    Attributes:
        series_names: The series, the first one (the overall estimate) drawn thicker.
        points: One point per assessment, in any order.
        levels: The y-axis labels, most junior first.
        title: Drawn above the chart when not empty.
        empty_text: Shown instead of the chart when there are no points.
    """

    series_names: tuple[str, ...]
    points: tuple[TrendPoint, ...]
    levels: tuple[str, ...]
    title: str = ""
    empty_text: str = "No assessments yet"


# ------------------------------------------------------------------------------ layout


@dataclass(frozen=True)
class TrendLayout:
    """Where everything of a trend chart goes; computed without painting anything."""

    plot: QRectF
    level_count: int
    points: tuple[TrendPoint, ...]
    xs: tuple[float, ...]
    level_labels: tuple[TextBox, ...]
    date_labels: tuple[TextBox, ...]
    legend: tuple[LegendEntry, ...]
    title: TextBox | None
    empty: TextBox | None

    def y(self, position: float) -> float:
        """The y coordinate of level ``position`` (0 = most junior, at the bottom)."""
        top = self.level_count - 1
        low, high = -0.4, top + 0.4
        value = min(max(position, 0.0), float(top))
        return self.plot.bottom() - (value - low) / (high - low) * self.plot.height()


def trend_layout(
    rect: QRectF, chart: TrendChart, font: QFont, device: QPaintDevice | None = None
) -> TrendLayout:
    """Lay out ``chart`` in ``rect`` for text in ``font`` as measured on ``device``."""
    return _trend_layout(rect, chart, chart_fonts(font, device))


def _trend_layout(rect: QRectF, chart: TrendChart, fonts: ChartFonts) -> TrendLayout:
    title, body = layout_title(rect, chart.title, fonts)
    points = tuple(sorted(chart.points, key=lambda point: point.date))
    if not points or not chart.levels:
        return TrendLayout(
            plot=QRectF(body),
            level_count=max(1, len(chart.levels)),
            points=(),
            xs=(),
            level_labels=(),
            date_labels=(),
            legend=(),
            title=title,
            empty=centred_text(chart.empty_text, body, fonts),
        )
    legend, area = layout_legend(chart.series_names, body, fonts)
    small = fonts.small_metrics
    gap = small.height() * 0.5
    label_width = min(
        max(small.horizontalAdvance(level) for level in chart.levels) + 1, area.width() * 0.3
    )
    plot = QRectF(
        area.left() + label_width + gap,
        area.top() + small.height() / 2,
        max(0.0, area.width() - label_width - gap * 2),
        max(0.0, area.height() - small.height() * 1.5 - small.lineSpacing() - gap),
    )
    empty_xs: tuple[float, ...] = ()
    layout = TrendLayout(plot, len(chart.levels), points, empty_xs, (), (), legend, title, None)
    xs = _trend_xs(plot, points, small)
    return replace(
        layout,
        xs=xs,
        level_labels=_trend_level_labels(layout, chart.levels, area, label_width, gap, small),
        date_labels=_trend_date_labels(points, xs, plot, area, gap, small),
    )


def _trend_xs(
    plot: QRectF, points: Sequence[TrendPoint], metrics: QFontMetricsF
) -> tuple[float, ...]:
    first, last = points[0].date, points[-1].date
    if first == last:
        return tuple(plot.center().x() for _ in points)
    # Keep room for the first and last date labels to be centred under their points.
    inset = min(metrics.horizontalAdvance("0000-00-00") / 2 + 2, plot.width() / 4)
    span = (last - first).days
    width = plot.width() - 2 * inset
    return tuple(
        plot.left() + inset + (point.date - first).days / span * width for point in points
    )


def _trend_level_labels(
    layout: TrendLayout,
    levels: Sequence[str],
    area: QRectF,
    width: float,
    gap: float,
    metrics: QFontMetricsF,
) -> tuple[TextBox, ...]:
    boxes = []
    for index, name in enumerate(levels):
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
        if not text:
            continue
        size = text_size((text,), metrics)
        rect = QRectF(QPointF(layout.plot.left() - gap - size.width(), 0), size)
        rect.moveTop(layout.y(index) - size.height() / 2)
        boxes.append((index, TextBox(clamped_into(rect, area), (text,), "right", "small")))
    count = len(levels)
    for step in range(1, count + 1):
        kept = tuple(box for index, box in boxes if (count - 1 - index) % step == 0)
        if not any_overlap(kept, 0.0):
            return kept
    return ()


def _trend_date_labels(
    points: Sequence[TrendPoint],
    xs: Sequence[float],
    plot: QRectF,
    area: QRectF,
    gap: float,
    metrics: QFontMetricsF,
) -> tuple[TextBox, ...]:
    """Date labels under their points, skipping those that would collide; the last is kept."""
    boxes: list[TextBox] = []
    seen: set[dt.date] = set()
    for point, x in zip(points, xs, strict=True):
        if point.date in seen:
            continue
        seen.add(point.date)
        text = metrics.elidedText(
            point.date.isoformat(), Qt.TextElideMode.ElideRight, area.width()
        )
        rect = QRectF(QPointF(0, plot.bottom() + gap / 2), text_size((text,), metrics))
        rect.moveLeft(x - rect.width() / 2)
        boxes.append(TextBox(clamped_into(rect, area), (text,), role="small"))
    spacing = metrics.averageCharWidth()
    kept: list[TextBox] = []
    for box in boxes:
        if not kept or not overlaps(kept[-1].rect, box.rect, spacing):
            kept.append(box)
    if boxes and kept[-1] is not boxes[-1]:
        while kept and overlaps(kept[-1].rect, boxes[-1].rect, spacing):
            kept.pop()
        kept.append(boxes[-1])
    return tuple(kept)


# ------------------------------------------------------------------------------ painting


def paint_trend(painter: QPainter, rect: QRectF, chart: TrendChart, palette: ChartPalette) -> None:
    """Paint ``chart`` inside ``rect`` (and nowhere else) with the painter's font."""
    painter.save()
    try:
        fonts = begin_chart(painter, rect, palette)
        layout = _trend_layout(rect, chart, fonts)
        if layout.title is not None:
            draw_text(painter, layout.title, fonts, palette.text)
        if layout.empty is not None:
            draw_empty(painter, layout.empty, fonts, palette)
            return
        _draw_trend_axes(painter, layout, fonts, palette)
        muted = with_alpha(palette.text, 0.8)
        for box in (*layout.level_labels, *layout.date_labels):
            draw_text(painter, box, fonts, muted)
        # The overall estimate (the first series, the thickest) goes underneath: a category
        # that runs level with it stays visible on top instead of hiding under it.
        for index in range(len(chart.series_names)):
            _draw_trend_series(painter, layout, chart.series_names[index], index, fonts, palette)
        for entry in layout.legend:
            _draw_trend_swatch(painter, entry.swatch, entry.index, fonts, palette)
            draw_text(painter, entry.label, fonts, palette.text)
    finally:
        painter.restore()


def _draw_trend_axes(
    painter: QPainter, layout: TrendLayout, fonts: ChartFonts, palette: ChartPalette
) -> None:
    unit = fonts.unit
    plot = layout.plot
    painter.setPen(chart_pen(palette.grid, unit * 0.8))
    for level in range(layout.level_count):
        y = layout.y(level)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    axis_pen = chart_pen(blend(palette.grid, palette.text, 0.4), unit * 1.2)
    axis_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(axis_pen)
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    for x in layout.xs:
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + unit * 4))


def _trend_widths(index: int, unit: float) -> tuple[float, float]:
    """Line width and marker radius; the overall estimate (index 0) stands out."""
    return (unit * 3.0, unit * 4.2) if index == 0 else (unit * 1.6, unit * 3.2)


def _draw_trend_series(
    painter: QPainter,
    layout: TrendLayout,
    name: str,
    index: int,
    fonts: ChartFonts,
    palette: ChartPalette,
) -> None:
    color = palette.series_color(index)
    line_width, marker = _trend_widths(index, fonts.unit)
    positions: list[QPointF | None] = []
    for point, x in zip(layout.points, layout.xs, strict=True):
        value = point.values.get(name)
        positions.append(None if value is None else QPointF(x, layout.y(value)))
    painter.setPen(chart_pen(color, line_width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    run: list[QPointF] = []
    for position in [*positions, None]:
        if position is not None:
            run.append(position)
            continue
        if len(run) > 1:
            painter.drawPolyline(QPolygonF(run))
        run = []
    painter.setPen(chart_pen(palette.surface(), fonts.unit))
    painter.setBrush(color)
    for position in positions:
        if position is not None:
            _draw_marker(painter, position, marker, index)


def _draw_trend_swatch(
    painter: QPainter, swatch: QRectF, index: int, fonts: ChartFonts, palette: ChartPalette
) -> None:
    color = palette.series_color(index)
    line_width, marker = _trend_widths(index, fonts.unit)
    middle = swatch.center().y()
    painter.setPen(chart_pen(color, line_width))
    painter.drawLine(
        QPointF(swatch.left() + fonts.unit * 2, middle),
        QPointF(swatch.right() - fonts.unit * 2, middle),
    )
    painter.setPen(chart_pen(palette.surface(), fonts.unit))
    painter.setBrush(color)
    _draw_marker(painter, swatch.center(), marker, index)


def _draw_marker(painter: QPainter, center: QPointF, radius: float, shape: int) -> None:
    """A filled marker; the shape (circle, square, triangle, diamond) tells series apart."""
    x, y = center.x(), center.y()
    match shape % 4:
        case 0:
            painter.drawEllipse(center, radius, radius)
        case 1:
            side = radius * 0.9
            painter.drawRect(QRectF(x - side, y - side, 2 * side, 2 * side))
        case 2:
            r = radius * 1.2
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, y - r),
                        QPointF(x + r * 0.87, y + r / 2),
                        QPointF(x - r * 0.87, y + r / 2),
                    ]
                )
            )
        case _:
            r = radius * 1.2
            painter.drawPolygon(
                QPolygonF(
                    [QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)]
                )
            )
