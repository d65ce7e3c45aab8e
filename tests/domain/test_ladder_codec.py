"""Tests for reading and writing ladders as TOML, YAML and JSON text."""

from __future__ import annotations

import json
import tomllib
from typing import Any

import pytest
import tomli_w
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from careercoach.domain.ladder import Competency, Expectation, Ladder, Level, LevelEstimatePolicy
from careercoach.domain.ladder_codec import (
    LadderFileFormat,
    format_for_filename,
    parse_ladder_bytes,
    render_ladder,
)
from careercoach.domain.ladder_format import (
    LadderFormatError,
    ladder_from_document,
    ladder_to_document,
)
from tests.domain.test_ladder_format import load_schema, sample_document, sample_ladder

FORMATS: tuple[LadderFileFormat, ...] = ("toml", "yaml", "json")
SCHEMA_VALIDATOR = Draft202012Validator(load_schema())


def problems_of(data: bytes, file_format: LadderFileFormat) -> list[tuple[str, str]]:
    """The (code, location) of every problem of ``data``; [] when it is a valid ladder."""
    try:
        parse_ladder_bytes(data, file_format)
    except LadderFormatError as error:
        problems = error.problems
    else:
        return []
    assert problems
    return [(p.code, p.location) for p in problems]


def only_problem(data: bytes, file_format: LadderFileFormat) -> tuple[str, str, str]:
    """The single problem of ``data`` as (code, location, message)."""
    with pytest.raises(LadderFormatError) as caught:
        parse_ladder_bytes(data, file_format)
    assert len(caught.value.problems) == 1, caught.value.problems
    problem = caught.value.problems[0]
    return problem.code, problem.location, problem.message


# ---------------------------------------------------------------- file names


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("ladder.toml", "toml"),
        ("LADDER.TOML", "toml"),
        ("a/b.c/ladder.yaml", "yaml"),
        ("C:\\ladders\\ds.YML", "yaml"),
        ("ds.Json", "json"),
        ("ds.toml.bak", None),
        ("toml", None),
        (".toml", None),
        ("ladders.d/readme", None),
        ("", None),
    ],
)
def test_format_for_filename(filename: str, expected: str | None) -> None:
    assert format_for_filename(filename) == expected


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("file_format", FORMATS)
def test_round_trip_is_lossless(file_format: LadderFileFormat) -> None:
    ladder = sample_ladder()
    text = render_ladder(ladder, file_format)
    assert text.endswith("\n")
    assert parse_ladder_bytes(text.encode("utf-8"), file_format) == ladder


@pytest.mark.parametrize("file_format", FORMATS)
def test_rendered_text_reads_back_as_the_canonical_document(
    file_format: LadderFileFormat,
) -> None:
    text = render_ladder(sample_ladder(), file_format)
    loaders: dict[str, Any] = {"toml": tomllib.loads, "yaml": yaml.safe_load, "json": json.loads}
    assert loaders[file_format](text) == sample_document()


def test_toml_is_readable() -> None:
    text = render_ladder(sample_ladder(), "toml")
    assert text.startswith("format = 1\n")
    assert "[[competencies]]" in text
    assert "[competencies.expectations.staff_1]\n" in text
    assert tomllib.loads(text)["competencies"][0]["expectations"]["staff_1"] == {}
    assert '"""' in text  # multi-line text is written as TOML multi-line strings
    assert "Indented:\n    - item" in text
    assert "数据" in text


def test_toml_keeps_windows_line_breaks() -> None:
    document = sample_document()
    document["description"] = "one\r\ntwo\rthree\n"
    ladder = ladder_from_document(document)
    text = render_ladder(ladder, "toml")
    assert "\r" not in text
    assert parse_ladder_bytes(text.encode("utf-8"), "toml") == ladder


def test_yaml_and_json_are_readable() -> None:
    yaml_text = render_ladder(sample_ladder(), "yaml")
    assert yaml_text.startswith("format: 1\n")
    assert "staff_1: {}" in yaml_text
    assert "version: '1.0'" in yaml_text
    assert "数据" in yaml_text
    json_text = render_ladder(sample_ladder(), "json")
    assert json_text.startswith('{\n  "format": 1,\n  "id": "data-science-ic",\n')
    assert '"staff_1": {}' in json_text
    assert "数据" in json_text


@pytest.mark.parametrize("file_format", FORMATS)
def test_utf8_bom_is_accepted(file_format: LadderFileFormat) -> None:
    data = b"\xef\xbb\xbf" + render_ladder(sample_ladder(), file_format).encode("utf-8")
    assert parse_ladder_bytes(data, file_format) == sample_ladder()


