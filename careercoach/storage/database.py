"""Opens the database and hands out units of work, one transaction each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from careercoach.domain.errors import UserError
from careercoach.paths import make_private
from careercoach.storage.assessment_repository import AssessmentRepository
from careercoach.storage.backup_tables import BackupTables
from careercoach.storage.checkin_repository import CheckInRepository
from careercoach.storage.contribution_repository import ContributionRepository
from careercoach.storage.damaged_file import refuse_damaged
from careercoach.storage.engine import create_database_engine, sqlite_file
from careercoach.storage.ladder_repository import LadderRepository
from careercoach.storage.profile_repository import ProfileRepository
from careercoach.storage.prototype_repository import PrototypeRepository
from careercoach.storage.revisions import HEAD_REVISION
from careercoach.storage.schema import (
    MigrationResult,
    SchemaStatus,
    refuse_newer,
    schema_status,
    sqlite_revision,
    upgrade_schema,
)
from careercoach.storage.suggestion_repository import SuggestionStateRepository
from careercoach.storage.summary_export_repository import SummaryExportRepository


@dataclass(frozen=True)
class UnitOfWork:
    """The repositories of one transaction."""

    ladders: LadderRepository
    profiles: ProfileRepository
    contributions: ContributionRepository
    prototypes: PrototypeRepository
    checkins: CheckInRepository
    assessments: AssessmentRepository
    suggestions: SuggestionStateRepository
    exports: SummaryExportRepository
    tables: BackupTables


class Database:
    """One database (SQLite file or server URL) and its schema."""

    def __init__(self, url: str, *, backups_dir: Path) -> None:
        self.url = url
        self._database_file = sqlite_file(url)
        self._backups_dir = backups_dir
        self._engine: Engine = create_database_engine(url)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    @property
    def database_file(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return self._database_file

    def status(self) -> SchemaStatus:
        """The stored schema revision against the one this version expects.

        A SQLite file is first read without the engine, whose connections switch the file
        to WAL mode: a database from a newer version is refused with not a byte changed,
        and a missing file is not created.
        """
        if self._database_file is not None:
            if not self._database_file.exists():
                return SchemaStatus(current=None, head=HEAD_REVISION)
            refuse_damaged(self._database_file, self._backups_dir)
            refuse_newer(sqlite_revision(self._database_file))
        return schema_status(self._engine)

    def upgrade(self) -> MigrationResult:
        """Migrate to the current schema (backing the SQLite file up first)."""
        if self._database_file is not None:
            if self._database_file.exists():
                refuse_damaged(self._database_file, self._backups_dir)
                refuse_newer(sqlite_revision(self._database_file))
            _create_parent(self._database_file)
        result = upgrade_schema(
            self._engine, database_file=self._database_file, backups_dir=self._backups_dir
        )
        if self._database_file is not None:
            for companion in ("", "-wal", "-shm"):
                make_private(Path(f"{self._database_file}{companion}"))
        return result

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """A transaction: committed when the block ends, rolled back on an exception."""
        session: Session = self._sessions()
        try:
            with session.begin():
                yield UnitOfWork(
                    ladders=LadderRepository(session),
                    profiles=ProfileRepository(session),
                    contributions=ContributionRepository(session),
                    prototypes=PrototypeRepository(session),
                    checkins=CheckInRepository(session),
                    assessments=AssessmentRepository(session),
                    suggestions=SuggestionStateRepository(session),
                    exports=SummaryExportRepository(session),
                    tables=BackupTables(session),
                )
        except OperationalError as error:  # locked, disk full, server gone: the environment
            raise UserError(
                "database-unavailable",
                f"the database could not be used: {str(error).splitlines()[0]}",
            ) from error
        finally:
            session.close()

    def close(self) -> None:
        """Release every pooled connection."""
        self._engine.dispose()


def _create_parent(database_file: Path) -> None:
    try:
        database_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(
            "database-folder",
            f"cannot create the folder for the database {database_file}: "
            f"{error.strerror or error}",
        ) from error
