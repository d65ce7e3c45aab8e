"""Rule conditions compile against the fact catalogue and fail only with ConditionError."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from careercoach.domain.coach_fact_catalogue import FACTS, FactSpec, FactType
from careercoach.domain.coach_facts import CoachData, Facts, FactValue, compute_facts
from careercoach.domain.errors import UserError
from careercoach.domain.profile import Profile
from careercoach.domain.rule_conditions import Condition, ConditionError, compile_condition

TODAY = dt.date(2026, 3, 18)


def empty_facts(**changes: FactValue) -> Facts:
    return compute_facts(CoachData(TODAY, Profile())) | changes


def refused(text: str) -> str:
    with pytest.raises(ConditionError) as caught:
        compile_condition(text)
    assert caught.value.code == "rule-condition"
    return caught.value.message


def failed(text: str, facts: Facts) -> str:
    condition = compile_condition(text)
    with pytest.raises(ConditionError) as caught:
        condition.holds(facts)
    return caught.value.message


def test_a_condition_compiles_and_holds() -> None:
    condition = compile_condition("entries_total > 0 and role == 'Analyst'")
    assert isinstance(condition, Condition)
    assert condition.text == "entries_total > 0 and role == 'Analyst'"
    assert condition.holds(empty_facts(entries_total=2, role="Analyst")) is True
    assert condition.holds(empty_facts(entries_total=0, role="Analyst")) is False


def test_a_condition_error_is_a_user_error() -> None:
    assert issubclass(ConditionError, UserError)


def test_condition_facts_are_the_names_used_in_order_of_first_appearance() -> None:
    condition = compile_condition(
        "helping_by_kind_30d['tests'] > 0 or entries_total > 0 and role == 'x' "
        "and entries_total < 9 and not has_profile"
    )
    assert condition.facts == ("helping_by_kind_30d", "entries_total", "role", "has_profile")
    assert compile_condition("true").facts == ()


def test_an_unknown_fact_is_named_with_its_closest_match() -> None:
    message = refused("entries_totl > 0")
    assert message == "unknown fact 'entries_totl' (did you mean 'entries_total'?)"
    assert refused("qwertyuiop > 0") == "unknown fact 'qwertyuiop'"


@pytest.mark.parametrize("text", ["entries_total >", "", "   ", "entries_total > > 1", "(true"])
def test_a_syntax_error_is_refused(text: str) -> None:
    assert "syntax error" in refused(text)


def test_a_condition_ending_early_says_so() -> None:
    assert refused("entries_total >") == "syntax error: the condition ends early"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("entries_total + 1", "float"),
        ("role", "string"),
        ("largest_gap_competencies", "array"),
        ("null", "null"),
    ],
)
def test_a_condition_that_is_not_true_or_false_is_refused(text: str, kind: str) -> None:
    assert refused(text) == (
        f"the condition gives a {kind}, not true or false (compare it, e.g. 'entries_30d > 0')"
    )


@pytest.mark.parametrize(
    "text", ["role > 3", "entries_total > 'x'", "has_profile < 1", "role + 1 == 2"]
)
def test_a_type_mismatch_is_refused(text: str) -> None:
    assert refused(text) == (
        "data type mismatch (a fact compared with a value of another type, or null)"
    )


def test_a_null_fact_compared_with_a_number_fails_with_a_condition_error() -> None:
    facts = empty_facts()
    assert facts["days_since_last_entry"] is None
    assert failed("days_since_last_entry > 3", facts) == (
        "condition failed: data type mismatch (a fact compared with a value of another type, "
        "or null)"
    )


def test_a_null_check_guards_a_nullable_fact() -> None:
    condition = compile_condition("days_since_last_entry != null and days_since_last_entry > 3")
    assert condition.holds(empty_facts()) is False
    assert condition.holds(empty_facts(days_since_last_entry=4)) is True


def test_a_mapping_lookup_works_for_a_known_key_and_fails_for_a_missing_one() -> None:
    facts = empty_facts()
    assert compile_condition("helping_by_kind_30d['tests'] == 0").holds(facts) is True
    assert failed("helping_by_kind_30d['no-such-kind'] == 0", facts) == (
        "condition failed: lookup operation failed"
    )


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('touch pwned') == 0",
        "role.__class__ == 'x'",
        "role.__class__.__mro__ == []",
        "entries_total.__class__ == 'x'",
        "helping_by_kind_30d.__init__ == null",
        "open('/etc/passwd') == null",
        "exec('1') == null",
        "eval('1') == 1",
        "globals() == null",
        "$os.system('x') == 0",
    ],
)
def test_python_cannot_be_reached(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    with pytest.raises(ConditionError):
        compile_condition(text).holds(empty_facts())
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize(
    "text",
    [
        "$range(10**9).length > 0",  # would evaluate for minutes and eat memory
        "$now + t'P99999999D' > $now",
        "role == 'x' and $e > 1",
        'role == "it\'s" or $pi > 3',
    ],
)
def test_built_in_functions_are_refused_outside_strings(text: str) -> None:
    with pytest.raises(ConditionError, match=r"built-in functions and values \(\$…\)"):
        compile_condition(text)


@pytest.mark.parametrize("text", ["role == '$100'", 'role == "a\\"$"', "'x$' in role"])
def test_a_dollar_inside_a_string_is_text(text: str) -> None:
    assert compile_condition(text).facts == ("role",)


@pytest.mark.parametrize(
    "text",
    [
        "[v for v in largest_gap_competencies] == []",
        "[[a for a in [1, 2]] for b in [1, 2]] == []",
        "role =~ '^(\\w+\\s?)+$'",
        "role =~~ 'x'",
        "role !~ 'x'",
        "role !~~ 'x'",
    ],
)
def test_comprehensions_and_regular_expressions_are_refused(text: str) -> None:
    with pytest.raises(ConditionError, match=r"comprehensions \(for … in …\) and regular"):
        compile_condition(text)


@pytest.mark.parametrize("text", ["'for' in role", "role == 'a =~ b'", "role.as_lower == 'x'"])
def test_for_and_tildes_inside_strings_are_text(text: str) -> None:
    assert compile_condition(text).facts == ("role",)


@pytest.mark.parametrize(
    "text",
    [
        "'deliv' in largest_gap_competencies&[0]",
        "largest_gap_competencies[0] + 1 > 2",
        "largest_gap_competencies.to_set in {role: 1}",
        "largest_gap_competencies[0] > 3",
    ],
)
def test_evaluation_failures_of_any_kind_are_condition_errors(text: str) -> None:
    """Item types of list facts are only known at evaluation, with a non-empty list."""
    for items in (("delivery", "ambiguity"), ("4",), ()):
        facts = empty_facts(largest_gap_competencies=items)
        with contextlib.suppress(ConditionError):
            assert compile_condition(text).holds(facts) in (True, False)


@pytest.mark.parametrize("text", ["largest_gap_competencies[0]", "role", "entries_total"])
def test_a_value_that_is_not_true_or_false_is_refused(text: str) -> None:
    with pytest.raises(ConditionError, match="not true or false"):
        compile_condition(text)


def test_comparing_with_another_type_is_simply_unequal() -> None:
    assert compile_condition("has_profile == 'yes'").holds(empty_facts()) is False
    assert compile_condition("entries_total != 'x'").holds(empty_facts()) is True


def test_an_attribute_of_a_mapping_fact_is_not_a_python_attribute() -> None:
    assert failed("helping_by_kind_30d.keys_ == null", empty_facts()) == (
        "condition failed: unknown attribute: 'keys_'"
    )


def test_conditions_name_facts_of_every_type() -> None:
    facts = empty_facts(
        largest_gap_competencies=("ambiguity",),
        target_level="senior",
        has_profile=True,
        entries_total=3,
    )
    assert compile_condition("'ambiguity' in largest_gap_competencies").holds(facts) is True
    assert compile_condition("'sen' in target_level").holds(facts) is True
    assert compile_condition("has_profile and entries_total >= 3").holds(facts) is True
    assert compile_condition("prototypes_by_stage['idea'] == 0").holds(facts) is True


def condition_naming(spec: FactSpec) -> str:
    """A condition that reads the fact and holds for any value of its type."""
    name = spec.name
    if spec.type is FactType.NUMBER:
        return f"{name} == null or {name} >= 0"
    if spec.type is FactType.TEXT:
        return f"{name}.length >= 0"
    if spec.type is FactType.BOOLEAN:
        return f"{name} or not {name}"
    if spec.type is FactType.TEXT_LIST:
        return f"{name}.length >= 0"
    return f"{name}.length > 0"


@pytest.mark.parametrize("spec", FACTS, ids=[spec.name for spec in FACTS])
def test_every_fact_of_empty_data_can_be_used_in_a_condition(spec: FactSpec) -> None:
    condition = compile_condition(condition_naming(spec))
    assert condition.facts == (spec.name,)
    assert condition.holds(empty_facts()) is True


def test_an_empty_text_list_fact_can_be_searched() -> None:
    facts = empty_facts()
    assert facts["largest_gap_competencies"] == ()
    assert compile_condition("'ambiguity' in largest_gap_competencies").holds(facts) is False


# Conditions that make the rule engine raise something other than its own errors.
ESCAPING_AT_COMPILE = [
    # Nested too deep for the engine's recursive compiler, and wrong anyway.
    "-" * 500 + "role > 0",
    "[" * 300 + "]" * 300 + " > 1",
    "'x'.to_flt > 0",
    "t'P99999999999D' > t'P1D'",
    "role =~ 'a{99999999999}'",
    "d'9999-12-31' + t'P1D' > $now",
]
ESCAPING_AT_EVALUATION = ["role.to_flt > 0"]


@pytest.mark.parametrize(
    "text",
    ESCAPING_AT_COMPILE,
    ids=[
        "500-unary-minus",
        "300-nested-arrays",
        "text-to-float",
        "huge-timedelta",
        "huge-regex-repeat",
        "date-overflow",
    ],
)
def test_engine_failures_while_compiling_are_condition_errors(text: str) -> None:
    with pytest.raises(ConditionError):
        compile_condition(text)


@pytest.mark.parametrize("text", ESCAPING_AT_EVALUATION)
def test_engine_failures_while_evaluating_are_condition_errors(text: str) -> None:
    condition = compile_condition(text)
    with pytest.raises(ConditionError):
        condition.holds(empty_facts())


TOKENS = st.sampled_from(
    [
        *(spec.name for spec in FACTS[:12]),
        "role",
        "largest_gap_competencies",
        "helping_by_kind_30d",
        " and ",
        " or ",
        "not ",
        " == ",
        " != ",
        " > ",
        " <= ",
        " =~ ",
        " in ",
        " + ",
        " * ",
        " / ",
        "(",
        ")",
        "[",
        "]",
        "'tests'",
        "'a'",
        "0",
        "3",
        "1.5",
        "null",
        "true",
        ".length",
        ".keys",
        ".as_upper",
        ".to_flt",
        ".to_int",
        "t'P1D'",
        "d'2020-01-01'",
        ",",
        "?",
        ":",
        "$now",
        "{",
        "}",
        "#",
    ]
)


@given(st.text(max_size=80) | st.lists(TOKENS, max_size=12).map("".join))
@example("-" * 500 + "1 > 0")
@example("not " * 500 + "true")
@example("'x'.to_flt > 0")
@example("role.to_flt > 0")
def test_any_condition_text_compiles_or_raises_condition_error(text: str) -> None:
    try:
        condition = compile_condition(text)
    except ConditionError:
        return
    try:
        holds = condition.holds(empty_facts())
    except ConditionError:
        return
    assert holds in (True, False)
