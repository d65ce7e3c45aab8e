"""Turns stored column values into domain objects, for the repositories and the fast reader."""

from __future__ import annotations

import datetime as dt
import json

from careercoach.domain.ladder_catalog import StoredLadder
from careercoach.domain.ladder_format import ladder_from_document
from careercoach.domain.profile import Profile


def stored_ladder(document: str, content_hash: str, builtin: bool) -> StoredLadder:
    """A ladder version from its stored JSON document."""
    ladder = ladder_from_document(json.loads(document))
    return StoredLadder(ladder=ladder, content_hash=content_hash, builtin=builtin)


def stored_profile(
    name: str,
    role: str,
    ladder_id: str,
    target_level_id: str,
    one_on_one_every_days: int,
    next_one_on_one: dt.date | None,
) -> Profile:
    """The user's saved profile."""
    return Profile(
        name=name,
        role=role,
        ladder_id=ladder_id,
        target_level_id=target_level_id,
        one_on_one_every_days=one_on_one_every_days,
        next_one_on_one=next_one_on_one,
        is_default=False,
    )
