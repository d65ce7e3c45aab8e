"""Validation of ledger entries, prototypes and check-ins names every problem in plain words."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.domain.checkin import CheckIn, IsoWeek, checked_checkin, checkin_problems
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.contribution_checks import checked_contribution, contribution_problems
from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import InvalidRecordError, parse_date, parse_token
from careercoach.domain.ledger_filter import LedgerFilter, filtered
from careercoach.domain.prototype import (
    Prototype,
    Stage,
    StageChange,
    checked_prototype,
    prototype_problems,
    with_stage,
)
from careercoach.domain.rubric import Rubric

TODAY = dt.date(2026, 11, 27)


def entry(**changes: object) -> Contribution:
    base = Contribution(TODAY, "Reviewed the churn PR", ContributionKind.CODE_REVIEW)
    return Contribution(**{**base.__dict__, **changes})  # type: ignore[arg-type]  # any field


def test_a_plain_entry_is_valid_and_trimmed() -> None:
    cleaned = checked_contribution(entry(title="  Docs  ", links=(" https://x ", " ")), TODAY)
    assert cleaned.title == "Docs"
    assert cleaned.links == ("https://x",)


def test_every_problem_of_an_entry_is_named_at_once() -> None:
    bad = entry(
        title="  ",
        date=TODAY + dt.timedelta(days=1),
        hours=-1.0,
        rubric=Rubric(ambiguity=0, complexity=6),
        competencies=("Not An Id",),
    )
    fields = [problem.field for problem in contribution_problems(bad, TODAY)]
    assert fields == ["date", "title", "hours", "ambiguity", "complexity", "competencies"]
    with pytest.raises(InvalidRecordError) as caught:
        checked_contribution(bad, TODAY)
    assert caught.value.code == "entry-invalid"
    assert "title: is required" in caught.value.message
    assert "ambiguity: must be from 1 to 5, not 0" in caught.value.message
    assert "2026-11-28 is in the future" in caught.value.message


@pytest.mark.parametrize("hours", [float("nan"), float("inf"), 1000.5])
def test_hours_must_be_a_sensible_number(hours: float) -> None:
    problems = contribution_problems(entry(hours=hours), TODAY)
    assert [problem.field for problem in problems] == ["hours"]


def test_helping_others_is_a_helping_kind_or_a_named_beneficiary() -> None:
    assert entry(kind=ContributionKind.TESTS).helps_others
    assert not entry(kind=ContributionKind.DELIVERY).helps_others
    assert entry(kind=ContributionKind.DELIVERY, beneficiary="Ops team").helps_others
    assert not entry(kind=ContributionKind.INTERVIEWING).helps_others


def test_tokens_parse_case_insensitively_and_list_the_choices() -> None:
    assert parse_token(EvidenceStrength, "Peer-Confirmed", "evidence") is (
        EvidenceStrength.PEER_CONFIRMED
    )
    with pytest.raises(UserError, match=r"unknown kind 'docs' \(choose one of: documentation,"):
        parse_token(ContributionKind, "docs", "kind")
    with pytest.raises(UserError, match="'2026-13-01' is not a date of the form YYYY-MM-DD"):
        parse_date("2026-13-01")
    assert [strength.rank for strength in EvidenceStrength] == [1, 2, 3, 4]


def test_the_filter_combines_kind_dates_competency_and_every_search_word() -> None:
    entries = [
        entry(title="Wrote docs for Priya", kind=ContributionKind.DOCUMENTATION),
        entry(title="Paired with Tom", kind=ContributionKind.MENTORING, competencies=("x",)),
        entry(title="Old docs", kind=ContributionKind.DOCUMENTATION, date=dt.date(2025, 1, 1)),
    ]
    titles = [e.title for e in filtered(entries, LedgerFilter(text="DOCS priya"))]
    assert titles == ["Wrote docs for Priya"]
    docs = LedgerFilter(
        kinds=frozenset({ContributionKind.DOCUMENTATION}), since=dt.date(2026, 1, 1)
    )
    assert [e.title for e in filtered(entries, docs)] == ["Wrote docs for Priya"]
    assert [e.title for e in filtered(entries, LedgerFilter(competency="x"))] == [
        "Paired with Tom"
    ]
    until = LedgerFilter(until=dt.date(2025, 1, 1))
    assert [e.title for e in filtered(entries, until)] == ["Old docs"]
    assert LedgerFilter(text="  ").is_empty
    assert not LedgerFilter(text="a").is_empty


def prototype(*stages: tuple[Stage, int], **changes: object) -> Prototype:
    history = tuple(StageChange(stage, TODAY - dt.timedelta(days=ago)) for stage, ago in stages)
    fields: dict[str, object] = {"title": "Churn demo", "history": history, **changes}
    return Prototype(**fields)  # type: ignore[arg-type]  # test helper over any field


def test_a_prototype_moves_through_dated_stages() -> None:
    started = prototype((Stage.IDEA, 30))
    moved = with_stage(started, Stage.VALIDATING, TODAY - dt.timedelta(days=20), "", TODAY)
    moved = with_stage(moved, Stage.SHELVED, TODAY, "no appetite", TODAY)
    assert moved.stage is Stage.SHELVED
    assert moved.shelved_reason == "no appetite"
    assert moved.started == TODAY - dt.timedelta(days=30)
    assert moved.passed_through(Stage.VALIDATING)
    assert not moved.passed_through(Stage.BUILDING)


def test_stage_changes_cannot_repeat_or_go_back_in_time() -> None:
    started = prototype((Stage.IDEA, 10))
    with pytest.raises(UserError, match="already at the stage 'idea'"):
        with_stage(started, Stage.IDEA, TODAY, "", TODAY)
    with pytest.raises(UserError, match="before its last stage change"):
        with_stage(started, Stage.BUILDING, TODAY - dt.timedelta(days=11), "", TODAY)
    with pytest.raises(InvalidRecordError, match="is in the future"):
        with_stage(started, Stage.BUILDING, TODAY + dt.timedelta(days=1), "", TODAY)


def test_prototype_problems_cover_title_people_and_history() -> None:
    bad = prototype(
        (Stage.IDEA, 5),
        (Stage.BUILDING, 9),
        title="",
        people_consulted=("Ann", "Bo"),
        consulted_count=1,
    )
    messages = [str(problem) for problem in prototype_problems(bad, TODAY)]
    assert "title: is required" in messages
    assert "consulted: is smaller than the number of people named as consulted" in messages
    assert any(message.startswith("stage date: ") for message in messages)
    assert prototype_problems(prototype(), TODAY)[0].field == "stage"


def test_checked_prototype_counts_named_people() -> None:
    cleaned = checked_prototype(
        prototype((Stage.IDEA, 1), people_consulted=(" Ann ", "Ann", "Bo", " ")), TODAY
    )
    assert cleaned.people_consulted == ("Ann", "Bo")
    assert cleaned.consulted_count == 2


def test_iso_weeks_parse_and_refuse_impossible_weeks() -> None:
    week = IsoWeek.parse("2026-W53")
    assert (week.monday, week.sunday) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert str(IsoWeek.of(dt.date(2027, 1, 1))) == "2026-W53"
    assert IsoWeek.parse("2026-W01").previous() == IsoWeek(2025, 52)
    with pytest.raises(UserError, match="has no week 53"):
        IsoWeek.parse("2025-W53")
    with pytest.raises(UserError, match="not of the form YYYY-Www"):
        IsoWeek.parse("2026-48")


def test_checkin_hours_must_fit_in_a_week_and_the_week_must_have_started() -> None:
    this_week = IsoWeek.of(TODAY)
    assert checked_checkin(CheckIn(this_week, 30, 6, 2, 2, " ok "), TODAY).note == "ok"
    too_many = CheckIn(this_week, 100, 50, 10, 10)
    assert [str(p) for p in checkin_problems(too_many, TODAY)] == [
        "hours: add up to 170, more than a week's 168"
    ]
    negative = CheckIn(this_week, -1, 0, 0, 0)
    assert [p.field for p in checkin_problems(negative, TODAY)] == ["assigned"]
    next_week = CheckIn(IsoWeek.of(TODAY + dt.timedelta(days=7)), 1, 1, 1, 1)
    with pytest.raises(InvalidRecordError, match="has not started yet"):
        checked_checkin(next_week, TODAY)


def test_a_negative_consulted_count_is_refused_not_clamped() -> None:
    with pytest.raises(InvalidRecordError, match="consulted: must be a whole number"):
        checked_prototype(prototype((Stage.IDEA, 1), consulted_count=-3), TODAY)


@pytest.mark.parametrize("text", ["20261127", "2026-W48-5", "2026-11-27T10:00"])
def test_dates_must_be_written_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(UserError, match="not a date of the form YYYY-MM-DD"):
        parse_date(text)


def test_one_line_fields_refuse_line_breaks_and_control_characters() -> None:
    bad = entry(title="multi\nline", project="red\x1b[31m", links=("https://a\nb",))
    fields = [problem.field for problem in contribution_problems(bad, TODAY)]
    assert fields == ["title", "project", "links"]
    fine = entry(outcome="Two lines\nand a\ttab", feedback_quote="quote\r\nnext")
    cleaned = checked_contribution(fine, TODAY)
    assert cleaned.feedback_quote == "quote\nnext"  # one way to write a line break
    with pytest.raises(InvalidRecordError, match="outcome: contains control characters"):
        checked_contribution(entry(outcome="bell\x07"), TODAY)


def test_hours_are_kept_to_hundredths_everywhere() -> None:
    assert checked_contribution(entry(hours=2.3333333), TODAY).hours == 2.33
    proto = checked_prototype(prototype((Stage.IDEA, 1), hours=7.255), TODAY)
    assert proto.hours == pytest.approx(7.25, abs=0.011)
    checkin = checked_checkin(CheckIn(IsoWeek.of(TODAY), 7.257, 0.333, 0, 1), TODAY)
    assert (checkin.assigned_hours, checkin.helping_hours) == (7.26, 0.33)
