"""The spreadsheet (CSV) importer: both layouts, warnings, every failure and arbitrary input."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.domain.importers import csv_sheet
from careercoach.domain.importers.common import (
    MAX_IMPORT_BYTES,
    ImportedLadder,
    LadderImportError,
)
from careercoach.domain.importers.csv_sheet import MAX_COMPETENCIES, MAX_LEVELS, read_csv
from careercoach.domain.ladder import Expectation

WIDE = """\
Competency,Category,Junior,Mid,Senior,Description
Coding,Craft,Writes small changes.,"Owns features
• Writes tests first
- Reviews others' code",,Turning ideas into code
Talking,People,Talks in stand-up,"* Runs demos
* Writes notes","Leads meetings; shares notes",
"""

LONG = """\
Level;Competency;Summary;Signals;Examples;Category;Notes
Junior;Coding;Writes small changes.;"Asks for help | Pairs often";Fixed a typo;Craft;first note
Senior;Coding;Owns the design.;"- Sets standards
- Mentors; coaches";;Craft;
Junior;Talking;;;;People;
"""


def _read(text: str, name: str = "team-ladder.csv") -> ImportedLadder:
    return read_csv(text.encode("utf-8"), name)


def _error(text: str | bytes, name: str = "team-ladder.csv") -> LadderImportError:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(LadderImportError) as caught:
        read_csv(data, name)
    return caught.value


def _cell(result: ImportedLadder, competency_id: str, level_id: str) -> Expectation:
    competency = result.ladder.competency(competency_id)
    assert competency is not None
    assert level_id in competency.expectations  # every cell is given, even an empty one
    return competency.expectations[level_id]


# ---------------------------------------------------------------- the wide layout


def test_wide_sheet_maps_rows_to_competencies_and_columns_to_levels() -> None:
    result = _read(WIDE, "Team Ladder_v2.csv")
    ladder = result.ladder
    assert result.source_format == "csv"
    assert (ladder.id, ladder.name, ladder.version) == ("team-ladder-v2", "Team Ladder v2", "1")
    assert [(level.id, level.title) for level in ladder.levels] == [
        ("junior", "Junior"),
        ("mid", "Mid"),
        ("senior", "Senior"),
    ]
    coding, talking = ladder.competencies
    assert (coding.id, coding.name, coding.category) == ("coding", "Coding", "Craft")
    assert coding.description == "Turning ideas into code"
    assert (talking.category, talking.description) == ("People", "")
    assert _cell(result, "coding", "junior") == Expectation(summary="Writes small changes.")
    assert _cell(result, "coding", "mid") == Expectation(
        summary="Owns features", signals=("Writes tests first", "Reviews others' code")
    )
    assert _cell(result, "coding", "senior").is_empty
    assert _cell(result, "talking", "mid") == Expectation(signals=("Runs demos", "Writes notes"))
    assert _cell(result, "talking", "senior").summary == "Leads meetings; shares notes"
    assert result.warnings == ()


def test_wide_cell_lines_first_plain_line_is_the_summary_and_the_rest_are_signals() -> None:
    text = 'Skill,L1\nA,"- first bullet\nPlain summary\nSecond plain line\n\n-5% latency"\n'
    cell = _cell(_read(text), "a", "l1")
    assert cell.summary == "Plain summary"
    assert cell.signals == ("first bullet", "Second plain line", "-5% latency")


def test_wide_competency_column_may_be_named_anywhere_and_top_left_may_be_blank() -> None:
    named = _read("Category,Competency,L1,L2\nCraft,Coding,a,b\n").ladder
    assert [level.id for level in named.levels] == ["l1", "l2"]
    assert (named.competencies[0].name, named.competencies[0].category) == ("Coding", "Craft")
    blank = _read(",Junior,Senior\nCoding,a,b\n").ladder
    assert [c.name for c in blank.competencies] == ["Coding"]
    assert blank.level_ids == ("junior", "senior")


@pytest.mark.parametrize(
    "data",
    [
        b'\xef\xbb\xbfCompetency;Junior;Senior\r\nCoding;"a; b";c\r\n',
        b"Competency\tJunior\tSenior\nCoding\ta; b\tc\n",
        b'Competency, Junior, Senior\nCoding, "a; b", c\n',
        b"\n,,\nCompetency,Junior,Senior\n\nCoding,a; b,c,,\n,,,\n",
    ],
    ids=["semicolon-bom-crlf", "tab", "comma-space", "blank-rows"],
)
def test_delimiters_bom_line_endings_and_blank_rows(data: bytes) -> None:
    result = read_csv(data, "x.csv")
    assert result.ladder.level_ids == ("junior", "senior")
    assert _cell(result, "coding", "junior").summary == "a; b"
    assert _cell(result, "coding", "senior").summary == "c"


def test_wide_warnings_for_repeats_a_summary_column_and_an_empty_sheet() -> None:
    result = _read("Competency,Senior,Senior,Summary\nCoding,,,\nCoding,,,\n")
    assert result.ladder.level_ids == ("senior", "senior-2", "summary")
    assert [c.id for c in result.ladder.competencies] == ["coding", "coding-2"]
    assert all(expectation.is_empty for _, _, expectation in result.ladder.cells())
    assert result.warnings == (
        '2 level columns are named "Senior"; they are kept apart with numbered ids',
        "the column 'summary' is read as a level; for one row per cell, name the columns "
        "level, competency and summary",
        '2 competency rows are named "Coding"; they are kept apart with numbered ids',
        "no cell of the sheet has text, so every expectation is empty",
    )


def test_names_come_from_the_file_stem() -> None:
    assert _read(WIDE, "C:\\sheets\\my_ladder.export.csv").ladder.name == "My ladder.export"
    odd = _read(WIDE, "???.csv").ladder
    assert (odd.id, odd.name) == ("ladder", "???")
    assert _read(WIDE, "_.csv").ladder.name == "Imported ladder"
    assert _read(WIDE, "caf\udce9.csv").ladder.id == "caf"  # undecodable file name


# ---------------------------------------------------------------- the long layout


def test_long_sheet_maps_one_row_per_cell() -> None:
    result = _read(LONG)
    ladder = result.ladder
    assert ladder.level_ids == ("junior", "senior")
    assert [(c.id, c.category) for c in ladder.competencies] == [
        ("coding", "Craft"),
        ("talking", "People"),
    ]
    assert _cell(result, "coding", "junior") == Expectation(
        summary="Writes small changes.",
        signals=("Asks for help", "Pairs often"),
        examples=("Fixed a typo",),
        details={"Notes": "first note"},
    )
    assert _cell(result, "coding", "senior") == Expectation(
        summary="Owns the design.", signals=("Sets standards", "Mentors; coaches")
    )
    assert _cell(result, "talking", "junior").is_empty
    assert _cell(result, "talking", "senior").is_empty  # no row for this pair
    assert result.warnings == ()


def test_long_headings_in_any_order_and_case_and_order_of_first_appearance() -> None:
    text = (
        "SUMMARY,competency,Level,description\n"
        "b,Zeta,Second,About zeta\n"
        "a,Alpha,First,\n"
        "c,Zeta,First,Other words\n"
    )
    result = _read(text)
    assert result.ladder.level_ids == ("second", "first")
    zeta, alpha = result.ladder.competencies
    assert (zeta.id, zeta.description, alpha.id) == ("zeta", "About zeta", "alpha")
    assert _cell(result, "zeta", "first").summary == "c"
    assert _cell(result, "alpha", "second").is_empty
    assert result.warnings == (
        'competency "Zeta" has a different description in row 4 ("Other words"); the first '
        'one ("About zeta") is kept',
    )


def test_long_multiline_summary_is_kept_whole() -> None:
    result = _read('level,competency,summary\nL1,Coding,"Line one\r\n- line two"\n')
    assert _cell(result, "coding", "l1") == Expectation(summary="Line one\n- line two")


# ---------------------------------------------------------------- failures


def test_empty_binary_and_non_utf8_files_are_refused() -> None:
    assert _error(b"").problem == "the file is empty"
    assert _error(b" \n\t").problem == "the file is empty"
    assert _error(b"a,b\x00c\n").problem == "this is a binary file, not a ladder"
    non_utf8 = _error(b"Competency,Junior\nCaf\xe9,x\n")
    assert non_utf8.location == "line 2"


def test_a_file_over_the_size_limit_is_refused_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(_: str) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(csv_sheet, "read_rows", fail)
    error = _error(b"a,b\n" * (MAX_IMPORT_BYTES // 4 + 1))
    assert "larger than 5 MB" in error.problem


@pytest.mark.parametrize(
    "text",
    [
        "Just a paragraph of prose without any separators at all.\nAnother line of it.\n",
        "name: Widget Engineering\nlevels:\n  - id: junior\n",
        '{\n  "format": 1,\n  "id": "x"\n}\n',
    ],
    ids=["prose", "yaml", "json"],
)
def test_a_file_of_another_kind_is_not_a_sheet(text: str) -> None:
    error = _error(text)
    assert error.location == "row 1"
    assert "does not look like a spreadsheet" in error.problem


def test_a_file_with_only_empty_cells_has_no_header() -> None:
    error = _error(",,\n , \n")
    assert (error.location, error.problem) == (
        "",
        "no cell of the file has text; there is no header row",
    )


@pytest.mark.parametrize(
    ("text", "location", "words"),
    [
        ("Competency,Category,Description\nX,Y,Z\n", "row 1", "the header names no levels"),
        ("Competency,Junior,Senior\n", "row 1", "no competency rows"),
        ("Competency,Junior\nCoding,a,,extra\n", "row 2, column 4", "right of the last"),
        ("Competency,,Senior\nCoding,,ok\nTalk,oops,\n", "row 3, column 2", "no heading"),
        ("Competency,Junior\nCoding,a\n,text\n", "row 3, column 1", "competency name is empty"),
        ("Competency,Category,Junior,category\n", "row 1, column 4", 'column "category" appe'),
        ("Competency," + "x" * 201 + "\n", "row 1, column 2", "not a column heading"),
        ('Competency,"Two\nlines"\n', "row 1, column 2", "not a column heading"),
        ("\n\nCompetency,J\nCoding,a\n,b\n", "row 5, column 1", "competency name is empty"),
    ],
    ids=[
        "no-levels",
        "no-rows",
        "ragged",
        "unnamed-column",
        "blank-name",
        "repeated-heading",
        "long-heading",
        "multiline-heading",
        "rows-counted-from-file-start",
    ],
)
def test_wide_failures_name_the_row_and_column(text: str, location: str, words: str) -> None:
    error = _error(text)
    assert error.location == location
    assert words in error.problem


@pytest.mark.parametrize(
    ("text", "location", "words"),
    [
        ("level,competency,signals\nL1,C,x\n", "row 1", "no 'summary' column"),
        ("level,competency,summary\nL1,,text\n", "row 2, column 2", "competency is empty"),
        ("competency,level,summary\nC,,text\n", "row 2, column 2", "level is empty"),
        ("level,competency,summary,Level\n", "row 1, column 4", 'column "Level" appears'),
        ("level,competency,summary,Notes,notes\n", "row 1, column 5", "appears twice"),
        ("level,competency,summary\nL1,C,a,b\n", "row 2, column 4", "right of the last"),
    ],
    ids=[
        "no-summary",
        "blank-competency",
        "blank-level",
        "repeated",
        "repeated-detail",
        "ragged",
    ],
)
def test_long_failures_name_the_row_and_column(text: str, location: str, words: str) -> None:
    error = _error(text)
    assert error.location == location
    assert words in error.problem


def test_long_repeated_pair_names_both_rows() -> None:
    error = _error("level,competency,summary\nL1,Coding,a\nL2,Coding,b\nL1,Coding,c\n")
    assert error.location == "row 4"
    assert error.problem == (
        'level "L1" and competency "Coding" were already given in row 2; each pair may have '
        "only one row"
    )


def test_a_cell_over_the_csv_field_limit_is_refused() -> None:
    error = _error('Competency,Junior\nCoding,"' + "x" * 200_000 + '"\n')
    assert error.location == "row 2"
    assert "a cell holds more than" in error.problem


def test_sheets_that_are_too_big_are_refused() -> None:
    wide_levels = "Competency," + ",".join(f"L{i}" for i in range(MAX_LEVELS + 1)) + "\n"
    assert _error(wide_levels).problem == f"the sheet has more than {MAX_LEVELS} level columns"
    rows = "".join(f"C{i},x\n" for i in range(MAX_COMPETENCIES + 1))
    error = _error("Competency,Junior\n" + rows)
    assert (error.location, error.problem) == (
        f"row {MAX_COMPETENCIES + 2}",
        f"the sheet has more than {MAX_COMPETENCIES} competencies",
    )
    long_levels = "".join(f"L{i},C,x\n" for i in range(MAX_LEVELS + 1))
    error = _error("level,competency,summary\n" + long_levels)
    assert (error.location, error.problem) == (
        f"row {MAX_LEVELS + 2}",
        f"the sheet has more than {MAX_LEVELS} levels",
    )
    long_rows = "".join(f"L,C{i},x\n" for i in range(MAX_COMPETENCIES + 1))
    error = _error("level,competency,summary\n" + long_rows)
    assert error.problem == f"the sheet has more than {MAX_COMPETENCIES} competencies"


# ---------------------------------------------------------------- arbitrary input


def _read_or_refuse(data: bytes) -> None:
    try:
        result = read_csv(data, "sheet.csv")
    except LadderImportError:
        return
    assert isinstance(result, ImportedLadder)
    assert result.ladder.levels
    assert result.ladder.competencies


@settings(deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_ladder_or_an_import_error(data: bytes) -> None:
    _read_or_refuse(data)


@settings(deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(',;\t"\n\r•-|'), max_size=300)
)
def test_arbitrary_text_gives_a_ladder_or_an_import_error(text: str) -> None:
    _read_or_refuse(text.encode("utf-8"))


@settings(deadline=None)
@given(
    st.sampled_from([WIDE, LONG]),
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=400),
            st.integers(min_value=0, max_value=6),
            st.sampled_from(['"', ",", ";", "\t", "\n", "", "\r", "•", "x", "level", "|"]),
        ),
        max_size=6,
    ),
)
def test_mutated_fixtures_give_a_ladder_or_an_import_error(
    fixture: str, edits: list[tuple[int, int, str]]
) -> None:
    text = fixture
    for position, length, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + length :]
    _read_or_refuse(text.encode("utf-8"))


_NAME = st.text(alphabet="abcdefgh XYZ", min_size=1, max_size=8).filter(
    lambda name: (
        name.strip().casefold()
        not in {"", "level", "competency", "category", "description", "summary"}
    )
)


@settings(deadline=None)
@given(
    st.lists(_NAME, min_size=1, max_size=5),
    st.lists(_NAME, min_size=1, max_size=5),
    st.sampled_from([",", ";", "\t"]),
)
def test_any_written_wide_grid_keeps_its_shape(
    levels: list[str], competencies: list[str], delimiter: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Competency", *levels])
    for name in competencies:
        writer.writerow([name, *(f"{name} at {level}" for level in levels)])
    ladder = read_csv(buffer.getvalue().encode("utf-8"), "grid.csv").ladder
    assert [level.title for level in ladder.levels] == [level.strip() for level in levels]
    assert [c.name for c in ladder.competencies] == [name.strip() for name in competencies]
    assert all(not expectation.is_empty for _, _, expectation in ladder.cells())
