"""Renders the 1:1 summary as Markdown (CommonMark with GitHub-style tables).

Every user-supplied string goes through ``escape_markdown``, so a title such as
``**bold**`` or ``[x](http://y)`` reads literally in any CommonMark renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from careercoach.domain.summary_report import (
    CompetencyLine,
    Highlight,
    SummaryReport,
)
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
    highlight_facts,
    is_empty,
    period_text,
    quotes_text,
    section_title,
    standing_facts,
)

# Characters that open inline markup anywhere in a line: code, emphasis, links, HTML,
# table cells, strikethrough, math, headings' closing marks and attribute blocks of
# common extensions.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<|~#${}])")
# An entity or numeric character reference such as "&amp;" or "&#60;".
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What opens a block at the start of a line: a block quote, a bullet or ordered list
# marker, a thematic break or a setext heading underline.
_BLOCK_STARTS = (
    re.compile(r"^(>)"),
    re.compile(r"^([-+])(?=\s|$)"),
    re.compile(r"^(-)[-\s]*$"),
    re.compile(r"^(=)=*\s*$"),
)
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown inline content, on one line.

    Each line is trimmed and the non-blank lines are joined with a space, so the result
    fits any inline position: a paragraph, a list item, a heading or a table cell. Markup
    characters are backslash-escaped, and so is whatever would open a block at the start
    of a line (``> ``, ``- ``, ``+ ``, ``---``, ``===``, ``1. ``).
    """
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        line = _INLINE_SPECIALS.sub(r"\\\1", line)
        line = _ENTITY.sub(r"\\&", line)
        for pattern in _BLOCK_STARTS:
            line = pattern.sub(lambda match: "\\" + match.group(0), line, count=1)
        line = _ORDERED_MARKER.sub(r"\1\\\2", line)
        lines.append(line)
    return " ".join(lines)


def render_markdown(report: SummaryReport) -> str:
    """The summary as a Markdown document (UTF-8 text, ending with one newline)."""
    blocks = _header(report)
    for section in SECTION_ORDER:
        blocks.append(f"## {section_title(section)}")
        if is_empty(report, section):
            blocks.append(_text(empty_text(section)))
        else:
            blocks.extend(_SECTION_RENDERERS[section](report))
    return "\n\n".join(blocks) + "\n"


def _text(text: str, fallback: str = NO_VALUE) -> str:
    return escape_markdown(text) or fallback


def _bold(text: str) -> str:
    escaped = escape_markdown(text)
    return f"**{escaped}**" if escaped else ""


def _facts(facts: Iterable[Fact]) -> str:
    return "\n".join(f"- **{fact.label}:** {_text(fact.value)}" for fact in facts)


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = [_row(columns), "| " + " | ".join("---" for _ in columns) + " |"]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_text(cell) for cell in cells) + " |"


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {_text(item)}" for item in items)


def _header(report: SummaryReport) -> list[str]:
    blocks = [f"# {_text(document_title(report))}", _facts(header_facts(report))]
    if report.redacted:
        blocks.append(f"_{_text(REDACTION_NOTE)}_")
    return blocks


def _standing(report: SummaryReport) -> list[str]:
    return [_facts(standing_facts(report.standing))]


def _overview(report: SummaryReport) -> list[str]:
    rows = [
        (line.name, line.rating, line.target, line.strength, competency_status(line))
        for line in report.competencies
    ]
    return [_table(OVERVIEW_COLUMNS, rows)] if rows else [_text(empty_text(Section.OVERVIEW))]


def _competencies(report: SummaryReport) -> list[str]:
    blocks = []
    for line in report.competencies:
        blocks.append(f"### {_text(line.name)}")
        blocks.append(_competency_line(line))
        if line.evidence:
            rows = [
                (format_date(item.date), item.title, item.kind, item.strength)
                for item in line.evidence
            ]
            blocks.append(_table(EVIDENCE_COLUMNS, rows))
        else:
            blocks.append(_text(NO_EVIDENCE))
    return blocks


def _competency_line(line: CompetencyLine) -> str:
    parts = [
        _text(line.category) if line.category.strip() else "",
        f"Rating: {_text(line.rating)}",
        f"Target: {_text(line.target)}",
        f"Evidence strength: {_text(line.strength)}",
        _bold(competency_status(line)) if line.below_target else _text(competency_status(line)),
    ]
    return " · ".join(part for part in parts if part)


def _highlights(report: SummaryReport) -> list[str]:
    count = len(report.highlights)
    noun = "contribution" if count == 1 else "contributions"
    intro = f"{count} {noun} {period_text(report.header.period)}, newest first."
    return [_text(intro), "\n".join(_highlight(h) for h in report.highlights)]


def _highlight(highlight: Highlight) -> str:
    title = _bold(f"{format_date(highlight.date)}: {highlight.title}")
    details = [f"  - {fact.label}: {_quoted(fact)}" for fact in highlight_facts(highlight)]
    return "\n".join([f"- {title}", *details])


def _quoted(fact: Fact) -> str:
    return f"“{_text(fact.value)}”" if fact.label == "Quote" else _text(fact.value)


def _collaboration(report: SummaryReport) -> list[str]:
    stats = report.collaboration
    facts = (
        Fact("Helping-others entries", str(stats.helping_total)),
        Fact("People helped", ", ".join(stats.people_helped) or NO_VALUE),
        Fact("What people said", quotes_text(stats)),
    )
    blocks = [_facts(facts)]
    if stats.by_kind:
        blocks.append(_table(KIND_COLUMNS, [(kind, str(n)) for kind, n in stats.by_kind]))
    return blocks


def _prototypes(report: SummaryReport) -> list[str]:
    rows = [
        (
            line.title,
            line.stage,
            format_date(line.since),
            format_hours(line.hours),
            format_people(line.consulted),
            line.note,
        )
        for line in report.prototypes
    ]
    return [_table(PROTOTYPE_COLUMNS, rows)]


def _actions(report: SummaryReport) -> list[str]:
    lines = []
    for number, action in enumerate(report.actions, start=1):
        message = escape_markdown(action.message)
        title = _bold(action.title) or NO_VALUE
        lines.append(f"{number}. {title} — {message}" if message else f"{number}. {title}")
    return ["\n".join(lines)]


def _talking_points(report: SummaryReport) -> list[str]:
    return [_bullets(report.talking_points)]


def _asks(report: SummaryReport) -> list[str]:
    return [_bullets(report.asks)]


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
