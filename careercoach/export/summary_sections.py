"""The 1:1 summary's section order, titles, labels and text helpers every renderer shares.

Renderers (Markdown, HTML, PDF) take the words from here so the formats read alike. Every
function returns plain text: escaping it for a format is the renderer's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from careercoach.domain.summary_builder import NOT_ASSESSED
from careercoach.domain.summary_period import SummaryPeriod
from careercoach.domain.summary_report import (
    CollaborationStats,
    CompetencyLine,
    Highlight,
    LevelStanding,
    SummaryHeader,
    SummaryReport,
)

__all__ = [
    "BELOW_TARGET",
    "EVIDENCE_COLUMNS",
    "KIND_COLUMNS",
    "NOT_ASSESSED",
    "NO_EVIDENCE",
    "NO_VALUE",
    "ON_TARGET",
    "OVERVIEW_COLUMNS",
    "PROTOTYPE_COLUMNS",
    "REDACTION_NOTE",
    "REPORT_TITLE",
    "SECTION_ORDER",
    "Fact",
    "Section",
    "competency_status",
    "document_title",
    "empty_text",
    "format_date",
    "format_hours",
    "format_people",
    "header_facts",
    "highlight_facts",
    "highlight_kind",
    "is_empty",
    "ladder_text",
    "period_text",
    "section_title",
    "standing_facts",
]

REPORT_TITLE = "1:1 summary"
REDACTION_NOTE = "Names of people and projects are replaced by neutral labels."
NO_VALUE = "—"
NO_EVIDENCE = "No evidence attached."
BELOW_TARGET = "Below target"
ON_TARGET = "At or above target"

OVERVIEW_COLUMNS = ("Competency", "Rating", "Target", "Evidence strength", "Status")
EVIDENCE_COLUMNS = ("Date", "Evidence", "Kind", "Strength")
KIND_COLUMNS = ("Kind", "Entries")
PROTOTYPE_COLUMNS = ("Prototype", "Stage", "Since", "Hours", "People consulted", "Note")


class Section(Enum):
    """The sections after the header; the values are stable ids (HTML anchors)."""

    STANDING = "level-estimate"
    OVERVIEW = "competencies-at-a-glance"
    COMPETENCIES = "competencies"
    HIGHLIGHTS = "highlights"
    COLLABORATION = "collaboration"
    PROTOTYPES = "prototypes"
    ACTIONS = "next-actions"
    TALKING_POINTS = "talking-points"
    ASKS = "asks"


SECTION_ORDER: tuple[Section, ...] = tuple(Section)
"""The order every format shows the sections in, after the header."""

_TITLES = {
    Section.STANDING: "Level estimate",
    Section.OVERVIEW: "Competencies at a glance",
    Section.COMPETENCIES: "Competencies and evidence",
    Section.HIGHLIGHTS: "Highlights of the period",
    Section.COLLABORATION: "Collaboration",
    Section.PROTOTYPES: "Prototypes",
    Section.ACTIONS: "Next actions",
    Section.TALKING_POINTS: "Talking points",
    Section.ASKS: "Asks",
}

_EMPTY = {
    Section.STANDING: "No level estimate yet.",
    Section.OVERVIEW: "No finished self-assessment yet.",
    Section.COMPETENCIES: "Ratings and their evidence appear after the first self-assessment.",
    Section.HIGHLIGHTS: "No contributions in this period.",
    Section.COLLABORATION: "No helping-others work in this period.",
    Section.PROTOTYPES: "No prototypes in flight or changed in this period.",
    Section.ACTIONS: "No suggestions from the coach right now.",
    Section.TALKING_POINTS: "No talking points.",
    Section.ASKS: "No asks this time.",
}


@dataclass(frozen=True)
class Fact:
    """A labelled value, e.g. ("Period", "from 2026-11-01 to 2026-11-27")."""

    label: str
    value: str


def section_title(section: Section) -> str:
    """The heading of ``section``."""
    return _TITLES[section]


def empty_text(section: Section) -> str:
    """What ``section`` says when it has nothing to show."""
    return _EMPTY[section]


def is_empty(report: SummaryReport, section: Section) -> bool:
    """True when ``section`` of ``report`` has nothing to show but its empty text."""
    collaboration = report.collaboration
    contents: dict[Section, bool] = {
        Section.STANDING: False,
        Section.OVERVIEW: report.radar is None and not report.competencies,
        Section.COMPETENCIES: not report.competencies,
        Section.HIGHLIGHTS: not report.highlights,
        Section.COLLABORATION: not (
            collaboration.helping_total or collaboration.people_helped or collaboration.quotes
        ),
        Section.PROTOTYPES: not report.prototypes,
        Section.ACTIONS: not report.actions,
        Section.TALKING_POINTS: not report.talking_points,
        Section.ASKS: not report.asks,
    }
    return contents[section]


def format_date(day: dt.date | None) -> str:
    """``day`` as an ISO date ("2026-11-27"); an em dash for None."""
    return day.isoformat() if day is not None else NO_VALUE


def format_hours(hours: float | None) -> str:
    """Hours without a needless decimal ("38 h", "1.5 h"); an em dash for None."""
    if hours is None:
        return NO_VALUE
    return f"{hours:.1f}".removesuffix(".0") + " h"


def format_people(count: int) -> str:
    """A head count in words: "1 person", "3 people"."""
    return f"{count} person" if count == 1 else f"{count} people"


def period_text(period: SummaryPeriod) -> str:
    """The period as a sentence fragment: "from 2026-11-19 to 2026-11-27"."""
    return f"from {format_date(period.start)} to {format_date(period.end)}"


def ladder_text(header: SummaryHeader) -> str:
    """The ladder and its version ("Data Science IC, version 1.0"); "" when unknown."""
    if not header.ladder_name:
        return ""
    if not header.ladder_version:
        return header.ladder_name
    return f"{header.ladder_name}, version {header.ladder_version}"


def document_title(report: SummaryReport) -> str:
    """The document's title: "1:1 summary: Sam Rivera" (just "1:1 summary" without a name)."""
    name = report.header.name.strip()
    return f"{REPORT_TITLE}: {name}" if name else REPORT_TITLE


