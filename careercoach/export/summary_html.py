"""Renders the 1:1 summary as one standalone HTML5 page, for the screen and for print.

The page has no scripts and loads nothing: the style sheet is embedded and the radar is
inline SVG. Every user-supplied string is escaped, attributes and the title included.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from careercoach.domain.summary_report import (
    CompetencyLine,
    Highlight,
    RadarData,
    SummaryReport,
)
from careercoach.export.summary_html_style import STYLE
from careercoach.export.summary_radar_svg import can_draw, radar_svg
from careercoach.export.summary_sections import (
    EVIDENCE_COLUMNS,
    KIND_COLUMNS,
    NO_EVIDENCE,
    NO_VALUE,
    OVERVIEW_COLUMNS,
    PROTOTYPE_COLUMNS,
    REDACTION_NOTE,
    SECTION_ORDER,
    Fact,
    Section,
    competency_status,
    document_title,
    empty_text,
    format_date,
    format_hours,
    format_people,
    header_facts,
    is_empty,
    period_text,
    quotes_text,
    section_title,
    standing_facts,
)

HIGHLIGHT_COLUMNS = ("Date", "Contribution", "Kind", "For · project", "Difficulty", "Evidence")
RADAR_TITLE = "Self-assessment against the target"
# Sections that may run over pages; the others are kept whole on one page when printed.
FLOWING_SECTIONS = frozenset(
    {Section.OVERVIEW, Section.COMPETENCIES, Section.HIGHLIGHTS, Section.PROTOTYPES}
)


def render_html(report: SummaryReport) -> str:
    """The summary as a complete HTML5 document (UTF-8 text, ending with one newline)."""
    title = f"{document_title(report)}, {report.header.period.label}"
    body = [_header(report), "<main>"]
    for section in SECTION_ORDER:
        css_class = ' class="flow"' if section in FLOWING_SECTIONS else ""
        body.append(f'<section id="{section.value}"{css_class}>')
        body.append(f"<h2>{_e(section_title(section))}</h2>")
        if is_empty(report, section):
            body.append(_empty(empty_text(section)))
        else:
            body.extend(_SECTION_RENDERERS[section](report))
        body.append("</section>")
    body.append("</main>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title>",
            f"<style>\n{STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _e(text: str) -> str:
    """``text`` escaped for element content and attribute values alike."""
    return escape(text, quote=True)


def _v(text: str) -> str:
    """An inline value, escaped; an em dash when blank."""
    return _e(text.strip()) if text.strip() else NO_VALUE


def _block_text(text: str) -> str:
    """Multi-line user text that keeps its line breaks (the element has class "text")."""
    return _e(text.strip())


def _empty(text: str) -> str:
    return f'<p class="empty">{_e(text)}</p>'


def _facts(facts: Iterable[Fact], strong: Sequence[str] = ()) -> str:
    rows = []
    for fact in facts:
        value = _v(fact.value)
        if fact.label in strong:
            value = f"<strong>{value}</strong>"
        rows.append(f'<dt>{_e(fact.label)}</dt><dd class="text">{value}</dd>')
    return '<dl class="facts">\n' + "\n".join(rows) + "\n</dl>"


def _table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    css_class: str = "",
    *,
    raw: bool = False,
) -> str:
    """A table; cells are escaped unless ``raw`` (their markup is then already safe)."""
    head = "".join(f"<th>{_e(column)}</th>" for column in columns)
    lines = [f'<table class="{css_class}">' if css_class else "<table>"]
    lines.append(f"<thead><tr>{head}</tr></thead>")
    lines.append("<tbody>")
    for row in rows:
        cells = row if raw else [f"<td>{_v(cell)}</td>" for cell in row]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def _badge(line: CompetencyLine) -> str:
    css_class = "below" if line.below_target else "ok"
    return f'<span class="badge {css_class}">{_e(competency_status(line))}</span>'


def _header(report: SummaryReport) -> str:
    parts = [
        '<header class="report">',
        f"<h1>{_e(document_title(report))}</h1>",
        _facts(header_facts(report)),
    ]
    if report.redacted:
        parts.append(f'<p class="note">{_e(REDACTION_NOTE)}</p>')
    parts.append("</header>")
    return "\n".join(parts)


def _standing(report: SummaryReport) -> list[str]:
    return [_facts(standing_facts(report.standing), strong=("Estimated level",))]


def _overview(report: SummaryReport) -> list[str]:
    parts = []
    if report.radar is not None and can_draw(report.radar):
        parts.append(_radar_figure(report.radar))
    rows = [
        [
            f"<td>{_v(line.name)}</td>",
            f"<td>{_v(line.rating)}</td>",
            f"<td>{_v(line.target)}</td>",
            f"<td>{_v(line.strength)}</td>",
            f"<td>{_badge(line)}</td>",
        ]
        for line in report.competencies
    ]
    if rows:
        parts.append(_table(OVERVIEW_COLUMNS, rows, "overview", raw=True))
    return parts or [_empty(empty_text(Section.OVERVIEW))]


def _radar_figure(radar: RadarData) -> str:
    rings = "; ".join(f"{number} {name}" for number, name in enumerate(radar.levels, start=1))
    caption = f"Rings from the centre outwards: {rings}."
    return (
        '<figure class="radar">\n'
        f"{radar_svg(radar, RADAR_TITLE)}\n"
        f"<figcaption>{_e(caption)}</figcaption>\n"
        "</figure>"
    )


def _competencies(report: SummaryReport) -> list[str]:
    parts = []
    for line in report.competencies:
        category = f' <span class="category">· {_e(line.category)}</span>' if line.category else ""
        status = (
            f"Rating: <strong>{_v(line.rating)}</strong> · Target: {_v(line.target)} · "
            f"Evidence strength: {_v(line.strength)} · {_badge(line)}"
        )
        parts.append('<div class="competency">')
        parts.append(f"<h3>{_v(line.name)}{category}</h3>")
        parts.append(f'<p class="status">{status}</p>')
        if line.evidence:
            rows = [
                [
                    f'<td class="date">{_e(format_date(item.date))}</td>',
                    f"<td>{_v(item.title)}</td>",
                    f"<td>{_v(item.kind)}</td>",
                    f'<td class="nowrap">{_v(item.strength)}</td>',
                ]
                for item in line.evidence
            ]
            parts.append(_table(EVIDENCE_COLUMNS, rows, "evidence", raw=True))
        else:
            parts.append(_empty(NO_EVIDENCE))
        parts.append("</div>")
    return parts


def _highlights(report: SummaryReport) -> list[str]:
    count = len(report.highlights)
    noun = "contribution" if count == 1 else "contributions"
    intro = f"{count} {noun} {period_text(report.header.period)}, newest first."
    rows = [_highlight_row(highlight) for highlight in report.highlights]
    return [
        f'<p class="muted">{_e(intro)}</p>',
        _table(HIGHLIGHT_COLUMNS, rows, "highlights", raw=True),
    ]


def _highlight_row(highlight: Highlight) -> list[str]:
    title = _v(highlight.title)
    if highlight.rubric.strip():
        # Under the title rather than in its own column: the title's column is then the
        # widest, on screen and in print alike.
        title += f'<span class="sub">Rubric: {_e(highlight.rubric)}</span>'
    if highlight.quote.strip():
        title += f'<span class="quote text">“{_block_text(highlight.quote)}”</span>'
    kind = _v(highlight.kind)
    if highlight.helps_others:
        kind += '<span class="sub">helping others</span>'
    # Who and which project share a column: seven columns do not fit a printed page.
    who = _v(highlight.beneficiary)
    if highlight.project.strip():
        who += f'<span class="sub">{_e(highlight.project.strip())}</span>'
    return [
        f'<td class="date">{_e(format_date(highlight.date))}</td>',
        f"<td>{title}</td>",
        f"<td>{kind}</td>",
        f"<td>{who}</td>",
        f"<td>{_v(highlight.difficulty)}</td>",
        f'<td class="nowrap">{_v(highlight.strength)}</td>',
    ]


def _collaboration(report: SummaryReport) -> list[str]:
    stats = report.collaboration
    facts = (
        Fact("Helping-others entries", str(stats.helping_total)),
        Fact("People helped", ", ".join(stats.people_helped)),
        Fact("What people said", quotes_text(stats)),
    )
    parts = [_facts(facts)]
    if stats.by_kind:
        rows = [
            [f"<td>{_v(kind)}</td>", f'<td class="num">{count}</td>']
            for kind, count in stats.by_kind
        ]
        parts.append(_table(KIND_COLUMNS, rows, "compact kinds", raw=True))
    return parts


def _prototypes(report: SummaryReport) -> list[str]:
    rows = [
        [
            f"<td>{_v(line.title)}</td>",
            f'<td class="nowrap">{_v(line.stage)}</td>',
            f'<td class="date">{_e(format_date(line.since))}</td>',
            f'<td class="num">{_e(format_hours(line.hours))}</td>',
            f'<td class="nowrap">{_e(format_people(line.consulted))}</td>',
            f'<td class="text">{_v(line.note)}</td>',
        ]
        for line in report.prototypes
    ]
    return [_table(PROTOTYPE_COLUMNS, rows, "prototypes", raw=True)]


def _actions(report: SummaryReport) -> list[str]:
    items = []
    for action in report.actions:
        message = (
            f'<p class="text">{_block_text(action.message)}</p>' if action.message.strip() else ""
        )
        items.append(f'<li><p class="action-title">{_v(action.title)}</p>{message}</li>')
    return ['<ol class="actions">', *items, "</ol>"]


def _points(items: Sequence[str]) -> list[str]:
    lines = [f'<li class="text">{_block_text(item)}</li>' for item in items]
    return ['<ul class="points">', *lines, "</ul>"]


def _talking_points(report: SummaryReport) -> list[str]:
    return _points(report.talking_points)


def _asks(report: SummaryReport) -> list[str]:
    return _points(report.asks)


_SECTION_RENDERERS = {
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
