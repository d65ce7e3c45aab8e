"""Fills an empty database with a realistic demo year, for a first look and for screenshots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercoach.domain.assessment import checked_assessment
from careercoach.domain.demo_data import demo_data
from careercoach.domain.errors import UserError
from careercoach.services.clock import Clock, Today, local_today, system_clock

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database


@dataclass(frozen=True)
class DemoSummary:
    """What the demo put in: whose year, and how many records of each kind."""

    name: str
    entries: int
    prototypes: int
    checkins: int
    assessments: int


class DemoService:
    """Writes the demo data set in one transaction: all of it, or nothing."""

    def __init__(
        self, database: Database, *, clock: Clock = system_clock, today: Today = local_today
    ) -> None:
        self._database = database
        self._clock = clock
        self._today = today

    def fill(self) -> DemoSummary:
        """Store the demo profile, ledger, prototypes, check-ins and assessments, ending today.

        The assessments are pinned to the current version of the demo's ladder and point
        at the stored ids of the demo's entries and prototypes.

        Raises:
            UserError: the database already holds a saved profile or the user's own
                records; the demo never mixes with real data or replaces it.
        """
        today = self._today()
        data = demo_data(today)
        now = self._clock()
        with self._database.unit_of_work() as work:
            if (
                work.profiles.get() is not None
                or work.contributions.count()
                or work.prototypes.all()
                or work.checkins.all()
                or work.assessments.finished()
                or work.assessments.draft() is not None
            ):
                raise UserError(
                    "demo-not-empty",
                    "the database already holds your profile or your own records; demo data "
                    "only goes into an empty database (try it with a new --data-dir)",
                )
            work.profiles.save(data.profile, now=now)
            # One by one rather than add_many: the assessments need the stored ids.
            entry_ids = [_stored_id(work.contributions.add(e, now=now).id) for e in data.entries]
            prototype_ids = [
                _stored_id(work.prototypes.add(prototype, now=now).id)
                for prototype in data.prototypes
            ]
            work.checkins.add_many(list(data.checkins), now=now)
            stored = work.ladders.get(data.profile.ladder_id)
            for planned in data.assessments:
                assessment = planned.pinned(
                    ladder_id=stored.ladder.id,
                    ladder_hash=stored.content_hash,
                    ladder_version=stored.ladder.version,
                    target_level_id=data.profile.target_level_id,
                    entry_ids=entry_ids,
                    prototype_ids=prototype_ids,
                )
                work.assessments.save(
                    checked_assessment(assessment, stored.ladder, today), now=now
                )
        return DemoSummary(
            name=data.profile.name,
            entries=len(data.entries),
            prototypes=len(data.prototypes),
            checkins=len(data.checkins),
            assessments=len(data.assessments),
        )


def _stored_id(record_id: int | None) -> int:
    """The id a record got when it was stored (always set by the repositories)."""
    if record_id is None:
        raise RuntimeError("a stored record has no id")
    return record_id
