"""What the window needs to show the user's data, loaded off the GUI thread at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_catalog import LadderSummary
from careercoach.domain.profile import Profile
from careercoach.paths import AppPaths

if TYPE_CHECKING:  # the database layer is imported in the worker, after the first paint
    from careercoach.services.app_services import AppServices


@dataclass(frozen=True)
class StartupData:
    """Open services plus the first screenful of data."""

    services: AppServices
    profile: Profile
    summaries: tuple[LadderSummary, ...]
    ladders: Mapping[str, Ladder]


def load_startup_data(paths: AppPaths, database_url: str) -> StartupData:
    """Open (and migrate) the database, then read the profile and every ladder."""
    from careercoach.services.app_services import open_services  # heavy: SQLAlchemy

    services = open_services(paths, database_url)
    try:
        summaries = tuple(services.ladders.list_ladders())
        ladders = {summary.id: services.ladders.get_ladder(summary.id) for summary in summaries}
        profile = services.profile.show()
    except BaseException:
        services.close()
        raise
    return StartupData(services=services, profile=profile, summaries=summaries, ladders=ladders)
