"""Use cases around the user's profile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from careercoach.domain.errors import UserError
from careercoach.domain.profile import MAX_ONE_ON_ONE_EVERY_DAYS, Profile
from careercoach.services.clock import Clock, system_clock

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database


@dataclass(frozen=True)
class ProfileChanges:
    """The fields a user changes; None leaves a field as it is.

    A date in ``next_one_on_one`` schedules the next 1:1; ``clear_next_one_on_one``
    unschedules it (None cannot, since None means "leave as it is").
    """

    name: str | None = None
    role: str | None = None
    ladder_id: str | None = None
    target_level_id: str | None = None
    one_on_one_every_days: int | None = None
    next_one_on_one: dt.date | None = None
    clear_next_one_on_one: bool = False


class ProfileService:
    """Reads and updates the single profile; each method is one transaction."""

    def __init__(self, database: Database, *, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def show(self) -> Profile:
        """The user's profile, or the default one before they have saved any."""
        with self._database.unit_of_work() as work:
            return work.profiles.get() or Profile()

    def update(self, changes: ProfileChanges) -> Profile:
        """Apply ``changes`` after checking them against the stored ladders.

        Raises:
            UserError: an unknown ladder or level, an impossible cadence, or a next 1:1
                both given and cleared.
        """
        with self._database.unit_of_work() as work:
            current = work.profiles.get() or Profile()
            updated = replace(
                current,
                name=_text(changes.name, current.name, "name"),
                role=_text(changes.role, current.role, "role"),
                ladder_id=changes.ladder_id or current.ladder_id,
                target_level_id=changes.target_level_id or current.target_level_id,
                one_on_one_every_days=_cadence(
                    changes.one_on_one_every_days, current.one_on_one_every_days
                ),
                next_one_on_one=_next_one_on_one(changes, current.next_one_on_one),
                is_default=False,
            )
            ladder = work.ladders.get(updated.ladder_id).ladder
            if ladder.level(updated.target_level_id) is None:
                levels = ", ".join(ladder.level_ids)
                raise UserError(
                    "profile-target-unknown",
                    f"ladder '{ladder.id}' has no level '{updated.target_level_id}' "
                    f"(its levels: {levels})",
                    ladder_id=ladder.id,
                    level_id=updated.target_level_id,
                )
            return work.profiles.save(updated, now=self._clock())


def _text(value: str | None, current: str, field: str) -> str:
    if value is None:
        return current
    cleaned = value.strip()
    if len(cleaned) > 200:
        raise UserError("profile-too-long", f"the {field} is longer than 200 characters")
    return cleaned


def _next_one_on_one(changes: ProfileChanges, current: dt.date | None) -> dt.date | None:
    if changes.clear_next_one_on_one:
        if changes.next_one_on_one is not None:
            raise UserError(
                "profile-next-one-on-one-conflict",
                "the next 1:1 cannot be both set and cleared",
            )
        return None
    return changes.next_one_on_one or current


def _cadence(value: int | None, current: int) -> int:
    if value is None:
        return current
    if not 1 <= value <= MAX_ONE_ON_ONE_EVERY_DAYS:
        raise UserError(
            "profile-cadence",
            f"the 1:1 cadence must be between 1 and {MAX_ONE_ON_ONE_EVERY_DAYS} days, not {value}",
        )
    return value
