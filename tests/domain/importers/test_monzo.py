"""Tests for the Monzo progression-framework importer."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.domain.importers import monzo
from careercoach.domain.importers.common import (
    MAX_IMPORT_BYTES,
    ImportedLadder,
    LadderImportError,
)
from careercoach.domain.importers.monzo import read_monzo
from careercoach.domain.ladder import Expectation
from tests.domain.importers.mutations import mutated

FRONT = """\
---
path: "/widgets/framework"
title: "🔧 Widget Making Framework"
sidebarTitle: "🔧 Widgets"
levels: 3
topics:
  - name: "craft"
    title:
    content:
      - level: 1
        criteria:
          - "Builds small widgets with a buddy"
          - "Asks for help early"
      - level: 3
        criteria:
          - "Sets the widget standard"
        exampleCriteria:
          - criteria: "Reviews others' widgets kindly"
            examples:
              - "Leaves a suggestion rather than an order"
              - "Praises a neat joint"
          - criteria: "Writes widget guides"
  - name: "team-care"
    title: "🤝 Team Care"
    content:
      - level: 2
        exampleCriteria:
          - criteria: "Mentors a new widgeteer"
            examples:
              - "Pairs on their first widget"
---
"""

BODY = """\
### About the widget framework
It is a compass, not a map.
"""

SOURCE = FRONT + BODY


def _read(text: str, name: str = "data.md") -> ImportedLadder:
    return read_monzo(text.encode("utf-8"), name)


def _error(text: str | bytes) -> LadderImportError:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(LadderImportError) as caught:
        read_monzo(data, "data.md")
    return caught.value


def _front(document: object, body: str = "") -> str:
    dumped = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    return f"---\n{dumped}---\n{body}"


def _fixture() -> dict[str, Any]:
    loaded = yaml.safe_load(FRONT.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def _minimal(**changes: object) -> dict[str, Any]:
    document: dict[str, Any] = {
        "title": "Tiny",
        "levels": 2,
        "topics": [{"name": "craft", "content": [{"level": 1, "criteria": ["Does it"]}]}],
    }
    document.update(changes)
    return document


# ---------------------------------------------------------------- mapping


def test_maps_identity_and_numbered_levels() -> None:
    result = _read(SOURCE)
    ladder = result.ladder
    assert result.source_format == "monzo"
    assert ladder.id == "widget-making-framework"
    assert ladder.name == "Widget Making Framework"
    assert ladder.version == "1"
    assert ladder.level_ids == ("level-1", "level-2", "level-3")
    assert [level.title for level in ladder.levels] == ["Level 1", "Level 2", "Level 3"]
    assert all(level.summary == "" for level in ladder.levels)


def test_body_becomes_the_description() -> None:
    assert _read(SOURCE).ladder.description == BODY.strip()
    assert _read(FRONT).ladder.description == ""


def test_topics_become_competencies_named_by_title_or_name() -> None:
    ladder = _read(SOURCE).ladder
    assert [(c.id, c.name, c.category) for c in ladder.competencies] == [
        ("craft", "Craft", ""),
        ("team-care", "Team Care", ""),
    ]


def test_criteria_and_example_criteria_fill_the_cells() -> None:
    craft = _read(SOURCE).ladder.competencies[0]
    assert craft.expectation("level-1") == Expectation(
        signals=("Builds small widgets with a buddy", "Asks for help early")
    )
    assert craft.expectation("level-3") == Expectation(
        signals=(
            "Sets the widget standard",
            "Reviews others' widgets kindly",
            "Writes widget guides",
        ),
        examples=("Leaves a suggestion rather than an order", "Praises a neat joint"),
    )


def test_levels_a_topic_skips_are_explicitly_empty() -> None:
    ladder = _read(SOURCE).ladder
    craft, care = ladder.competencies
    assert list(craft.expectations) == list(ladder.level_ids)
    assert craft.expectations["level-2"].is_empty
    assert care.expectations["level-1"].is_empty
    assert care.expectations["level-3"].is_empty
    assert care.expectations["level-2"] == Expectation(
        signals=("Mentors a new widgeteer",), examples=("Pairs on their first widget",)
    )


def test_unused_front_matter_fields_are_listed_in_one_warning() -> None:
    assert _read(SOURCE).warnings == ("front matter fields not used: 'path', 'sidebarTitle'",)


def test_unknown_fields_inside_topics_give_warnings() -> None:
    document = _minimal(
        topics=[
            {
                "name": "craft",
                "colour": "red",
                "content": [
                    {
                        "level": 1,
                        "note": "x",
                        "exampleCriteria": [{"criteria": "c", "link": "u"}],
                    }
                ],
            }
        ]
    )
    assert _read(_front(document)).warnings == (
        "field 'colour' of topics is not used",
        "field 'note' of content entries is not used",
        "field 'link' of example criteria is not used",
    )


def test_emoji_only_titles_fall_back() -> None:
    document = _minimal(
        title="📊",
        topics=[{"name": "mastery_science", "title": "🧪", "content": []}],
    )
    result = _read(_front(document), "engineering-data.md")
    assert result.ladder.name == "Engineering data"
    assert result.ladder.id == "engineering-data"
    assert result.ladder.competencies[0].name == "Mastery science"
    assert result.warnings == (
        'the front matter has a title without words; the ladder is named "Engineering data"',
    )


def test_missing_title_uses_the_file_name() -> None:
    document = _minimal()
    del document["title"]
    result = _read(_front(document), "backend.md")
    assert (result.ladder.id, result.ladder.name) == ("backend", "Backend")
    assert result.warnings == ('the front matter has no title; the ladder is named "Backend"',)


def test_emoji_with_joiners_and_selectors_is_removed_everywhere() -> None:
    document = _minimal(
        title="👩‍💼 Leadership 🛠️ Guide",
        topics=[{"name": "lead", "title": " 👩🏽‍💻  Coding ", "content": []}],
    )
    ladder = _read(_front(document)).ladder
    assert ladder.name == "Leadership Guide"
    assert ladder.competencies[0].name == "Coding"


def test_non_emoji_symbols_and_scripts_are_kept() -> None:
    title = "R&D \u00a9 \u00d1and\u00fa \u2013 \u0915\u094d\u200d\u0937 \u2122"
    assert _read(_front(_minimal(title=title))).ladder.name == title


def test_topic_names_that_are_not_ids_are_slugified() -> None:
    document = _minimal(
        topics=[
            {"name": "Team Care", "content": []},
            {"name": "team-care", "content": []},
            {"title": "Only A Title", "content": []},
        ]
    )
    ladder = _read(_front(document)).ladder
    assert [(c.id, c.name) for c in ladder.competencies] == [
        ("team-care-2", "Team Care"),
        ("team-care", "Team care"),
        ("only-a-title", "Only A Title"),
    ]


def test_topic_without_content_is_empty_with_a_warning() -> None:
    document = _minimal(topics=[{"name": "craft", "title": "Craft"}])
    result = _read(_front(document))
    assert all(e.is_empty for e in result.ladder.competencies[0].expectations.values())
    assert result.warnings == ('the topic "Craft" has no content; its cells are empty',)


def test_repeated_level_entries_are_merged_with_a_warning() -> None:
    document = _minimal(
        topics=[
            {
                "name": "craft",
                "content": [
                    {"level": 2, "criteria": ["first"]},
                    {"level": "2", "criteria": ["second"]},
                ],
            }
        ]
    )
    result = _read(_front(document))
    assert result.ladder.competencies[0].expectation("level-2").signals == ("first", "second")
    assert result.warnings == (
        'the topic "Craft" lists level 2 more than once; its entries were merged',
    )


def test_loose_values_are_read_as_text_and_blanks_dropped() -> None:
    document = _minimal(
        levels="2",
        topics=[
            {
                "name": "craft",
                "content": [
                    {
                        "level": 1.0,
                        "criteria": ["  spaced  ", "", None, 42],
                        "exampleCriteria": [{"criteria": 7, "examples": "one example"}],
                    }
                ],
            }
        ],
    )
    cell = _read(_front(document)).ladder.competencies[0].expectation("level-1")
    assert cell == Expectation(signals=("spaced", "42", "7"), examples=("one example",))


def test_leading_blank_lines_and_windows_line_ends_are_accepted() -> None:
    text = "\n\n" + SOURCE.replace("\n", "\r\n")
    ladder = _read(text).ladder
    assert len(ladder.competencies) == 2
    assert ladder.competencies[0].expectation("level-1").signals[0] == (
        "Builds small widgets with a buddy"
    )


# ---------------------------------------------------------------- failures


def test_file_without_front_matter_is_refused() -> None:
    error = _error("# Just a heading\n\nSome text.\n")
    assert error.location == "line 1"
    assert error.problem.startswith("the file has no front matter")


def test_unclosed_front_matter_is_refused() -> None:
    error = _error("\n---\ntitle: x\nlevels: 2\n")
    assert (error.location, error.problem) == (
        "line 2",
        "the front matter that starts here is not closed by a '---' line",
    )


def test_yaml_syntax_errors_give_the_file_line() -> None:
    error = _error("---\ntitle: x\nlevels: [2\ntopics: []\n---\n")
    assert error.location.startswith("line ")
    assert int(error.location.split()[1]) >= 3
    assert error.problem.startswith("not valid YAML")


def test_empty_front_matter_is_refused() -> None:
    error = _error("---\n---\nbody\n")
    assert (error.location, error.problem) == (
        "",
        "the front matter is empty; this does not look like a Monzo progression framework",
    )


def test_front_matter_that_is_not_fields_is_refused() -> None:
    error = _error("---\n- a\n- b\n---\n")
    assert error.location == ""
    assert error.problem == (
        "the front matter must be YAML fields (title, levels, topics), not a list"
    )


@pytest.mark.parametrize(
    ("missing", "location", "problem"),
    [
        (("levels",), "levels", "the front matter has no 'levels'"),
        (("topics",), "topics", "the front matter has no 'topics'"),
        (("levels", "topics"), "", "the front matter has no 'levels' and no 'topics'"),
    ],
)
def test_missing_levels_or_topics_are_named(
    missing: tuple[str, ...], location: str, problem: str
) -> None:
    document = _minimal()
    for key in missing:
        del document[key]
    error = _error(_front(document))
    assert error.location == location
    assert error.problem == f"{problem}; this does not look like a Monzo progression framework"


@pytest.mark.parametrize("levels", [0, -1, 101, "six", True, 2.5, [3], {"n": 3}])
def test_bad_level_counts_are_refused(levels: object) -> None:
    error = _error(_front(_minimal(levels=levels)))
    assert error.location == "levels"
    assert "whole number from 1 to 100" in error.problem


@pytest.mark.parametrize("level", [0, 3, 99])
def test_content_outside_the_levels_is_refused(level: int) -> None:
    document = _minimal(topics=[{"name": "craft", "content": [{"level": 1}, {"level": level}]}])
    error = _error(_front(document))
    assert (error.location, error.problem) == (
        "topics[0].content[1].level",
        f"there is no level {level}; this framework has levels 1 to 2",
    )


def test_content_without_a_level_is_refused() -> None:
    document = _minimal(topics=[{"name": "craft", "content": [{"criteria": ["x"]}]}])
    error = _error(_front(document))
    assert (error.location, error.problem) == (
        "topics[0].content[0]",
        "the content entry has no 'level'",
    )


def test_duplicate_topic_names_are_refused() -> None:
    document = _minimal(
        topics=[{"name": "craft"}, {"name": "care"}, {"name": "craft", "title": "Again"}]
    )
    error = _error(_front(document))
    assert (error.location, error.problem) == (
        "topics[2].name",
        'the topic name "craft" is already used by topic number 1; each topic needs its own name',
    )


def test_topic_without_name_or_title_is_refused() -> None:
    error = _error(_front(_minimal(topics=[{"content": []}])))
    assert (error.location, error.problem) == ("topics[0]", "the topic has no 'name'")


def test_empty_topic_list_is_refused() -> None:
    error = _error(_front(_minimal(topics=[])))
    assert (error.location, error.problem) == (
        "topics",
        "the framework lists no topics; it needs at least one",
    )


@pytest.mark.parametrize(
    ("changes", "location", "problem"),
    [
        ({"topics": "craft"}, "topics", "'topics' must be a list, not text"),
        ({"title": ["a"]}, "title", "'title' must be text, not a list"),
        ({"topics": ["craft"]}, "topics[0]", "each topic must be a mapping of fields, not text"),
        (
            {"topics": [{"name": {"a": 1}}]},
            "topics[0].name",
            "the topic's 'name' must be text, not a table",
        ),
        (
            {"topics": [{"name": "c", "content": {"level": 1}}]},
            "topics[0].content",
            "'content' must be a list, not a table",
        ),
        (
            {"topics": [{"name": "c", "content": [3]}]},
            "topics[0].content[0]",
            "each content entry must be a mapping of fields, not a whole number (3)",
        ),
        (
            {"topics": [{"name": "c", "content": [{"level": [1]}]}]},
            "topics[0].content[0].level",
            "'level' must be a level number, not a list",
        ),
        (
            {"topics": [{"name": "c", "content": [{"level": 1, "criteria": {"a": "b"}}]}]},
            "topics[0].content[0].criteria",
            "'criteria' must be a list of text, not a table",
        ),
        (
            {"topics": [{"name": "c", "content": [{"level": 1, "criteria": [True]}]}]},
            "topics[0].content[0].criteria[0]",
            "each entry of 'criteria' must be text, not a true/false value (true)",
        ),
        (
            {"topics": [{"name": "c", "content": [{"level": 1, "exampleCriteria": "x"}]}]},
            "topics[0].content[0].exampleCriteria",
            "'exampleCriteria' must be a list, not text",
        ),
        (
            {"topics": [{"name": "c", "content": [{"level": 1, "exampleCriteria": [[]]}]}]},
            "topics[0].content[0].exampleCriteria[0]",
            "each example criterion must be a mapping of fields, not a list",
        ),
        (
            {
                "topics": [
                    {
                        "name": "c",
                        "content": [{"level": 1, "exampleCriteria": [{"examples": [["x"]]}]}],
                    }
                ]
            },
            "topics[0].content[0].exampleCriteria[0].examples[0]",
            "each entry of 'examples' must be text, not a list",
        ),
    ],
)
def test_wrong_types_are_refused_with_their_location(
    changes: dict[str, object], location: str, problem: str
) -> None:
    error = _error(_front(_minimal(**changes)))
    assert (error.location, error.problem) == (location, problem)


def test_lone_surrogates_are_refused() -> None:
    text = '---\ntitle: x\nlevels: 1\ntopics:\n  - name: c\n    title: "a\\ud800"\n---\n'
    error = _error(text)
    assert error.location == "topics[0].title"
    assert "half of a character pair" in error.problem


def test_a_native_yaml_ladder_is_refused() -> None:
    error = _error("format: 1\nid: x\nname: X\nlevels: []\ncompetencies: []\n")
    assert error.location == "line 1"
    assert error.problem.startswith("the file has no front matter")


def test_a_yaml_document_of_another_format_is_refused() -> None:
    error = _error("---\nname: Widgets\nthemes: []\ncompetencies: []\n---\n")
    assert error.location == ""
    assert "does not look like a Monzo progression framework" in error.problem


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b" \n\t\n", "the file is empty"),
        (b"\x00\x01---\nbinary", "this is a binary file, not a ladder"),
    ],
)
def test_empty_and_binary_files_are_refused(data: bytes, problem: str) -> None:
    error = _error(data)
    assert (error.location, error.problem) == ("", problem)


def test_non_utf8_is_refused_with_its_line() -> None:
    error = _error(b"---\ntitle: caf\xe9\n---\n")
    assert error.location == "line 2"
    assert "UTF-8" in error.problem


def test_files_over_the_limit_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_: str) -> object:
        raise AssertionError("parsed")

    monkeypatch.setattr(monzo, "load_yaml", fail)
    error = _error(b"---\n" + b"#" * MAX_IMPORT_BYTES + b"\n---\n")
    assert error.location == ""
    assert "larger than 5 MB" in error.problem


def test_aliases_cannot_blow_up_the_cells() -> None:
    criteria = "[" + ", ".join(["c"] * 600) + "]"
    entries = ", ".join(["*entry"] * 400)
    text = (
        "---\ntitle: T\nlevels: 1\n"
        f"base: &entry {{level: 1, criteria: {criteria}}}\n"
        f"topics:\n  - name: t\n    content: [{entries}]\n---\n"
    )
    error = _error(text)
    assert error.problem == "the file has too many entries to import"
    assert error.location.startswith("topics[0].content[")


# ---------------------------------------------------------------- robustness


def _outcome(data: bytes) -> None:
    outcome: ImportedLadder | LadderImportError
    try:
        outcome = read_monzo(data, "fuzz.md")
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
@given(st.text(max_size=200))
def test_arbitrary_front_matter_never_raises_anything_else(text: str) -> None:
    _outcome(f"---\n{text}\n---\n".encode("utf-8", "surrogatepass"))


@settings(deadline=None)
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=20), st.text(max_size=8))
def test_edited_fixture_text_never_raises_anything_else(
    position: int, cut: int, insert: str
) -> None:
    at = position % (len(SOURCE) + 1)
    text = SOURCE[:at] + insert + SOURCE[at + cut :]
    _outcome(text.encode("utf-8", "surrogatepass"))


@settings(deadline=None)
@given(st.data())
def test_mutated_fixture_structure_never_raises_anything_else(data: st.DataObject) -> None:
    document = mutated(data, _fixture())
    _outcome(_front(document, BODY).encode("utf-8", "surrogatepass"))


def test_too_many_cells_are_refused() -> None:
    topics = "".join(f"  - name: t{n}\n" for n in range(2_100))
    error = _error(f"---\ntitle: T\nlevels: 100\ntopics:\n{topics}---\n")
    assert error.problem == "the file has too many entries to import"
    assert error.location == "topics[2000]"
