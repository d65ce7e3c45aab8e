"""Tests for the Medium Snowflake importer (constants.js modules and tracks as JSON)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.domain.importers.common import (
    MAX_IMPORT_BYTES,
    ImportedLadder,
    LadderImportError,
)
from careercoach.domain.importers.snowflake import read_snowflake
from careercoach.domain.ladder import Expectation

MODULE = """// @flow
import * as d3 from 'd3'

export const milestoneToPoints = (milestone: Milestone): number => {
  switch (milestone) {
    case 0: return 0
    case 1: return 2
    case 2: return 5
    default: return 0
  }
}

export const pointsToLevels = {
  '0': 'A1',
  '10': 'A2',
  '4': 'A1.5',
}

export const maxLevel = 40

type Tracks = {| 'ALPHA': Track, 'BETA_TWO': Track |}

export const tracks: Tracks = {
  "ALPHA": {
    "displayName": "Alpha work",
    category: 'X',
    description: `Does the alpha thing`,
    milestones: [{
      summary: "Starts alpha", // a comment
      signals: ["Signal one", 'Signal \\'two\\''],
      examples: ["Example one"],
    }, {
      summary: "Leads " + "alpha",
      signals: [],
      examples: [],
      level: "L2"
    }]
  },
  BETA_TWO: {
    displayName: "Beta",
    category: "Y",
    description: "Beta things",
    /* a block
       comment */
    milestones: [
      {summary: "b1", signals: ["s1"], examples: ["e1"]},
      {summary: "b2", signals: ["s2"], examples: ["e2"]},
      {summary: "b3", signals: ["s3"], examples: ["e3"]},
      {summary: "b4", signals: ["s4"], examples: ["e4"]},
      {summary: "b5", signals: ["s5"], examples: ["e5"]}
    ]
  }
}

export const trackIds: TrackId[] = Object.keys(tracks)

