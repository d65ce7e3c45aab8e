"""Fills an empty database with a realistic demo year, for a first look and for screenshots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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


class DemoService:
    """Writes the demo data set in one transaction: all of it, or nothing."""

    def __init__(
        self, database: Database, *, clock: Clock = system_clock, today: Today = local_today
    ) -> None:
        self._database = database
        self._clock = clock
        self._today = today

    def fill(self) -> DemoSummary:
        """Store the demo profile, ledger, prototypes and check-ins, ending today.

        Raises:
            UserError: the database already holds a saved profile or the user's own
                records; the demo never mixes with real data or replaces it.
        """
        data = demo_data(self._today())
        now = self._clock()
        with self._database.unit_of_work() as work:
            if (
                work.profiles.get() is not None
                or work.contributions.count()
                or work.prototypes.all()
                or work.checkins.all()
            ):
                raise UserError(
                    "demo-not-empty",
                    "the database already holds your profile or your own records; demo data "
                    "only goes into an empty database (try it with a new --data-dir)",
                )
            work.profiles.save(data.profile, now=now)
            work.contributions.add_many(data.entries, now=now)
            for prototype in data.prototypes:
                work.prototypes.add(prototype, now=now)
            work.checkins.add_many(list(data.checkins), now=now)
        return DemoSummary(
            name=data.profile.name,
            entries=len(data.entries),
            prototypes=len(data.prototypes),
            checkins=len(data.checkins),
        )
