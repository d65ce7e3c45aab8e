"""Brings a database to the schema this version expects, or refuses one from a newer version."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from careercoach.domain.errors import DatabaseTooNewError, UserError
from careercoach.paths import make_private
from careercoach.storage.revisions import HEAD_REVISION, KNOWN_REVISIONS

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands relative to this version's schema."""

    current: str | None
    head: str

    @property
    def is_current(self) -> bool:
        """True when no migration is needed."""
        return self.current == self.head


@dataclass(frozen=True)
class MigrationResult:
    """What ``upgrade_schema`` did."""

    from_revision: str | None
    to_revision: str
    backup_file: Path | None

    @property
    def migrated(self) -> bool:
        """True when a migration ran."""
        return self.from_revision != self.to_revision


def read_revision(connection: Connection) -> str | None:
    """The schema revision stored in the database, None for an empty database.

    Raises:
        UserError: the database holds tables but is not a CareerCoach database.
    """
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise UserError(
                "database-foreign",
                "this database already holds tables that CareerCoach did not create "
                f"({', '.join(sorted(tables)[:5])}); point CareerCoach at an empty database",
            )
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def sqlite_revision(database_file: Path) -> str | None:
    """The revision in a SQLite file, read without changing a byte (None: not recorded)."""
    try:
        connection = sqlite3.connect(f"{database_file.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def refuse_newer(revision: str | None) -> None:
    """Raise DatabaseTooNewError when ``revision`` comes from a newer CareerCoach."""
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseTooNewError(
            "database-too-new",
            f"this database was written by a newer version of CareerCoach (schema {revision}); "
            "install that version or newer to open it — nothing was changed",
            revision=revision,
        )


def schema_status(engine: Engine) -> SchemaStatus:
    """The stored revision and the one this version expects.

    Raises:
        DatabaseTooNewError: the database was written by a newer CareerCoach.
    """
    try:
        with engine.connect() as connection:
            current = read_revision(connection)
    except SQLAlchemyError as error:
        raise UserError(
            "database-unreachable",
            f"cannot open the database: {error.__class__.__name__}: {_first_line(error)}",
        ) from error
    refuse_newer(current)
    return SchemaStatus(current=current, head=HEAD_REVISION)


def upgrade_schema(
    engine: Engine, *, database_file: Path | None, backups_dir: Path
) -> MigrationResult:
    """Migrate to the head revision, copying a SQLite file aside first.

    Alembic is imported only when a migration actually runs.
    """
    status = schema_status(engine)
    if status.is_current:
        return MigrationResult(status.current, status.head, None)
    backup = None
    if database_file is not None and status.current is not None:
        backup = backup_sqlite_file(database_file, backups_dir, status.current)
    from alembic import command  # imported here: Alembic costs ~200 ms at start-up
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            # Another instance may have migrated while this one waited for the lock.
            current = read_revision(connection)
            refuse_newer(current)
            if current == status.head:
                return MigrationResult(current, status.head, None)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        kept = f"; a copy from before it is in {backup}" if backup else ""
        raise UserError(
            "migration-failed",
            f"the database could not be upgraded and was left as it was{kept}: "
            f"{_first_line(error)}",
        ) from error
    if database_file is not None:
        make_private(database_file)
    return MigrationResult(status.current, status.head, backup)


def backup_sqlite_file(database_file: Path, backups_dir: Path, revision: str) -> Path:
    """Copy the SQLite database (WAL content included) into ``backups_dir``."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{database_file.stem}-before-migration-{revision}-{stamp}.sqlite3"
    source = sqlite3.connect(database_file)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    make_private(target)
    return target


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else ""
