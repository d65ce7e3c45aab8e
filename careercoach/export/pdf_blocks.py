"""Turns the 1:1 summary into the PDF's blocks, section by section, in the shared order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from careercoach.domain.summary_report import Highlight, RadarData, SummaryReport
from careercoach.export.charts import RadarChart, RadarSeries
from careercoach.export.pdf_flow import Flow
from careercoach.export.pdf_layout import Block, CellsBlock, Decor, text_cell
from careercoach.export.pdf_table import Column, Para, Table
from careercoach.export.pdf_text import natural_width
from careercoach.export.summary_radar_svg import can_draw
from careercoach.export.summary_sections import (
    EVIDENCE_COLUMNS,
    KIND_COLUMNS,
    NO_EVIDENCE,
    NO_VALUE,
    OVERVIEW_COLUMNS,
    PROTOTYPE_COLUMNS,
    REDACTION_NOTE,
    REPORT_TITLE,
    SECTION_ORDER,
    Fact,
    Section,
    competency_status,
    empty_text,
    format_date,
    format_hours,
    format_people,
    header_facts,
    highlight_kind,
    is_empty,
    period_text,
    section_title,
    standing_facts,
)

RADAR_BOX_MM = (140.0, 88.0)
KIND_TABLE_MM = 95.0
# A table no taller than this is kept on one page rather than continued on the next.
KEEP_TABLE_MM = 70.0
HIGHLIGHT_COLUMNS = ("Date", "Contribution", "For / project", "Difficulty", "Evidence")
NOT_RATED = "Not rated"
KIND_CAPTION = "Helping-others entries by kind"


def summary_blocks(report: SummaryReport, flow: Flow) -> list[Block]:
    """The blocks of ``report``: the header band, then every section in the shared order."""
    _header(flow, report)
    for section in SECTION_ORDER:
        flow.heading(section_title(section))
        if is_empty(report, section):
            flow.paragraph(empty_text(section), flow.styles.label)
        else:
            _SECTIONS[section](flow, report)
    return flow.blocks


def _header(flow: Flow, report: SummaryReport) -> None:
    """Title and name, the facts in two columns, an accent rule, the redaction notice."""
    styles = flow.styles
    name = report.header.name.strip()
    title: list[Para] = [(REPORT_TITLE, styles.kicker), (name, styles.title)]
    flow.add(
        CellsBlock(
            (text_cell(0.0, flow.width, title if name else [(REPORT_TITLE, styles.title)]),),
            flow.width,
            pad_bottom=flow.mm(2.0),
        )
    )
    facts = header_facts(report)
    half = (len(facts) + 1) // 2
    columns = (facts[:half], facts[half:])
    gap = flow.mm(3.0)
    column_width = (flow.width - flow.mm(8.0)) / 2
    label_width = max((natural_width(f.label, styles.label) for f in facts), default=0.0) + 1.0
    rows = max(len(column) for column in columns)
    for row in range(rows):
        cells = []
        for number, column in enumerate(columns):
            if row < len(column):
                left = number * (column_width + flow.mm(8.0))
                fact = column[row]
                cells.append(text_cell(left, label_width, [(fact.label, styles.label)]))
                value_width = column_width - label_width - gap
                cells.append(
                    text_cell(left + label_width + gap, value_width, [(fact.value, styles.body)])
                )
        last = row == rows - 1
        decor = (
            Decor(rule_below=styles.accent, rule_width=styles.units.pt(1.2)) if last else Decor()
        )
        flow.add(
            CellsBlock(
                tuple(cells),
                flow.width,
                pad_bottom=flow.mm(3.0) if last else 0.0,
                decor=decor,
                space_before=flow.mm(0.8),
            )
        )
    if report.redacted:
        flow.notice(REDACTION_NOTE)


def _standing(flow: Flow, report: SummaryReport) -> None:
    facts = standing_facts(report.standing)
    flow.facts(facts, strong=facts[0].label if facts else "")


def _radar_chart(radar: RadarData) -> RadarChart:
    series = [RadarSeries(radar.target_name, radar.target, "target")]
    series.append(RadarSeries(radar.current_name, radar.current, "current"))
    return RadarChart(axes=radar.axes, levels=radar.levels, series=tuple(series))


def _overview(flow: Flow, report: SummaryReport) -> None:
    styles = flow.styles
    if can_draw(report.radar) and report.radar is not None:  # fewer than 3 axes: table only
        flow.chart(_radar_chart(report.radar), *RADAR_BOX_MM)
    if not report.competencies:
        return
    columns = [Column(OVERVIEW_COLUMNS[0], flex=1.0), *map(Column, OVERVIEW_COLUMNS[1:])]
    rows = [
        [
            [(line.name, styles.cell_bold), (line.category, styles.cell_muted)],
            [(line.rating, styles.cell)],
            [(line.target, styles.cell)],
            [(line.strength, styles.cell)],
            [(competency_status(line), styles.cell_warn if line.below_target else styles.cell)],
        ]
        for line in report.competencies
    ]
    _add_table(flow, flow.table(columns, rows, section_title(Section.OVERVIEW)), rows)


def _add_table(flow: Flow, table: Table, rows: list[list[list[Para]]]) -> None:
    """The header and the rows; a short table is kept on one page."""
    flow.table_header(table)
    blocks = [table.row(row) for row in rows]
    short = sum(block.height for block in blocks) <= flow.mm(KEEP_TABLE_MM)
    for number, block in enumerate(blocks, start=1):
        flow.add(replace(block, keep_with_next=short and number < len(blocks)))


def _competencies(flow: Flow, report: SummaryReport) -> None:
    """One table of evidence, grouped under a title row for each competency."""
    styles = flow.styles
    columns = [
        Column(EVIDENCE_COLUMNS[0]),
        Column(EVIDENCE_COLUMNS[1], flex=1.0),
        Column(EVIDENCE_COLUMNS[2], flex=0.3),
        Column(EVIDENCE_COLUMNS[3]),
    ]
    evidence = [
        [
            [
                [(format_date(item.date), styles.cell)],
                [(item.title, styles.cell)],
                [(item.kind, styles.cell)],
                [(item.strength, styles.cell)],
            ]
            for item in line.evidence
        ]
        for line in report.competencies
    ]
    table = flow.table(columns, [row for rows in evidence for row in rows], "Competencies")
    flow.table_header(table)
    status_width = max(
        natural_width(competency_status(line), styles.cell_warn) for line in report.competencies
    )
    for line, rows in zip(report.competencies, evidence, strict=True):
        detail = " · ".join(
            part
            for part in (
                line.category,
                f"Rating: {line.rating}",
                f"Target: {line.target}",
                f"Evidence strength: {line.strength}",
            )
            if part.strip()
        )
        status_style = styles.cell_warn if line.below_target else styles.cell_muted
        text_width = table.width - status_width - table.gap
        title = text_cell(
            0.0, text_width, [(line.name, styles.cell_bold), (detail, styles.cell_muted)]
        )
        status = text_cell(
            text_width + table.gap,
            status_width,
            [(competency_status(line), status_style)],
            align="right",
        )
        flow.add(table.span_row((title, status), rule=False, keep_with_next=True))
        if not rows:
            left, width = table.span(1)
            note = text_cell(left, width, [(NO_EVIDENCE, styles.cell_muted)])
            flow.add(table.span_row((note,)))
        again = text_cell(0.0, table.width, [(f"{line.name} (continued)", styles.cell_bold)])
        group = CellsBlock((again,), table.width, table.pad, 0.0)
        for number, row in enumerate(rows, start=1):
            flow.add(table.row(row, rule=number == len(rows), group=group))


def _highlights(flow: Flow, report: SummaryReport) -> None:
    """A row per contribution: kind and rubric beneath its title, then its quote."""
    styles = flow.styles
    count = len(report.highlights)
    noun = "contribution" if count == 1 else "contributions"
    flow.paragraph(
        f"{count} {noun} {period_text(report.header.period)}, newest first.", keep_with_next=True
    )
    columns = [
        Column(HIGHLIGHT_COLUMNS[0]),
        Column(HIGHLIGHT_COLUMNS[1], flex=3.0),
        Column(HIGHLIGHT_COLUMNS[2], flex=1.0),
        Column(HIGHLIGHT_COLUMNS[3]),
        Column(HIGHLIGHT_COLUMNS[4]),
    ]
    rows = [_highlight_row(flow, highlight) for highlight in report.highlights]
    table = flow.table(columns, rows, section_title(Section.HIGHLIGHTS))
    flow.table_header(table)
    left, width = table.span(1)
    bar = styles.units.pt(1.5)
    inset = bar + flow.mm(2.0)
    for highlight, row in zip(report.highlights, rows, strict=True):
        details = " · ".join(
            part for part in (highlight_kind(highlight), highlight.rubric) if part
        )
        flow.add(
            table.row(
                row,
                below=[(details, styles.cell_muted)],
                rule=not highlight.quote,
                keep_with_next=bool(highlight.quote),
            )
        )
        if highlight.quote:
            quote = text_cell(
                left + inset, width - inset, [(f"“{highlight.quote}”", styles.quote)]
            )
            decor = Decor(bar=styles.rule, bar_width=bar, bar_left=left)
            flow.add(table.span_row((quote,), decor=decor))


def _highlight_row(flow: Flow, highlight: Highlight) -> list[list[Para]]:
    styles = flow.styles
    who: list[Para] = [(highlight.beneficiary or NO_VALUE, styles.cell)]
    if highlight.project:
        who.append((highlight.project, styles.cell_muted))
    return [
        [(format_date(highlight.date), styles.cell)],
        [(highlight.title, styles.cell)],
        who,
        [(highlight.difficulty or NOT_RATED, styles.cell)],
        [(highlight.strength, styles.cell)],
    ]


def _collaboration(flow: Flow, report: SummaryReport) -> None:
    styles = flow.styles
    stats = report.collaboration
    quotes = len(stats.quotes)
    said = (
        f"{quotes} {'quote' if quotes == 1 else 'quotes'}, shown beneath their highlights."
        if quotes
        else NO_VALUE
    )
    flow.facts(
        (
            Fact("Helping-others entries", str(stats.helping_total)),
            Fact("People helped", ", ".join(stats.people_helped) or NO_VALUE),
            Fact("What people said", said),
        )
    )
    if stats.by_kind:
        flow.paragraph(KIND_CAPTION, styles.label, keep_with_next=True)
        rows = [[[(kind, styles.cell)], [(str(n), styles.cell)]] for kind, n in stats.by_kind]
        columns = (Column(KIND_COLUMNS[0], flex=1.0), Column(KIND_COLUMNS[1], align="right"))
        width = min(flow.mm(KIND_TABLE_MM), flow.width)
        table = Table(columns, rows, styles, width, section_title(Section.COLLABORATION))
        _add_table(flow, table, rows)


def _prototypes(flow: Flow, report: SummaryReport) -> None:
    styles = flow.styles
    columns = [
        Column(PROTOTYPE_COLUMNS[0], flex=1.0),
        Column(PROTOTYPE_COLUMNS[1]),
        Column(PROTOTYPE_COLUMNS[2]),
        Column(PROTOTYPE_COLUMNS[3], align="right"),
        Column(PROTOTYPE_COLUMNS[4], align="right"),
        Column(PROTOTYPE_COLUMNS[5], flex=1.5),
    ]
    rows = [
        [
            [(line.title, styles.cell)],
            [(line.stage, styles.cell)],
            [(format_date(line.since), styles.cell)],
            [(format_hours(line.hours), styles.cell)],
            [(format_people(line.consulted), styles.cell)],
            [(line.note or NO_VALUE, styles.cell_muted)],
        ]
        for line in report.prototypes
    ]
    _add_table(flow, flow.table(columns, rows, section_title(Section.PROTOTYPES)), rows)


def _actions(flow: Flow, report: SummaryReport) -> None:
    styles = flow.styles
    flow.items(
        [
            [
                (action.title, styles.body_bold),
                (action.message, styles.body),
                (f"Rule: {action.rule_id}", styles.label),
            ]
            for action in report.actions
        ],
        numbered=True,
    )


def _talking_points(flow: Flow, report: SummaryReport) -> None:
    flow.items([[(point, flow.styles.body)] for point in report.talking_points], numbered=False)


def _asks(flow: Flow, report: SummaryReport) -> None:
    flow.items([[(ask, flow.styles.body)] for ask in report.asks], numbered=False)


_SECTIONS: dict[Section, Callable[[Flow, SummaryReport], None]] = {
    Section.STANDING: _standing,
    Section.OVERVIEW: _overview,
    Section.COMPETENCIES: _competencies,
    Section.HIGHLIGHTS: _highlights,
    Section.COLLABORATION: _collaboration,
    Section.PROTOTYPES: _prototypes,
    Section.ACTIONS: _actions,
    Section.TALKING_POINTS: _talking_points,
    Section.ASKS: _asks,
}
