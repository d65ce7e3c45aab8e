"""Painting a radar chart (paint_radar) on any QPainter: a widget, a QImage or a QPdfWriter."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF

from careercoach.export.chart_palette import ChartPalette, chart_pen, dashed_pen, with_alpha
from careercoach.export.chart_text import ChartFonts, begin_chart, draw_empty, draw_text
from careercoach.export.radar_chart import (
    RadarChart,
    RadarLayout,
    RadarSeries,
    radar_layout_with_fonts,
)


def paint_radar(painter: QPainter, rect: QRectF, chart: RadarChart, palette: ChartPalette) -> None:
    """Paint ``chart`` inside ``rect`` (and nowhere else) with the painter's font."""
    painter.save()
    try:
        fonts = begin_chart(painter, rect, palette)
        layout = radar_layout_with_fonts(rect, chart, fonts)
        if layout.title is not None:
            draw_text(painter, layout.title, fonts, palette.text)
        if layout.empty is not None:
            draw_empty(painter, layout.empty, fonts, palette)
            return
        _draw_radar_grid(painter, layout, fonts, palette)
        halo = with_alpha(palette.surface(), 0.8)
        for box in layout.level_labels:
            draw_text(painter, box, fonts, with_alpha(palette.text, 0.75), halo)
        _draw_radar_series(painter, layout, chart, fonts, palette)
        for box in layout.axis_labels:
            draw_text(painter, box, fonts, palette.text)
        for entry in layout.legend:
            _draw_radar_swatch(
                painter, entry.swatch, chart.series[entry.index].style, fonts, palette
            )
            draw_text(painter, entry.label, fonts, palette.text)
    finally:
        painter.restore()


def _draw_radar_grid(
    painter: QPainter, layout: RadarLayout, fonts: ChartFonts, palette: ChartPalette
) -> None:
    unit = fonts.unit
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for level in range(layout.level_count):
        outer = level == layout.level_count - 1
        painter.setPen(chart_pen(palette.grid, unit * (1.4 if outer else 0.8)))
        radius = layout.ring_radius(level)
        painter.drawEllipse(layout.center, radius, radius)
    painter.setPen(chart_pen(palette.grid, unit * 0.8))
    for axis in range(len(layout.angles)):
        painter.drawLine(layout.center, layout.point(axis, layout.level_count - 1))


def _radar_points(layout: RadarLayout, series: RadarSeries) -> list[QPointF | None]:
    return [
        None if value is None else layout.point(axis, value)
        for axis, value in enumerate(series.values)
    ]


def _draw_radar_series(
    painter: QPainter,
    layout: RadarLayout,
    chart: RadarChart,
    fonts: ChartFonts,
    palette: ChartPalette,
) -> None:
    unit = fonts.unit
    spokes_only = len(layout.angles) < 3
    # Previous below current, the target outline above the current fill, current points last.
    for style in ("previous", "current", "target"):
        for series in chart.series:
            if series.style != style:
                continue
            points = _radar_points(layout, series)
            if spokes_only:
                _draw_spoke_series(painter, layout, points, style, unit, palette)
            else:
                _draw_polygon_series(painter, layout, points, style, unit, palette)
    painter.setPen(chart_pen(palette.surface(), unit))
    painter.setBrush(palette.current)
    for series in chart.series:
        if series.style == "current":
            for point in _radar_points(layout, series):
                if point is not None:
                    painter.drawEllipse(point, unit * 3.5, unit * 3.5)


def _series_pen(style: str, unit: float, palette: ChartPalette) -> QPen:
    if style == "target":
        return dashed_pen(palette.target, unit * 1.8)
    if style == "previous":
        return chart_pen(with_alpha(palette.previous, 0.75), unit * 1.2)
    return chart_pen(palette.current, unit * 2.0)


def _runs(points: Sequence[QPointF | None]) -> list[list[QPointF]]:
    """The unbroken stretches of rated points, going round the chart (a gap breaks a line)."""
    count = len(points)
    start = next(index for index, point in enumerate(points) if point is None)
    runs: list[list[QPointF]] = [[]]
    for offset in range(1, count + 1):
        point = points[(start + offset) % count]
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _draw_polygon_series(
    painter: QPainter,
    layout: RadarLayout,
    points: Sequence[QPointF | None],
    style: str,
    unit: float,
    palette: ChartPalette,
) -> None:
    rated = [point for point in points if point is not None]
    if not rated:
        return
    complete = len(rated) == len(points)
    if style == "current":
        # With gaps, fill only the wedges between neighbouring rated axes.
        area = QPainterPath()
        area.setFillRule(Qt.FillRule.WindingFill)
        if complete:
            area.addPolygon(QPolygonF(rated))
        else:
            for index, point in enumerate(points):
                following = points[(index + 1) % len(points)]
                if point is not None and following is not None:
                    area.addPolygon(QPolygonF([layout.center, point, following]))
        painter.fillPath(area, with_alpha(palette.current, 0.25))
    painter.setPen(_series_pen(style, unit, palette))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if complete:
        painter.drawPolygon(QPolygonF(rated))
        return
    for run in _runs(points):
        if len(run) > 1:
            painter.drawPolyline(QPolygonF(run))
        elif style != "current":
            painter.drawPoint(run[0])


def _draw_spoke_series(
    painter: QPainter,
    layout: RadarLayout,
    points: Sequence[QPointF | None],
    style: str,
    unit: float,
    palette: ChartPalette,
) -> None:
    """One or two axes: a bar along each spoke, a ring mark for previous, a tick for target."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for axis, point in enumerate(points):
        if point is None:
            continue
        if style == "current":
            bar = chart_pen(with_alpha(palette.current, 0.45), unit * 7)
            bar.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(bar)
            painter.drawLine(layout.center, point)
        elif style == "previous":
            painter.setPen(_series_pen(style, unit, palette))
            painter.drawEllipse(point, unit * 5, unit * 5)
        else:
            angle = layout.angles[axis]
            half = QPointF(-math.sin(angle), math.cos(angle)) * unit * 9
            painter.setPen(dashed_pen(palette.target, unit * 2.2))
            painter.drawLine(point - half, point + half)


def _draw_radar_swatch(
    painter: QPainter, swatch: QRectF, style: str, fonts: ChartFonts, palette: ChartPalette
) -> None:
    unit = fonts.unit
    middle = swatch.center().y()
    line_start = QPointF(swatch.left() + unit, middle)
    line_end = QPointF(swatch.right() - unit, middle)
    if style == "current":
        box = QRectF(
            swatch.left() + unit,
            middle - swatch.height() * 0.3,
            swatch.width() - 2 * unit,
            swatch.height() * 0.6,
        )
        painter.setPen(chart_pen(palette.current, unit * 1.5))
        painter.setBrush(with_alpha(palette.current, 0.25))
        painter.drawRect(box)
        return
    painter.setPen(_series_pen(style, unit, palette))
    painter.drawLine(line_start, line_end)
