"""What the assessment wizard works from: its data, the page order and the evidence to offer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from careercoach.domain.assessment import Assessment
from careercoach.domain.contribution import Contribution, EvidenceStrength
from careercoach.domain.ladder import Competency, Ladder
from careercoach.domain.ladder_catalog import StoredLadder
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype

DEFAULT_PERIOD_DAYS = 90
START_ID = 0
REVIEW_ID = 1000
RESULT_ID = 1001
WINDOW_SIZE = 3  # levels shown side by side on a competency page


@dataclass(frozen=True)
class WizardData:
    """Everything the wizard shows, read in the background before it opens.

    Attributes:
        today: The day the wizard opened (the latest day a period may end).
        profile: The user's profile (default ladder and target level).
        ladders: The current version of every stored ladder, in list order.
        draft: The unfinished assessment to offer for resuming, if any.
        draft_ladder: The exact ladder version ``draft`` is pinned to.
        history: Every finished assessment, the latest first.
        entries: Every ledger entry, newest first.
        prototypes: Every prototype.
    """

    today: dt.date
    profile: Profile
    ladders: tuple[StoredLadder, ...]
    draft: Assessment | None
    draft_ladder: Ladder | None
    history: tuple[Assessment, ...]
    entries: tuple[Contribution, ...]
    prototypes: tuple[Prototype, ...]

    def stored_ladder(self, ladder_id: str) -> StoredLadder | None:
        """The current version of ``ladder_id``, if it is stored."""
        return next((s for s in self.ladders if s.ladder.id == ladder_id), None)

    def draft_is_outdated(self) -> bool:
        """True when the draft's ladder has been changed since the draft was started."""
        if self.draft is None:
            return False
        current = self.stored_ladder(self.draft.ladder_id)
        return current is not None and current.content_hash != self.draft.ladder_hash


@dataclass(frozen=True)
class StartChoice:
    """What the start page asks for to begin a new assessment."""

    ladder_id: str
    target_level_id: str
    period_start: dt.date
    period_end: dt.date


def default_period(history: Sequence[Assessment], today: dt.date) -> tuple[dt.date, dt.date]:
    """The period a new assessment looks back on by default.

    It runs from the day after the latest finished assessment's period (or 90 days back
    when there is none) to today.
    """
    if history:
        start = min(history[0].period_end + dt.timedelta(days=1), today)
    else:
        start = today - dt.timedelta(days=DEFAULT_PERIOD_DAYS)
    return start, today


def default_target(ladder: Ladder, profile: Profile) -> str | None:
    """The profile's target when ``ladder`` has it, else the level above the lowest."""
    if ladder.level(profile.target_level_id) is not None:
        return profile.target_level_id
    if not ladder.levels:
        return None
    return ladder.levels[min(1, len(ladder.levels) - 1)].id


def grouped_competencies(ladder: Ladder) -> tuple[Competency, ...]:
    """The competencies category by category, each category in the ladder's own order."""
    return tuple(
        competency
        for category in ladder.categories
        for competency in ladder.competencies
        if competency.category == category
    )


def page_id(position: int) -> int:
    """The wizard page id of the competency at ``position`` (0-based) in page order."""
    return position + 1


def previous_level(
    history: Sequence[Assessment], ladder: Ladder, competency_id: str
) -> str | None:
    """The level the latest finished assessment on ``ladder`` gave ``competency_id``.

    Assessments on other ladders are skipped, as are levels this ladder version lacks.
    """
    for assessment in history:
        if assessment.ladder_id != ladder.id:
            continue
        level_id = assessment.levels().get(competency_id)
        if level_id is not None and ladder.level(level_id) is not None:
            return level_id
    return None


def level_window(ladder: Ladder, centre: int) -> range:
    """Positions of up to three adjacent levels around ``centre``, kept inside the ladder.

    At the ends of the ladder the window shifts, so three levels are shown whenever the
    ladder has three.
    """
    count = len(ladder.levels)
    size = min(WINDOW_SIZE, count)
    first = max(0, min(centre - 1, count - size))
    return range(first, first + size)


class EvidenceKind(Enum):
    """Where an offered piece of evidence comes from."""

    ENTRY = "entry"
    PROTOTYPE = "prototype"


@dataclass(frozen=True)
class EvidenceItem:
    """A ledger entry or a prototype that can be attached to a rating."""

    kind: EvidenceKind
    id: int
    date: dt.date
    title: str
    type_label: str
    strength: EvidenceStrength
    competencies: tuple[str, ...]
    search_text: str

    @property
    def key(self) -> tuple[EvidenceKind, int]:
        """Identifies the item among entries and prototypes alike."""
        return self.kind, self.id


def evidence_items(
    entries: Sequence[Contribution], prototypes: Sequence[Prototype], prototype_label: str
) -> tuple[EvidenceItem, ...]:
    """Every stored entry and prototype as attachable evidence, newest first.

    Args:
        entries: The ledger entries.
        prototypes: The prototypes; they count as artifacts, dated by their latest stage.
        prototype_label: How the type column names a prototype, e.g. "Prototype ({stage})".
    """
    items = [
        EvidenceItem(
            EvidenceKind.ENTRY,
            entry.id,
            entry.date,
            entry.title,
            entry.kind.label,
            entry.evidence,
            entry.competencies,
            entry.search_text(),
        )
        for entry in entries
        if entry.id is not None
    ]
    items.extend(
        EvidenceItem(
            EvidenceKind.PROTOTYPE,
            prototype.id,
            prototype.stage_since,
            prototype.title,
            prototype_label.format(stage=prototype.stage.label.lower()),
            EvidenceStrength.ARTIFACT,
            prototype.competencies,
            " ".join((prototype.title, prototype.pitch, prototype.outcome)).lower(),
        )
        for prototype in prototypes
        if prototype.id is not None
    )
    return tuple(
        sorted(items, key=lambda item: (item.date, item.kind.value, item.id), reverse=True)
    )


def suggested_first(items: Sequence[EvidenceItem], competency_id: str) -> list[EvidenceItem]:
    """``items`` with those evidencing ``competency_id`` first, each group newest first."""
    suggested = [item for item in items if competency_id in item.competencies]
    others = [item for item in items if competency_id not in item.competencies]
    return suggested + others
