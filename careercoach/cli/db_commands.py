"""``careercoach db …``: the schema revision, and migrating to this version's."""

from __future__ import annotations

from careercoach.cli.output import print_line
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_database


def run_current(paths: AppPaths, database_url: str) -> int:
    """Print the stored revision and whether it is this version's, changing nothing."""
    database = open_database(paths, database_url)
    try:
        status = database.status()
    finally:
        database.close()
    if status.current is None:
        print_line(f"empty database (this version's schema is {status.head})")
    elif status.is_current:
        print_line(f"{status.current} (current)")
    else:
        print_line(f"{status.current} (upgrade available: {status.head})")
    return 0


def run_upgrade(paths: AppPaths, database_url: str) -> int:
    """Migrate to this version's schema, backing the SQLite file up first."""
    database = open_database(paths, database_url)
    try:
        result = database.upgrade()
    finally:
        database.close()
    if not result.migrated:
        print_line(f"already at {result.to_revision}")
    elif result.backup_file is not None:
        print_line(f"upgraded to {result.to_revision} (backup: {result.backup_file})")
    else:
        print_line(f"upgraded to {result.to_revision}")
    return 0
