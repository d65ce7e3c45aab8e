"""The shipped coach rules parse cleanly, compile, and render with the facts of an empty start."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from careercoach.domain.coach import advise, prepare_rules
from careercoach.domain.coach_facts import CoachData, FactValue, compute_facts
from careercoach.domain.coach_rules import Rule, parse_rule_file, render_message, template_facts
from careercoach.domain.profile import Profile
from careercoach.domain.rule_conditions import compile_condition
from careercoach.resources import builtin_rules_dir

TODAY = dt.date(2026, 3, 18)
REQUIRED_IDS = {
    "help-others-drought",
    "hero-development",
    "validate-before-building",
    "no-peer-evidence",
    "stale-assessment",
    "ambiguity-gap",
    "unsupported-rating",
    "solo-time-heavy",
    "volunteer-unglamorous-work",
    "learning-outside-role",
    "no-appetite",
    "missing-checkin",
    "prepare-one-on-one",
}


def rule_files() -> list[Path]:
    return sorted(builtin_rules_dir().glob("*.toml"))


def builtin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for path in rule_files():
        parsed = parse_rule_file(path.read_text("utf-8"), "built-in")
        rules.extend(parsed.rules)
    return rules


BUILTIN = builtin_rules()


def test_the_shipped_rule_file_exists() -> None:
    assert [path.name for path in rule_files()] == ["coach.toml"]


@pytest.mark.parametrize("path", rule_files(), ids=lambda path: path.name)
def test_every_shipped_file_parses_without_problems(path: Path) -> None:
    parsed = parse_rule_file(path.read_text("utf-8"), "built-in")
    assert parsed.problems == ()
    assert len(parsed.rules) >= len(REQUIRED_IDS)


def test_ids_are_unique_and_the_expected_rules_are_shipped() -> None:
    ids = [rule.id for rule in BUILTIN]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED_IDS


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.id)
def test_every_rule_is_complete(rule: Rule) -> None:
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", rule.id)
    assert rule.enabled is True
    assert rule.source == "built-in"
    assert rule.title
    assert rule.category
    assert len(rule.rationale) >= 40
    assert rule.rationale.endswith(".")
    assert 1 <= rule.priority <= 100


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.id)
def test_every_condition_compiles(rule: Rule) -> None:
    condition = compile_condition(rule.when)
    assert condition.facts


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.id)
def test_every_message_renders_with_the_facts_of_an_empty_start(rule: Rule) -> None:
    facts = compute_facts(CoachData(TODAY, Profile()))
    assert set(template_facts(rule.message)) <= set(facts)
    rendered = render_message(rule.message, facts)
    assert not re.search(r"\{[^{}]*\}", rendered), rendered
    assert "{" not in rendered
    assert "}" not in rendered


def test_every_rule_evaluates_on_an_empty_start_without_problems() -> None:
    prepared, problems = prepare_rules(BUILTIN, compile_condition)
    assert problems == ()
    facts = compute_facts(CoachData(TODAY, Profile()))
    advice = advise(prepared, facts, {}, TODAY)
    assert advice.problems == ()
    assert [s.rule.id for s in advice.suggestions] == [
        "help-others-drought",
        "first-assessment",
        "missing-checkin",
    ]
    first = advice.suggestions[1]
    assert "gaps to senior are" in first.message


# What makes each required rule fire, and a close call where it stays quiet.
TRIGGERS: dict[str, tuple[dict[str, FactValue], dict[str, FactValue]]] = {
    "prepare-one-on-one": (
        {"days_until_one_on_one": 3, "next_one_on_one": "2026-03-21"},
        {"days_until_one_on_one": 4, "next_one_on_one": "2026-03-22"},
    ),
    "hero-development": (
        {
            "lone_prototype_hours": 20,
            "lone_prototype_title": "Churn",
            "lone_prototype_consulted": 1,
        },
        {"lone_prototype_hours": 19.5, "lone_prototype_title": "Churn"},
    ),
    "validate-before-building": (
        {"built_without_validating": 1, "unvalidated_prototype_title": "Dashboard"},
        {"built_without_validating": 0},
    ),
    "help-others-drought": ({"helping_entries_30d": 0}, {"helping_entries_30d": 1}),
    "no-peer-evidence": (
        {"entries_total": 4, "peer_confirmed_60d": 0},
        {"entries_total": 4, "peer_confirmed_60d": 1},
    ),
    "stale-assessment": (
        {"has_assessment": True, "days_since_last_assessment": 90},
        {"has_assessment": True, "days_since_last_assessment": 89},
    ),
    "ambiguity-gap": (
        {"largest_gap_is_ambiguity": True, "largest_gap_names": "Ambiguity"},
        {"largest_gap_is_ambiguity": False},
    ),
    "unsupported-rating": (
        {"ratings_above_evidence": 1, "unsupported_names": "Delivery"},
        {"ratings_above_evidence": 0},
    ),
    "solo-time-heavy": (
        {"recent_checkins": 2, "solo_hours_recent": 8, "helping_hours_recent": 6},
        {"recent_checkins": 2, "solo_hours_recent": 7.99, "helping_hours_recent": 6},
    ),
    "volunteer-unglamorous-work": (
        {"entries_total": 1, "docs_or_tests_60d": 0},
        {"entries_total": 1, "docs_or_tests_60d": 1},
    ),
    "learning-outside-role": (
        {"learning_hours_recent": 8, "prototypes_in_flight": 0, "knowledge_sharing_90d": 0},
        {"learning_hours_recent": 8, "prototypes_in_flight": 1, "knowledge_sharing_90d": 0},
    ),
    "no-appetite": ({"shelved_no_appetite_365d": 2}, {"shelved_no_appetite_365d": 1}),
    "missing-checkin": ({"checked_in_this_week": False}, {"checked_in_this_week": True}),
}


def test_every_required_rule_has_a_trigger_case() -> None:
    assert set(TRIGGERS) == REQUIRED_IDS


@pytest.mark.parametrize("rule_id", sorted(TRIGGERS))
def test_each_required_rule_fires_on_its_trigger_and_not_just_below_it(rule_id: str) -> None:
    (rule,) = [rule for rule in BUILTIN if rule.id == rule_id]
    condition = compile_condition(rule.when)
    firing, quiet = TRIGGERS[rule_id]
    facts = compute_facts(CoachData(TODAY, Profile()))
    assert condition.holds(facts | firing) is True
    assert condition.holds(facts | quiet) is False
    rendered = render_message(rule.message, facts | firing)
    for name in template_facts(rule.message):
        if name in firing and isinstance(firing[name], str):
            assert str(firing[name]) in rendered
