"""The coach's prototype facts: stages, lone prototypes, unvalidated builds, no appetite."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.domain.coach_facts import CoachData, Facts, compute_facts
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange

TODAY = dt.date(2026, 3, 18)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def prototype(
    title: str,
    *stages: Stage,
    started: int = 30,
    hours: float | None = None,
    consulted: int = 0,
    shelved_because: ShelveReason | None = None,
    shelved: int = 0,
) -> Prototype:
    """Stages a day apart from ``started`` days ago; a shelved stage ends ``shelved`` days ago."""
    history = []
    for index, stage in enumerate(stages):
        if stage is Stage.SHELVED:
            history.append(StageChange(stage, ago(shelved), shelved_because=shelved_because))
        else:
            history.append(StageChange(stage, ago(started - index)))
    return Prototype(title, tuple(history), hours=hours, consulted_count=consulted)


def facts(*prototypes: Prototype) -> Facts:
    return compute_facts(CoachData(TODAY, Profile(), prototypes=prototypes))


def test_without_prototypes() -> None:
    found = facts()
    assert found["prototypes_by_stage"] == {stage.value: 0 for stage in Stage}
    assert found["prototypes_in_flight"] == 0
    assert found["lone_prototype_hours"] == 0
    assert found["lone_prototype_title"] == ""
    assert found["lone_prototype_consulted"] == 0
    assert found["built_without_validating"] == 0
    assert found["unvalidated_prototype_title"] == ""
    assert found["shelved_no_appetite_365d"] == 0


def test_prototypes_are_counted_by_their_current_stage() -> None:
    found = facts(
        prototype("a", Stage.IDEA),
        prototype("b", Stage.IDEA, Stage.VALIDATING, Stage.BUILDING),
        prototype("c", Stage.IDEA, Stage.BUILDING),
        prototype("d", Stage.IDEA, Stage.BUILDING, Stage.DEMO, Stage.ADOPTED),
        prototype("e", Stage.IDEA, Stage.SHELVED),
    )
    zero = {stage.value: 0 for stage in Stage}
    assert found["prototypes_by_stage"] == zero | {
        "idea": 1,
        "building": 2,
        "adopted": 1,
        "shelved": 1,
    }
    assert found["prototypes_in_flight"] == 3


@pytest.mark.parametrize(
    ("stages", "in_flight"),
    [
        ((Stage.IDEA,), 1),
        ((Stage.VALIDATING,), 1),
        ((Stage.BUILDING,), 1),
        ((Stage.DEMO,), 1),
        ((Stage.IDEA, Stage.ADOPTED), 0),
        ((Stage.IDEA, Stage.SHELVED), 0),
    ],
)
def test_in_flight_means_neither_adopted_nor_shelved(
    stages: tuple[Stage, ...], in_flight: int
) -> None:
    assert facts(prototype("p", *stages))["prototypes_in_flight"] == in_flight


@pytest.mark.parametrize(
    ("stages", "lone"),
    [
        ((Stage.IDEA,), False),
        ((Stage.VALIDATING,), True),
        ((Stage.IDEA, Stage.BUILDING), True),
        ((Stage.IDEA, Stage.BUILDING, Stage.DEMO), True),
        ((Stage.IDEA, Stage.BUILDING, Stage.ADOPTED), False),
        ((Stage.IDEA, Stage.BUILDING, Stage.SHELVED), False),
    ],
    ids=["idea", "validating", "building", "demo", "adopted", "shelved"],
)
def test_a_lone_prototype_is_at_validating_building_or_demo(
    stages: tuple[Stage, ...], lone: bool
) -> None:
    found = facts(prototype("Churn model", *stages, hours=40, consulted=1))
    assert found["lone_prototype_hours"] == (40 if lone else 0)
    assert found["lone_prototype_title"] == ("Churn model" if lone else "")
    assert found["lone_prototype_consulted"] == (1 if lone else 0)


@pytest.mark.parametrize(("consulted", "lone"), [(0, True), (1, True), (2, False), (9, False)])
def test_a_lone_prototype_has_fewer_than_two_people_consulted(consulted: int, lone: bool) -> None:
    found = facts(prototype("Churn model", Stage.BUILDING, hours=12.5, consulted=consulted))
    assert found["lone_prototype_hours"] == (12.5 if lone else 0)
    assert found["lone_prototype_consulted"] == (consulted if lone else 0)


def test_the_lone_prototype_is_the_one_with_the_most_hours() -> None:
    found = facts(
        prototype("Small", Stage.BUILDING, hours=5, consulted=0),
        prototype("Big", Stage.DEMO, hours=60, consulted=1),
        prototype("Shared", Stage.BUILDING, hours=300, consulted=4),
        prototype("Dreamt", Stage.IDEA, hours=500),
        prototype("Unlogged", Stage.VALIDATING, hours=None),
    )
    assert found["lone_prototype_hours"] == 60
    assert found["lone_prototype_title"] == "Big"
    assert found["lone_prototype_consulted"] == 1


def test_a_lone_prototype_without_hours_counts_as_zero_hours() -> None:
    found = facts(prototype("Unlogged", Stage.VALIDATING, hours=None, consulted=1))
    assert found["lone_prototype_hours"] == 0
    assert found["lone_prototype_title"] == "Unlogged"
    assert found["lone_prototype_consulted"] == 1


@pytest.mark.parametrize(
    ("stages", "counted"),
    [
        ((Stage.BUILDING,), 1),
        ((Stage.IDEA, Stage.BUILDING), 1),
        ((Stage.IDEA, Stage.DEMO), 1),
        ((Stage.IDEA, Stage.BUILDING, Stage.DEMO), 1),
        ((Stage.IDEA, Stage.VALIDATING, Stage.BUILDING), 0),
        ((Stage.VALIDATING, Stage.DEMO), 0),
        ((Stage.IDEA,), 0),
        ((Stage.IDEA, Stage.BUILDING, Stage.ADOPTED), 0),
        ((Stage.IDEA, Stage.BUILDING, Stage.SHELVED), 0),
    ],
)
def test_built_without_validating_counts_building_or_demo_never_validated(
    stages: tuple[Stage, ...], counted: int
) -> None:
    found = facts(prototype("Dashboard", *stages))
    assert found["built_without_validating"] == counted
    assert found["unvalidated_prototype_title"] == ("Dashboard" if counted else "")


def test_the_unvalidated_title_is_the_most_recently_started() -> None:
    found = facts(
        prototype("Older", Stage.IDEA, Stage.DEMO, started=90),
        prototype("Newest", Stage.BUILDING, started=10),
        prototype("Validated", Stage.VALIDATING, Stage.BUILDING, started=2),
        prototype("Middle", Stage.IDEA, Stage.BUILDING, started=40),
    )
    assert found["built_without_validating"] == 3
    assert found["unvalidated_prototype_title"] == "Newest"


@pytest.mark.parametrize(("shelved", "counted"), [(0, 1), (365, 1), (366, 0), (-1, 0)])
def test_shelved_for_no_appetite_in_the_last_365_days(shelved: int, counted: int) -> None:
    shelf = prototype(
        "Recommender",
        Stage.IDEA,
        Stage.SHELVED,
        started=800,
        shelved_because=ShelveReason.NO_APPETITE,
        shelved=shelved,
    )
    assert facts(shelf)["shelved_no_appetite_365d"] == counted


@pytest.mark.parametrize(
    "reason", [None, *(r for r in ShelveReason if r is not ShelveReason.NO_APPETITE)]
)
def test_other_shelve_reasons_are_not_no_appetite(reason: ShelveReason | None) -> None:
    shelf = prototype("Recommender", Stage.IDEA, Stage.SHELVED, shelved_because=reason, shelved=5)
    assert facts(shelf)["shelved_no_appetite_365d"] == 0


def test_a_prototype_revived_after_a_no_appetite_shelving_is_not_counted() -> None:
    revived = Prototype(
        "Recommender",
        (
            StageChange(Stage.IDEA, ago(50)),
            StageChange(Stage.SHELVED, ago(40), shelved_because=ShelveReason.NO_APPETITE),
            StageChange(Stage.IDEA, ago(10)),
        ),
    )
    assert facts(revived)["shelved_no_appetite_365d"] == 0


def test_several_no_appetite_shelvings_add_up() -> None:
    shelves = [
        prototype(
            f"Idea {n}",
            Stage.IDEA,
            Stage.SHELVED,
            started=400,
            shelved_because=ShelveReason.NO_APPETITE,
            shelved=n * 100,
        )
        for n in range(5)
    ]
    assert facts(*shelves)["shelved_no_appetite_365d"] == 4