def header_facts(report: SummaryReport) -> tuple[Fact, ...]:
    """Role, ladder, period and generation day, leaving out what is unknown.

    The name is the document title (``document_title``); the redaction note
    (``REDACTION_NOTE``) follows these facts when ``report.redacted``.
    """
    header = report.header
    facts = (
        Fact("Role", header.role),
        Fact("Ladder", ladder_text(header)),
        Fact("Period", period_text(header.period)),
        Fact("Generated", format_date(header.generated_on)),
    )
    return tuple(fact for fact in facts if fact.value.strip())


def standing_facts(standing: LevelStanding) -> tuple[Fact, ...]:
    """The estimate, the target, when it was assessed, the policy and how it was reached."""
    facts = (
        Fact("Estimated level", standing.estimate or NOT_ASSESSED),
        Fact("Target", standing.target),
        Fact("Assessed on", format_date(standing.assessed_on) if standing.assessed_on else ""),
        Fact("How the estimate is reached", standing.policy),
        Fact("This estimate", standing.detail),
    )
    return tuple(fact for fact in facts if fact.value.strip())


def competency_status(line: CompetencyLine) -> str:
    """ "Below target" or "At or above target"."""
    return BELOW_TARGET if line.below_target else ON_TARGET


def highlight_kind(highlight: Highlight) -> str:
    """The kind of a contribution, noting helping-others work: "Code review, helping others"."""
    return f"{highlight.kind}, helping others" if highlight.helps_others else highlight.kind


def highlight_facts(highlight: Highlight) -> tuple[Fact, ...]:
    """A contribution's details after its date and title, leaving out empty ones."""
    facts = (
        Fact("Kind", highlight_kind(highlight)),
        Fact("For", highlight.beneficiary),
        Fact("Project", highlight.project),
        Fact("Difficulty", highlight.difficulty),
        Fact("Rubric", highlight.rubric),
        Fact("Evidence", highlight.strength),
        Fact("Quote", highlight.quote),
    )
    return tuple(fact for fact in facts if fact.value.strip())


def quotes_text(stats: CollaborationStats) -> str:
    """How many quotes the period holds; each is shown beneath its highlight."""
    count = len(stats.quotes)
    if not count:
        return NO_VALUE
    return f"{count} {'quote' if count == 1 else 'quotes'}, shown beneath their highlights."
