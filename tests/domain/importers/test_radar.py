"""The progression-radar importer: mapping, warnings, every failure and arbitrary input."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.domain.importers.common import (
    MAX_IMPORT_BYTES,
    ImportedLadder,
    LadderImportError,
)
from careercoach.domain.importers.radar import MAX_LEVEL, read_radar

CATEGORIES = """\
- key: talk
  name: Talking
  description: Says useful things to the right people
  kpis:
    - summary: Gives status updates
      description: >
        **Example behaviors:**

        * Posts a **short** note each day

        * Flags *blockers* early
      tags: ["tech"]
      level: 1
    - summary: Writes clear tickets
      description: |
        **Example behaviors:**
        * Adds context to
          every ticket
      tags: ["tech", "people"]
      level: 1
    - summary: Runs the weekly sync
      tags: ["people", "tech"]
      level: 3
- key: build
  name: Building
  kpis:
    - summary: Ships small fixes
      description: "A plain paragraph about fixes."
      level: 2
"""

ROLES = """\
- key: junior
  name: Junior Builder
  levels: {talk: 1, build: 2}
- key: Lead Person
  name: Lead
  levels: {talk: 3}
"""

COMBINED = {
    "name": "Our radar",
    "description": "Team radar",
    "version": 2,
    "categories": yaml.safe_load(CATEGORIES),
    "roles": yaml.safe_load(ROLES),
}


def read(text: str, name: str = "categories.yml.dist", roles: str | None = None) -> ImportedLadder:
    return read_radar(text.encode(), name, None if roles is None else roles.encode())


def failure(text: str, roles: str | None = None) -> LadderImportError:
    with pytest.raises(LadderImportError) as caught:
        read(text, roles=roles)
    return caught.value


def dump(document: object) -> str:
    return yaml.safe_dump(document, sort_keys=False)


def categories_with(**changes: Any) -> list[Any]:
    """The fixture's categories, the first KPI of the first category changed."""
    document: list[Any] = yaml.safe_load(CATEGORIES)
    document[0]["kpis"][0].update(changes)
    return document


# ---------------------------------------------------------------- mapping


def test_identity_and_levels_come_from_the_file_and_the_highest_kpi_level() -> None:
    ladder = read(CATEGORIES).ladder
    assert (ladder.id, ladder.name, ladder.version) == (
        "categories",
        "Progression radar (categories)",
        "1",
    )
    assert ladder.level_ids == ("level-1", "level-2", "level-3")
    assert [level.title for level in ladder.levels] == ["Level 1", "Level 2", "Level 3"]


def test_each_category_is_a_competency() -> None:
    ladder = read(CATEGORIES).ladder
    assert [(c.id, c.name, c.description) for c in ladder.competencies] == [
        ("talk", "Talking", "Says useful things to the right people"),
        ("build", "Building", ""),
    ]


def test_kpis_of_a_level_form_the_cell() -> None:
    talk = read(CATEGORIES).ladder.competencies[0]
    cell = talk.expectation("level-1")
    assert cell.signals == ("Gives status updates", "Writes clear tickets")
    assert cell.examples == (
        "Posts a short note each day",
        "Flags blockers early",
        "Adds context to every ticket",
    )
    assert dict(cell.details) == {"tags": "tech, people"}
    assert dict(talk.expectation("level-3").details) == {"tags": "people, tech"}
    assert talk.expectation("level-3").examples == ()


def test_levels_without_a_kpi_are_explicitly_empty() -> None:
    ladder = read(CATEGORIES).ladder
    talk, build = ladder.competencies
    assert set(talk.expectations) == set(build.expectations) == set(ladder.level_ids)
    assert talk.expectation("level-2").is_empty
    assert build.expectation("level-1").is_empty
    assert build.expectation("level-3").is_empty


def test_a_description_without_bullets_is_kept_as_an_example() -> None:
    build = read(CATEGORIES).ladder.competencies[1]
    assert build.expectation("level-2").examples == ("A plain paragraph about fixes.",)
    assert build.expectation("level-2").details == {}


def test_roles_become_named_targets() -> None:
    ladder = read(CATEGORIES, roles=ROLES).ladder
    assert [(t.id, t.name, dict(t.levels)) for t in ladder.targets] == [
        ("junior", "Junior Builder", {"talk": "level-1", "build": "level-2"}),
        ("lead-person", "Lead", {"talk": "level-3"}),
    ]


def test_reference_shaped_file_gives_no_warnings() -> None:
    assert read(CATEGORIES, roles=ROLES).warnings == ()


