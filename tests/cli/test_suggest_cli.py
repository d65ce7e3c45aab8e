"""``careercoach suggest``: ranked suggestions with their why, JSON, acting on them, rule files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from careercoach.cli.suggest_commands import NOTHING_TO_SUGGEST, listing_lines
from careercoach.domain.checkin import CheckIn, IsoWeek
from tests.cli.test_evidence_cli import app_services, cli

Document = dict[str, list[dict[str, Any]]]
TODAY = dt.date.today()
FRESH_LISTING = """\
1. Help a teammate this week [help-others-drought]
   Nothing in your ledger helped someone else in the last 30 days. Offer to write the docs or \
examples for a teammate's project, add tests to it, or review their open pull request, and log it.
   why: helping_entries_30d = 0

2. Take your first self-assessment [first-assessment]
   Rate yourself against your ladder once, attaching the work that backs each rating. It takes \
about fifteen minutes and shows where the gaps to Senior Data Scientist are.
   why: has_assessment = no; has_draft_assessment = no; target_level_name = Senior Data Scientist

3. Do this week's check-in [missing-checkin]
   This week has no check-in yet. Thirty seconds: hours on assigned work, helping others, \
learning and solo projects.
   why: checked_in_this_week = no
"""
FRESH_IDS = ["help-others-drought", "first-assessment", "missing-checkin"]

SUGGESTION_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["suggestions", "errors"],
    "properties": {
        "suggestions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "rule_id",
                    "title",
                    "message",
                    "rationale",
                    "facts",
                    "state",
                    "until",
                    "category",
                    "priority",
                    "competency",
                    "source",
                ],
                "properties": {
                    "rule_id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                    "title": {"type": "string", "minLength": 1},
                    "message": {"type": "string", "minLength": 1},
                    "rationale": {"type": "string", "minLength": 1},
                    "facts": {"type": "object"},
                    "state": {"enum": ["active", "done", "dismissed", "snoozed"]},
                    "until": {"type": ["string", "null"], "format": "date"},
                    "category": {"type": "string"},
                    "priority": {"type": "integer", "minimum": 1, "maximum": 100},
                    "competency": {"type": "string"},
                    "source": {"type": "string"},
                },
            },
        },
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["file", "rule_id", "message"],
                "properties": {
                    "file": {"type": "string"},
                    "rule_id": {"type": ["string", "null"]},
                    "message": {"type": "string"},
                },
            },
        },
    },
}


def suggest_json(capsys: pytest.CaptureFixture[str], *options: str) -> Document:
    code, out, _ = cli(capsys, "suggest", "--json", *options)
    assert code == 0
    document: Document = json.loads(out)
    Draft202012Validator(SUGGESTION_SCHEMA).validate(document)
    return document


def ids(capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    return [s["rule_id"] for s in suggest_json(capsys, *options)["suggestions"]]


def later(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


def write_rules(data_dir: Path, name: str, text: str) -> Path:
    folder = data_dir / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def rule_toml(rule_id: str, when: str, *, priority: int = 50, extra: str = "") -> str:
    return (
        f'[[rules]]\nid = "{rule_id}"\ntitle = "Title of {rule_id}"\ncategory = "mine"\n'
        f'when = "{when}"\nmessage = "Message of {rule_id}."\nrationale = "Because."\n'
        f"priority = {priority}\n{extra}"
    )


def test_a_fresh_database_gets_ranked_numbered_suggestions_with_their_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli(capsys, "suggest") == (0, FRESH_LISTING, "")


def test_json_lists_each_suggestion_with_its_rule_and_facts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = suggest_json(capsys)
    assert document["errors"] == []
    assert [s["rule_id"] for s in document["suggestions"]] == FRESH_IDS
    assert document["suggestions"][0] == {
        "rule_id": "help-others-drought",
        "title": "Help a teammate this week",
        "message": "Nothing in your ledger helped someone else in the last 30 days. Offer to "
        "write the docs or examples for a teammate's project, add tests to it, or review "
        "their open pull request, and log it.",
        "rationale": "Making yourself useful to others is the strongest lever for growing a "
        "level. Peer feedback quoting that help is the evidence promotions are decided on, "
        "and it only exists if the help happens.",
        "facts": {"helping_entries_30d": 0},
        "state": "active",
        "until": None,
        "category": "collaboration",
        "priority": 80,
        "competency": "collaboration",
        "source": "built-in coach.toml",
    }
    assert document["suggestions"][1]["facts"] == {
        "has_assessment": False,
        "has_draft_assessment": False,
        "target_level_name": "Senior Data Scientist",
    }


def test_facts_are_plain_json_values_and_readable_text(
    capsys: pytest.CaptureFixture[str], isolated_app_dirs: Path
) -> None:
    with app_services() as services:
        services.checkins.save(CheckIn(IsoWeek.of(TODAY), 30, 1, 0, 2.5))
    when = (
        "days_since_last_entry == null and helping_by_kind_30d['tests'] == 0 "
        "and solo_hours_recent > 2"
    )
    extra = 'message = "Gaps: {largest_gap_competencies}; {{solo}} {solo_hours_recent}h."\n'
    text = rule_toml("shapes", when, priority=100).replace('message = "Message of shapes."\n', "")
    write_rules(isolated_app_dirs, "shapes.toml", text + extra)
    first = suggest_json(capsys)["suggestions"][0]
    kinds = first["facts"]["helping_by_kind_30d"]
    assert first["facts"] == {
        "days_since_last_entry": None,
        "helping_by_kind_30d": kinds,
        "solo_hours_recent": 2.5,
        "largest_gap_competencies": [],
    }
    assert kinds["tests"] == 0
    assert all(type(count) is int for count in kinds.values())
    assert first["message"] == "Gaps: none; {solo} 2.5h."
    code, out, err = cli(capsys, "suggest")
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == [
        "1. Title of shapes [shapes]",
        "   Gaps: none; {solo} 2.5h.",
        "   why: days_since_last_entry = none; helping_by_kind_30d = none; "
        "solo_hours_recent = 2.5; largest_gap_competencies = none",
    ]


def test_done_dismiss_and_snooze_hide_a_suggestion_and_persist(
    capsys: pytest.CaptureFixture[str],
) -> None:
    done = cli(capsys, "suggest", "done", "help-others-drought")
    assert done == (0, f"marked help-others-drought done; hidden until {later(14)}\n", "")
    dismissed = cli(capsys, "suggest", "dismiss", "first-assessment")
    assert dismissed == (0, f"dismissed first-assessment; hidden until {later(7)}\n", "")
    snoozed = cli(capsys, "suggest", "snooze", "missing-checkin", "5")
    assert snoozed == (0, f"snoozed missing-checkin until {later(5)}\n", "")

    hidden_line = (
        "no suggestions right now (3 hidden because done, dismissed or snoozed: "
        "careercoach suggest --all lists them)\n"
    )
    assert cli(capsys, "suggest") == (0, hidden_line, "")
    assert suggest_json(capsys) == {"suggestions": [], "errors": []}

    every = suggest_json(capsys, "--all")["suggestions"]
    assert [(s["rule_id"], s["state"], s["until"]) for s in every] == [
        ("missing-checkin", "snoozed", later(5)),
        ("first-assessment", "dismissed", later(7)),
        ("help-others-drought", "done", later(14)),
    ]
    code, out, err = cli(capsys, "suggest", "--all")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "no suggestions right now",
        "",
        "Hidden until the date shown (they come back if the rule still fires):",
    ]
    assert f"- Do this week's check-in [missing-checkin] (snoozed; back on {later(5)})" in lines
    assert (
        f"- Help a teammate this week [help-others-drought] (done; back on {later(14)})" in lines
    )


def test_acting_again_replaces_the_earlier_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "suggest", "snooze", "missing-checkin", "365")[0] == 0
    assert cli(capsys, "suggest", "done", "missing-checkin")[0] == 0
    with app_services() as services:
        (state,) = services.coach.states().values()
    assert (state.status.value, state.until) == ("done", None)
    assert ids(capsys) == FRESH_IDS[:2]


@pytest.mark.parametrize("days", ["0", "366", "-1", "abc", "1.5", "7d"])
def test_snoozing_needs_a_whole_number_of_days_from_1_to_365(
    capsys: pytest.CaptureFixture[str], days: str
) -> None:
    code, out, err = cli(capsys, "suggest", "snooze", "missing-checkin", days)
    assert (code, out) == (2, "")
    assert err == (
        f"careercoach suggest snooze: argument DAYS: '{days}' is not a whole number of days "
        "from 1 to 365 (see --help)\n"
    )
    with app_services() as services:
        assert services.coach.states() == {}


@pytest.mark.parametrize(
    "action", [["done"], ["dismiss"], ["snooze"]], ids=["done", "dismiss", "snooze"]
)
def test_an_unknown_rule_id_is_bad_input_with_the_closest_id(
    capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    days = ["3"] if action == ["snooze"] else []
    code, out, err = cli(capsys, "suggest", *action, "help-others-drougt", *days)
    assert (code, out) == (2, "")
    assert err == (
        "careercoach: there is no rule 'help-others-drougt' "
        "(did you mean 'help-others-drought'?)\n"
    )
    with app_services() as services:
        assert services.coach.states() == {}


def test_a_rule_id_with_a_line_break_gets_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = cli(capsys, "suggest", "done", "missing-\ncheckin")
    assert (code, out) == (2, "")
    assert err == (
        "careercoach: there is no rule 'missing- checkin' (did you mean 'missing-checkin'?)\n"
    )


def test_listing_options_do_not_go_with_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "suggest", "--json", "done", "missing-checkin")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "--json and --all" in err
    assert cli(capsys, "suggest", "done", "missing-checkin", "--all")[0] == 2
    with app_services() as services:
        assert services.coach.states() == {}


def test_broken_user_rules_are_reported_and_the_others_still_run(
    capsys: pytest.CaptureFixture[str], isolated_app_dirs: Path
) -> None:
    mixed = write_rules(
        isolated_app_dirs,
        "mixed.toml",
        rule_toml("too-eager", "entries_total == 0", priority=500)
        + "\n"
        + rule_toml("unknown-fact", "entries_totl == 0")
        + "\n"
        + rule_toml("works", "entries_total == 0", priority=99),
    )
    broken = write_rules(isolated_app_dirs, "broken.toml", "[[rules]\nid = ")
    code, out, err = cli(capsys, "suggest")
    assert code == 0
    assert out.startswith("1. Title of works [works]\n   Message of works.\n")
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"careercoach: {broken}: not valid TOML: ")
    assert lines[1:] == [
        f"careercoach: {mixed}: rule 'too-eager': 'priority' must be from 1 to 100, not 500",
        f"careercoach: {mixed}: rule 'unknown-fact': 'when': unknown fact 'entries_totl' "
        "(did you mean 'entries_total'?)",
    ]

    code, out, json_err = cli(capsys, "suggest", "--json")
    assert (code, json_err) == (0, err)
    document = json.loads(out)
    Draft202012Validator(SUGGESTION_SCHEMA).validate(document)
    assert [s["rule_id"] for s in document["suggestions"]] == ["works", *FRESH_IDS]
    assert document["suggestions"][0]["source"] == str(mixed)
    errors = document["errors"]
    assert [(e["file"], e["rule_id"]) for e in errors] == [
        (str(broken), None),
        (str(mixed), "too-eager"),
        (str(mixed), "unknown-fact"),
    ]
    assert (
        errors[2]["message"]
        == "'when': unknown fact 'entries_totl' (did you mean 'entries_total'?)"
    )


def test_a_condition_failing_on_a_null_fact_is_reported_and_skipped(
    capsys: pytest.CaptureFixture[str], isolated_app_dirs: Path
) -> None:
    path = write_rules(
        isolated_app_dirs, "null.toml", rule_toml("no-null-test", "days_since_last_entry > 3")
    )
    code, out, err = cli(capsys, "suggest", "--json")
    assert code == 0
    assert [s["rule_id"] for s in json.loads(out)["suggestions"]] == FRESH_IDS
    assert err.startswith(f"careercoach: {path}: rule 'no-null-test': condition failed: ")
    assert len(err.splitlines()) == 1
    assert "Traceback" not in out + err


def test_a_user_rule_replaces_or_switches_off_a_builtin_one(
    capsys: pytest.CaptureFixture[str], isolated_app_dirs: Path
) -> None:
    replaced = write_rules(
        isolated_app_dirs,
        "a-replace.toml",
        rule_toml("first-assessment", "not has_assessment", priority=100),
    )
    write_rules(
        isolated_app_dirs,
        "b-off.toml",
        rule_toml("missing-checkin", "not checked_in_this_week", extra="enabled = false\n"),
    )
    suggestions = suggest_json(capsys)["suggestions"]
    assert [(s["rule_id"], s["title"], s["source"]) for s in suggestions] == [
        ("first-assessment", "Title of first-assessment", str(replaced)),
        ("help-others-drought", "Help a teammate this week", "built-in coach.toml"),
    ]
    code, out, err = cli(capsys, "suggest", "done", "missing-checkin")
    assert (code, out) == (2, "")
    assert err == "careercoach: there is no rule 'missing-checkin'\n"


def test_an_empty_listing_says_so_in_one_line() -> None:
    assert listing_lines((), (), 0) == [NOTHING_TO_SUGGEST]
