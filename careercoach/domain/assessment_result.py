"""The outcome of an assessment: the level estimate, evidence per rating, gaps and moves.

Evidence ids (ledger entries and prototypes) that no longer exist are ignored everywhere:
a deleted entry simply stops backing a rating. An unrated competency sits below the
ladder's lowest level (position -1) for gaps and moves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.contribution import Contribution, EvidenceStrength
from careercoach.domain.ladder import Expectation, Ladder
from careercoach.domain.level_estimate import Estimate, estimate_level, level_title
from careercoach.domain.prototype import Prototype

__all__ = [
    "AssessmentResult",
    "CompetencyStatus",
    "Gap",
    "Move",
    "assessment_result",
    "compare",
    "evidence_strength",
    "level_title",
    "retargeted",
]


@dataclass(frozen=True)
class Gap:
    """A competency rated below the target level.

    Attributes:
        competency_id: The competency.
        competency_name: Its name.
        rated_level_id: The rated level; None when not rated.
        target_level_id: The level aimed for.
        steps: How many levels short of the target (at least 1).
        expectation: What the target level asks of this competency.
        evidence: The ledger entries attached to the rating that still exist.
        prototypes: The prototypes attached to the rating that still exist.
    """

    competency_id: str
    competency_name: str
    rated_level_id: str | None
    target_level_id: str
    steps: int
    expectation: Expectation
    evidence: tuple[Contribution, ...]
    prototypes: tuple[Prototype, ...] = ()


@dataclass(frozen=True)
class CompetencyStatus:
    """One competency's rating, target and the strength of the evidence behind it.

    ``unsupported`` ("no evidence yet") is True when the rating is above the ladder's
    lowest level and no existing entry or prototype is attached.
    """

    competency_id: str
    competency_name: str
    category: str
    level_id: str | None
    target_level_id: str
    strength: EvidenceStrength | None
    unsupported: bool


@dataclass(frozen=True)
class AssessmentResult:
    """Everything an assessment's summary shows.

    Attributes:
        estimate: The overall level estimate.
        statuses: One status per ladder competency, in ladder order.
        gaps: The competencies below target, in ladder order.
        unsupported: Ids of competencies rated above the lowest level with no evidence.
    """

    estimate: Estimate
    statuses: tuple[CompetencyStatus, ...]
    gaps: tuple[Gap, ...]
    unsupported: tuple[str, ...]


@dataclass(frozen=True)
class Move:
    """How one competency's rating changed between two assessments.

    ``steps`` is positive for a move up, negative for down and 0 for the same position;
    an unrated side counts as one below the lowest level.
    """

    competency_id: str
    competency_name: str
    before: str | None
    after: str | None
    steps: int


def retargeted(
    assessment: Assessment, ladder: Ladder, profile_ladder_id: str, target_level_id: str
) -> Assessment:
    """``assessment`` measured against the profile's current target, when it can be.

    The Dashboard, the coach and the 1:1 summary show gaps to the level the user aims for
    now; that is the assessment's own target when the profile is on another ladder or its
    target is a level this ladder version lacks.
    """
    if ladder.id == profile_ladder_id and ladder.level(target_level_id) is not None:
        return replace(assessment, target_level_id=target_level_id)
    return assessment


def evidence_strength(
    rating: Rating, entries: Mapping[int, Contribution], prototypes: Mapping[int, Prototype]
) -> EvidenceStrength | None:
    """The strongest evidence attached to ``rating``; None when there is none.

    A prototype counts as an artifact. Ids missing from ``entries`` or ``prototypes``
    (deleted since) are ignored.
    """
    found = [entries[i].evidence for i in rating.evidence_ids if i in entries]
    if any(i in prototypes for i in rating.prototype_ids):
        found.append(EvidenceStrength.ARTIFACT)
    return max(found, key=lambda strength: strength.rank, default=None)


def assessment_result(
    ladder: Ladder,
    assessment: Assessment,
    entries: Mapping[int, Contribution],
    prototypes: Mapping[int, Prototype],
) -> AssessmentResult:
    """Estimate, statuses, gaps and unsupported ratings of ``assessment`` on ``ladder``.

    Args:
        ladder: The ladder version the assessment is pinned to.
        assessment: The assessment; its ``target_level_id`` is the target of every
            competency. A target the ladder lacks yields no gaps.
        entries: Ledger entries by id, for the attached evidence.
        prototypes: Prototypes by id, for the attached evidence.
    """
    target = assessment.target_level_id
    target_index = ladder.level_index(target)
    statuses: list[CompetencyStatus] = []
    gaps: list[Gap] = []
    for competency in ladder.competencies:
        rating = assessment.rating(competency.id)
        level_id = rating.level_id if rating is not None else None
        index = ladder.level_index(level_id) if level_id is not None else -1
        strength = evidence_strength(rating, entries, prototypes) if rating else None
        statuses.append(
            CompetencyStatus(
                competency.id,
                competency.name,
                competency.category,
                level_id,
                target,
                strength,
                unsupported=index > 0 and strength is None,
            )
        )
        if index < target_index:
            evidence = tuple(
                entries[i] for i in (rating.evidence_ids if rating else ()) if i in entries
            )
            gaps.append(
                Gap(
                    competency.id,
                    competency.name,
                    level_id,
                    target,
                    target_index - index,
                    competency.expectation(target),
                    evidence,
                    tuple(
                        prototypes[i]
                        for i in (rating.prototype_ids if rating else ())
                        if i in prototypes
                    ),
                )
            )
    return AssessmentResult(
        estimate_level(ladder, assessment.levels()),
        tuple(statuses),
        tuple(gaps),
        tuple(status.competency_id for status in statuses if status.unsupported),
    )


def compare(
    ladder_before: Ladder, before: Assessment, ladder_after: Ladder, after: Assessment
) -> tuple[Move, ...]:
    """The move of every competency between two assessments, each on its own ladder.

    Competencies of ``ladder_after`` come first in its order, then those only in
    ``ladder_before``. Positions are read in each assessment's own ladder, so when the two
    pinned versions list different levels, a move is the change of position, not of id.
    A rating the ladder does not have (competency or level) counts as unrated.
    """
    after_ids = {c.id for c in ladder_after.competencies}
    competencies = (
        *ladder_after.competencies,
        *(c for c in ladder_before.competencies if c.id not in after_ids),
    )
    moves: list[Move] = []
    for competency in competencies:
        was = _rated(ladder_before, before, competency.id)
        now = _rated(ladder_after, after, competency.id)
        steps = _position(ladder_after, now) - _position(ladder_before, was)
        moves.append(Move(competency.id, competency.name, was, now, steps))
    return tuple(moves)


def _rated(ladder: Ladder, assessment: Assessment, competency_id: str) -> str | None:
    """The level rated for ``competency_id`` when ``ladder`` has both; otherwise None."""
    if ladder.competency(competency_id) is None:
        return None
    level_id = assessment.levels().get(competency_id)
    return level_id if level_id is not None and ladder.level(level_id) is not None else None


def _position(ladder: Ladder, level_id: str | None) -> int:
    return ladder.level_index(level_id) if level_id is not None else -1
