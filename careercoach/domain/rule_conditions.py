"""Compiles and evaluates rule conditions safely with the rule-engine package (no eval).

Importing rule-engine builds its parser (about a quarter of a second), so this module is
only imported when the coach runs, never on the way to the first window.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import rule_engine
from rule_engine import DataType

from careercoach.domain.coach_fact_catalogue import FACTS_BY_NAME, FactType
from careercoach.domain.coach_rules import unknown_fact
from careercoach.domain.errors import UserError

_TYPES = {
    FactType.NUMBER: DataType.FLOAT,
    FactType.TEXT: DataType.STRING,
    FactType.BOOLEAN: DataType.BOOLEAN,
    # rule-engine refuses an empty tuple for ARRAY(STRING); list facts are often empty.
    FactType.TEXT_LIST: DataType.ARRAY(DataType.UNDEFINED),
    FactType.COUNT_BY_KEY: DataType.MAPPING(DataType.STRING, DataType.FLOAT),
}


# Besides its own errors, rule-engine lets Python's escape for some input: deep nesting
# (RecursionError), huge numbers (OverflowError, decimal.InvalidOperation), odd operand
# types (TypeError). A user's condition failing in any way is that rule's problem.
_ENGINE_FAILURES = (rule_engine.errors.EngineError, Exception)
# String literals (rule-engine's plain and prefixed forms) and, outside them, a built-in.
_STRING = re.compile(r"""[a-zA-Z]?(['"])(?:\\.|(?!\1).)*\1""", re.DOTALL)
_BUILTIN = re.compile(r"\$")
# Outside strings: comprehensions and regular-expression matches, whose run time a short
# condition can make unbounded (nested loops, catastrophic backtracking).
_UNBOUNDED = re.compile(r"(?<![\w.])for(?!\w)|[=!]~")


class ConditionError(UserError):
    """A condition that cannot be compiled or evaluated; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__("rule-condition", message)


@dataclass(frozen=True)
class Condition:
    """A compiled condition and the facts it names, in order of first appearance."""

    text: str
    facts: tuple[str, ...]
    _rule: rule_engine.Rule

    def holds(self, facts: Mapping[str, object]) -> bool:
        """True when the condition holds for ``facts``.

        Raises:
            ConditionError: evaluating failed (e.g. a null fact compared with a number).
        """
        try:
            return bool(self._rule.matches(dict(facts)))
        except _ENGINE_FAILURES as error:
            raise ConditionError(f"condition failed: {_describe(error)}") from error


def compile_condition(text: str) -> Condition:
    """Compile ``text`` against the fact catalogue.

    Raises:
        ConditionError: a syntax error, an unknown fact, mismatched types, or a condition
            that is not true or false.
    """
    code = _STRING.sub("''", text)
    if _BUILTIN.search(code):
        raise ConditionError(
            "built-in functions and values ($…) are not available in coach conditions; "
            "use the facts instead"
        )
    if _UNBOUNDED.search(code):
        raise ConditionError(
            "comprehensions (for … in …) and regular expressions (=~, !~) are not available "
            "in coach conditions; use comparisons, 'in' and the facts instead"
        )
    named: list[str] = []

    def resolve(name: str) -> rule_engine.types.DataType:
        spec = FACTS_BY_NAME.get(name)
        if spec is None:
            raise rule_engine.errors.SymbolResolutionError(name)
        named.append(name)
        return _TYPES[spec.type]

    context = rule_engine.Context(type_resolver=resolve, default_timezone="UTC")
    try:
        rule = rule_engine.Rule(text, context=context)
    except _ENGINE_FAILURES as error:
        raise ConditionError(_describe(error)) from error
    result_type = rule.statement.expression.result_type
    if result_type != DataType.BOOLEAN:
        what = (
            "a value of unknown type"
            if result_type == DataType.UNDEFINED
            else (f"a {result_type.name.lower()}")
        )
        raise ConditionError(
            f"the condition gives {what}, not true or false (compare it, e.g. 'entries_30d > 0')"
        )
    return Condition(text, tuple(dict.fromkeys(named)), rule)


def _describe(error: Exception) -> str:
    if not isinstance(error, rule_engine.errors.EngineError):
        if isinstance(error, RecursionError):
            return "the condition is nested too deeply"
        return f"the condition cannot be worked out ({type(error).__name__})"
    if isinstance(error, rule_engine.errors.SymbolResolutionError):
        return unknown_fact(error.symbol_name)
    message = str(getattr(error, "message", "") or error)
    if isinstance(error, rule_engine.errors.RuleSyntaxError):
        return message.replace("syntax error at: EOF", "syntax error: the condition ends early")
    if message == "data type mismatch":
        return "data type mismatch (a fact compared with a value of another type, or null)"
    return message
