"""Use cases of hackathon prototypes and side projects."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from careercoach.domain.prototype import (
    Prototype,
    ShelveReason,
    Stage,
    checked_prototype,
    with_stage,
)
from careercoach.services.clock import Clock, Today, local_today, system_clock

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    import datetime as dt

    from careercoach.storage.database import Database


class PrototypeService:
    """Prototypes and their stages; each method is one transaction."""

    def __init__(
        self, database: Database, *, clock: Clock = system_clock, today: Today = local_today
    ) -> None:
        self._database = database
        self._clock = clock
        self._today = today

    def add(self, prototype: Prototype) -> Prototype:
        """Store a new prototype and return it with its id.

        Raises:
            InvalidRecordError: a field is wrong (each problem is named).
        """
        checked = checked_prototype(replace(prototype, id=None), self._today())
        with self._database.unit_of_work() as work:
            return work.prototypes.add(checked, now=self._clock())

    def update(self, prototype: Prototype) -> Prototype:
        """Replace the stored prototype that has ``prototype.id``, stage history included.

        Raises:
            InvalidRecordError: a field is wrong.
            NotFoundError: no prototype has that id.
        """
        checked = checked_prototype(prototype, self._today())
        with self._database.unit_of_work() as work:
            return work.prototypes.update(checked, now=self._clock())

    def change_stage(
        self,
        prototype_id: int,
        stage: Stage,
        *,
        on: dt.date | None = None,
        reason: str = "",
        shelved_because: ShelveReason | None = None,
    ) -> Prototype:
        """Move a prototype to ``stage`` on ``on`` (today by default), keeping its history.

        Raises:
            NotFoundError: no prototype has that id.
            UserError: it is at that stage already, or the date is before its last change.
        """
        today = self._today()
        with self._database.unit_of_work() as work:
            current = work.prototypes.get(prototype_id)
            moved = with_stage(current, stage, on or today, reason, today, shelved_because)
            return work.prototypes.update(moved, now=self._clock())

    def delete(self, prototype_id: int) -> Prototype:
        """Delete a prototype; returns it so that the delete can be undone with ``restore``."""
        with self._database.unit_of_work() as work:
            return work.prototypes.delete(prototype_id)

    def restore(self, prototype: Prototype) -> Prototype:
        """Put a deleted prototype back."""
        with self._database.unit_of_work() as work:
            return work.prototypes.add(prototype, now=self._clock())

    def get(self, prototype_id: int) -> Prototype:
        """The prototype with ``prototype_id``.

        Raises:
            NotFoundError: there is no such prototype.
        """
        with self._database.unit_of_work() as work:
            return work.prototypes.get(prototype_id)

    def prototypes(self) -> tuple[Prototype, ...]:
        """Every prototype, the most recently started first."""
        with self._database.unit_of_work() as work:
            return tuple(work.prototypes.all())
