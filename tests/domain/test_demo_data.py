"""The demo year: valid, realistic in shape, and the same records whatever the end date."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import replace

import pytest

from careercoach.domain.checkin import IsoWeek, checkin_problems
from careercoach.domain.contribution import (
    HELPING_KINDS,
    Contribution,
    ContributionKind,
    EvidenceStrength,
)
from careercoach.domain.contribution_checks import contribution_problems
from careercoach.domain.demo_data import DEMO_SEED, DemoData, demo_data
from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_codec import parse_ladder_bytes
from careercoach.domain.prototype import Stage, prototype_problems
from careercoach.domain.rubric import Size
from careercoach.resources import builtin_ladder_files

TODAYS = [dt.date(2026, 1, 1), dt.date(2028, 2, 29), dt.date(2025, 6, 15), dt.date(2027, 1, 3)]
TODAY = dt.date(2026, 3, 11)


def _builtin_ladder(ladder_id: str) -> Ladder:
    path = next(path for path in builtin_ladder_files() if path.stem == ladder_id)
    return parse_ladder_bytes(path.read_bytes(), "toml")


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@pytest.fixture(scope="module")
def data() -> DemoData:
    return demo_data(TODAY)


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_every_record_passes_the_validators(today: dt.date) -> None:
    data = demo_data(today)
    for entry in data.entries:
        assert contribution_problems(entry, today) == (), entry.title
    for prototype in data.prototypes:
        assert prototype_problems(prototype, today) == (), prototype.title
    for checkin in data.checkins:
        assert checkin_problems(checkin, today) == (), str(checkin.week)


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_everything_lies_within_the_year_ending_today(today: dt.date) -> None:
    data = demo_data(today)
    year_ago = today - dt.timedelta(days=365)
    dates = [entry.date for entry in data.entries]
    dates += [change.date for prototype in data.prototypes for change in prototype.history]
    assert year_ago <= min(dates)
    assert max(dates) <= today
    weeks = [checkin.week for checkin in data.checkins]
    assert max(weeks) < IsoWeek.of(today)
    assert min(weeks).monday >= year_ago - dt.timedelta(days=6)
    assert IsoWeek.of(today) not in weeks


def test_the_profile_is_a_mid_level_data_scientist_aiming_for_senior(data: DemoData) -> None:
    profile = data.profile
    assert profile.name == "Sam Rivera"
    assert profile.role == "Data Scientist"
    assert profile.ladder_id == "data-science-ic"
    assert profile.target_level_id == "senior"
    assert profile.target_level_id in _builtin_ladder("data-science-ic").level_ids
    assert profile.one_on_one_every_days == 14
    assert profile.next_one_on_one is not None
    assert 1 <= (profile.next_one_on_one - TODAY).days <= 14
    assert profile.is_default is False


def test_ledger_has_about_two_hundred_entries_of_every_kind(data: DemoData) -> None:
    assert 190 <= len(data.entries) <= 220
    assert {entry.kind for entry in data.entries} == set(ContributionKind)
    assert all(entry.id is None for entry in data.entries)
    assert [entry.date for entry in data.entries] == sorted(entry.date for entry in data.entries)


def test_recent_month_is_busy(data: DemoData) -> None:
    recent = [entry for entry in data.entries if (TODAY - entry.date).days < 30]
    assert len(recent) >= 12


def test_ledger_is_weighted_toward_helping_others(data: DemoData) -> None:
    helping = [entry for entry in data.entries if entry.kind in HELPING_KINDS]
    assert len(helping) / len(data.entries) >= 0.7
    assert len({entry.beneficiary for entry in helping if entry.beneficiary}) >= 10
    assert len({entry.project for entry in data.entries if entry.project}) == 8


def test_hours_and_rubric_vary_sensibly_by_kind(data: DemoData) -> None:
    hours = [entry.hours for entry in data.entries if entry.hours is not None]
    assert len(hours) == len(data.entries)
    assert min(hours) >= 0.5
    assert max(hours) <= 16

    def mean_of(kind: ContributionKind, factor: str) -> float:
        values = [getattr(e.rubric, factor) for e in data.entries if e.kind is kind]
        return statistics.mean(value for value in values if value is not None)

    assert mean_of(ContributionKind.DELIVERY, "ambiguity") > mean_of(
        ContributionKind.CODE_REVIEW, "ambiguity"
    )
    assert mean_of(ContributionKind.CROSS_TEAM, "cross_functional") >= 4
    assert mean_of(ContributionKind.CODE_REVIEW, "cross_functional") < 2.5
    sizes = {e.rubric.size for e in data.entries if e.kind is ContributionKind.CODE_REVIEW}
    assert sizes <= {Size.S, Size.M}


def test_later_entries_are_more_ambiguous_and_cross_functional(data: DemoData) -> None:
    def mean_rating(entries: list[Contribution], factor: str) -> float:
        return statistics.mean(
            value for e in entries if (value := getattr(e.rubric, factor)) is not None
        )

    first_quarter = [e for e in data.entries if (TODAY - e.date).days >= 270]
    last_quarter = [e for e in data.entries if (TODAY - e.date).days < 90]
    for factor in ("ambiguity", "cross_functional"):
        assert mean_rating(last_quarter, factor) > mean_rating(first_quarter, factor) + 0.2


def test_evidence_is_spread_and_peer_confirmation_is_quoted(data: DemoData) -> None:
    by_strength = {
        strength: [e for e in data.entries if e.evidence is strength]
        for strength in EvidenceStrength
    }
    assert len(by_strength[EvidenceStrength.SELF_CLAIM]) > len(
        by_strength[EvidenceStrength.PEER_CONFIRMED]
    )
    assert len(by_strength[EvidenceStrength.ARTIFACT]) > len(
        by_strength[EvidenceStrength.PEER_CONFIRMED]
    )
    assert len(by_strength[EvidenceStrength.PEER_CONFIRMED]) >= 20
    assert 1 <= len(by_strength[EvidenceStrength.MANAGER_AGREED]) <= 15
    assert all(
        e.feedback_quote.endswith(".") for e in by_strength[EvidenceStrength.PEER_CONFIRMED]
    )
    quoted = sum(1 for e in data.entries if e.feedback_quote)
    assert 0.15 <= quoted / len(data.entries) <= 0.3


def test_entries_carry_links_outcomes_and_external_challenges(data: DemoData) -> None:
    links = [link for e in data.entries for link in e.links]
    assert len(links) >= 5
    assert all(link.startswith("https://") for link in links)
    assert sum(1 for e in data.entries if e.outcome) >= 100
    assert sum(1 for e in data.entries if e.external_challenges) >= 5


def test_competency_ids_exist_in_the_builtin_ladder(data: DemoData) -> None:
    known = {competency.id for competency in _builtin_ladder("data-science-ic").competencies}
    used = [c for e in data.entries for c in e.competencies]
    used += [c for p in data.prototypes for c in p.competencies]
    assert set(used) <= known
    assert len(set(used)) >= 7
    assert all(1 <= len(e.competencies) <= 2 for e in data.entries)


def test_prototypes_cover_the_stages(data: DemoData) -> None:
    stages = [prototype.stage for prototype in data.prototypes]
    assert len(stages) >= 4
    assert {Stage.IDEA, Stage.BUILDING, Stage.SHELVED, Stage.ADOPTED} <= set(stages)
    adopted = next(p for p in data.prototypes if p.stage is Stage.ADOPTED)
    assert [change.stage for change in adopted.history] == [
        Stage.IDEA,
        Stage.VALIDATING,
        Stage.BUILDING,
        Stage.DEMO,
        Stage.ADOPTED,
    ]
    assert adopted.consulted_count >= 8
    assert adopted.reviewers
    assert adopted.dataset.licence == "CC BY 4.0"
    assert adopted.demo_link.startswith("https://")
    building = next(p for p in data.prototypes if p.stage is Stage.BUILDING)
    assert building.passed_through(Stage.VALIDATING)
    shelved = next(p for p in data.prototypes if p.stage is Stage.SHELVED)
    assert "feature store" in shelved.shelved_reason


def test_one_prototype_is_hero_development(data: DemoData) -> None:
    heroes = [
        p
        for p in data.prototypes
        if p.passed_through(Stage.BUILDING) and not p.passed_through(Stage.VALIDATING)
    ]
    assert len(heroes) == 1
    hero = heroes[0]
    assert hero.hours is not None
    assert hero.hours >= 20
    assert hero.consulted_count <= 1
    assert not hero.reviewers


def test_checkins_cover_most_weeks_with_gaps(data: DemoData) -> None:
    weeks = [checkin.week for checkin in data.checkins]
    assert len(weeks) >= 40
    assert weeks == sorted(set(weeks))
    assert weeks[-1] == IsoWeek.of(TODAY).previous()
    spanned_weeks = (weeks[-1].monday - weeks[0].monday).days // 7 + 1
    assert 3 <= spanned_weeks - len(weeks) <= 10
    for checkin in data.checkins:
        assert 22 <= checkin.assigned_hours <= 32
        assert 3 <= checkin.helping_hours <= 10
        assert 1 <= checkin.learning_hours <= 5
        assert 0 <= checkin.solo_hours <= 6
    notes = [checkin.note for checkin in data.checkins if checkin.note]
    assert 3 <= len(notes) <= len(data.checkins) // 2


def test_two_calls_give_equal_data() -> None:
    assert demo_data(TODAY) == demo_data(TODAY)
    assert isinstance(DEMO_SEED, int)


@pytest.mark.parametrize("shift", [1, 3, 7, 40, 366, -200])
def test_a_later_today_shifts_every_date_and_nothing_else(shift: int) -> None:
    delta = dt.timedelta(days=shift)
    before, after = demo_data(TODAY), demo_data(TODAY + delta)
    assert before.profile.next_one_on_one is not None
    assert after.profile == replace(
        before.profile, next_one_on_one=before.profile.next_one_on_one + delta
    )
    assert len(after.entries) == len(before.entries)
    for old, new in zip(before.entries, after.entries, strict=True):
        assert new == replace(old, date=old.date + delta)
    assert len(after.prototypes) == len(before.prototypes)
    for old_prototype, new_prototype in zip(before.prototypes, after.prototypes, strict=True):
        shifted = tuple(
            replace(change, date=change.date + delta) for change in old_prototype.history
        )
        assert new_prototype == replace(old_prototype, history=shifted)
    week_delta = _monday(TODAY + delta) - _monday(TODAY)
    assert len(after.checkins) == len(before.checkins)
    for old_checkin, new_checkin in zip(before.checkins, after.checkins, strict=True):
        moved = IsoWeek.of(old_checkin.week.monday + week_delta)
        assert new_checkin == replace(old_checkin, week=moved)
