"""The PDF's layout engine: measured blocks placed top to bottom and paginated.

A block is measured once, at the content width. Pagination moves a block that does not fit
whole to the next page, keeps a block marked ``keep_with_next`` (a heading, a table's
header row) on the page of the block after it, repeats a table's header on the pages it
continues on, and splits a block by lines only when it is taller than a whole page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal, Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from careercoach.export.charts import ChartPalette, RadarChart, paint_radar
from careercoach.export.pdf_text import TextStyle, wrap

Align = Literal["left", "right", "center"]
MIN_SPLIT_LINES = 2


class Block(Protocol):
    """Something measured that pagination places and painting draws."""

    @property
    def height(self) -> float:
        """The height it takes, without the space before it."""

    @property
    def space_before(self) -> float:
        """Room left above it, dropped at the top of a page."""

    @property
    def keep_with_next(self) -> bool:
        """True to stay on the page of the block after it."""

    @property
    def continued(self) -> Block | None:
        """What goes above it when it starts a page (a table's header row), if anything."""

    def min_height(self) -> float:
        """The height of the smallest first part a split could leave (``height`` if none)."""

    def split(self, room: float) -> tuple[Block, Block] | None:
        """A first part no taller than ``room`` and the rest; None when it cannot split."""

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        """Draw it with its top-left corner at (``left``, ``top``)."""


@dataclass(frozen=True)
class Line:
    """One line of text, ``top`` below the top of its cell."""

    text: str
    style: TextStyle
    top: float

    @property
    def bottom(self) -> float:
        return self.top + self.style.leading


@dataclass(frozen=True)
class Cell:
    """Lines of text in a column ``left`` from the block's left edge and ``width`` wide."""

    left: float
    width: float
    lines: tuple[Line, ...]
    align: Align = "left"

    @cached_property
    def height(self) -> float:
        return max((line.bottom for line in self.lines), default=0.0)


def text_cell(
    left: float,
    width: float,
    paragraphs: Sequence[tuple[str, TextStyle]],
    *,
    align: Align = "left",
    gap: float = 0.0,
) -> Cell:
    """A cell of ``paragraphs`` (text and style) wrapped to ``width``, ``gap`` apart."""
    lines: list[Line] = []
    top = 0.0
    for text, style in paragraphs:
        wrapped = wrap(text, style, width)
        if not wrapped:
            continue
        if lines:
            top += gap
        for line in wrapped:
            lines.append(Line(line, style, top))
            top += style.leading
    return Cell(left, width, tuple(lines), align)


@dataclass(frozen=True)
class Decor:
    """What a block draws besides its text: a fill, a rule below, a bar at its left."""

    fill: QColor | None = None
    rule_below: QColor | None = None
    rule_width: float = 0.0
    bar: QColor | None = None
    bar_width: float = 0.0
    bar_left: float = 0.0


@dataclass(frozen=True)
class CellsBlock:
    """Cells side by side: a paragraph is one cell, a table row one cell per column."""

    cells: tuple[Cell, ...]
    width: float
    pad_top: float = 0.0
    pad_bottom: float = 0.0
    decor: Decor = Decor()
    space_before: float = 0.0
    keep_with_next: bool = False
    continued: Block | None = None

    @cached_property
    def height(self) -> float:
        tallest = max((cell.height for cell in self.cells), default=0.0)
        return self.pad_top + tallest + self.pad_bottom

    def min_height(self) -> float:
        firsts = [cell.lines[:MIN_SPLIT_LINES][-1].bottom for cell in self.cells if cell.lines]
        return self.pad_top + max(firsts, default=0.0) + self.pad_bottom

    def split(self, room: float) -> tuple[Block, Block] | None:
        cut = room - self.pad_top - self.pad_bottom
        first: list[Cell] = []
        rest: list[Cell] = []
        for cell in self.cells:
            kept = tuple(line for line in cell.lines if line.bottom <= cut)
            moved = cell.lines[len(kept) :]
            shift = moved[0].top if moved else 0.0
            first.append(replace(cell, lines=kept))
            rest.append(
                replace(cell, lines=tuple(replace(ln, top=ln.top - shift) for ln in moved))
            )
        if not any(cell.lines for cell in first) or not any(cell.lines for cell in rest):
            return None
        head = replace(self, cells=tuple(first), decor=replace(self.decor, rule_below=None))
        tail = replace(self, cells=tuple(rest), space_before=0.0)
        return head, tail

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        decor = self.decor
        if decor.fill is not None:
            painter.fillRect(QRectF(left, top, self.width, self.height), decor.fill)
        if decor.bar is not None:
            bar = QRectF(left + decor.bar_left, top, decor.bar_width, self.height)
            painter.fillRect(bar, decor.bar)
        if decor.rule_below is not None:
            pen = QPen(decor.rule_below, decor.rule_width)
            painter.setPen(pen)
            bottom = top + self.height - decor.rule_width / 2
            painter.drawLine(QLineF(left, bottom, left + self.width, bottom))
        for cell in self.cells:
            x = left + cell.left
            for line in cell.lines:
                style = line.style
                if cell.align == "left":
                    start = x
                else:
                    spare = cell.width - style.width(line.text)
                    start = x + (spare if cell.align == "right" else spare / 2)
                painter.setFont(style.font)
                painter.setPen(style.color)
                baseline = top + self.pad_top + line.top + style.ascent
                painter.drawText(QPointF(start, baseline), line.text)


@dataclass(frozen=True)
class ChartBlock:
    """A radar chart in a fixed box, centred in the content width; never split."""

    chart: RadarChart
    font: QFont
    width: float
    box_width: float
    box_height: float
    space_before: float = 0.0
    keep_with_next: bool = False
    continued: Block | None = None

    @property
    def height(self) -> float:
        return self.box_height

    def min_height(self) -> float:
        return self.box_height

    def split(self, room: float) -> tuple[Block, Block] | None:
        return None

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        painter.save()
        painter.setFont(self.font)
        box = QRectF(
            left + (self.width - self.box_width) / 2, top, self.box_width, self.box_height
        )
        paint_radar(painter, box, self.chart, ChartPalette.light())
        painter.restore()


@dataclass(frozen=True)
class Placed:
    """A block on a page, ``top`` below the top of the content area."""

    block: Block
    top: float


def _chain_height(block: Block, following: Sequence[Block], page_height: float) -> float:
    """The height of ``block`` and the blocks it keeps with (the last only its first part)."""
    total = block.height
    current = block
    for after in following:
        if not current.keep_with_next:
            break
        oversize = after.height > page_height
        total += after.space_before + (after.min_height() if oversize else after.height)
        current = after
    return total


def paginate(blocks: Sequence[Block], page_height: float) -> list[list[Placed]]:
    """``blocks`` placed on pages ``page_height`` tall; always at least one page."""
    pages: list[list[Placed]] = [[]]
    queue = list(reversed(blocks))  # the next block is last
    top = 0.0
    fresh = True  # nothing but a repeated header on this page yet

    def place(block: Block, at: float) -> None:
        nonlocal top
        pages[-1].append(Placed(block, at))
        top = at + block.height

    def new_page() -> None:
        nonlocal top, fresh
        pages.append([])
        top, fresh = 0.0, True

    while queue:
        block = queue.pop()
        if not pages[-1] and block.continued is not None:
            place(block.continued, 0.0)
        gap = 0.0 if not pages[-1] else block.space_before
        room = page_height - top - gap
        header = block.continued.height if block.continued is not None else 0.0
        fresh_room = page_height - header
        need = _chain_height(block, queue[::-1], page_height)
        if block.height <= room and (need <= room or need > fresh_room or fresh):
            place(block, top + gap)
            fresh = False
            continue
        too_tall = block.height > fresh_room
        if fresh or (too_tall and room >= block.min_height()):
            parts = block.split(room)
            if parts is None:
                if fresh:  # nothing smaller exists: let it run over rather than lose it
                    place(block, top + gap)
                    fresh = False
                    continue
            else:
                place(parts[0], top + gap)
                queue.append(parts[1])
                new_page()
                continue
        queue.append(block)
        new_page()
    return pages


@dataclass(frozen=True)
class StackBlock:
    """Blocks drawn one below the other as one (a caption over a repeated header row)."""

    parts: tuple[Block, ...]
    space_before: float = 0.0
    keep_with_next: bool = False
    continued: Block | None = None

    @property
    def height(self) -> float:
        return sum(part.height for part in self.parts)

    def min_height(self) -> float:
        return self.height

    def split(self, room: float) -> tuple[Block, Block] | None:
        return None

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        for part in self.parts:
            part.paint(painter, left, top)
            top += part.height
