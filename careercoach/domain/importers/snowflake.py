"""Reads Medium Snowflake tracks (a ``constants.js`` module, or the tracks as JSON) as a ladder.

The JavaScript is never run: the ``tracks`` object literal (``export const tracks: Tracks =
{…}``, ``tracks = {…}`` or ``tracks: {…}``) is read by ``js_literal``. A file that is one
object (JSON) is either the tracks object itself or an object with a ``"tracks"`` key next
to the optional ``milestoneToPoints``, ``pointsToLevels``, ``maxLevel`` and ``titles``.

Mapping (Snowflake → CareerCoach):

- ladder id ``slugify(file stem)``, name ``"Snowflake (<stem>)"``, version ``"1"``;
- levels ``milestone-1`` … ``milestone-5`` titled "Milestone 1" … (milestone 0 means "not
  yet" and is no level); a fork with longer milestone lists gets more levels;
- each track → a competency: ``slugify(key)`` as id (``"-2"`` added on a clash, with a
  warning), ``displayName`` as name (the key when missing), ``category`` and
  ``description`` as given; milestone N → the cell of ``milestone-N`` with its ``summary``,
  ``signals`` and ``examples``; other text fields of a milestone go to the cell's details;
  a track with fewer milestones gets explicitly empty cells (with a warning).

The points policy (only when the file has any of its parts)::

    {"kind": "snowflake-points",
     "milestone_points": {"0": 0, "1": 1, "2": 3, ...},  # milestone N is level milestone-N
     "bands": [{"points": 0, "level": "1.1"}, {"points": 5, "level": "1.2"}, ...],
     "max_points": 135,
     "titles": [{"label": "Engineer I", "min_points": 0, "max_points": 16}, ...]}

``milestone_points`` comes from ``milestoneToPoints`` (a ``switch`` of ``case N: return P``
or an object/array literal), ``bands`` from ``pointsToLevels`` (sorted by points),
``max_points`` from ``maxLevel`` and ``titles`` from ``titles``. Parts that cannot be read
are left out with a warning. A missing ``tracks``, broken syntax, a track without a
milestones list or a value of the wrong kind stops the import with a ``LadderImportError``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import islice
from typing import Any

from careercoach.domain.importers.common import (
    ImportedLadder,
    LadderImportError,
    decode_text,
    file_stem,
    finish,
    slugify,
    unique_slugs,
)
from careercoach.domain.importers.js_literal import (
    block_after,
    line_of,
    parse_document,
    parse_value_at,
    skip_space,
    value_positions,
)
from careercoach.domain.ladder_checks import describe, join_location

FORMAT_NAME = "snowflake"

_TRACK_FIELDS = ("displayName", "category", "description", "milestones")
_EXTRA_NAMES = ("milestoneToPoints", "pointsToLevels", "maxLevel", "titles")
_MIN_LEVELS = 5
_MAX_TRIES = 10
"""Most places that give a name a value which are tried (the first usable one is taken)."""
_CASE = re.compile(r"\bcase\s+(['\"]?)(\d+)\1\s*:\s*(?:\{\s*)?return\s+(-?\d+(?:\.\d+)?)(?![\w.])")
_NO_TRACKS = (
    "no Snowflake 'tracks' object was found; expected a JavaScript module with "
    "'export const tracks = {…}' or a JSON object of tracks"
)


def read_snowflake(data: bytes, source_name: str) -> ImportedLadder:
    """Read Snowflake tracks from a ``constants.js``-like module or a JSON file.

    Args:
        data: The file's bytes.
        source_name: The file's name; its stem gives the ladder id and name.

    Returns:
        The ladder and warnings about what could not be mapped.

    Raises:
        LadderImportError: no tracks, broken syntax or tracks of the wrong shape.
    """
    text = decode_text(data)
    warnings: list[str] = []
    start = skip_space(text, 0)
    if text.startswith(("{", "["), start):
        tracks, extras = _from_json(parse_document(text), warnings)
    else:
        tracks, extras = _from_module(text, warnings)
    competencies, level_count = _competencies(tracks, warnings)
    stem = file_stem(source_name)[:150]
    document: dict[str, Any] = {
        "format": 1,
        "id": slugify(stem, "snowflake"),
        "name": f"Snowflake ({stem})" if stem else "Snowflake",
        "version": "1",
        "levels": [
            {"id": f"milestone-{n}", "title": f"Milestone {n}"} for n in range(1, level_count + 1)
        ],
        "competencies": competencies,
    }
    policy = _policy(extras, warnings)
    if policy is not None:
        document["policy"] = policy
    return finish(document, FORMAT_NAME, warnings)


# ---------------------------------------------------------------- finding the data


def _from_json(root: object, warnings: list[str]) -> tuple[object, dict[str, object]]:
    if not isinstance(root, dict):
        raise LadderImportError(
            "", f"the file must be an object of tracks, but it is {describe(root)}"
        )
    if "tracks" not in root:
        return root, {}
    for key in root:
        if key != "tracks" and key not in _EXTRA_NAMES:
            warnings.append(f"field '{key}' is not used")
    return root["tracks"], {k: root[k] for k in _EXTRA_NAMES if k in root}


def _from_module(text: str, warnings: list[str]) -> tuple[object, dict[str, object]]:
    tracks, error = _find(text, "tracks", (dict,))
    if tracks is None:
        raise error or LadderImportError("", _NO_TRACKS)
    extras: dict[str, object] = {}
    for name in _EXTRA_NAMES:
        kinds: tuple[type, ...] = (int, float) if name == "maxLevel" else (dict, list)
        value, error = _find(text, name, kinds)
        if value is None and name == "milestoneToPoints":
            value = _switch_cases(text, name)
        if value is not None:
            extras[name] = value
        elif error is not None:
            warnings.append(f"{name} could not be read ({error}); the points policy leaves it out")
    return tracks, extras


def _find(
    text: str, name: str, kinds: tuple[type, ...]
) -> tuple[object | None, LadderImportError | None]:
    """The first value of the right kind given to ``name``, else the first problem found."""
    first_error: LadderImportError | None = None
    expected = "a number" if int in kinds else "a list or object" if list in kinds else "an object"
    for position in islice(value_positions(text, name), _MAX_TRIES):
        try:
            value, _ = parse_value_at(text, position)
        except LadderImportError as error:
            first_error = first_error or error
            continue
        if isinstance(value, kinds) and not isinstance(value, bool):
            return value, None
        first_error = first_error or LadderImportError(
            f"line {line_of(text, skip_space(text, position))}",
            f"'{name}' is {describe(value)}, not {expected}",
        )
    return None, first_error


def _switch_cases(text: str, name: str) -> dict[str, object] | None:
    """``{"N": P}`` from ``case N: return P`` in the body of the function ``name``."""
    starts = list(islice(value_positions(text, name), _MAX_TRIES))
    declared = re.search(rf"\bfunction\s+{re.escape(name)}\s*\(", text)
    if declared:
        starts.append(declared.end())
    for start in starts:
        body = block_after(text, start)
        cases: dict[str, object] = {}
        for found in _CASE.finditer(body):
            points = found.group(3)
            cases[found.group(2)] = float(points) if "." in points else int(points)
        if cases:
            return cases
    return None


# ---------------------------------------------------------------- tracks


def _competencies(tracks: object, warnings: list[str]) -> tuple[list[dict[str, Any]], int]:
    """The competency documents and the number of levels they need."""
    if not isinstance(tracks, dict):
        raise LadderImportError(
            "tracks", f"'tracks' must be an object of tracks, but it is {describe(tracks)}"
        )
    if not tracks:
        raise LadderImportError("tracks", "there are no tracks")
    if not any(isinstance(track, dict) and "milestones" in track for track in tracks.values()):
        raise LadderImportError("tracks", f"no track has a 'milestones' list; {_NO_TRACKS}")
    keys = list(tracks)
    ids = unique_slugs(keys, "track")
    rows: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for key, competency_id in zip(keys, ids, strict=True):
        if competency_id != slugify(key, "track"):
            warnings.append(f"track '{key}' has the id '{competency_id}' (its own was taken)")
        rows.append(_track(tracks[key], key, competency_id, warnings))
    level_count = max(_MIN_LEVELS, *(len(cells) for _, cells in rows))
    for competency, cells in rows:
        if len(cells) < level_count:
            first, key = len(cells) + 1, competency["id"]
            gap = f"{first}" if first == level_count else f"{first}-{level_count}"
            warnings.append(f"track '{key}' stops at milestone {len(cells)}; {gap} left empty")
        competency["expectations"] = {
            f"milestone-{n}": cells[n - 1] if n <= len(cells) else {}
            for n in range(1, level_count + 1)
        }
    return [competency for competency, _ in rows], level_count


def _track(
    track: object, key: str, competency_id: str, warnings: list[str]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    where = join_location("tracks", key)
    if not isinstance(track, dict):
        raise LadderImportError(
            where,
            "a track must be an object with displayName, category, description and "
            f"milestones, but this is {describe(track)}",
        )
    for field in track:
        if field not in _TRACK_FIELDS:
            warnings.append(f"field '{field}' of track '{key}' is not used")
    name = _text(track, "displayName", where)
    if not name.strip():
        name = key.strip() or competency_id
        warnings.append(f"track '{key}' has no displayName; its key is used as the name")
    competency: dict[str, Any] = {"id": competency_id, "name": name}
    for field in ("category", "description"):
        value = _text(track, field, where)
        if value:
            competency[field] = value
    milestones = track.get("milestones")
    milestones_where = join_location(where, "milestones")
    if milestones is None:
        raise LadderImportError(milestones_where, "the track has no 'milestones' list")
    if not isinstance(milestones, list):
        raise LadderImportError(
            milestones_where, f"'milestones' must be a list, but it is {describe(milestones)}"
        )
    cells = [
        _cell(item, f"{milestones_where}[{index}]", warnings)
        for index, item in enumerate(milestones)
    ]
    return competency, cells


def _cell(item: object, where: str, warnings: list[str]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise LadderImportError(
            where,
            f"a milestone must be an object with summary, signals and examples, "
            f"but this is {describe(item)}",
        )
    cell: dict[str, Any] = {}
    summary = _text(item, "summary", where)
    if summary:
        cell["summary"] = summary
    for field in ("signals", "examples"):
        entries = _texts(item, field, where, warnings)
        if entries:
            cell[field] = entries
    details: dict[str, str] = {}
    for field, value in item.items():
        if field in ("summary", "signals", "examples") or value is None:
            continue
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            details[field] = str(value)
        elif isinstance(value, list) and all(isinstance(entry, str) for entry in value):
            details[field] = "\n".join(value)
        else:
            warnings.append(f"field '{field}' of {where} is not used")
    if details:
        cell["details"] = details
    return cell


def _text(table: Mapping[str, object], field: str, where: str) -> str:
    value = table.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise LadderImportError(
            join_location(where, field), f"'{field}' must be text, but it is {describe(value)}"
        )
    return value


def _texts(table: Mapping[str, object], field: str, where: str, warnings: list[str]) -> list[str]:
    value = table.get(field)
    location = join_location(where, field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise LadderImportError(
            location, f"'{field}' must be a list of text, but it is {describe(value)}"
        )
    entries: list[str] = []
    for index, entry in enumerate(value):
        if not isinstance(entry, str):
            raise LadderImportError(
                f"{location}[{index}]", f"each of '{field}' must be text, not {describe(entry)}"
            )
        if entry.strip():
            entries.append(entry)
        else:
            warnings.append(f"an empty entry of {location} was skipped")
    return entries


# ---------------------------------------------------------------- points policy


def _policy(extras: Mapping[str, object], warnings: list[str]) -> dict[str, Any] | None:
    policy: dict[str, Any] = {"kind": "snowflake-points"}
    points = _milestone_points(extras.get("milestoneToPoints"), warnings)
    if points:
        policy["milestone_points"] = points
    bands = _bands(extras.get("pointsToLevels"), warnings)
    if bands:
        policy["bands"] = bands
    max_points = extras.get("maxLevel")
    if _is_number(max_points):
        policy["max_points"] = max_points
    elif max_points is not None:
        warnings.append(f"maxLevel is {describe(max_points)}, not a number; it is left out")
    titles = _titles(extras.get("titles"), warnings)
    if titles:
        policy["titles"] = titles
    return policy if len(policy) > 1 else None


def _milestone_points(raw: object, warnings: list[str]) -> dict[str, Any]:
    if raw is None:
        return {}
    pairs = list(raw.items()) if isinstance(raw, dict) else list(enumerate(_as_list(raw)))
    found: dict[int, Any] = {}
    for key, value in pairs:
        milestone = int(str(key)) if re.fullmatch(r"\d{1,9}", str(key)) else None
        if milestone is None or not _is_number(value):
            warnings.append(f"milestoneToPoints entry {str(key)[:40]!r} is not used")
        else:
            found[milestone] = value
    return {str(milestone): found[milestone] for milestone in sorted(found)}


def _bands(raw: object, warnings: list[str]) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if not isinstance(raw, dict):
        warnings.append("pointsToLevels is not an object of points to levels; it is not used")
        return []
    bands: list[dict[str, Any]] = []
    for key, level in raw.items():
        points = _number(key)
        if points is None or not (_is_number(level) or isinstance(level, str)):
            warnings.append(f"pointsToLevels entry {key[:40]!r} is not used")
        else:
            bands.append({"points": points, "level": str(level)})
    return sorted(bands, key=lambda band: float(band["points"]))


def _titles(raw: object, warnings: list[str]) -> list[dict[str, Any]]:
    titles: list[dict[str, Any]] = []
    for index, item in enumerate(_as_list(raw)):
        label = item.get("label") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(label, str) or not label.strip():
            warnings.append(f"titles[{index}] has no label; it is not used")
            continue
        title: dict[str, Any] = {"label": label}
        for source, target in (("minPoints", "min_points"), ("maxPoints", "max_points")):
            if _is_number(item.get(source)):
                title[target] = item[source]
        for field in item:
            if field not in ("label", "minPoints", "maxPoints"):
                warnings.append(f"field '{field}' of titles[{index}] is not used")
        titles.append(title)
    return titles


# ---------------------------------------------------------------- small helpers


def _as_list(raw: object) -> list[object]:
    return raw if isinstance(raw, list) else []


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(key: str) -> int | float | None:
    text = key.strip()
    if re.fullmatch(r"-?\d{1,15}", text):
        return int(text)
    return float(text) if re.fullmatch(r"-?\d{0,15}\.\d{1,15}", text) else None
