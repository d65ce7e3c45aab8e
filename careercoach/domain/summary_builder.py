"""Builds the 1:1 summary from the user's data for a period, redacting names when asked."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from careercoach.domain.assessment import Assessment
from careercoach.domain.assessment_result import AssessmentResult, assessment_result, retargeted
from careercoach.domain.coach import Suggestion
from careercoach.domain.contribution import Contribution, EvidenceStrength
from careercoach.domain.ladder import Ladder
from careercoach.domain.level_estimate import level_title
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype, Stage
from careercoach.domain.redaction import Redactor
from careercoach.domain.rubric import difficulty
from careercoach.domain.summary_period import SummaryPeriod
from careercoach.domain.summary_report import (
    ActionLine,
    CollaborationStats,
    CompetencyLine,
    EvidenceItem,
    Highlight,
    LevelStanding,
    PeerQuote,
    PrototypeLine,
    RadarData,
    SummaryHeader,
    SummaryReport,
)

MAX_ACTIONS = 5
# Suggestions about the user's own routine (the weekly check-in, preparing this very
# summary) are not next actions to discuss with a manager.
PRIVATE_CATEGORIES = frozenset({"habits", "one-on-one"})
TOP_EVIDENCE = 3
NOT_ASSESSED = "Not assessed yet"
NO_EVIDENCE = "No evidence"
LONE_CONSULTED = 2


@dataclass(frozen=True)
class SummaryInputs:
    """What a summary is built from.

    Attributes:
        today: The day the summary is made.
        period: The days it covers.
        profile: The user's profile.
        entries: Every ledger entry (those in the period become highlights).
        prototypes: Every prototype.
        assessment: The latest finished assessment, if any.
        ladder: The ladder version that assessment is pinned to.
        profile_ladder: The current version of the profile's ladder, when it exists.
        suggestions: The coach's shown suggestions, in rank order.
        talking_points: The user's talking points.
        asks: The user's asks of their manager.
        redact: Replace names of people and projects with neutral labels.
    """

    today: dt.date
    period: SummaryPeriod
    profile: Profile
    entries: Sequence[Contribution] = ()
    prototypes: Sequence[Prototype] = ()
    assessment: Assessment | None = None
    ladder: Ladder | None = None
    profile_ladder: Ladder | None = None
    suggestions: Sequence[Suggestion] = ()
    talking_points: Sequence[str] = ()
    asks: Sequence[str] = ()
    redact: bool = False


def build_summary(inputs: SummaryInputs) -> SummaryReport:
    """The summary of ``inputs.period``; every text is redacted when ``inputs.redact``.

    Ratings are measured against the profile's current target where the assessment's
    ladder has it (as on the Dashboard), else against the assessment's own target.
    """
    if inputs.assessment is not None and inputs.ladder is not None:
        profile = inputs.profile
        assessment = retargeted(
            inputs.assessment, inputs.ladder, profile.ladder_id, profile.target_level_id
        )
        inputs = replace(inputs, assessment=assessment)
    in_period = sorted(
        (e for e in inputs.entries if inputs.period.contains(e.date)),
        key=lambda e: (e.date, e.id or 0),
    )
    shown_prototypes = [p for p in inputs.prototypes if _shown(p, inputs.period)]
    redactor = _redactor(inputs, in_period, shown_prototypes)
    text = redactor.text
    result = _result(inputs)
    ladder = inputs.ladder or inputs.profile_ladder
    return SummaryReport(
        header=SummaryHeader(
            name=inputs.profile.name,
            role=inputs.profile.role,
            ladder_name=ladder.name if ladder else "",
            ladder_version=ladder.version if ladder else "",
            period=inputs.period,
            generated_on=inputs.today,
        ),
        standing=_standing(inputs, result),
        radar=_radar(inputs),
        competencies=_competencies(inputs, result, redactor),
        highlights=tuple(_highlight(e, redactor) for e in reversed(in_period)),
        collaboration=_collaboration(in_period, redactor),
        prototypes=tuple(_prototype_line(p, redactor) for p in _by_recency(shown_prototypes)),
        actions=tuple(
            ActionLine(text(s.rule.title), text(s.message), s.rule.id)
            for s in [s for s in inputs.suggestions if s.rule.category not in PRIVATE_CATEGORIES][
                :MAX_ACTIONS
            ]
        ),
        talking_points=tuple(text(point) for point in inputs.talking_points if point.strip()),
        asks=tuple(text(ask) for ask in inputs.asks if ask.strip()),
        redacted=inputs.redact,
    )


def _shown(prototype: Prototype, period: SummaryPeriod) -> bool:
    """Its stage changed during the period, or it was in flight when the period ended."""
    if any(period.contains(change.date) for change in prototype.history):
        return True
    before_end = [change for change in prototype.history if change.date <= period.end]
    return bool(before_end) and not before_end[-1].stage.is_finished


def _by_recency(prototypes: Sequence[Prototype]) -> list[Prototype]:
    return sorted(prototypes, key=lambda p: (p.stage_since, p.id or 0), reverse=True)


def _redactor(
    inputs: SummaryInputs, in_period: Sequence[Contribution], prototypes: Sequence[Prototype]
) -> Redactor:
    """Names registered in the order the summary shows them, then every other known one."""
    redactor = Redactor(inputs.profile.name, enabled=inputs.redact, keep=_kept_phrases(inputs))
    everyone = sorted(inputs.entries, key=lambda e: (e.date, e.id or 0))
    for entries in (list(reversed(in_period)), everyone):
        redactor.add_people(e.beneficiary for e in entries)
    for prototype in (*prototypes, *inputs.prototypes):
        redactor.add_people((*prototype.people_consulted, *prototype.reviewers))
    for entries in (list(reversed(in_period)), everyone):
        redactor.add_projects(e.project for e in entries)
    return redactor


def _kept_phrases(inputs: SummaryInputs) -> list[str]:
    """The user's role and the ladders' own words: never mistaken for a name."""
    phrases = [inputs.profile.role]
    for ladder in (inputs.ladder, inputs.profile_ladder):
        if ladder is not None:
            phrases.append(ladder.name)
            phrases.extend(level.title for level in ladder.levels)
            phrases.extend(competency.name for competency in ladder.competencies)
    return phrases


def _result(inputs: SummaryInputs) -> AssessmentResult | None:
    if inputs.assessment is None or inputs.ladder is None:
        return None
    entries = {e.id: e for e in inputs.entries if e.id is not None}
    prototypes = {p.id: p for p in inputs.prototypes if p.id is not None}
    return assessment_result(inputs.ladder, inputs.assessment, entries, prototypes)


def _target_id(inputs: SummaryInputs) -> str:
    """The assessment's target (what the ratings were made against), else the profile's."""
    if inputs.assessment is not None:
        return inputs.assessment.target_level_id
    return inputs.profile.target_level_id


def _standing(inputs: SummaryInputs, result: AssessmentResult | None) -> LevelStanding:
    ladder = inputs.ladder or inputs.profile_ladder
    target = level_title(ladder, _target_id(inputs)) if ladder else _target_id(inputs)
    if result is None or inputs.assessment is None:
        return LevelStanding(NOT_ASSESSED, target)
    estimate = result.estimate
    return LevelStanding(
        estimate.label, target, estimate.policy, estimate.detail, inputs.assessment.finished_on
    )


def _radar(inputs: SummaryInputs) -> RadarData | None:
    assessment, ladder = inputs.assessment, inputs.ladder
    if assessment is None or ladder is None or not ladder.competencies:
        return None
    levels = assessment.levels()
    current = []
    for competency in ladder.competencies:
        index = ladder.level_index(levels.get(competency.id, ""))
        current.append(float(index) if index >= 0 else None)
    target_index = ladder.level_index(assessment.target_level_id)
    target = float(target_index) if target_index >= 0 else None
    finished = assessment.finished_on.isoformat() if assessment.finished_on else ""
    return RadarData(
        axes=tuple(c.name for c in ladder.competencies),
        levels=tuple(level.title for level in ladder.levels),
        current=tuple(current),
        target=tuple(target for _ in ladder.competencies),
        current_name=f"Self-assessment ({finished})" if finished else "Self-assessment",
        target_name=f"Target: {level_title(ladder, assessment.target_level_id)}",
    )


def _competencies(
    inputs: SummaryInputs, result: AssessmentResult | None, redactor: Redactor
) -> tuple[CompetencyLine, ...]:
    assessment, ladder = inputs.assessment, inputs.ladder
    if result is None or assessment is None or ladder is None:
        return ()
    entries = {e.id: e for e in inputs.entries if e.id is not None}
    prototypes = {p.id: p for p in inputs.prototypes if p.id is not None}
    below = {gap.competency_id for gap in result.gaps}
    lines = []
    for status in result.statuses:
        rating = assessment.rating(status.competency_id)
        items: list[tuple[int, EvidenceItem]] = []
        for entry_id in rating.evidence_ids if rating else ():
            entry = entries.get(entry_id)
            if entry is not None:
                item = EvidenceItem(
                    entry.date,
                    redactor.text(entry.title),
                    entry.kind.label,
                    entry.evidence.label,
                )
                items.append((entry.evidence.rank, item))
        for prototype_id in rating.prototype_ids if rating else ():
            prototype = prototypes.get(prototype_id)
            if prototype is not None:
                strength = EvidenceStrength.ARTIFACT
                item = EvidenceItem(
                    prototype.stage_since,
                    redactor.text(prototype.title),
                    "Prototype",
                    strength.label,
                )
                items.append((strength.rank, item))
        items.sort(key=lambda pair: (pair[0], pair[1].date), reverse=True)
        lines.append(
            CompetencyLine(
                name=status.competency_name,
                category=status.category,
                rating=level_title(ladder, status.level_id),
                target=level_title(ladder, status.target_level_id),
                strength=status.strength.label if status.strength else NO_EVIDENCE,
                below_target=status.competency_id in below,
                evidence=tuple(item for _, item in items[:TOP_EVIDENCE]),
            )
        )
    return tuple(lines)


def _highlight(entry: Contribution, redactor: Redactor) -> Highlight:
    rubric = entry.rubric
    parts = [
        f"{name} {value}"
        for name, value in (
            ("ambiguity", rubric.ambiguity),
            ("complexity", rubric.complexity),
            ("cross-functional", rubric.cross_functional),
            ("size", rubric.size.value if rubric.size is not None else None),
        )
        if value is not None
    ]
    rated = difficulty(rubric)
    return Highlight(
        date=entry.date,
        title=redactor.text(entry.title),
        kind=entry.kind.label,
        beneficiary=redactor.name(entry.beneficiary) if entry.beneficiary else "",
        project=redactor.name(entry.project) if entry.project else "",
        rubric=", ".join(parts),
        difficulty=f"{rated.score:.1f} of 5 ({rated.band})" if rated else "",
        strength=entry.evidence.label,
        quote=redactor.text(entry.feedback_quote),
        helps_others=entry.helps_others,
    )


def _collaboration(in_period: Sequence[Contribution], redactor: Redactor) -> CollaborationStats:
    helping = [e for e in in_period if e.helps_others]
    kinds = Counter(e.kind for e in helping)
    order = {kind: index for index, kind in enumerate(dict.fromkeys(e.kind for e in helping))}
    by_kind = sorted(kinds.items(), key=lambda pair: (-pair[1], order[pair[0]]))
    people: dict[str, str] = {}
    for entry in reversed(in_period):
        if entry.beneficiary:
            people.setdefault(" ".join(entry.beneficiary.split()).casefold(), entry.beneficiary)
    quotes = tuple(
        PeerQuote(
            redactor.text(e.feedback_quote),
            redactor.name(e.beneficiary) if e.beneficiary else "",
            redactor.text(e.title),
        )
        for e in reversed(in_period)
        if e.feedback_quote
    )
    return CollaborationStats(
        helping_total=len(helping),
        by_kind=tuple((kind.label, count) for kind, count in by_kind),
        people_helped=tuple(redactor.name(name) for name in people.values()),
        quotes=quotes,
    )


def _prototype_line(prototype: Prototype, redactor: Redactor) -> PrototypeLine:
    notes = []
    if prototype.stage is Stage.SHELVED:
        because = prototype.shelved_because.label if prototype.shelved_because else ""
        reason = redactor.text(prototype.shelved_reason)
        notes.append(": ".join(part for part in (because, reason) if part))
    elif prototype.stage in (Stage.BUILDING, Stage.DEMO):
        if not prototype.passed_through(Stage.VALIDATING):
            notes.append("built without a validating stage")
        if prototype.consulted_count < LONE_CONSULTED:
            notes.append("built mostly alone")
    return PrototypeLine(
        title=redactor.text(prototype.title),
        stage=prototype.stage.label,
        since=prototype.stage_since,
        hours=prototype.hours,
        consulted=prototype.consulted_count,
        note=_sentence("; ".join(note for note in notes if note)),
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
