"""The user's profile: who they are, which ladder they grow on and their 1:1 rhythm."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_LADDER_ID = "data-science-ic"
DEFAULT_TARGET_LEVEL_ID = "senior"
DEFAULT_ROLE = "Data Scientist"
DEFAULT_ONE_ON_ONE_EVERY_DAYS = 14
MAX_ONE_ON_ONE_EVERY_DAYS = 365


@dataclass(frozen=True)
class Profile:
    """The person using CareerCoach.

    ``is_default`` is True until the user has saved a profile of their own (first run).
    """

    name: str = ""
    role: str = DEFAULT_ROLE
    ladder_id: str = DEFAULT_LADDER_ID
    target_level_id: str = DEFAULT_TARGET_LEVEL_ID
    one_on_one_every_days: int = DEFAULT_ONE_ON_ONE_EVERY_DAYS
    next_one_on_one: dt.date | None = None
    is_default: bool = True

    def to_json(self) -> dict[str, object]:
        """The profile as plain JSON values (the CLI's ``profile show --json``)."""
        return {
            "name": self.name,
            "role": self.role,
            "ladder_id": self.ladder_id,
            "target_level_id": self.target_level_id,
            "one_on_one_every_days": self.one_on_one_every_days,
            "next_one_on_one": self.next_one_on_one.isoformat() if self.next_one_on_one else None,
            "is_default": self.is_default,
        }


def upcoming_one_on_one(profile: Profile, today: dt.date) -> dt.date | None:
    """The next 1:1 on or after ``today``; None when none is scheduled.

    A scheduled date that has passed moves forward by the profile's cadence, so a
    fortnightly 1:1 stays known without the user updating the date after each one.
    """
    scheduled = profile.next_one_on_one
    if scheduled is None or scheduled >= today:
        return scheduled
    every = max(1, profile.one_on_one_every_days)
    periods = -(-(today - scheduled).days // every)
    return scheduled + dt.timedelta(days=periods * every)
