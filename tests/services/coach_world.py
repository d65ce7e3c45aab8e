"""Builds one user's data day by day through the services, for the coach's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange
from careercoach.resources import builtin_rules_dir
from careercoach.services.app_services import AppServices
from careercoach.services.assessment_service import AssessmentService
from careercoach.services.checkin_service import CheckInService
from careercoach.services.coach_service import CoachService, RuleSources
from careercoach.services.ledger_service import LedgerService
from careercoach.services.profile_service import ProfileChanges, ProfileService
from careercoach.services.prototype_service import PrototypeService

# A Wednesday in ISO week 2026-W10.
TODAY = dt.date(2026, 3, 4)

DATA_SCIENCE = (
    "ambiguity-and-scope",
    "technical-execution",
    "experimentation",
    "delivery",
    "collaboration",
    "communication",
    "direction",
    "learning-and-innovation",
)


class World:
    """One user's database, filled as of ``TODAY`` minus some days."""

    def __init__(self, services: AppServices) -> None:
        self.services = services
        self.database = services.database

    def on(self, days_ago: int) -> dt.date:
        return TODAY - dt.timedelta(days=days_ago)

    def profile(self, **changes: object) -> None:
        ProfileService(self.database).update(ProfileChanges(**changes))  # type: ignore[arg-type]

    def entry(
        self,
        days_ago: int,
        kind: ContributionKind,
        *,
        beneficiary: str = "",
        evidence: EvidenceStrength = EvidenceStrength.SELF_CLAIM,
        quote: str = "",
        title: str = "Work",
    ) -> int:
        ledger = LedgerService(self.database, today=lambda: TODAY)
        stored = ledger.add(
            Contribution(
                self.on(days_ago),
                title,
                kind,
                beneficiary=beneficiary,
                evidence=evidence,
                feedback_quote=quote,
                hours=2.0,
            )
        )
        assert stored.id is not None
        return stored.id

    def prototype(
        self,
        title: str,
        stages: tuple[tuple[Stage, int], ...],
        *,
        hours: float = 0.0,
        consulted: int = 0,
        because: ShelveReason | None = None,
    ) -> None:
        history = tuple(
            StageChange(
                stage,
                self.on(days_ago),
                shelved_because=because if stage is Stage.SHELVED else None,
            )
            for stage, days_ago in stages
        )
        prototypes = PrototypeService(self.database, today=lambda: TODAY)
        prototypes.add(Prototype(title, history, hours=hours, consulted_count=consulted))

    def checkin(
        self, weeks_ago: int, *, assigned: float, helping: float, learning: float, solo: float
    ) -> None:
        week = IsoWeek.of(TODAY - dt.timedelta(weeks=weeks_ago))
        checkins = CheckInService(self.database, today=lambda: TODAY)
        checkins.save(CheckIn(week, assigned, helping, learning, solo))

    def assess(
        self,
        days_ago: int,
        levels: Mapping[str, str],
        evidence: Mapping[str, tuple[int, ...]] | None = None,
    ) -> None:
        service = AssessmentService(self.database, today=lambda: self.on(days_ago))
        service.add(levels, evidence or {})

    def start_draft(self) -> None:
        service = AssessmentService(self.database, today=lambda: TODAY)
        service.start("data-science-ic", "senior", self.on(30), TODAY)

    def coach(self, today: dt.date = TODAY) -> CoachService:
        rules = RuleSources(builtin_rules_dir(), self.services.coach.rule_sources.user_dir)
        return CoachService(self.database, rules, today=lambda: today)

    def fired(self, today: dt.date = TODAY) -> list[str]:
        """The ids of the suggestions shown, in rank order (no rule may be broken)."""
        advice = self.coach(today).advice()
        assert advice.problems == ()
        return [suggestion.rule.id for suggestion in advice.suggestions]
