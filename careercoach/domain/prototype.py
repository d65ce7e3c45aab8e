"""Hackathon prototypes and side projects, with a dated history of their stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from careercoach.domain.contribution import (
    EARLIEST_DATE,
    MAX_HOURS,
    MAX_LINK_LENGTH,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    MAX_TITLE_LENGTH,
)
from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import (
    FieldProblem,
    InvalidRecordError,
    check_competency_ids,
    check_date,
    check_hours,
    check_text,
    clean_hours,
    clean_text,
)

MAX_PEOPLE = 500


class Stage(StrEnum):
    """Where a prototype is; the values are the CLI tokens."""

    IDEA = "idea"
    VALIDATING = "validating"
    BUILDING = "building"
    DEMO = "demo"
    ADOPTED = "adopted"
    SHELVED = "shelved"

    @property
    def label(self) -> str:
        """The stage as a person reads it."""
        return self.value.capitalize()

    @property
    def is_finished(self) -> bool:
        """True once a prototype was adopted or shelved."""
        return self in (Stage.ADOPTED, Stage.SHELVED)


class ShelveReason(StrEnum):
    """Why a prototype was shelved, as a category the coach can count; values are CLI tokens."""

    NO_APPETITE = "no-appetite"
    NOT_FEASIBLE = "not-feasible"
    SUPERSEDED = "superseded"
    NO_TIME = "no-time"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The reason as a person reads it."""
        return _SHELVE_LABELS[self]


_SHELVE_LABELS = {
    ShelveReason.NO_APPETITE: "No appetite in the organisation",
    ShelveReason.NOT_FEASIBLE: "Did not work out",
    ShelveReason.SUPERSEDED: "Superseded by other work",
    ShelveReason.NO_TIME: "No time to continue",
    ShelveReason.OTHER: "Other reason",
}


@dataclass(frozen=True)
class StageChange:
    """A prototype entered ``stage`` on ``date``.

    ``reason`` is free text, often empty; ``shelved_because`` is the category of a move
    to the shelved stage (None when not given, and always None for other stages).
    """

    stage: Stage
    date: dt.date
    reason: str = ""
    shelved_because: ShelveReason | None = None


@dataclass(frozen=True)
class Dataset:
    """The data a prototype is built on."""

    name: str = ""
    source: str = ""
    licence: str = ""


@dataclass(frozen=True)
class Prototype:
    """A side project. ``history`` is never empty: its first change is when it started."""

    title: str
    history: tuple[StageChange, ...]
    pitch: str = ""
    learning_goal: str = ""
    dataset: Dataset = field(default_factory=Dataset)
    people_consulted: tuple[str, ...] = ()
    consulted_count: int = 0
    reviewers: tuple[str, ...] = ()
    feedback: str = ""
    hours: float | None = None
    demo_link: str = ""
    outcome: str = ""
    competencies: tuple[str, ...] = ()
    id: int | None = None

    @property
    def stage(self) -> Stage:
        """The stage it is in now."""
        return self.history[-1].stage

    @property
    def started(self) -> dt.date:
        """The date of its first stage."""
        return self.history[0].date

    @property
    def stage_since(self) -> dt.date:
        """The date it entered its current stage."""
        return self.history[-1].date

    @property
    def shelved_reason(self) -> str:
        """Why it was shelved, when it is shelved."""
        return self.history[-1].reason if self.stage is Stage.SHELVED else ""

    @property
    def shelved_because(self) -> ShelveReason | None:
        """The category of why it was shelved, when it is shelved and one was given."""
        return self.history[-1].shelved_because if self.stage is Stage.SHELVED else None

    def passed_through(self, stage: Stage) -> bool:
        """True when ``stage`` appears anywhere in its history."""
        return any(change.stage is stage for change in self.history)


