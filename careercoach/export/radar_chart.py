"""The radar chart's data (RadarChart, RadarSeries) and its layout (RadarLayout, radar_layout)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice

from careercoach.export.chart_text import (
    ChartFonts,
    LegendEntry,
    TextAlign,
    TextBox,
    any_overlap,
    centred_text,
    chart_fonts,
    layout_legend,
    layout_title,
    overlaps,
    text_size,
    wrap_text,
)

RadarStyle = Literal["current", "previous", "target"]
RADAR_STYLES: tuple[RadarStyle, ...] = ("current", "previous", "target")


@dataclass(frozen=True)
class RadarSeries:
    """One set of ratings on a radar chart.

    Attributes:
        name: Shown in the legend.
        values: One level position (0 = most junior level) per axis; None when not rated.
        style: "current" (filled, with points), "previous" (thin) or "target" (dashed).
    """

    name: str
    values: tuple[float | None, ...]
    style: RadarStyle

    def __post_init__(self) -> None:
        if self.style not in RADAR_STYLES:
            raise ValueError(f"unknown radar series style {self.style!r}")
        # A value that is not a finite number has no place on the chart: it is a gap.
        finite = tuple(v if v is not None and math.isfinite(v) else None for v in self.values)
        object.__setattr__(self, "values", finite)


@dataclass(frozen=True)
class RadarChart:
    """A radar chart: one axis per competency, one ring per level.

    Attributes:
        axes: Axis labels, drawn clockwise from the top (one or two axes lie flat).
        levels: Ring labels, most junior first.
        series: The ratings to draw.
        title: Drawn above the chart when not empty.
        empty_text: Shown instead of the chart when there are no axes or levels.
    """

    axes: tuple[str, ...]
    levels: tuple[str, ...]
    series: tuple[RadarSeries, ...]
    title: str = ""
    empty_text: str = "No competencies to show"

    def __post_init__(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.axes):
                raise ValueError(
                    f"series {series.name!r} has {len(series.values)} values "
                    f"for {len(self.axes)} axes"
                )


@dataclass(frozen=True)
class RadarLayout:
    """Where everything of a radar chart goes; computed without painting anything."""

    center: QPointF
    radius: float
    angles: tuple[float, ...]
    level_count: int
    axis_labels: tuple[TextBox, ...]
    level_labels: tuple[TextBox, ...]
    legend: tuple[LegendEntry, ...]
    title: TextBox | None
    empty: TextBox | None

    def ring_radius(self, position: float) -> float:
        """The distance from the centre of level ``position`` (the most junior ring is not 0)."""
        top = self.level_count - 1
        return self.radius * (min(max(position, 0.0), top) + 1.0) / self.level_count

    def point(self, axis: int, position: float) -> QPointF:
        """Where level ``position`` lies on the spoke of ``axis``."""
        radius = self.ring_radius(position)
        angle = self.angles[axis]
        return QPointF(
            self.center.x() + radius * math.cos(angle), self.center.y() + radius * math.sin(angle)
        )


def _distance_to_rect(point: QPointF, rect: QRectF) -> float:
    dx = max(rect.left() - point.x(), 0.0, point.x() - rect.right())
    dy = max(rect.top() - point.y(), 0.0, point.y() - rect.bottom())
    return math.hypot(dx, dy)


def _axis_boxes(
    center: QPointF,
    radius: float,
    wrapped: Sequence[tuple[str, ...]],
    angles: Sequence[float],
    metrics: QFontMetricsF,
    gap: float,
) -> list[TextBox]:
    """Axis labels just beyond the spoke ends, pushed out until clear of the outer ring."""
    boxes = []
    for lines, angle in zip(wrapped, angles, strict=True):
        size = text_size(lines, metrics)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor_x = center.x() + (radius + gap) * cos
        anchor_y = center.y() + (radius + gap) * sin
        align: TextAlign = "left" if cos > 0.3 else "right" if cos < -0.3 else "center"
        left = {
            "left": anchor_x,
            "right": anchor_x - size.width(),
            "center": anchor_x - size.width() / 2,
        }[align]
        top = (
            anchor_y
            if sin > 0.3
            else anchor_y - size.height()
            if sin < -0.3
            else anchor_y - size.height() / 2
        )
        rect = QRectF(QPointF(left, top), size)
        for _ in range(64):
            if _distance_to_rect(center, rect) >= radius + gap * 0.75:
                break
            rect.translate(cos * gap * 0.25, sin * gap * 0.25)
        boxes.append(TextBox(rect, lines, align))
    return boxes


def _fit_axis_labels(
    area: QRectF, axes: Sequence[str], angles: Sequence[float], fonts: ChartFonts
) -> tuple[float, list[TextBox]]:
    """The largest radius whose axis labels fit ``area`` without overlapping each other.

    Labels of two lines and of three are both tried; the one cutting fewer labels short
    wins (three lines keep long competency names whole on a roomy page), then the one
    leaving the larger plot.
    """
    fits = [_fit_axis_labels_in(area, axes, angles, fonts, lines) for lines in (2, 3)]
    return min(fits, key=lambda fit: (sum(box.text.endswith("…") for box in fit[1]), -fit[0]))


def _fit_axis_labels_in(
    area: QRectF,
    axes: Sequence[str],
    angles: Sequence[float],
    fonts: ChartFonts,
    max_lines: int,
) -> tuple[float, list[TextBox]]:
    """As ``_fit_axis_labels``, with labels of at most ``max_lines`` lines.

    Narrower label widths (more wrapping and eliding) are tried until the plot keeps a
    reasonable share of the area.
    """
    metrics = fonts.base_metrics
    em = metrics.averageCharWidth()
    gap = metrics.height() * 0.5
    upper = max(0.0, min(area.width(), area.height()) / 2 - gap)
    widest = min(max(area.width() * 0.28, 6 * em), 20 * em)
    best: tuple[float, list[TextBox]] | None = None
    fallback: tuple[float, list[TextBox]] = (0.0, [])
    for factor in (1.0, 0.8, 0.65, 0.5, 0.4, 0.3):
        width = max(2 * em, widest * factor)
        wrapped = [wrap_text(text, metrics, width, max_lines) for text in axes]

        def fits(radius: float, wrapped: list[tuple[str, ...]] = wrapped) -> bool:
            boxes = _axis_boxes(area.center(), radius, wrapped, angles, metrics, gap)
            return all(area.contains(box.rect) for box in boxes)

        low, high = 0.0, upper
        if fits(high):
            low = high
        else:
            for _ in range(20):
                middle = (low + high) / 2
                low, high = (middle, high) if fits(middle) else (low, middle)
        boxes = _axis_boxes(area.center(), low, wrapped, angles, metrics, gap)
        fallback = (low, boxes)
        if not any_overlap(boxes, em * 0.5):
            if low >= 0.6 * upper:
                return low, boxes
            if best is None or low > best[0]:
                best = (low, boxes)
    return best or fallback


def _level_angle(count: int) -> float:
    """The direction of the ring labels: a bisector between spokes, as upright as possible."""
    if count <= 2:
        return -math.pi / 2
    if count % 2:
        return math.pi / 2
    return -math.pi / 2 + math.pi / count


def _level_boxes(
    center: QPointF,
    radius: float,
    levels: Sequence[str],
    axis_labels: Sequence[TextBox],
    area: QRectF,
    fonts: ChartFonts,
) -> tuple[TextBox, ...]:
    """Ring labels centred where the rings cross a bisector of two spokes.

    A label is elided until it clears the axis labels, and dropped if it cannot. When the
    rings are too close for every label, every second (third, ...) one is kept, always
    including the outermost ring.
    """
    metrics = fonts.small_metrics
    em = metrics.averageCharWidth()
    angle = _level_angle(len(axis_labels))
    widest = min(max(radius, 4 * em), 24 * em)
    count = len(levels)
    boxes: list[tuple[int, TextBox]] = []
    for index, name in enumerate(levels):
        ring = radius * (index + 1) / count
        middle = QPointF(center.x() + ring * math.cos(angle), center.y() + ring * math.sin(angle))
        for width in (widest, widest * 0.7, widest * 0.5):
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
            rect = QRectF(QPointF(0, 0), text_size((text,), metrics))
            rect.moveCenter(middle)
            clear = not any(overlaps(rect, label.rect, em * 0.5) for label in axis_labels)
            if text and clear and area.contains(rect):
                boxes.append((index, TextBox(rect, (text,), role="small")))
                break
    for step in range(1, count + 1):
        kept = tuple(box for index, box in boxes if (count - 1 - index) % step == 0)
        if not any_overlap(kept, 1.0):
            return kept
    return ()


def radar_layout(
    rect: QRectF, chart: RadarChart, font: QFont, device: QPaintDevice | None = None
) -> RadarLayout:
    """Lay out ``chart`` in ``rect`` for text in ``font`` as measured on ``device``."""
    return radar_layout_with_fonts(rect, chart, chart_fonts(font, device))


def radar_layout_with_fonts(rect: QRectF, chart: RadarChart, fonts: ChartFonts) -> RadarLayout:
    """Lay out ``chart`` in ``rect`` with ``fonts`` (what radar_layout does after measuring)."""
    title, body = layout_title(rect, chart.title, fonts)
    count = len(chart.axes)
    if not chart.axes or not chart.levels:
        return RadarLayout(
            center=body.center(),
            radius=0.0,
            angles=(),
            level_count=max(1, len(chart.levels)),
            axis_labels=(),
            level_labels=(),
            legend=(),
            title=title,
            empty=centred_text(chart.empty_text, body, fonts),
        )
    legend, area = layout_legend([series.name for series in chart.series], body, fonts)
    # One or two spokes lie flat, leaving the upright line free for the ring labels.
    start = 0.0 if count == 1 else math.pi if count == 2 else -math.pi / 2
    angles = tuple(start + 2 * math.pi * index / count for index in range(count))
    radius, axis_labels = _fit_axis_labels(area, chart.axes, angles, fonts)
    return RadarLayout(
        center=area.center(),
        radius=radius,
        angles=angles,
        level_count=len(chart.levels),
        axis_labels=tuple(axis_labels),
        level_labels=_level_boxes(area.center(), radius, chart.levels, axis_labels, area, fonts),
        legend=legend,
        title=title,
        empty=None,
    )
