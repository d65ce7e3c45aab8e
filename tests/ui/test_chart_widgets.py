"""The radar and trend chart widgets: what they paint and what they tell assistive tools."""

from __future__ import annotations

import datetime as dt
import sys
from array import array

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from careercoach.export.charts import (
    ChartPalette,
    RadarChart,
    RadarSeries,
    TrendChart,
    TrendPoint,
)
from careercoach.ui.chart_widgets import RadarChartWidget, TrendChartWidget

LEVELS = ("Junior", "Mid", "Senior", "Staff")


def radar_chart() -> RadarChart:
    return RadarChart(
        axes=("Technical depth", "Delivery", "Communication", "Mentoring"),
        levels=LEVELS,
        series=(
            RadarSeries("Target", (3.0, 3.0, 2.0, 3.0), "target"),
            RadarSeries("Current", (2.0, 3.0, 1.0, None), "current"),
        ),
    )


def trend_chart(point_count: int = 3) -> TrendChart:
    points = tuple(
        TrendPoint(
            dt.date(2024, 3, 31) + dt.timedelta(days=91 * index),
            {"Overall estimate": 1.0 + index * 0.5, "Technical": 2.0},
        )
        for index in range(point_count)
    )
    return TrendChart(("Overall estimate", "Technical"), points, LEVELS)


def colors(widget: QWidget) -> list[int]:
    """The widget's pixels as 0xAARRGGBB, rendered offscreen."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    words = array("I", bytes(image.constBits()))
    if sys.byteorder != "little":
        words.byteswap()
    return list(words)


def dark_palette() -> QPalette:
    palette = QPalette(QColor("#e0e0e0"), QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e0e0e0"))
    return palette


@pytest.fixture
def radar_widget(qtbot: QtBot) -> RadarChartWidget:
    widget = RadarChartWidget()
    qtbot.addWidget(widget)
    widget.resize(520, 440)
    return widget


@pytest.fixture
def trend_widget(qtbot: QtBot) -> TrendChartWidget:
    widget = TrendChartWidget()
    qtbot.addWidget(widget)
    widget.resize(560, 320)
    return widget


def test_radar_widget_paints_the_chart_and_clears(radar_widget: RadarChartWidget) -> None:
    current = ChartPalette.from_palette(radar_widget.palette()).current.rgba()
    radar_widget.set_chart(radar_chart())

    shown = colors(radar_widget)
    assert len(set(shown)) > 20
    assert shown.count(current) > 50

    radar_widget.set_chart(None)

    assert radar_widget.chart() is None
    assert len(set(colors(radar_widget))) == 1


def test_radar_widget_follows_a_dark_palette(radar_widget: RadarChartWidget) -> None:
    radar_widget.set_chart(radar_chart())
    radar_widget.setPalette(dark_palette())

    shown = colors(radar_widget)

    assert shown.count(ChartPalette.dark().current.rgba()) > 50
    assert shown.count(ChartPalette.light().current.rgba()) == 0
    assert QColor.fromRgba(shown[0]) == QColor("#1e1e1e")


def test_radar_widget_describes_current_against_target(radar_widget: RadarChartWidget) -> None:
    assert radar_widget.accessibleName() == "Competency radar chart"
    assert radar_widget.accessibleDescription() == "No competencies to show."

    radar_widget.set_chart(radar_chart())

    summary = "Current vs target: 2 of 4 competencies below target"
    assert radar_widget.toolTip() == summary
    description = radar_widget.accessibleDescription().splitlines()
    assert description[0] == summary
    assert "Technical depth — Target: Staff; Current: Senior" in description
    assert "Mentoring — Target: Staff; Current: not rated" in description


def test_radar_widget_size_hints_leave_room_for_labels(radar_widget: RadarChartWidget) -> None:
    minimum, preferred = radar_widget.minimumSizeHint(), radar_widget.sizeHint()
    assert 150 < minimum.width() < preferred.width()
    assert 150 < minimum.height() < preferred.height()


def test_trend_widget_paints_the_chart_and_clears(trend_widget: TrendChartWidget) -> None:
    overall = ChartPalette.from_palette(trend_widget.palette()).series_color(0).rgba()
    trend_widget.set_chart(trend_chart())

    shown = colors(trend_widget)
    assert len(set(shown)) > 20
    assert shown.count(overall) > 50

    trend_widget.set_chart(None)

    assert len(set(colors(trend_widget))) == 1
    assert trend_widget.accessibleDescription() == "No assessments yet."


def test_trend_widget_describes_the_latest_levels(trend_widget: TrendChartWidget) -> None:
    assert trend_widget.accessibleName() == "Level trend chart"

    trend_widget.set_chart(trend_chart(3))

    assert trend_widget.toolTip() == "Assessments: 3, from 2024-03-31 to 2024-09-29"
    assert trend_widget.accessibleDescription().splitlines()[1:] == [
        "Overall estimate: Senior on 2024-09-29",
        "Technical: Senior on 2024-09-29",
    ]


def test_trend_widget_without_points_says_so_on_screen(trend_widget: TrendChartWidget) -> None:
    trend_widget.set_chart(trend_chart(0))

    shown = colors(trend_widget)

    assert len(set(shown)) > 2, "the 'No assessments yet' text is painted"
    assert shown.count(ChartPalette.light().series_color(0).rgba()) == 0
    assert trend_widget.toolTip() == "No assessments yet."
