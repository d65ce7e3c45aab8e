"""The 1:1 summary service: the period, the summary of stored data, and export records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain.contribution import Contribution
from careercoach.domain.contribution import ContributionKind as Kind
from careercoach.domain.contribution import EvidenceStrength as Strength
from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import InvalidRecordError
from careercoach.domain.prototype import ShelveReason, Stage
from careercoach.domain.summary_export import ExportFormat, PageSize, SummaryExport
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services
from careercoach.services.ledger_service import LedgerService
from careercoach.services.summary_service import SummaryService
from tests.database_backends import DatabaseBackend
from tests.services.coach_world import DATA_SCIENCE, TODAY, World

NOW = dt.datetime(2026, 3, 4, 16, 45)


@pytest.fixture
def world(isolated_app_dirs: Path, database_backend: DatabaseBackend) -> Iterator[World]:
    paths = AppPaths(isolated_app_dirs)
    services = open_services(paths, database_backend.url)
    yield World(services)
    services.close()


def service(world: World) -> SummaryService:
    return SummaryService(world.database, world.coach(), clock=lambda: NOW, today=lambda: TODAY)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def all_at(level: str) -> dict[str, str]:
    return dict.fromkeys(DATA_SCIENCE, level)


# ---------------------------------------------------------------- period


def test_the_default_period_is_since_the_last_one_on_one(world: World) -> None:
    # Fortnightly, last set 13 days ago: the next is tomorrow, so the last was 13 days ago.
    world.profile(name="Leo", one_on_one_every_days=14, next_one_on_one=world.on(13))
    assert service(world).period() == SummaryPeriod(
        world.on(13), TODAY, PeriodChoice.SINCE_ONE_ON_ONE
    )


def test_without_a_one_on_one_the_default_period_is_the_last_30_days(world: World) -> None:
    world.profile(name="Noor")
    assert service(world).period() == SummaryPeriod(world.on(29), TODAY, PeriodChoice.LAST_30_DAYS)


def test_before_any_profile_the_default_period_is_the_last_30_days(world: World) -> None:
    assert service(world).period() == SummaryPeriod(world.on(29), TODAY, PeriodChoice.LAST_30_DAYS)


@pytest.mark.parametrize(
    ("choice", "length"), [(PeriodChoice.LAST_30_DAYS, 30), (PeriodChoice.LAST_90_DAYS, 90)]
)
def test_the_last_30_or_90_days_end_today(world: World, choice: PeriodChoice, length: int) -> None:
    world.profile(next_one_on_one=world.on(-3))
    assert service(world).period(choice) == SummaryPeriod(world.on(length - 1), TODAY, choice)


def test_a_custom_period_takes_the_given_dates(world: World) -> None:
    summaries = service(world)
    assert summaries.period(PeriodChoice.CUSTOM, world.on(60), world.on(10)) == SummaryPeriod(
        world.on(60), world.on(10), PeriodChoice.CUSTOM
    )
    assert summaries.period(PeriodChoice.CUSTOM, world.on(60)) == SummaryPeriod(
        world.on(60), TODAY, PeriodChoice.CUSTOM
    )


def test_dates_are_ignored_unless_the_period_is_custom(world: World) -> None:
    period = service(world).period(PeriodChoice.LAST_90_DAYS, world.on(5), world.on(1))
    assert period == SummaryPeriod(world.on(89), TODAY, PeriodChoice.LAST_90_DAYS)


def test_a_custom_period_starting_after_it_ends_is_refused(world: World) -> None:
    with pytest.raises(UserError) as raised:
        service(world).period(PeriodChoice.CUSTOM, world.on(1), world.on(2))
    assert raised.value.code == "period-order"


# ---------------------------------------------------------------- summary


def stored_world(world: World) -> dict[str, int]:
    """A user with a 1:1 tomorrow, work inside and outside the period, and prototypes."""
    world.profile(
        name="Leo Park",
        role="Data Scientist",
        one_on_one_every_days=14,
        next_one_on_one=world.on(13),
    )
    ids = {
        "before": world.entry(14, Kind.MENTORING, beneficiary="Kim Ito", title="Before"),
        "first": world.entry(
            13,
            Kind.TESTS,
            beneficiary="Raj Patel",
            quote="Caught the null bug",
            title="Tests for Raj Patel",
        ),
        "review": world.entry(
            5,
            Kind.CODE_REVIEW,
            beneficiary="Ana Lima",
            evidence=Strength.PEER_CONFIRMED,
            title="Reviewed the scorer",
        ),
        "today": world.entry(0, Kind.DELIVERY, title="Shipped the scorer"),
    }
    ledger = LedgerService(world.database, today=lambda: TODAY)
    stored = ledger.add(
        Contribution(
            world.on(2),
            "Atlas onboarding",
            Kind.DOCUMENTATION,
            beneficiary="Raj Patel",
            project="Atlas",
        )
    )
    ids["atlas"] = stored.id or 0
    world.prototype("Auto-EDA", ((Stage.IDEA, 40), (Stage.BUILDING, 35)), hours=32)
    world.prototype(
        "Feature store",
        ((Stage.IDEA, 60), (Stage.VALIDATING, 50), (Stage.SHELVED, 3)),
        consulted=4,
        because=ShelveReason.NO_TIME,
    )
    world.prototype("Label tool", ((Stage.IDEA, 90), (Stage.ADOPTED, 60)), consulted=3)
    world.assess(20, all_at("senior"), {cid: (ids["before"],) for cid in DATA_SCIENCE})
    return ids


def test_the_summary_covers_the_default_period_of_the_stored_data(world: World) -> None:
    stored_world(world)
    report = service(world).summary()
    assert report.header.name == "Leo Park"
    assert report.header.period == SummaryPeriod(
        world.on(13), TODAY, PeriodChoice.SINCE_ONE_ON_ONE
    )
    assert report.header.generated_on == TODAY
    assert (report.header.ladder_name, report.header.ladder_version) == ("Data Science IC", "1.0")
    assert [h.title for h in report.highlights] == [
        "Shipped the scorer",
        "Atlas onboarding",
        "Reviewed the scorer",
        "Tests for Raj Patel",
    ]
    assert report.highlights[1].project == "Atlas"
    assert report.redacted is False


def test_the_summary_counts_helping_work_and_people_helped(world: World) -> None:
    stored_world(world)
    stats = service(world).summary().collaboration
    assert stats.helping_total == 3
    assert stats.by_kind == (("Tests", 1), ("Code review", 1), ("Documentation", 1))
    assert stats.people_helped == ("Raj Patel", "Ana Lima")
    assert [(q.quote, q.who) for q in stats.quotes] == [("Caught the null bug", "Raj Patel")]


def test_the_summary_lists_prototypes_in_flight_or_moved_in_the_period(world: World) -> None:
    stored_world(world)
    lines = service(world).summary().prototypes
    assert [(line.title, line.stage, line.since) for line in lines] == [
        ("Feature store", "Shelved", world.on(3)),
        ("Auto-EDA", "Building", world.on(35)),
    ]
    assert lines[0].note == "No time to continue"
    assert lines[1].note == "Built without a validating stage; built mostly alone"
    assert lines[1].hours == 32.0


def test_the_summary_rates_each_competency_from_the_latest_assessment(world: World) -> None:
    stored_world(world)
    report = service(world).summary()
    assert report.standing.estimate == "Senior Data Scientist"
    assert report.standing.assessed_on == world.on(20)
    assert len(report.competencies) == len(DATA_SCIENCE)
    for line in report.competencies:
        assert (line.rating, line.target, line.below_target) == (
            "Senior Data Scientist",
            "Senior Data Scientist",
            False,
        )
        assert [item.title for item in line.evidence] == ["Before"]
    assert report.radar is not None
    assert len(report.radar.axes) == len(DATA_SCIENCE)


def test_the_next_actions_are_the_coachs_top_five(world: World) -> None:
    """The solo hero of the coach's personas: six suggestions fire, five are shown."""
    world.profile(name="Hana", next_one_on_one=world.on(-10))
    work = world.entry(3, Kind.DELIVERY, title="Shipped the scorer")
    world.entry(12, Kind.DELIVERY)
    world.entry(100, Kind.CODE_REVIEW, beneficiary="Raj")
    world.prototype("Auto-EDA generator", ((Stage.IDEA, 40), (Stage.BUILDING, 35)), hours=32)
    for weeks_ago in range(4):
        world.checkin(weeks_ago, assigned=30, helping=1, learning=2, solo=12)
    world.assess(20, all_at("senior"), {cid: (work,) for cid in DATA_SCIENCE})
    suggestions = world.coach().advice().suggestions
    assert len(suggestions) == 6

    actions = service(world).summary().actions
    assert [(a.rule_id, a.title, a.message) for a in actions] == [
        (s.rule.id, s.rule.title, s.message) for s in suggestions[:5]
    ]


