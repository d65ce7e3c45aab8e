"""``careercoach demo``: fills an empty database once, and never touches real data."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.test_evidence_cli import app_services, cli, stored

SUMMARY = re.compile(
    r"filled the database with a demo year for (?P<name>.+): (?P<entries>\d+) entries, "
    r"(?P<prototypes>\d+) prototypes, (?P<checkins>\d+) check-ins, "
    r"(?P<assessments>\d+) assessments\n"
)


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = cli(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_demo_fills_an_empty_database(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "demo")
    assert (code, err) == (0, "")
    summary = SUMMARY.fullmatch(out)
    assert summary is not None, out
    assert summary["name"] == "Sam Rivera"

    entries = listed(capsys, "log", "list")
    assert isinstance(entries, dict)
    assert len(entries["entries"]) == int(summary["entries"]) > 0
    prototypes = listed(capsys, "prototype", "list")
    assert isinstance(prototypes, dict)
    assert len(prototypes["prototypes"]) == int(summary["prototypes"]) > 0
    with app_services() as services:
        assert len(services.checkins.checkins()) == int(summary["checkins"]) > 0
    profile = listed(capsys, "profile", "show")
    assert isinstance(profile, dict)
    assert profile["profile"]["name"] == "Sam Rivera"
    with app_services() as services:
        assert len(services.assessments.history()) == int(summary["assessments"]) == 4
    shown = listed(capsys, "assess", "show")
    assert isinstance(shown, dict)
    latest = shown["assessment"]
    assert (latest["ladder_id"], latest["target_level_id"]) == ("data-science-ic", "senior")
    assert latest["estimate"]["level"] == "mid"
    assert [gap["competency_id"] for gap in latest["gaps"]] == [
        "ambiguity-and-scope",
        "delivery",
        "direction",
    ]
    assert latest["unsupported"] == ["direction"]
    entry_ids = {entry["id"] for entry in entries["entries"]}
    assert {i for rating in latest["ratings"] for i in rating["evidence_ids"]} <= entry_ids


def test_demo_twice_is_refused_and_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "demo")[0] == 0
    before = stored()
    code, out, err = cli(capsys, "demo")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("careercoach: ")
    assert "already holds" in err
    assert stored() == before
    with app_services() as services:
        assert len(services.assessments.history()) == 4


def test_demo_never_mixes_with_the_users_own_entries(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "log", "add", "--kind", "tests", "--title", "Mine")[0] == 0
    before = stored()
    code, out, err = cli(capsys, "demo")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "already holds" in err
    assert stored() == before
    profile = listed(capsys, "profile", "show")
    assert isinstance(profile, dict)
    assert profile["profile"]["is_default"] is True


def test_demo_takes_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "demo", "--now")
    assert (code, out) == (2, "")
    assert "unrecognized arguments: --now" in err
    assert len(err.splitlines()) == 1
