"""Radar and trend chart painters shared by the on-screen chart widgets and the PDF export.

Only QtGui is used here, so the same functions paint on a widget, a QImage or a QPdfWriter.
Everything is sized from the painter's font, which keeps the proportions on any device.
The code lives in chart_palette, chart_text, radar_chart, radar_paint and trend_chart;
this module gathers their public names.
"""

from __future__ import annotations

from careercoach.export.chart_palette import ChartPalette
from careercoach.export.chart_text import FontRole, LegendEntry, TextAlign, TextBox
from careercoach.export.radar_chart import (
    RADAR_STYLES,
    RadarChart,
    RadarLayout,
    RadarSeries,
    RadarStyle,
    radar_layout,
)
from careercoach.export.radar_paint import paint_radar
from careercoach.export.trend_chart import (
    TrendChart,
    TrendLayout,
    TrendPoint,
    paint_trend,
    trend_layout,
)

__all__ = [
    "RADAR_STYLES",
    "ChartPalette",
    "FontRole",
    "LegendEntry",
    "RadarChart",
    "RadarLayout",
    "RadarSeries",
    "RadarStyle",
    "TextAlign",
    "TextBox",
    "TrendChart",
    "TrendLayout",
    "TrendPoint",
    "paint_radar",
    "paint_trend",
    "radar_layout",
    "trend_layout",
]
