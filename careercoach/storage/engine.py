"""Creates database engines: SQLite with WAL and foreign keys, or any URL (PostgreSQL).

Transactions on one database are taken one at a time, across every app instance using
it (a window and a script, two windows, a team's scripts on a shared server): each
waits up to ``LOCK_WAIT_MS`` for the one before it. A transaction that reads and then
writes is thus never working from a state another instance has since changed, so
nothing is lost or duplicated, and a write is not refused merely because another
instance wrote first. The app's transactions are short, one use case each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from careercoach.domain.errors import UserError
from careercoach.paths import describe_database_url

LOCK_WAIT_MS = 5000
# The key of PostgreSQL's transaction-level advisory lock that serialises the app's
# transactions ("CCOACH01" in ASCII). Advisory locks are scoped to their database.
TRANSACTION_LOCK_KEY = 0x43434F4143483031


def parse_database_url(url: str) -> URL:
    """Parse ``url`` or raise a UserError that says what a URL looks like."""
    try:
        return make_url(url)
    except (ArgumentError, ValueError) as error:
        shown = describe_database_url(url)  # a password must not reach the screen or a log
        raise UserError(
            "database-url-invalid",
            f"'{shown}' is not a database URL (expected e.g. sqlite:///path/to/file.sqlite3 "
            "or postgresql+psycopg://user:password@host/dbname)",
            url=shown,
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
        cursor.execute(f"PRAGMA busy_timeout={LOCK_WAIT_MS}")
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
            f"CareerCoach cannot use the database '{describe_database_url(url)}': {error}",
        ) from error
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
    elif parsed.get_backend_name() == "postgresql":
        event.listen(engine, "begin", _begin_postgresql)
    return engine


def _begin_sqlite(connection: Any) -> None:
    # IMMEDIATE takes the write lock now, waiting out the busy timeout. A deferred BEGIN
    # would read first, and in WAL mode a later write then fails at once ("database is
    # locked") if another connection committed in between: no timeout helps there.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_postgresql(connection: Any) -> None:
    # READ COMMITTED alone would let two instances read "no such row" and both insert it.
    # A lock wait that runs out raises an OperationalError, like SQLite's busy timeout.
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {LOCK_WAIT_MS}")
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({TRANSACTION_LOCK_KEY})")