@pytest.mark.parametrize("file_format", FORMATS)
def test_validation_problems_come_through_the_codec(file_format: LadderFileFormat) -> None:
    document = sample_document()
    del document["id"]
    document["levels"][0]["titel"] = "x"
    text = {
        "toml": tomli_w.dumps(document),
        "yaml": yaml.safe_dump(document, allow_unicode=True),
        "json": json.dumps(document),
    }[file_format]
    assert problems_of(text.encode("utf-8"), file_format) == [
        ("missing-field", "id"),
        ("unknown-field", "levels[0].titel"),
    ]


# ---------------------------------------------------------------- bad bytes and syntax


@pytest.mark.parametrize("file_format", FORMATS)
def test_bytes_that_are_not_utf8(file_format: LadderFileFormat) -> None:
    data = b"first line\nsecond\nthird \xe9t\xe9\n"
    code, location, message = only_problem(data, file_format)
    assert (code, location) == ("not-utf8", "3")
    assert "UTF-8" in message
    assert "byte 24" in message


def test_not_utf8_after_a_bom_counts_the_bom() -> None:
    code, location, message = only_problem(b"\xef\xbb\xbfid = 1\n\xff", "toml")
    assert (code, location) == ("not-utf8", "2")
    assert "byte 10" in message


SYNTAX_CASES: list[tuple[LadderFileFormat, bytes, str, str]] = [
    ("toml", b'id = "x"\nname = \nversion = "1"\n', "2:8", "not valid TOML: invalid value"),
    ("toml", b'id = "x"\nname = "unterminated\n', "2:21", "not valid TOML"),
    ("toml", b'id = "x"\n[levels\n', "2:8", "not valid TOML"),
    ("toml", b'id = "x"\nid = "y"\n', "2:9", "not valid TOML"),
    ("toml", b'name = """never closed', "1", "at the end of the file"),
    ("yaml", b'id: x\nname: [a, b\nversion: "1"\n', "3:8", "not valid YAML: expected ','"),
    ("yaml", b"id: x\n  name: y\n", "2:7", "mapping values are not allowed here"),
    ("yaml", b"a: b\n---\nc: d\n", "2:1", "expected a single document"),
    ("yaml", b"id: x\nname: \x00\n", "2", "U+0000"),
    ("yaml", b"!!python/object/apply:os.system [echo]\n", "1:1", "not valid YAML"),
    ("json", b'{\n  "id": "x",\n  "name": \n}\n', "4:1", "not valid JSON: expecting value"),
    ("json", b'{\n  "id": "x"\n  "name": "y"\n}\n', "3:3", "expecting ',' delimiter"),
    ("json", b'{"id": "x"} trailing', "1:13", "not valid JSON: extra data"),
]


@pytest.mark.parametrize(
    ("file_format", "data", "location", "text"),
    [pytest.param(*case, id=f"{case[0]}-{case[2]}") for case in SYNTAX_CASES],
)
def test_syntax_errors_give_line_numbers(
    file_format: LadderFileFormat, data: bytes, location: str, text: str
) -> None:
    code, found_location, message = only_problem(data, file_format)
    assert (code, found_location) == ("syntax", location)
    assert text in message
    assert "Error" not in message


@pytest.mark.parametrize(
    ("file_format", "data"),
    [
        ("toml", b"a = " + b"[" * 5000),
        ("json", b"[" * 100_000),
        ("yaml", b"[" * 100_000),
        ("yaml", b"a: " + b"[" * 5000 + b"]" * 5000),
        ("json", b'{"format": 1' + b"0" * 5000 + b"}"),
        ("toml", b"format = 1" + b"0" * 5000),
        ("yaml", b"format: 1" + b"0" * 5000),
    ],
)
def test_parser_failures_never_leak(file_format: LadderFileFormat, data: bytes) -> None:
    code, location, message = only_problem(data, file_format)
    assert (code, location) == ("syntax", "")
    assert file_format.upper() in message


# ---------------------------------------------------------------- YAML values


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"- a\n- b\n", [("wrong-type", "")]),
        (b"just text\n", [("wrong-type", "")]),
        (b"", [("wrong-type", "")]),
        (b"# only a comment\n", [("wrong-type", "")]),
    ],
)
def test_yaml_that_is_not_a_mapping(data: bytes, expected: list[tuple[str, str]]) -> None:
    assert problems_of(data, "yaml") == expected


def _yaml_with(old: str, new: str) -> bytes:
    text = render_ladder(sample_ladder(), "yaml")
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


def test_yaml_float_version_asks_for_quotes() -> None:
    code, location, message = only_problem(_yaml_with("version: '1.0'", "version: 1.0"), "yaml")
    assert (code, location) == ("wrong-type", "version")
    assert "decimal number (1.0)" in message
    assert "quotes" in message


