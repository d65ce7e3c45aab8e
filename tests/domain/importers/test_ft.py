"""Tests for the Financial Times engineering-progression importer."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.domain.importers import ft
from careercoach.domain.importers.common import (
    MAX_IMPORT_BYTES,
    ImportedLadder,
    LadderImportError,
)
from careercoach.domain.importers.ft import read_ft
from tests.domain.importers.mutations import mutated

CURRENT = """\
name: Widget Engineering
summary: |
  Competencies for people
  who build widgets.

  Second paragraph.
googleSheetId: abc123

levels:
  - id: junior
    name: Junior Widgeteer
  - id: senior
    name: Senior Widgeteer
  - id: lead
    name: Lead Widgeteer

themes:
  - id: delivery
    name: Delivery
    summary: |
      Ships widgets
      on time.
  - id: craft
    name: Craft

competencies:
  - id: 0b5a4f7e-0000-4000-8000-000000000001
    level: junior
    theme: delivery
    summary: |
      Ships small widgets with help.
    proficiency: Awareness
  - id: 0b5a4f7e-0000-4000-8000-000000000002
    level: senior
    theme: delivery
    summary: Ships whole widget lines.
    proficiency: Practitioner
  - id: 0b5a4f7e-0000-4000-8000-000000000003
    level: senior
    theme: delivery
    summary: Plans widget releases.
    proficiency: Expert
  - id: 0b5a4f7e-0000-4000-8000-000000000004
    level: lead
    theme: craft
    summary: Sets the widget craft standard.
    proficiency: Expert
"""

LEGACY = """\
name: Widget Engineering (Legacy)
summary: >
  Older widget competencies.
googleSheetId: def456
isLegacy: true
levels:
  - id: junior
    name: Junior
  - id: senior
    name: Senior
themes:
  - id: tech
    name: Technical
competencies:
  - id: 0b5a4f7e-0000-4000-8000-000000000011
    summary: Uses version control for routine work
    examples:
      - Clones, branches and commits
      - Asks for help with rebases
    supportingUrls: []
    level: junior
    theme: tech
    proficiency: Working knowledge
  - id: 0b5a4f7e-0000-4000-8000-000000000012
    summary: Keeps dependencies secure
    examples: []
    supportingUrls:
      - label: Widget security guide
        url: https://example.org/security
    level: junior
    theme: tech
    proficiency: Working knowledge
