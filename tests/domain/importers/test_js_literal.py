"""Tests for the JavaScript object-literal reader used by the Snowflake importer."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.domain.importers.common import LadderImportError
from careercoach.domain.importers.js_literal import (
    MAX_DEPTH,
    block_after,
    parse_document,
    parse_value_at,
    value_positions,
)


def _value_of(text: str, name: str) -> object:
    position = next(value_positions(text, name))
    return parse_value_at(text, position)[0]


# ---------------------------------------------------------------- values


def test_reads_nested_objects_and_lists_with_and_without_trailing_commas() -> None:
    text = """{
      plain: 1, "double": [1, 2,], 'single': {a: [], b: {},},
      $dollar_1: null, under_score: undefined, 42: true, last: false
    }"""
    assert parse_document(text) == {
        "plain": 1,
        "double": [1, 2],
        "single": {"a": [], "b": {}},
        "$dollar_1": None,
        "under_score": None,
        "42": True,
        "last": False,
    }


def test_reads_comments_anywhere() -> None:
    text = "// head\n{ /* a */ a /* b */ : // c\n 1 /* d */, // e\n }  /* tail */ ;"
    assert parse_document(text) == {"a": 1}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"'it\'s'", "it's"),
        (r'"say \"hi\""', 'say "hi"'),
        (r"'\n\t\r\b\f\v\0'", "\n\t\r\b\f\v\0"),
        (r"'\x41\u0042\u{43}\u{1F600}'", "ABC\U0001f600"),
        (r"'\ud83d\ude00'", "\U0001f600"),
        (r"'\ud83d alone'", "\ufffd alone"),
        (r"'\q\/'", "q/"),
        ("'line \\\ncontinued'", "line continued"),
        ("`multi\r\nline 'quotes' \"too\" $ sign`", "multi\nline 'quotes' \"too\" $ sign"),
        ("'a' + \"b\" + `c`", "abc"),
        ("'é ✓'", "é ✓"),
    ],
)
def test_reads_strings_and_their_escapes(source: str, expected: str) -> None:
    assert parse_document(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("0", 0),
        ("-12", -12),
        ("+3", 3),
        ("1.5", 1.5),
        (".5", 0.5),
        ("2e3", 2000.0),
        ("-1.5E-1", -0.15),
        ("0x1F", 31),
        ("0b101", 5),
        ("0o17", 15),
        ("1_000", 1000),
    ],
)
def test_reads_numbers(source: str, expected: float) -> None:
    assert parse_document(source) == expected


@pytest.mark.parametrize(
    ("source", "line", "problem"),
    [
        ("{\n  a: 'open\n}", "line 2", "no closing quote"),
        ("{\n  a: `never", "line 2", "no closing quote"),
        ("{\n  a: 1,\n", "line 1", "object that starts here is never closed"),
        ("[\n1,\n2", "line 1", "list that starts here is never closed"),
        ("{a: 1 b: 2}", "line 1", "expected ',' or '}'"),
        ("{a: 1,\n a: 2}", "line 2", "appears twice"),
        ("{a}", "line 1", "needs ':' and a value"),
        ("{\n\n a: someCall()}", "line 3", "'someCall' is JavaScript code"),
        ("{...other}", "line 1", "spread"),
        ("{[key]: 1}", "line 1", "computed keys"),
        ("[1,,2]", "line 1", "empty item"),
        ("`a ${b} c`", "line 1", "${...}"),
        ("'a' + 1", "line 1", "only text can be joined"),
        ("{a: 1} extra", "line 1", "unexpected text after"),
        ("/* never closed", "line 1", "comment is never closed"),
        ("{a: 1e999}", "line 1", "too large"),
        ("'\\x4'", "line 1", "two hex digits"),
        ("'\\u{110000}'", "line 1", "\\u{...}"),
        ("", "line 1", "ends where a value was expected"),
        ("{a: @}", "line 1", "unexpected '@'"),
        ("{a: -Infinity}", "line 1", "unexpected '-'"),
    ],
)
def test_refuses_broken_or_non_literal_text_with_the_line(
    source: str, line: str, problem: str
) -> None:
    with pytest.raises(LadderImportError) as caught:
        parse_document(source)
    assert caught.value.location == line
    assert problem in caught.value.problem


def test_refuses_nesting_deeper_than_the_limit() -> None:
    assert parse_document("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(LadderImportError, match="nested more than"):
        parse_document("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(LadderImportError, match="nested more than"):
        parse_document("[" * 100_000)


# ---------------------------------------------------------------- finding values


@pytest.mark.parametrize(
    "source",
    [
        "export const tracks = {a: 1}",
        "const tracks: Tracks = {a: 1}",
        "const tracks: {| 'a': Track |} = {a: 1}",
        "const tracks: { [TrackId]: Track } = {a: 1}",
        "let tracks: Map<string, (x: number) => Track> = {a: 1}",
        "export default { other: 1, tracks: {a: 1}, more: [] }",
        'module.exports = {"tracks": {a: 1}}',
        "var tracks /* the data */ = // here\n {a: 1};",
    ],
)
def test_finds_the_value_given_to_a_name(source: str) -> None:
    assert _value_of(source, "tracks") == {"a": 1}


def test_ignores_the_name_in_comments_strings_and_other_uses() -> None:
    text = """
    // const tracks = {wrong: 1}
    /* tracks = {wrong: 2} */
    const s = "tracks = {wrong: 3}"
    const keys = Object.keys(tracks)
    const first = tracks['A'] === other
    const mytracks = {wrong: 4}
    const tracks = {right: 1}
    """
    assert [parse_value_at(text, p)[0] for p in value_positions(text, "tracks")] == [{"right": 1}]


def test_block_after_skips_braces_in_strings_and_comments() -> None:
    text = "f = (m) => { const s = '}' /* } */ ; if (m) { return 1 } } rest"
    assert block_after(text, 0) == "{ const s = '}' /* } */ ; if (m) { return 1 } }"
    assert block_after("no block", 0) == ""
    assert block_after("x = { open", 0) == "{ open"


# ---------------------------------------------------------------- properties

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(deadline=None)
@given(_JSON)
def test_reads_any_json_document_as_json_reads_it(value: object) -> None:
    assert parse_document(json.dumps(value)) == value
    assert parse_document(json.dumps(value, ensure_ascii=False, indent=2)) == value


@settings(deadline=None)
@given(st.text())
def test_any_text_gives_a_value_or_an_import_error(text: str) -> None:
    with contextlib.suppress(LadderImportError):
        parse_document(text)
    for position in value_positions(text, "tracks"):
        with contextlib.suppress(LadderImportError):
            parse_value_at(text, position)
    block_after(text, 0)
