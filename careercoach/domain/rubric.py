"""The work rubric (ambiguity, complexity, cross-functional interfacing, size) and its score.

The difficulty score reads only the rubric: hours, counts of entries or lines of code
never enter it, so writing a lot of small things never looks like hard work.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

RATING_MIN = 1
RATING_MAX = 5


class Size(StrEnum):
    """How big a piece of work was; the values are the CLI and CSV tokens."""

    S = "S"
    M = "M"
    L = "L"
    XL = "XL"

    @property
    def points(self) -> float:
        """The size on the rubric's 1-5 scale."""
        return _SIZE_POINTS[self]


_SIZE_POINTS = {Size.S: 1.0, Size.M: 2.0, Size.L: 3.5, Size.XL: 5.0}

# Ambiguity weighs most: it is what separates one level from the next.
WEIGHTS = {"ambiguity": 0.35, "complexity": 0.25, "cross_functional": 0.25, "size": 0.15}

_FACTOR_NAMES = {
    "ambiguity": "ambiguity",
    "complexity": "complexity",
    "cross_functional": "cross-functional",
    "size": "size",
}

BANDS = ((2.0, "routine"), (3.0, "moderate"), (4.0, "demanding"), (99.0, "exceptional"))


@dataclass(frozen=True)
class Rubric:
    """The four rubric factors; each may be left unrated (None)."""

    ambiguity: int | None = None
    complexity: int | None = None
    cross_functional: int | None = None
    size: Size | None = None

    @property
    def is_rated(self) -> bool:
        """True when at least one factor has a value."""
        return any(value is not None for value in self.points().values())

    def points(self) -> dict[str, float | None]:
        """Each factor on the 1-5 scale, None where unrated."""
        return {
            "ambiguity": _as_points(self.ambiguity),
            "complexity": _as_points(self.complexity),
            "cross_functional": _as_points(self.cross_functional),
            "size": self.size.points if self.size is not None else None,
        }


@dataclass(frozen=True)
class Difficulty:
    """A difficulty score from 1.0 to 5.0 and how it was reached."""

    score: float
    band: str
    explanation: str


def difficulty(rubric: Rubric) -> Difficulty | None:
    """The weighted rubric score, or None when no factor is rated.

    Unrated factors are left out and the weights of the rated ones scaled up to 1, so a
    partly rated entry is neither punished nor inflated; the explanation names them.
    """
    points = rubric.points()
    rated = {name: value for name, value in points.items() if value is not None}
    if not rated:
        return None
    total_weight = sum(WEIGHTS[name] for name in rated)
    score = round(sum(WEIGHTS[name] * value for name, value in rated.items()) / total_weight, 1)
    band = next(name for limit, name in BANDS if score < limit)
    shown = []
    for name in WEIGHTS:
        value = _shown_value(rubric, name)
        if value is not None:
            shown.append(f"{_FACTOR_NAMES[name]} {value}")
    missing = [_FACTOR_NAMES[name] for name in WEIGHTS if name not in rated]
    explanation = f"{score:.1f} of 5 ({band}) from " + ", ".join(shown)
    if missing:
        explanation += "; not rated: " + ", ".join(missing)
    return Difficulty(score=score, band=band, explanation=explanation)


def _as_points(rating: int | None) -> float | None:
    return float(rating) if rating is not None else None


def _shown_value(rubric: Rubric, name: str) -> str | None:
    value = getattr(rubric, name)
    if value is None:
        return None
    return str(value.value) if isinstance(value, Size) else str(value)
