"""Renders the coach rules reference (docs/rules.md) from the rule format, facts and rules.

Regenerate the file with ``uv run python -m careercoach.domain.coach_reference docs/rules.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from careercoach.domain.coach import MAX_SNOOZE_DAYS
from careercoach.domain.coach_fact_catalogue import (
    FACTS,
    HELPING_DEFINITION,
    WINDOW_DEFINITION,
    FactSpec,
)
from careercoach.domain.coach_rules import (
    MAX_COOLDOWN_DAYS,
    MAX_PRIORITY,
    MIN_PRIORITY,
    RULE_FIELDS,
    Rule,
)

REGENERATE_COMMAND = "uv run python -m careercoach.services.rules_reference docs/rules.md"

CONDITION_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("entries_30d >= 4", "compare numbers with `==` `!=` `<` `<=` `>` `>=`"),
    ("solo_hours_recent > 2 * helping_hours_recent", "arithmetic: `+` `-` `*` `/`"),
    ("target_level == 'senior'", "compare text, quoted with `'` or `\"`"),
    ("not checked_in_this_week", "a true/false fact is a condition by itself"),
    (
        "entries_total > 0 and (peer_confirmed_60d == 0 or helping_quotes_90d == 0)",
        "combine with `and`, `or`, `not` and parentheses",
    ),
    ("'collaboration' in largest_gap_competencies", "`in`: an item of a list fact"),
    ("target_level in ['senior', 'staff']", "`in`: one of the values of a list you write"),
    ("helping_by_kind_30d['tests'] >= 2", "look up one key of a mapping fact"),
    (
        "days_since_last_entry != null and days_since_last_entry > 14",
        "test a fact that can be null before comparing it with a number",
    ),
    ("days_since_last_entry == null", "true while there is nothing to measure"),
    ("'Engineer' in role", "`in`: text contains other text (case matters)"),
)

EXAMPLE_RULE = (
    "[[rules]]\n"
    'id = "review-for-a-teammate"\n'
    'title = "Review a teammate\'s pull request"\n'
    'category = "collaboration"\n'
    "when = \"helping_by_kind_30d['code-review'] == 0 and days_since_last_entry != null "
    'and days_since_last_entry <= 14"\n'
    'message = "No code review for a teammate in 30 days ({helping_entries_30d} helping '
    'entries in all). Ask who needs a second pair of eyes this week."\n'
    'rationale = "A review is help a busy teammate notices at once, and it spreads what you '
    'know about the code."\n'
    "priority = 52\n"
    "cooldown_days = 14\n"
    'competency = "collaboration"\n'
    "enabled = true\n"
)

_NOTE = "<!-- Generated from the code: {command}. Do not edit by hand. -->"


def render_rules_reference(builtin_rules: Sequence[Rule]) -> str:
    """The Markdown of docs/rules.md for ``builtin_rules``; the same input gives the same text."""
    parts = [
        "# Coach rules",
        _NOTE.format(command=REGENERATE_COMMAND),
        *_introduction(),
        *_rule_format(),
        *_conditions(),
        *_messages(),
        *_definitions(),
        *_facts(),
        *_builtin(builtin_rules),
    ]
    return "\n\n".join(parts) + "\n"


def _introduction() -> list[str]:
    return [
        "The coach suggests next actions from rules. A rule is data, not code: a condition "
        "over named facts computed from your ledger, prototypes, check-ins, assessments and "
        "profile, and a message that quotes those facts. Every suggestion names the rule "
        "that fired and the facts that made it fire.",
        "## Where rules live",
        "\n".join(
            (
                "- The built-in rules are in `resources/rules/coach.toml` (listed at the end "
                "of this page).",
                "- Your own rules go in `.toml` files in the `rules` folder of your data "
                "folder: `<data dir>/rules/*.toml` (for example "
                "`~/.local/share/CareerCoach/rules/` on Linux; `--data-dir DIR` moves it to "
                "`DIR/rules/`). The files are read in name order every time the coach runs; "
                "names starting with `.` are skipped.",
                "- A rule of yours with the id of a built-in rule replaces it (a broken one "
                "does not: the built-in rule stays). To switch a rule off, a table with its "
                "`id` and `enabled = false` is enough; switching off an id no rule has is "
                "reported.",
                "- Each id may be defined once across your files: the first definition that "
                "works is used and a later one is reported and skipped.",
                "- A broken file or rule is reported with its file, its rule id and the "
                "problem (`careercoach suggest` prints one line each on stderr and lists them "
                "under `errors` with `--json`); that rule is skipped and every other rule "
                "still runs. A condition that fails while it is evaluated (such as a null "
                "fact compared with a number) is reported the same way.",
            )
        ),
        "## Ranking, done, dismissed and snoozed",
        "\n".join(
            (
                "- Every rule whose condition holds today gives a suggestion.",
                "- Suggestions are ranked by priority, highest first; among equal "
                "priorities, the ones never acted on come first, then the one acted on "
                "longest ago; then by rule id.",
                "- Marked done or dismissed, a suggestion is hidden for the rule's "
                "`cooldown_days`, counted from the day of the action. Snoozed, it is hidden "
                f"for the days given (1 to {MAX_SNOOZE_DAYS}). Once that time is over it "
                "shows again, but only if the condition still holds.",
                "- The latest action on a rule replaces the earlier one. Actions are kept by "
                "rule id, so a rule of yours that replaces a built-in one keeps its state.",
                "- `careercoach suggest --all` also lists the hidden suggestions whose "
                "condition holds, with their state and the first day they show again.",
            )
        ),
    ]


def _rule_format() -> list[str]:
    defaults = {
        field.name: field.default
        for field in dataclasses.fields(Rule)
        if field.default is not dataclasses.MISSING
    }
    rows = ["| field | required | meaning |", "|---|---|---|"]
    for name, meaning in RULE_FIELDS.items():
        if name not in defaults:
            required = "yes"
        elif isinstance(defaults[name], bool):
            required = f"no (default {str(defaults[name]).lower()})"
        elif defaults[name] == "":
            required = "no"
        else:
            required = f"no (default {defaults[name]})"
        rows.append(f"| `{name}` | {required} | {_text(meaning)} |")
    return [
        "## The rule file format",
        "A rule file is TOML. Each rule is one `[[rules]]` table with these fields; any "
        "other field is reported as a problem:",
        "\n".join(rows),
        f"Priorities run from {MIN_PRIORITY} to {MAX_PRIORITY} and cooldowns from 1 to "
        f"{MAX_COOLDOWN_DAYS} days. A complete rule:",
        f"```toml\n{EXAMPLE_RULE}```",
        "Put conditions in double quotes and the text inside them in single quotes, as "
        "above (or use TOML's single-quoted literal strings).",
    ]


def _conditions() -> list[str]:
    rows = ["| condition | what it shows |", "|---|---|"]
    rows += [
        f"| {_code(example, table=True)} | {meaning} |" for example, meaning in CONDITION_EXAMPLES
    ]
    return [
        "## Conditions",
        "A condition (`when`) is an expression in the syntax of the rule-engine package "
        "(<https://zerosteiner.github.io/rule-engine/syntax.html>); it is compiled and "
        "evaluated safely, never run as Python. It names facts from the catalogue below and "
        "must give true or false (`entries_30d` alone is refused; `entries_30d > 0` is "
        "fine). Numbers compare as numbers whether whole or not. An unknown fact, a syntax "
        "error or a fact used as the wrong type (such as `role > 3`) is reported when the "
        "rules are read. rule-engine's built-in functions and values (`$now`, `$range` and "
        "the like) are not available: a condition works with the facts alone.",
        "\n".join(rows),
        "A fact marked *can be null* is `null` when there is nothing to measure; comparing "
        "it with a number while it is null makes the rule fail (and be reported), so test "
        "`!= null` first, as above. A mapping fact has every key listed in its definition; "
        "looking up any other key fails the same way.",
    ]


def _messages() -> list[str]:
    return [
        "## Messages",
        "A message is a template: `{fact_name}` is replaced by the fact's value as a person "
        "reads it: whole numbers without decimals, other numbers with one decimal, true and "
        "false as yes and no, lists joined with commas, mappings as the keys with a count "
        "that is not zero, null as none. Write `{{` and `}}` for a literal brace. A message "
        "that quotes an unknown fact or has a stray brace is reported when the rules are "
        "read. The suggestion's *why* lists every fact the condition and the message name, "
        "with its value.",
    ]


def _definitions() -> list[str]:
    return [
        "## Definitions",
        f"- **Helping others.** {_text(HELPING_DEFINITION)}\n"
        f"- **The last N days.** {_text(WINDOW_DEFINITION)}",
    ]


def _facts() -> list[str]:
    groups: dict[str, list[FactSpec]] = {}
    for spec in FACTS:
        groups.setdefault(spec.group, []).append(spec)
    parts = [
        "## Facts",
        "Every fact a condition or a message can name, computed afresh from your data each "
        "time the coach runs.",
    ]
    for group, specs in groups.items():
        rows = ["| fact | type | can be null | definition |", "|---|---|---|---|"]
        rows += [
            f"| `{spec.name}` | {spec.type.value} | {'yes' if spec.nullable else 'no'} | "
            f"{_text(spec.definition)} |"
            for spec in specs
        ]
        parts += [f"### {group}", "\n".join(rows)]
    return parts


def _builtin(rules: Sequence[Rule]) -> list[str]:
    parts = [
        "## Built-in rules",
        "In rank order (highest priority first). Copy one into your rules folder to change it.",
    ]
    for rule in sorted(rules, key=lambda r: (-r.priority, r.id)):
        details = [
            f"category `{rule.category}`",
            f"priority {rule.priority}",
            f"cooldown {rule.cooldown_days} days",
        ]
        if rule.competency:
            details.append(f"competency `{rule.competency}`")
        if not rule.enabled:
            details.append("switched off")
        parts += [
            f"### `{rule.id}`: {_text(rule.title)}",
            _sentence(", ".join(details)),
            f"- **When:** {_code(rule.when)}\n"
            f"- **Message:** {_code(rule.message)}\n"
            f"- **Rationale:** {_text(rule.rationale)}",
        ]
    return parts


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _code(text: str, *, table: bool = False) -> str:
    """``text`` as an inline code span (with ``|`` escaped when it goes in a table cell)."""
    text = " ".join(text.split())
    if table:
        text = text.replace("|", "\\|")
    fence = "`"
    while fence in text:
        fence += "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _text(text: str) -> str:
    """Prose for Markdown: code spans kept, emphasis and table characters escaped elsewhere."""
    pieces = " ".join(text.split()).split("`")
    for index in range(0, len(pieces), 2):
        for char in ("\\", "*", "_", "<", "[", "]"):
            pieces[index] = pieces[index].replace(char, "\\" + char)
    return "`".join(pieces).replace("|", "\\|")
