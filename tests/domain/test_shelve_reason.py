"""Why a prototype was shelved: the categories, where they may be given and what carries them."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.domain.coach_facts import CoachData, compute_facts
from careercoach.domain.demo_data import demo_data
from careercoach.domain.evidence_checks import FieldProblem, InvalidRecordError
from careercoach.domain.prototype import (
    Prototype,
    ShelveReason,
    Stage,
    StageChange,
    checked_prototype,
    prototype_problems,
    with_stage,
)

TODAY = dt.date(2026, 5, 20)
SHELVED_BECAUSE_PROBLEM = FieldProblem(
    "shelved because", "only applies to a move to the shelved stage"
)


def an_idea() -> Prototype:
    return Prototype("Feature store", (StageChange(Stage.IDEA, dt.date(2026, 3, 1)),), id=4)


def test_the_values_are_the_cli_tokens() -> None:
    assert [reason.value for reason in ShelveReason] == [
        "no-appetite",
        "not-feasible",
        "superseded",
        "no-time",
        "other",
    ]


def test_every_reason_reads_as_a_phrase_of_its_own() -> None:
    labels = {reason: reason.label for reason in ShelveReason}
    assert labels[ShelveReason.NO_APPETITE] == "No appetite in the organisation"
    assert labels[ShelveReason.OTHER] == "Other reason"
    assert len(set(labels.values())) == len(ShelveReason)
    assert all(label.strip() == label and label[0].isupper() for label in labels.values())


@pytest.mark.parametrize("stage", [stage for stage in Stage if stage is not Stage.SHELVED])
def test_a_category_on_any_other_stage_is_refused_naming_the_field(stage: Stage) -> None:
    prototype = Prototype(
        "Feature store", (StageChange(stage, dt.date(2026, 3, 1), "", ShelveReason.NO_TIME),)
    )
    assert prototype_problems(prototype, TODAY) == (SHELVED_BECAUSE_PROBLEM,)
    with pytest.raises(InvalidRecordError, match="shelved because") as raised:
        checked_prototype(prototype, TODAY)
    assert raised.value.problems == (SHELVED_BECAUSE_PROBLEM,)


def test_a_shelved_first_stage_may_carry_a_category() -> None:
    history = (StageChange(Stage.SHELVED, dt.date(2026, 3, 1), "", ShelveReason.SUPERSEDED),)
    prototype = checked_prototype(Prototype("Feature store", history), TODAY)
    assert prototype.shelved_because is ShelveReason.SUPERSEDED


def test_with_stage_carries_the_category_and_the_free_text() -> None:
    moved = with_stage(
        an_idea(),
        Stage.SHELVED,
        dt.date(2026, 5, 2),
        "  Platform will extend theirs  ",
        TODAY,
        ShelveReason.NO_APPETITE,
    )
    assert moved.history[-1] == StageChange(
        Stage.SHELVED, dt.date(2026, 5, 2), "Platform will extend theirs", ShelveReason.NO_APPETITE
    )
    assert moved.shelved_because is ShelveReason.NO_APPETITE
    assert moved.shelved_reason == "Platform will extend theirs"


def test_with_stage_without_a_category_leaves_it_unsaid() -> None:
    moved = with_stage(an_idea(), Stage.SHELVED, dt.date(2026, 5, 2), "", TODAY)
    assert moved.stage is Stage.SHELVED
    assert moved.shelved_because is None


def test_with_stage_refuses_a_category_for_another_stage() -> None:
    with pytest.raises(InvalidRecordError, match="shelved because") as raised:
        with_stage(an_idea(), Stage.BUILDING, dt.date(2026, 5, 2), "", TODAY, ShelveReason.NO_TIME)
    assert raised.value.problems == (SHELVED_BECAUSE_PROBLEM,)


def test_taking_it_off_the_shelf_keeps_the_category_in_the_history_only() -> None:
    shelved = with_stage(
        an_idea(), Stage.SHELVED, dt.date(2026, 4, 1), "", TODAY, ShelveReason.NO_TIME
    )
    revived = with_stage(shelved, Stage.VALIDATING, dt.date(2026, 5, 2), "", TODAY)
    assert revived.shelved_because is None
    assert revived.history[1].shelved_because is ShelveReason.NO_TIME


def test_the_demo_shelves_one_prototype_for_lack_of_appetite_below_the_coach_threshold() -> None:
    data = demo_data(TODAY)
    [shelved] = [p for p in data.prototypes if p.stage is Stage.SHELVED]
    assert shelved.shelved_reason.startswith("No appetite from the platform team")
    assert shelved.shelved_because is ShelveReason.NO_APPETITE
    with_category = [c for p in data.prototypes for c in p.history if c.shelved_because]
    assert with_category == [shelved.history[-1]]
    facts = compute_facts(CoachData(TODAY, data.profile, prototypes=data.prototypes))
    # The coach's "no-appetite" rule speaks at two or more: the demo must stay quiet.
    assert facts["shelved_no_appetite_365d"] == 1