def test_one_file_with_categories_and_roles() -> None:
    result = read(dump(COMBINED), name="team.yaml")
    ladder = result.ladder
    assert (ladder.id, ladder.name, ladder.version, ladder.description) == (
        "team",
        "Our radar",
        "2",
        "Team radar",
    )
    assert [t.id for t in ladder.targets] == ["junior", "lead-person"]
    assert result.warnings == ()


def test_a_separate_roles_file_replaces_the_roles_inside() -> None:
    other = "[{key: solo, name: Solo, levels: {build: 1}}]"
    result = read(dump(COMBINED), roles=other)
    assert [t.id for t in result.ladder.targets] == ["solo"]
    assert result.warnings == (
        "the roles inside the categories file were ignored; the separate roles file was used",
    )


def test_a_roles_file_may_be_a_table_with_roles() -> None:
    ladder = read(CATEGORIES, roles=dump({"roles": yaml.safe_load(ROLES)})).ladder
    assert len(ladder.targets) == 2


def test_keys_that_are_not_ids_are_slugged_and_roles_still_find_them() -> None:
    text = dump(
        [
            {"key": "Team Talk", "name": "A", "kpis": [{"summary": "s", "level": 1}]},
            {"key": "team-talk", "name": "B", "kpis": [{"summary": "s", "level": 1}]},
        ]
    )
    ladder = read(text, roles="[{key: r, levels: {Team Talk: 1}}]").ladder
    assert [c.id for c in ladder.competencies] == ["team-talk", "team-talk-2"]
    assert dict(ladder.targets[0].levels) == {"team-talk": "level-1"}
    assert ladder.targets[0].name == "r"


def test_missing_names_fall_back_to_keys() -> None:
    ladder = read("[{key: ops, kpis: [{summary: Deploys, level: 1}]}]", name="x.yml").ladder
    assert ladder.competencies[0].name == "ops"
    assert ladder.name == "Progression radar (x)"


def test_file_name_makes_the_id_and_name() -> None:
    text = "[{key: ops, kpis: [{summary: Deploys, level: 1}]}]"
    ladder = read(text, name="C:\\radar\\My_Team-Radar.YAML").ladder
    assert (ladder.id, ladder.name) == ("my-team-radar", "Progression radar (My Team Radar)")
    assert read(text, name=".yml").ladder.id == "progression-radar"


def test_warnings_for_what_is_not_mapped() -> None:
    document = [
        {
            "key": "a",
            "color": "red",
            "kpis": [
                {
                    "summary": "s",
                    "level": 3,
                    "weight": 2,
                    "description": "**Anti-patterns:**\n* Shouts",
                }
            ],
        },
        {"key": "b", "kpis": []},
    ]
    result = read(dump(document))
    assert result.warnings == (
        "field 'color' of a category is not used",
        "field 'weight' of a KPI is not used",
        "the heading 'Anti-patterns' in categories[0].kpis[0].description was left out; "
        "the text under it was kept as examples",
        "category 'b' has no KPIs; its row is empty",
        "no KPI is at level 1, 2; those levels are empty in every category",
    )
    assert result.ladder.competencies[0].expectation("level-3").examples == ("Shouts",)
    assert all(cell.is_empty for cell in result.ladder.competencies[1].expectations.values())


def test_unused_top_level_fields_are_reported() -> None:
    result = read(dump({**COMBINED, "theme": "dark"}))
    assert result.warnings == ("field 'theme' of the file is not used",)


def test_blank_tags_and_bullets_are_dropped_and_a_single_tag_is_accepted() -> None:
    text = dump(categories_with(tags="solo", description="* \n*  kept  \n\n- "))
    cell = read(text).ladder.competencies[0].expectation("level-1")
    assert cell.details["tags"] == "solo, tech, people"
    assert cell.examples[0] == "kept"


# ---------------------------------------------------------------- failures


