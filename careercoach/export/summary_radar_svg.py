"""Draws the 1:1 summary's radar (ratings against the target) as inline SVG markup.

The geometry follows the on-screen radar: axes clockwise from the top, one ring per
level with the most junior ring off the centre, the target dashed over the filled
ratings. Text is real ``<text>`` (escaped), so it can be selected and searched.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from html import escape

from careercoach.domain.summary_report import RadarData

MIN_AXES = 3
RADIUS = 150.0
LABEL_GAP = 12.0
FONT_SIZE = 12.0
LINE_HEIGHT = 14.0
WRAP_CHARS = 22
# A generous average glyph width for a sans-serif font, in ems: the drawing's box is
# sized from it, so labels stay inside whatever font the viewer picks.
CHAR_WIDTH_EM = 0.6
MARGIN = 8.0
LEGEND_ROW = 20.0

CURRENT_COLOUR = "#0072b2"
TARGET_COLOUR = "#d55e00"
GRID_COLOUR = "#c9ced6"
TEXT_COLOUR = "#24292f"
MUTED_COLOUR = "#6e7781"


def can_draw(radar: RadarData | None) -> bool:
    """True when ``radar`` has enough axes and levels to draw a polygon."""
    return radar is not None and len(radar.axes) >= MIN_AXES and bool(radar.levels)


def radar_svg(radar: RadarData, title: str) -> str:
    """``radar`` as an ``<svg>`` element; ``title`` is its accessible name.

    Raises:
        ValueError: the radar cannot be drawn (see ``can_draw``).
    """
    if not can_draw(radar):
        raise ValueError("a radar needs at least three axes and one level")
    count = len(radar.axes)
    levels = len(radar.levels)
    angles = [-math.pi / 2 + 2 * math.pi * i / count for i in range(count)]

    def point(axis: int, position: float) -> tuple[float, float]:
        clamped = min(max(position, 0.0), levels - 1)
        radius = RADIUS * (clamped + 1.0) / levels
        return radius * math.cos(angles[axis]), radius * math.sin(angles[axis])

    parts: list[str] = []
    boxes: list[tuple[float, float, float, float]] = [(-RADIUS, -RADIUS, RADIUS, RADIUS)]
    parts.append(f'<g fill="none" stroke="{GRID_COLOUR}" stroke-width="1">')
    for ring in range(levels):
        radius = RADIUS * (ring + 1) / levels
        parts.append(f'<circle cx="0" cy="0" r="{_n(radius)}"/>')
    for axis in range(count):
        x, y = point(axis, levels - 1)
        parts.append(f'<line x1="0" y1="0" x2="{_n(x)}" y2="{_n(y)}"/>')
    parts.append("</g>")
    parts.extend(_ring_numbers(count, levels))
    parts.extend(_series(radar.current, point, current=True))
    parts.extend(_series(radar.target, point, current=False))
    for axis, name in enumerate(radar.axes):
        markup, box = _axis_label(name, angles[axis])
        parts.append(markup)
        boxes.append(box)
    left = min(box[0] for box in boxes) - MARGIN
    top = min(box[1] for box in boxes) - MARGIN
    right = max(box[2] for box in boxes) + MARGIN
    bottom = max(box[3] for box in boxes) + MARGIN
    legend_width = _legend_width(radar)
    legend_left = -legend_width / 2
    parts.extend(_legend(radar, legend_left, bottom + LEGEND_ROW / 2))
    left = min(left, legend_left - MARGIN)
    right = max(right, legend_left + legend_width + MARGIN)
    bottom += 2 * LEGEND_ROW + MARGIN
    width, height = right - left, bottom - top
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar" role="img" '
        f'aria-labelledby="radar-title" viewBox="{_n(left)} {_n(top)} {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" font-size="{_n(FONT_SIZE)}">'
        f'<title id="radar-title">{escape(title, quote=True)}</title>' + "".join(parts) + "</svg>"
    )


def _n(value: float) -> str:
    """A coordinate with one decimal, never "-0.0", so the markup is byte-for-byte stable."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _ring_numbers(count: int, levels: int) -> list[str]:
    """The ring numbers (1 = most junior) on the bisector left of the top spoke.

    A white halo keeps a number readable where a rating's line passes under it.
    """
    angle = -math.pi / 2 - math.pi / count
    parts = [
        f'<g fill="{MUTED_COLOUR}" font-size="9" text-anchor="middle" stroke="#ffffff" '
        'stroke-width="3" paint-order="stroke">'
    ]
    for ring in range(levels):
        radius = RADIUS * (ring + 1) / levels
        x, y = radius * math.cos(angle), radius * math.sin(angle) + 3
        parts.append(f'<text x="{_n(x)}" y="{_n(y)}">{ring + 1}</text>')
    parts.append("</g>")
    return parts


