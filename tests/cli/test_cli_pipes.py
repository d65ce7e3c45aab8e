"""Long listings behave in a shell pipe, and impossible ids are bad input, not crashes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careercoach.domain.contribution import Contribution, ContributionKind
from tests.cli.test_cli import run
from tests.cli.test_evidence_cli import app_services


def test_log_list_into_a_reader_that_stops_early_exits_quietly(
    isolated_app_dirs: Path,
) -> None:
    with app_services() as services:
        services.ledger.add_many(
            Contribution(dt.date(2026, 1, 1), f"Reviewed PR {n}", ContributionKind.CODE_REVIEW)
            for n in range(3000)
        )
    listing = subprocess.Popen(
        [sys.executable, "-m", "careercoach", "log", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "CAREERCOACH_DATA_DIR": str(isolated_app_dirs)},
    )
    assert listing.stdout is not None
    assert listing.stderr is not None
    first = listing.stdout.readline()  # like `careercoach log list | head -1`
    listing.stdout.close()
    errors = listing.stderr.read()
    listing.stderr.close()
    assert listing.wait(timeout=60) == 0
    assert first.decode().split()[3:] == ["Reviewed", "PR", "2999"]
    assert errors == b""


@pytest.mark.parametrize("prototype_id", ["99999999999999999999999", "0", "-4"])
def test_an_impossible_prototype_id_is_bad_input(
    capsys: pytest.CaptureFixture[str], prototype_id: str
) -> None:
    code, out, err = run(capsys, "prototype", "stage", prototype_id, "demo")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "id" in err
