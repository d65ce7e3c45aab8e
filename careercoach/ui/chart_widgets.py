"""On-screen radar and trend chart widgets, painted by the export's shared chart painters."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from careercoach.export.charts import (
    ChartPalette,
    RadarChart,
    RadarSeries,
    TrendChart,
    paint_radar,
    paint_trend,
)

_REPAINT_EVENTS = frozenset(
    {QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange}
)


def _level_name(levels: Sequence[str], position: float) -> str:
    index = min(max(round(position), 0), len(levels) - 1)
    return levels[index]


def _first_series(chart: RadarChart, style: str) -> RadarSeries | None:
    return next((series for series in chart.series if series.style == style), None)


class _ChartWidget(QWidget):
    """Paints a chart on the widget's own background, in the widget's palette and font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _has_chart(self) -> bool:
        raise NotImplementedError

    def _paint_chart(self, painter: QPainter, rect: QRectF, palette: ChartPalette) -> None:
        raise NotImplementedError

    def _summary(self) -> tuple[str, str]:
        """The one-line summary and the full text description of what the chart shows."""
        raise NotImplementedError

    def _refresh_accessibility(self) -> None:
        summary, description = self._summary()
        self.setAccessibleDescription(description)
        self.setToolTip(summary)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = ChartPalette.from_palette(self.palette())
        painter = QPainter(self)
        try:
            if palette.background is not None:
                painter.fillRect(self.rect(), palette.background)
            if self._has_chart():
                margin = self.fontMetrics().height() * 0.5
                rect = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
                self._paint_chart(painter, rect, palette)
        finally:
            painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _REPAINT_EVENTS:
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def _chars(self, count: float) -> int:
        return round(self.fontMetrics().averageCharWidth() * count)

    def _lines(self, count: float) -> int:
        return round(self.fontMetrics().height() * count)


class RadarChartWidget(_ChartWidget):
    """A radar chart of competency ratings: current, previous and target levels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: RadarChart | None = None
        self.setAccessibleName(self.tr("Competency radar chart"))
        self._refresh_accessibility()

    def chart(self) -> RadarChart | None:
        """The chart shown, if any."""
        return self._chart

    def set_chart(self, chart: RadarChart | None) -> None:
        """Show ``chart``, or nothing when it is None."""
        self._chart = chart
        self._refresh_accessibility()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._chars(36), self._lines(16))

    def sizeHint(self) -> QSize:
        return QSize(self._chars(70), self._lines(30))

    def _has_chart(self) -> bool:
        return self._chart is not None

    def _paint_chart(self, painter: QPainter, rect: QRectF, palette: ChartPalette) -> None:
        if self._chart is not None:
            paint_radar(painter, rect, self._chart, palette)

    def _summary(self) -> tuple[str, str]:
        chart = self._chart
        if chart is None or not chart.axes or not chart.levels:
            text = self.tr("No competencies to show.")
            return text, text
        current = _first_series(chart, "current")
        target = _first_series(chart, "target")
        total = len(chart.axes)
        if current is not None and target is not None:
            below = sum(
                1
                for have, want in zip(current.values, target.values, strict=True)
                if have is not None and want is not None and have < want
            )
            summary = self.tr("Current vs target: {below} of {total} competencies below target")
        elif current is not None:
            below = sum(1 for value in current.values if value is not None)
            summary = self.tr("{below} of {total} competencies rated")
        else:
            below = 0
            summary = self.tr("{total} competencies, none rated")
        summary = summary.format(below=below, total=total)
        lines = [summary]
        for axis, name in enumerate(chart.axes):
            parts = []
            for series in chart.series:
                value = series.values[axis]
                level = self.tr("not rated") if value is None else _level_name(chart.levels, value)
                parts.append(self.tr("{series}: {level}").format(series=series.name, level=level))
            lines.append(self.tr("{axis} — {ratings}").format(axis=name, ratings="; ".join(parts)))
        return summary, "\n".join(lines)


class TrendChartWidget(_ChartWidget):
    """A line chart of the level estimate and its categories over time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: TrendChart | None = None
        self.setAccessibleName(self.tr("Level trend chart"))
        self._refresh_accessibility()

    def chart(self) -> TrendChart | None:
        """The chart shown, if any."""
        return self._chart

    def set_chart(self, chart: TrendChart | None) -> None:
        """Show ``chart``, or nothing when it is None."""
        self._chart = chart
        self._refresh_accessibility()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._chars(40), self._lines(12))

    def sizeHint(self) -> QSize:
        return QSize(self._chars(80), self._lines(22))

    def _has_chart(self) -> bool:
        return self._chart is not None

    def _paint_chart(self, painter: QPainter, rect: QRectF, palette: ChartPalette) -> None:
        if self._chart is not None:
            paint_trend(painter, rect, self._chart, palette)

    def _summary(self) -> tuple[str, str]:
        chart = self._chart
        if chart is None or not chart.points or not chart.levels:
            text = self.tr("No assessments yet.")
            return text, text
        points = sorted(chart.points, key=lambda point: point.date)
        first, last = points[0].date.isoformat(), points[-1].date.isoformat()
        summary = self.tr("Assessments: {count}, from {first} to {last}").format(
            count=len(points), first=first, last=last
        )
        lines = [summary]
        for name in chart.series_names:
            values = [
                (point.date, value)
                for point in points
                if (value := point.values.get(name)) is not None
            ]
            if values:
                day, value = values[-1]
                lines.append(
                    self.tr("{series}: {level} on {date}").format(
                        series=name, level=_level_name(chart.levels, value), date=day.isoformat()
                    )
                )
            else:
                lines.append(self.tr("{series}: no values").format(series=name))
        return summary, "\n".join(lines)
