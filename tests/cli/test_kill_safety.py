"""SIGKILL during ``log import`` or ``restore --replace`` leaves all-before or all-after.

Each operation runs in a child process that is killed at several offsets spread over
its measured uninterrupted duration, and once at a pause point the test adds from
outside: a launcher wraps the storage call so that, with every row written but nothing
committed, the child marks a file and waits to be killed. After each kill the database
is opened afresh, as the next start would, and must hold exactly the state before the
operation or exactly the state after it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from careercoach.domain.backup_format import TableRows
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.ledger_csv import render_ledger_csv
from careercoach.paths import DATABASE_FILENAME, resolve_database_url, resolve_paths
from careercoach.services.app_services import AppServices, open_services

# Copies data dirs with their SQLite file and checks it with SQLite's integrity_check.
pytestmark = pytest.mark.sqlite_only

BULK_ROWS = 20_000
# Where to kill, as fractions of the measured uninterrupted run (start-up included).
KILL_POINTS = (0.3, 0.5, 0.65, 0.8, 0.9)
CLOCK_COLUMNS = ("created_at", "updated_at")  # set from the clock when rows are added

# argv: marker file ("" for none), then the command line. With a marker, the bulk write
# of either operation is followed by the marker and a wait, inside the open transaction.
LAUNCHER = """
import sys
import time
from pathlib import Path

import pytest

marker = sys.argv[1]
if marker:
    from careercoach.storage.backup_tables import BackupTables
    from careercoach.storage.contribution_repository import ContributionRepository

    def paused(original):
        def wrapper(*args, **kwargs):
            result = original(*args, **kwargs)
            Path(marker).touch()
            time.sleep(300)  # held mid-transaction until the test kills this process
            return result

        return wrapper

    ContributionRepository.add_many = paused(ContributionRepository.add_many)
    BackupTables.replace_all = paused(BackupTables.replace_all)

from careercoach.app import main

