"""Stores prototypes and the dated history of their stages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from careercoach.domain.errors import NotFoundError
from careercoach.domain.prototype import Dataset, Prototype, ShelveReason, Stage, StageChange
from careercoach.storage.tables import PrototypeRow, PrototypeStageRow


class PrototypeRepository:
    """Prototypes in one session; returns domain objects only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, prototype: Prototype, *, now: dt.datetime) -> Prototype:
        """Store a new prototype (keeping its id when it has one) with its stages."""
        row = PrototypeRow(id=prototype.id, created_at=now)
        _fill(row, prototype, now)
        self._session.add(row)
        self._session.flush()
        self._write_history(row.id, prototype.history)
        return replace(prototype, id=row.id)

    def update(self, prototype: Prototype, *, now: dt.datetime) -> Prototype:
        """Replace the stored prototype with the same id, stage history included."""
        row = self._row(prototype.id)
        _fill(row, prototype, now)
        self._session.execute(
            delete(PrototypeStageRow).where(PrototypeStageRow.prototype_id == row.id)
        )
        self._write_history(row.id, prototype.history)
        self._session.flush()
        return prototype

    def delete(self, prototype_id: int) -> Prototype:
        """Remove a prototype and its stages; returns it as it was."""
        prototype = self.get(prototype_id)
        self._session.execute(
            delete(PrototypeStageRow).where(PrototypeStageRow.prototype_id == prototype_id)
        )
        self._session.execute(delete(PrototypeRow).where(PrototypeRow.id == prototype_id))
        return prototype

    def get(self, prototype_id: int | None) -> Prototype:
        """The prototype with ``prototype_id``, or NotFoundError."""
        row = self._row(prototype_id)
        return _prototype(row, self._histories([row.id])[row.id])

    def all(self) -> list[Prototype]:
        """Every prototype, the most recently started first."""
        rows = list(self._session.scalars(select(PrototypeRow)))
        histories = self._histories([row.id for row in rows])
        prototypes = [_prototype(row, histories[row.id]) for row in rows]
        prototypes.sort(key=lambda item: (item.started, item.id or 0), reverse=True)
        return prototypes

    def _histories(self, ids: list[int]) -> dict[int, tuple[StageChange, ...]]:
        found: dict[int, list[StageChange]] = defaultdict(list)
        if ids:
            query = (
                select(PrototypeStageRow)
                .where(PrototypeStageRow.prototype_id.in_(ids))
                .order_by(PrototypeStageRow.prototype_id, PrototypeStageRow.position)
            )
            for stage in self._session.scalars(query):
                found[stage.prototype_id].append(
                    StageChange(
                        Stage(stage.stage),
                        stage.date,
                        stage.reason,
                        ShelveReason(stage.shelved_because) if stage.shelved_because else None,
                    )
                )
        return {prototype_id: tuple(found[prototype_id]) for prototype_id in ids}

    def _write_history(self, prototype_id: int, history: tuple[StageChange, ...]) -> None:
        self._session.add_all(
            PrototypeStageRow(
                prototype_id=prototype_id,
                position=position,
                stage=change.stage.value,
                date=change.date,
                reason=change.reason,
                shelved_because=change.shelved_because.value if change.shelved_because else None,
            )
            for position, change in enumerate(history)
        )
        self._session.flush()

    def _row(self, prototype_id: int | None) -> PrototypeRow:
        row = self._session.get(PrototypeRow, prototype_id) if prototype_id is not None else None
        if row is None:
            raise NotFoundError("prototype-not-found", f"there is no prototype {prototype_id}")
        return row


def _fill(row: PrototypeRow, prototype: Prototype, now: dt.datetime) -> None:
    row.title = prototype.title
    row.pitch = prototype.pitch
    row.learning_goal = prototype.learning_goal
    row.dataset_name = prototype.dataset.name
    row.dataset_source = prototype.dataset.source
    row.dataset_licence = prototype.dataset.licence
    row.people_consulted = list(prototype.people_consulted)
    row.consulted_count = prototype.consulted_count
    row.reviewers = list(prototype.reviewers)
    row.feedback = prototype.feedback
    row.hours = prototype.hours
    row.demo_link = prototype.demo_link
    row.outcome = prototype.outcome
    row.competencies = list(prototype.competencies)
    row.updated_at = now


def _prototype(row: PrototypeRow, history: tuple[StageChange, ...]) -> Prototype:
    return Prototype(
        id=row.id,
        title=row.title,
        history=history,
        pitch=row.pitch,
        learning_goal=row.learning_goal,
        dataset=Dataset(row.dataset_name, row.dataset_source, row.dataset_licence),
        people_consulted=tuple(row.people_consulted),
        consulted_count=row.consulted_count,
        reviewers=tuple(row.reviewers),
        feedback=row.feedback,
        hours=row.hours,
        demo_link=row.demo_link,
        outcome=row.outcome,
        competencies=tuple(row.competencies),
    )
