"""Stores weekly check-ins, one per ISO week."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.storage.tables import CheckInRow


class CheckInRepository:
    """Check-ins in one session; returns domain objects only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def save(self, checkin: CheckIn, *, now: dt.datetime) -> bool:
        """Store ``checkin``, replacing the week's earlier one; True when it replaced one."""
        row = self._row(checkin.week)
        replaced = row is not None
        if row is None:
            row = CheckInRow(iso_year=checkin.week.year, iso_week=checkin.week.week)
            self._session.add(row)
        row.assigned_hours = checkin.assigned_hours
        row.helping_hours = checkin.helping_hours
        row.learning_hours = checkin.learning_hours
        row.solo_hours = checkin.solo_hours
        row.note = checkin.note
        row.updated_at = now
        self._session.flush()
        return replaced

    def add_many(self, checkins: list[CheckIn], *, now: dt.datetime) -> None:
        """Store several check-ins of weeks that have none yet."""
        for checkin in checkins:
            self.save(checkin, now=now)

    def get(self, week: IsoWeek) -> CheckIn | None:
        """The check-in of ``week``, if there is one."""
        row = self._row(week)
        return _checkin(row) if row is not None else None

    def all(self) -> list[CheckIn]:
        """Every check-in, the latest week first."""
        query = select(CheckInRow).order_by(CheckInRow.iso_year.desc(), CheckInRow.iso_week.desc())
        return [_checkin(row) for row in self._session.scalars(query)]

    def _row(self, week: IsoWeek) -> CheckInRow | None:
        query = select(CheckInRow).where(
            CheckInRow.iso_year == week.year, CheckInRow.iso_week == week.week
        )
        return self._session.scalars(query).one_or_none()


def _checkin(row: CheckInRow) -> CheckIn:
    return CheckIn(
        week=IsoWeek(row.iso_year, row.iso_week),
        assigned_hours=row.assigned_hours,
        helping_hours=row.helping_hours,
        learning_hours=row.learning_hours,
        solo_hours=row.solo_hours,
        note=row.note,
    )
