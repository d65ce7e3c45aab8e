"""The 1:1 summary as data: what every export format (PDF, Markdown, HTML) renders.

Every string in it is plain text exactly as the user sees it: already redacted when the
summary is redacted, and never markup; renderers escape it for their format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from careercoach.domain.summary_period import SummaryPeriod


@dataclass(frozen=True)
class SummaryHeader:
    """Who, on which ladder, for which days.

    Attributes:
        name: The user's name ("" when the profile has none).
        role: Their role.
        ladder_name: The ladder the summary reads ("" before any ladder is known).
        ladder_version: That ladder's version.
        period: The days the summary covers.
        generated_on: The day it was made.
    """

    name: str
    role: str
    ladder_name: str
    ladder_version: str
    period: SummaryPeriod
    generated_on: dt.date


@dataclass(frozen=True)
class LevelStanding:
    """The level estimate from the latest assessment, and the target.

    Attributes:
        estimate: The estimate's label, e.g. "Mid-level Data Scientist"; "Not assessed
            yet" before the first assessment.
        target: The target level's title.
        policy: How the estimate is reached, in words ("" before the first assessment).
        detail: How this estimate was reached ("" before the first assessment).
        assessed_on: The day the latest assessment was finished, if any.
    """

    estimate: str
    target: str
    policy: str = ""
    detail: str = ""
    assessed_on: dt.date | None = None


@dataclass(frozen=True)
class RadarData:
    """The radar's content: one axis per competency, rings per level.

    ``current`` holds each competency's rated level position (0 = the lowest level; None
    when unrated) and ``target`` the target's position on every axis (None when the
    ladder lacks the target).
    """

    axes: tuple[str, ...]
    levels: tuple[str, ...]
    current: tuple[float | None, ...]
    target: tuple[float | None, ...]
    current_name: str
    target_name: str


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence behind a rating: a ledger entry or a prototype."""

    date: dt.date
    title: str
    kind: str
    strength: str


@dataclass(frozen=True)
class CompetencyLine:
    """One competency: its rating, the target, the evidence strength and top evidence."""

    name: str
    category: str
    rating: str
    target: str
    strength: str
    below_target: bool
    evidence: tuple[EvidenceItem, ...]


@dataclass(frozen=True)
class Highlight:
    """A contribution in the period, with its rubric and difficulty in words.

    ``rubric`` reads like "ambiguity 4, complexity 3, cross-functional 5, size L" ("" when
    unrated) and ``difficulty`` like "3.9 of 5 (demanding)" ("" when unrated).
    """

    date: dt.date
    title: str
    kind: str
    beneficiary: str
    project: str
    rubric: str
    difficulty: str
    strength: str
    quote: str
    helps_others: bool


@dataclass(frozen=True)
class PeerQuote:
    """What someone said about a piece of work."""

    quote: str
    who: str
    title: str


@dataclass(frozen=True)
class CollaborationStats:
    """Helping-others work in the period.

    Attributes:
        helping_total: Helping-others entries in the period.
        by_kind: (kind label, count) for each kind with at least one, most first.
        people_helped: The distinct people named as beneficiaries, in first-seen order.
        quotes: Feedback quoted on entries in the period, newest first.
    """

    helping_total: int
    by_kind: tuple[tuple[str, int], ...]
    people_helped: tuple[str, ...]
    quotes: tuple[PeerQuote, ...]


@dataclass(frozen=True)
class PrototypeLine:
    """A prototype in flight, or one whose stage changed during the period."""

    title: str
    stage: str
    since: dt.date
    hours: float | None
    consulted: int
    note: str


@dataclass(frozen=True)
class ActionLine:
    """A next action suggested by the coach."""

    title: str
    message: str
    rule_id: str


@dataclass(frozen=True)
class SummaryReport:
    """Everything the 1:1 summary shows, in the order it shows it."""

    header: SummaryHeader
    standing: LevelStanding
    radar: RadarData | None
    competencies: tuple[CompetencyLine, ...]
    highlights: tuple[Highlight, ...]
    collaboration: CollaborationStats
    prototypes: tuple[PrototypeLine, ...]
    actions: tuple[ActionLine, ...]
    talking_points: tuple[str, ...]
    asks: tuple[str, ...]
    redacted: bool = False
