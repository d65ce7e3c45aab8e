"""The chart painters: layouts that keep text inside the chart and apart, and real pixels."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import subprocess
import sys
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPdfWriter
from PySide6.QtWidgets import QApplication

from careercoach.export.charts import (
    ChartPalette,
    RadarChart,
    RadarLayout,
    RadarSeries,
    TextBox,
    TrendChart,
    TrendLayout,
    TrendPoint,
    paint_radar,
    paint_trend,
    radar_layout,
    trend_layout,
)

ChartT = TypeVar("ChartT", RadarChart, TrendChart)

LEVELS = ("Junior Engineer", "Engineer", "Senior Engineer", "Staff Engineer", "Principal Engineer")
LONG_AXES = (
    "Technical depth and breadth across the whole machine learning stack",
    "System design and architecture",
    "Delivery",
    "Code quality, testing and reviewing other people's changes",
    "Mentoring and growing others",
    "Communication",
    "Product sense",
    "Operational excellence, on-call and incident response",
)
SERIES_NAMES = ("Overall estimate", "Technical", "Leadership", "Communication")
MARGIN = 24


def radar(axis_count: int, axes: tuple[str, ...] = LONG_AXES) -> RadarChart:
    names = tuple(itertools.islice(itertools.cycle(axes), axis_count))
    current = tuple(float(1 + index % 3) for index in range(axis_count))
    return RadarChart(
        axes=names,
        levels=LEVELS,
        series=(
            RadarSeries("Target (Staff)", (3.0,) * axis_count, "target"),
            RadarSeries("Previous", (1.0,) * axis_count, "previous"),
            RadarSeries("Current", current, "current"),
        ),
        title="Competencies vs Staff Engineer",
    )


def trend(point_count: int) -> TrendChart:
    start = dt.date(2024, 3, 31)
    points = tuple(
        TrendPoint(
            start + dt.timedelta(days=91 * index),
            {
                "Overall estimate": 1.0 + index * 0.4,
                "Technical": 1.5 + index * 0.3,
                "Leadership": None if index == 1 else 0.5 + index * 0.5,
                "Communication": 2.0,
            },
        )
        for index in range(point_count)
    )
    return TrendChart(SERIES_NAMES, points, LEVELS, title="Level estimate over time")


def render(
    paint: Callable[[QPainter, QRectF, ChartT, ChartPalette], None],
    chart: ChartT,
    palette: ChartPalette,
    width: int = 640,
    height: int = 520,
) -> tuple[QImage, QRectF]:
    """Paint into a sub-rectangle of a larger, transparent image."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    rect = QRectF(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN)
    painter = QPainter(image)
    try:
        paint(painter, rect, chart, palette)
    finally:
        painter.end()
    return image, rect


def pixels(image: QImage, area: QRectF | None = None) -> Iterator[tuple[int, int, int]]:
    """Every (x, y, 0xAARRGGBB) of ``image``, or of ``area`` of it."""
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)
    words = array("I", bytes(converted.constBits()))
    if sys.byteorder != "little":
        words.byteswap()
    row = converted.bytesPerLine() // 4
    box = QRectF(0, 0, image.width(), image.height()) if area is None else area
    left = max(0, math.floor(box.left()))
    right = min(image.width(), math.ceil(box.right()))
    for y in range(max(0, math.floor(box.top())), min(image.height(), math.ceil(box.bottom()))):
        for x, argb in enumerate(words[y * row + left : y * row + right], start=left):
            yield x, y, argb


def count_color(image: QImage, color: QColor, area: QRectF | None = None) -> int:
    wanted = color.rgba()
    return sum(1 for _, _, argb in pixels(image, area) if argb == wanted)


def painted_outside(image: QImage, rect: QRectF) -> list[tuple[int, int]]:
    return [
        (x, y)
        for x, y, argb in pixels(image)
        if argb >> 24 and not rect.contains(QPointF(x + 0.5, y + 0.5))
    ]


def distinct_colors(image: QImage, area: QRectF | None = None) -> int:
    return len({argb for _, _, argb in pixels(image, area)})


