"""Coach use cases: evaluating changes nothing; actions and undo persist; user rule files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain.coach import SuggestionState, SuggestionStatus
from careercoach.domain.coach_rules import RuleProblem
from careercoach.domain.contribution import ContributionKind
from careercoach.domain.errors import NotFoundError, UserError
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services
from tests.database_backends import DatabaseBackend
from tests.services.coach_world import TODAY, World

NEW_JOINER = ["help-others-drought", "first-assessment", "missing-checkin"]


@pytest.fixture
def world(isolated_app_dirs: Path, database_backend: DatabaseBackend) -> Iterator[World]:
    paths = AppPaths(isolated_app_dirs)
    services = open_services(paths, database_backend.url)
    yield World(services)
    services.close()


def later(days: int) -> dt.date:
    return TODAY + dt.timedelta(days=days)


def user_rules(world: World, name: str, text: str | bytes) -> Path:
    folder = world.services.coach.rule_sources.user_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


RULE = """
[[rules]]
id = "{id}"
title = "{title}"
category = "habits"
when = "{when}"
message = "{message}"
rationale = "Because."
priority = {priority}
"""


def rule(
    id: str,
    *,
    when: str = "entries_total == 0",
    title: str = "Mine",
    message: str = "Entries: {entries_total}",
    priority: int = 99,
) -> str:
    return RULE.format(id=id, title=title, when=when, message=message, priority=priority)


def test_evaluating_changes_nothing(world: World) -> None:
    for _ in range(3):
        assert world.fired() == NEW_JOINER
    assert world.coach().states() == {}


def test_done_hides_a_suggestion_for_its_cooldown_and_persists(world: World) -> None:
    state = world.coach().mark_done("help-others-drought")

    assert state == SuggestionState("help-others-drought", SuggestionStatus.DONE, TODAY)
    assert world.fired() == ["first-assessment", "missing-checkin"]
    hidden = world.coach().advice().hidden
    assert [(s.rule.id, s.status, s.hidden_until) for s in hidden] == [
        ("help-others-drought", SuggestionStatus.DONE, later(14))
    ]
    assert "help-others-drought" not in world.fired(later(13))
    assert world.fired(later(14))[0] == "help-others-drought"


def test_states_survive_reopening_the_database(
    world: World, isolated_app_dirs: Path, database_backend: DatabaseBackend
) -> None:
    world.coach().dismiss("first-assessment")
    paths = AppPaths(isolated_app_dirs)
    again = open_services(paths, database_backend.url)
    try:
        assert again.coach.states() == {
            "first-assessment": SuggestionState(
                "first-assessment", SuggestionStatus.DISMISSED, TODAY
            )
        }
    finally:
        again.close()


def test_snooze_hides_until_the_chosen_day(world: World) -> None:
    state = world.coach().snooze("missing-checkin", 7)

    assert state.until == later(7)
    assert world.fired() == ["help-others-drought", "first-assessment"]
    assert world.fired(later(6)) == ["help-others-drought", "first-assessment"]
    assert world.fired(later(7)) == NEW_JOINER


@pytest.mark.parametrize("days", [0, -1, 366])
def test_snoozing_for_an_impossible_time_stores_nothing(world: World, days: int) -> None:
    with pytest.raises(UserError, match="1 to 365"):
        world.coach().snooze("missing-checkin", days)
    assert world.coach().states() == {}


def test_an_unknown_rule_id_is_refused_with_the_closest_id(world: World) -> None:
    with pytest.raises(NotFoundError, match=r"no rule 'help-other-drought'.*help-others-drought"):
        world.coach().mark_done("help-other-drought")
    assert world.coach().states() == {}


def test_undo_puts_back_the_previous_state_or_shows_again(world: World) -> None:
    coach = world.coach()
    snoozed = coach.snooze("missing-checkin", 3)
    coach.mark_done("missing-checkin")
    coach.restore("missing-checkin", snoozed)
    assert coach.states() == {"missing-checkin": snoozed}
    coach.restore("missing-checkin")
    assert coach.states() == {}
    assert world.fired() == NEW_JOINER


def test_a_rule_that_no_longer_holds_is_not_listed_even_when_acted_on(world: World) -> None:
    world.coach().snooze("help-others-drought", 5)
    world.entry(1, ContributionKind.TESTS)
    advice = world.coach(later(3)).advice()  # inside the snooze
    ids = [s.rule.id for s in (*advice.suggestions, *advice.hidden)]
    assert "help-others-drought" not in ids


def test_user_rules_run_beside_broken_ones(world: World) -> None:
    user_rules(
        world, "mine.toml", rule("empty-ledger-note") + rule("bad-fact", when="entriez > 1")
    )
    broken = user_rules(world, "broken.toml", "[[rules]\nid = 'x'")
    failing = user_rules(
        world, "null.toml", rule("null-compare", when="days_since_last_entry < 3")
    )

    advice = world.coach().advice()

    assert [s.rule.id for s in advice.suggestions] == ["empty-ledger-note", *NEW_JOINER]
    mine = advice.suggestions[0]
    assert (mine.message, mine.rule.source) == ("Entries: 0", str(failing.parent / "mine.toml"))
    problems = {(Path(p.file).name, p.rule_id): p.message for p in advice.problems}
    assert set(problems) == {
        ("mine.toml", "bad-fact"),
        ("broken.toml", ""),
        ("null.toml", "null-compare"),
    }
    assert problems[("mine.toml", "bad-fact")] == (
        "'when': unknown fact 'entriez' (did you mean 'entries_30d'?)"
    )
    assert problems[("broken.toml", "")].startswith("not valid TOML")
    assert problems[("null.toml", "null-compare")].startswith("condition failed: data type")
    assert str(broken) in [p.file for p in advice.problems]


def test_a_user_rule_replaces_or_switches_off_a_built_in_one(world: World) -> None:
    user_rules(
        world,
        "tweaks.toml",
        rule("help-others-drought", title="Pair with someone", priority=10)
        + '\n[[rules]]\nid = "missing-checkin"\ntitle = "x"\ncategory = "x"\nwhen = "true"\n'
        'message = "x"\nrationale = "x"\npriority = 1\nenabled = false\n',
    )
    advice = world.coach().advice()
    assert [(s.rule.id, s.rule.title) for s in advice.suggestions] == [
        ("first-assessment", "Take your first self-assessment"),
        ("help-others-drought", "Pair with someone"),
    ]
    world.coach().mark_done("help-others-drought")
    with pytest.raises(NotFoundError):
        world.coach().mark_done("missing-checkin")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe not utf-8", "is not UTF-8 text"),
        (b"rules = 3", "'rules' must be an array of [[rules]] tables"),
    ],
)
def test_unreadable_user_files_are_reported_by_name(
    world: World, content: bytes, expected: str
) -> None:
    path = user_rules(world, "odd.toml", content)
    advice = world.coach().advice()
    assert advice.problems == (RuleProblem(str(path), "", expected),)
    assert [s.rule.id for s in advice.suggestions] == NEW_JOINER


def test_a_folder_named_like_a_rule_file_is_reported(world: World) -> None:
    folder = world.services.coach.rule_sources.user_dir
    assert folder is not None
    (folder / "nested.toml").mkdir(parents=True)
    (problem,) = world.coach().advice().problems
    assert (Path(problem.file).name, problem.message) == ("nested.toml", "is a folder, not a file")


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (rule("first-assessment", when="entriez == 0"), "'when': unknown fact 'entriez'"),
        (rule("first-assessment", priority=300), "'priority' must be from 1 to 100, not 300"),
    ],
)
def test_a_broken_replacement_keeps_the_built_in_rule(
    world: World, broken: str, problem: str
) -> None:
    user_rules(world, "mine.toml", broken)
    advice = world.coach().advice()
    assert [s.rule.id for s in advice.suggestions] == NEW_JOINER
    assert advice.suggestions[1].rule.source == "built-in coach.toml"
    ((rule_id, message),) = [(p.rule_id, p.message) for p in advice.problems]
    assert rule_id == "first-assessment"
    assert message.startswith(problem)


def test_an_id_with_enabled_false_is_enough_to_switch_a_built_in_off(world: World) -> None:
    user_rules(world, "quiet.toml", '[[rules]]\nid = "missing-checkin"\nenabled = false\n')
    advice = world.coach().advice()
    assert advice.problems == ()
    assert [s.rule.id for s in advice.suggestions] == ["help-others-drought", "first-assessment"]


def test_acting_on_a_rule_that_does_not_fire_is_refused(world: World) -> None:
    world.entry(1, ContributionKind.TESTS, beneficiary="Ana")
    with pytest.raises(UserError, match="'help-others-drought' is not suggested today"):
        world.coach().mark_done("help-others-drought")
    assert world.coach().states() == {}


def test_rule_files_with_a_byte_order_mark_or_an_upper_case_suffix_are_read(
    world: World,
) -> None:
    user_rules(world, "bom.toml", "\ufeff" + rule("from-notepad"))
    user_rules(world, "LOUD.TOML", rule("shouted", priority=98))
    advice = world.coach().advice()
    assert advice.problems == ()
    assert [s.rule.id for s in advice.suggestions][:2] == ["from-notepad", "shouted"]


def test_switching_off_an_id_no_rule_has_is_reported(world: World) -> None:
    path = user_rules(world, "quiet.toml", '[[rules]]\nid = "missing-chekin"\nenabled = false\n')
    advice = world.coach().advice()
    assert advice.problems == (
        RuleProblem(
            str(path),
            "missing-chekin",
            "switches off a rule that does not exist (did you mean 'missing-checkin'?)",
        ),
    )
    assert [s.rule.id for s in advice.suggestions] == NEW_JOINER


def test_the_cooldown_used_is_the_rule_in_force_not_a_broken_override(world: World) -> None:
    user_rules(world, "x.toml", rule("missing-checkin", when="nosuchfact > 1"))
    coach = world.coach()
    rule_in_force = coach.rule_in_force("missing-checkin")
    assert rule_in_force is not None
    assert (rule_in_force.source, rule_in_force.cooldown_days) == ("built-in coach.toml", 3)


def test_the_rules_folder_is_created_private_on_demand(world: World) -> None:
    folder = world.coach().ensure_rules_folder()
    assert folder == world.services.coach.rule_sources.user_dir
    assert folder.is_dir()
    assert folder.stat().st_mode & 0o077 == 0