sys.exit(main(sys.argv[2:]))
"""


@contextmanager
def opened(data_dir: Path) -> Iterator[AppServices]:
    """The services over ``data_dir``, opened as a start of the app opens them."""
    paths = resolve_paths(str(data_dir), os.environ)
    services = open_services(paths, resolve_database_url(None, os.environ, paths))
    try:
        yield services
    finally:
        services.close()


def as_json(value: object) -> TableRows:
    """Rows as a backup file holds them (lists, not tuples), to compare with one."""
    rows: TableRows = json.loads(json.dumps(value))
    return rows


def dump(data_dir: Path) -> TableRows:
    """Every table, read by a fresh start; the file must then pass SQLite's own check."""
    with opened(data_dir) as services, services.database.unit_of_work() as work:
        rows = work.tables.dump()
    with closing(sqlite3.connect(data_dir / DATABASE_FILENAME)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return as_json(rows)


def without_clock(tables: TableRows) -> object:
    return {
        name: [{k: v for k, v in row.items() if k not in CLOCK_COLUMNS} for row in rows]
        for name, rows in tables.items()
    }


def bulk_entries() -> list[Contribution]:
    start = dt.date(2020, 1, 1)
    return [
        Contribution(
            start + dt.timedelta(days=number % 1500),
            f"Bulk entry {number}",
            ContributionKind.TESTS,
            project=f"Project {number % 37}",
            outcome=f"Outcome of bulk entry {number}, long enough to fill some pages.",
        )
        for number in range(BULK_ROWS)
    ]


def command(data_dir: Path, marker: Path | None, *argv: str) -> list[str]:
    return [sys.executable, "-c", LAUNCHER, str(marker or ""), "--data-dir", str(data_dir), *argv]


def run_through(data_dir: Path, *argv: str) -> float:
    """Run the command to its end; returns how long it took."""
    began = time.monotonic()
    done = subprocess.run(command(data_dir, None, *argv), capture_output=True, text=True)
    elapsed = time.monotonic() - began
    assert done.returncode == 0, done.stderr
    return elapsed


def kill_after(data_dir: Path, delay: float, *argv: str) -> bool:
    """Start the command and SIGKILL it after ``delay`` s; whether it was still running."""
    process = subprocess.Popen(
        command(data_dir, None, *argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _, err = process.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    else:  # it finished first: the state after is the one to find
        assert process.returncode == 0, err
        return False
    process.communicate(timeout=60)
    return process.returncode == -signal.SIGKILL


def kill_at_pause(data_dir: Path, marker: Path, *argv: str) -> None:
    """Start the command and SIGKILL it once its rows are written but not committed."""
    process = subprocess.Popen(
        command(data_dir, marker, *argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the pause point was never reached"
            time.sleep(0.01)  # another process: only its marker file can tell us
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL


def trial_copy(prepared: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(prepared, target)
    return target


def report(name: str, duration: float, outcomes: list[tuple[float, str]]) -> None:
    shown = ", ".join(f"{delay:.2f}s→{state}" for delay, state in outcomes)
    sys.stderr.write(f"{name}: uninterrupted {duration:.2f}s; kills: {shown}\n")


def test_a_killed_csv_import_adds_every_row_or_none(tmp_path: Path) -> None:
    prepared = tmp_path / "prepared"
    with opened(prepared) as services:
        services.demo.fill()
    big_csv = tmp_path / "big.csv"
    big_csv.write_text(render_ledger_csv(bulk_entries()), encoding="utf-8", newline="")
    before = dump(prepared)

    reference = trial_copy(prepared, tmp_path, "reference")
    duration = run_through(reference, "log", "import", str(big_csv))
    after = dump(reference)
    assert len(after["contributions"]) == len(before["contributions"]) + BULK_ROWS

    def state_of(data_dir: Path) -> str:
        found = dump(data_dir)
        if found == before:
            return "before"
        # Only the added rows' clock columns may differ from the reference run.
        assert without_clock(found) == without_clock(after), "neither before nor after"
        assert found["contributions"][: len(before["contributions"])] == before["contributions"]
        return "after"

    paused = trial_copy(prepared, tmp_path, "paused")
    kill_at_pause(paused, tmp_path / "paused.marker", "log", "import", str(big_csv))
    assert state_of(paused) == "before"
    # After the kill, the command simply runs again and does its whole work.
    run_through(paused, "log", "import", str(big_csv))
    assert without_clock(dump(paused)) == without_clock(after)

    outcomes = [(0.0, "before (paused)")]
    for number, fraction in enumerate(KILL_POINTS):
        data_dir = trial_copy(prepared, tmp_path, f"killed-{number}")
        delay = duration * fraction
        killed = kill_after(data_dir, delay, "log", "import", str(big_csv))
        state = state_of(data_dir)
        outcomes.append((delay, state if killed else f"{state} (finished)"))
        if not killed:
            assert state == "after"
    report("log import", duration, outcomes)


def test_a_killed_restore_replaces_everything_or_nothing(tmp_path: Path) -> None:
    prepared = tmp_path / "prepared"
    with opened(prepared) as services:
        services.demo.fill()
    source = tmp_path / "source"
    big_backup = tmp_path / "big.json"
    with opened(source) as services:
        services.demo.fill()
        services.ledger.add_many(bulk_entries())
        services.backups.backup(big_backup)
    backup_data = as_json(json.loads(big_backup.read_text(encoding="utf-8"))["data"])
    before = dump(prepared)
    assert backup_data != before
    assert len(backup_data["contributions"]) == len(before["contributions"]) + BULK_ROWS

    def state_of(data_dir: Path) -> str:
        found = dump(data_dir)
        saved = sorted((data_dir / "backups").glob("before-restore-*.json"))
        # A copy of the replaced data, if one was written, holds exactly that data.
        assert len(saved) <= 1, saved
        for copy in saved:
            assert json.loads(copy.read_text(encoding="utf-8"))["data"] == before
        if found == before:
            return "before" + (" + copy" if saved else "")
        assert found == backup_data, "neither before nor after"
        assert saved, "the replaced data was not saved first"
        return "after"

    reference = trial_copy(prepared, tmp_path, "reference")
    restore = ("restore", str(big_backup), "--replace")
    duration = run_through(reference, *restore)
    assert state_of(reference) == "after"

    paused = trial_copy(prepared, tmp_path, "paused")
    kill_at_pause(paused, tmp_path / "paused.marker", *restore)
    assert state_of(paused) == "before + copy"
    # After the kill, the restore simply runs again (and saves the replaced data again).
    for copy in (paused / "backups").glob("before-restore-*.json"):
        copy.unlink()
    run_through(paused, *restore)
    assert state_of(paused) == "after"

    outcomes = [(0.0, "before + copy (paused)")]
    for number, fraction in enumerate(KILL_POINTS):
        data_dir = trial_copy(prepared, tmp_path, f"killed-{number}")
        delay = duration * fraction
        killed = kill_after(data_dir, delay, *restore)
        state = state_of(data_dir)
        outcomes.append((delay, state if killed else f"{state} (finished)"))
        if not killed:
            assert state == "after"
    report("restore --replace", duration, outcomes)
