"""Every command refuses a damaged database file with one line and exit 2, writing nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.test_cli import run

# A damaged SQLite file: a server database has no file to damage.
pytestmark = pytest.mark.sqlite_only


@pytest.mark.parametrize(
    "argv",
    [["profile", "show"], ["db", "upgrade"], ["db", "current"], ["log", "list"], ["suggest"]],
)
def test_a_damaged_database_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], isolated_app_dirs: Path, argv: list[str]
) -> None:
    database_file = isolated_app_dirs / "careercoach.sqlite3"
    database_file.parent.mkdir(parents=True, exist_ok=True)
    database_file.write_bytes(b"\x00garbage" * 1000)
    before = hashlib.sha256(database_file.read_bytes()).hexdigest()

    code, out, err = run(capsys, *argv)

    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1, err
    assert f"{database_file} cannot be used" in err
    assert hashlib.sha256(database_file.read_bytes()).hexdigest() == before
