"""Suggestion states survive a round trip through SQLite and PostgreSQL, one per rule."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.domain.coach import SuggestionState, SuggestionStatus
from careercoach.storage.database import Database

NOW = dt.datetime(2026, 3, 18, 9, 30)
TODAY = NOW.date()


def test_no_states_at_first(database: Database) -> None:
    with database.unit_of_work() as work:
        assert work.suggestions.all() == {}


def test_saved_states_read_back_equal_by_rule_id(database: Database) -> None:
    states = [
        SuggestionState("missing-checkin", SuggestionStatus.SNOOZED, TODAY, dt.date(2026, 3, 25)),
        SuggestionState("hero-development", SuggestionStatus.DONE, TODAY),
        SuggestionState("ambiguity-gap", SuggestionStatus.DISMISSED, dt.date(2025, 12, 31)),
    ]
    with database.unit_of_work() as work:
        for state in states:
            assert work.suggestions.save(state, now=NOW) == state
    with database.unit_of_work() as work:
        found = work.suggestions.all()
    assert list(found) == ["ambiguity-gap", "hero-development", "missing-checkin"]
    assert found == {state.rule_id: state for state in states}


def test_saving_again_replaces_the_rules_state(database: Database) -> None:
    snoozed = SuggestionState("no-appetite", SuggestionStatus.SNOOZED, TODAY, dt.date(2026, 4, 1))
    done = SuggestionState("no-appetite", SuggestionStatus.DONE, dt.date(2026, 3, 20))
    with database.unit_of_work() as work:
        work.suggestions.save(snoozed, now=NOW)
    with database.unit_of_work() as work:
        work.suggestions.save(done, now=NOW + dt.timedelta(days=2))
    with database.unit_of_work() as work:
        assert work.suggestions.all() == {"no-appetite": done}


def test_saving_twice_in_one_transaction_keeps_the_last(database: Database) -> None:
    first = SuggestionState("stale-assessment", SuggestionStatus.DISMISSED, TODAY)
    second = SuggestionState(
        "stale-assessment", SuggestionStatus.SNOOZED, TODAY, dt.date(2027, 3, 18)
    )
    with database.unit_of_work() as work:
        work.suggestions.save(first, now=NOW)
        work.suggestions.save(second, now=NOW)
        assert work.suggestions.all() == {"stale-assessment": second}
    with database.unit_of_work() as work:
        assert work.suggestions.all() == {"stale-assessment": second}


def test_delete_forgets_one_rule_and_says_whether_there_was_a_state(database: Database) -> None:
    keep = SuggestionState("keep", SuggestionStatus.DONE, TODAY)
    drop = SuggestionState("drop", SuggestionStatus.DISMISSED, TODAY)
    with database.unit_of_work() as work:
        work.suggestions.save(keep, now=NOW)
        work.suggestions.save(drop, now=NOW)
    with database.unit_of_work() as work:
        assert work.suggestions.delete("drop") is True
    with database.unit_of_work() as work:
        assert work.suggestions.delete("drop") is False
        assert work.suggestions.delete("never-saved") is False
        assert work.suggestions.all() == {"keep": keep}


def test_a_failed_transaction_stores_nothing(database: Database) -> None:
    state = SuggestionState("missing-checkin", SuggestionStatus.DONE, TODAY)

    def save_then_fail() -> None:
        with database.unit_of_work() as work:
            work.suggestions.save(state, now=NOW)
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        save_then_fail()
    with database.unit_of_work() as work:
        assert work.suggestions.all() == {}


def test_the_longest_rule_id_round_trips(database: Database) -> None:
    state = SuggestionState("r" * 80, SuggestionStatus.SNOOZED, TODAY, dt.date(2027, 3, 18))
    with database.unit_of_work() as work:
        work.suggestions.save(state, now=NOW)
    with database.unit_of_work() as work:
        assert work.suggestions.all() == {"r" * 80: state}
