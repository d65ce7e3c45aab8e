"""The coach: which rules fire for today's facts, how suggestions rank and when they hide."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from careercoach.domain.coach_facts import Facts, FactValue
from careercoach.domain.coach_rules import Rule, RuleFile, RuleProblem, render_message
from careercoach.domain.coach_rules import template_facts as message_facts
from careercoach.domain.errors import UserError

MAX_SNOOZE_DAYS = 365


class SuggestionStatus(StrEnum):
    """Where a suggestion stands; the values appear in ``suggest --json``."""

    ACTIVE = "active"
    DONE = "done"
    DISMISSED = "dismissed"
    SNOOZED = "snoozed"


@dataclass(frozen=True)
class SuggestionState:
    """What the user last did with a rule's suggestion.

    Attributes:
        rule_id: The rule.
        status: DONE, DISMISSED or SNOOZED.
        acted_on: The day they did it.
        until: The first day a snoozed suggestion shows again (None for done/dismissed,
            which stay away for the rule's ``cooldown_days`` from ``acted_on``).
    """

    rule_id: str
    status: SuggestionStatus
    acted_on: dt.date
    until: dt.date | None = None

    def hidden_until(self, rule: Rule) -> dt.date:
        """The first day the suggestion may show again."""
        if self.status is SuggestionStatus.SNOOZED and self.until is not None:
            return self.until
        return self.acted_on + dt.timedelta(days=rule.cooldown_days)


class CompiledCondition(Protocol):
    """A rule condition ready to evaluate (see ``rule_conditions.Condition``)."""

    @property
    def facts(self) -> tuple[str, ...]: ...

    def holds(self, facts: Mapping[str, object]) -> bool: ...


@dataclass(frozen=True)
class ReadyRule:
    """A rule with its compiled condition."""

    rule: Rule
    condition: CompiledCondition


@dataclass(frozen=True)
class Suggestion:
    """A rule that fires today.

    Attributes:
        rule: The rule.
        message: Its message with the facts filled in.
        facts: Why it fired: each fact the condition and message name, with its value.
        status: ACTIVE when shown; otherwise what hides it.
        hidden_until: The first day a hidden suggestion shows again (None when shown).
    """

    rule: Rule
    message: str
    facts: tuple[tuple[str, FactValue], ...]
    status: SuggestionStatus = SuggestionStatus.ACTIVE
    hidden_until: dt.date | None = None


@dataclass(frozen=True)
class CoachAdvice:
    """One evaluation: suggestions to show (ranked), the hidden ones that fire, problems."""

    suggestions: tuple[Suggestion, ...]
    hidden: tuple[Suggestion, ...]
    problems: tuple[RuleProblem, ...]
    facts: Facts


def merge_rule_files(builtin: Sequence[RuleFile], user: Sequence[RuleFile]) -> RuleFile:
    """The rules in force: a user rule replaces the built-in rule with its id.

    A user rule whose id another user file already defined is reported and skipped;
    disabled rules (``enabled = false``) are dropped after replacing, so a user file can
    switch a built-in rule off.
    """
    rules: dict[str, Rule] = {}
    problems: list[RuleProblem] = []
    for file in builtin:
        problems.extend(file.problems)
        rules.update((rule.id, rule) for rule in file.rules)
    from_user: dict[str, str] = {}
    for file in user:
        problems.extend(file.problems)
        for rule in file.rules:
            if rule.id in from_user:
                message = f"the id is already defined in {from_user[rule.id]}"
                problems.append(RuleProblem(rule.source, rule.id, message))
                continue
            from_user[rule.id] = rule.source
            if not rule.enabled and rule.id not in rules:
                close = difflib.get_close_matches(rule.id, rules, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                message = f"switches off a rule that does not exist{hint}"
                problems.append(RuleProblem(rule.source, rule.id, message))
            rules[rule.id] = rule
    enabled = tuple(rule for rule in rules.values() if rule.enabled)
    return RuleFile(enabled, tuple(problems))


def prepare_rules(
    rules: Sequence[Rule], compile_condition: Callable[[str], CompiledCondition]
) -> tuple[tuple[ReadyRule, ...], tuple[RuleProblem, ...]]:
    """Compile every rule's condition; a rule that does not compile becomes a problem."""
    ready: list[ReadyRule] = []
    problems: list[RuleProblem] = []
    for rule in rules:
        try:
            ready.append(ReadyRule(rule, compile_condition(rule.when)))
        except UserError as error:
            problems.append(RuleProblem(rule.source, rule.id, f"'when': {error.message}"))
    return tuple(ready), tuple(problems)


def rules_in_force(
    builtin: Sequence[RuleFile],
    user: Sequence[RuleFile],
    compile_condition: Callable[[str], CompiledCondition],
) -> tuple[tuple[ReadyRule, ...], tuple[RuleProblem, ...]]:
    """Compile, then merge (``merge_rule_files``): the rules to evaluate and every problem.

    Compiling comes first, so a broken user rule never displaces the built-in rule with
    its id, whatever is wrong with it; switched-off rules are not compiled.
    """
    conditions: dict[tuple[str, str], CompiledCondition] = {}

    def compiled(file: RuleFile) -> RuleFile:
        ready, problems = prepare_rules([r for r in file.rules if r.enabled], compile_condition)
        conditions.update(((r.rule.source, r.rule.id), r.condition) for r in ready)
        kept = {(r.rule.source, r.rule.id) for r in ready}
        rules = tuple(r for r in file.rules if not r.enabled or (r.source, r.id) in kept)
        return RuleFile(rules, (*file.problems, *problems))

    merged = merge_rule_files([compiled(f) for f in builtin], [compiled(f) for f in user])
    ready = tuple(ReadyRule(rule, conditions[(rule.source, rule.id)]) for rule in merged.rules)
    return ready, merged.problems


def advise(
    rules: Sequence[ReadyRule],
    facts: Facts,
    states: Mapping[str, SuggestionState],
    today: dt.date,
    problems: Sequence[RuleProblem] = (),
) -> CoachAdvice:
    """Evaluate every rule against ``facts``; changes nothing.

    Shown suggestions rank by priority (highest first), then by recency of the user's
    last action on the rule (never acted on first, then the longest ago), then by id.
    A rule whose evaluation fails is reported as a problem and the others still run.
    """
    shown: list[Suggestion] = []
    hidden: list[Suggestion] = []
    found = list(problems)
    for ready in rules:
        rule = ready.rule
        try:
            fires = ready.condition.holds(facts)
        except UserError as error:
            found.append(RuleProblem(rule.source, rule.id, error.message))
            continue
        if not fires:
            continue
        named = dict.fromkeys((*ready.condition.facts, *message_facts(rule.message)))
        why = tuple((name, facts[name]) for name in named if name in facts)
        message = render_message(rule.message, facts)
        state = states.get(rule.id)
        until = state.hidden_until(rule) if state else None
        if state is not None and until is not None and today < until:
            hidden.append(Suggestion(rule, message, why, state.status, until))
        else:
            shown.append(Suggestion(rule, message, why))

    def rank(suggestion: Suggestion) -> tuple[int, int, str]:
        state = states.get(suggestion.rule.id)
        acted = state.acted_on.toordinal() if state else 0
        return (-suggestion.rule.priority, acted, suggestion.rule.id)

    shown.sort(key=rank)
    hidden.sort(key=lambda s: (s.hidden_until or today, s.rule.id))
    return CoachAdvice(tuple(shown), tuple(hidden), tuple(found), facts)


def acted_state(
    rule_id: str, status: SuggestionStatus, today: dt.date, snooze_days: int | None = None
) -> SuggestionState:
    """The state recording that the user marked a suggestion done, dismissed or snoozed it.

    Raises:
        UserError: snoozing without a number of days from 1 to MAX_SNOOZE_DAYS, or an
            ACTIVE status (to show a suggestion again, delete its state).
    """
    if status is SuggestionStatus.ACTIVE:
        raise UserError("suggestion-status", "a suggestion is made active by clearing its state")
    if status is not SuggestionStatus.SNOOZED:
        return SuggestionState(rule_id, status, today)
    if snooze_days is None or not 1 <= snooze_days <= MAX_SNOOZE_DAYS:
        raise UserError(
            "snooze-days",
            f"snooze for a whole number of days from 1 to {MAX_SNOOZE_DAYS}",
            days=snooze_days,
        )
    return SuggestionState(rule_id, status, today, today + dt.timedelta(days=snooze_days))
