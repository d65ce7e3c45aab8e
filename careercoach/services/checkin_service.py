"""Use cases of the weekly check-in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercoach.domain.checkin import CheckIn, IsoWeek, checked_checkin
from careercoach.services.clock import Clock, Today, local_today, system_clock

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database


@dataclass(frozen=True)
class SavedCheckIn:
    """A stored check-in, and whether it replaced the week's earlier one."""

    checkin: CheckIn
    replaced: bool


class CheckInService:
    """Weekly check-ins, one per ISO week; each method is one transaction."""

    def __init__(
        self, database: Database, *, clock: Clock = system_clock, today: Today = local_today
    ) -> None:
        self._database = database
        self._clock = clock
        self._today = today

    def save(self, checkin: CheckIn) -> SavedCheckIn:
        """Store the check-in of its week, replacing an earlier one for the same week.

        Raises:
            InvalidRecordError: hours out of range, a week not started yet, a long note.
        """
        checked = checked_checkin(checkin, self._today())
        with self._database.unit_of_work() as work:
            replaced = work.checkins.save(checked, now=self._clock())
        return SavedCheckIn(checked, replaced)

    def get(self, week: IsoWeek) -> CheckIn | None:
        """The check-in of ``week``, if there is one."""
        with self._database.unit_of_work() as work:
            return work.checkins.get(week)

    def checkins(self) -> tuple[CheckIn, ...]:
        """Every check-in, the latest week first."""
        with self._database.unit_of_work() as work:
            return tuple(work.checkins.all())

    def this_week(self) -> IsoWeek:
        """The ISO week of today."""
        return IsoWeek.of(self._today())

    def missing_week(self) -> IsoWeek | None:
        """This week when it has no check-in yet, else None (the reminder shows then)."""
        week = self.this_week()
        return week if self.get(week) is None else None
