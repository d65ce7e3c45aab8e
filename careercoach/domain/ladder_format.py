"""Convert between plain ladder documents (dicts read from a file) and validated Ladders."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from careercoach.domain.errors import UserError
from careercoach.domain.ladder import (
    Competency,
    Expectation,
    Ladder,
    Level,
    LevelEstimatePolicy,
)
from careercoach.domain.ladder_checks import (
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    MISSING,
    Checker,
    FormatProblem,
    describe,
    join_location,
    short,
    suggestion,
)
from careercoach.domain.ladder_targets import read_details, read_targets, targets_document

__all__ = [
    "FORMAT_VERSION",
    "FormatProblem",
    "LadderFormatError",
    "ladder_content_hash",
    "ladder_from_document",
    "ladder_to_document",
]

FORMAT_VERSION = 1
"""The only ladder document format version this module reads and writes."""

_LADDER_FIELDS = (
    "format",
    "id",
    "name",
    "version",
    "description",
    "levels",
    "competencies",
    "policy",
    "targets",
)
_LEVEL_FIELDS = ("id", "title", "summary")
_COMPETENCY_FIELDS = ("id", "name", "category", "description", "expectations")
_EXPECTATION_FIELDS = ("summary", "signals", "examples", "details")
_PLURALS = {"level": "levels", "competency": "competencies"}


class LadderFormatError(UserError):
    """A ladder document (or file) is not valid; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[FormatProblem]) -> None:
        """Build the error from its problems, in the order they were found.

        Args:
            problems: Every problem found; at least one.
        """
        self.problems: tuple[FormatProblem, ...] = tuple(problems)
        count = len(self.problems)
        header = f"The ladder has {count} problem{'' if count == 1 else 's'}:"
        lines = [
            f"- {p.location}: {p.message}" if p.location else f"- {p.message}"
            for p in self.problems
        ]
        super().__init__("ladder-invalid", "\n".join([header, *lines]), count=count)


def ladder_from_document(document: object) -> Ladder:
    """Validate a plain document (as read from TOML, YAML or JSON) and build its Ladder.

    Text is kept exactly as written: nothing is stripped or otherwise altered.

    Args:
        document: The parsed document, normally a dict.

    Returns:
        The ladder the document describes.

    Raises:
        LadderFormatError: The document is not a valid ladder; lists every problem found.
    """
    checker = Checker()
    ladder = _read_ladder(checker, document)
    if checker.problems or ladder is None:
        raise LadderFormatError(checker.problems)
    return ladder


def ladder_to_document(ladder: Ladder) -> dict[str, Any]:
    """The canonical plain document of ``ladder``, ready for TOML, YAML or JSON.

    ``format`` comes first. Empty optional text and empty signal or example lists are left
    out; every competency has one expectation table per level, in level order, where an
    explicitly empty cell is an empty table.

    Args:
        ladder: The ladder to describe.

    Returns:
        A new dict made of dicts, lists, strings and numbers only.
    """
    document: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": ladder.id,
        "name": ladder.name,
        "version": ladder.version,
    }
    _put_text(document, "description", ladder.description)
    document["levels"] = [_level_document(level) for level in ladder.levels]
    document["competencies"] = [
        _competency_document(competency, ladder.level_ids) for competency in ladder.competencies
    ]
    if ladder.policy is not None:
        settings = {k: _plain(v) for k, v in ladder.policy.settings.items() if k != "kind"}
        document["policy"] = {"kind": ladder.policy.kind, **settings}
    if ladder.targets:
        document["targets"] = targets_document(ladder.targets)
    return document