def is_ink(argb: int) -> bool:
    return QColor.fromRgba(argb).lightness() < 110


def distance_to_rect(point: QPointF, rect: QRectF) -> float:
    dx = max(rect.left() - point.x(), 0.0, point.x() - rect.right())
    dy = max(rect.top() - point.y(), 0.0, point.y() - rect.bottom())
    return math.hypot(dx, dy)


def assert_apart(boxes: list[TextBox]) -> None:
    for first, second in itertools.combinations(boxes, 2):
        assert not first.rect.intersects(second.rect), (first.text, second.text)


def layout_of_radar(chart: RadarChart, rect: QRectF, image: QImage) -> RadarLayout:
    return radar_layout(rect, chart, QFont(), image)


def layout_of_trend(chart: TrendChart, rect: QRectF, image: QImage) -> TrendLayout:
    return trend_layout(rect, chart, QFont(), image)


# ------------------------------------------------------------------------------ radar


@pytest.mark.parametrize("axis_count", [1, 2, 3, 8])
@pytest.mark.parametrize("size", [(640, 520), (320, 280)], ids=["roomy", "small"])
def test_radar_text_stays_inside_the_chart_and_apart(
    qapp: QApplication, axis_count: int, size: tuple[int, int]
) -> None:
    chart = radar(axis_count)
    image, rect = render(paint_radar, chart, ChartPalette.light(), *size)
    layout = layout_of_radar(chart, rect, image)

    assert layout.radius > min(rect.width(), rect.height()) * 0.15
    everything = [*layout.axis_labels, *layout.level_labels, *(e.label for e in layout.legend)]
    assert layout.title is not None
    for box in [*everything, layout.title]:
        assert rect.contains(box.rect), box.text
    for entry in layout.legend:
        assert rect.contains(entry.swatch)
    assert_apart([*layout.axis_labels, *(entry.label for entry in layout.legend)])
    assert_apart([*layout.axis_labels, *layout.level_labels])
    for box in layout.axis_labels:
        assert distance_to_rect(layout.center, box.rect) > layout.radius, box.text
    assert len(layout.axis_labels) == axis_count
    assert [entry.label.text for entry in layout.legend] == [s.name for s in chart.series]
    assert layout.level_labels, "at least the outermost ring is labelled"


def test_radar_wraps_and_elides_long_axis_labels(qapp: QApplication) -> None:
    chart = radar(8)
    image, rect = render(paint_radar, chart, ChartPalette.light(), 320, 280)
    layout = layout_of_radar(chart, rect, image)

    assert all(len(box.lines) <= 2 for box in layout.axis_labels)
    assert any(box.text.endswith("…") for box in layout.axis_labels)
    assert any(box.text == "Delivery" for box in layout.axis_labels)


@pytest.mark.parametrize("axis_count", [1, 2, 3, 8])
def test_radar_paints_the_current_ratings_inside_the_plot_only(
    qapp: QApplication, axis_count: int
) -> None:
    palette = ChartPalette.light()
    chart = radar(axis_count)
    image, rect = render(paint_radar, chart, palette)
    layout = layout_of_radar(chart, rect, image)

    assert painted_outside(image, rect) == []
    assert distinct_colors(image, rect) > 20
    current = chart.series[2]
    for axis, value in enumerate(current.values):
        assert value is not None
        point = layout.point(axis, value)
        assert image.pixelColor(round(point.x()), round(point.y())) == palette.current
    plot = QRectF(0, 0, 2 * layout.radius, 2 * layout.radius)
    plot.moveCenter(layout.center)
    assert count_color(image, palette.current, plot) >= 20 * axis_count
    outside_plot = [
        (x, y)
        for x, y, argb in pixels(image, rect)
        if argb == palette.current.rgba()
        and math.dist((x, y), (layout.center.x(), layout.center.y())) > layout.radius + 6
        and not any(entry.swatch.contains(QPointF(x, y)) for entry in layout.legend)
    ]
    assert outside_plot == []