@pytest.mark.parametrize(
    ("changes", "location", "problem"),
    [
        ({"level": None}, "categories[0].kpis[0].level", "missing"),
        ({"level": 0}, "categories[0].kpis[0].level", "whole number from 1 up"),
        ({"level": -2}, "categories[0].kpis[0].level", "whole number from 1 up"),
        ({"level": "2"}, "categories[0].kpis[0].level", "it is text"),
        ({"level": 2.5}, "categories[0].kpis[0].level", "decimal number"),
        ({"level": True}, "categories[0].kpis[0].level", "true/false"),
        ({"level": MAX_LEVEL + 1}, "categories[0].kpis[0].level", f"at most {MAX_LEVEL}"),
        ({"summary": None}, "categories[0].kpis[0].summary", "required field 'summary'"),
        ({"summary": "  "}, "categories[0].kpis[0].summary", "must not be empty"),
        ({"summary": 12}, "categories[0].kpis[0].summary", "put it in quotes"),
        ({"description": ["x"]}, "categories[0].kpis[0].description", "must be text"),
        ({"tags": [1]}, "categories[0].kpis[0].tags[0]", "a tag must be text"),
        ({"tags": {"a": 1}}, "categories[0].kpis[0].tags", "must be a list"),
    ],
)
def test_bad_kpis_are_refused_with_their_location(
    changes: dict[str, Any], location: str, problem: str
) -> None:
    error = failure(dump(categories_with(**changes)))
    assert error.location == location
    assert problem in error.problem


def test_a_kpi_without_a_level_field() -> None:
    document = yaml.safe_load(CATEGORIES)
    del document[1]["kpis"][0]["level"]
    error = failure(dump(document))
    assert (error.location, error.problem) == (
        "categories[1].kpis[0].level",
        "the KPI level is missing; give a whole number from 1 up",
    )


@pytest.mark.parametrize(
    ("document", "location", "problem"),
    [
        ([{"name": "No key", "kpis": []}], "categories[0].key", "required field 'key'"),
        ([{"key": 5, "kpis": []}], "categories[0].key", "whole number"),
        (["text"], "categories[0]", "A category must be a mapping of fields"),
        ([{"key": "a", "kpis": {"x": 1}}], "categories[0].kpis", "'kpis' must be a list"),
        ([{"key": "a", "kpis": ["x"]}], "categories[0].kpis[0]", "A KPI must be a mapping"),
        ([{"key": "a", "kpis": []}], "categories", "no category has a KPI"),
        ([], "categories", "there are no categories"),
        ({"categories": "all"}, "categories", "'categories' must be a list"),
    ],
)
def test_bad_categories_are_refused(document: object, location: str, problem: str) -> None:
    error = failure(dump(document))
    assert error.location == location
    assert problem in error.problem


def test_duplicate_category_keys_are_refused() -> None:
    document = yaml.safe_load(CATEGORIES)
    document[1]["key"] = "talk"
    error = failure(dump(document))
    assert (error.location, error.problem) == (
        "categories[1].key",
        "the category key 'talk' is already used by category number 1",
    )


@pytest.mark.parametrize(
    ("roles", "location", "problem"),
    [
        ("[{key: a, levels: {talk: 1}}, {key: b, levels: {tlak: 1}}]", "roles[1].levels.tlak",
         "there is no category 'tlak' in the categories file. Did you mean 'talk'?"),
        ("[{key: a, levels: {talk: 4}}]", "roles[0].levels.talk",
         "the role level 4 is above the highest KPI level (3)"),
        ("[{key: a, levels: {talk: 0}}]", "roles[0].levels.talk", "whole number from 1 up"),
        ("[{key: a, levels: {talk: null}}]", "roles[0].levels.talk", "missing"),
        ("[{key: a, levels: {3: 1}}]", "roles[0].levels.3", "there is no category 3"),
        ("[{key: a}]", "roles[0].levels", "not empty (null)"),
        ("[{key: a, levels: [talk]}]", "roles[0].levels", "must be a mapping of fields"),
        ("[{name: a, levels: {}}]", "roles[0].key", "required field 'key'"),
        ("[{key: a, levels: {}}, {key: a, levels: {}}]", "roles[1].key",
         "the role key 'a' is already used by role number 1"),
        ("[oops]", "roles[0]", "A role must be a mapping of fields"),
        ("roles: 3", "roles", "'roles' must be a list"),
        ("just text", "", "the roles file must be a list of roles"),
        ("[a, b", "line 1", "in the roles file, not valid YAML"),
        ("", "", "in the roles file, the file is empty"),
    ],
)  # fmt: skip
def test_bad_roles_are_refused(roles: str, location: str, problem: str) -> None:
    error = failure(CATEGORIES, roles=roles)
    assert error.location == location
    assert problem in error.problem


def test_bad_roles_inside_one_file_are_refused() -> None:
    document = {**COMBINED, "roles": [{"key": "x", "levels": {"talk": 9}}]}
    error = failure(dump(document))
    assert error.location == "roles[0].levels.talk"


def test_malformed_yaml_gives_its_line() -> None:
    error = failure("- key: a\n  kpis: [\n  - : :\n")
    assert error.location.startswith("line ")
    assert "not valid YAML" in error.problem


