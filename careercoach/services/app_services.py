"""Opens the database, brings it up to date and wires the services together."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from careercoach.backup_settings import read_backup_keep
from careercoach.paths import AppPaths
from careercoach.resources import builtin_ladder_files, builtin_rules_dir
from careercoach.services.assessment_service import AssessmentService
from careercoach.services.backup_service import BackupService
from careercoach.services.checkin_service import CheckInService
from careercoach.services.clock import Clock, system_clock
from careercoach.services.coach_service import CoachService, RuleSources
from careercoach.services.demo_service import DemoService
from careercoach.services.ladder_service import LadderService
from careercoach.services.ledger_service import LedgerService
from careercoach.services.profile_service import ProfileService
from careercoach.services.prototype_service import PrototypeService
from careercoach.services.summary_service import SummaryService
from careercoach.storage.database import Database
from careercoach.storage.rolling_backups import RollingBackupError, rolling_backup
from careercoach.storage.schema import MigrationResult

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppServices:
    """Every use case the front ends call, over one database."""

    database: Database
    ladders: LadderService
    profile: ProfileService
    ledger: LedgerService
    prototypes: PrototypeService
    checkins: CheckInService
    assessments: AssessmentService
    coach: CoachService
    summary: SummaryService
    demo: DemoService
    backups: BackupService
    migration: MigrationResult

    def close(self) -> None:
        """Release the database."""
        self.database.close()


def open_database(paths: AppPaths, database_url: str) -> Database:
    """The database at ``database_url``; nothing is read or written yet."""
    paths.ensure_directories()
    return Database(database_url, backups_dir=paths.backups_dir)


def open_services(
    paths: AppPaths, database_url: str, *, clock: Clock = system_clock
) -> AppServices:
    """Migrate the database if needed, store the built-in ladders and build the services.

    A SQLite database also gets its daily automatic copy here (see ``rolling_backup``).

    Raises:
        UserError: the database cannot be used (too new, unreachable, not ours).
    """
    database = open_database(paths, database_url)
    try:
        migration = database.upgrade()
        ladders = LadderService(database)
        ladders.sync_builtin(builtin_ladder_files())
    except BaseException:
        database.close()
        raise
    take_rolling_backup(paths, database, clock)
    coach = CoachService(database, RuleSources(builtin_rules_dir(), paths.rules_dir))
    backups = BackupService(database, paths.backups_dir, clock=clock)
    _remove_abandoned_safety_copies(backups)
    return AppServices(
        database=database,
        ladders=ladders,
        profile=ProfileService(database),
        ledger=LedgerService(database),
        prototypes=PrototypeService(database),
        checkins=CheckInService(database),
        assessments=AssessmentService(database),
        coach=coach,
        summary=SummaryService(database, coach),
        demo=DemoService(database),
        backups=backups,
        migration=migration,
    )


def _remove_abandoned_safety_copies(backups: BackupService) -> None:
    """Clear what a restore killed mid-write left; a failure is logged, never raised."""
    try:
        removed = backups.remove_abandoned_partials()
    except OSError as error:
        _log.warning("could not clear unfinished safety copies: %s", error)
    else:
        for path in removed:
            _log.info("removed the unfinished safety copy %s", path)


def take_rolling_backup(paths: AppPaths, database: Database, clock: Clock) -> None:
    """The daily automatic copy of a SQLite database; a failure is logged, never raised.

    The user's data is still fine when a copy cannot be written (disk full, no
    permission), so the app starts anyway. A server database has backups of its own.
    """
    if database.database_file is None:
        return
    try:
        created = rolling_backup(
            database.database_file,
            paths.backups_dir,
            read_backup_keep(paths.settings_file),
            clock(),
        )
    except RollingBackupError as error:
        _log.warning("%s", error)
    except Exception:  # a bug, but a copy is not worth refusing to start over
        _log.exception("automatic backup failed unexpectedly")
    else:
        if created is not None:
            _log.info("automatic backup written to %s", created)
