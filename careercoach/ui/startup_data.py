"""Loads what the window shows at start-up, off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercoach.paths import AppPaths
from careercoach.services.startup_view import StartupView

if TYPE_CHECKING:  # the database layer is imported in the worker, after the first paint
    from careercoach.services.app_services import AppServices


@dataclass(frozen=True)
class StartupData:
    """Open services plus the first screenful of data."""

    services: AppServices
    view: StartupView


def load_startup_data(paths: AppPaths, database_url: str) -> StartupData:
    """Open (and migrate) the database, then read the profile and every ladder."""
    # Imported here: SQLAlchemy is the slowest import of the app.
    from careercoach.services.app_services import open_services
    from careercoach.services.startup_view import full_startup_view

    services = open_services(paths, database_url)
    try:
        view = full_startup_view(services)
    except BaseException:
        services.close()
        raise
    return StartupData(services=services, view=view)