def test_a_summary_of_an_empty_database_says_nothing_is_assessed(world: World) -> None:
    report = service(world).summary()
    assert report.header.name == ""
    assert report.header.ladder_name == "Data Science IC"
    assert report.standing.estimate == "Not assessed yet"
    assert report.standing.target == "Senior Data Scientist"
    assert (report.highlights, report.competencies, report.prototypes) == ((), (), ())
    assert report.radar is None


def test_a_summary_of_a_custom_period_holds_only_its_entries(world: World) -> None:
    stored_world(world)
    summaries = service(world)
    report = summaries.summary(summaries.period(PeriodChoice.CUSTOM, world.on(14), world.on(5)))
    assert [h.title for h in report.highlights] == [
        "Reviewed the scorer",
        "Tests for Raj Patel",
        "Before",
    ]


def test_a_redacted_summary_hides_names_but_not_the_users(world: World) -> None:
    stored_world(world)
    report = service(world).summary(
        redact=True, talking_points=["Thank Raj Patel, Leo Park"], asks=["Atlas budget"]
    )
    assert report.redacted is True
    assert report.header.name == "Leo Park"
    assert report.collaboration.people_helped == ("Colleague A", "Colleague B")
    assert report.highlights[1].title == "Project A onboarding"
    assert report.highlights[3].title == "Tests for Colleague A"
    assert report.talking_points == ("Thank Colleague A, Leo Park",)
    assert report.asks == ("Project A budget",)


