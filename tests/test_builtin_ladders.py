"""Every built-in ladder is valid, complete and reads as a ladder should."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from careercoach.domain.ladder_codec import parse_ladder_bytes
from careercoach.resources import builtin_ladder_files

LADDER_FILES = builtin_ladder_files()


def test_the_three_role_ladders_ship() -> None:
    assert {path.name for path in LADDER_FILES} >= {
        "data-science-ic.toml",
        "ml-engineer.toml",
        "software-engineer.toml",
    }


def test_cross_cutting_competencies_are_shared() -> None:
    ladders = [parse_ladder_bytes(path.read_bytes(), "toml") for path in LADDER_FILES]
    shared = {
        "ambiguity-and-scope",
        "delivery",
        "collaboration",
        "communication",
        "direction",
        "learning-and-innovation",
    }
    for ladder in ladders:
        assert shared <= {competency.id for competency in ladder.competencies}, ladder.id
        assert ladder.level_ids == ladders[0].level_ids


@pytest.mark.parametrize("path", LADDER_FILES, ids=lambda p: p.stem)
def test_builtin_ladder_is_complete(path: Path) -> None:
    ladder = parse_ladder_bytes(path.read_bytes(), "toml")
    assert ladder.id == path.stem
    assert len(ladder.levels) == 6
    assert len(ladder.competencies) >= 7
    for competency, level, expectation in ladder.cells():
        where = f"{competency.id} at {level.id}"
        assert expectation.summary.strip(), f"{where} has no summary"
        assert len(expectation.signals) >= 2, f"{where} has fewer than two signals"
    for competency in ladder.competencies:
        texts = [competency.expectation(level.id) for level in ladder.levels]
        for lower, higher in itertools.pairwise(texts):
            assert lower.summary != higher.summary, f"{competency.id}: adjacent summaries repeat"
            assert set(lower.signals).isdisjoint(higher.signals), (
                f"{competency.id}: adjacent levels share a signal"
            )


@pytest.mark.parametrize("path", LADDER_FILES, ids=lambda p: p.stem)
def test_ambiguity_progression_is_spelled_out(path: Path) -> None:
    ladder = parse_ladder_bytes(path.read_bytes(), "toml")
    summaries = [level.summary.lower() for level in ladder.levels]
    assert "task" in summaries[0]
    assert "scope" in summaries[1]
    assert "end to end" in summaries[2]
    assert "delegat" in summaries[2]
    assert "direction" in summaries[3]
