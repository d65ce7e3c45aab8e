"""``careercoach --smoke-test`` from the source tree: its steps, and the options it refuses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from careercoach.app import main
from careercoach.ui.smoke_test import run_smoke_test


def test_the_smoke_test_runs_every_step_on_a_temporary_folder(
    qapp: QApplication, isolated_app_dirs: Path
) -> None:
    out = io.StringIO()
    assert run_smoke_test(out) == 0
    report = out.getvalue()
    steps = [line.strip() for line in report.splitlines() if line.endswith(" ...")]
    assert steps == [
        "migrate the database and open the main window ...",
        "fill the demo year and run the coach ...",
        "export the 1:1 summary as a PDF ...",
    ]
    assert report.count("  ok (") == 3
    assert report.rstrip().splitlines()[-1].startswith("smoke test passed in ")
    folder = Path(report.splitlines()[0].removeprefix("smoke test: temporary data folder "))
    assert not folder.exists()
    assert not isolated_app_dirs.exists()  # the user's data folder was never created


@pytest.mark.parametrize(
    "extra",
    [["--data-dir", "somewhere"], ["--database-url", "sqlite:///x.db"], ["ladder", "list"]],
    ids=["data-dir", "database-url", "command"],
)
def test_the_smoke_test_takes_no_other_options(
    extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--smoke-test", *extra]) == 2
    assert "--smoke-test runs on its own" in capsys.readouterr().err
