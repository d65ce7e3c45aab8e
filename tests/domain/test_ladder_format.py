"""Tests for the ladder document format: validation, canonical documents and hashes."""

from __future__ import annotations

import copy
import datetime
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from careercoach.domain.ladder import (
    Competency,
    Expectation,
    Ladder,
    Level,
    LevelEstimatePolicy,
)
from careercoach.domain.ladder_format import (
    FormatProblem,
    LadderFormatError,
    ladder_content_hash,
    ladder_from_document,
    ladder_to_document,
)

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "resources" / "schemas" / "ladder.schema.json"


def sample_ladder() -> Ladder:
    """A hand-built ladder with unicode, multi-line text, quotes, an empty cell and a policy."""
    return Ladder(
        id="data-science-ic",
        name="Data Science IC — Ingénieur·e «données» 数据",
        version="1.0",
        description='First line\nSecond line with "quotes", a \\backslash and a tab\t.',
        levels=(
            Level("associate", "Associate Data Scientist", "Learns the craft.\nAsks for help."),
            Level("senior", "Senior Data Scientist"),
            Level("staff_1", "Staff Data Scientist", "Sets direction 🚀"),
        ),
        competencies=(
            Competency(
                id="ambiguity-and-scope",
                name="Handling ambiguity and scope",
                category="Scope and impact",
                description="How much ambiguity one handles alone.",
                expectations={
                    "associate": Expectation(
                        summary="Works on well-defined tasks.\n\nIndented:\n    - item",
                        signals=("Asks clarifying questions", 'Says "I don\'t know"'),
                        examples=("Cleaned the C:\\data\\raw folder",),
                    ),
                    "senior": Expectation(signals=("Frames vague problems",)),
                    "staff_1": Expectation(),
                },
            ),
            Competency(
                id="ml-craft",
                name="ML craft",
                expectations={
                    "associate": Expectation(summary="Trains baseline models"),
                    "senior": Expectation(summary="Chooses the right model", examples=("A/B",)),
                    "staff_1": Expectation(summary="Sets modelling standards"),
                },
            ),
        ),
        policy=LevelEstimatePolicy(
            "share-at-level",
            {"share": 0.75, "labels": ["low", "high"], "weights": {"x": 1, "y": 2.5}, "on": True},
        ),
    )


def sample_document() -> dict[str, Any]:
    """A fresh canonical document of the sample ladder, safe to mutate."""
    return ladder_to_document(sample_ladder())


def problems_of(document: object) -> list[tuple[str, str]]:
    """The (code, location) of every problem ``document`` has; [] when it is valid."""
    try:
        ladder_from_document(document)
    except LadderFormatError as error:
        problems = error.problems
    else:
        return []
    assert problems, "a LadderFormatError must list at least one problem"
    return [(p.code, p.location) for p in problems]


# ---------------------------------------------------------------- canonical documents


def test_document_round_trip_is_lossless() -> None:
    ladder = sample_ladder()
    assert ladder_from_document(ladder_to_document(ladder)) == ladder


def test_canonical_document_shape() -> None:
    document = sample_document()
    assert next(iter(document)) == "format"
    assert document["format"] == 1
    assert document["levels"][1] == {"id": "senior", "title": "Senior Data Scientist"}
    cells = document["competencies"][0]["expectations"]
    assert list(cells) == ["associate", "senior", "staff_1"]
    assert cells["senior"] == {"signals": ["Frames vague problems"]}
    assert cells["staff_1"] == {}
    assert "category" not in document["competencies"][1]
    assert document["policy"] == {
        "kind": "share-at-level",
        "share": 0.75,
        "labels": ["low", "high"],
        "weights": {"x": 1, "y": 2.5},
        "on": True,
    }


def test_expectations_are_stored_in_level_order() -> None:
    document = sample_document()
    cells = document["competencies"][0]["expectations"]
    document["competencies"][0]["expectations"] = dict(reversed(list(cells.items())))
    ladder = ladder_from_document(document)
    assert list(ladder.competencies[0].expectations) == ["associate", "senior", "staff_1"]
    assert ladder == sample_ladder()


