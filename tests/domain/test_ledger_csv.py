"""Tests for writing the contribution ledger as CSV text and reading it back."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.contribution import (
    EARLIEST_DATE,
    Contribution,
    ContributionKind,
    EvidenceStrength,
)
from careercoach.domain.contribution_checks import normalised_contribution
from careercoach.domain.errors import UserError
from careercoach.domain.ledger_csv import (
    LEDGER_CSV_COLUMNS,
    LedgerCsvError,
    RowProblem,
    parse_ledger_csv,
    render_ledger_csv,
)
from careercoach.domain.rubric import Rubric, Size

TODAY = dt.date(2025, 3, 14)

FULL_ENTRY = Contribution(
    date=dt.date(2025, 1, 31),
    title='Reviewed the "billing" rewrite, line by line',
    kind=ContributionKind.CODE_REVIEW,
    beneficiary="Zoë Ångström",
    project="billing, v2",
    hours=1.5,
    rubric=Rubric(ambiguity=2, complexity=4, cross_functional=3, size=Size.XL),
    external_challenges="Spec changed twice;\nno staging data",
    outcome="Caught a rounding bug before release\nSaved a hotfix",
    links=("https://example.com/pr/1", "https://example.com/pr/2?a=1,b=2"),
    feedback_quote='"Best review this quarter" — Ana',
    evidence=EvidenceStrength.PEER_CONFIRMED,
    competencies=("code-quality", "communication"),
)
FORMULA_ENTRIES = (
    Contribution(dt.date(2025, 2, 1), "=SUM(A1)", ContributionKind.DOCUMENTATION),
    Contribution(dt.date(2025, 2, 2), "-1 bug", ContributionKind.BUG_CAUGHT, hours=2.0),
    Contribution(dt.date(2025, 2, 3), "'=x", ContributionKind.TESTS, beneficiary="+44 team"),
    Contribution(
        dt.date(2025, 2, 4),
        "@here",
        ContributionKind.OTHER,
        outcome="'plain quote start",
        links=('=HYPERLINK("x")', "@y"),
        feedback_quote="'",
    ),
    Contribution(dt.date(1970, 1, 1), "Minimal", ContributionKind.DELIVERY),
)
HEADER = ",".join(LEDGER_CSV_COLUMNS)


def csv_cells(text: str) -> list[list[str]]:
    """The cells of CSV text as the standard reader sees them."""
    return list(csv.reader(io.StringIO(text, newline="")))


def parse_error(text: str) -> LedgerCsvError:
    """The error that parsing ``text`` raises."""
    with pytest.raises(LedgerCsvError) as caught:
        parse_ledger_csv(text, TODAY)
    return caught.value


# ---------------------------------------------------------------- rendering


def test_render_writes_the_header_then_one_row_per_entry() -> None:
    text = render_ledger_csv([FULL_ENTRY])
    assert text.startswith(HEADER + "\r\n")
    rows = csv_cells(text)
    assert rows[0] == list(LEDGER_CSV_COLUMNS)
    assert dict(zip(rows[0], rows[1], strict=True)) == {
        "date": "2025-01-31",
        "title": 'Reviewed the "billing" rewrite, line by line',
        "kind": "code-review",
        "beneficiary": "Zoë Ångström",
        "project": "billing, v2",
        "hours": "1.5",
        "ambiguity": "2",
        "complexity": "4",
        "cross_functional": "3",
        "size": "XL",
        "external_challenges": "Spec changed twice;\nno staging data",
        "outcome": "Caught a rounding bug before release\nSaved a hotfix",
        "links": "https://example.com/pr/1\nhttps://example.com/pr/2?a=1,b=2",
        "feedback_quote": '"Best review this quarter" — Ana',
        "evidence": "peer-confirmed",
        "competencies": "code-quality;communication",
    }


def test_render_leaves_unset_cells_empty_and_writes_whole_hours_without_a_point() -> None:
    rows = csv_cells(render_ledger_csv(FORMULA_ENTRIES[1:2] + FORMULA_ENTRIES[4:]))
    assert rows[1] == ["2025-02-02", "'-1 bug", "bug-caught", "", "", "2"] + [""] * 8 + [
        "self-claim",
        "",
    ]
    assert rows[2][5] == ""


def test_render_guards_text_that_a_spreadsheet_would_run_as_a_formula() -> None:
    rows = csv_cells(render_ledger_csv(FORMULA_ENTRIES))
    titles = [row[1] for row in rows[1:]]
    assert titles == ["'=SUM(A1)", "'-1 bug", "''=x", "'@here", "Minimal"]
    assert rows[3][3] == "'+44 team"
    assert rows[4][11] == "''plain quote start"
    assert rows[4][12] == '\'=HYPERLINK("x")\n@y'
    assert rows[4][13] == "''"


def test_render_of_nothing_is_the_header_alone() -> None:
    assert render_ledger_csv([]) == HEADER + "\r\n"


# ---------------------------------------------------------------- round trips


def test_hand_written_entries_round_trip_exactly() -> None:
    entries = (FULL_ENTRY, *FORMULA_ENTRIES)
    assert parse_ledger_csv(render_ledger_csv(entries), TODAY) == entries


def test_an_unguarded_leading_apostrophe_is_kept() -> None:
    text = "date,title,kind\n2025-01-01,'quoted on purpose,tests\n"
    assert parse_ledger_csv(text, TODAY)[0].title == "'quoted on purpose"


# Valid text: one-line fields take no control characters, multi-line ones keep \n and \t.
_LINE_CHARS = st.characters(exclude_categories=["Cs", "Cc"])
_TEXT_CHARS = _LINE_CHARS | st.sampled_from("\n\t")


def _clean_text(chars: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    return st.text(chars, max_size=max_size).map(str.strip)


_RATINGS = st.none() | st.integers(1, 5)
CONTRIBUTIONS = st.builds(
    Contribution,
    date=st.dates(min_value=EARLIEST_DATE, max_value=TODAY),
    title=_clean_text(_LINE_CHARS, 60).filter(bool),
    kind=st.sampled_from(ContributionKind),
    beneficiary=_clean_text(_LINE_CHARS, 30),
    project=_clean_text(_LINE_CHARS, 30),
    hours=st.none() | st.integers(0, 100_000).map(lambda hundredths: hundredths / 100),
    rubric=st.builds(
        Rubric,
        ambiguity=_RATINGS,
        complexity=_RATINGS,
        cross_functional=_RATINGS,
        size=st.none() | st.sampled_from(Size),
    ),
    external_challenges=_clean_text(_TEXT_CHARS, 80),
    outcome=_clean_text(_TEXT_CHARS, 80),
    links=st.lists(_clean_text(_LINE_CHARS, 40).filter(bool), max_size=4).map(tuple),
    feedback_quote=_clean_text(_TEXT_CHARS, 80),
    evidence=st.sampled_from(EvidenceStrength),
    competencies=st.lists(
        st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True), max_size=4, unique=True
    ).map(tuple),
    id=st.none(),
)


@given(st.lists(CONTRIBUTIONS, max_size=6))
def test_any_valid_ledger_round_trips(entries: list[Contribution]) -> None:
    assert all(normalised_contribution(entry) == entry for entry in entries)
    assert parse_ledger_csv(render_ledger_csv(entries), TODAY) == tuple(entries)


# ---------------------------------------------------------------- reading


def test_parse_accepts_a_bom_any_column_order_and_case_and_skips_blank_lines() -> None:
    text = (
        "\ufeff Kind ,HOURS,Title,date,Cross-Functional,Evidence,size,links\r\n"
        "\r\n"
        "Code-Review,2,Paired on the parser,2025-03-01,4,,xl,\r\n"
        ",,,,,,,\r\n"
        'tests,,  Added tests  ,2025-03-14,,MANAGER-AGREED,,"a\r\n\r\nb"\r\n'
    )
    assert parse_ledger_csv(text, TODAY) == (
        Contribution(
            dt.date(2025, 3, 1),
            "Paired on the parser",
            ContributionKind.CODE_REVIEW,
            hours=2.0,
            rubric=Rubric(cross_functional=4, size=Size.XL),
        ),
        Contribution(
            dt.date(2025, 3, 14),
            "Added tests",
            ContributionKind.TESTS,
            links=("a", "b"),
            evidence=EvidenceStrength.MANAGER_AGREED,
        ),
    )


def test_parse_of_a_header_alone_is_an_empty_ledger() -> None:
    assert parse_ledger_csv("date,title,kind\r\n", TODAY) == ()


def test_parse_reads_short_rows_and_tolerates_empty_trailing_cells() -> None:
    text = "date,title,kind,outcome,,\n2025-01-01,Short,tests\n2025-01-02,Wide,tests,done,,,\n"
    entries = parse_ledger_csv(text, TODAY)
    assert [(entry.title, entry.outcome) for entry in entries] == [("Short", ""), ("Wide", "done")]


def test_parse_normalises_text_links_and_competencies() -> None:
    text = 'date,title,kind,links,competencies\n2025-01-01," t ",tests," x \n\n y ","a; a;;b "\n'
    (entry,) = parse_ledger_csv(text, TODAY)
    assert (entry.title, entry.links, entry.competencies) == ("t", ("x", "y"), ("a", "b"))


# ---------------------------------------------------------------- row errors


def test_bad_rows_are_reported_together_with_their_row_numbers() -> None:
    text = (
        "date,title,kind\n"
        "2025-01-01,Fine,tests\n"
        "2025-01-02,Wrong kind,foo\n"
        "2025-01-03,Fine too,documentation\n"
        "2025-02-30,Bad date,tests\n"
    )
    error = parse_error(text)
    assert isinstance(error, UserError)
    assert error.code == "ledger-csv-invalid"
    assert error.problems == (
        RowProblem(
            3,
            "kind",
            "unknown kind 'foo' (choose one of: documentation, examples, tests, code-review, "
            "follow-on, mentoring, cross-team, knowledge-sharing, bug-caught, interviewing, "
            "delivery, other)",
        ),
        RowProblem(5, "date", "'2025-02-30' is not a date of the form YYYY-MM-DD"),
    )
    assert error.message.startswith("2 rows cannot be imported: row 3 (kind): unknown kind 'foo'")
    assert "; row 5 (date): '2025-02-30' is not a date" in error.message
    assert "\n" not in error.message


def test_every_problem_of_one_row_is_named_with_its_column() -> None:
    text = (
        "date,title,kind,hours,ambiguity,complexity,size,evidence,competencies,feedback_quote\n"
        f"2099-01-01,,,lots,7,3.5,XXL,sure,Bad_Id,{'q' * 5001}\n"
    )
    error = parse_error(text)
    assert [(p.column, p.message) for p in error.problems] == [
        ("kind", "is required"),
        ("size", "unknown size 'XXL' (choose one of: S, M, L, XL)"),
        (
            "evidence",
            "unknown evidence 'sure' (choose one of: self-claim, artifact, peer-confirmed, "
            "manager-agreed)",
        ),
        ("hours", "'lots' is not a number of hours"),
        ("complexity", "'3.5' is not a whole number from 1 to 5"),
        ("date", "2099-01-01 is in the future"),
        ("title", "is required"),
        ("ambiguity", "must be from 1 to 5, not 7"),
        ("feedback_quote", "is longer than 5000 characters"),
        ("competencies", "'Bad_Id' is not a competency id"),
    ]
    assert {p.row for p in error.problems} == {2}
    assert error.message.startswith("1 row cannot be imported: row 2 (kind): is required; ")
    assert error.message.endswith("; and 5 more problems")


def test_row_numbers_are_spreadsheet_rows_even_after_multi_line_cells() -> None:
    text = 'date,title,kind,links\n2025-01-01,Two links,tests,"a\nb"\n\n2025-01-01,Bad,nope,\n'
    # header = row 1, the two-line record = row 2, the blank line = row 3
    assert [p.row for p in parse_error(text).problems] == [4]


def test_hours_out_of_range_and_a_missing_date_are_refused() -> None:
    text = "date,title,kind,hours\n2025-01-01,Long,tests,1000.25\n,No date,tests,nan\n"
    assert [(p.row, p.column, p.message) for p in parse_error(text).problems] == [
        (2, "hours", "must be a number from 0 to 1000"),
        (3, "date", "is required"),
        (3, "hours", "must be a number from 0 to 1000"),
    ]


def test_a_row_with_more_cells_than_the_header_is_refused() -> None:
    error = parse_error("date,title,kind\n2025-01-01,Title, with comma,tests\n")
    assert error.problems == (
        RowProblem(2, "", "the row has 4 cells but the header names 3 columns"),
    )
    assert error.message == (
        "1 row cannot be imported: row 2: the row has 4 cells but the header names 3 columns"
    )


def test_long_values_are_cut_short_in_messages() -> None:
    error = parse_error(f"date,title,kind\n2025-01-01,T,{'k' * 500}\n")
    (problem,) = error.problems
    assert problem.message.startswith("unknown kind '" + "k" * 59 + "…' (choose one of:")


def test_the_message_stays_one_line_when_a_check_quotes_a_multi_line_cell() -> None:
    error = parse_error('date,title,kind,competencies\n2025-01-01,T,tests,"a\nb"\n')
    assert error.problems == (RowProblem(2, "competencies", "'a\nb' is not a competency id"),)
    assert (
        error.message
        == "1 row cannot be imported: row 2 (competencies): 'a b' is not a competency id"
    )


# ---------------------------------------------------------------- file and header errors


@pytest.mark.parametrize("text", ["", "\ufeff", "\r\n\n", ",,,\n"])
def test_an_empty_file_is_refused(text: str) -> None:
    error = parse_error(text)
    assert error.problems == (
        RowProblem(1, "", f"the file is empty; it must start with a header such as {HEADER}"),
    )


def test_a_missing_title_column_is_named() -> None:
    error = parse_error("date,kind\n2025-01-01,tests\n")
    assert error.problems == (RowProblem(1, "title", "the column 'title' is required"),)
    assert (
        error.message == "the header cannot be used: row 1 (title): the column 'title' is required"
    )


def test_an_unknown_column_suggests_the_closest_one() -> None:
    error = parse_error("date,Titel,kind\n2025-01-01,Oops,tests\n")
    assert error.problems == (
        RowProblem(1, "titel", "unknown column 'Titel' (did you mean 'title'?)"),
        RowProblem(1, "title", "the column 'title' is required"),
    )


def test_an_unknown_column_without_a_close_match_lists_the_columns() -> None:
    (problem,) = parse_error("date,title,kind,zzz\n").problems
    assert problem == RowProblem(
        1, "zzz", "unknown column 'zzz' (the columns are: " + ", ".join(LEDGER_CSV_COLUMNS) + ")"
    )


def test_a_duplicated_or_unnamed_column_is_refused() -> None:
    error = parse_error("date,title,,kind,Title\n")
    assert error.problems == (
        RowProblem(1, "", "column 3 has no name"),
        RowProblem(1, "title", "the column 'title' appears more than once"),
    )


def test_a_file_that_starts_with_data_is_told_to_add_a_header() -> None:
    (problem,) = parse_error("2025-01-01,Fixed it,tests\n").problems
    assert problem.row == 1
    assert problem.message.startswith("the first row must name the columns, such as date,title,")
    assert problem.message.endswith("; it reads '2025-01-01,Fixed it,tests'")


def test_the_header_row_number_counts_leading_blank_lines() -> None:
    (problem,) = parse_error("\n\ndate,kind\n").problems
    assert problem.row == 3


def test_broken_quoting_is_refused_with_its_row() -> None:
    error = parse_error('date,title,kind\n2025-01-01,ok,tests\n2025-01-02,"unclosed,tests\n')
    (problem,) = error.problems
    assert (problem.row, problem.column) == (3, "")
    assert problem.message.startswith("this is not valid CSV (")
    assert error.message.startswith("the file is not valid CSV: row 3: this is not valid CSV")


# ---------------------------------------------------------------- robustness


def _assert_parses_or_refuses(text: str) -> None:
    message = ""
    try:
        entries = parse_ledger_csv(text, TODAY)
    except UserError as error:
        message = error.message
    else:
        assert all(entry.id is None and entry.date <= TODAY for entry in entries)
        return
    assert message
    assert "\n" not in message


@given(st.text())
def test_arbitrary_text_gives_entries_or_a_user_error(text: str) -> None:
    _assert_parses_or_refuses(text)


_CELL = st.text(st.sampled_from("ab1-=';,\"\n\r\t é2025-01-03"), max_size=12) | st.sampled_from(
    ["2025-01-01", "tests", "XL", "3", "1.5", "'=x", ""]
)


@given(
    header=st.lists(st.sampled_from([*LEDGER_CSV_COLUMNS, "Title", "titel"]), max_size=8),
    rows=st.lists(st.lists(_CELL, max_size=9), max_size=5),
)
def test_ledger_shaped_text_gives_entries_or_a_user_error(
    header: list[str], rows: list[list[str]]
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["date", "title", "kind", *header])
    writer.writerows(rows)
    _assert_parses_or_refuses(buffer.getvalue())
