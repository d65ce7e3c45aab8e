"""The 1:1 rhythm in the profile: scheduled, moved, cleared, and its cadence kept in bounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain.errors import UserError
from careercoach.domain.profile import DEFAULT_ONE_ON_ONE_EVERY_DAYS, MAX_ONE_ON_ONE_EVERY_DAYS
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.services.profile_service import ProfileChanges
from tests.database_backends import DatabaseBackend

NEXT = dt.date(2026, 12, 3)


@pytest.fixture
def services(isolated_app_dirs: Path, database_backend: DatabaseBackend) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, database_backend.url)
    yield opened
    opened.close()


def test_a_new_profile_has_no_1_1_and_the_default_cadence(services: AppServices) -> None:
    profile = services.profile.show()
    assert profile.next_one_on_one is None
    assert profile.one_on_one_every_days == DEFAULT_ONE_ON_ONE_EVERY_DAYS


def test_scheduling_stores_the_date_and_cadence(services: AppServices) -> None:
    saved = services.profile.update(
        ProfileChanges(name="Ada", one_on_one_every_days=7, next_one_on_one=NEXT)
    )
    assert (saved.one_on_one_every_days, saved.next_one_on_one) == (7, NEXT)
    assert services.profile.show() == saved


def test_other_changes_leave_the_scheduled_1_1_alone(services: AppServices) -> None:
    services.profile.update(ProfileChanges(next_one_on_one=NEXT, one_on_one_every_days=21))
    profile = services.profile.update(ProfileChanges(name="Ada Lovelace"))
    assert (profile.name, profile.next_one_on_one, profile.one_on_one_every_days) == (
        "Ada Lovelace",
        NEXT,
        21,
    )


def test_clearing_unschedules_the_1_1_and_keeps_the_cadence(services: AppServices) -> None:
    services.profile.update(ProfileChanges(next_one_on_one=NEXT, one_on_one_every_days=7))
    cleared = services.profile.update(ProfileChanges(clear_next_one_on_one=True))
    assert cleared.next_one_on_one is None
    assert cleared.one_on_one_every_days == 7
    assert services.profile.show().next_one_on_one is None


def test_clearing_when_nothing_is_scheduled_is_harmless(services: AppServices) -> None:
    profile = services.profile.update(ProfileChanges(name="Ada", clear_next_one_on_one=True))
    assert profile.next_one_on_one is None
    assert profile.name == "Ada"


def test_a_date_and_a_clear_together_are_refused(services: AppServices) -> None:
    services.profile.update(ProfileChanges(next_one_on_one=NEXT))
    with pytest.raises(UserError) as raised:
        services.profile.update(
            ProfileChanges(next_one_on_one=NEXT + dt.timedelta(days=7), clear_next_one_on_one=True)
        )
    assert raised.value.code == "profile-next-one-on-one-conflict"
    assert services.profile.show().next_one_on_one == NEXT  # nothing was stored


@pytest.mark.parametrize("days", [1, 7, MAX_ONE_ON_ONE_EVERY_DAYS])
def test_cadences_within_bounds_are_stored(services: AppServices, days: int) -> None:
    assert (
        services.profile.update(ProfileChanges(one_on_one_every_days=days)).one_on_one_every_days
        == days
    )


@pytest.mark.parametrize("days", [0, -7, MAX_ONE_ON_ONE_EVERY_DAYS + 1])
def test_cadences_out_of_bounds_are_refused(services: AppServices, days: int) -> None:
    services.profile.update(ProfileChanges(one_on_one_every_days=10))
    with pytest.raises(UserError) as raised:
        services.profile.update(ProfileChanges(one_on_one_every_days=days))
    assert raised.value.code == "profile-cadence"
    assert services.profile.show().one_on_one_every_days == 10
