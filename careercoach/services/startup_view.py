"""What the app shows first: the profile and the ladders, read quickly or through services."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_catalog import LadderSummary, StoredLadder
from careercoach.domain.profile import Profile
from careercoach.paths import AppPaths
from careercoach.storage.quick_reader import read_snapshot

if TYPE_CHECKING:  # the full database layer is loaded only by ``full_startup_view``
    from careercoach.services.app_services import AppServices


@dataclass(frozen=True)
class StartupView:
    """The profile, the ladder list and every ladder's current content."""

    profile: Profile
    summaries: tuple[LadderSummary, ...]
    ladders: Mapping[str, Ladder]


def quick_startup_view(paths: AppPaths, database_url: str) -> StartupView | None:
    """The first screen read straight from the embedded database, without SQLAlchemy.

    None when the quick read cannot answer (another database, first run, a schema to
    migrate): then only ``full_startup_view`` can.
    """
    if database_url != paths.default_database_url:
        return None
    snapshot = read_snapshot(paths.database_file)
    if snapshot is None or not snapshot.ladders:
        return None
    return _view(snapshot.profile, snapshot.ladders)


def full_startup_view(services: AppServices) -> StartupView:
    """The first screen read through the services (after migrations ran)."""
    summaries = services.ladders.list_ladders()
    stored = [services.ladders.get_stored(summary.id) for summary in summaries]
    return _view(services.profile.show(), stored)


def _view(profile: Profile, stored: Iterable[StoredLadder]) -> StartupView:
    items = list(stored)
    return StartupView(
        profile=profile,
        summaries=tuple(item.summary() for item in items),
        ladders=MappingProxyType({item.ladder.id: item.ladder for item in items}),
    )
