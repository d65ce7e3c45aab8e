"""Start-up time of CareerCoach against a bare PySide6 window, measured in the same run.

Measures, over repeated runs, process start -> main window painted and -> the user's data
on screen, and process start -> a bare QMainWindow painted (the floor). Prints the medians
and their ratios to the floor. Budget: first window within 1.5x the floor, data within 4x.
Also shown, without a budget: the first start on a new data folder (schema created), and
with --bundle the same marks for the frozen app built by packaging/build.sh.

    uv run python benchmarks/startup.py [--runs 9] [--bundle dist/careercoach]

Qt runs offscreen unless QT_QPA_PLATFORM says otherwise (e.g. xcb under Xvfb).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Probe(QObject):
    done = False
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 760)
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""

FIRST_WINDOW_BUDGET = 1.5
DATA_BUDGET = 4.0


def timed_run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``command`` once; return milliseconds from process start to each mark."""
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{command!r} failed ({done.returncode}):\n{done.stderr}")
    marks: dict[str, float] = {}
    for line in done.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("painted", "preview", "data"):
            marks[name] = (float(stamp) - started) * 1000
    return marks


def prepare_data_dir(data_dir: Path, env: dict[str, str]) -> None:
    """A data dir with a migrated database and a saved profile (no first-run dialog)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "careercoach",
            "--data-dir",
            str(data_dir),
            "profile",
            "set",
            "--name",
            "Benchmark",
        ],
        env=env,
        check=True,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each program (default 9)")
    parser.add_argument(
        "--bundle", type=Path, metavar="DIR", help="also time the frozen app in DIR"
    )
    args = parser.parse_args()

    env = dict(os.environ)
    # Measure what users get: byte-compiled modules (a warm-up run writes any missing ones).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("QT_QPA_PLATFORM"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["CAREERCOACH_STARTUP_PROBE"] = "1"
    with tempfile.TemporaryDirectory(prefix="careercoach-bench-") as folder:
        data_dir = Path(folder) / "data"
        prepare_data_dir(data_dir, env)
        app_command = [sys.executable, "-m", "careercoach", "--data-dir", str(data_dir)]
        floor_command = [sys.executable, "-c", BARE_WINDOW]
        timed_run(floor_command, env)  # warm the file cache for both
        timed_run(app_command, env)
        floor: list[float] = []
        painted: list[float] = []
        data: list[float] = []
        preview: list[float] = []
        first_run: list[float] = []
        frozen_command = (
            None if args.bundle is None else [str(args.bundle / "careercoach"), *app_command[3:]]
        )
        frozen: list[dict[str, float]] = []
        if frozen_command is not None:
            timed_run(frozen_command, env)
        for run in range(args.runs):  # interleaved, so drift hits all alike
            floor.append(timed_run(floor_command, env)["painted"])
            marks = timed_run(app_command, env)
            painted.append(marks["painted"])
            data.append(marks["data"])
            preview.append(marks.get("preview", marks["data"]))
            fresh = [sys.executable, "-m", "careercoach", "--data-dir", f"{folder}/fresh-{run}"]
            first_run.append(timed_run(fresh, env)["data"])
            if frozen_command is not None:
                frozen.append(timed_run(frozen_command, env))

    floor_median = statistics.median(floor)
    rows = [
        ("bare PySide6 window painted (floor)", floor_median, 1.0, None),
        (
            "CareerCoach main window painted",
            statistics.median(painted),
            statistics.median(painted) / floor_median,
            FIRST_WINDOW_BUDGET,
        ),
        (
            "home page greets the user (quick read)",
            statistics.median(preview),
            statistics.median(preview) / floor_median,
            DATA_BUDGET,
        ),
        (
            "home page shows all its data",
            statistics.median(data),
            statistics.median(data) / floor_median,
            DATA_BUDGET,
        ),
        (
            "first run: migrate, then data on screen",
            statistics.median(first_run),
            statistics.median(first_run) / floor_median,
            None,
        ),
    ]
    if frozen:
        for name, mark in (
            ("frozen: main window painted", "painted"),
            ("frozen: home page greets the user", "preview"),
            ("frozen: home page shows all its data", "data"),
        ):
            millis = statistics.median(marks.get(mark, marks["data"]) for marks in frozen)
            rows.append((name, millis, millis / floor_median, None))
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each, medians")
    print(f"{'measure':<38} {'ms':>8} {'x floor':>8} {'budget':>8} {'':>6}")
    for name, millis, ratio, budget in rows:
        budget_text = f"{budget:.1f}x" if budget else "-"
        verdict = "" if budget is None else ("ok" if ratio <= budget else "OVER")
        if budget is None and ratio != 1.0:
            budget_text = "(none)"
        print(f"{name:<38} {millis:>8.0f} {ratio:>8.2f} {budget_text:>8} {verdict:>6}")


if __name__ == "__main__":
    main()