"""


def _read(text: str, name: str = "widgets.yml") -> ImportedLadder:
    return read_ft(text.encode("utf-8"), name)


def _error(text: str | bytes) -> LadderImportError:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(LadderImportError) as caught:
        read_ft(data, "widgets.yml")
    return caught.value


def _dump(document: object) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


def _fixture() -> dict[str, Any]:
    loaded = yaml.safe_load(CURRENT)
    assert isinstance(loaded, dict)
    return loaded


# ---------------------------------------------------------------- mapping


def test_maps_identity_levels_and_themes() -> None:
    result = _read(CURRENT)
    ladder = result.ladder
    assert result.source_format == "ft"
    assert ladder.id == "widget-engineering"
    assert ladder.name == "Widget Engineering"
    assert ladder.version == "1"
    assert ladder.description == "Competencies for people who build widgets.\n\nSecond paragraph."
    assert ladder.level_ids == ("junior", "senior", "lead")
    assert [level.title for level in ladder.levels] == [
        "Junior Widgeteer",
        "Senior Widgeteer",
        "Lead Widgeteer",
    ]
    assert [c.id for c in ladder.competencies] == ["delivery", "craft"]
    delivery, craft = ladder.competencies
    assert delivery.name == "Delivery"
    assert delivery.description == "Ships widgets on time."
    assert craft.description == ""
    assert ladder.categories == ("",)


def test_one_row_becomes_the_cell_summary() -> None:
    cell = _read(CURRENT).ladder.competencies[0].expectation("junior")
    assert cell.summary == "Ships small widgets with help."
    assert cell.signals == ()
    assert cell.examples == ()
    assert dict(cell.details) == {"proficiency": "Awareness"}


def test_several_rows_become_signals_with_joined_proficiency() -> None:
    cell = _read(CURRENT).ladder.competencies[0].expectation("senior")
    assert cell.summary == ""
    assert cell.signals == ("Ships whole widget lines.", "Plans widget releases.")
    assert dict(cell.details) == {"proficiency": "Practitioner; Expert"}


def test_pairs_without_rows_are_explicitly_empty_cells() -> None:
    ladder = _read(CURRENT).ladder
    delivery, craft = ladder.competencies
    assert set(delivery.expectations) == set(craft.expectations) == set(ladder.level_ids)
    assert delivery.expectation("lead").is_empty
    assert craft.expectation("junior").is_empty
    assert craft.expectation("senior").is_empty
    assert not craft.expectation("lead").is_empty


def test_unused_top_level_fields_give_warnings() -> None:
    assert _read(CURRENT).warnings == (
        "field 'googleSheetId' is not used",
        "the ids of competency rows are not kept (a cell has no id)",
    )


def test_legacy_rows_keep_examples_and_supporting_links() -> None:
    result = _read(LEGACY)
    cell = result.ladder.competencies[0].expectation("junior")
    assert cell.signals == ("Uses version control for routine work", "Keeps dependencies secure")
    assert cell.examples == ("Clones, branches and commits", "Asks for help with rebases")
    assert dict(cell.details) == {
        "proficiency": "Working knowledge",
        "supportingUrls": "Widget security guide: https://example.org/security",
    }
    assert result.ladder.competencies[0].expectation("senior").is_empty
    assert result.ladder.description == "Older widget competencies."
    assert result.warnings == (
        "field 'googleSheetId' is not used",
        "field 'isLegacy' is not used",
        "the ids of competency rows are not kept (a cell has no id)",
    )


def test_invalid_source_ids_are_slugified_without_clashing() -> None:
    document = _fixture()
    document["levels"] = [
        {"id": "Junior", "name": "J"},
        {"id": "junior", "name": "J2"},
        {"id": 3, "name": "Three"},
    ]
    document["competencies"] = [{"level": "Junior", "theme": "craft", "summary": "Tidy."}]
    result = _read(_dump(document))
    assert result.ladder.level_ids == ("junior-2", "junior", "3")
    assert result.ladder.competencies[1].expectation("junior-2").summary == "Tidy."
    assert "the level id \"Junior\" is not a valid id; it became 'junior-2'" in result.warnings


def test_unknown_fields_of_entries_and_rows_give_warnings() -> None:
    document = _fixture()
    document["levels"][0]["colour"] = "red"
    document["themes"][0]["icon"] = "star"
    document["competencies"][0]["note"] = "x"
    document["competencies"][1]["note"] = "y"
    warnings = _read(_dump(document)).warnings
    assert "field 'colour' of levels is not used" in warnings
    assert "field 'icon' of themes is not used" in warnings
    assert warnings.count("field 'note' of competency rows is not used") == 1


def test_no_rows_gives_empty_cells_and_a_warning() -> None:
    document = _fixture()
    document["competencies"] = []
    result = _read(_dump(document))
    assert all(expectation.is_empty for _, _, expectation in result.ladder.cells())
    assert "the file has no competency rows, so every cell is empty" in result.warnings


def test_a_name_without_letters_takes_the_id_from_the_file_name() -> None:
    document = _fixture()
    document["name"] = "!!!"
    assert _read(_dump(document), "dir/Ops Family.yml").ladder.id == "ops-family"


def test_blank_examples_are_dropped_and_numbers_are_text() -> None:
    document = _fixture()
    document["competencies"][0]["examples"] = ["  ", 42, None]
    cell = _read(_dump(document)).ladder.competencies[0].expectation("junior")
    assert cell.examples == ("42",)


# ---------------------------------------------------------------- failures


def _without(key: str) -> str:
    document = _fixture()
    del document[key]
    return _dump(document)


def _with(path: tuple[Any, ...], value: object) -> str:
    document = _fixture()
    target: Any = document
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return _dump(document)


_DELETE = object()


@pytest.mark.parametrize(
    ("text", "location", "problem"),
    [
        pytest.param("name: [unclosed\nlevels: x\n", "line 2", "not valid YAML", id="syntax"),
        pytest.param("- just\n- a list\n", "", "must be a YAML mapping", id="list-root"),
        pytest.param("plain words\n", "", "not text", id="scalar-root"),
        pytest.param(_without("themes"), "themes", "is missing", id="no-themes"),
        pytest.param(_without("levels"), "levels", "is missing", id="no-levels"),
        pytest.param(_without("competencies"), "competencies", "is missing", id="no-rows"),
        pytest.param(_without("name"), "name", "is missing", id="no-name"),
        pytest.param(_with(("name",), "  "), "name", "is empty", id="blank-name"),
        pytest.param(_with(("levels",), []), "levels", "no levels", id="empty-levels"),
        pytest.param(_with(("themes",), {"a": 1}), "themes", "must be a list", id="themes-map"),
        pytest.param(_with(("levels", 1), "senior"), "levels[1]", "mapping", id="level-text"),
        pytest.param(
            _with(("levels", 1, "name"), _DELETE), "levels[1].name", "missing", id="level-name"
        ),
        pytest.param(
            _with(("themes", 0, "name"), ["a"]), "themes[0].name", "a list", id="theme-name"
        ),
        pytest.param(
            _with(("levels", 2, "id"), "junior"),
            "levels[2].id",
            'level id "junior" is already used by level number 1',
            id="duplicate-level",
        ),
        pytest.param(
            _with(("themes", 1, "id"), "delivery"),
            "themes[1].id",
            'theme id "delivery" is already used',
            id="duplicate-theme",
        ),
        pytest.param(
            _with(("competencies", 2, "level"), "principal"),
            "competencies[2].level",
            'there is no level "principal"',
            id="unknown-level",
        ),
        pytest.param(
            _with(("competencies", 0, "theme"), "craf"),
            "competencies[0].theme",
            "Did you mean 'craft'?",
            id="unknown-theme",
        ),
        pytest.param(
            _with(("competencies", 1, "level"), _DELETE),
            "competencies[1].level",
            "missing",
            id="row-no-level",
        ),
        pytest.param(
            _with(("competencies", 3, "summary"), _DELETE),
            "competencies[3].summary",
            "missing",
            id="row-no-summary",
        ),
        pytest.param(
            _with(("competencies", 1), [1, 2]), "competencies[1]", "a list", id="row-list"
        ),
        pytest.param(
            _with(("competencies", 0, "examples"), "one"),
            "competencies[0].examples",
            "must be a list",
            id="examples-text",
        ),
        pytest.param(
            _with(("competencies", 0, "examples"), ["ok", {"a": 1}]),
            "competencies[0].examples[1]",
            "a table",
            id="example-table",
        ),
        pytest.param(
            _with(("competencies", 0, "proficiency"), True),
            "competencies[0].proficiency",
            "true/false",
            id="proficiency-bool",
        ),
        pytest.param(
            _with(("competencies", 0, "supportingUrls"), ["https://x"]),
            "competencies[0].supportingUrls[0]",
            "mapping",
            id="link-text",
        ),
        pytest.param(_with(("name",), "W" * 300), "name", "after mapping", id="name-too-long"),
        pytest.param(
            'name: "half \\ud800"\nlevels: [{id: a, name: A}]\nthemes: [{id: t, name: T}]\n'
            "competencies: []\n",
            "name",
            "character pair",
            id="surrogate",
        ),
    ],
)
def test_bad_files_are_refused_with_a_location(text: str, location: str, problem: str) -> None:
    error = _error(text)
    assert error.location == location
    assert problem in error.problem


def test_a_native_ladder_file_is_not_taken_for_an_ft_file() -> None:
    native = _dump(
        {
            "format": 1,
            "id": "x",
            "name": "X",
            "version": "1",
            "levels": [{"id": "a", "title": "A"}],
            "competencies": [{"id": "c", "name": "C", "expectations": {"a": {}}}],
        }
    )
    error = _error(native)
    assert error.location == "themes"
    assert "does not look like a Financial Times job-family file" in error.problem


def test_markdown_of_another_format_is_refused() -> None:
    error = _error("---\ntitle: Monzo\nlevels: 3\n---\n# Heading\n")
    assert (error.location, error.problem) == (
        "line 4",
        "not valid YAML: but found another document",
    )


def test_json_of_another_format_is_refused() -> None:
    error = _error('{"tracks": {"MOBILE": {"displayName": "Mobile"}}}')
    assert error.location == "levels"
    assert "does not look like a Financial Times job-family file" in error.problem


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \n\t", "the file is empty"),
        (b"\x00\x01\x02binary", "this is a binary file, not a ladder"),
    ],
)
def test_empty_and_binary_files_are_refused(data: bytes, problem: str) -> None:
    error = _error(data)
    assert (error.location, error.problem) == ("", problem)


def test_non_utf8_is_refused_with_its_line() -> None:
    error = _error(b"name: ok\nsummary: caf\xe9\n")
    assert error.location == "line 2"
    assert "UTF-8" in error.problem


def test_files_over_the_limit_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_: str) -> object:
        raise AssertionError("parsed")

    monkeypatch.setattr(ft, "load_yaml", fail)
    error = _error(b"#" * (MAX_IMPORT_BYTES + 1))
    assert error.location == ""
    assert "larger than 5 MB" in error.problem


def test_aliases_cannot_blow_up_the_cells() -> None:
    rows = "\n".join("  - *row" for _ in range(400))
    examples = "[" + ", ".join(["e"] * 600) + "]"
    text = (
        "name: N\nlevels: [{id: a, name: A}]\nthemes: [{id: t, name: T}]\n"
        f"base: &row {{level: a, theme: t, summary: s, examples: {examples}}}\n"
        f"competencies:\n{rows}\n"
    )
    error = _error(text)
    assert "too many rows and examples" in error.problem
    assert error.location.startswith("competencies[")


# ---------------------------------------------------------------- robustness


def _outcome(data: bytes) -> None:
    outcome: ImportedLadder | LadderImportError
    try:
        outcome = read_ft(data, "fuzz.yml")
    except LadderImportError as error:
        outcome = error
    assert isinstance(outcome, ImportedLadder | LadderImportError)


@settings(deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_anything_else(data: bytes) -> None:
    _outcome(data)


@settings(deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_anything_else(text: str) -> None:
    _outcome(text.encode("utf-8", "surrogatepass"))


@settings(deadline=None)
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=20), st.text(max_size=8))
def test_edited_fixture_text_never_raises_anything_else(
    position: int, cut: int, insert: str
) -> None:
    at = position % (len(CURRENT) + 1)
    text = CURRENT[:at] + insert + CURRENT[at + cut :]
    _outcome(text.encode("utf-8", "surrogatepass"))


@settings(deadline=None)
@given(st.data())
def test_mutated_fixture_structure_never_raises_anything_else(data: st.DataObject) -> None:
    document = mutated(data, _fixture())
    _outcome(_dump(document).encode("utf-8", "surrogatepass"))
