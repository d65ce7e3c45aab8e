"""Tables in the PDF: column widths from their content, header and body rows as blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from careercoach.export.pdf_layout import (
    Align,
    Block,
    Cell,
    CellsBlock,
    Decor,
    StackBlock,
    text_cell,
)
from careercoach.export.pdf_text import PdfStyles, TextStyle, longest_word, natural_width

Para = tuple[str, TextStyle]
CellContent = Sequence[Para]

# A single word may claim at most this share of the table before it is broken.
MAX_WORD_SHARE = 0.4


@dataclass(frozen=True)
class Column:
    """A table column: its title, alignment and appetite for width.

    ``flex`` 0 keeps the column on one line when there is any way to; columns with a
    larger ``flex`` wrap instead and share the width left over in proportion to it.
    """

    title: str
    align: Align = "left"
    flex: float = 0.0


def _share(spare: float, wants: Sequence[float], weights: Sequence[float]) -> list[float]:
    """``spare`` shared by weight, nobody getting more than they want, leftovers passed on."""
    given = [0.0] * len(wants)
    open_ = [i for i, (want, weight) in enumerate(zip(wants, weights, strict=True)) if want > 0]
    open_ = [i for i in open_ if weights[i] > 0] or open_
    while spare > 1e-9 and open_:
        total = sum(weights[i] for i in open_)
        portions = {i: spare * (weights[i] / total if total else 1.0 / len(open_)) for i in open_}
        capped = [i for i in open_ if given[i] + portions[i] >= wants[i]]
        if not capped:
            for i in open_:
                given[i] += portions[i]
            break
        for i in capped:
            spare -= wants[i] - given[i]
            given[i] = wants[i]
            open_.remove(i)
    return given


def column_widths(
    minimums: Sequence[float], naturals: Sequence[float], flex: Sequence[float], available: float
) -> list[float]:
    """Widths that add up to ``available``, decided by what the columns hold.

    Every column gets its widest word when they all fit, so no word is broken. When the
    columns cannot all stay on one line, the ``flex`` 0 columns keep theirs if they can
    and the flexible ones wrap, sharing what is left by ``flex``. When everything fits
    unwrapped, the flexible columns take the spare width.
    """
    mins = list(minimums)
    nats = [max(n, m) for n, m in zip(naturals, mins, strict=True)]
    if sum(mins) > available:
        scale = available / sum(mins)
        return [m * scale for m in mins]
    weights = [f if f > 0 else 0.0 for f in flex]
    if sum(nats) <= available:
        spare = available - sum(nats)
        takers = weights if any(weights) else [1.0] * len(nats)
        total = sum(t * n for t, n in zip(takers, nats, strict=True)) or 1.0
        return [n + spare * t * n / total for t, n in zip(takers, nats, strict=True)]
    base = [n if w == 0 else m for n, m, w in zip(nats, mins, weights, strict=True)]
    if any(weights) and sum(base) <= available:
        wants = [n - b for n, b in zip(nats, base, strict=True)]
        extra = _share(available - sum(base), wants, weights)
        return [b + e for b, e in zip(base, extra, strict=True)]
    wants = [n - m for n, m in zip(nats, mins, strict=True)]
    extra = _share(available - sum(mins), wants, [1.0] * len(mins))
    return [m + e for m, e in zip(mins, extra, strict=True)]


class Table:
    """A table measured at ``width``: makes its header row and its body rows as blocks."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[CellContent]],
        styles: PdfStyles,
        width: float,
        caption: str,
    ) -> None:
        self.columns = tuple(columns)
        self.styles = styles
        self.width = width
        self.caption = caption
        self.gap = styles.units.mm(3.0)
        self.pad = styles.units.mm(1.3)
        available = width - self.gap * (len(columns) - 1)
        cap = available * MAX_WORD_SHARE
        head = styles.column_head
        mins = [min(longest_word(c.title, head), cap) for c in columns]
        nats = [natural_width(c.title, head) for c in columns]
        for row in rows:
            for index, content in enumerate(row):
                for text, style in content:
                    mins[index] = max(mins[index], min(longest_word(text, style), cap))
                    nats[index] = max(nats[index], natural_width(text, style))
        self.widths = column_widths(mins, nats, [c.flex for c in columns], available)
        self.lefts: list[float] = []
        left = 0.0
        for column_width in self.widths:
            self.lefts.append(left)
            left += column_width + self.gap
        self._header = self._head_row()
        self._continued: Block = StackBlock(
            (
                CellsBlock(
                    (text_cell(0.0, width, [(f"{caption} (continued)", styles.meta)]),),
                    width,
                    pad_bottom=styles.units.mm(1.0),
                ),
                self._header,
            )
        )

    def _head_row(self) -> CellsBlock:
        styles = self.styles
        cells = tuple(
            text_cell(left, column_width, [(column.title, styles.column_head)], align=column.align)
            for column, left, column_width in zip(
                self.columns, self.lefts, self.widths, strict=True
            )
        )
        decor = Decor(
            fill=styles.fill, rule_below=styles.strong_rule, rule_width=styles.units.pt(0.6)
        )
        return CellsBlock(cells, self.width, self.pad, self.pad, decor, keep_with_next=True)

    def header(self, space_before: float = 0.0) -> CellsBlock:
        """The header row, kept with the first row after it."""
        return replace(self._header, space_before=space_before)

    def row(
        self,
        content: Sequence[CellContent],
        *,
        below: CellContent = (),
        rule: bool = True,
        keep_with_next: bool = False,
        group: Block | None = None,
    ) -> CellsBlock:
        """A body row; the header is repeated above it when it starts a page.

        ``below`` goes under the row's cells, from the second column to the right edge;
        ``group`` (a group's title) is repeated under the header with it.
        """
        styles = self.styles
        gap = styles.units.pt(1.0)
        cells = [
            text_cell(left, column_width, paras, align=column.align, gap=gap)
            for column, left, column_width, paras in zip(
                self.columns, self.lefts, self.widths, content, strict=True
            )
        ]
        if below:
            left, width = self.span(1)
            extra = text_cell(left, width, below, gap=gap)
            shift = max(cell.height for cell in cells) + gap
            moved = tuple(replace(line, top=line.top + shift) for line in extra.lines)
            cells.append(replace(extra, lines=moved))
        decor = Decor(rule_below=styles.rule if rule else None, rule_width=styles.units.pt(0.5))
        return CellsBlock(
            tuple(cells),
            self.width,
            self.pad,
            self.pad,
            decor,
            keep_with_next=keep_with_next,
            continued=self._continued if group is None else StackBlock((self._continued, group)),
        )

    def span_row(
        self,
        cells: Sequence[Cell],
        *,
        rule: bool = True,
        keep_with_next: bool = False,
        decor: Decor | None = None,
    ) -> CellsBlock:
        """A row of free-standing cells (a group title, a quote) that belongs to the table."""
        styles = self.styles
        rule_colour = styles.rule if rule else None
        decor = replace(decor or Decor(), rule_below=rule_colour, rule_width=styles.units.pt(0.5))
        return CellsBlock(
            tuple(cells),
            self.width,
            self.pad,
            self.pad,
            decor,
            keep_with_next=keep_with_next,
            continued=self._continued,
        )

    def span(self, first_column: int) -> tuple[float, float]:
        """The left edge and width from ``first_column`` to the table's right edge."""
        left = self.lefts[first_column]
        return left, self.width - left