def test_radar_legend_and_axis_text_is_painted(qapp: QApplication) -> None:
    palette = ChartPalette.light()
    chart = radar(8)
    image, rect = render(paint_radar, chart, palette)
    layout = layout_of_radar(chart, rect, image)

    for box in [*(entry.label for entry in layout.legend), *layout.axis_labels]:
        # Glyphs: pixels much darker than the grid; labels lie outside the plotted series.
        inked = [argb for _, _, argb in pixels(image, box.rect) if is_ink(argb)]
        assert len(inked) > 10, box.text


def test_radar_leaves_unrated_axes_out(qapp: QApplication) -> None:
    palette = ChartPalette.light()
    chart = RadarChart(
        axes=("A", "B", "C", "D", "E"),
        levels=LEVELS,
        series=(RadarSeries("Current", (2.0, None, 2.0, 3.0, None), "current"),),
    )
    image, rect = render(paint_radar, chart, palette)
    layout = layout_of_radar(chart, rect, image)

    assert image.pixelColor(layout.point(0, 2.0).toPoint()) == palette.current
    # No marker where B would be at any level.
    for level in range(len(LEVELS)):
        point = layout.point(1, level)
        assert image.pixelColor(point.toPoint()) != palette.current


def test_radar_without_axes_says_so(qapp: QApplication) -> None:
    chart = RadarChart(axes=(), levels=LEVELS, series=(), empty_text="Nothing rated")
    image, rect = render(paint_radar, chart, ChartPalette.light())
    layout = layout_of_radar(chart, rect, image)

    assert layout.empty is not None
    assert layout.empty.text == "Nothing rated"
    assert rect.contains(layout.empty.rect)
    assert painted_outside(image, rect) == []
    assert distinct_colors(image, layout.empty.rect) > 2


def test_radar_series_must_match_the_axes() -> None:
    with pytest.raises(ValueError, match="2 values for 3 axes"):
        RadarChart(("A", "B", "C"), LEVELS, (RadarSeries("Current", (1.0, 2.0), "current"),))
    with pytest.raises(ValueError, match="style"):
        RadarSeries("Current", (1.0,), "dotted")  # type: ignore[arg-type]  # the wrong style


# ------------------------------------------------------------------------------ trend


@pytest.mark.parametrize("point_count", [1, 5])
@pytest.mark.parametrize("size", [(640, 360), (300, 220)], ids=["roomy", "small"])
def test_trend_text_stays_inside_the_chart_and_apart(
    qapp: QApplication, point_count: int, size: tuple[int, int]
) -> None:
    chart = trend(point_count)
    image, rect = render(paint_trend, chart, ChartPalette.light(), *size)
    layout = layout_of_trend(chart, rect, image)

    boxes = [*layout.level_labels, *layout.date_labels, *(e.label for e in layout.legend)]
    for box in boxes:
        assert rect.contains(box.rect), box.text
    assert rect.contains(layout.plot)
    assert_apart(boxes)
    assert layout.date_labels[-1].text == chart.points[-1].date.isoformat()
    assert [entry.label.text for entry in layout.legend] == list(SERIES_NAMES)
    assert layout.level_labels[-1].text.startswith("Principal")


def test_trend_places_dates_proportionally_and_levels_upward(qapp: QApplication) -> None:
    start = dt.date(2024, 1, 1)
    days = (0, 30, 90, 300, 365)
    chart = TrendChart(
        ("Overall estimate",),
        tuple(TrendPoint(start + dt.timedelta(days=d), {"Overall estimate": 1.0}) for d in days),
        LEVELS,
    )
    image, rect = render(paint_trend, chart, ChartPalette.light())
    layout = layout_of_trend(chart, rect, image)

    span = layout.xs[-1] - layout.xs[0]
    for x, day in zip(layout.xs, days, strict=True):
        assert x - layout.xs[0] == pytest.approx(span * day / 365)
    assert layout.plot.left() <= layout.xs[0] < layout.xs[-1] <= layout.plot.right()
    ys = [layout.y(level) for level in range(len(LEVELS))]
    assert ys == sorted(ys, reverse=True)
    assert layout.plot.top() <= ys[-1]
    assert ys[0] <= layout.plot.bottom()


