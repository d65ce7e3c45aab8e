"""A throwaway PostgreSQL cluster on loopback and the pytest fixtures that hand out its URLs."""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

DATABASE_URL_ENV = "CAREERCOACH_TEST_DATABASE_URL"
REQUIRE_POSTGRES_ENV = "CAREERCOACH_REQUIRE_POSTGRES"

ROLE = "careercoach"
DATABASE = "careercoach"
SUPERUSER = "postgres"

_STEP_TIMEOUT = 120.0
_START_ATTEMPTS = 3


def find_pg_bin() -> Path | None:
    """Return the directory holding ``initdb`` and ``pg_ctl``, or None if there is none."""
    initdb = shutil.which("initdb")
    if initdb is not None:
        directory = Path(initdb).parent
        if (directory / "pg_ctl").is_file():
            return directory
    candidates = [
        path.parent
        for path in Path("/usr/lib/postgresql").glob("*/bin/initdb")
        if (path.parent / "pg_ctl").is_file()
    ]
    candidates.sort(key=lambda d: _version_key(d.parent.name), reverse=True)
    return candidates[0] if candidates else None


def to_psycopg_url(url: str) -> str:
    """Turn a SQLAlchemy ``postgresql+psycopg://`` URL into one psycopg accepts."""
    return re.sub(r"^postgresql\+psycopg(2)?://", "postgresql://", url)


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a private cluster under /tmp and yield a SQLAlchemy URL to its database."""
    pg_bin = find_pg_bin()
    if pg_bin is None:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found")
    psql = pg_bin / "psql" if (pg_bin / "psql").is_file() else shutil.which("psql")
    if psql is None:
        raise RuntimeError("psql not found")

    as_root = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="careercoach-pg-", dir="/tmp"))
    data = base / "data"
    log = base / "postgres.log"
    try:
        if as_root:
            # The postgres user cannot enter root's directories; give it this one.
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(base, owner.pw_uid, owner.pw_gid)
        base.chmod(0o700)
        _run(
            [
                str(pg_bin / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            cwd=base,
            as_root=as_root,
        )
        port = 0
        for attempt in range(1, _START_ATTEMPTS + 1):
            port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={port} "
                f"-c unix_socket_directories={base} -c fsync=off -c full_page_writes=off "
                # An autovacuum worker (the superuser's) inside a test database would make
                # the test role's DROP DATABASE ... WITH (FORCE) fail now and then.
                "-c autovacuum=off"
            )
            try:
                _run(
                    [
                        str(pg_bin / "pg_ctl"),
                        "-D",
                        str(data),
                        "-l",
                        str(log),
                        "-o",
                        options,
                        "-w",
                        "-t",
                        "60",
                        "start",
                    ],
                    cwd=base,
                    as_root=as_root,
                    log=log,
                )
            except RuntimeError:
                # Another process may have taken the port between probing and binding.
                if attempt == _START_ATTEMPTS:
                    raise
            else:
                break

        password = secrets.token_hex(16)
        script = (
            f"CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{password}';\n"
            f"CREATE DATABASE {DATABASE} OWNER {ROLE};\n"
        )
        _run(
            [
                str(psql),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(base),
                "-p",
                str(port),
                "-U",
                SUPERUSER,
                "-d",
                "postgres",
            ],
            cwd=base,
            as_root=as_root,
            stdin=script,
        )
        yield f"postgresql+psycopg://{ROLE}:{password}@127.0.0.1:{port}/{DATABASE}"
    finally:
        if (data / "postmaster.pid").exists():
            with contextlib.suppress(RuntimeError):
                _run(
                    [str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                    cwd=base,
                    as_root=as_root,
                )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The SQLAlchemy URL of a PostgreSQL database shared by the whole test session."""
    configured = os.environ.get(DATABASE_URL_ENV, "")
    if configured:
        yield configured
        return
    if find_pg_bin() is not None:
        with throwaway_cluster() as url:
            yield url
        return
    if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
        pytest.fail(
            f"PostgreSQL is required ({REQUIRE_POSTGRES_ENV}=1): set {DATABASE_URL_ENV} "
            "or install postgresql"
        )
    pytest.skip(f"no PostgreSQL server: set {DATABASE_URL_ENV} or install postgresql")


@pytest.fixture(scope="session")
def postgres_databases(postgres_url: str) -> Iterator[EmptyDatabases]:
    """Hands out fresh, empty databases on the session's server (see ``EmptyDatabases``)."""
    databases = EmptyDatabases(postgres_url)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture
def postgres_empty_database(postgres_databases: EmptyDatabases) -> Iterator[str]:
    """The SQLAlchemy URL of a freshly created, empty database, dropped after the test."""
    with postgres_databases.empty_database() as url:
        yield url


class EmptyDatabases:
    """Creates empty databases on one server, a few ahead of need.

    ``CREATE DATABASE`` takes most of a fifth of a second, mostly waiting on the server;
    a worker thread creates the next ones while a test runs, so a test rarely waits.
    Every database is still new and used by one test only.
    """

    AHEAD = 2

    def __init__(self, server_url: str) -> None:
        self._server_url = server_url
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="create-database")
        self._ready: deque[Future[str]] = deque(
            self._worker.submit(self._create) for _ in range(self.AHEAD)
        )

    @contextmanager
    def empty_database(self) -> Iterator[str]:
        """Yield the URL of a new, empty database; drop it afterwards."""
        url = self._ready.popleft().result()
        self._ready.append(self._worker.submit(self._create))
        try:
            yield url
        finally:
            self._drop(url)

    def close(self) -> None:
        """Drop the databases created ahead and nobody used."""
        try:
            while self._ready:
                self._drop(self._ready.popleft().result())
        finally:
            self._worker.shutdown(cancel_futures=True)

    def _create(self) -> str:
        name = f"cc_test_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(to_psycopg_url(self._server_url), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return urlunsplit(urlsplit(self._server_url)._replace(path=f"/{name}"))

    def _drop(self, url: str) -> None:
        name = urlsplit(url).path.removeprefix("/")
        with psycopg.connect(to_psycopg_url(self._server_url), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _run(
    command: Sequence[str],
    *,
    cwd: Path,
    as_root: bool,
    stdin: str | None = None,
    log: Path | None = None,
) -> None:
    """Run one step, as the postgres user when we are root; raise RuntimeError on failure."""
    argv = ["runuser", "-u", SUPERUSER, "--", *command] if as_root else list(command)
    try:
        result = subprocess.run(
            argv,
            check=False,
            capture_output=True,
            text=True,
            cwd=cwd,
            input=stdin,
            timeout=_STEP_TIMEOUT,
        )
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(f"{command[0]} timed out after {_STEP_TIMEOUT:.0f} s") from error
    if result.returncode != 0:
        details = result.stderr.strip() or result.stdout.strip()
        if log is not None and log.is_file():
            details += "\n--- server log ---\n" + log.read_text(errors="replace")[-4000:]
        raise RuntimeError(
            f"{Path(command[0]).name} failed with exit code {result.returncode}:\n{details}"
        )
