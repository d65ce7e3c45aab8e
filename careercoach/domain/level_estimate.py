"""Estimates an overall level from per-competency ratings, following the ladder's policy.

Two policies are known:

- ``share-at-level`` (the default, also used when a ladder has no policy): the highest
  level L such that at least ``share`` (default 0.75) of the ladder's competencies are
  rated at L or above and none is rated more than one level below L. An unrated
  competency counts as not at L (it lowers the share) but does not block L on its own.
- ``snowflake-points``: each competency scores the points of its milestone
  (``milestone_points``, keyed by N for the level ``milestone-N``; an unrated one is
  milestone 0), and the total picks the title(s) and the band. It yields no ladder level.

Ratings of competencies the ladder does not have, or at levels it does not have, are
ignored (and counted in the detail): an estimate never fails on stale ratings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from careercoach.domain.ladder import Ladder

SHARE_AT_LEVEL = "share-at-level"
SNOWFLAKE_POINTS = "snowflake-points"
DEFAULT_SHARE = 0.75
NOT_ENOUGH_RATINGS = "Not enough ratings"
NOT_RATED = "Not rated"

_MILESTONE = re.compile(r"milestone-(\d+)")


@dataclass(frozen=True)
class Estimate:
    """An overall level estimate and how it was reached.

    Attributes:
        level_id: The ladder level, when the policy yields one; None when nothing can be
            estimated or the policy gives something other than a level (a points title).
        label: What to show, e.g. "Senior Data Scientist" or "Engineer II (band 2.3)".
        policy: The policy in plain words.
        detail: How this result was reached, in plain words.
    """

    level_id: str | None
    label: str
    policy: str
    detail: str


def level_title(ladder: Ladder, level_id: str | None) -> str:
    """The title of ``level_id``; the id itself when unknown, "Not rated" for None."""
    if level_id is None:
        return NOT_RATED
    level = ladder.level(level_id)
    return level.title if level is not None else level_id


def estimate_level(ladder: Ladder, levels: Mapping[str, str]) -> Estimate:
    """Estimate the overall level from ``levels`` (competency id → level id).

    Args:
        ladder: The ladder the ratings were made against; its ``policy`` picks the method
            (None means the default ``share-at-level`` policy with a share of 0.75).
        levels: The rated level of each competency; unrated competencies are left out.
            Unknown competencies and levels are ignored.

    Returns:
        The estimate; its ``level_id`` is None (label "Not enough ratings") when no
        level can be estimated, and always None for a points policy.
    """
    policy = ladder.policy
    if policy is None:
        return _share_at_level(ladder, levels, DEFAULT_SHARE, "")
    if policy.kind == SHARE_AT_LEVEL:
        share, note = _share_setting(policy.settings)
        return _share_at_level(ladder, levels, share, note)
    if policy.kind == SNOWFLAKE_POINTS:
        points = _milestone_points(policy.settings.get("milestone_points"))
        if points is None:
            note = (
                f" (the ladder's '{SNOWFLAKE_POINTS}' policy gives no milestone points, "
                "so the default was used)"
            )
            return _share_at_level(ladder, levels, DEFAULT_SHARE, note)
        return _snowflake(ladder, levels, points, policy.settings)
    note = f" (the ladder's policy '{policy.kind}' is not known, so the default was used)"
    return _share_at_level(ladder, levels, DEFAULT_SHARE, note)


# ---------------------------------------------------------------- shared


def _known_ratings(ladder: Ladder, levels: Mapping[str, str]) -> tuple[dict[str, int], int]:
    """Competency id → level position for the ladder's own cells, and how many were ignored."""
    known: dict[str, int] = {}
    for competency in ladder.competencies:
        level_id = levels.get(competency.id)
        if level_id is not None and ladder.level_index(level_id) >= 0:
            known[competency.id] = ladder.level_index(level_id)
    return known, len(levels) - len(known)


def _ignored_note(ignored: int) -> str:
    if ignored <= 0:
        return ""
    ratings = "rating" if ignored == 1 else "ratings"
    return f" ({ignored} {ratings} for a competency or level the ladder lacks ignored)"


