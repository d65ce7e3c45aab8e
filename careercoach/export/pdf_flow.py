"""The PDF's building blocks in document order: headings, paragraphs, facts, lists, charts."""

from __future__ import annotations

from collections.abc import Sequence

from careercoach.export.charts import RadarChart
from careercoach.export.pdf_layout import Block, CellsBlock, ChartBlock, Decor, text_cell
from careercoach.export.pdf_table import Column, Para, Table
from careercoach.export.pdf_text import PdfStyles, TextStyle, natural_width
from careercoach.export.summary_sections import Fact

# Vertical rhythm, in millimetres.
SECTION_GAP = 7.0
AFTER_HEADING = 2.2
PARAGRAPH_GAP = 1.6
FACT_GAP = 0.9
ITEM_GAP = 1.8
# A fact's label column takes at most this share of the width.
MAX_LABEL_SHARE = 0.3


class Flow:
    """Collects the blocks of a document ``width`` wide on pages ``height`` tall."""

    def __init__(self, styles: PdfStyles, width: float, height: float) -> None:
        self.styles = styles
        self.width = width
        self.height = height
        self.blocks: list[Block] = []
        self._after_heading = False

    def mm(self, millimetres: float) -> float:
        """``millimetres`` in device pixels."""
        return self.styles.units.mm(millimetres)

    def _space(self, gap: float) -> float:
        """``gap`` mm, or the smaller gap under a heading for the first block after it."""
        space = self.mm(AFTER_HEADING if self._after_heading else gap)
        self._after_heading = False
        return space

    def add(self, block: Block) -> None:
        """Append a block made elsewhere."""
        self.blocks.append(block)
        self._after_heading = False

    def heading(self, text: str) -> None:
        """A section heading with a light rule under it, kept with what follows."""
        styles = self.styles
        block = CellsBlock(
            (text_cell(0.0, self.width, [(text, styles.heading)]),),
            self.width,
            pad_bottom=self.mm(1.2),
            decor=Decor(rule_below=styles.rule, rule_width=styles.units.pt(0.75)),
            space_before=self.mm(SECTION_GAP) if self.blocks else 0.0,
            keep_with_next=True,
        )
        self.blocks.append(block)
        self._after_heading = True

    def paragraph(
        self, text: str, style: TextStyle | None = None, *, keep_with_next: bool = False
    ) -> None:
        """A paragraph of plain text."""
        style = style or self.styles.body
        cell = text_cell(0.0, self.width, [(text, style)])
        space = self._space(PARAGRAPH_GAP)
        self.blocks.append(
            CellsBlock((cell,), self.width, space_before=space, keep_with_next=keep_with_next)
        )

    def notice(self, text: str) -> None:
        """A boxed note on a light fill (the redaction notice)."""
        styles = self.styles
        inset = self.mm(2.5)
        cell = text_cell(inset, self.width - 2 * inset, [(text, styles.notice)])
        pad = self.mm(1.8)
        decor = Decor(fill=styles.fill, bar=styles.accent, bar_width=styles.units.pt(2.0))
        space = self._space(PARAGRAPH_GAP + 1.0)
        self.blocks.append(CellsBlock((cell,), self.width, pad, pad, decor, space_before=space))

    def facts(self, facts: Sequence[Fact], strong: str = "") -> None:
        """Label and value pairs, the labels in one column; the value of ``strong`` in bold."""
        styles = self.styles
        gap = self.mm(3.0)
        label_width = min(
            max((natural_width(f.label, styles.label) for f in facts), default=0.0) + 1.0,
            self.width * MAX_LABEL_SHARE,
        )
        for fact in facts:
            value_style = styles.body_bold if fact.label == strong else styles.body
            cells = (
                text_cell(0.0, label_width, [(fact.label, styles.label)]),
                text_cell(
                    label_width + gap, self.width - label_width - gap, [(fact.value, value_style)]
                ),
            )
            self.blocks.append(CellsBlock(cells, self.width, space_before=self._space(FACT_GAP)))

    def items(self, entries: Sequence[Sequence[Para]], *, numbered: bool) -> None:
        """A bulleted or numbered list; each entry is one or more paragraphs."""
        styles = self.styles
        marks = [f"{n}." if numbered else "•" for n in range(1, len(entries) + 1)]
        mark_width = max((styles.body.width(m) for m in marks), default=0.0) + self.mm(2.0)
        for mark, paragraphs in zip(marks, entries, strict=True):
            cells = (
                text_cell(
                    0.0, mark_width, [(mark, styles.body)], align="right" if numbered else "left"
                ),
                text_cell(
                    mark_width + self.mm(1.5),
                    self.width - mark_width - self.mm(1.5),
                    paragraphs,
                    gap=styles.units.pt(1.5),
                ),
            )
            self.blocks.append(CellsBlock(cells, self.width, space_before=self._space(ITEM_GAP)))

    def chart(self, chart: RadarChart, box_width_mm: float, box_height_mm: float) -> None:
        """A chart in a fixed box centred across the width (made smaller on small paper)."""
        box_width = min(self.mm(box_width_mm), self.width)
        box_height = min(self.mm(box_height_mm), self.height * 0.8)
        self.blocks.append(
            ChartBlock(
                chart,
                self.styles.chart_font,
                self.width,
                box_width,
                box_height,
                space_before=self._space(PARAGRAPH_GAP + 1.0),
            )
        )

    def table(
        self, columns: Sequence[Column], rows: Sequence[Sequence[Sequence[Para]]], caption: str
    ) -> Table:
        """A table measured from ``rows``; add its header with ``table_header`` and rows after."""
        return Table(columns, rows, self.styles, self.width, caption)

    def table_header(self, table: Table) -> None:
        """The table's header row, kept with the first row."""
        self.blocks.append(table.header(self._space(PARAGRAPH_GAP + 0.6)))
