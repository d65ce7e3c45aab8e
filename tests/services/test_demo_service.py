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
from careercoach.services.assessment_service import AssessmentService
from careercoach.services.checkin_service import CheckInService
from careercoach.services.demo_service import DemoService
from careercoach.services.profile_service import ProfileChanges
from tests.database_backends import DatabaseBackend

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def services(isolated_app_dirs: Path, database_backend: DatabaseBackend) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, database_backend.url)
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
    assert summary.assessments == len(services.assessments.history()) == 4


def test_the_demo_assessments_are_pinned_backed_and_show_growth(services: AppServices) -> None:
    DemoService(services.database, today=lambda: TODAY).fill()

    reports = AssessmentService(services.database, today=lambda: TODAY).reports()
    oldest_first = reports[::-1]
    finished = [r.assessment.finished_on for r in oldest_first]
    assert finished == [TODAY - dt.timedelta(days=days) for days in (270, 180, 90, 7)]
    ladder = services.ladders.get_stored("data-science-ic")
    assert {r.assessment.ladder_hash for r in reports} == {ladder.content_hash}
    assert {r.assessment.target_level_id for r in reports} == {"senior"}
    assert [r.result.estimate.level_id for r in oldest_first] == ["mid"] * 4
    seniors = [
        sum(1 for rating in r.assessment.ratings if rating.level_id == "senior")
        for r in oldest_first
    ]
    assert seniors == [0, 1, 3, 5]
    assert [len(r.result.gaps) for r in oldest_first] == [8, 7, 5, 3]
    assert oldest_first[-1].result.unsupported == ("direction",)

    entries = {entry.id: entry for entry in services.ledger.entries()}
    prototypes = {p.id for p in services.prototypes.prototypes()}
    for report in reports:
        assessment = report.assessment
        for rating in assessment.ratings:
            for entry_id in rating.evidence_ids:
                entry = entries[entry_id]
                assert assessment.period_start <= entry.date <= assessment.period_end
                assert rating.competency_id in entry.competencies
            assert set(rating.prototype_ids) <= prototypes
    latest = services.assessments.latest()
    assert latest is not None
    assert latest.assessment == reports[0].assessment


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


def test_the_demo_refuses_a_database_with_an_assessment(services: AppServices) -> None:
    ladder = services.ladders.get_ladder("data-science-ic")
    report = services.assessments.add({c.id: "mid" for c in ladder.competencies}, {})
    with pytest.raises(UserError, match="already holds your profile or your own records"):
        services.demo.fill()
    assert [a.id for a in services.assessments.history()] == [report.assessment.id]
    assert services.ledger.count() == 0
    assert services.profile.show().is_default


def test_a_demo_failing_at_the_assessments_stores_nothing(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> object:
        raise RuntimeError("disk full")

    # The assessments are stored last, after the entries, prototypes and check-ins.
    monkeypatch.setattr("careercoach.services.demo_service.checked_assessment", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        services.demo.fill()
    assert services.ledger.count() == 0
    assert services.prototypes.prototypes() == ()
    assert services.checkins.checkins() == ()
    assert services.profile.show().is_default