def test_text_is_kept_exactly() -> None:
    document = sample_document()
    document["name"] = "  Padded name \n"
    document["levels"][0]["summary"] = "   "
    ladder = ladder_from_document(document)
    assert ladder.name == "  Padded name \n"
    assert ladder.levels[0].summary == "   "


def test_missing_cell_of_hand_built_ladder_is_written_as_empty_table() -> None:
    ladder = sample_ladder()
    competency = Competency("solo", "Solo", expectations={"senior": Expectation("Only here")})
    document = ladder_to_document(Ladder("x", "X", "1", "", ladder.levels, (competency,), None))
    assert document["competencies"][0]["expectations"] == {
        "associate": {},
        "senior": {"summary": "Only here"},
        "staff_1": {},
    }
    assert "policy" not in document
    assert "description" not in document


def test_content_hash_is_stable_and_sensitive() -> None:
    digest = ladder_content_hash(sample_ladder())
    assert len(digest) == 64
    assert set(digest) <= set("0123456789abcdef")
    assert ladder_content_hash(sample_ladder()) == digest
    reordered = sample_document()
    reordered["policy"] = dict(reversed(list(reordered["policy"].items())))
    assert ladder_content_hash(ladder_from_document(reordered)) == digest
    changed = sample_document()
    changed["levels"][0]["title"] += "!"
    assert ladder_content_hash(ladder_from_document(changed)) != digest