def prototype_problems(prototype: Prototype, today: dt.date) -> tuple[FieldProblem, ...]:
    """Everything wrong with ``prototype``; empty when it can be stored."""
    problems: list[FieldProblem] = []
    check_text(problems, "title", prototype.title, MAX_TITLE_LENGTH, required=True, one_line=True)
    for name, value in (
        ("pitch", prototype.pitch),
        ("learning goal", prototype.learning_goal),
        ("feedback", prototype.feedback),
        ("outcome", prototype.outcome),
    ):
        check_text(problems, name, value, MAX_TEXT_LENGTH)
    for name, value in (
        ("dataset name", prototype.dataset.name),
        ("dataset source", prototype.dataset.source),
        ("dataset licence", prototype.dataset.licence),
    ):
        check_text(problems, name, value, MAX_NAME_LENGTH, one_line=True)
    check_text(problems, "demo link", prototype.demo_link, MAX_LINK_LENGTH, one_line=True)
    check_hours(problems, "hours", prototype.hours, MAX_HOURS * 10)
    for name, people in (
        ("people consulted", prototype.people_consulted),
        ("reviewers", prototype.reviewers),
    ):
        if len(people) > MAX_PEOPLE:
            problems.append(FieldProblem(name, f"more than {MAX_PEOPLE} names"))
        for person in people:
            check_text(problems, name, person, MAX_NAME_LENGTH, required=True, one_line=True)
    if not 0 <= prototype.consulted_count <= 100_000:
        problems.append(FieldProblem("consulted", "must be a whole number from 0 to 100000"))
    elif prototype.consulted_count < len(prototype.people_consulted):
        problems.append(
            FieldProblem("consulted", "is smaller than the number of people named as consulted")
        )
    check_competency_ids(problems, "competencies", prototype.competencies)
    _check_history(problems, prototype.history, today)
    return tuple(problems)


def _check_history(
    problems: list[FieldProblem], history: tuple[StageChange, ...], today: dt.date
) -> None:
    if not history:
        problems.append(FieldProblem("stage", "is required"))
        return
    for index, change in enumerate(history):
        check_date(problems, "stage date", change.date, today, EARLIEST_DATE)
        check_text(problems, "stage reason", change.reason, MAX_TEXT_LENGTH)
        if change.shelved_because is not None and change.stage is not Stage.SHELVED:
            problems.append(
                FieldProblem("shelved because", "only applies to a move to the shelved stage")
            )
        if index == 0:
            continue
        previous = history[index - 1]
        if change.stage is previous.stage:
            problems.append(FieldProblem("stage", f"is already '{change.stage.value}'"))
        if change.date < previous.date:
            problems.append(
                FieldProblem(
                    "stage date",
                    f"{change.date.isoformat()} is before the previous stage change "
                    f"({previous.date.isoformat()})",
                )
            )


def checked_prototype(prototype: Prototype, today: dt.date) -> Prototype:
    """``prototype`` with text trimmed, or InvalidRecordError naming every problem."""
    cleaned = replace(
        prototype,
        title=clean_text(prototype.title),
        pitch=clean_text(prototype.pitch),
        learning_goal=clean_text(prototype.learning_goal),
        dataset=Dataset(
            clean_text(prototype.dataset.name),
            clean_text(prototype.dataset.source),
            clean_text(prototype.dataset.licence),
        ),
        people_consulted=_names(prototype.people_consulted),
        consulted_count=_consulted(prototype),
        reviewers=_names(prototype.reviewers),
        hours=clean_hours(prototype.hours),
        feedback=clean_text(prototype.feedback),
        demo_link=clean_text(prototype.demo_link),
        outcome=clean_text(prototype.outcome),
        competencies=tuple(dict.fromkeys(c.strip() for c in prototype.competencies if c.strip())),
        history=tuple(
            replace(change, reason=clean_text(change.reason)) for change in prototype.history
        ),
    )
    problems = prototype_problems(cleaned, today)
    if problems:
        raise InvalidRecordError("prototype", problems)
    return cleaned


def with_stage(
    prototype: Prototype,
    stage: Stage,
    on: dt.date,
    reason: str,
    today: dt.date,
    shelved_because: ShelveReason | None = None,
) -> Prototype:
    """``prototype`` moved to ``stage`` on ``on``; a UserError when that cannot be."""
    if stage is prototype.stage:
        raise UserError(
            "prototype-same-stage",
            f"prototype {prototype.id} is already at the stage '{stage.value}'",
            stage=stage.value,
        )
    if on < prototype.stage_since:
        raise UserError(
            "prototype-stage-date",
            f"{on.isoformat()} is before its last stage change "
            f"({prototype.stage_since.isoformat()})",
        )
    change = StageChange(stage, on, reason, shelved_because)
    moved = replace(prototype, history=(*prototype.history, change))
    return checked_prototype(moved, today)


def _names(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(clean_text(name) for name in names if name.strip()))


def _consulted(prototype: Prototype) -> int:
    """The count, raised to the number of names given (a negative count stays wrong)."""
    count = prototype.consulted_count
    return count if count < 0 else max(count, len(_names(prototype.people_consulted)))
