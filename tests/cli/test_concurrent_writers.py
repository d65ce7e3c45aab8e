"""Two app instances writing to one database at the same time lose nothing.

Each writer is a process of its own that runs ``careercoach`` commands one after another,
as a script or a second window would: ledger entries, prototypes and check-ins, mixed.
On an empty database their first commands also race to create the schema; on a migrated
one, to store the built-in ladders. Neither writes before both are ready: each says so
on its stdout, then waits for a line on its stdin, which the test sends to both at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import zip_longest

import pytest

from careercoach.app import main
from careercoach.domain.checkin import IsoWeek
from tests.cli.test_evidence_cli import stored

ENTRIES = 8
PROTOTYPES = 3
CHECKINS = 3
HOURS = ["--assigned", "25", "--helping", "10", "--learning", "3", "--solo", "2"]

# argv[1]: the commands, as JSON. Each is run by the app's own entry point, in turn.
WRITER = """
import json
import sys

from careercoach.app import main

commands = json.loads(sys.argv[1])
print("ready", flush=True)
if sys.stdin.readline() != "go\\n":
    sys.exit("writer: the test never said go")
codes = [main(argv) for argv in commands]
sys.exit(max(codes))
"""


def writes(writer: str, first_week: int) -> list[list[str]]:
    """The commands of one writer: every kind of write, interleaved."""
    entries = [
        ["log", "add", "--kind", "tests", "--title", f"{writer} entry {n}", "--date", "2025-03-12"]
        for n in range(ENTRIES)
    ]
    prototypes = [
        ["prototype", "add", "--title", f"{writer} prototype {n}", "--hours", "2"]
        for n in range(PROTOTYPES)
    ]
    checkins = [
        ["checkin", "add", "--week", f"2025-W{first_week + n:02d}", *HOURS, "--note", writer]
        for n in range(CHECKINS)
    ]
    mixed = zip_longest(entries, prototypes, checkins)
    return [command for group in mixed for command in group if command is not None]


@pytest.mark.parametrize("database", ["empty", "migrated"])
def test_two_writers_at_once_lose_nothing(database: str) -> None:
    if database == "migrated":
        assert main(["db", "upgrade"]) == 0
    plans = {"alpha": writes("alpha", first_week=10), "beta": writes("beta", first_week=20)}
    writers = {
        name: subprocess.Popen(
            [sys.executable, "-c", WRITER, json.dumps(commands)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, commands in plans.items()
    }
    try:
        for writer in writers.values():
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n", writer.communicate()[1]
        for writer in writers.values():
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        results = {name: writer.communicate(timeout=120) for name, writer in writers.items()}
    finally:
        for writer in writers.values():
            if writer.poll() is None:
                writer.kill()
                writer.communicate()

    for name, writer in writers.items():
        err = results[name][1]
        assert writer.returncode == 0, f"{name}: {err}"
        assert err == "", name
    found = stored()
    titles = sorted(entry.title for entry in found.entries)
    assert titles == sorted(f"{name} entry {n}" for name in plans for n in range(ENTRIES))
    assert sorted(prototype.title for prototype in found.prototypes) == sorted(
        f"{name} prototype {n}" for name in plans for n in range(PROTOTYPES)
    )
    assert sorted((checkin.week, checkin.note) for checkin in found.checkins) == sorted(
        [(IsoWeek(2025, 10 + n), "alpha") for n in range(CHECKINS)]
        + [(IsoWeek(2025, 20 + n), "beta") for n in range(CHECKINS)]
    )
    assert len({entry.id for entry in found.entries}) == 2 * ENTRIES