def test_talking_points_and_asks_are_cleaned(world: World) -> None:
    report = service(world).summary(talking_points=["  One  ", "", "   "], asks=("\n", "Two\r\n"))
    assert report.talking_points == ("One",)
    assert report.asks == ("Two",)


@pytest.mark.parametrize(
    ("points", "asks"), [(["p" * 1001], []), ([], ["a"] * 31), (["bad\x00"], [])]
)
def test_talking_points_that_are_too_long_or_too_many_are_refused(
    world: World, points: list[str], asks: list[str]
) -> None:
    with pytest.raises(InvalidRecordError):
        service(world).summary(talking_points=points, asks=asks)


# ---------------------------------------------------------------- export records


def test_nothing_is_exported_at_first(world: World) -> None:
    summaries = service(world)
    assert summaries.last_export() is None
    assert summaries.exports() == ()


def test_an_export_keeps_the_users_own_words_not_the_redacted_ones(
    world: World, tmp_path: Path
) -> None:
    stored_world(world)
    summaries = service(world)
    points = ["  Thank Raj Patel for the Atlas review ", ""]
    asks = ["Intro to Ana Lima"]
    report = summaries.summary(redact=True, talking_points=points, asks=asks)
    assert report.talking_points == ("Thank Colleague A for the Project A review",)

    export = summaries.record_export(
        report,
        ExportFormat.PDF,
        tmp_path / "out" / "one-on-one.pdf",
        page_size=PageSize.LETTER,
        talking_points=points,
        asks=asks,
    )

    assert export == SummaryExport(
        created_on=TODAY,
        period=report.header.period,
        format=ExportFormat.PDF,
        redacted=True,
        page_size=PageSize.LETTER,
        talking_points=("Thank Raj Patel for the Atlas review",),
        asks=("Intro to Ana Lima",),
        file_name="one-on-one.pdf",
        id=export.id,
    )
    assert export.id is not None
    assert summaries.last_export() == export
    assert summaries.exports() == (export,)


def test_only_a_pdf_records_a_page_size(world: World, tmp_path: Path) -> None:
    summaries = service(world)
    report = summaries.summary()
    export = summaries.record_export(
        report, ExportFormat.MARKDOWN, tmp_path / "summary.md", page_size=PageSize.A4
    )
    assert (export.page_size, export.format, export.redacted) == (
        None,
        ExportFormat.MARKDOWN,
        False,
    )
    assert (export.talking_points, export.asks, export.file_name) == ((), (), "summary.md")


def test_the_last_export_is_the_latest_and_exports_come_latest_first(
    world: World, tmp_path: Path
) -> None:
    summaries = service(world)
    first = summaries.record_export(
        summaries.summary(summaries.period(PeriodChoice.LAST_90_DAYS)),
        ExportFormat.HTML,
        tmp_path / "a.html",
        talking_points=["Old point"],
    )
    second = summaries.record_export(
        summaries.summary(),
        ExportFormat.PDF,
        tmp_path / "b.pdf",
        page_size=PageSize.A4,
        asks=["New ask"],
    )
    assert summaries.last_export() == second
    assert summaries.exports() == (second, first)
    assert first.period.choice is PeriodChoice.LAST_90_DAYS
    assert (second.talking_points, second.asks) == ((), ("New ask",))
    # A service opened later reads the same records.
    assert service(world).last_export() == second


def test_an_export_with_bad_points_is_refused_and_not_stored(world: World, tmp_path: Path) -> None:
    summaries = service(world)
    with pytest.raises(InvalidRecordError):
        summaries.record_export(
            summaries.summary(), ExportFormat.MARKDOWN, tmp_path / "x.md", asks=["a" * 1001]
        )
    assert summaries.exports() == ()


def test_a_past_period_reads_the_assessment_finished_by_its_end(world: World) -> None:
    work = world.entry(130, Kind.CODE_REVIEW, beneficiary="Ana")
    world.assess(120, all_at("mid"), {cid: (work,) for cid in DATA_SCIENCE})
    world.assess(20, all_at("senior"), {cid: (work,) for cid in DATA_SCIENCE})
    summaries = service(world)
    past = summaries.period(PeriodChoice.CUSTOM, world.on(150), world.on(60))
    assert summaries.summary(past).standing.assessed_on == world.on(120)
    assert summaries.summary().standing.assessed_on == world.on(20)
    before_any = summaries.period(PeriodChoice.CUSTOM, world.on(400), world.on(300))
    assert summaries.summary(before_any).standing.estimate == "Not assessed yet"
