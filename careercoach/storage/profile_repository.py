"""Stores the single user profile."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from careercoach.domain.profile import Profile
from careercoach.storage.row_mapping import stored_profile
from careercoach.storage.tables import ProfileRow

_PROFILE_ID = 1


class ProfileRepository:
    """The profile in one session; returns domain objects only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> Profile | None:
        """The saved profile, or None before the user has saved one."""
        row = self._session.get(ProfileRow, _PROFILE_ID)
        if row is None:
            return None
        return stored_profile(
            row.name,
            row.role,
            row.ladder_id,
            row.target_level_id,
            row.one_on_one_every_days,
            row.next_one_on_one,
        )

    def save(self, profile: Profile, *, now: dt.datetime) -> Profile:
        """Store ``profile`` as the user's own."""
        row = self._session.get(ProfileRow, _PROFILE_ID)
        if row is None:
            row = ProfileRow(id=_PROFILE_ID)
            self._session.add(row)
        row.name = profile.name
        row.role = profile.role
        row.ladder_id = profile.ladder_id
        row.target_level_id = profile.target_level_id
        row.one_on_one_every_days = profile.one_on_one_every_days
        row.next_one_on_one = profile.next_one_on_one
        row.updated_at = now
        self._session.flush()
        stored = self.get()
        assert stored is not None  # just written in this session
        return stored
