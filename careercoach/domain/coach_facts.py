"""Computes the coach's facts (see ``coach_fact_catalogue``) from the user's data for one day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from careercoach.domain.assessment import Assessment
from careercoach.domain.assessment_result import AssessmentResult, assessment_result, retargeted
from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.coach_fact_catalogue import (
    APPETITE_WINDOW_DAYS,
    FACTS,
    LONE_PROTOTYPE_CONSULTED,
    RECENT_CHECKIN_WEEKS,
    RECENT_CHECKINS,
)
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.ladder import Ladder
from careercoach.domain.profile import Profile, upcoming_one_on_one
from careercoach.domain.prototype import Prototype, ShelveReason, Stage

FactValue = int | float | str | bool | None | tuple[str, ...] | dict[str, float]
Facts = dict[str, FactValue]

_CONFIRMED = (EvidenceStrength.PEER_CONFIRMED, EvidenceStrength.MANAGER_AGREED)
_DOCS_OR_TESTS = (
    ContributionKind.DOCUMENTATION,
    ContributionKind.EXAMPLES,
    ContributionKind.TESTS,
)
_LONE_STAGES = (Stage.VALIDATING, Stage.BUILDING, Stage.DEMO)


@dataclass(frozen=True)
class CoachData:
    """Everything the facts are computed from.

    Attributes:
        today: The day the facts describe.
        profile: The user's profile.
        entries: Every ledger entry.
        prototypes: Every prototype.
        checkins: Every weekly check-in.
        assessment: The latest finished assessment, or None.
        ladder: The ladder version that assessment is pinned to (None without one).
        has_draft: True while an unfinished assessment waits in the wizard.
        profile_ladder: The current version of the profile's ladder, when it exists.
    """

    today: dt.date
    profile: Profile
    entries: Sequence[Contribution] = ()
    prototypes: Sequence[Prototype] = ()
    checkins: Sequence[CheckIn] = ()
    assessment: Assessment | None = None
    ladder: Ladder | None = None
    has_draft: bool = False
    profile_ladder: Ladder | None = None


def compute_facts(data: CoachData) -> Facts:
    """Every catalogued fact for ``data``, keyed by name, in catalogue order.

    Gaps are measured against the profile's current target where the latest assessment's
    ladder has it (as on the Dashboard and in the 1:1 summary).
    """
    if data.assessment is not None and data.ladder is not None:
        profile = data.profile
        assessment = retargeted(
            data.assessment, data.ladder, profile.ladder_id, profile.target_level_id
        )
        data = replace(data, assessment=assessment)
    facts: Facts = {}
    facts.update(_ledger_facts(data.entries, data.today))
    facts.update(_assessment_facts(data))
    facts.update(_checkin_facts(data.checkins, data.today))
    facts.update(_prototype_facts(data.prototypes, data.today))
    facts.update(_profile_facts(data.profile, data.today))
    return {spec.name: facts[spec.name] for spec in FACTS}


def _within(day: dt.date, today: dt.date, days: int) -> bool:
    return today - dt.timedelta(days=days) <= day <= today


def _count(entries: Iterable[Contribution], keep: Callable[[Contribution], bool]) -> int:
    return sum(1 for entry in entries if keep(entry))


def _days_since(days: Iterable[dt.date], today: dt.date) -> int | None:
    past = [day for day in days if day <= today]
    return (today - max(past)).days if past else None


def _ledger_facts(entries: Sequence[Contribution], today: dt.date) -> Facts:
    in_30 = [e for e in entries if _within(e.date, today, 30)]
    in_60 = [e for e in entries if _within(e.date, today, 60)]
    in_90 = [e for e in entries if _within(e.date, today, 90)]
    helping = [e for e in entries if e.helps_others]
    return {
        "entries_total": len(entries),
        "entries_30d": len(in_30),
        "days_since_last_entry": _days_since((e.date for e in entries), today),
        "helping_entries_30d": _count(in_30, lambda e: e.helps_others),
        "helping_entries_90d": _count(in_90, lambda e: e.helps_others),
        "helping_by_kind_30d": _by_kind(in_30),
        "helping_by_kind_90d": _by_kind(in_90),
        "days_since_helping_entry": _days_since((e.date for e in helping), today),
        "people_helped_90d": len({e.beneficiary.casefold() for e in in_90 if e.beneficiary}),
        "helping_quotes_90d": _count(in_90, lambda e: e.helps_others and bool(e.feedback_quote)),
        "peer_confirmed_60d": _count(in_60, lambda e: e.evidence in _CONFIRMED),
        "docs_or_tests_60d": _count(in_60, lambda e: e.kind in _DOCS_OR_TESTS),
        "knowledge_sharing_90d": _count(
            in_90, lambda e: e.kind is ContributionKind.KNOWLEDGE_SHARING
        ),
    }


def _by_kind(entries: Sequence[Contribution]) -> dict[str, float]:
    counts = {kind.value: 0.0 for kind in ContributionKind}
    for entry in entries:
        if entry.helps_others:
            counts[entry.kind.value] += 1
    return counts


def _assessment_facts(data: CoachData) -> Facts:
    finished = data.assessment.finished_on if data.assessment else None
    facts: Facts = {
        "has_assessment": data.assessment is not None,
        "days_since_last_assessment": (data.today - finished).days if finished else None,
        "has_draft_assessment": data.has_draft,
        "target_level": data.profile.target_level_id,
        "target_level_name": _target_name(data),
    }
    result = _result(data)
    if result is None or data.ladder is None:
        return facts | {
            "competencies_below_target": 0,
            "largest_gap_steps": 0,
            "largest_gap_competencies": (),
            "largest_gap_names": "",
            "largest_gap_is_ambiguity": False,
            "ratings_above_evidence": 0,
            "unsupported_names": "",
            "estimated_level": "",
            "levels_below_target": None,
        }
    largest = max((gap.steps for gap in result.gaps), default=0)
    widest = [gap for gap in result.gaps if gap.steps == largest]
    unsupported = [s for s in result.statuses if s.unsupported]
    return facts | {
        "competencies_below_target": len(result.gaps),
        "largest_gap_steps": largest,
        "largest_gap_competencies": tuple(gap.competency_id for gap in widest),
        "largest_gap_names": ", ".join(gap.competency_name for gap in widest),
        "largest_gap_is_ambiguity": any(
            "ambigu" in gap.competency_id.casefold() or "ambigu" in gap.competency_name.casefold()
            for gap in widest
        ),
        "ratings_above_evidence": len(unsupported),
        "unsupported_names": ", ".join(status.competency_name for status in unsupported),
        "estimated_level": result.estimate.level_id or "",
        "levels_below_target": _levels_below(data.ladder, result, data.profile.target_level_id),
    }


def _target_name(data: CoachData) -> str:
    """The target the gaps are measured against: the latest assessment's, else the profile's."""
    if data.assessment is not None and data.ladder is not None:
        level = data.ladder.level(data.assessment.target_level_id)
        if level is not None:
            return level.title
    target = data.profile.target_level_id
    for ladder in (data.profile_ladder, data.ladder):
        level = ladder.level(target) if ladder is not None else None
        if level is not None:
            return level.title
    return target


def _result(data: CoachData) -> AssessmentResult | None:
    if data.assessment is None or data.ladder is None:
        return None
    entries = {e.id: e for e in data.entries if e.id is not None}
    prototypes = {p.id: p for p in data.prototypes if p.id is not None}
    return assessment_result(data.ladder, data.assessment, entries, prototypes)


def _levels_below(ladder: Ladder, result: AssessmentResult, target: str) -> int | None:
    estimate = result.estimate.level_id
    if estimate is None or ladder.level(estimate) is None or ladder.level(target) is None:
        return None
    return max(0, ladder.level_index(target) - ladder.level_index(estimate))


def _checkin_facts(checkins: Sequence[CheckIn], today: dt.date) -> Facts:
    this_week = IsoWeek.of(today)
    oldest = IsoWeek.of(today - dt.timedelta(weeks=RECENT_CHECKIN_WEEKS - 1))
    past = sorted((c for c in checkins if c.week <= this_week), key=lambda c: c.week)
    recent = [c for c in past if c.week >= oldest][-RECENT_CHECKINS:]
    latest = past[-1].week if past else None
    return {
        "checked_in_this_week": any(c.week == this_week for c in checkins),
        "weeks_since_checkin": (
            (this_week.monday - latest.monday).days // 7 if latest is not None else None
        ),
        "recent_checkins": len(recent),
        "assigned_hours_recent": _hours(c.assigned_hours for c in recent),
        "helping_hours_recent": _hours(c.helping_hours for c in recent),
        "learning_hours_recent": _hours(c.learning_hours for c in recent),
        "solo_hours_recent": _hours(c.solo_hours for c in recent),
    }


def _hours(values: Iterable[float]) -> float:
    return round(sum(values), 2)


def _prototype_facts(prototypes: Sequence[Prototype], today: dt.date) -> Facts:
    by_stage = {stage.value: 0.0 for stage in Stage}
    for prototype in prototypes:
        by_stage[prototype.stage.value] += 1
    lone = [
        p
        for p in prototypes
        if p.stage in _LONE_STAGES and p.consulted_count < LONE_PROTOTYPE_CONSULTED
    ]
    loneliest = max(lone, key=lambda p: (p.hours or 0.0, p.started), default=None)
    unvalidated = [
        p
        for p in prototypes
        if p.stage in (Stage.BUILDING, Stage.DEMO) and not p.passed_through(Stage.VALIDATING)
    ]
    newest_unvalidated = max(unvalidated, key=lambda p: (p.started, p.id or 0), default=None)
    return {
        "prototypes_by_stage": by_stage,
        "prototypes_in_flight": sum(1 for p in prototypes if not p.stage.is_finished),
        "lone_prototype_hours": (loneliest.hours or 0) if loneliest else 0,
        "lone_prototype_title": loneliest.title if loneliest else "",
        "lone_prototype_consulted": loneliest.consulted_count if loneliest else 0,
        "built_without_validating": len(unvalidated),
        "unvalidated_prototype_title": newest_unvalidated.title if newest_unvalidated else "",
        "shelved_no_appetite_365d": sum(
            1
            for p in prototypes
            if p.shelved_because is ShelveReason.NO_APPETITE
            and _within(p.stage_since, today, APPETITE_WINDOW_DAYS)
        ),
    }


def _profile_facts(profile: Profile, today: dt.date) -> Facts:
    upcoming = upcoming_one_on_one(profile, today)
    return {
        "days_until_one_on_one": (upcoming - today).days if upcoming else None,
        "next_one_on_one": upcoming.isoformat() if upcoming else "",
        "role": profile.role,
        "has_profile": not profile.is_default,
    }