@pytest.mark.parametrize(
    "text",
    [
        "levels:\n  - id: junior\nthemes: []\ncompetencies: []\n",  # another YAML format
        'format = 1\nid = "x"\n',  # TOML
        "just a sentence",
        "42",
        "{a: 1}",
    ],
)
def test_a_file_of_another_format_is_refused(text: str) -> None:
    error = failure(text)
    assert error.location == ""
    assert "not a progression-radar file" in error.problem


def test_the_roles_file_opened_alone_is_explained() -> None:
    error = failure(ROLES)
    assert error.location == ""
    assert "roles file" in error.problem


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b"\x00\x01\x02PK", "binary"),
        (b"\xff\xfe- key", "not UTF-8"),
    ],
)
def test_unreadable_bytes_are_refused(data: bytes, problem: str) -> None:
    with pytest.raises(LadderImportError) as caught:
        read_radar(data, "categories.yml")
    assert problem in caught.value.problem


def test_a_huge_file_is_refused_before_parsing() -> None:
    data = b"- [" * (MAX_IMPORT_BYTES // 3 + 1)  # would be invalid YAML if parsed
    with pytest.raises(LadderImportError) as caught:
        read_radar(data, "categories.yml")
    assert caught.value.location == ""
    assert "larger than 5 MB" in caught.value.problem


def test_text_repeated_through_anchors_is_refused() -> None:
    big = "x" * 200_000
    kpis = "".join(f"  - {{summary: *s, level: 1, n: {n}}}\n" for n in range(60))
    text = f"- key: a\n  name: &s {big}\n  kpis:\n{kpis}"
    error = failure(text)
    assert "repeats too much text" in error.problem


def test_names_too_long_for_a_ladder_are_reported_after_mapping() -> None:
    error = failure(dump({**COMBINED, "name": "n" * 300}))
    assert error.location == "name"
    assert error.problem.startswith("after mapping:")


def test_too_many_kpis_through_anchors_are_refused() -> None:
    kpis = "  - &p {summary: s, level: 1}\n" + "  - *p\n" * 999
    others = "".join(f"- {{key: c{n}, kpis: *k}}\n" for n in range(1, 101))
    error = failure(f"- key: c0\n  kpis: &k\n{kpis}{others}")
    assert error.location == "categories[100].kpis[0]"
    assert error.problem == "there are more than 100000 KPIs"


# ---------------------------------------------------------------- arbitrary input


def import_outcome(data: bytes, roles: bytes | None = None) -> None:
    try:
        result = read_radar(data, "fuzz.yml", roles)
    except LadderImportError:
        return
    assert isinstance(result, ImportedLadder)


@settings(deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    import_outcome(data)


@settings(deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    import_outcome(text.encode("utf-8", "surrogatepass"))


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=MAX_LEVEL + 2),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


def mutate(document: Any, data: st.DataObject) -> Any:
    """``document`` with a few nodes replaced, removed or added."""
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        node = document
        while isinstance(node, dict | list) and node and data.draw(st.booleans()):
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            key = data.draw(st.sampled_from(keys))
            if not isinstance(node[key], dict | list) or data.draw(st.booleans()):
                action = data.draw(st.sampled_from(["replace", "delete"]))
                if action == "replace":
                    node[key] = data.draw(values)
                else:
                    del node[key]
                break
            node = node[key]
        else:
            if isinstance(node, dict):
                node[data.draw(st.text(max_size=8))] = data.draw(values)
            elif isinstance(node, list):
                node.append(data.draw(values))
    return document


@settings(deadline=None, max_examples=300)
@given(st.data())
def test_mutated_fixtures_never_crash(data: st.DataObject) -> None:
    categories = mutate(yaml.safe_load(CATEGORIES), data)
    roles = mutate(yaml.safe_load(ROLES), data)
    import_outcome(dump(categories).encode(), dump(roles).encode())
    import_outcome(dump(mutate(COMBINED, data)).encode())


@settings(deadline=None)
@given(st.data())
def test_mutated_fixture_text_never_crashes(data: st.DataObject) -> None:
    text = CATEGORIES
    for _ in range(data.draw(st.integers(min_value=1, max_value=5))):
        at = data.draw(st.integers(min_value=0, max_value=len(text)))
        cut = data.draw(st.integers(min_value=0, max_value=5))
        text = text[:at] + data.draw(st.text(max_size=5)) + text[at + cut :]
    import_outcome(text.encode("utf-8", "surrogatepass"), ROLES.encode())