@pytest.mark.parametrize("point_count", [1, 5])
def test_trend_paints_each_series_inside_the_chart_only(
    qapp: QApplication, point_count: int
) -> None:
    palette = ChartPalette.light()
    chart = trend(point_count)
    image, rect = render(paint_trend, chart, palette)
    layout = layout_of_trend(chart, rect, image)

    assert painted_outside(image, rect) == []
    assert distinct_colors(image, rect) > 20
    for point, x in zip(layout.points, layout.xs, strict=True):
        value = point.values["Overall estimate"]
        assert value is not None
        marker = QPointF(x, layout.y(value))
        assert image.pixelColor(marker.toPoint()) == palette.series_color(0)
    # A lone point is only a marker (a small triangle for the third series).
    least = 10 if point_count > 1 else 3
    for index in range(len(SERIES_NAMES)):
        assert count_color(image, palette.series_color(index), layout.plot) > least, index


def test_trend_without_points_says_no_assessments_yet(qapp: QApplication) -> None:
    chart = TrendChart(SERIES_NAMES, (), LEVELS)
    image, rect = render(paint_trend, chart, ChartPalette.dark())
    layout = layout_of_trend(chart, rect, image)

    assert layout.empty is not None
    assert layout.empty.text == "No assessments yet"
    assert layout.empty.rect.center().x() == pytest.approx(rect.center().x(), abs=1)
    assert layout.empty.rect.center().y() == pytest.approx(rect.center().y(), abs=1)
    assert painted_outside(image, rect) == []
    assert distinct_colors(image, layout.empty.rect) > 2
    assert count_color(image, ChartPalette.dark().series_color(0), rect) == 0


def test_trend_single_point_is_a_centred_marker(qapp: QApplication) -> None:
    chart = trend(1)
    image, rect = render(paint_trend, chart, ChartPalette.light())
    layout = layout_of_trend(chart, rect, image)

    assert layout.xs == pytest.approx((layout.plot.center().x(),))


# ------------------------------------------------------------------------------ palette, devices


def test_palette_follows_a_dark_or_light_qt_palette(qapp: QApplication) -> None:
    dark = QPalette(QColor("#f0f0f0"), QColor("#202020"))
    light = QPalette(QColor("#101010"), QColor("#f5f5f5"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    light.setColor(QPalette.ColorRole.WindowText, QColor("#101010"))

    from_dark = ChartPalette.from_palette(dark)
    from_light = ChartPalette.from_palette(light)

    assert from_dark.current == ChartPalette.dark().current
    assert from_light.current == ChartPalette.light().current
    assert from_dark.text == QColor("#f0f0f0")
    assert from_dark.background == dark.color(QPalette.ColorRole.Window)
    assert len({color.name() for color in from_light.series}) == len(from_light.series)


def test_charts_paint_on_a_pdf_writer(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "charts.pdf"
    writer = QPdfWriter(str(target))
    writer.setResolution(300)
    painter = QPainter(writer)
    try:
        font = QFont("DejaVu Sans")
        font.setPixelSize(36)
        painter.setFont(font)
        paint_radar(painter, QRectF(0, 0, 1800, 1500), radar(8), ChartPalette.light())
        paint_trend(painter, QRectF(0, 1600, 1800, 900), trend(5), ChartPalette.light())
    finally:
        painter.end()
    assert target.read_bytes().startswith(b"%PDF")


def test_chart_painters_do_not_load_qt_widgets() -> None:
    script = "import sys, careercoach.export.charts; print('PySide6.QtWidgets' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_values_that_are_not_finite_numbers_become_gaps() -> None:
    series = RadarSeries("Now", (1.0, float("nan"), float("inf"), None), "current")
    assert series.values == (1.0, None, None, None)
    point = TrendPoint(dt.date(2026, 1, 1), {"Overall": float("nan"), "Craft": 2.0})
    assert dict(point.values) == {"Overall": None, "Craft": 2.0}
