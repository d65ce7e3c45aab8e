"""Weekly check-ins: where the hours of one ISO week went."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import (
    FieldProblem,
    InvalidRecordError,
    check_hours,
    check_text,
    clean_hours,
    clean_text,
)

HOURS_IN_WEEK = 168.0
MAX_NOTE_LENGTH = 5000
_WEEK_PATTERN = re.compile(r"(\d{4})-W(\d{2})")


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week such as 2026-W48 (weeks start on Monday)."""

    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """The week spelled ``YYYY-Www``, or a UserError saying what was expected."""
        match = _WEEK_PATTERN.fullmatch(text.strip())
        if match is None:
            raise UserError(
                "bad-week", f"the week '{text}' is not of the form YYYY-Www (e.g. 2026-W07)"
            )
        year, week = int(match.group(1)), int(match.group(2))
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            raise UserError("bad-week", f"the year {year} has no week {week}") from None
        return cls(year, week)

    @classmethod
    def of(cls, day: dt.date) -> IsoWeek:
        """The week ``day`` falls in."""
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> dt.date:
        """The first day of the week."""
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> dt.date:
        """The last day of the week."""
        return dt.date.fromisocalendar(self.year, self.week, 7)

    def previous(self) -> IsoWeek:
        """The week before this one."""
        return IsoWeek.of(self.monday - dt.timedelta(days=7))

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


@dataclass(frozen=True)
class CheckIn:
    """Hours spent in one week on assigned work, helping others, learning and solo projects."""

    week: IsoWeek
    assigned_hours: float
    helping_hours: float
    learning_hours: float
    solo_hours: float
    note: str = ""

    @property
    def total_hours(self) -> float:
        """All the hours accounted for."""
        return self.assigned_hours + self.helping_hours + self.learning_hours + self.solo_hours


def checkin_problems(checkin: CheckIn, today: dt.date) -> tuple[FieldProblem, ...]:
    """Everything wrong with ``checkin``; empty when it can be stored."""
    problems: list[FieldProblem] = []
    if checkin.week > IsoWeek.of(today):
        problems.append(FieldProblem("week", f"{checkin.week} has not started yet"))
    elif checkin.week.year < 1970:
        problems.append(FieldProblem("week", "must not be before 1970"))
    for name, hours in (
        ("assigned", checkin.assigned_hours),
        ("helping", checkin.helping_hours),
        ("learning", checkin.learning_hours),
        ("solo", checkin.solo_hours),
    ):
        check_hours(problems, name, hours, HOURS_IN_WEEK)
    if not problems and checkin.total_hours > HOURS_IN_WEEK:
        problems.append(
            FieldProblem("hours", f"add up to {checkin.total_hours:g}, more than a week's 168")
        )
    check_text(problems, "note", checkin.note, MAX_NOTE_LENGTH)
    return tuple(problems)


def checked_checkin(checkin: CheckIn, today: dt.date) -> CheckIn:
    """``checkin`` with its note trimmed, or InvalidRecordError naming every problem."""
    cleaned = CheckIn(
        checkin.week,
        _hours(checkin.assigned_hours),
        _hours(checkin.helping_hours),
        _hours(checkin.learning_hours),
        _hours(checkin.solo_hours),
        clean_text(checkin.note),
    )
    problems = checkin_problems(cleaned, today)
    if problems:
        raise InvalidRecordError("check-in", problems)
    return cleaned


def _hours(value: float) -> float:
    rounded = clean_hours(value)
    assert rounded is not None  # only None stays None
    return rounded
