"""Storage tests run against SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.storage.database import Database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database of each supported kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store' / 'careercoach.sqlite3'}"
    url = request.getfixturevalue("postgres_empty_database")
    assert isinstance(url, str)
    return url


@pytest.fixture
def database(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database."""
    db = Database(database_url, backups_dir=tmp_path / "backups")
    db.upgrade()
    yield db
    db.close()
