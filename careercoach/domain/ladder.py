"""The career ladder model: levels, competencies and the expectation for each cell."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class Expectation:
    """What a level asks of one competency.

    An expectation with no summary, signals or examples is an *explicitly empty* cell:
    some published ladders only start a competency at a higher level.
    """

    summary: str = ""
    signals: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    details: Mapping[str, str] = field(default_factory=dict)
    """Other fields an imported format gives for this cell, kept as text (e.g. proficiency)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "details", _frozen_mapping(self.details))

    @property
    def is_empty(self) -> bool:
        """True when the ladder deliberately says nothing for this cell."""
        return not (self.summary or self.signals or self.examples or self.details)


@dataclass(frozen=True)
class Level:
    """One rung of the ladder, ordered from the most junior to the most senior."""

    id: str
    title: str
    summary: str = ""


@dataclass(frozen=True)
class Competency:
    """One row of the ladder, with an expectation for every level."""

    id: str
    name: str
    category: str = ""
    description: str = ""
    expectations: Mapping[str, Expectation] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "expectations", _frozen_mapping(self.expectations))

    def expectation(self, level_id: str) -> Expectation:
        """The expectation at ``level_id``; an empty one when the ladder has none."""
        return self.expectations.get(level_id, Expectation())


@dataclass(frozen=True)
class LevelEstimatePolicy:
    """How an overall level is estimated from per-competency ratings.

    ``kind`` names the policy; ``settings`` holds its parameters exactly as the ladder
    file gives them (plain JSON-like values), so formats can carry their own policies.
    """

    kind: str
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", _frozen_mapping(self.settings))


@dataclass(frozen=True)
class NamedTarget:
    """A named target profile, such as a role: the level each competency should reach."""

    id: str
    name: str
    levels: Mapping[str, str] = field(default_factory=dict)
    """Competency id to level id; competencies not named have no target."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "levels", _frozen_mapping(self.levels))


@dataclass(frozen=True)
class Ladder:
    """A complete career ladder: identity, ordered levels and competencies."""

    id: str
    name: str
    version: str
    description: str
    levels: tuple[Level, ...]
    competencies: tuple[Competency, ...]
    policy: LevelEstimatePolicy | None = None
    targets: tuple[NamedTarget, ...] = ()

    @property
    def level_ids(self) -> tuple[str, ...]:
        """Level ids from the most junior to the most senior."""
        return tuple(level.id for level in self.levels)

    @property
    def categories(self) -> tuple[str, ...]:
        """Competency categories in the order they first appear."""
        return tuple(dict.fromkeys(c.category for c in self.competencies))

    def level(self, level_id: str) -> Level | None:
        """The level with ``level_id``, or None."""
        return next((level for level in self.levels if level.id == level_id), None)

    def level_index(self, level_id: str) -> int:
        """Position of ``level_id`` among the levels (0 = most junior); -1 if unknown."""
        return self.level_ids.index(level_id) if level_id in self.level_ids else -1

    def competency(self, competency_id: str) -> Competency | None:
        """The competency with ``competency_id``, or None."""
        return next((c for c in self.competencies if c.id == competency_id), None)

    def cells(self) -> Iterator[tuple[Competency, Level, Expectation]]:
        """Every (competency, level, expectation) cell, row by row."""
        for competency in self.competencies:
            for level in self.levels:
                yield competency, level, competency.expectation(level.id)
