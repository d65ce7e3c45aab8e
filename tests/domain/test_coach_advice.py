"""The coach: merging rule files, compiling them, ranking and hiding suggestions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest

from careercoach.domain.coach import (
    MAX_SNOOZE_DAYS,
    CoachAdvice,
    ReadyRule,
    Suggestion,
    SuggestionState,
    SuggestionStatus,
    acted_state,
    advise,
    prepare_rules,
)
from careercoach.domain.coach_facts import CoachData, Facts, compute_facts
from careercoach.domain.coach_rules import Rule, RuleProblem
from careercoach.domain.errors import UserError
from careercoach.domain.profile import Profile
from careercoach.domain.rule_conditions import compile_condition

TODAY = dt.date(2026, 3, 18)
FACTS: Facts = compute_facts(CoachData(TODAY, Profile()))
DONE, DISMISSED, SNOOZED = (
    SuggestionStatus.DONE,
    SuggestionStatus.DISMISSED,
    SuggestionStatus.SNOOZED,
)


def rule(
    rule_id: str,
    priority: int = 50,
    when: str = "true",
    *,
    message: str = "Do it.",
    cooldown: int = 30,
    source: str = "built-in",
    enabled: bool = True,
    title: str = "",
) -> Rule:
    return Rule(
        rule_id,
        title or rule_id.capitalize(),
        "habits",
        when,
        message,
        "Because.",
        priority,
        cooldown_days=cooldown,
        enabled=enabled,
        source=source,
    )


def ready(*rules: Rule) -> tuple[ReadyRule, ...]:
    prepared, problems = prepare_rules(rules, compile_condition)
    assert problems == ()
    return prepared


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def run(
    *rules: Rule, states: Mapping[str, SuggestionState] | None = None, facts: Facts = FACTS
) -> CoachAdvice:
    return advise(ready(*rules), facts, states or {}, TODAY)


def shown(advice: CoachAdvice) -> list[str]:
    return [suggestion.rule.id for suggestion in advice.suggestions]


# ---------------------------------------------------------------- ranking


def test_suggestions_rank_by_priority_then_never_acted_on_then_oldest_action_then_id() -> None:
    states = {
        "recent": SuggestionState("recent", DONE, days_ago(40)),
        "long-ago": SuggestionState("long-ago", DISMISSED, days_ago(400)),
        "snoozed-before": SuggestionState("snoozed-before", SNOOZED, days_ago(90), days_ago(60)),
    }
    advice = run(
        rule("recent", 50),
        rule("zeta", 50),
        rule("long-ago", 50),
        rule("alpha", 50),
        rule("urgent", 90),
        rule("snoozed-before", 50),
        rule("minor", 10),
        states=states,
    )
    assert shown(advice) == [
        "urgent",
        "alpha",
        "zeta",
        "long-ago",
        "snoozed-before",
        "recent",
        "minor",
    ]
    assert advice.hidden == ()


def test_a_shown_suggestion_is_active_with_its_message_filled_in() -> None:
    advice = run(rule("talk", message="Role: {role}; entries: {entries_total}."))
    assert advice.suggestions == (
        Suggestion(
            rule("talk", message="Role: {role}; entries: {entries_total}."),
            "Role: Data Scientist; entries: 0.",
            (("role", "Data Scientist"), ("entries_total", 0)),
            SuggestionStatus.ACTIVE,
            None,
        ),
    )
    assert advice.facts is FACTS


def test_rules_that_do_not_fire_are_neither_shown_nor_hidden() -> None:
    states = {"quiet": SuggestionState("quiet", DONE, TODAY)}
    advice = run(rule("quiet", when="entries_total > 0"), rule("loud"), states=states)
    assert shown(advice) == ["loud"]
    assert advice.hidden == ()
    assert advice.problems == ()


def test_why_facts_are_the_condition_facts_then_the_message_facts_with_values() -> None:
    advice = run(
        rule(
            "why",
            when="entries_total == 0 and not has_profile and entries_total < 5",
            message="{days_since_last_entry} days; {entries_total} entries; {role}",
        )
    )
    (suggestion,) = advice.suggestions
    assert suggestion.facts == (
        ("entries_total", 0),
        ("has_profile", False),
        ("days_since_last_entry", None),
        ("role", "Data Scientist"),
    )
    assert suggestion.message == "none days; 0 entries; Data Scientist"


# ---------------------------------------------------------------- hiding


@pytest.mark.parametrize("status", [DONE, DISMISSED])
def test_done_or_dismissed_hides_for_the_cooldown_then_shows_again(
    status: SuggestionStatus,
) -> None:
    cooling = rule("cooling", cooldown=7)
    hidden = run(cooling, states={"cooling": SuggestionState("cooling", status, days_ago(6))})
    assert hidden.suggestions == ()
    (suggestion,) = hidden.hidden
    assert (suggestion.rule.id, suggestion.status) == ("cooling", status)
    assert suggestion.hidden_until == TODAY + dt.timedelta(days=1)
    assert suggestion.message == "Do it."
    back = run(cooling, states={"cooling": SuggestionState("cooling", status, days_ago(7))})
    assert shown(back) == ["cooling"]
    assert back.suggestions[0].status is SuggestionStatus.ACTIVE
    assert back.suggestions[0].hidden_until is None
    assert back.hidden == ()


def test_a_snoozed_suggestion_hides_until_its_day_whatever_the_cooldown() -> None:
    snoozing = rule("snoozing", cooldown=30)
    tomorrow = TODAY + dt.timedelta(days=1)
    state = SuggestionState("snoozing", SNOOZED, TODAY, tomorrow)
    advice = run(snoozing, states={"snoozing": state})
    assert [(s.rule.id, s.status, s.hidden_until) for s in advice.hidden] == [
        ("snoozing", SNOOZED, tomorrow)
    ]
    long_ago = SuggestionState("snoozing", SNOOZED, days_ago(3), TODAY)
    assert shown(run(snoozing, states={"snoozing": long_ago})) == ["snoozing"]


def test_hidden_until_is_the_snooze_day_or_the_end_of_the_cooldown() -> None:
    cooling = rule("r", cooldown=10)
    assert SuggestionState("r", DONE, TODAY).hidden_until(cooling) == dt.date(2026, 3, 28)
    assert SuggestionState("r", DISMISSED, TODAY).hidden_until(cooling) == dt.date(2026, 3, 28)
    snoozed = SuggestionState("r", SNOOZED, TODAY, dt.date(2026, 3, 20))
    assert snoozed.hidden_until(cooling) == dt.date(2026, 3, 20)
    assert SuggestionState("r", SNOOZED, TODAY).hidden_until(cooling) == dt.date(2026, 3, 28)


def test_hidden_suggestions_are_listed_by_when_they_show_again_then_id() -> None:
    states = {
        "late": SuggestionState("late", DONE, TODAY),
        "soon-b": SuggestionState("soon-b", SNOOZED, TODAY, TODAY + dt.timedelta(days=2)),
        "soon-a": SuggestionState("soon-a", DISMISSED, days_ago(5)),
    }
    advice = run(
        rule("late", cooldown=30),
        rule("soon-b"),
        rule("soon-a", cooldown=7),
        rule("free"),
        states=states,
    )
    assert shown(advice) == ["free"]
    assert [(s.rule.id, s.status, s.hidden_until) for s in advice.hidden] == [
        ("soon-a", DISMISSED, TODAY + dt.timedelta(days=2)),
        ("soon-b", SNOOZED, TODAY + dt.timedelta(days=2)),
        ("late", DONE, TODAY + dt.timedelta(days=30)),
    ]


# ---------------------------------------------------------------- problems


def test_a_rule_whose_evaluation_fails_is_a_problem_and_the_others_still_fire() -> None:
    earlier = RuleProblem("mine.toml", "older", "'title' is required")
    broken = rule("needs-entries", when="days_since_last_entry > 3", source="mine.toml")
    advice = advise(ready(rule("first"), broken, rule("last")), FACTS, {}, TODAY, (earlier,))
    assert shown(advice) == ["first", "last"]
    assert advice.problems == (
        earlier,
        RuleProblem(
            "mine.toml",
            "needs-entries",
            "condition failed: data type mismatch (a fact compared with a value of another "
            "type, or null)",
        ),
    )


def test_a_rule_the_engine_fails_on_while_evaluating_does_not_stop_the_others() -> None:
    text_as_number = rule("role-number", when="role.to_flt > 0", source="mine.toml")
    advice = advise(ready(rule("first"), text_as_number, rule("last")), FACTS, {}, TODAY)
    assert shown(advice) == ["first", "last"]
    assert [(p.file, p.rule_id) for p in advice.problems] == [("mine.toml", "role-number")]


def test_prepare_rules_turns_compile_errors_into_problems_naming_file_and_rule() -> None:
    rules = (
        rule("good"),
        rule("typo", when="entries_totl > 0", source="team.toml"),
        rule("not-a-test", when="entries_total + 1", source="team.toml"),
    )
    prepared, problems = prepare_rules(rules, compile_condition)
    assert [item.rule.id for item in prepared] == ["good"]
    assert prepared[0].condition.facts == ()
    assert problems == (
        RuleProblem(
            "team.toml",
            "typo",
            "'when': unknown fact 'entries_totl' (did you mean 'entries_total'?)",
        ),
        RuleProblem(
            "team.toml",
            "not-a-test",
            "'when': the condition gives a float, not true or false "
            "(compare it, e.g. 'entries_30d > 0')",
        ),
    )


def test_prepare_rules_reports_a_condition_the_engine_cannot_nest_that_deep() -> None:
    deep = rule("deep", when="-" * 500 + "role > 0", source="team.toml")
    prepared, problems = prepare_rules((deep, rule("good")), compile_condition)
    assert [item.rule.id for item in prepared] == ["good"]
    assert [(p.file, p.rule_id) for p in problems] == [("team.toml", "deep")]


# ---------------------------------------------------------------- acting on a suggestion


@pytest.mark.parametrize("status", [DONE, DISMISSED])
def test_done_and_dismissed_record_the_day(status: SuggestionStatus) -> None:
    assert acted_state("r", status, TODAY) == SuggestionState("r", status, TODAY, None)
    assert acted_state("r", status, TODAY, 5) == SuggestionState("r", status, TODAY, None)


@pytest.mark.parametrize(
    ("days", "until"), [(1, dt.date(2026, 3, 19)), (365, dt.date(2027, 3, 18))]
)
def test_snoozing_records_the_day_it_shows_again(days: int, until: dt.date) -> None:
    assert acted_state("r", SNOOZED, TODAY, days) == SuggestionState("r", SNOOZED, TODAY, until)


@pytest.mark.parametrize("days", [None, 0, -1, MAX_SNOOZE_DAYS + 1])
def test_snoozing_needs_one_to_365_days(days: int | None) -> None:
    with pytest.raises(UserError) as caught:
        acted_state("r", SNOOZED, TODAY, days)
    assert caught.value.code == "snooze-days"
    assert caught.value.message == "snooze for a whole number of days from 1 to 365"
    assert caught.value.params == {"days": days}


def test_active_is_not_a_state_to_record() -> None:
    with pytest.raises(UserError) as caught:
        acted_state("r", SuggestionStatus.ACTIVE, TODAY)
    assert caught.value.code == "suggestion-status"
