"""The PDF's type: text styles measured on the paint device, and wrapping at spaces only."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice

POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4

# Restrained, printable colours: near-black ink, one dark blue accent, grey for the rest.
INK = "#1f1f1f"
MUTED = "#5b5f66"
ACCENT = "#1f4e79"
WARN = "#a13f00"
RULE = "#d4d7dc"
STRONG_RULE = "#8c9199"
FILL = "#f1f3f6"


@dataclass(eq=False)
class TextStyle:
    """A font and a colour, with the font's metrics on the device and a width cache."""

    font: QFont
    color: QColor
    metrics: QFontMetricsF
    leading: float
    _widths: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def ascent(self) -> float:
        """From the top of a line to its baseline."""
        return self.metrics.ascent() + (self.leading - self.metrics.height()) / 2

    def width(self, text: str) -> float:
        """The advance of ``text`` in this style (cached: the same words recur often)."""
        found = self._widths.get(text)
        if found is None:
            found = self._widths[text] = self.metrics.horizontalAdvance(text)
        return found


class Units:
    """Converts points and millimetres to the pixels of a device with ``dpi`` dots per inch."""

    def __init__(self, dpi: float) -> None:
        self.dpi = dpi

    def pt(self, points: float) -> float:
        """``points`` (1/72 inch) in device pixels."""
        return points * self.dpi / POINTS_PER_INCH

    def mm(self, millimetres: float) -> float:
        """``millimetres`` in device pixels."""
        return millimetres * self.dpi / MM_PER_INCH


@dataclass(frozen=True)
class PdfStyles:
    """Every text style of the summary, and its rule and fill colours."""

    units: Units
    kicker: TextStyle
    title: TextStyle
    subtitle: TextStyle
    meta: TextStyle
    heading: TextStyle
    body: TextStyle
    body_bold: TextStyle
    label: TextStyle
    cell: TextStyle
    cell_bold: TextStyle
    cell_muted: TextStyle
    cell_warn: TextStyle
    column_head: TextStyle
    quote: TextStyle
    notice: TextStyle
    footer: TextStyle
    chart_font: QFont
    accent: QColor
    rule: QColor
    strong_rule: QColor
    fill: QColor


def export_font(base: QFont) -> QFont:
    """``base`` fit for export: no ligatures (so extracted text reads as typed), no hinting."""
    font = QFont(base)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def pdf_styles(base: QFont, device: QPaintDevice) -> PdfStyles:
    """The summary's styles for ``device``: ``base``'s family in pixel sizes from points.

    Pixel sizes in the device's own pixels keep text the same physical size on a 1200-dpi
    PDF writer and a screen-resolution print preview alike.
    """
    units = Units(float(device.logicalDpiY()))
    family = export_font(base)

    def style(
        points: float,
        color: str,
        *,
        bold: bool = False,
        italic: bool = False,
        leading: float = 1.0,
    ) -> TextStyle:
        font = QFont(family)
        font.setPixelSize(max(1, round(units.pt(points))))
        font.setBold(bold)
        font.setItalic(italic)
        metrics = QFontMetricsF(font, device)
        return TextStyle(font, QColor(color), metrics, metrics.lineSpacing() * leading)

    chart_font = QFont(family)
    chart_font.setPixelSize(max(1, round(units.pt(7.5))))
    return PdfStyles(
        units=units,
        kicker=style(8, ACCENT, bold=True),
        title=style(20, INK, bold=True),
        subtitle=style(10.5, INK),
        meta=style(8.5, MUTED),
        heading=style(12.5, ACCENT, bold=True),
        body=style(9, INK, leading=1.1),
        body_bold=style(9, INK, bold=True, leading=1.1),
        label=style(8.5, MUTED, leading=1.15),
        cell=style(8, INK, leading=1.05),
        cell_bold=style(8, INK, bold=True, leading=1.05),
        cell_muted=style(7.5, MUTED, leading=1.05),
        cell_warn=style(7.5, WARN, bold=True, leading=1.05),
        column_head=style(7, MUTED, bold=True),
        quote=style(8, INK, italic=True, leading=1.1),
        notice=style(8.5, INK),
        footer=style(7.5, MUTED),
        chart_font=chart_font,
        accent=QColor(ACCENT),
        rule=QColor(RULE),
        strong_rule=QColor(STRONG_RULE),
        fill=QColor(FILL),
    )


def words(text: str) -> list[list[str]]:
    """``text`` as paragraphs (its own line breaks) of words (split at spaces and tabs only).

    Blank paragraphs are kept once between others, so a quote's paragraphs stay apart.
    """
    paragraphs: list[list[str]] = []
    for line in text.splitlines():
        split = [word for word in line.replace("\t", " ").split(" ") if word]
        if split or (paragraphs and paragraphs[-1]):
            paragraphs.append(split)
    while paragraphs and not paragraphs[-1]:
        paragraphs.pop()
    return paragraphs


def longest_word(text: str, style: TextStyle) -> float:
    """The width of the widest word: the least a column needs to break no word."""
    return max((style.width(word) for para in words(text) for word in para), default=0.0)


def natural_width(text: str, style: TextStyle) -> float:
    """The width ``text`` takes unwrapped (its widest paragraph on one line)."""
    space = style.width(" ")
    return max(
        (
            sum(style.width(word) for word in para) + space * (len(para) - 1)
            for para in words(text)
        ),
        default=0.0,
    )


def wrap(text: str, style: TextStyle, width: float) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width``, at spaces only.

    A word wider than ``width`` on its own is the one exception: it is broken between
    characters, since there is nowhere else to put it.
    """
    lines: list[str] = []
    space = style.width(" ")
    for para in words(text):
        line: list[str] = []
        used = 0.0
        for word in para:
            advance = style.width(word)
            if advance > width:
                if line:
                    lines.append(" ".join(line))
                pieces = _break_word(word, style, width)
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], style.width(pieces[-1])
            elif line and used + space + advance > width:
                lines.append(" ".join(line))
                line, used = [word], advance
            else:
                used = used + space + advance if line else advance
                line.append(word)
        lines.append(" ".join(line))
    return tuple(lines)


def _break_word(word: str, style: TextStyle, width: float) -> list[str]:
    """``word`` cut into pieces no wider than ``width`` (one character at least each)."""
    pieces: list[str] = []
    rest = word
    while rest and style.metrics.horizontalAdvance(rest) > width:
        low, high = 1, len(rest)
        while low < high:  # the longest prefix that fits
            middle = (low + high + 1) // 2
            if style.metrics.horizontalAdvance(rest[:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        while low > 1 and unicodedata.combining(rest[low]):
            low -= 1  # never part a letter from its accent
        pieces.append(rest[:low])
        rest = rest[low:]
    if rest:
        pieces.append(rest)
    return pieces
