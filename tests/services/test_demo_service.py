"""The demo year goes into an empty database in one piece, and never over real data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain.checkin import IsoWeek
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.errors import UserError
from careercoach.domain.prototype import Stage
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.services.checkin_service import CheckInService
from careercoach.services.demo_service import DemoService
from careercoach.services.profile_service import ProfileChanges

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def services(isolated_app_dirs: Path) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, paths.default_database_url)
    yield opened
    opened.close()


def test_the_demo_fills_profile_ledger_prototypes_and_checkins(services: AppServices) -> None:
    summary = DemoService(services.database, today=lambda: TODAY).fill()

    profile = services.profile.show()
    entries = services.ledger.entries()
    assert (summary.name, profile.name, profile.ladder_id) == (
        "Sam Rivera",
        "Sam Rivera",
        "data-science-ic",
    )
    assert not profile.is_default
    assert profile.next_one_on_one is not None
    assert TODAY < profile.next_one_on_one <= TODAY + dt.timedelta(days=14)
    assert summary.entries == len(entries) == 200
    assert entries[0].date <= TODAY
    assert len(services.ledger.entries(since=TODAY - dt.timedelta(days=29))) >= 12
    assert {entry.kind for entry in entries} == set(ContributionKind)
    stages = {prototype.stage for prototype in services.prototypes.prototypes()}
    assert {Stage.IDEA, Stage.BUILDING, Stage.ADOPTED, Stage.SHELVED} <= stages
    checkins = CheckInService(services.database, today=lambda: TODAY)
    assert summary.checkins == len(checkins.checkins()) >= 40
    assert checkins.missing_week() == IsoWeek.of(TODAY)  # so the reminder shows


def test_the_demo_refuses_a_database_with_evidence_and_changes_nothing(
    services: AppServices,
) -> None:
    services.ledger.add(Contribution(dt.date(2026, 11, 2), "My own", ContributionKind.TESTS))
    with pytest.raises(UserError, match="demo data only goes into an empty database"):
        services.demo.fill()
    assert [entry.title for entry in services.ledger.entries()] == ["My own"]
    assert services.profile.show().is_default
    assert services.prototypes.prototypes() == ()


def test_the_demo_never_replaces_a_saved_profile(services: AppServices) -> None:
    services.profile.update(ProfileChanges(name="Ada"))
    with pytest.raises(UserError, match="already holds your profile"):
        services.demo.fill()
    assert services.profile.show().name == "Ada"
    assert services.ledger.count() == 0