def ladder_content_hash(ladder: Ladder) -> str:
    """The SHA-256 (hex) of the canonical JSON of ``ladder_to_document(ladder)``.

    Args:
        ladder: The ladder to fingerprint.

    Returns:
        64 lowercase hex digits; equal ladders always give the same hash.
    """
    canonical = json.dumps(
        ladder_to_document(ladder), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- writing


def _put_text(document: dict[str, Any], key: str, value: str) -> None:
    if value:
        document[key] = value


def _level_document(level: Level) -> dict[str, Any]:
    document: dict[str, Any] = {"id": level.id, "title": level.title}
    _put_text(document, "summary", level.summary)
    return document


def _competency_document(competency: Competency, level_ids: tuple[str, ...]) -> dict[str, Any]:
    document: dict[str, Any] = {"id": competency.id, "name": competency.name}
    _put_text(document, "category", competency.category)
    _put_text(document, "description", competency.description)
    cell_ids = [*level_ids, *(k for k in competency.expectations if k not in level_ids)]
    document["expectations"] = {
        level_id: _expectation_document(competency.expectation(level_id)) for level_id in cell_ids
    }
    return document


def _expectation_document(expectation: Expectation) -> dict[str, Any]:
    document: dict[str, Any] = {}
    _put_text(document, "summary", expectation.summary)
    if expectation.signals:
        document["signals"] = list(expectation.signals)
    if expectation.examples:
        document["examples"] = list(expectation.examples)
    if expectation.details:
        document["details"] = dict(expectation.details)
    return document


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


# ---------------------------------------------------------------- reading


def _read_ladder(checker: Checker, document: object) -> Ladder | None:
    if document is None:
        checker.problem(
            "",
            "wrong-type",
            "The ladder document is empty; it must be a table with the fields id, name, "
            "version, levels and competencies.",
        )
        return None
    doc = checker.table(document, "", "The ladder document")
    if doc is None:
        return None
    checker.fields(doc, "", _LADDER_FIELDS)
    _check_format(checker, doc.get("format", FORMAT_VERSION))
    ladder_id = checker.text(doc, "id", "", required=True, is_id=True)
    name = checker.text(doc, "name", "", required=True, max_length=MAX_NAME_LENGTH)
    version = checker.text(doc, "version", "", required=True, max_length=MAX_ID_LENGTH)
    description = checker.text(doc, "description", "")
    levels, level_ids, all_known = _read_levels(checker, doc)
    competencies = _read_competencies(checker, doc, level_ids, all_known)
    policy = _read_policy(checker, doc)
    targets = read_targets(
        checker, doc, {c.id for c in competencies}, {level.id for level in levels}
    )
    return Ladder(ladder_id, name, version, description, levels, competencies, policy, targets)


def _check_format(checker: Checker, value: object) -> None:
    """Report a ``format`` that is not the integer this module reads (absent means 1)."""
    if isinstance(value, bool) or not isinstance(value, int):
        checker.problem(
            "format",
            "wrong-type",
            f"'format' must be the whole number {FORMAT_VERSION}, but it is {describe(value)}.",
        )
    elif value != FORMAT_VERSION:
        checker.problem(
            "format",
            "unsupported-format-version",
            f"This ladder uses format {short(value)}, but this version of CareerCoach only "
            f"reads format {FORMAT_VERSION}.",
        )


def _check_unique(
    checker: Checker, seen: dict[str, int], table: Mapping[Any, Any], index: int, what: str
) -> None:
    """Report the raw id of ``what`` number ``index`` when an earlier one already uses it."""
    raw_id = table.get("id")
    if not isinstance(raw_id, str):
        return
    if raw_id in seen:
        checker.problem(
            f"{_PLURALS[what]}[{index}].id",
            "duplicate-id",
            f"The {what} id {json.dumps(raw_id)} is already used by {what} number "
            f"{seen[raw_id] + 1}; each {what} needs its own id.",
        )
    else:
        seen[raw_id] = index


def _read_levels(
    checker: Checker, doc: Mapping[Any, Any]
) -> tuple[tuple[Level, ...], tuple[str, ...] | None, bool]:
    """The levels, the ids they use (None if unusable) and whether every level has one."""
    raw = checker.list_of(doc, "levels", "")
    if raw is None:
        return (), None, False
    if not raw:
        checker.problem("levels", "no-levels", "The ladder needs at least one level.")
        return (), None, False
    levels: list[Level] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        where = f"levels[{index}]"
        table = checker.table(item, where, f"Level number {index + 1}")
        if table is None:
            continue
        checker.fields(table, where, _LEVEL_FIELDS)
        level_id = checker.text(table, "id", where, required=True, is_id=True)
        title = checker.text(table, "title", where, required=True)
        summary = checker.text(table, "summary", where)
        _check_unique(checker, seen, table, index, "level")
        levels.append(Level(level_id, title, summary))
    all_known = all(isinstance(item, Mapping) and isinstance(item.get("id"), str) for item in raw)
    return tuple(levels), tuple(seen), all_known


def _read_competencies(
    checker: Checker,
    doc: Mapping[Any, Any],
    level_ids: tuple[str, ...] | None,
    all_known: bool,
) -> tuple[Competency, ...]:
    raw = checker.list_of(doc, "competencies", "")
    if raw is None:
        return ()
    if not raw:
        checker.problem(
            "competencies", "no-competencies", "The ladder needs at least one competency."
        )
        return ()
    competencies: list[Competency] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        where = f"competencies[{index}]"
        table = checker.table(item, where, f"Competency number {index + 1}")
        if table is None:
            continue
        checker.fields(table, where, _COMPETENCY_FIELDS)
        competency_id = checker.text(table, "id", where, required=True, is_id=True)
        name = checker.text(table, "name", where, required=True)
        category = checker.text(table, "category", where)
        description = checker.text(table, "description", where)
        _check_unique(checker, seen, table, index, "competency")
        expectations = _read_expectations(checker, table, where, level_ids, all_known)
        competencies.append(Competency(competency_id, name, category, description, expectations))
    return tuple(competencies)


def _read_expectations(
    checker: Checker,
    competency: Mapping[Any, Any],
    location: str,
    level_ids: tuple[str, ...] | None,
    all_known: bool,
) -> dict[str, Expectation]:
    """Read the cells; ``all_known`` is False when some level has no readable id."""
    where = join_location(location, "expectations")
    raw = competency.get("expectations", MISSING)
    if raw is MISSING:
        checker.problem(
            where,
            "missing-field",
            "The competency has no 'expectations'; give one table per level "
            "(an empty table for a level that expects nothing).",
        )
        return {}
    cells = checker.table(raw, where, "'expectations'")
    if cells is None:
        return {}
    found: dict[str, Expectation] = {}
    for key, value in cells.items():
        cell_where = join_location(where, key)
        if not isinstance(key, str):
            checker.name_problem(where, key)
            continue
        if level_ids is not None and all_known and key not in level_ids:
            checker.problem(
                cell_where,
                "unknown-level",
                f"There is no level {json.dumps(key)} in this ladder."
                f"{suggestion(key, level_ids)} Expectations must use the level ids: "
                f"{', '.join(level_ids)}.",
            )
        found[key] = _read_expectation(checker, value, cell_where)
    for level_id in level_ids or ():
        if level_id not in found:
            checker.problem(
                join_location(where, level_id),
                "missing-expectation",
                f"There is no expectation for level {json.dumps(level_id)}; add a table for "
                "it (an empty table if this level expects nothing here).",
            )
    order = {level_id: index for index, level_id in enumerate(level_ids or ())}
    return dict(sorted(found.items(), key=lambda item: order.get(item[0], len(order))))


def _read_expectation(checker: Checker, value: object, location: str) -> Expectation:
    table = checker.table(
        value, location, "An expectation (use an empty table if the level expects nothing)"
    )
    if table is None:
        return Expectation()
    checker.fields(table, location, _EXPECTATION_FIELDS)
    return Expectation(
        summary=checker.text(table, "summary", location),
        signals=checker.texts(table, "signals", location),
        examples=checker.texts(table, "examples", location),
        details=read_details(checker, table, location),
    )


def _read_policy(checker: Checker, doc: Mapping[Any, Any]) -> LevelEstimatePolicy | None:
    raw = doc.get("policy", MISSING)
    if raw is MISSING:
        return None
    table = checker.table(raw, "policy", "'policy'")
    if table is None:
        return None
    kind = checker.text(table, "kind", "policy", required=True)
    settings: dict[str, Any] = {}
    for key, value in table.items():
        if not isinstance(key, str):
            checker.name_problem("policy", key)
        elif key != "kind":
            settings[key] = checker.setting(value, join_location("policy", key))
    return LevelEstimatePolicy(kind, settings)