export const titles = [
  {label: 'Junior', minPoints: 0, maxPoints: 9},
  {label: 'Senior', minPoints: 10},
]
"""

LEVELS = [f"milestone-{n}" for n in range(1, 6)]


def _track(name: str = "T", milestones: object = None) -> dict[str, object]:
    if milestones is None:
        milestones = [{"summary": "m1", "signals": ["s"], "examples": ["e"]}]
    return {"displayName": name, "category": "A", "description": "d", "milestones": milestones}


def _read(text: str, name: str = "constants.js") -> ImportedLadder:
    return read_snowflake(text.encode(), name)


def _json(document: object, name: str = "tracks.json") -> ImportedLadder:
    return read_snowflake(json.dumps(document).encode(), name)


def _error(text: str | bytes, name: str = "constants.js") -> LadderImportError:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(LadderImportError) as caught:
        read_snowflake(data, name)
    return caught.value


# ---------------------------------------------------------------- mapping


def test_maps_a_module_to_levels_and_competencies() -> None:
    result = _read(MODULE)
    ladder = result.ladder
    assert result.source_format == "snowflake"
    assert (ladder.id, ladder.name, ladder.version) == ("constants", "Snowflake (constants)", "1")
    assert ladder.level_ids == tuple(LEVELS)
    assert [level.title for level in ladder.levels] == [f"Milestone {n}" for n in range(1, 6)]
    assert [c.id for c in ladder.competencies] == ["alpha", "beta-two"]
    alpha, beta = ladder.competencies
    assert (alpha.name, alpha.category, alpha.description) == (
        "Alpha work",
        "X",
        "Does the alpha thing",
    )
    assert ladder.categories == ("X", "Y")
    assert alpha.expectation("milestone-1") == Expectation(
        summary="Starts alpha", signals=("Signal one", "Signal 'two'"), examples=("Example one",)
    )
    assert alpha.expectation("milestone-2") == Expectation(
        summary="Leads alpha", details={"level": "L2"}
    )
    for level_id in LEVELS[2:]:
        assert alpha.expectations[level_id].is_empty  # explicitly empty, not missing
    assert [beta.expectation(level).summary for level in LEVELS] == ["b1", "b2", "b3", "b4", "b5"]
    assert beta.expectation("milestone-5").examples == ("e5",)
    assert result.warnings == ("track 'alpha' stops at milestone 2; 3-5 left empty",)


def test_carries_points_bands_and_titles_into_the_policy() -> None:
    policy = _read(MODULE).ladder.policy
    assert policy is not None
    assert policy.kind == "snowflake-points"
    assert dict(policy.settings) == {
        "milestone_points": {"0": 0, "1": 2, "2": 5},
        "bands": [
            {"points": 0, "level": "A1"},
            {"points": 4, "level": "A1.5"},
            {"points": 10, "level": "A2"},
        ],
        "max_points": 40,
        "titles": [
            {"label": "Junior", "min_points": 0, "max_points": 9},
            {"label": "Senior", "min_points": 10},
        ],
    }


def test_a_module_with_only_tracks_has_no_policy() -> None:
    text = "const tracks = {A: {displayName: 'A', milestones: [{summary: 'x'}]}}"
    result = _read(text, "my.fork.js")
    assert result.ladder.policy is None
    assert result.ladder.id == "my-fork"
    assert result.ladder.competencies[0].category == ""


def test_points_as_literals_and_unreadable_parts_give_warnings() -> None:
    text = """
    const milestoneToPoints = [0, 1, 'three', 6]
    const pointsToLevels = {'0': '1.1', 'x': '1.2', '7': 2}
    const maxLevel = 'high'
    const titles = [{label: 'Lead', minPoints: 5, color: 'red'}, 'Boss']
    const tracks = {A: {displayName: 'A', milestones: [{summary: 'x'}]}}
    """
    result = _read(text)
    assert result.ladder.policy is not None
    assert dict(result.ladder.policy.settings) == {
        "milestone_points": {"0": 0, "1": 1, "3": 6},
        "bands": [{"points": 0, "level": "1.1"}, {"points": 7, "level": "2"}],
        "titles": [{"label": "Lead", "min_points": 5}],
    }
    assert "milestoneToPoints entry '2' is not used" in result.warnings
    assert "pointsToLevels entry 'x' is not used" in result.warnings
    assert (
        "maxLevel could not be read (line 4: 'maxLevel' is text, not a number); "
        "the points policy leaves it out"
    ) in result.warnings
    assert "field 'color' of titles[0] is not used" in result.warnings
    assert "titles[1] has no label; it is not used" in result.warnings


def test_a_broken_points_function_is_a_warning_not_an_error() -> None:
    text = """
    const pointsToLevels = {'0': 'one'
    const tracks = {A: {displayName: 'A', milestones: [{summary: 'x'}]}}
    """
    result = _read(text)
    assert result.ladder.policy is None
    assert any(w.startswith("pointsToLevels could not be read (line 3") for w in result.warnings)


def test_reads_a_plain_tracks_object_as_json() -> None:
    result = _json({"WEB": _track("Web"), "CRAFT": _track("Craft")})
    assert [c.id for c in result.ladder.competencies] == ["web", "craft"]
    assert result.ladder.id == "tracks"
    assert result.ladder.policy is None


def test_reads_json_with_a_tracks_key_and_points() -> None:
    document = {
        "tracks": {"WEB": _track("Web")},
        "milestoneToPoints": {"1": 1, "2": 3},
        "pointsToLevels": {"0": "1.1"},
        "colors": ["#fff"],
    }
    result = _json(document, "snowflake.json")
    assert result.ladder.policy is not None
    assert result.ladder.policy.settings["milestone_points"] == {"1": 1, "2": 3}
    assert "field 'colors' is not used" in result.warnings


def test_longer_milestone_lists_add_levels() -> None:
    six = [{"summary": f"m{n}"} for n in range(1, 7)]
    result = _json({"A": _track("A", six), "B": _track("B")})
    assert result.ladder.level_ids[-1] == "milestone-6"
    assert result.ladder.competency("a").expectation("milestone-6").summary == "m6"  # type: ignore[union-attr]
    assert "track 'b' stops at milestone 1; 2-6 left empty" in result.warnings


def test_odd_tracks_are_kept_with_warnings() -> None:
    tracks = {
        "WEB_CLIENT": _track("Web"),
        "web-client": {
            "milestones": [
                {"summary": "x", "signals": ["a", " "], "weight": 2, "tags": ["t", "u"]}
            ],
            "color": "red",
            "description": None,
        },
        "EMPTY": _track("Empty", []),
    }
    result = _json(tracks)
    web, web2, empty = result.ladder.competencies
    assert (web.id, web2.id, web2.name, web2.description) == (
        "web-client",
        "web-client-2",
        "web-client",
        "",
    )
    assert web2.expectation("milestone-1") == Expectation(
        summary="x", signals=("a",), details={"weight": "2", "tags": "t\nu"}
    )
    assert all(cell.is_empty for cell in empty.expectations.values())
    assert set(result.warnings) >= {
        "track 'web-client' has the id 'web-client-2' (its own was taken)",
        "track 'web-client' has no displayName; its key is used as the name",
        "field 'color' of track 'web-client' is not used",
        "an empty entry of tracks.web-client.milestones[0].signals was skipped",
        "track 'empty' stops at milestone 0; 1-5 left empty",
    }


# ---------------------------------------------------------------- failures


@pytest.mark.parametrize(
    ("text", "location", "problem"),
    [
        ("export const other = {a: 1}\n", "", "no Snowflake 'tracks' object was found"),
        ("const tracks = {\n  A: {displayName: 'open\n}}", "line 2", "no closing quote"),
        ("const tracks = {\n  A: {displayName: 'A',\n", "line 2", "object that starts here"),
        ("const tracks = {\n\n A: {milestones: []},\n A: {milestones: []}}", "line 4", "twice"),
        ("const tracks = loadTracks()", "line 1", "'loadTracks' is JavaScript code"),
        ("const tracks = [1, 2]", "line 1", "'tracks' is a list"),
        ("const tracks = {a: `x ${y}`}", "line 1", "${...}"),
        ("const tracks = {}", "tracks", "there are no tracks"),
        ("const tracks = {A: {displayName: 'A'}}", "tracks", "no track has a 'milestones' list"),
    ],
)
def test_module_failures(text: str, location: str, problem: str) -> None:
    error = _error(text)
    assert error.location == location
    assert problem in error.problem


@pytest.mark.parametrize(
    ("tracks", "location", "problem"),
    [
        ({"A": _track(), "B": {"displayName": "B"}}, "tracks.B.milestones", "no 'milestones'"),
        ({"A": _track(), "B": _track(milestones={})}, "tracks.B.milestones", "must be a list"),
        ({"A": _track(), "B": [1]}, "tracks.B", "a track must be an object"),
        ({"A": _track(milestones=[{}, None])}, "tracks.A.milestones[1]", "a milestone must be"),
        ({"A": _track(milestones=["x"])}, "tracks.A.milestones[0]", "a milestone must be"),
        ({"A": _track(milestones=[{"summary": 3}])}, "tracks.A.milestones[0].summary", "text"),
        ({"A": _track(milestones=[{"signals": "s"}])}, "tracks.A.milestones[0].signals", "list"),
        (
            {"A": _track(milestones=[{"examples": [1]}])},
            "tracks.A.milestones[0].examples[0]",
            "text",
        ),
        ({"A": {**_track(), "displayName": 7}}, "tracks.A.displayName", "must be text"),
        ({"A": {**_track(), "category": ["A"]}}, "tracks.A.category", "must be text"),
        ({"A B": [1], "C": _track()}, 'tracks."A B"', "a track must be an object"),
    ],
)
def test_wrong_shapes_point_at_the_track(tracks: object, location: str, problem: str) -> None:
    error = _error(json.dumps(tracks), "tracks.json")
    assert error.location == location
    assert problem in error.problem


@pytest.mark.parametrize(
    ("data", "location", "problem"),
    [
        (b"", "", "empty"),
        (b"  \n ", "", "empty"),
        (b"\x00\x01\x02binary", "", "binary"),
        (b"const tracks = {\n'\xff'}", "line 2", "not UTF-8"),
        (b"[1, 2]", "", "must be an object of tracks"),
        (b'{"tracks": [1]}', "tracks", "must be an object of tracks"),
        (b'{"a": 1', "line 1", "never closed"),
        (
            b'{"format": 1, "id": "x", "levels": [], "competencies": []}',
            "tracks",
            "no track has a 'milestones' list",
        ),
        (b"name: Engineering\nlevels:\n  - id: a\nthemes: []\n", "", "no Snowflake"),
        (b"# A title\n\nSome *markdown* text.\n", "", "no Snowflake"),
    ],
)
def test_files_that_are_not_snowflake_tracks(data: bytes, location: str, problem: str) -> None:
    error = _error(data)
    assert error.location == location
    assert problem in error.problem


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    data = b"const tracks = {" + b" " * MAX_IMPORT_BYTES
    error = _error(data)
    assert "larger than 5 MB" in error.problem


# ---------------------------------------------------------------- properties


def _never_crashes(data: bytes, name: str = "constants.js") -> None:
    try:
        result = read_snowflake(data, name)
    except LadderImportError:
        return
    assert result.ladder.competencies


@settings(deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_ladder_or_an_import_error(data: bytes) -> None:
    _never_crashes(data)
    _never_crashes(data, "x.json")


@settings(deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_ladder_or_an_import_error(text: str) -> None:
    _never_crashes(text.encode("utf-8", "surrogatepass"))
    _never_crashes(("const tracks = " + text).encode("utf-8", "surrogatepass"))


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(MODULE)), st.integers(0, 8), st.text(max_size=4)),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_modules_give_a_ladder_or_an_import_error(
    edits: list[tuple[int, int, str]],
) -> None:
    text = MODULE
    for position, cut, insert in edits:
        text = text[:position] + insert + text[position + cut :]
    _never_crashes(text.encode("utf-8", "surrogatepass"))


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["summary", "signals", "examples", "milestones", "displayName", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=15,
)


@settings(deadline=None)
@given(st.dictionaries(st.text(max_size=6), _VALUES, max_size=3), st.booleans())
def test_any_json_tracks_give_a_ladder_or_an_import_error(
    tracks: dict[str, object], wrapped: bool
) -> None:
    document = {"tracks": tracks, "milestoneToPoints": tracks} if wrapped else tracks
    _never_crashes(json.dumps(document).encode(), "t.json")
