"""Everything the Dashboard shows, read in one go off the GUI thread into one immutable value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from careercoach.domain.coach import Suggestion
from careercoach.domain.contribution import Contribution
from careercoach.domain.errors import NotFoundError
from careercoach.domain.ladder import Ladder
from careercoach.domain.level_estimate import level_title
from careercoach.domain.profile import Profile, upcoming_one_on_one
from careercoach.domain.prototype import Prototype
from careercoach.domain.summary_period import last_one_on_one
from careercoach.export.charts import RadarChart, RadarSeries, TrendChart
from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.assessment_views import radar_chart, trend_chart

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices

TOP_SUGGESTIONS = 3
RECENT_ENTRIES = 5
PROTOTYPES_SHOWN = 3


@dataclass(frozen=True)
class Standing:
    """Where the latest assessment puts the user.

    Attributes:
        estimate: The level estimate as shown ("Senior Data Scientist").
        assessed_on: The day the latest assessment was finished.
        below_target: Competencies rated below the target (unrated ones count as below).
        competencies: How many competencies the ladder has.
        previous_estimate: The estimate of the assessment before it on the same ladder.
        previous_on: The day that one was finished.
        steps: Levels moved since then (positive: up); 0 when unknown or the same.
    """

    estimate: str
    assessed_on: dt.date
    below_target: int
    competencies: int
    previous_estimate: str | None = None
    previous_on: dt.date | None = None
    steps: int = 0


@dataclass(frozen=True)
class DashboardData:
    """One reading of the Dashboard, as of ``today``."""

    today: dt.date
    profile: Profile
    ladder_name: str
    target_title: str
    standing: Standing | None
    radar: RadarChart | None
    trend: TrendChart | None
    suggestions: tuple[Suggestion, ...]
    suggestion_count: int
    recent: tuple[Contribution, ...]
    entry_count: int
    in_flight: tuple[Prototype, ...]
    in_flight_count: int
    next_one_on_one: dt.date | None
    last_one_on_one: dt.date | None
    suggestions_read: bool = True


def read_dashboard(
    services: AppServices, today: dt.date, *, with_advice: bool = True
) -> DashboardData:
    """Read the profile, assessments, advice, ledger and prototypes (slow: not on the GUI).

    Without ``with_advice`` the coach is not asked (the first evaluation loads the rules
    engine, a quarter of a second), so the rest can be shown first.
    """
    profile = services.profile.show()
    try:
        ladder: Ladder | None = services.ladders.get_ladder(profile.ladder_id)
    except NotFoundError:  # the profile names a ladder that is gone
        ladder = None
    reports = services.assessments.reports()
    suggestions = services.coach.advice().suggestions if with_advice else ()
    entries = services.ledger.entries()
    in_flight = sorted(
        (p for p in services.prototypes.prototypes() if not p.stage.is_finished),
        key=lambda p: p.stage_since,
        reverse=True,
    )
    radar = dashboard_radar(reports, profile)
    return DashboardData(
        today=today,
        profile=profile,
        ladder_name=ladder.name if ladder is not None else "",
        target_title=level_title(ladder, profile.target_level_id) if ladder is not None else "",
        standing=_standing(reports, radar),
        radar=radar,
        trend=_trend(reports),
        suggestions=suggestions[:TOP_SUGGESTIONS],
        suggestion_count=len(suggestions),
        recent=entries[:RECENT_ENTRIES],
        entry_count=len(entries),
        in_flight=tuple(in_flight[:PROTOTYPES_SHOWN]),
        in_flight_count=len(in_flight),
        next_one_on_one=upcoming_one_on_one(profile, today),
        last_one_on_one=last_one_on_one(profile, today),
        suggestions_read=with_advice,
    )


def holds_no_records(services: AppServices) -> bool:
    """True when the ledger, the prototypes and the check-ins are all empty (run off the GUI).

    The first-run welcome offers the demo year only then.
    """
    return (
        services.ledger.count() == 0
        and not services.prototypes.prototypes()
        and not services.checkins.checkins()
    )


def _trend(reports: tuple[AssessmentReport, ...]) -> TrendChart | None:
    # On the latest assessment's ladder, as the radar; the card's title names it.
    chart = trend_chart(reports, reports[0].ladder.id) if reports else None
    return replace(chart, title="") if chart is not None else None


def dashboard_radar(reports: tuple[AssessmentReport, ...], profile: Profile) -> RadarChart | None:
    """The latest assessment against the target: the profile's, when its ladder has that level."""
    chart = radar_chart(reports, 0)
    if chart is None:
        return None
    latest = reports[0]
    series = [s for s in chart.series if s.style != "previous"]
    index = latest.ladder.level_index(profile.target_level_id)
    if latest.ladder.id == profile.ladder_id and index >= 0:
        target = RadarSeries(
            _target_name(level_title(latest.ladder, profile.target_level_id)),
            tuple(float(index) for _ in chart.axes),
            "target",
        )
        series = [s for s in series if s.style != "target"] + [target]
    return replace(chart, series=tuple(series))


def _target_name(title: str) -> str:
    # Worded as radar_chart words its own target series (one translation for both).
    return QCoreApplication.translate("AssessmentViews", "Target: {level}").format(level=title)


def _standing(reports: tuple[AssessmentReport, ...], radar: RadarChart | None) -> Standing | None:
    latest = reports[0] if reports else None
    if latest is None or latest.assessment.finished_on is None:
        return None
    assessed_on = latest.assessment.finished_on
    current = next((s for s in radar.series if s.style == "current"), None) if radar else None
    target = next((s for s in radar.series if s.style == "target"), None) if radar else None
    below = 0
    if current is not None and target is not None:
        below = sum(
            1
            for have, want in zip(current.values, target.values, strict=True)
            if want is not None and (have is None or have < want)
        )
    standing = Standing(
        estimate=latest.result.estimate.label,
        assessed_on=assessed_on,
        below_target=below,
        competencies=len(latest.ladder.competencies),
    )
    previous = next((r for r in reports[1:] if r.ladder.id == latest.ladder.id), None)
    if previous is None:
        return standing
    now, before = _level_position(latest), _level_position(previous)
    return replace(
        standing,
        previous_estimate=previous.result.estimate.label,
        previous_on=previous.assessment.finished_on,
        steps=now - before if now >= 0 and before >= 0 else 0,
    )


def _level_position(report: AssessmentReport) -> int:
    level_id = report.result.estimate.level_id
    return report.ladder.level_index(level_id) if level_id is not None else -1
