"""``careercoach suggest …``: what the coach suggests and why; mark done, dismiss, snooze."""

from __future__ import annotations

import argparse
import json
import sys

from careercoach.cli.coach_json import problem_json, suggestion_json
from careercoach.cli.evidence_json import one_line
from careercoach.cli.output import print_line
from careercoach.domain.coach import Suggestion, SuggestionState
from careercoach.domain.coach_rules import format_fact
from careercoach.domain.errors import UserError
from careercoach.services.app_services import AppServices

EXIT_OK = 0
NOTHING_TO_SUGGEST = "no suggestions right now: no rule fires on your data"


def run_list(services: AppServices, args: argparse.Namespace) -> int:
    """Print the suggestions in rank order (with ``--all`` the hidden ones too), or JSON.

    Problems in rule files go to stderr, one line each (and into ``errors`` with
    ``--json``); the other rules' suggestions are still printed and the status is 0.
    """
    advice = services.coach.advice()
    for problem in advice.problems:
        sys.stderr.write(f"careercoach: {one_line(str(problem))}\n")
    hidden = advice.hidden if args.all else ()
    if args.json:
        document = {
            "suggestions": [suggestion_json(s) for s in (*advice.suggestions, *hidden)],
            "errors": [problem_json(problem) for problem in advice.problems],
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    for line in listing_lines(advice.suggestions, hidden, len(advice.hidden)):
        print_line(line)
    return EXIT_OK


def listing_lines(
    shown: tuple[Suggestion, ...], hidden: tuple[Suggestion, ...], hidden_count: int
) -> list[str]:
    """The text of ``suggest``: numbered suggestions, then the hidden ones when asked for."""
    lines: list[str] = []
    if not shown:
        if hidden_count and not hidden:
            lines.append(
                f"no suggestions right now ({hidden_count} hidden because done, dismissed or "
                "snoozed: careercoach suggest --all lists them)"
            )
        else:
            lines.append(NOTHING_TO_SUGGEST if not hidden else "no suggestions right now")
    for number, suggestion in enumerate(shown, start=1):
        if number > 1:
            lines.append("")
        lines.extend(_block(f"{number}.", suggestion, ""))
    if hidden:
        lines.append("")
        lines.append("Hidden until the date shown (they come back if the rule still fires):")
        for suggestion in hidden:
            lines.append("")
            lines.extend(_block("-", suggestion, f" ({_hidden_state(suggestion)})"))
    return lines


def _block(marker: str, suggestion: Suggestion, state: str) -> list[str]:
    rule = suggestion.rule
    indent = " " * (len(marker) + 1)
    why = "; ".join(f"{name} = {one_line(format_fact(value))}" for name, value in suggestion.facts)
    return [
        f"{marker} {one_line(rule.title)} [{rule.id}]{state}",
        f"{indent}{one_line(suggestion.message)}",
        f"{indent}why: {why or 'the condition holds'}",
    ]


def _hidden_state(suggestion: Suggestion) -> str:
    until = suggestion.hidden_until
    when = f"; back on {until.isoformat()}" if until is not None else ""
    return f"{suggestion.status.value}{when}"


def run_done(services: AppServices, args: argparse.Namespace) -> int:
    """Mark a suggestion done and print until when it stays hidden."""
    _refuse_listing_options(args)
    state = services.coach.mark_done(one_line(args.rule_id))
    print_line(f"marked {state.rule_id} done; {_hidden_until(services, state)}")
    return EXIT_OK


def run_dismiss(services: AppServices, args: argparse.Namespace) -> int:
    """Dismiss a suggestion and print until when it stays hidden."""
    _refuse_listing_options(args)
    state = services.coach.dismiss(one_line(args.rule_id))
    print_line(f"dismissed {state.rule_id}; {_hidden_until(services, state)}")
    return EXIT_OK


def run_snooze(services: AppServices, args: argparse.Namespace) -> int:
    """Snooze a suggestion for ``args.days`` days and print the day it may show again."""
    _refuse_listing_options(args)
    state = services.coach.snooze(one_line(args.rule_id), args.days)
    until = state.until.isoformat() if state.until is not None else "?"
    print_line(f"snoozed {state.rule_id} until {until}")
    return EXIT_OK


def _hidden_until(services: AppServices, state: SuggestionState) -> str:
    """'hidden until DATE', the day the rule's cooldown after the action ends."""
    rule = services.coach.rule_in_force(state.rule_id)
    if rule is None:  # the rule file changed in between
        return "hidden"
    return f"hidden until {state.hidden_until(rule).isoformat()}"


def _refuse_listing_options(args: argparse.Namespace) -> None:
    if args.json or args.all:
        raise UserError(
            "suggest-options",
            f"--json and --all go with 'careercoach suggest' alone, not with "
            f"'suggest {args.suggest_command}' (nothing was changed)",
        )
