"""The JSON shape of the coach's suggestions and rule problems on the command line."""

from __future__ import annotations

import math
from collections.abc import Mapping

from careercoach.domain.coach import Suggestion
from careercoach.domain.coach_rules import RuleProblem


def suggestion_json(suggestion: Suggestion) -> dict[str, object]:
    """One suggestion as ``suggest --json`` prints it."""
    rule = suggestion.rule
    until = suggestion.hidden_until
    return {
        "rule_id": rule.id,
        "title": rule.title,
        "message": suggestion.message,
        "rationale": rule.rationale,
        "facts": {name: fact_json(value) for name, value in suggestion.facts},
        "state": suggestion.status.value,
        "until": until.isoformat() if until is not None else None,
        "category": rule.category,
        "priority": rule.priority,
        "competency": rule.competency,
        "source": rule.source,
    }


def problem_json(problem: RuleProblem) -> dict[str, object]:
    """One problem found in a rule file; ``rule_id`` is null when it concerns the file."""
    return {
        "file": problem.file,
        "rule_id": problem.rule_id or None,
        "message": problem.message,
    }


def fact_json(value: object) -> object:
    """A fact's value in JSON: whole numbers as integers, lists as arrays, mappings as objects."""
    if value is None or isinstance(value, bool | str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        return {str(key): fact_json(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [fact_json(item) for item in value]
    return str(value)
