"""Summary export records round-trip through SQLite and PostgreSQL, the latest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from careercoach.domain.summary_export import (
    MAX_FILE_NAME,
    MAX_POINT_LENGTH,
    MAX_POINTS,
    ExportFormat,
    PageSize,
    SummaryExport,
)
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.storage.database import Database

NOW = dt.datetime(2026, 11, 27, 9, 30)
TODAY = NOW.date()

PDF = SummaryExport(
    created_on=TODAY,
    period=SummaryPeriod(dt.date(2026, 11, 13), TODAY, PeriodChoice.SINCE_ONE_ON_ONE),
    format=ExportFormat.PDF,
    redacted=True,
    page_size=PageSize.LETTER,
    talking_points=("Ship the scorer", "Goals for Q1:\n- mentoring\n- the platform"),
    asks=("A budget for the course",),
    file_name="one-on-one-2026-11-27.pdf",
)
MARKDOWN = SummaryExport(
    created_on=dt.date(2026, 11, 28),
    period=SummaryPeriod(dt.date(2026, 1, 1), dt.date(2026, 3, 31), PeriodChoice.CUSTOM),
    format=ExportFormat.MARKDOWN,
    file_name="summary.md",
)


def test_no_exports_at_first(database: Database) -> None:
    with database.unit_of_work() as work:
        assert work.exports.all() == []
        assert work.exports.latest() is None


def test_an_export_reads_back_equal_with_its_new_id(database: Database) -> None:
    with database.unit_of_work() as work:
        stored = work.exports.add(PDF, now=NOW)
    assert stored.id is not None
    assert stored == replace(PDF, id=stored.id)
    with database.unit_of_work() as work:
        assert work.exports.all() == [stored]
        assert work.exports.latest() == stored


def test_every_export_is_kept_and_the_latest_comes_first(database: Database) -> None:
    with database.unit_of_work() as work:
        first = work.exports.add(PDF, now=NOW)
    with database.unit_of_work() as work:
        second = work.exports.add(MARKDOWN, now=NOW + dt.timedelta(days=1))
        third = work.exports.add(PDF, now=NOW + dt.timedelta(days=1))
    ids = [export.id or 0 for export in (first, second, third)]
    assert 0 < ids[0] < ids[1] < ids[2]
    with database.unit_of_work() as work:
        assert work.exports.all() == [third, second, first]
        assert work.exports.latest() == third


@pytest.mark.parametrize("choice", list(PeriodChoice))
@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_every_format_and_period_choice_round_trips(
    database: Database, choice: PeriodChoice, export_format: ExportFormat
) -> None:
    export = SummaryExport(
        TODAY,
        SummaryPeriod(dt.date(2026, 10, 1), TODAY, choice),
        export_format,
        page_size=PageSize.A4 if export_format is ExportFormat.PDF else None,
        file_name=f"summary{export_format.suffix}",
    )
    with database.unit_of_work() as work:
        stored = work.exports.add(export, now=NOW)
    with database.unit_of_work() as work:
        assert work.exports.latest() == stored


def test_an_export_keeps_a_given_id(database: Database) -> None:
    with database.unit_of_work() as work:
        stored = work.exports.add(replace(MARKDOWN, id=41), now=NOW)
    assert stored.id == 41
    with database.unit_of_work() as work:
        assert work.exports.all() == [stored]


def test_the_largest_points_asks_and_file_name_round_trip(database: Database) -> None:
    point = "Ünïcödé ✓ “quotes” & <tags> " + "p" * (MAX_POINT_LENGTH - 28)
    assert len(point) == MAX_POINT_LENGTH
    export = SummaryExport(
        TODAY,
        SummaryPeriod(TODAY, TODAY),
        ExportFormat.HTML,
        talking_points=(point,) * MAX_POINTS,
        asks=tuple(f"ask {n}\n\tdetail" for n in range(MAX_POINTS)),
        file_name="f" * (MAX_FILE_NAME - 5) + ".html",
    )
    with database.unit_of_work() as work:
        stored = work.exports.add(export, now=NOW)
    with database.unit_of_work() as work:
        assert work.exports.latest() == stored


def test_a_failed_transaction_stores_no_export(database: Database) -> None:
    def add_then_fail() -> None:
        with database.unit_of_work() as work:
            work.exports.add(PDF, now=NOW)
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        add_then_fail()
    with database.unit_of_work() as work:
        assert work.exports.all() == []


def test_an_export_added_after_one_stored_with_its_id_gets_a_new_id(database: Database) -> None:
    """A restored record keeps its id; the next new one must not collide with it."""
    with database.unit_of_work() as work:
        restored = work.exports.add(replace(PDF, id=1), now=NOW)
    with database.unit_of_work() as work:
        added = work.exports.add(MARKDOWN, now=NOW)
    assert added.id not in (None, restored.id)
    with database.unit_of_work() as work:
        assert work.exports.all() == [added, restored]
