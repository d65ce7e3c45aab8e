"""The stretch of days a 1:1 summary covers, and the default: since the last 1:1."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from careercoach.domain.errors import UserError
from careercoach.domain.profile import Profile, upcoming_one_on_one

DEFAULT_DAYS = 30


class PeriodChoice(StrEnum):
    """How the user picked the period."""

    SINCE_ONE_ON_ONE = "since-one-on-one"
    LAST_30_DAYS = "last-30-days"
    LAST_90_DAYS = "last-90-days"
    CUSTOM = "custom"


@dataclass(frozen=True)
class SummaryPeriod:
    """Inclusive first and last day of a summary."""

    start: dt.date
    end: dt.date
    choice: PeriodChoice = PeriodChoice.CUSTOM

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise UserError(
                "period-order",
                f"the period starts ({self.start.isoformat()}) after it ends "
                f"({self.end.isoformat()})",
            )

    def contains(self, day: dt.date) -> bool:
        """True when ``day`` is in the period, both ends included."""
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """The period as a person reads it: "2026-11-13 to 2026-11-27"."""
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def last_one_on_one(profile: Profile, today: dt.date) -> dt.date | None:
    """The day of the last 1:1: the next one minus the cadence; None when none is scheduled."""
    upcoming = upcoming_one_on_one(profile, today)
    if upcoming is None:
        return None
    return upcoming - dt.timedelta(days=max(1, profile.one_on_one_every_days))


def period_for(choice: PeriodChoice, profile: Profile, today: dt.date) -> SummaryPeriod:
    """The period ``choice`` means today; since-one-on-one falls back to the last 30 days.

    CUSTOM has no meaning without dates; it gives the default period.
    """
    if choice is PeriodChoice.LAST_90_DAYS:
        return last_days(90, today)
    if choice is PeriodChoice.LAST_30_DAYS:
        return last_days(DEFAULT_DAYS, today)
    return default_period(profile, today)


def last_days(days: int, today: dt.date) -> SummaryPeriod:
    """The last ``days`` days, today included (the last 30 days: today and the 29 before)."""
    choice = PeriodChoice.LAST_90_DAYS if days == 90 else PeriodChoice.LAST_30_DAYS
    return SummaryPeriod(today - dt.timedelta(days=days - 1), today, choice)


def default_period(profile: Profile, today: dt.date) -> SummaryPeriod:
    """Since the last 1:1 through today; the last 30 days when no 1:1 is scheduled."""
    last = last_one_on_one(profile, today)
    if last is None or last > today:
        return last_days(DEFAULT_DAYS, today)
    return SummaryPeriod(last, today, PeriodChoice.SINCE_ONE_ON_ONE)


def custom_period(
    profile: Profile, today: dt.date, since: dt.date | None, until: dt.date | None
) -> SummaryPeriod:
    """The period from the user's dates.

    Without ``until`` it ends today; without ``since`` it starts where the default period
    starts, or, for an ``until`` before that, the default's length before ``until``.

    Raises:
        UserError: the start is after the end.
    """
    if since is None and until is None:
        return default_period(profile, today)
    end = until or today
    if since is None:
        default = default_period(profile, today)
        length = default.end - default.start
        since = default.start if default.start <= end else end - length
    return SummaryPeriod(since, end, PeriodChoice.CUSTOM)
