"""A password in the database URL never reaches the terminal, the log or any file written.

The URLs point at the test session's PostgreSQL server: refused at a closed port, refused
for a wrong password, rejected before connecting, and accepted. After each run, every
file under the test's folder (data dir, logs, settings, backups, exports) is searched.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import text

from careercoach.paths import DATABASE_URL_ENV
from careercoach.storage.ladder_repository import LadderRepository
from tests.cli.test_cli import run
from tests.database_backends import DatabaseBackend

pytestmark = pytest.mark.postgres

SECRET = "SECRETPW"
COMMANDS = [
    ["profile", "show"],
    ["db", "current"],
    ["db", "upgrade"],
    ["log", "add", "--kind", "tests", "--title", "Mine"],
    ["ladder", "list", "--json"],
    ["suggest"],
]


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def with_password(url: str, password: str, *, port: object = None, query: str = "") -> str:
    """``url`` with another password (and port or query)."""
    parts = urlsplit(url)
    netloc = f"{parts.username}:{password}@{parts.hostname}:{port or parts.port}"
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def files_holding(folder: Path, secret: str) -> list[Path]:
    """Every file under ``folder`` whose bytes contain ``secret``."""
    return [
        path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and secret.encode() in path.read_bytes()
    ]


BAD_URLS = {
    "closed port": (lambda url: with_password(url, SECRET, port=closed_port()), "refused"),
    "wrong password": (lambda url: with_password(url, SECRET), "password authentication"),
    "port not a number": (
        lambda url: with_password(url, SECRET, port="notaport"),
        "is not a database URL",
    ),
    "password in the query": (
        lambda url: with_password(url, "", port=closed_port(), query=f"password={SECRET}"),
        "refused",
    ),
    "unsupported driver": (
        lambda url: with_password(url, SECRET).replace("+psycopg:", "+pg8000:", 1),
        "cannot use the database",
    ),
}


@pytest.mark.parametrize("kind", BAD_URLS)
def test_a_refused_database_url_shows_no_password(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    database_backend: DatabaseBackend,
    kind: str,
) -> None:
    make_url, message = BAD_URLS[kind]
    url = make_url(database_backend.url)
    assert SECRET in url
    for argv in COMMANDS:
        code, out, err = run(capsys, "--database-url", url, *argv)
        assert (code, out) == (2, ""), err
        assert len(err.splitlines()) == 1, err
        assert message in err
        assert SECRET not in err
    # Named by the environment, in a process of its own.
    done = subprocess.run(
        [sys.executable, "-m", "careercoach", "log", "list"],
        env={**os.environ, DATABASE_URL_ENV: url},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert message in done.stderr
    assert SECRET not in done.stderr
    assert files_holding(tmp_path, SECRET) == []


def test_a_working_database_url_leaves_its_password_nowhere(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    database_backend: DatabaseBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = database_backend.url
    password = urlsplit(url).password
    assert password  # the test server's role logs in with one
    for argv in (
        ["demo"],
        ["log", "list", "--json"],
        ["backup", "-o", str(tmp_path / "backup.json")],
        ["export", "md", "-o", str(tmp_path / "summary.md")],
        ["db", "current"],
    ):
        code, out, err = run(capsys, "--database-url", url, *argv)
        assert (code, err) == (0, "")
        assert password not in out

    def failing_query(self: LadderRepository) -> None:
        self._session.execute(text("SELECT no_such_column FROM ladders"))

    monkeypatch.setattr(LadderRepository, "summaries", failing_query)
    code, out, err = run(capsys, "--database-url", url, "ladder", "list")
    assert (code, out) == (1, "")
    assert password not in err
    log = (database_backend.data_dir / "logs" / "careercoach.log").read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "no_such_column" in log
    assert files_holding(tmp_path, password) == []
