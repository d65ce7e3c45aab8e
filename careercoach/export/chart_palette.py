"""The colours of a chart (ChartPalette) and the pens its lines are drawn with."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen


def _hex_colors(*names: str) -> tuple[QColor, ...]:
    return tuple(QColor(name) for name in names)


def blend(color: QColor, toward: QColor, amount: float) -> QColor:
    """``color`` moved ``amount`` (0..1) of the way toward ``toward``."""
    return QColor.fromRgbF(
        color.redF() + (toward.redF() - color.redF()) * amount,
        color.greenF() + (toward.greenF() - color.greenF()) * amount,
        color.blueF() + (toward.blueF() - color.blueF()) * amount,
    )


def with_alpha(color: QColor, alpha: float) -> QColor:
    """A copy of ``color`` with opacity ``alpha`` (0..1)."""
    faded = QColor(color)
    faded.setAlphaF(alpha)
    return faded


@dataclass(frozen=True)
class ChartPalette:
    """The colours of a chart; series colours come from the colour-blind-safe Okabe-Ito set.

    Attributes:
        text: Labels, title and legend text.
        grid: Rings, spokes and grid lines.
        current: The current ratings of a radar chart.
        previous: The previous ratings of a radar chart.
        target: The target level of a radar chart.
        series: Trend line colours, used in turn.
        background: Filled behind the chart, or None to leave the surface as it is.
    """

    text: QColor
    grid: QColor
    current: QColor
    previous: QColor
    target: QColor
    series: tuple[QColor, ...]
    background: QColor | None = None

    def __post_init__(self) -> None:
        if not self.series:
            raise ValueError("a chart palette needs at least one series colour")

    @classmethod
    def light(cls) -> ChartPalette:
        """Dark ink on a white page (the PDF export's palette)."""
        return cls(
            text=QColor("#1f1f1f"),
            grid=QColor("#c9c9c9"),
            current=QColor("#0072b2"),
            previous=QColor("#7a7a7a"),
            target=QColor("#d55e00"),
            # Okabe-Ito without its yellow, which is unreadable on white.
            series=_hex_colors(
                "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#5f5f5f"
            ),
            background=QColor("#ffffff"),
        )

    @classmethod
    def dark(cls) -> ChartPalette:
        """Light ink on a dark surface."""
        return cls(
            text=QColor("#e8e8e8"),
            grid=QColor("#4a4a4a"),
            current=QColor("#56b4e9"),
            previous=QColor("#a8a8a8"),
            target=QColor("#e69f00"),
            series=_hex_colors(
                "#56b4e9", "#e69f00", "#2fc29a", "#e08cbd", "#f0e442", "#ff7f3f", "#bdbdbd"
            ),
            background=QColor("#202124"),
        )

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartPalette:
        """Follow a Qt palette: its window and text colours, light or dark series colours."""
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        base = cls.dark() if window.lightnessF() < text.lightnessF() else cls.light()
        return replace(
            base,
            text=QColor(text),
            grid=blend(text, window, 0.75),
            background=QColor(window),
        )

    def series_color(self, index: int) -> QColor:
        """The colour of the trend series at ``index`` (the colours repeat)."""
        return self.series[index % len(self.series)]

    def surface(self) -> QColor:
        """The colour the chart is drawn on: the background, or paper that contrasts the text."""
        if self.background is not None:
            return self.background
        return QColor("#000000") if self.text.lightnessF() > 0.5 else QColor("#ffffff")


def chart_pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen with round caps and joins."""
    pen = QPen(color, width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def dashed_pen(color: QColor, width: float) -> QPen:
    """A dashed pen with flat caps, so the dashes stay apart."""
    pen = chart_pen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setDashPattern([4.0, 2.5])
    return pen
