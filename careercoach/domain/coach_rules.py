"""Coach rules as data: the rule file format, its checks and the message templates."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass

from careercoach.domain.coach_fact_catalogue import FACTS_BY_NAME

RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MIN_PRIORITY, MAX_PRIORITY = 1, 100
MAX_COOLDOWN_DAYS = 3650
MAX_RULE_TEXT = 2000
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")

RULE_FIELDS: dict[str, str] = {
    "id": "stable identifier: lower-case letters, digits and hyphens",
    "title": "one line shown as the suggestion's heading",
    "category": "a word that groups rules, e.g. collaboration",
    "when": "the condition over facts, in rule-engine syntax",
    "message": "what to do; {fact_name} quotes a fact's value",
    "rationale": "why this matters",
    "priority": f"{MIN_PRIORITY} to {MAX_PRIORITY}; higher is shown first",
    "cooldown_days": f"days a suggestion stays away once done or dismissed (1 to "
    f"{MAX_COOLDOWN_DAYS})",
    "competency": "optional: the id of the competency the action builds",
    "enabled": "optional, default true; false switches the rule off (a table with only "
    "id and enabled = false switches off the built-in rule with that id)",
}
_REQUIRED = ("id", "title", "category", "when", "message", "rationale", "priority")


@dataclass(frozen=True)
class Rule:
    """One coach rule. ``source`` names the file it came from (``built-in`` for ours)."""

    id: str
    title: str
    category: str
    when: str
    message: str
    rationale: str
    priority: int
    cooldown_days: int = 30
    competency: str = ""
    enabled: bool = True
    source: str = "built-in"


@dataclass(frozen=True)
class RuleProblem:
    """Why a rule (or a whole file, when ``rule_id`` is empty) was not used."""

    file: str
    rule_id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: rule '{self.rule_id}'" if self.rule_id else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class RuleFile:
    """The rules read from one file and the problems found in it."""

    rules: tuple[Rule, ...]
    problems: tuple[RuleProblem, ...]


def parse_rule_file(text: str, source: str) -> RuleFile:
    """The rules of one TOML rule file; each broken rule becomes a problem, not an error.

    Conditions are checked separately (``rule_conditions``), so that this module stays
    free of the rule engine; message placeholders are checked here.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return RuleFile((), (RuleProblem(source, "", f"not valid TOML: {error}"),))
    unknown = sorted(set(document) - {"rules"})
    problems = [
        RuleProblem(source, "", f"unknown top-level key '{key}' (rules go in [[rules]] tables)")
        for key in unknown
    ]
    tables = document.get("rules", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        problems.append(RuleProblem(source, "", "'rules' must be an array of [[rules]] tables"))
        return RuleFile((), tuple(problems))
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, table in enumerate(tables, start=1):
        rule_id = table.get("id")
        label = rule_id if isinstance(rule_id, str) and rule_id else f"#{index}"
        messages = _problems(table)
        if not messages and label in seen:
            messages.append("the same id appears earlier in this file")
        if messages:
            problems.extend(RuleProblem(source, label, message) for message in messages)
            continue
        seen.add(label)
        rules.append(_rule(table, source))
    return RuleFile(tuple(rules), tuple(problems))


def _problems(table: Mapping[str, object]) -> list[str]:
    messages = [_unknown_field(key) for key in table if key not in RULE_FIELDS]
    # A rule that is switched off needs nothing but its id.
    required = ("id",) if table.get("enabled") is False else _REQUIRED
    messages += [f"'{key}' is required" for key in required if key not in table]
    for key in ("id", "title", "category", "when", "message", "rationale", "competency"):
        value = table.get(key)
        if key not in table:
            continue
        if not isinstance(value, str):
            messages.append(f"'{key}' must be text")
        elif key != "competency" and not value.strip():
            messages.append(f"'{key}' must not be empty")
        elif len(value) > MAX_RULE_TEXT:
            messages.append(f"'{key}' is longer than {MAX_RULE_TEXT} characters")
    rule_id = table.get("id")
    if isinstance(rule_id, str) and rule_id and not RULE_ID.match(rule_id):
        messages.append(
            f"id '{rule_id}' may only hold lower-case letters, digits and hyphens "
            "(at most 80, starting with a letter or digit)"
        )
    messages += _number_problems(table)
    if "enabled" in table and not isinstance(table["enabled"], bool):
        messages.append("'enabled' must be true or false")
    message = table.get("message")
    if isinstance(message, str):
        messages += template_problems(message)
    return messages


def _number_problems(table: Mapping[str, object]) -> list[str]:
    messages = []
    limits = {
        "priority": (MIN_PRIORITY, MAX_PRIORITY),
        "cooldown_days": (1, MAX_COOLDOWN_DAYS),
    }
    for key, (low, high) in limits.items():
        value = table.get(key)
        if key not in table:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            messages.append(f"'{key}' must be a whole number from {low} to {high}")
        elif not low <= value <= high:
            messages.append(f"'{key}' must be from {low} to {high}, not {value}")
    return messages


def _unknown_field(key: str) -> str:
    close = difflib.get_close_matches(key, RULE_FIELDS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown field '{key}'{hint}"


def _rule(table: Mapping[str, object], source: str) -> Rule:
    def text(key: str) -> str:
        value = table.get(key, "")
        return value.strip() if isinstance(value, str) else ""

    def number(key: str, default: int) -> int:
        value = table.get(key, default)
        return value if isinstance(value, int) else default

    enabled = table.get("enabled", True)
    return Rule(
        id=text("id"),
        title=text("title"),
        category=text("category"),
        when=text("when"),
        message=text("message"),
        rationale=text("rationale"),
        priority=number("priority", MIN_PRIORITY),
        cooldown_days=number("cooldown_days", 30),
        competency=text("competency"),
        enabled=enabled if isinstance(enabled, bool) else True,
        source=source,
    )


def template_facts(template: str) -> tuple[str, ...]:
    """The fact names a message quotes, in order of first appearance."""
    names = (match.group(1) for match in _PLACEHOLDER.finditer(template) if match.group(1))
    return tuple(dict.fromkeys(name.strip() for name in names))


def template_problems(template: str) -> list[str]:
    """What is wrong with a message template: unknown facts and stray braces."""
    messages = []
    for match in _PLACEHOLDER.finditer(template):
        token, name = match.group(0), match.group(1)
        if token in ("{{", "}}"):
            continue
        if name is None:
            messages.append(f"message has an unmatched '{token}' (write '{token * 2}' for one)")
        elif name.strip() not in FACTS_BY_NAME:
            messages.append(f"message quotes {unknown_fact(name.strip())}")
    return messages


def unknown_fact(name: str) -> str:
    """'unknown fact NAME', with the closest catalogued name when one is close."""
    close = difflib.get_close_matches(name, FACTS_BY_NAME, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown fact '{name}'{hint}"


def render_message(template: str, facts: Mapping[str, object]) -> str:
    """The message with each ``{fact}`` replaced by its value as a person reads it."""

    def replace(match: re.Match[str]) -> str:
        token, name = match.group(0), match.group(1)
        if token in ("{{", "}}"):
            return token[0]
        if name is None or name.strip() not in facts:
            return token
        return format_fact(facts[name.strip()])

    return _PLACEHOLDER.sub(replace, template)


def format_fact(value: object) -> str:
    """A fact's value as text: whole numbers without decimals, others with up to two."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0")
    if isinstance(value, tuple | list):
        return ", ".join(str(item) for item in value) or "none"
    if isinstance(value, dict):
        shown = [f"{key} {format_fact(count)}" for key, count in value.items() if count]
        return ", ".join(shown) or "none"
    return str(value)
