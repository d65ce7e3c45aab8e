"""Creates database engines: SQLite with WAL and foreign keys, or any URL (PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from careercoach.domain.errors import UserError


def parse_database_url(url: str) -> URL:
    """Parse ``url`` or raise a UserError that says what a URL looks like."""
    try:
        return make_url(url)
    except (ArgumentError, ValueError) as error:
        raise UserError(
            "database-url-invalid",
            f"'{url}' is not a database URL (expected e.g. sqlite:///path/to/file.sqlite3 "
            "or postgresql+psycopg://user:password@host/dbname)",
            url=url,
        ) from error


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 commits before every DDL statement on its own, which would leave a
    # failed migration half-applied. Let SQLAlchemy own the transactions instead (its
    # documented pysqlite recipe): no implicit BEGIN here, an explicit one in _begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def create_database_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and a busy timeout."""
    parsed = parse_database_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        # Plain postgresql:// would pick psycopg2, which is not installed; use psycopg 3.
        parsed = parsed.set(drivername="postgresql+psycopg")
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        # Worker threads share the pool; SQLAlchemy hands a connection to one thread at a time.
        connect_args["check_same_thread"] = False
    try:
        engine = create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    except (NoSuchModuleError, ArgumentError, ImportError) as error:
        raise UserError(
            "database-url-unsupported",
            f"CareerCoach cannot use the database '{parsed.render_as_string()}': {error}",
        ) from error
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