def _number(value: Any) -> float | None:
    """``value`` as a number; None for anything else (booleans included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _show(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _names(names: Sequence[str], most: int = 4) -> str:
    """``names`` joined for a sentence; past ``most`` the rest are counted."""
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------- share-at-level


def _share_setting(settings: Mapping[str, Any]) -> tuple[float, str]:
    raw = settings.get("share", DEFAULT_SHARE)
    share = _number(raw)
    if share is None or not 0 < share <= 1:
        pct = _show(DEFAULT_SHARE * 100)
        return (
            DEFAULT_SHARE,
            f" (the ladder's share {raw!r} is not a number above 0 and at most 1, "
            f"so {pct}% was used)",
        )
    return share, ""


def _share_policy_text(share: float) -> str:
    pct = f"{share * 100:.4g}"
    return (
        f"Highest level where at least {pct}% of competencies are rated at it or above "
        "and none is more than one level below it"
    )


def _share_at_level(
    ladder: Ladder, levels: Mapping[str, str], share: float, note: str
) -> Estimate:
    policy = _share_policy_text(share) + note
    known, ignored = _known_ratings(ladder, levels)
    total = len(ladder.competencies)
    if not ladder.levels or total == 0:
        missing = "levels" if not ladder.levels else "competencies"
        return Estimate(None, NOT_ENOUGH_RATINGS, policy, f"The ladder has no {missing}.")
    needed = max(1, math.ceil(share * total - 1e-9))
    unrated = total - len(known)
    if len(known) < needed:
        detail = (
            f"{len(known)} of {total} competencies rated; at least {needed} are needed"
            f"{_ignored_note(ignored)}."
        )
        return Estimate(None, NOT_ENOUGH_RATINGS, policy, detail)

    def at_or_above(index: int) -> int:
        return sum(1 for position in known.values() if position >= index)

    lowest = min(known.values())
    # Every level up to the lowest rating qualifies; only the one above it may too.
    best = lowest
    if lowest + 1 < len(ladder.levels) and at_or_above(lowest + 1) >= needed:
        best = lowest + 1
    title = ladder.levels[best].title
    parts = [
        f"{at_or_above(best)} of {total} competencies at {title} or above; "
        f"the lowest is {ladder.levels[lowest].title}"
    ]
    if unrated:
        parts.append(f"{unrated} not rated, counted as below {title}")
    parts[-1] += _ignored_note(ignored)
    detail = "; ".join(parts) + "."
    if best + 1 < len(ladder.levels):
        detail += " " + _why_not(ladder, known, best + 1, needed, total, at_or_above(best + 1))
    return Estimate(ladder.levels[best].id, title, policy, detail)


def _why_not(
    ladder: Ladder, known: Mapping[str, int], index: int, needed: int, total: int, count: int
) -> str:
    """Why the level above the estimate does not qualify."""
    title = ladder.levels[index].title
    blockers = [
        competency.name
        for competency in ladder.competencies
        if competency.id in known and known[competency.id] < index - 1
    ]
    reasons = []
    if count < needed:
        reasons.append(f"{count} of {total} at it or above, {needed} needed")
    if blockers:
        verb = "is" if len(blockers) == 1 else "are"
        reasons.append(f"{_names(blockers)} {verb} more than one level below it")
    return f"Not {title}: {'; '.join(reasons)}."


# ---------------------------------------------------------------- snowflake-points


def _milestone_points(raw: Any) -> dict[int, float] | None:
    """Milestone number → points; None when the setting gives no usable points."""
    if not isinstance(raw, Mapping):
        return None
    points: dict[int, float] = {}
    for key, value in raw.items():
        number = _number(value)
        if isinstance(key, str) and key.strip().isdigit() and number is not None:
            points[int(key)] = number
    return points or None


def _milestone(ladder: Ladder, level_id: str) -> int:
    """N for ``milestone-N``; otherwise the level's position counted from 1."""
    match = _MILESTONE.fullmatch(level_id)
    return int(match.group(1)) if match else ladder.level_index(level_id) + 1


def _bands(raw: Any) -> list[tuple[float, str]]:
    bands: list[tuple[float, str]] = []
    for item in raw if isinstance(raw, list | tuple) else ():
        if not isinstance(item, Mapping):
            continue
        points = _number(item.get("points"))
        name = item.get("level")
        if points is not None and isinstance(name, str | int | float) and str(name):
            bands.append((points, str(name)))
    return sorted(bands, key=lambda band: band[0])


def _titles(raw: Any, total: float) -> list[str]:
    """Labels of every title whose point range holds ``total`` (a missing bound is open)."""
    found: list[str] = []
    for item in raw if isinstance(raw, list | tuple) else ():
        if not isinstance(item, Mapping) or not isinstance(item.get("label"), str):
            continue
        low = _number(item.get("min_points"))
        high = _number(item.get("max_points"))
        if (low is None or low <= total) and (high is None or total <= high):
            found.append(item["label"])
    return found


def _snowflake(
    ladder: Ladder,
    levels: Mapping[str, str],
    points: Mapping[int, float],
    settings: Mapping[str, Any],
) -> Estimate:
    policy = (
        "Snowflake points: each competency scores the points of its milestone "
        "(an unrated one scores milestone 0); the total picks the title and the band"
    )
    known, ignored = _known_ratings(ladder, levels)
    total = 0.0
    for competency in ladder.competencies:
        level_id = levels.get(competency.id) if competency.id in known else None
        milestone = 0 if level_id is None else _milestone(ladder, level_id)
        total += points.get(milestone, 0.0)
    titles = _titles(settings.get("titles"), total)
    title = " or ".join(titles)
    band = next(
        (name for at, name in reversed(_bands(settings.get("bands"))) if at <= total), None
    )
    shown = _show(total)
    if title and band:
        label = f"{title} (band {band})"
    elif title:
        label = title
    elif band:
        label = f"Band {band}"
    else:
        label = f"{shown} points"
    found = ", ".join(part for part in (title, f"band {band}" if band else "") if part)
    detail = f"{shown} points" + (f": {found}" if found else "")
    maximum = _number(settings.get("max_points"))
    if maximum is not None:
        detail += f"; the most possible is {_show(maximum)}"
    unrated = len(ladder.competencies) - len(known)
    if unrated:
        detail += f"; {unrated} of {len(ladder.competencies)} competencies not rated (milestone 0)"
    return Estimate(None, label, policy, detail + _ignored_note(ignored) + ".")
