"""Reads and writes the optional parts of a ladder document: named targets and cell details."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from careercoach.domain.ladder import NamedTarget
from careercoach.domain.ladder_checks import MISSING, Checker, describe, join_location

_TARGET_FIELDS = ("id", "name", "levels")


def read_details(checker: Checker, table: Mapping[Any, Any], location: str) -> dict[str, str]:
    """The optional ``details`` table of an expectation: text keys to text values."""
    raw = table.get("details", MISSING)
    if raw is MISSING:
        return {}
    where = join_location(location, "details")
    details = checker.table(raw, where, "'details'")
    if details is None:
        return {}
    found: dict[str, str] = {}
    for key in details:
        if not isinstance(key, str):
            checker.name_problem(where, key)
            continue
        found[key] = checker.text(details, key, where)
    return found


def read_targets(
    checker: Checker,
    doc: Mapping[Any, Any],
    competency_ids: set[str],
    level_ids: set[str],
) -> tuple[NamedTarget, ...]:
    """The optional ``targets`` list: named profiles of a level per competency."""
    raw = checker.list_of(doc, "targets", "") if "targets" in doc else None
    if raw is None:
        return ()
    targets: list[NamedTarget] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        where = f"targets[{index}]"
        table = checker.table(item, where, "A target")
        if table is None:
            continue
        checker.fields(table, where, _TARGET_FIELDS)
        target_id = checker.text(table, "id", where, required=True, is_id=True)
        name = checker.text(table, "name", where, required=True)
        if target_id and target_id in seen:
            checker.problem(
                join_location(where, "id"),
                "duplicate-id",
                f"Another target already has the id {json.dumps(target_id)}.",
            )
        seen.add(target_id)
        levels = _read_target_levels(checker, table, where, competency_ids, level_ids)
        targets.append(NamedTarget(target_id, name, levels))
    return tuple(targets)


def _read_target_levels(
    checker: Checker,
    table: Mapping[Any, Any],
    where: str,
    competency_ids: set[str],
    level_ids: set[str],
) -> dict[str, str]:
    levels_where = join_location(where, "levels")
    raw = table.get("levels", MISSING)
    if raw is MISSING:
        checker.problem(levels_where, "missing-field", "The required field 'levels' is missing.")
        return {}
    levels = checker.table(raw, levels_where, "'levels'")
    if levels is None:
        return {}
    found: dict[str, str] = {}
    for competency_id, level_id in levels.items():
        cell = join_location(levels_where, str(competency_id))
        if not isinstance(competency_id, str):
            checker.name_problem(levels_where, competency_id)
        elif competency_id not in competency_ids:
            checker.problem(
                cell, "unknown-competency", f"There is no competency {json.dumps(competency_id)}."
            )
        elif not isinstance(level_id, str):
            checker.problem(
                cell, "wrong-type", f"A target level must be a level id, not {describe(level_id)}."
            )
        elif level_id not in level_ids:
            checker.problem(
                cell, "unknown-level", f"There is no level {json.dumps(level_id)} in this ladder."
            )
        else:
            found[competency_id] = level_id
    return found


def targets_document(targets: tuple[NamedTarget, ...]) -> list[dict[str, Any]]:
    """The ``targets`` list of the canonical document."""
    return [
        {"id": target.id, "name": target.name, "levels": dict(target.levels)} for target in targets
    ]
