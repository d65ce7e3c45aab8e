"""Reads the first screen's data straight from a SQLite file, before SQLAlchemy is loaded.

Importing SQLAlchemy costs more than showing a window. At start-up the GUI asks this
reader for the profile and the ladders so they appear at once, while the full database
layer loads in the background. The reader is read-only and answers only for a database
already at this version's schema; in every other case it returns None and the app waits
for the full layer (which migrates, and reports problems properly).
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from careercoach.domain.ladder_catalog import StoredLadder
from careercoach.domain.ladder_format import LadderFormatError
from careercoach.domain.profile import Profile
from careercoach.storage.revisions import HEAD_REVISION
from careercoach.storage.row_mapping import stored_ladder, stored_profile

_log = logging.getLogger("careercoach.storage")

_CURRENT_LADDERS = """
    SELECT v.document, v.content_hash, l.builtin
    FROM ladders AS l
    JOIN ladder_versions AS v ON v.ladder_id = l.id AND v.content_hash = l.current_hash
    ORDER BY l.builtin DESC, l.name, l.id
"""
_PROFILE = """
    SELECT name, role, ladder_id, target_level_id, one_on_one_every_days, next_one_on_one
    FROM profile WHERE id = 1
"""


@dataclass(frozen=True)
class QuickSnapshot:
    """The profile and the current version of every ladder, as stored."""

    profile: Profile
    ladders: tuple[StoredLadder, ...]


def read_snapshot(database_file: Path) -> QuickSnapshot | None:
    """The stored profile and ladders, or None when the quick path cannot answer."""
    if not database_file.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database_file.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            return None
        ladders = tuple(
            stored_ladder(document, content_hash, bool(builtin))
            for document, content_hash, builtin in connection.execute(_CURRENT_LADDERS)
        )
        row = connection.execute(_PROFILE).fetchone()
    except (sqlite3.Error, ValueError, LadderFormatError):
        # Anything unexpected is left to the full database layer, which reports it.
        _log.debug("quick start-up read skipped", exc_info=True)
        return None
    finally:
        connection.close()
    profile = Profile() if row is None else _profile(row)
    return QuickSnapshot(profile=profile, ladders=ladders)


def _profile(row: tuple[str, str, str, str, int, str | None]) -> Profile:
    name, role, ladder_id, target_level_id, every_days, next_meeting = row
    return stored_profile(
        name,
        role,
        ladder_id,
        target_level_id,
        every_days,
        dt.date.fromisoformat(next_meeting) if next_meeting else None,
    )
