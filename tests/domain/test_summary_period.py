"""The period a 1:1 summary covers: since the last 1:1, the last 30 or 90 days, or custom."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.errors import UserError
from careercoach.domain.profile import Profile, upcoming_one_on_one
from careercoach.domain.summary_period import (
    PeriodChoice,
    SummaryPeriod,
    custom_period,
    default_period,
    last_one_on_one,
    period_for,
)

TODAY = dt.date(2026, 11, 27)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def scheduled(next_one_on_one: dt.date | None, every: int = 14) -> Profile:
    return Profile(
        name="Ada", one_on_one_every_days=every, next_one_on_one=next_one_on_one, is_default=False
    )


NO_ONE_ON_ONE = scheduled(None)


# ---------------------------------------------------------------- SummaryPeriod


def test_the_choice_tokens_are_stable() -> None:
    assert [choice.value for choice in PeriodChoice] == [
        "since-one-on-one",
        "last-30-days",
        "last-90-days",
        "custom",
    ]


def test_a_period_includes_both_ends_and_nothing_outside() -> None:
    period = SummaryPeriod(dt.date(2026, 11, 13), TODAY)
    assert period.contains(dt.date(2026, 11, 13))
    assert period.contains(dt.date(2026, 11, 20))
    assert period.contains(TODAY)
    assert not period.contains(dt.date(2026, 11, 12))
    assert not period.contains(TODAY + days(1))


def test_a_period_of_one_day_is_allowed() -> None:
    period = SummaryPeriod(TODAY, TODAY)
    assert period.contains(TODAY)
    assert period.label == "2026-11-27 to 2026-11-27"


def test_a_period_reads_as_its_two_iso_dates_and_is_custom_by_default() -> None:
    period = SummaryPeriod(dt.date(2026, 11, 13), TODAY)
    assert period.label == "2026-11-13 to 2026-11-27"
    assert period.choice is PeriodChoice.CUSTOM


def test_a_period_starting_after_it_ends_is_refused_with_both_dates() -> None:
    with pytest.raises(UserError) as raised:
        SummaryPeriod(TODAY, TODAY - days(1))
    assert raised.value.code == "period-order"
    assert "2026-11-27" in raised.value.message
    assert "2026-11-26" in raised.value.message


# ---------------------------------------------------------------- the last 1:1


def test_no_last_one_on_one_without_a_scheduled_one() -> None:
    assert last_one_on_one(NO_ONE_ON_ONE, TODAY) is None


def test_the_last_one_on_one_is_the_next_one_minus_the_cadence() -> None:
    profile = scheduled(TODAY + days(5), every=14)
    assert last_one_on_one(profile, TODAY) == TODAY - days(9)


def test_a_one_on_one_today_makes_the_last_one_a_cadence_ago() -> None:
    assert last_one_on_one(scheduled(TODAY, every=7), TODAY) == TODAY - days(7)


def test_a_passed_date_rolls_forward_before_the_cadence_is_taken_off() -> None:
    # Scheduled 2026-11-20 fortnightly: the next is 2026-12-04, so the last was 2026-11-20.
    profile = scheduled(dt.date(2026, 11, 20), every=14)
    assert upcoming_one_on_one(profile, TODAY) == dt.date(2026, 12, 4)
    assert last_one_on_one(profile, TODAY) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("every", [0, -3])
def test_a_cadence_below_one_day_counts_as_daily(every: int) -> None:
    assert last_one_on_one(scheduled(TODAY + days(1), every=every), TODAY) == TODAY


# ---------------------------------------------------------------- the default period


def test_the_default_is_since_the_last_one_on_one_through_today() -> None:
    period = default_period(scheduled(TODAY + days(5), every=14), TODAY)
    assert period == SummaryPeriod(TODAY - days(9), TODAY, PeriodChoice.SINCE_ONE_ON_ONE)


def test_without_a_one_on_one_the_default_is_the_last_30_days() -> None:
    period = default_period(NO_ONE_ON_ONE, TODAY)
    assert period == SummaryPeriod(TODAY - days(29), TODAY, PeriodChoice.LAST_30_DAYS)


def test_a_one_on_one_further_off_than_its_cadence_falls_back_to_30_days() -> None:
    """Next 1:1 in 60 days every 14: the 'last' one would be in the future."""
    period = default_period(scheduled(TODAY + days(60), every=14), TODAY)
    assert period == SummaryPeriod(TODAY - days(29), TODAY, PeriodChoice.LAST_30_DAYS)


def test_a_one_on_one_exactly_a_cadence_away_starts_today() -> None:
    period = default_period(scheduled(TODAY + days(14), every=14), TODAY)
    assert period == SummaryPeriod(TODAY, TODAY, PeriodChoice.SINCE_ONE_ON_ONE)


@given(
    next_one_on_one=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
    today=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
    every=st.integers(min_value=1, max_value=365),
)
def test_the_default_always_ends_today_and_starts_at_the_last_one_on_one_or_30_days_ago(
    next_one_on_one: dt.date, today: dt.date, every: int
) -> None:
    profile = scheduled(next_one_on_one, every)
    period = default_period(profile, today)
    assert period.end == today
    assert period.start <= today
    upcoming = upcoming_one_on_one(profile, today)
    assert upcoming is not None
    if upcoming - days(every) <= today:
        assert period == SummaryPeriod(
            upcoming - days(every), today, PeriodChoice.SINCE_ONE_ON_ONE
        )
        assert (period.end - period.start).days <= every
    else:
        assert period == SummaryPeriod(today - days(29), today, PeriodChoice.LAST_30_DAYS)


# ---------------------------------------------------------------- period_for


@pytest.mark.parametrize(
    ("choice", "length"), [(PeriodChoice.LAST_30_DAYS, 30), (PeriodChoice.LAST_90_DAYS, 90)]
)
@pytest.mark.parametrize("profile", [NO_ONE_ON_ONE, scheduled(TODAY + days(3))])
def test_the_last_n_days_end_today_whatever_the_one_on_one(
    choice: PeriodChoice, length: int, profile: Profile
) -> None:
    assert period_for(choice, profile, TODAY) == SummaryPeriod(
        TODAY - days(length - 1), TODAY, choice
    )


def test_since_one_on_one_uses_the_profiles_one_on_one() -> None:
    profile = scheduled(TODAY + days(2), every=7)
    assert period_for(PeriodChoice.SINCE_ONE_ON_ONE, profile, TODAY) == SummaryPeriod(
        TODAY - days(5), TODAY, PeriodChoice.SINCE_ONE_ON_ONE
    )


def test_since_one_on_one_without_one_falls_back_to_30_days() -> None:
    assert period_for(PeriodChoice.SINCE_ONE_ON_ONE, NO_ONE_ON_ONE, TODAY) == SummaryPeriod(
        TODAY - days(29), TODAY, PeriodChoice.LAST_30_DAYS
    )


@pytest.mark.parametrize("profile", [NO_ONE_ON_ONE, scheduled(TODAY + days(4))])
def test_custom_without_dates_gives_the_default(profile: Profile) -> None:
    assert period_for(PeriodChoice.CUSTOM, profile, TODAY) == default_period(profile, TODAY)


# ---------------------------------------------------------------- custom periods


def test_a_custom_period_keeps_both_dates() -> None:
    period = custom_period(NO_ONE_ON_ONE, TODAY, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert period == SummaryPeriod(dt.date(2026, 1, 1), dt.date(2026, 3, 31), PeriodChoice.CUSTOM)


def test_a_custom_period_without_an_end_runs_through_today() -> None:
    period = custom_period(NO_ONE_ON_ONE, TODAY, dt.date(2026, 10, 1), None)
    assert period == SummaryPeriod(dt.date(2026, 10, 1), TODAY, PeriodChoice.CUSTOM)


def test_a_custom_period_without_a_start_starts_where_the_default_would() -> None:
    profile = scheduled(TODAY + days(5), every=14)
    period = custom_period(profile, TODAY, None, TODAY - days(2))
    assert period == SummaryPeriod(TODAY - days(9), TODAY - days(2), PeriodChoice.CUSTOM)


def test_a_custom_end_before_the_default_start_keeps_the_default_length() -> None:
    end = TODAY - days(100)
    assert custom_period(NO_ONE_ON_ONE, TODAY, None, end) == SummaryPeriod(
        end - days(29), end, PeriodChoice.CUSTOM
    )


def test_a_custom_period_without_dates_is_the_default() -> None:
    profile = scheduled(TODAY + days(5))
    assert custom_period(profile, TODAY, None, None) == default_period(profile, TODAY)


def test_a_custom_period_of_one_day_is_allowed() -> None:
    assert custom_period(NO_ONE_ON_ONE, TODAY, TODAY, TODAY) == SummaryPeriod(
        TODAY, TODAY, PeriodChoice.CUSTOM
    )


def test_a_custom_start_after_the_end_is_refused() -> None:
    with pytest.raises(UserError, match="starts") as raised:
        custom_period(NO_ONE_ON_ONE, TODAY, dt.date(2026, 5, 2), dt.date(2026, 5, 1))
    assert raised.value.code == "period-order"


def test_a_custom_start_after_today_without_an_end_is_refused() -> None:
    with pytest.raises(UserError) as raised:
        custom_period(NO_ONE_ON_ONE, TODAY, TODAY + days(1), None)
    assert raised.value.code == "period-order"


@given(
    since=st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
    until=st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
)
def test_a_custom_period_is_a_valid_period_or_a_user_error(
    since: dt.date | None, until: dt.date | None
) -> None:
    profile = scheduled(TODAY + days(5))
    if since is not None and since > (until or TODAY):
        with pytest.raises(UserError) as raised:
            custom_period(profile, TODAY, since, until)
        assert raised.value.code == "period-order"
        return
    period = custom_period(profile, TODAY, since, until)
    assert period.start <= period.end
    assert period.choice is (
        PeriodChoice.CUSTOM if since or until else PeriodChoice.SINCE_ONE_ON_ONE
    )
    if since is not None:
        assert period.start == since
    if until is not None:
        assert period.end == until
