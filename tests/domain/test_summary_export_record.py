"""The record of an exported summary: formats, paper sizes, and checked talking points/asks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import FieldProblem, InvalidRecordError
from careercoach.domain.summary_export import (
    MAX_FILE_NAME,
    MAX_POINT_LENGTH,
    MAX_POINTS,
    ExportFormat,
    PageSize,
    SummaryExport,
    checked_export,
    checked_points,
)
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod

TODAY = dt.date(2026, 11, 27)
PERIOD = SummaryPeriod(dt.date(2026, 11, 13), TODAY, PeriodChoice.SINCE_ONE_ON_ONE)


def test_formats_are_the_cli_tokens_with_matching_file_suffixes() -> None:
    assert [(f.value, f.suffix) for f in ExportFormat] == [
        ("pdf", ".pdf"),
        ("md", ".md"),
        ("html", ".html"),
    ]


def test_page_sizes_read_as_printed_on_a_paper_tray() -> None:
    assert [(size.value, size.label) for size in PageSize] == [("a4", "A4"), ("letter", "Letter")]


def test_an_export_record_defaults_to_nothing_extra() -> None:
    export = SummaryExport(TODAY, PERIOD, ExportFormat.MARKDOWN)
    assert (export.redacted, export.page_size, export.talking_points, export.asks) == (
        False,
        None,
        (),
        (),
    )
    assert (export.file_name, export.id) == ("", None)


# ---------------------------------------------------------------- checked_points


def test_points_and_asks_are_trimmed_and_blank_ones_dropped() -> None:
    points, asks = checked_points(
        ["  Ship the scorer  ", "", "   ", "\tGoals\r\nfor Q1\n"], ("\n", " A course budget")
    )
    assert points == ("Ship the scorer", "Goals\nfor Q1")
    assert asks == ("A course budget",)


def test_no_points_and_no_asks_are_fine() -> None:
    assert checked_points([], []) == ((), ())


def test_a_paragraph_with_line_breaks_and_tabs_is_plain_text() -> None:
    point = "First line\n\tindented second line"
    assert checked_points([point], []) == ((point,), ())


def test_the_longest_point_and_the_most_points_are_accepted() -> None:
    points = ["p" * MAX_POINT_LENGTH] * MAX_POINTS
    assert checked_points(points, points) == (tuple(points), tuple(points))


def test_a_point_that_is_too_long_is_refused() -> None:
    with pytest.raises(InvalidRecordError) as raised:
        checked_points(["p" * (MAX_POINT_LENGTH + 1)], [])
    assert raised.value.code == "summary-invalid"
    assert raised.value.problems == (
        FieldProblem("talking point", f"is longer than {MAX_POINT_LENGTH} characters"),
    )


def test_length_is_counted_after_trimming() -> None:
    padded = "  " + "p" * MAX_POINT_LENGTH + "  "
    assert checked_points([padded], []) == (("p" * MAX_POINT_LENGTH,), ())


def test_too_many_asks_are_refused_and_blank_ones_do_not_count() -> None:
    checked_points([], ["ask"] * MAX_POINTS + ["", " "])
    with pytest.raises(InvalidRecordError) as raised:
        checked_points([], ["ask"] * (MAX_POINTS + 1))
    assert raised.value.problems == (FieldProblem("asks", f"are more than {MAX_POINTS}"),)


def test_every_problem_is_named_at_once() -> None:
    with pytest.raises(InvalidRecordError) as raised:
        checked_points(
            ["ok"] * (MAX_POINTS + 1),
            ["bell\x07", "x" * (MAX_POINT_LENGTH + 1), "bad \ud800 text"],
        )
    assert raised.value.problems == (
        FieldProblem("talking points", f"are more than {MAX_POINTS}"),
        FieldProblem("ask", "contains control characters"),
        FieldProblem("ask", f"is longer than {MAX_POINT_LENGTH} characters"),
        FieldProblem("ask", "contains characters that are not valid text"),
    )
    assert "talking points: are more than 30" in raised.value.message


def test_an_invalid_record_is_a_user_error() -> None:
    with pytest.raises(UserError):
        checked_points(["\x00"], [])


@given(
    points=st.lists(st.text(max_size=1100), max_size=35),
    asks=st.lists(st.text(max_size=50), max_size=5),
)
def test_any_points_are_cleaned_or_refused_clearly(points: list[str], asks: list[str]) -> None:
    try:
        cleaned, cleaned_asks = checked_points(points, asks)
    except InvalidRecordError as error:
        refused: InvalidRecordError | None = error
    else:
        refused = None
    if refused is not None:
        assert refused.problems
        assert refused.message.startswith("the summary cannot be saved: ")
        return
    assert len(cleaned) <= MAX_POINTS
    assert all(p and p == p.strip() and len(p) <= MAX_POINT_LENGTH for p in cleaned)
    assert all(a and a == a.strip() for a in cleaned_asks)
    assert len(cleaned) == sum(1 for p in points if p.strip())


# ---------------------------------------------------------------- checked_export


def test_a_checked_export_has_its_points_cleaned_and_the_rest_kept() -> None:
    export = SummaryExport(
        TODAY,
        PERIOD,
        ExportFormat.PDF,
        redacted=True,
        page_size=PageSize.LETTER,
        talking_points=(" One ", ""),
        asks=("", "Two\r\n"),
        file_name="summary-2026-11-27.pdf",
        id=4,
    )
    assert checked_export(export) == SummaryExport(
        TODAY,
        PERIOD,
        ExportFormat.PDF,
        redacted=True,
        page_size=PageSize.LETTER,
        talking_points=("One",),
        asks=("Two",),
        file_name="summary-2026-11-27.pdf",
        id=4,
    )


def test_a_file_name_must_be_one_short_line() -> None:
    ok = SummaryExport(TODAY, PERIOD, ExportFormat.HTML, file_name="n" * MAX_FILE_NAME)
    assert checked_export(ok) == ok
    for name, message in (
        ("n" * (MAX_FILE_NAME + 1), f"is longer than {MAX_FILE_NAME} characters"),
        ("two\nlines.html", "must be one line, without control characters"),
    ):
        with pytest.raises(InvalidRecordError) as raised:
            checked_export(SummaryExport(TODAY, PERIOD, ExportFormat.HTML, file_name=name))
        assert raised.value.problems == (FieldProblem("file name", message),)


def test_a_checked_export_refuses_bad_points() -> None:
    export = SummaryExport(TODAY, PERIOD, ExportFormat.MARKDOWN, talking_points=("\x00",))
    with pytest.raises(InvalidRecordError, match="talking point"):
        checked_export(export)
