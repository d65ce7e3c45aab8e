"""The coach's ledger facts follow their catalogue definitions, boundaries included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from careercoach.domain.coach_facts import CoachData, Facts, compute_facts
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.profile import Profile

TODAY = dt.date(2026, 3, 18)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def entry(
    days_ago: int,
    kind: ContributionKind = ContributionKind.DELIVERY,
    *,
    beneficiary: str = "",
    quote: str = "",
    evidence: EvidenceStrength = EvidenceStrength.SELF_CLAIM,
) -> Contribution:
    return Contribution(
        ago(days_ago),
        f"{kind.value} {days_ago} days ago",
        kind,
        beneficiary=beneficiary,
        feedback_quote=quote,
        evidence=evidence,
    )


def facts(*entries: Contribution) -> Facts:
    return compute_facts(CoachData(TODAY, Profile(), entries=entries))


def helping(days_ago: int) -> Contribution:
    return entry(days_ago, ContributionKind.MENTORING)


# Each windowed count, its window and an entry it counts.
WINDOWED: list[tuple[str, int, Callable[[int], Contribution]]] = [
    ("entries_30d", 30, entry),
    ("helping_entries_30d", 30, helping),
    ("helping_entries_90d", 90, helping),
    ("people_helped_90d", 90, lambda d: entry(d, beneficiary=f"Person {d}")),
    ("helping_quotes_90d", 90, lambda d: entry(d, ContributionKind.TESTS, quote="Thanks!")),
    (
        "peer_confirmed_60d",
        60,
        lambda d: entry(d, evidence=EvidenceStrength.PEER_CONFIRMED),
    ),
    ("docs_or_tests_60d", 60, lambda d: entry(d, ContributionKind.DOCUMENTATION)),
    ("knowledge_sharing_90d", 90, lambda d: entry(d, ContributionKind.KNOWLEDGE_SHARING)),
]


@pytest.mark.parametrize(("name", "days", "make"), WINDOWED, ids=[w[0] for w in WINDOWED])
def test_a_window_of_n_days_runs_from_today_minus_n_through_today(
    name: str, days: int, make: Callable[[int], Contribution]
) -> None:
    assert facts(make(0))[name] == 1
    assert facts(make(days))[name] == 1
    assert facts(make(days + 1))[name] == 0
    assert facts(make(-1))[name] == 0
    assert facts(make(0), make(days), make(days + 1), make(-1))[name] == 2


@pytest.mark.parametrize(("name", "days", "make"), WINDOWED, ids=[w[0] for w in WINDOWED])
def test_windowed_counts_are_zero_for_an_empty_ledger(
    name: str, days: int, make: Callable[[int], Contribution]
) -> None:
    assert facts()[name] == 0


def test_entries_total_counts_every_entry_whatever_its_date() -> None:
    assert facts()["entries_total"] == 0
    assert facts(entry(0), entry(5000), entry(-3), helping(1))["entries_total"] == 4


def test_entries_30d_counts_every_kind() -> None:
    every_kind = [entry(3, kind) for kind in ContributionKind]
    assert facts(*every_kind)["entries_30d"] == len(ContributionKind)


def test_days_since_last_entry_ignores_future_entries() -> None:
    assert facts(entry(40), entry(12), entry(-2))["days_since_last_entry"] == 12
    assert facts(entry(0), entry(9))["days_since_last_entry"] == 0


def test_days_since_last_entry_is_null_without_a_past_entry() -> None:
    assert facts()["days_since_last_entry"] is None
    assert facts(entry(-1))["days_since_last_entry"] is None


@pytest.mark.parametrize(
    ("item", "helps"),
    [
        (entry(1, ContributionKind.MENTORING), True),
        (entry(1, ContributionKind.CODE_REVIEW), True),
        (entry(1, ContributionKind.BUG_CAUGHT), True),
        (entry(1, ContributionKind.INTERVIEWING), False),
        (entry(1, ContributionKind.INTERVIEWING, beneficiary="The data team"), True),
        (entry(1, ContributionKind.DELIVERY), False),
        (entry(1, ContributionKind.DELIVERY, beneficiary="Sam"), True),
        (entry(1, ContributionKind.OTHER), False),
    ],
    ids=[
        "mentoring",
        "code-review",
        "bug-caught",
        "interviewing-alone",
        "interviewing-for-someone",
        "delivery-alone",
        "delivery-for-someone",
        "other-alone",
    ],
)
def test_helping_others_is_a_helping_kind_or_an_entry_naming_a_beneficiary(
    item: Contribution, helps: bool
) -> None:
    found = facts(item)
    assert found["helping_entries_30d"] == int(helps)
    assert found["helping_entries_90d"] == int(helps)
    assert found["days_since_helping_entry"] == (1 if helps else None)
    by_kind = found["helping_by_kind_30d"]
    assert isinstance(by_kind, dict)
    assert by_kind[item.kind.value] == int(helps)


def test_helping_by_kind_has_every_kind_as_a_key_with_zero() -> None:
    every_kind = {kind.value: 0 for kind in ContributionKind}
    assert facts()["helping_by_kind_30d"] == every_kind
    assert facts()["helping_by_kind_90d"] == every_kind


def test_helping_by_kind_counts_helping_entries_per_kind_in_each_window() -> None:
    found = facts(
        entry(0, ContributionKind.TESTS),
        entry(30, ContributionKind.TESTS),
        entry(31, ContributionKind.TESTS),
        entry(90, ContributionKind.MENTORING),
        entry(91, ContributionKind.MENTORING),
        entry(2, ContributionKind.INTERVIEWING, beneficiary="Recruiting"),
        entry(2, ContributionKind.INTERVIEWING),
        entry(2, ContributionKind.DELIVERY),
        entry(-1, ContributionKind.TESTS),
    )
    zero = {kind.value: 0 for kind in ContributionKind}
    assert found["helping_by_kind_30d"] == zero | {"tests": 2, "interviewing": 1}
    assert found["helping_by_kind_90d"] == zero | {"tests": 3, "mentoring": 1, "interviewing": 1}


def test_days_since_helping_entry_skips_later_entries_that_help_nobody() -> None:
    found = facts(helping(20), entry(2), entry(1, ContributionKind.INTERVIEWING), helping(-5))
    assert found["days_since_helping_entry"] == 20
    assert found["days_since_last_entry"] == 1


def test_days_since_helping_entry_has_no_window() -> None:
    assert facts(helping(400))["days_since_helping_entry"] == 400


def test_days_since_helping_entry_is_null_without_a_past_helping_entry() -> None:
    assert facts()["days_since_helping_entry"] is None
    assert facts(entry(3), helping(-1))["days_since_helping_entry"] is None


def test_people_helped_are_distinct_beneficiaries_ignoring_case() -> None:
    found = facts(
        entry(1, ContributionKind.MENTORING, beneficiary="Priya"),
        entry(2, ContributionKind.TESTS, beneficiary="priya"),
        entry(3, ContributionKind.DELIVERY, beneficiary="PRIYA"),
        entry(4, ContributionKind.CODE_REVIEW, beneficiary="Sam"),
        entry(5, ContributionKind.INTERVIEWING, beneficiary="Straße team"),
        entry(6, ContributionKind.INTERVIEWING, beneficiary="STRASSE TEAM"),
        entry(7, ContributionKind.MENTORING),
        entry(91, ContributionKind.MENTORING, beneficiary="Alex"),
    )
    assert found["people_helped_90d"] == 3


def test_helping_quotes_count_helping_entries_that_carry_a_quote() -> None:
    found = facts(
        entry(1, ContributionKind.TESTS, quote="Saved me a day"),
        entry(2, ContributionKind.DELIVERY, beneficiary="Ops", quote="Great"),
        entry(3, ContributionKind.DELIVERY, quote="Shipped on time"),
        entry(4, ContributionKind.MENTORING),
        entry(91, ContributionKind.MENTORING, quote="Old news"),
    )
    assert found["helping_quotes_90d"] == 2


@pytest.mark.parametrize(
    ("evidence", "counted"),
    [
        (EvidenceStrength.SELF_CLAIM, 0),
        (EvidenceStrength.ARTIFACT, 0),
        (EvidenceStrength.PEER_CONFIRMED, 1),
        (EvidenceStrength.MANAGER_AGREED, 1),
    ],
)
def test_peer_confirmed_counts_peer_confirmed_and_manager_agreed(
    evidence: EvidenceStrength, counted: int
) -> None:
    assert facts(entry(10, evidence=evidence))["peer_confirmed_60d"] == counted


@pytest.mark.parametrize(
    ("kind", "counted"),
    [
        (kind, int(kind.value in {"documentation", "examples", "tests"}))
        for kind in ContributionKind
    ],
    ids=[kind.value for kind in ContributionKind],
)
def test_docs_or_tests_counts_documentation_examples_and_tests(
    kind: ContributionKind, counted: int
) -> None:
    assert facts(entry(10, kind, beneficiary="Priya"))["docs_or_tests_60d"] == counted


@pytest.mark.parametrize(
    ("kind", "counted"),
    [(kind, int(kind is ContributionKind.KNOWLEDGE_SHARING)) for kind in ContributionKind],
    ids=[kind.value for kind in ContributionKind],
)
def test_knowledge_sharing_counts_only_that_kind(kind: ContributionKind, counted: int) -> None:
    assert facts(entry(10, kind))["knowledge_sharing_90d"] == counted