def _series(
    values: Sequence[float | None],
    point: Callable[[int, float], tuple[float, float]],
    *,
    current: bool,
) -> list[str]:
    """A polygon when every axis is rated; otherwise the unbroken runs as lines."""
    colour = CURRENT_COLOUR if current else TARGET_COLOUR
    points = [None if v is None else point(axis, v) for axis, v in enumerate(values)]
    rated = [p for p in points if p is not None]
    if not rated:
        return []
    stroke = (
        f'stroke="{colour}" stroke-width="2"'
        if current
        else f'stroke="{colour}" stroke-width="2" stroke-dasharray="6 4"'
    )
    parts = []
    if len(rated) == len(points):
        fill = f'fill="{colour}" fill-opacity="0.18"' if current else 'fill="none"'
        parts.append(f'<polygon points="{_points(rated)}" {fill} {stroke}/>')
    else:
        for run in _runs(points):
            if len(run) > 1:
                parts.append(f'<polyline points="{_points(run)}" fill="none" {stroke}/>')
    if current:
        parts.append(f'<g fill="{colour}" stroke="#ffffff" stroke-width="1">')
        parts.extend(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.5"/>' for x, y in rated)
        parts.append("</g>")
    return parts


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _runs(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """The unbroken stretches of rated axes, going round the chart (a gap breaks a line)."""
    count = len(points)
    start = next(index for index, p in enumerate(points) if p is None)
    runs: list[list[tuple[float, float]]] = [[]]
    for offset in range(1, count + 1):
        p = points[(start + offset) % count]
        if p is None:
            runs.append([])
        else:
            runs[-1].append(p)
    return [run for run in runs if run]


def _axis_label(name: str, angle: float) -> tuple[str, tuple[float, float, float, float]]:
    """An axis name outside the outer ring, wrapped; its markup and estimated box."""
    lines = textwrap.wrap(" ".join(name.split()), WRAP_CHARS, break_long_words=False) or [""]
    cos, sin = math.cos(angle), math.sin(angle)
    x = (RADIUS + LABEL_GAP) * cos
    y = (RADIUS + LABEL_GAP) * sin
    width = max(len(line) for line in lines) * FONT_SIZE * CHAR_WIDTH_EM
    height = len(lines) * LINE_HEIGHT
    if cos > 0.2:
        anchor, left = "start", x
    elif cos < -0.2:
        anchor, left = "end", x - width
    else:
        anchor, left = "middle", x - width / 2
    if sin < -0.2:
        top = y - height
    elif sin > 0.2:
        top = y
    else:
        top = y - height / 2
    baseline = top + FONT_SIZE * 0.85
    spans = "".join(
        f'<tspan x="{_n(x)}" y="{_n(baseline + i * LINE_HEIGHT)}">{escape(line, quote=True)}'
        "</tspan>"
        for i, line in enumerate(lines)
    )
    markup = f'<text fill="{TEXT_COLOUR}" text-anchor="{anchor}">{spans}</text>'
    return markup, (left, top, left + width, top + height)


def _legend_entries(radar: RadarData) -> tuple[tuple[str, bool], ...]:
    """(name, is the current series) for the legend's two rows."""
    return (
        (radar.current_name or "Self-assessment", True),
        (radar.target_name or "Target", False),
    )


def _legend_width(radar: RadarData) -> float:
    """The estimated width of the legend: a swatch, a gap and the longest name."""
    longest = max(len(name) for name, _ in _legend_entries(radar))
    return 30 + longest * FONT_SIZE * CHAR_WIDTH_EM


def _legend(radar: RadarData, x: float, y: float) -> list[str]:
    """The legend's rows from (x, y): a filled swatch for the ratings, a dashed target."""
    parts = []
    for row, (name, current) in enumerate(_legend_entries(radar)):
        top = y + row * LEGEND_ROW
        if current:
            parts.append(
                f'<rect x="{_n(x)}" y="{_n(top - 6)}" width="22.0" height="12.0" '
                f'fill="{CURRENT_COLOUR}" fill-opacity="0.18" stroke="{CURRENT_COLOUR}" '
                'stroke-width="2"/>'
            )
        else:
            parts.append(
                f'<line x1="{_n(x)}" y1="{_n(top)}" x2="{_n(x + 22)}" y2="{_n(top)}" '
                f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
            )
        parts.append(
            f'<text x="{_n(x + 30)}" y="{_n(top + 4)}" fill="{TEXT_COLOUR}">'
            f"{escape(name, quote=True)}</text>"
        )
    return parts
