"""Runs a test folder against each database a user can pick: the SQLite file and PostgreSQL.

A conftest takes ``database_backend`` (autouse) and ``parametrize_database_backend`` (its
``pytest_generate_tests``) from here. Every test then runs once per backend, the backend
in its id (``test_x[sqlite]``, ``test_x[postgresql]``). A test marked ``sqlite_only`` is
about the SQLite file itself and is generated for SQLite alone; one marked ``postgres`` is
about PostgreSQL itself and is generated for PostgreSQL alone. Neither is skipped at run
time: the other backend's run simply does not exist.

With PostgreSQL, ``CAREERCOACH_DATABASE_URL`` names a fresh database, as a team's shared
server would be named, so ``main()``, ``resolve_database_url`` and child processes all
use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from careercoach.paths import DATABASE_URL_ENV, AppPaths
from tests.postgres_cluster import EmptyDatabases

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
SQLITE_ONLY = "sqlite_only"


class DatabaseBackend:
    """The database kind a test runs on, and the database each data dir of it uses."""

    def __init__(
        self, name: str, data_dir: Path, databases: EmptyDatabases | None, stack: ExitStack
    ) -> None:
        self.name = name
        self.data_dir = data_dir
        self._databases = databases
        self._stack = stack
        self._urls: dict[Path, str] = {}

    @property
    def url(self) -> str:
        """The database of the test's own data dir (the one ``main()`` uses by default)."""
        return self.url_for(self.data_dir)

    def url_for(self, data_dir: Path) -> str:
        """The database of the app over ``data_dir``: one of its own for each data dir."""
        if self._databases is None:
            return AppPaths(data_dir).default_database_url
        key = data_dir.absolute()
        if key not in self._urls:
            self._urls[key] = self._stack.enter_context(self._databases.empty_database())
        return self._urls[key]

    def data_dir_args(self, data_dir: Path) -> list[str]:
        """Command-line options pointing the app at ``data_dir`` and that dir's database.

        With SQLite the data dir names the database; with a server, the URL must be given.
        """
        args = ["--data-dir", str(data_dir)]
        if self._databases is not None:
            args += ["--database-url", self.url_for(data_dir)]
        return args


def parametrize_database_backend(metafunc: pytest.Metafunc) -> None:
    """Generate each test once per backend, or for the one backend its marker names."""
    if "database_backend" not in metafunc.fixturenames:
        return
    postgresql = pytest.param(POSTGRESQL, marks=pytest.mark.postgres)
    if metafunc.definition.get_closest_marker(SQLITE_ONLY) is not None:
        backends: list[object] = [SQLITE]
    elif metafunc.definition.get_closest_marker("postgres") is not None:
        backends = [postgresql]
    else:
        backends = [SQLITE, postgresql]
    metafunc.parametrize("database_backend", backends, indirect=True)


@pytest.fixture(autouse=True)
def database_backend(
    request: pytest.FixtureRequest, isolated_app_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DatabaseBackend]:
    """The backend of this run; for PostgreSQL the environment names a fresh database.

    It depends on ``isolated_app_dirs``, which clears ``CAREERCOACH_DATABASE_URL``, so
    the variable set here is the one the test sees.
    """
    name: str = request.param
    with ExitStack() as stack:
        databases = None
        if name == POSTGRESQL:
            databases = request.getfixturevalue("postgres_databases")
            assert isinstance(databases, EmptyDatabases)
        backend = DatabaseBackend(name, isolated_app_dirs, databases, stack)
        if databases is not None:
            monkeypatch.setenv(DATABASE_URL_ENV, backend.url)
        yield backend
