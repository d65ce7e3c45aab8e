"""Test session set-up: headless Qt, isolated app directories, PostgreSQL and hypothesis."""

from __future__ import annotations

import os

# Qt must see the platform before it loads; an empty value would make it try xcb and abort.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests import postgres_cluster

# A 2-core CI machine makes hypothesis' default deadline flaky.
settings.register_profile(
    "careercoach", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("careercoach")

postgres_url = postgres_cluster.postgres_url
postgres_databases = postgres_cluster.postgres_databases
postgres_empty_database = postgres_cluster.postgres_empty_database


@pytest.fixture(autouse=True)
def isolated_app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every directory the app could touch at ``tmp_path``; yields the data dir.

    The process umask is restored afterwards: ``main()`` tightens it, as the app does.
    """
    home = tmp_path / "home"
    home.mkdir()
    data_dir = tmp_path / "data"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("CAREERCOACH_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CAREERCOACH_DATABASE_URL", raising=False)
    monkeypatch.delenv("CAREERCOACH_STARTUP_PROBE", raising=False)
    umask = os.umask(0o022)
    os.umask(umask)
    yield data_dir
    os.umask(umask)
