"""Named targets and cell details: read, validated, written and round-tripped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from careercoach.domain.ladder import NamedTarget
from careercoach.domain.ladder_codec import LadderFileFormat, parse_ladder_bytes, render_ladder
from careercoach.domain.ladder_format import (
    LadderFormatError,
    ladder_from_document,
    ladder_to_document,
)

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "resources" / "schemas" / "ladder.schema.json").read_text(
        encoding="utf-8"
    )
)


def document() -> dict[str, Any]:
    return {
        "format": 1,
        "id": "radar",
        "name": "Radar",
        "version": "1",
        "levels": [{"id": "level-1", "title": "Level 1"}, {"id": "level-2", "title": "Level 2"}],
        "competencies": [
            {
                "id": "comm",
                "name": "Communication",
                "expectations": {
                    "level-1": {"signals": ["Gives updates"], "details": {"tags": "tech"}},
                    "level-2": {},
                },
            }
        ],
        "targets": [{"id": "backend", "name": "Backend engineer", "levels": {"comm": "level-2"}}],
    }


@pytest.mark.parametrize("file_format", ["toml", "yaml", "json"])
def test_targets_and_details_round_trip(file_format: LadderFileFormat) -> None:
    ladder = ladder_from_document(document())
    assert ladder.targets == (NamedTarget("backend", "Backend engineer", {"comm": "level-2"}),)
    cell = ladder.competencies[0].expectation("level-1")
    assert dict(cell.details) == {"tags": "tech"}
    assert not cell.is_empty
    again = parse_ladder_bytes(render_ladder(ladder, file_format).encode(), file_format)
    assert again == ladder
    assert ladder_to_document(ladder) == document()
    Draft202012Validator(SCHEMA).validate(ladder_to_document(ladder))


@pytest.mark.parametrize(
    ("change", "code", "location"),
    [
        ({"comm": "level-9"}, "unknown-level", "targets[0].levels.comm"),
        ({"nope": "level-1"}, "unknown-competency", "targets[0].levels.nope"),
        ({"comm": 2}, "wrong-type", "targets[0].levels.comm"),
    ],
)
def test_target_levels_must_exist(change: dict[str, object], code: str, location: str) -> None:
    doc = document()
    doc["targets"][0]["levels"] = change
    with pytest.raises(LadderFormatError) as caught:
        ladder_from_document(doc)
    assert [(p.code, p.location) for p in caught.value.problems] == [(code, location)]


def test_duplicate_target_ids_and_bad_details_are_reported() -> None:
    doc = document()
    doc["targets"].append({"id": "backend", "name": "Again", "levels": {}})
    doc["competencies"][0]["expectations"]["level-1"]["details"] = {"tags": 3}
    with pytest.raises(LadderFormatError) as caught:
        ladder_from_document(doc)
    problems = {(p.code, p.location) for p in caught.value.problems}
    assert ("duplicate-id", "targets[1].id") in problems
    assert ("wrong-type", "competencies[0].expectations.level-1.details.tags") in problems
