"""Pure edits of a ladder for the editor: each returns a new ladder, the old one unchanged."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from careercoach.domain.ladder import Competency, Expectation, Ladder, Level
from careercoach.domain.ladder_catalog import unique_ladder_id


def new_ladder(ladder_id: str, name: str) -> Ladder:
    """A small starting ladder: two levels and one competency with empty cells."""
    levels = (Level("level-1", "Level 1"), Level("level-2", "Level 2"))
    competency = Competency(
        "competency-1", "New competency", expectations={lv.id: Expectation() for lv in levels}
    )
    return Ladder(ladder_id, name, "1", "", levels, (competency,))


def duplicate(ladder: Ladder, taken_ids: set[str], copy_name: str) -> Ladder:
    """An editable copy of ``ladder`` under a free id ("<id>-copy", "<id>-copy-2"…)."""
    return replace(ladder, id=unique_ladder_id(f"{ladder.id}-copy", taken_ids), name=copy_name)


def set_info(
    ladder: Ladder, *, ladder_id: str, name: str, version: str, description: str
) -> Ladder:
    """Change the ladder's own fields."""
    return replace(ladder, id=ladder_id, name=name, version=version, description=description)


def add_level(ladder: Ladder, title: str) -> Ladder:
    """Append a level with a fresh id; every competency gets an empty cell for it."""
    level_id = _fresh_id("level", {level.id for level in ladder.levels})
    competencies = tuple(
        replace(c, expectations={**c.expectations, level_id: Expectation()})
        for c in ladder.competencies
    )
    return replace(
        ladder, levels=(*ladder.levels, Level(level_id, title)), competencies=competencies
    )


def update_level(ladder: Ladder, index: int, *, title: str, summary: str) -> Ladder:
    """Change the title and summary of the level at ``index``."""
    levels = list(ladder.levels)
    levels[index] = replace(levels[index], title=title, summary=summary)
    return replace(ladder, levels=tuple(levels))


def move_level(ladder: Ladder, index: int, offset: int) -> Ladder:
    """Move the level at ``index`` up (-1) or down (+1); out of range is a no-op."""
    return replace(ladder, levels=_moved(ladder.levels, index, offset))


def remove_level(ladder: Ladder, index: int) -> Ladder:
    """Remove the level at ``index`` and its cells."""
    removed = ladder.levels[index].id
    competencies = tuple(
        replace(c, expectations={k: v for k, v in c.expectations.items() if k != removed})
        for c in ladder.competencies
    )
    targets = tuple(
        replace(t, levels={k: v for k, v in t.levels.items() if v != removed})
        for t in ladder.targets
    )
    levels = ladder.levels[:index] + ladder.levels[index + 1 :]
    return replace(ladder, levels=levels, competencies=competencies, targets=targets)


def add_competency(ladder: Ladder, name: str) -> Ladder:
    """Append a competency with a fresh id and an empty cell for every level."""
    competency_id = _fresh_id("competency", {c.id for c in ladder.competencies})
    competency = Competency(
        competency_id, name, expectations={level.id: Expectation() for level in ladder.levels}
    )
    return replace(ladder, competencies=(*ladder.competencies, competency))


def update_competency(
    ladder: Ladder, index: int, *, name: str, category: str, description: str
) -> Ladder:
    """Change the name, category and description of the competency at ``index``."""
    competencies = list(ladder.competencies)
    competencies[index] = replace(
        competencies[index], name=name, category=category, description=description
    )
    return replace(ladder, competencies=tuple(competencies))


def move_competency(ladder: Ladder, index: int, offset: int) -> Ladder:
    """Move the competency at ``index`` up (-1) or down (+1); out of range is a no-op."""
    return replace(ladder, competencies=_moved(ladder.competencies, index, offset))


def remove_competency(ladder: Ladder, index: int) -> Ladder:
    """Remove the competency at ``index``, and it from every target."""
    removed = ladder.competencies[index].id
    targets = tuple(
        replace(t, levels={k: v for k, v in t.levels.items() if k != removed})
        for t in ladder.targets
    )
    competencies = ladder.competencies[:index] + ladder.competencies[index + 1 :]
    return replace(ladder, competencies=competencies, targets=targets)


def set_expectation(
    ladder: Ladder, competency_index: int, level_id: str, expectation: Expectation
) -> Ladder:
    """Replace one cell."""
    competencies = list(ladder.competencies)
    competency = competencies[competency_index]
    competencies[competency_index] = replace(
        competency, expectations={**competency.expectations, level_id: expectation}
    )
    return replace(ladder, competencies=tuple(competencies))


def _fresh_id(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}-{number}" in taken:
        number += 1
    return f"{prefix}-{number}"


_Item = TypeVar("_Item")


def _moved(items: tuple[_Item, ...], index: int, offset: int) -> tuple[_Item, ...]:
    target = index + offset
    if not (0 <= index < len(items) and 0 <= target < len(items)):
        return items
    moved = list(items)
    moved[index], moved[target] = moved[target], moved[index]
    return tuple(moved)