def test_yaml_date_version_asks_for_quotes() -> None:
    data = _yaml_with("version: '1.0'", "version: 2024-01-31")
    code, location, message = only_problem(data, "yaml")
    assert (code, location) == ("wrong-type", "version")
    assert "a date (2024-01-31)" in message
    assert "quotes" in message


def test_yaml_unquoted_yes_signal_is_a_boolean() -> None:
    data = _yaml_with("- Frames vague problems", "- yes")
    assert problems_of(data, "yaml") == [
        ("wrong-type", "competencies[0].expectations.senior.signals[0]")
    ]


def test_yaml_null_cell_is_not_an_empty_cell() -> None:
    data = _yaml_with("staff_1: {}", "staff_1:")
    code, location, message = only_problem(data, "yaml")
    assert (code, location) == ("wrong-type", "competencies[0].expectations.staff_1")
    assert "empty table" in message


def test_yaml_self_referencing_policy_is_rejected() -> None:
    data = _yaml_with("policy:\n  kind: share-at-level", "policy: &p\n  self: *p\n  kind: x")
    problems = problems_of(data, "yaml")
    assert problems
    assert {code for code, _ in problems} == {"wrong-type"}
    assert all(location.startswith("policy.self") for _, location in problems)


def test_yaml_exponential_aliases_are_bounded() -> None:
    lines = ["policy:", "  kind: x", "  a0: &a0 [1, 1]"]
    lines += [f"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 40)]
    data = render_ladder(sample_ladder(), "yaml").split("policy:")[0] + "\n".join(lines) + "\n"
    problems = problems_of(data.encode("utf-8"), "yaml")
    assert problems
    assert len(problems) < 100


# ---------------------------------------------------------------- properties


@settings(deadline=None)
@given(st.binary(max_size=300), st.sampled_from(FORMATS))
def test_arbitrary_bytes_give_a_ladder_or_a_format_error(
    data: bytes, file_format: LadderFileFormat
) -> None:
    try:
        ladder = parse_ladder_bytes(data, file_format)
    except LadderFormatError as error:
        problems = error.problems
    else:
        assert isinstance(ladder, Ladder)
        return
    assert problems


SAMPLE_TEXTS = {f: render_ladder(sample_ladder(), f).encode("utf-8") for f in FORMATS}


@settings(deadline=None)
@given(
    st.sampled_from(FORMATS),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 3), st.binary(max_size=4))),
)
def test_damaged_files_give_a_ladder_or_a_format_error(
    file_format: LadderFileFormat, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(SAMPLE_TEXTS[file_format])
    for position, removed, inserted in edits:
        at = position % (len(data) + 1)
        data[at : at + removed] = inserted
    try:
        ladder = parse_ladder_bytes(bytes(data), file_format)
    except LadderFormatError as error:
        problems = error.problems
    else:
        rendered = render_ladder(ladder, file_format).encode("utf-8")
        assert parse_ladder_bytes(rendered, file_format) == ladder
        return
    assert problems


# ---------------------------------------------------------------- valid ladders

ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True)
any_text = st.text(max_size=20)
non_blank = st.text(min_size=1, max_size=20).filter(str.strip)
setting_values = st.recursive(
    st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
expectations = st.builds(
    Expectation,
    any_text,
    st.lists(non_blank, max_size=3).map(tuple),
    st.lists(non_blank, max_size=2).map(tuple),
)
policies = st.builds(
    LevelEstimatePolicy,
    non_blank,
    st.dictionaries(st.text(max_size=6).filter(lambda k: k != "kind"), setting_values, max_size=3),
)


@st.composite
def ladders(draw: st.DrawFn) -> Ladder:
    """Valid ladders: unique ids, one expectation per level, optional policy."""
    level_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    levels = tuple(Level(i, draw(non_blank), draw(any_text)) for i in level_ids)
    competencies = tuple(
        Competency(
            competency_id,
            draw(non_blank),
            draw(any_text),
            draw(any_text),
            {level_id: draw(expectations) for level_id in level_ids},
        )
        for competency_id in draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    )
    policy = draw(st.none() | policies)
    return Ladder(
        draw(ids), draw(non_blank), draw(non_blank), draw(any_text), levels, competencies, policy
    )


@settings(deadline=None)
@given(ladders())
def test_valid_ladders_round_trip_through_every_format(ladder: Ladder) -> None:
    document = ladder_to_document(ladder)
    assert ladder_from_document(document) == ladder
    SCHEMA_VALIDATOR.validate(document)
    for file_format in FORMATS:
        text = render_ladder(ladder, file_format)
        assert parse_ladder_bytes(text.encode("utf-8"), file_format) == ladder, file_format
