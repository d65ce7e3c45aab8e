"""The coach's check-in facts: this week, weeks since, and the recent hours across years."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.coach_facts import CoachData, Facts, compute_facts
from careercoach.domain.profile import Profile

WEDNESDAY = dt.date(2026, 3, 18)  # 2026-W12
HOUR_FACTS = (
    "assigned_hours_recent",
    "helping_hours_recent",
    "learning_hours_recent",
    "solo_hours_recent",
)


def weeks_before(today: dt.date, weeks: int) -> IsoWeek:
    return IsoWeek.of(today - dt.timedelta(weeks=weeks))


def checkin(week: IsoWeek, hours: float = 1.0) -> CheckIn:
    return CheckIn(week, 30 * hours, 4 * hours, 2 * hours, hours)


def facts(today: dt.date, *checkins: CheckIn) -> Facts:
    return compute_facts(CoachData(today, Profile(), checkins=checkins))


def test_no_checkins_at_all() -> None:
    found = facts(WEDNESDAY)
    assert found["checked_in_this_week"] is False
    assert found["weeks_since_checkin"] is None
    assert found["recent_checkins"] == 0
    assert [found[name] for name in HOUR_FACTS] == [0, 0, 0, 0]


@pytest.mark.parametrize("day", [dt.date(2026, 3, 16), WEDNESDAY, dt.date(2026, 3, 22)])
def test_a_checkin_for_the_current_iso_week_counts_from_monday_to_sunday(day: dt.date) -> None:
    found = facts(day, checkin(IsoWeek(2026, 12)))
    assert found["checked_in_this_week"] is True
    assert found["weeks_since_checkin"] == 0
    assert found["recent_checkins"] == 1


def test_last_weeks_checkin_is_not_this_weeks() -> None:
    found = facts(dt.date(2026, 3, 23), checkin(IsoWeek(2026, 12)))
    assert found["checked_in_this_week"] is False
    assert found["weeks_since_checkin"] == 1


def test_weeks_since_checkin_counts_from_the_latest_past_week() -> None:
    found = facts(
        WEDNESDAY,
        checkin(weeks_before(WEDNESDAY, 9)),
        checkin(weeks_before(WEDNESDAY, 3)),
        checkin(weeks_before(WEDNESDAY, 20)),
    )
    assert found["weeks_since_checkin"] == 3
    assert found["checked_in_this_week"] is False


def test_a_future_week_is_neither_this_week_nor_the_latest() -> None:
    found = facts(WEDNESDAY, checkin(IsoWeek(2026, 13)), checkin(IsoWeek(2026, 10)))
    assert found["checked_in_this_week"] is False
    assert found["weeks_since_checkin"] == 2
    assert found["recent_checkins"] == 1
    only_future = facts(WEDNESDAY, checkin(IsoWeek(2026, 13)))
    assert only_future["weeks_since_checkin"] is None
    assert only_future["recent_checkins"] == 0


def test_recent_checkins_are_the_four_most_recent_of_the_last_eight_weeks() -> None:
    checkins = [checkin(weeks_before(WEDNESDAY, back), hours=back + 1) for back in range(6)]
    found = facts(WEDNESDAY, *checkins)
    # Weeks 0 to 3 back, with 1, 2, 3 and 4 units of hours.
    assert found["recent_checkins"] == 4
    assert found["assigned_hours_recent"] == 300
    assert found["helping_hours_recent"] == 40
    assert found["learning_hours_recent"] == 20
    assert found["solo_hours_recent"] == 10


def test_the_eight_week_window_includes_seven_weeks_back_and_not_eight() -> None:
    seven = checkin(weeks_before(WEDNESDAY, 7), hours=1)
    eight = checkin(weeks_before(WEDNESDAY, 8), hours=100)
    found = facts(WEDNESDAY, seven, eight)
    assert found["recent_checkins"] == 1
    assert found["solo_hours_recent"] == 1
    assert found["weeks_since_checkin"] == 7
    assert facts(WEDNESDAY, eight)["recent_checkins"] == 0
    assert facts(WEDNESDAY, eight)["weeks_since_checkin"] == 8


def test_recent_hours_are_rounded_to_two_decimals() -> None:
    found = facts(
        WEDNESDAY,
        CheckIn(IsoWeek(2026, 12), 0.1, 0.1, 0.1, 0.1),
        CheckIn(IsoWeek(2026, 11), 0.2, 0.2, 0.2, 0.2),
    )
    assert found["assigned_hours_recent"] == 0.3
    assert found["solo_hours_recent"] == 0.3


def test_the_order_checkins_are_given_in_does_not_matter() -> None:
    checkins = [checkin(weeks_before(WEDNESDAY, back), hours=back + 1) for back in range(6)]
    assert facts(WEDNESDAY, *reversed(checkins)) == facts(WEDNESDAY, *checkins)


# 2026 has an ISO week 53: Monday 2026-12-28 to Sunday 2027-01-03.
NEW_YEAR_WEDNESDAY = dt.date(2027, 1, 6)  # 2027-W01


def test_week_53_is_last_week_at_the_start_of_the_next_year() -> None:
    found = facts(NEW_YEAR_WEDNESDAY, checkin(IsoWeek(2026, 53)))
    assert found["checked_in_this_week"] is False
    assert found["weeks_since_checkin"] == 1
    assert found["recent_checkins"] == 1
    assert facts(NEW_YEAR_WEDNESDAY, checkin(IsoWeek(2026, 52)))["weeks_since_checkin"] == 2


def test_days_of_january_in_week_53_belong_to_that_week() -> None:
    saturday = dt.date(2027, 1, 2)
    found = facts(saturday, checkin(IsoWeek(2026, 53)), checkin(IsoWeek(2027, 1)))
    assert found["checked_in_this_week"] is True
    assert found["weeks_since_checkin"] == 0
    assert found["recent_checkins"] == 1


def test_the_window_spans_the_year_boundary() -> None:
    inside = [IsoWeek(2027, 1), IsoWeek(2026, 53), IsoWeek(2026, 48), IsoWeek(2026, 47)]
    outside = IsoWeek(2026, 46)
    found = facts(NEW_YEAR_WEDNESDAY, *(checkin(week) for week in (*inside, outside)))
    assert found["recent_checkins"] == 4
    assert found["solo_hours_recent"] == 4
    assert facts(NEW_YEAR_WEDNESDAY, checkin(IsoWeek(2026, 47)))["recent_checkins"] == 1
    assert facts(NEW_YEAR_WEDNESDAY, checkin(outside))["recent_checkins"] == 0
    assert facts(NEW_YEAR_WEDNESDAY, checkin(outside))["weeks_since_checkin"] == 8


def test_weeks_since_checkin_across_several_years() -> None:
    found = facts(NEW_YEAR_WEDNESDAY, checkin(IsoWeek(2025, 1)))
    # 2025-W01 starts 2024-12-30; 2027-W01 starts 2027-01-04: 105 weeks apart.
    assert found["weeks_since_checkin"] == 105