def test_content_hash_is_sha256_of_canonical_json() -> None:
    import hashlib

    canonical = json.dumps(
        sample_document(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert ladder_content_hash(sample_ladder()) == expected


# ---------------------------------------------------------------- validation


Mutation = Callable[[dict[str, Any]], object]


def _parent(document: dict[str, Any], path: str) -> tuple[Any, Any]:
    """The container holding the value at a dotted path (list indices as numbers), and its key."""
    *parents, last = (int(part) if part.isdigit() else part for part in path.split("."))
    target: Any = document
    for part in parents:
        target = target[part]
    return target, last


def _set(path: str, value: object) -> Mutation:
    def mutate(document: dict[str, Any]) -> object:
        target, key = _parent(document, path)
        target[key] = value
        return document

    return mutate


def _drop(path: str) -> Mutation:
    def mutate(document: dict[str, Any]) -> object:
        target, key = _parent(document, path)
        del target[key]
        return document

    return mutate


def _rename_level(document: dict[str, Any]) -> object:
    document["levels"][1]["id"] = "Senior"
    for competency in document["competencies"]:
        cells = competency["expectations"]
        competency["expectations"] = {
            ("Senior" if k == "senior" else k): v for k, v in cells.items()
        }
    return document


def _append_copy(key: str) -> Mutation:
    def mutate(document: dict[str, Any]) -> object:
        document[key].append(copy.deepcopy(document[key][0]))
        return document

    return mutate


def _bool_cell_key(document: dict[str, Any]) -> object:
    """What YAML 1.1 reads for an unquoted level id ``no:``."""
    document["competencies"][0]["expectations"][False] = {}
    return document


CELL = "competencies.0.expectations"
E0 = "competencies[0].expectations"
WT, MF, EV, UF = "wrong-type", "missing-field", "empty-value", "unknown-field"
S, D = _set, _drop
VALIDATION_CASES: list[tuple[str, Mutation, str, str]] = [
    ("document is a list", lambda d: [d], WT, ""),
    ("document is text", lambda d: "id = 'x'", WT, ""),
    ("document is empty", lambda d: None, WT, ""),
    ("format 2", S("format", 2), "unsupported-format-version", "format"),
    ("format as text", S("format", "1"), WT, "format"),
    ("format as bool", S("format", True), WT, "format"),
    ("format as float", S("format", 1.0), WT, "format"),
    ("missing id", D("id"), MF, "id"),
    ("missing name", D("name"), MF, "name"),
    ("missing version", D("version"), MF, "version"),
    ("missing levels", D("levels"), MF, "levels"),
    ("missing competencies", D("competencies"), MF, "competencies"),
    ("invalid ladder id", S("id", "Data Science"), "invalid-id", "id"),
    ("id with trailing newline", S("id", "ds\n"), "invalid-id", "id"),
    ("empty ladder id", S("id", ""), EV, "id"),
    ("blank name", S("name", " \t"), EV, "name"),
    ("blank version", S("version", ""), EV, "version"),
    ("version as float", S("version", 1.0), WT, "version"),
    ("version as date", S("version", datetime.date(2024, 1, 1)), WT, "version"),
    ("name as bool", S("name", True), WT, "name"),
    ("id as int", S("id", 7), WT, "id"),
    ("description as int", S("description", 3), WT, "description"),
    ("levels not a list", S("levels", {"id": "a"}), WT, "levels"),
    ("no levels", S("levels", []), "no-levels", "levels"),
    ("no competencies", S("competencies", []), "no-competencies", "competencies"),
    ("level not a table", S("levels.2", "staff"), WT, "levels[2]"),
    ("missing level title", D("levels.1.title"), MF, "levels[1].title"),
    ("empty level title", S("levels.0.title", ""), EV, "levels[0].title"),
    ("level summary a list", S("levels.0.summary", ["a"]), WT, "levels[0].summary"),
    ("invalid level id", _rename_level, "invalid-id", "levels[1].id"),
    ("missing level id", D("levels.0.id"), MF, "levels[0].id"),
    ("duplicate level id", _append_copy("levels"), "duplicate-id", "levels[3].id"),
    ("duplicate competency", _append_copy("competencies"), "duplicate-id", "competencies[2].id"),
    ("competency not a table", S("competencies.1", []), WT, "competencies[1]"),
    ("no competency id", D("competencies.1.id"), MF, "competencies[1].id"),
    ("no competency name", D("competencies.0.name"), MF, "competencies[0].name"),
    ("blank competency name", S("competencies.0.name", "\n"), EV, "competencies[0].name"),
    ("bad competency id", S("competencies.0.id", "-x"), "invalid-id", "competencies[0].id"),
    ("category as int", S("competencies.0.category", 1), WT, "competencies[0].category"),
    ("unknown top-level field", S("nmae", "x"), UF, "nmae"),
    ("unknown level field", S("levels.0.titel", "x"), UF, "levels[0].titel"),
    ("unknown competency field", S("competencies.1.x", 1), UF, "competencies[1].x"),
    ("unknown cell field", S(f"{CELL}.senior.signal", []), UF, f"{E0}.senior.signal"),
    ("field name with spaces", S("my field", 1), UF, '"my field"'),
    ("missing expectations", D("competencies.1.expectations"), MF, "competencies[1].expectations"),
    ("expectations a list", S(CELL, [{}]), WT, E0),
    ("unknown level cell", S(f"{CELL}.principal", {}), "unknown-level", f"{E0}.principal"),
    ("missing expectation", D(f"{CELL}.senior"), "missing-expectation", f"{E0}.senior"),
    ("null cell", S(f"{CELL}.senior", None), WT, f"{E0}.senior"),
    ("text cell", S(f"{CELL}.senior", "Does it"), WT, f"{E0}.senior"),
    ("cell keyed by a bool", _bool_cell_key, WT, f"{E0}.false"),
    ("cell summary as int", S(f"{CELL}.senior.summary", 5), WT, f"{E0}.senior.summary"),
    ("signals as text", S(f"{CELL}.senior.signals", "one"), WT, f"{E0}.senior.signals"),
    ("signal as int", S(f"{CELL}.senior.signals", ["a", 1]), WT, f"{E0}.senior.signals[1]"),
    ("blank signal", S(f"{CELL}.senior.signals", [" "]), EV, f"{E0}.senior.signals[0]"),
    ("null example", S(f"{CELL}.senior.examples", [None]), WT, f"{E0}.senior.examples[0]"),
    ("policy not a table", S("policy", "share-at-level"), WT, "policy"),
    ("policy without kind", D("policy.kind"), MF, "policy.kind"),
    ("policy kind blank", S("policy.kind", ""), EV, "policy.kind"),
    ("policy kind not text", S("policy.kind", 3), WT, "policy.kind"),
    ("null setting", S("policy.share", None), WT, "policy.share"),
    ("nan setting", S("policy.share", math.nan), WT, "policy.share"),
    ("date setting", S("policy.labels", [datetime.date(2024, 1, 1)]), WT, "policy.labels[0]"),
    ("setting with number key", S("policy.weights", {1: 2}), WT, "policy.weights.1"),
    ("setting is a set", S("policy.weights", {"x": {1, 2}}), WT, "policy.weights.x"),
]


@pytest.mark.parametrize(
    ("mutation", "code", "location"),
    [pytest.param(m, c, loc, id=name) for name, m, c, loc in VALIDATION_CASES],
)
def test_each_problem_class_is_reported_with_code_and_location(
    mutation: Mutation, code: str, location: str
) -> None:
    assert problems_of(mutation(sample_document())) == [(code, location)]


def test_every_problem_is_reported_in_one_pass() -> None:
    document = sample_document()
    document["format"] = 3
    del document["name"]
    document["id"] = "Bad Id"
    document["levels"][0]["title"] = "  "
    document["levels"].append({"id": "senior", "title": "Again", "colour": "red"})
    document["competencies"][0]["expectations"]["principal"] = {"signals": [1]}
    del document["competencies"][1]["expectations"]["staff_1"]
    document["policy"] = {"share": 0.5}
    assert problems_of(document) == [
        ("unsupported-format-version", "format"),
        ("invalid-id", "id"),
        ("missing-field", "name"),
        ("empty-value", "levels[0].title"),
        ("unknown-field", "levels[3].colour"),
        ("duplicate-id", "levels[3].id"),
        ("unknown-level", "competencies[0].expectations.principal"),
        ("wrong-type", "competencies[0].expectations.principal.signals[0]"),
        ("missing-expectation", "competencies[1].expectations.staff_1"),
        ("missing-field", "policy.kind"),
    ]


def test_error_is_a_user_error_with_readable_messages() -> None:
    document = sample_document()
    document["version"] = 1.0
    document["levels"][0]["titel"] = "x"
    with pytest.raises(LadderFormatError) as caught:
        ladder_from_document(document)
    error = caught.value
    assert error.code == "ladder-invalid"
    assert error.params["count"] == 2
    assert error.problems[0] == FormatProblem(
        "version",
        "'version' must be text, but it is a decimal number (1.0); "
        "put the value in quotes to make it text.",
        "wrong-type",
    )
    assert "Did you mean 'title'?" in error.problems[1].message
    assert str(error).splitlines() == [
        "The ladder has 2 problems:",
        f"- version: {error.problems[0].message}",
        f"- levels[0].titel: {error.problems[1].message}",
    ]


def test_invalid_id_message_explains_the_rule() -> None:
    document = sample_document()
    document["id"] = "Data Science"
    with pytest.raises(LadderFormatError) as caught:
        ladder_from_document(document)
    message = caught.value.problems[0].message
    assert '"Data Science" is not a valid id' in message
    assert "lowercase letters" in message


def test_recursive_policy_settings_are_rejected_not_crashing() -> None:
    loop: list[Any] = []
    loop.append(loop)
    document = sample_document()
    document["policy"]["loop"] = loop
    problems = problems_of(document)
    assert problems
    assert all(code == "wrong-type" for code, _ in problems)
    assert problems[0][1].startswith("policy.loop")


def test_huge_numbers_do_not_break_messages() -> None:
    document = sample_document()
    document["format"] = 10**5000
    document["version"] = 10**5000
    assert problems_of(document) == [
        ("unsupported-format-version", "format"),
        ("wrong-type", "version"),
    ]


# ---------------------------------------------------------------- JSON schema


def load_schema() -> dict[str, Any]:
    """The ladder JSON schema shipped in resources/schemas."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(load_schema())


def test_canonical_document_matches_schema() -> None:
    Draft202012Validator(load_schema()).validate(sample_document())


@pytest.mark.parametrize(
    "mutation",
    [
        _drop("id"),
        _set("id", "Bad Id"),
        _set("levels", []),
        _set("nmae", "x"),
        _set("format", 2),
        _set("policy.share", None),
        _drop("policy.kind"),
        _set(f"{CELL}.senior.signals", [""]),
    ],
)
def test_schema_rejects_invalid_documents(mutation: Mutation) -> None:
    validator = Draft202012Validator(load_schema())
    assert not validator.is_valid(mutation(sample_document()))


# ---------------------------------------------------------------- properties

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
FIELD_NAMES = [
    "format", "id", "name", "version", "description", "levels", "competencies", "policy",
    "title", "summary", "category", "expectations", "signals", "examples", "kind",
]  # fmt: skip
documents = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), json_like)


def _assert_ladder_or_format_error(document: object) -> None:
    try:
        ladder = ladder_from_document(document)
    except LadderFormatError as error:
        problems = error.problems
    else:
        assert ladder_from_document(ladder_to_document(ladder)) == ladder
        return
    assert problems
    assert all(isinstance(p.message, str) and p.message for p in problems)
    assert all(isinstance(p.location, str) and isinstance(p.code, str) for p in problems)


@settings(deadline=None)
@given(json_like | documents)
def test_arbitrary_documents_give_a_ladder_or_a_format_error(document: object) -> None:
    _assert_ladder_or_format_error(document)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


ALL_PATHS = _paths(sample_document())


def _apply(document: Any, path: tuple[Any, ...], drop: bool, replacement: object) -> None:
    """Drop or replace the value at ``path`` when it still exists."""
    parent = document
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return
    last = path[-1]
    if isinstance(parent, dict) and drop:
        parent.pop(last, None)
    elif isinstance(parent, dict):
        parent[last] = replacement
    elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        if drop:
            del parent[last]
        else:
            parent[last] = replacement


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(ALL_PATHS), st.booleans(), json_like), min_size=1, max_size=4
    )
)
def test_mutated_documents_give_a_ladder_or_a_format_error(
    mutations: list[tuple[tuple[Any, ...], bool, object]],
) -> None:
    document = sample_document()
    for path, drop, replacement in mutations:
        _apply(document, path, drop, replacement)
    _assert_ladder_or_format_error(document)


def _minimal_document() -> dict[str, Any]:
    return {
        "id": "team",
        "name": "Team",
        "version": "1",
        "levels": [{"id": "junior", "title": "Junior"}],
        "competencies": [{"id": "delivery", "name": "Delivery", "expectations": {"junior": {}}}],
    }


@pytest.mark.parametrize(
    ("path", "value", "code", "location"),
    [
        (("name",), "Team \ud800", "invalid-text", "name"),
        (("description",), "\udfff", "invalid-text", "description"),
        (("id",), "x" * 81, "too-long", "id"),
        (("name",), "N" * 201, "too-long", "name"),
        (("version",), "9" * 81, "too-long", "version"),
    ],
)
def test_text_that_cannot_be_stored_is_rejected(
    path: tuple[str, ...], value: str, code: str, location: str
) -> None:
    document = _minimal_document()
    document[path[0]] = value
    with pytest.raises(LadderFormatError) as caught:
        ladder_from_document(document)
    assert [(p.code, p.location) for p in caught.value.problems] == [(code, location)]


def test_lone_surrogates_in_signals_and_policy_are_rejected() -> None:
    document = _minimal_document()
    document["competencies"][0]["expectations"]["junior"] = {"signals": ["ok", "bad \ud83d"]}
    document["policy"] = {"kind": "share-at-level", "note": "\udc00"}
    with pytest.raises(LadderFormatError) as caught:
        ladder_from_document(document)
    locations = {p.location for p in caught.value.problems}
    assert "competencies[0].expectations.junior.signals[1]" in locations
    assert "policy.note" in locations


@given(text=st.text(alphabet=st.characters(exclude_categories=()), max_size=20))
def test_any_text_gives_a_storable_ladder_or_a_clear_error(text: str) -> None:
    document = _minimal_document()
    document["name"] = text
    document["competencies"][0]["expectations"]["junior"] = {"signals": [text, "x"]}
    try:
        ladder = ladder_from_document(document)
    except LadderFormatError:
        return
    ladder_content_hash(ladder)
    json.dumps(ladder_to_document(ladder), ensure_ascii=False).encode("utf-8")
