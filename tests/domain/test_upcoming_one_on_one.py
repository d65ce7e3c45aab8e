"""The next 1:1: a scheduled date that has passed moves forward by the profile's cadence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.profile import Profile, upcoming_one_on_one

TODAY = dt.date(2026, 3, 18)


def upcoming(scheduled: dt.date | None, every: int = 14, today: dt.date = TODAY) -> dt.date | None:
    return upcoming_one_on_one(
        Profile(one_on_one_every_days=every, next_one_on_one=scheduled), today
    )


def test_nothing_scheduled_gives_none() -> None:
    assert upcoming(None) is None


@pytest.mark.parametrize("scheduled", [TODAY, dt.date(2026, 3, 19), dt.date(2027, 1, 1)])
def test_a_date_today_or_later_is_kept(scheduled: dt.date) -> None:
    assert upcoming(scheduled) == scheduled


@pytest.mark.parametrize(
    ("scheduled", "every", "expected"),
    [
        (dt.date(2026, 3, 17), 14, dt.date(2026, 3, 31)),
        (dt.date(2026, 3, 4), 14, TODAY),
        (dt.date(2026, 3, 3), 14, dt.date(2026, 3, 31)),
        (dt.date(2026, 2, 18), 14, TODAY),
        (dt.date(2026, 3, 11), 7, TODAY),
        (dt.date(2026, 3, 10), 7, dt.date(2026, 3, 24)),
        (dt.date(2026, 3, 17), 1, TODAY),
        (dt.date(2025, 3, 18), 365, TODAY),
        (dt.date(2025, 3, 17), 365, dt.date(2026, 3, 17) + dt.timedelta(days=365)),
    ],
)
def test_a_passed_date_rolls_forward_by_whole_periods(
    scheduled: dt.date, every: int, expected: dt.date
) -> None:
    assert upcoming(scheduled, every) == expected


def test_rolling_forward_crosses_a_leap_day() -> None:
    assert upcoming(dt.date(2024, 2, 20), 7, dt.date(2024, 3, 1)) == dt.date(2024, 3, 5)


@pytest.mark.parametrize("every", [0, -5])
def test_a_cadence_below_one_day_counts_as_daily(every: int) -> None:
    assert upcoming(dt.date(2026, 1, 1), every) == TODAY


@given(
    scheduled=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
    today=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
    every=st.integers(min_value=1, max_value=365),
)
def test_the_next_date_is_the_first_on_the_cadence_from_today(
    scheduled: dt.date, today: dt.date, every: int
) -> None:
    found = upcoming(scheduled, every, today)
    assert found is not None
    assert found >= today
    if scheduled >= today:
        assert found == scheduled
    else:
        assert (found - scheduled).days % every == 0
        assert (found - today).days < every
