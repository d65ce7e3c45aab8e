"""Rule files: each broken rule becomes a problem naming file and rule; templates render facts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.coach_fact_catalogue import FACTS_BY_NAME
from careercoach.domain.coach_rules import (
    RULE_FIELDS,
    Rule,
    RuleFile,
    RuleProblem,
    format_fact,
    parse_rule_file,
    render_message,
    template_facts,
    template_problems,
)

SOURCE = "mine.toml"


def rule_table(rule_id: str = "talk-more", /, **fields: object) -> str:
    """One [[rules]] table; a field given as None is left out."""
    values: dict[str, object] = {
        "id": rule_id,
        "title": "Talk more",
        "category": "collaboration",
        "when": "entries_30d == 0",
        "message": "You logged {entries_30d} entries.",
        "rationale": "Because.",
        "priority": 50,
    }
    values.update(fields)
    lines = ["[[rules]]"]
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool):
            shown = "true" if value else "false"
        elif isinstance(value, int | float):
            shown = repr(value)
        elif isinstance(value, str):
            shown = toml_string(value)
        else:
            shown = str(value)
        lines.append(f"{key} = {shown}")
    return "\n".join(lines) + "\n"


def toml_string(value: str) -> str:
    escaped = (
        f"\\u{ord(char):04x}" if ord(char) < 0x20 or char in '"\\\x7f' else char for char in value
    )
    return '"' + "".join(escaped) + '"'


def parse(*tables: str) -> RuleFile:
    return parse_rule_file("\n".join(tables), SOURCE)


def test_a_valid_file_gives_its_rules_with_defaults_and_the_source() -> None:
    parsed = parse(
        rule_table(),
        rule_table(
            "second-rule",
            title="  Padded title  ",
            cooldown_days=7,
            competency="collaboration",
            enabled=False,
        ),
    )
    assert parsed.problems == ()
    assert parsed.rules == (
        Rule(
            id="talk-more",
            title="Talk more",
            category="collaboration",
            when="entries_30d == 0",
            message="You logged {entries_30d} entries.",
            rationale="Because.",
            priority=50,
            cooldown_days=30,
            competency="",
            enabled=True,
            source=SOURCE,
        ),
        Rule(
            id="second-rule",
            title="Padded title",
            category="collaboration",
            when="entries_30d == 0",
            message="You logged {entries_30d} entries.",
            rationale="Because.",
            priority=50,
            cooldown_days=7,
            competency="collaboration",
            enabled=False,
            source=SOURCE,
        ),
    )


def test_an_empty_file_has_no_rules_and_no_problems() -> None:
    assert parse_rule_file("", SOURCE) == RuleFile((), ())
    assert parse_rule_file("# only a comment\n", SOURCE) == RuleFile((), ())


def test_a_toml_syntax_error_is_one_problem_for_the_whole_file() -> None:
    parsed = parse_rule_file('[[rules]]\nid = "x\n', SOURCE)
    assert parsed.rules == ()
    (problem,) = parsed.problems
    assert (problem.file, problem.rule_id) == (SOURCE, "")
    assert problem.message.startswith("not valid TOML: ")
    assert str(problem) == f"{SOURCE}: {problem.message}"


def test_an_unknown_top_level_key_is_reported_and_the_rules_still_load() -> None:
    parsed = parse_rule_file("version = 2\n[settings]\nx = 1\n" + rule_table(), SOURCE)
    assert [rule.id for rule in parsed.rules] == ["talk-more"]
    assert parsed.problems == (
        RuleProblem(SOURCE, "", "unknown top-level key 'settings' (rules go in [[rules]] tables)"),
        RuleProblem(SOURCE, "", "unknown top-level key 'version' (rules go in [[rules]] tables)"),
    )


@pytest.mark.parametrize(
    "text", ["rules = 3", 'rules = "x"', "[rules]\nid = 'a'", "rules = [1, 2]"]
)
def test_rules_must_be_an_array_of_tables(text: str) -> None:
    assert parse_rule_file(text, SOURCE) == RuleFile(
        (), (RuleProblem(SOURCE, "", "'rules' must be an array of [[rules]] tables"),)
    )


# Each broken field, what the problem says, and the label the problem carries.
BROKEN: list[tuple[dict[str, object], str, str]] = [
    ({"title": None}, "'title' is required", "broken"),
    ({"when": None}, "'when' is required", "broken"),
    ({"priority": None}, "'priority' is required", "broken"),
    ({"rationale": None}, "'rationale' is required", "broken"),
    ({"title": 3}, "'title' must be text", "broken"),
    ({"competency": True}, "'competency' must be text", "broken"),
    ({"message": "   "}, "'message' must not be empty", "broken"),
    ({"rationale": ""}, "'rationale' must not be empty", "broken"),
    ({"title": "x" * 2001}, "'title' is longer than 2000 characters", "broken"),
    ({"priority": 0}, "'priority' must be from 1 to 100, not 0", "broken"),
    ({"priority": 101}, "'priority' must be from 1 to 100, not 101", "broken"),
    ({"priority": True}, "'priority' must be a whole number from 1 to 100", "broken"),
    ({"priority": 5.0}, "'priority' must be a whole number from 1 to 100", "broken"),
    ({"priority": "50"}, "'priority' must be a whole number from 1 to 100", "broken"),
    ({"cooldown_days": 0}, "'cooldown_days' must be from 1 to 3650, not 0", "broken"),
    ({"cooldown_days": 3651}, "'cooldown_days' must be from 1 to 3650, not 3651", "broken"),
    ({"cooldown_days": False}, "'cooldown_days' must be a whole number from 1 to 3650", "broken"),
    ({"enabled": "no"}, "'enabled' must be true or false", "broken"),
    ({"priorty": 3}, "unknown field 'priorty' (did you mean 'priority'?)", "broken"),
    ({"cooldown": 3}, "unknown field 'cooldown' (did you mean 'cooldown_days'?)", "broken"),
    ({"xyzzy": 3}, "unknown field 'xyzzy'", "broken"),
    (
        {"message": "Only {entries_3Od} entries."},
        "message quotes unknown fact 'entries_3Od' (did you mean 'entries_30d'?)",
        "broken",
    ),
    ({"message": "Quote {qwertyuiop}."}, "message quotes unknown fact 'qwertyuiop'", "broken"),
    ({"message": "A set {1, 2"}, "message has an unmatched '{' (write '{{' for one)", "broken"),
    ({"message": "Done } here"}, "message has an unmatched '}' (write '}}' for one)", "broken"),
    ({"id": None}, "'id' is required", "#2"),
    ({"id": 7}, "'id' must be text", "#2"),
    ({"id": ""}, "'id' must not be empty", "#2"),
    (
        {"id": "Bad_ID"},
        "id 'Bad_ID' may only hold lower-case letters, digits and hyphens "
        "(at most 80, starting with a letter or digit)",
        "Bad_ID",
    ),
    (
        {"id": "-leading"},
        "id '-leading' may only hold lower-case letters, digits and hyphens "
        "(at most 80, starting with a letter or digit)",
        "-leading",
    ),
    (
        {"id": "a" * 81},
        f"id '{'a' * 81}' may only hold lower-case letters, digits and hyphens "
        "(at most 80, starting with a letter or digit)",
        "a" * 81,
    ),
]


@pytest.mark.parametrize(("fields", "message", "label"), BROKEN, ids=[b[1][:60] for b in BROKEN])
def test_a_broken_rule_is_a_problem_and_the_others_still_load(
    fields: dict[str, object], message: str, label: str
) -> None:
    fields = {"id": "broken", **fields}
    parsed = parse(rule_table("first"), rule_table(**fields), rule_table("third"))
    assert parsed.problems == (RuleProblem(SOURCE, label, message),)
    assert [rule.id for rule in parsed.rules] == ["first", "third"]


def test_every_problem_of_one_rule_is_reported() -> None:
    parsed = parse(rule_table("broken", title=None, priority=0, colour="red"))
    assert [problem.message for problem in parsed.problems] == [
        "unknown field 'colour'",
        "'title' is required",
        "'priority' must be from 1 to 100, not 0",
    ]
    assert {problem.rule_id for problem in parsed.problems} == {"broken"}


def test_a_rule_problem_names_file_and_rule_when_shown() -> None:
    problem = RuleProblem(SOURCE, "broken", "'title' is required")
    assert str(problem) == "mine.toml: rule 'broken': 'title' is required"


def test_a_duplicate_id_in_one_file_keeps_the_first() -> None:
    parsed = parse(rule_table("same", title="First"), rule_table("same", title="Second"))
    assert [(rule.id, rule.title) for rule in parsed.rules] == [("same", "First")]
    assert parsed.problems == (
        RuleProblem(SOURCE, "same", "the same id appears earlier in this file"),
    )


def test_a_broken_first_rule_does_not_make_its_fixed_twin_a_duplicate() -> None:
    parsed = parse(rule_table("same", priority=0), rule_table("same", title="Fixed"))
    assert [(rule.id, rule.title) for rule in parsed.rules] == [("same", "Fixed")]
    assert [problem.message for problem in parsed.problems] == [
        "'priority' must be from 1 to 100, not 0"
    ]


def test_a_switched_off_rule_needs_only_its_id() -> None:
    parsed = parse_rule_file('[[rules]]\nid = "missing-checkin"\nenabled = false\n', SOURCE)
    assert parsed.problems == ()
    assert parsed.rules == (
        Rule("missing-checkin", "", "", "", "", "", 1, enabled=False, source=SOURCE),
    )


def test_a_switched_off_rule_without_an_id_is_a_problem() -> None:
    parsed = parse_rule_file("[[rules]]\nenabled = false\n", SOURCE)
    assert parsed.rules == ()
    assert parsed.problems == (RuleProblem(SOURCE, "#1", "'id' is required"),)


def test_a_switched_off_rule_is_still_checked_for_what_it_gives() -> None:
    parsed = parse(rule_table("off", enabled=False, title=None, priority=0))
    assert parsed.rules == ()
    assert parsed.problems == (
        RuleProblem(SOURCE, "off", "'priority' must be from 1 to 100, not 0"),
    )


def test_every_field_is_documented() -> None:
    assert set(RULE_FIELDS) == {
        "id",
        "title",
        "category",
        "when",
        "message",
        "rationale",
        "priority",
        "cooldown_days",
        "competency",
        "enabled",
    }
    assert all(RULE_FIELDS.values())


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    parsed = parse_rule_file(text, SOURCE)
    assert all(problem.file == SOURCE for problem in parsed.problems)
    assert all(rule.source == SOURCE for rule in parsed.rules)


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 4000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["{entries_30d}", "{", "}}", "{nope}", "ok-id", "a b"]),
)


@given(
    st.lists(
        st.dictionaries(st.sampled_from([*RULE_FIELDS, "priorty", "extra"]), VALUES, max_size=12),
        max_size=4,
    )
)
def test_arbitrary_rule_tables_never_raise(tables: list[dict[str, object]]) -> None:
    text = "\n".join(rule_table(**table) for table in tables)
    parsed = parse_rule_file(text, SOURCE)
    for rule in parsed.rules:
        assert 1 <= rule.priority <= 100
        assert 1 <= rule.cooldown_days <= 3650
        assert rule.id
        if rule.enabled:
            assert rule.title
            assert rule.when
            assert rule.message
    assert len({rule.id for rule in parsed.rules}) == len(parsed.rules)


# ---------------------------------------------------------------- templates


def test_template_facts_in_order_of_first_appearance() -> None:
    template = "{role} did {entries_30d}, {{not_a_fact}} and { role } again: {entries_total}"
    assert template_facts(template) == ("role", "entries_30d", "entries_total")
    assert template_facts("No facts {{at}} all }}") == ()


def test_doubled_braces_are_literal_braces() -> None:
    facts = {"entries_30d": 3}
    assert render_message("{{entries_30d}} is {entries_30d}", facts) == "{entries_30d} is 3"
    assert render_message("{{{entries_30d}}}", facts) == "{3}"
    assert template_problems("{{literal}} and }} and {{") == []


def test_template_problems_lists_every_unknown_fact_and_stray_brace() -> None:
    assert template_problems("{role} {rol} {bogus_fact_name} } {") == [
        "message quotes unknown fact 'rol' (did you mean 'role'?)",
        "message quotes unknown fact 'bogus_fact_name'",
        "message has an unmatched '}' (write '}}' for one)",
        "message has an unmatched '{' (write '{{' for one)",
    ]


def test_render_message_fills_in_each_kind_of_value() -> None:
    facts: dict[str, object] = {
        "entries_total": 12,
        "solo_hours_recent": 7.0,
        "helping_hours_recent": 2.25,
        "has_profile": True,
        "checked_in_this_week": False,
        "days_since_last_entry": None,
        "largest_gap_competencies": ("delivery", "ambiguity"),
        "helping_by_kind_30d": {"tests": 2.0, "mentoring": 0.0, "code-review": 1.0},
        "role": "Analyst",
    }
    template = (
        "{entries_total}|{solo_hours_recent}|{helping_hours_recent}|{has_profile}|"
        "{checked_in_this_week}|{days_since_last_entry}|{largest_gap_competencies}|"
        "{helping_by_kind_30d}|{ role }|{missing}"
    )
    assert render_message(template, facts) == (
        "12|7|2.25|yes|no|none|delivery, ambiguity|tests 2, code-review 1|Analyst|{missing}"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "none"),
        (True, "yes"),
        (False, "no"),
        (0, "0"),
        (14, "14"),
        (0.0, "0"),
        (3.0, "3"),
        (12.34, "12.34"),
        (12.345, "12.35"),
        (1.1, "1.1"),
        (0.5, "0.5"),
        ((), "none"),
        (["a"], "a"),
        (("a", "b", "c"), "a, b, c"),
        ({}, "none"),
        ({"idea": 0.0, "building": 0.0}, "none"),
        ({"idea": 1.0, "building": 2.5}, "idea 1, building 2.5"),
        ("", ""),
        ("Senior", "Senior"),
    ],
)
def test_format_fact(value: object, shown: str) -> None:
    assert format_fact(value) == shown


@given(st.text(max_size=200))
def test_templates_never_raise(template: str) -> None:
    problems = template_problems(template)
    rendered = render_message(template, {"role": "Analyst", "entries_total": 3})
    assert isinstance(rendered, str)
    if not problems:
        assert all(name in FACTS_BY_NAME for name in template_facts(template))
