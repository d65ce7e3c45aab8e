"""The frozen app: what the bundle holds, and that it runs on its own, offscreen and on X11."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import REPO, app_environment

RUN_TIMEOUT_S = 180

# Collected by Qt's and the libraries' hooks, never used by the app (PLATFORM.md).
LEFT_OUT = (
    "libqtvirtualkeyboardplugin",
    "libqpdf.so",
    "libqwayland",
    "libqeglfs",
    "libqgtk3",
    "libQt6Quick",
    "libQt6Qml",
    "libQt6Pdf",
    "libgtk-3",
    "qtbase_en.qm",
)
LEFT_OUT_PACKAGES = ("mypy", "_pytest", "pytest", "setuptools", "pygments")


def run_app(
    executable: Path, *args: str, env: dict[str, str], timeout: float = RUN_TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_the_bundle_is_one_folder_with_resources_and_migrations(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / "careercoach").is_file()
    shipped = sorted(p.name for p in (REPO / "resources" / "ladders").glob("*.toml"))
    bundled = sorted(p.name for p in (internal / "resources" / "ladders").glob("*.toml"))
    assert bundled == shipped
    assert (internal / "resources" / "rules" / "coach.toml").is_file()
    assert (internal / "resources" / "icons" / "careercoach.svg").is_file()
    revisions = REPO / "careercoach" / "storage" / "migrations" / "versions"
    bundled_revisions = internal / "careercoach" / "storage" / "migrations" / "versions"
    assert sorted(p.name for p in bundled_revisions.glob("*.py")) == sorted(
        p.name for p in revisions.glob("*.py")
    )
    assert (bundle / "share" / "applications" / "careercoach.desktop").is_file()


def test_the_bundle_leaves_out_what_the_app_never_loads(bundle: Path) -> None:
    names = [path.name for path in bundle.rglob("*")]
    for unused in LEFT_OUT:
        assert not [name for name in names if unused in name], unused
    top_level = {path.name for path in (bundle / "_internal").iterdir()}
    assert not top_level & set(LEFT_OUT_PACKAGES)
    assert not (bundle / "_internal" / "PySide6" / "Qt" / "translations").exists()


def test_the_frozen_smoke_test_passes_offscreen_and_leaves_no_trace(
    bundle: Path, tmp_path: Path
) -> None:
    home, temporary = tmp_path / "user", tmp_path / "tmp"
    home.mkdir()
    temporary.mkdir()
    done = run_app(
        bundle / "careercoach",
        "--smoke-test",
        env=app_environment(home, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temporary)),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "schema 0005_summary_exports, 3 built-in ladders" in done.stdout
    suggestions = re.search(r"(\d+) suggestions on the Coach page", done.stdout)
    assert suggestions is not None
    assert int(suggestions.group(1)) >= 1
    assert re.search(r"summary\.pdf: [\d,]+ bytes", done.stdout)
    assert "smoke test passed" in done.stdout
    # The temporary data folder is gone, and the user's own data folder was never made.
    assert list(temporary.iterdir()) == []
    assert list(home.iterdir()) == []


def test_the_frozen_smoke_test_passes_on_x11(
    bundle: Path, tmp_path: Path, xvfb_display: str
) -> None:
    done = run_app(
        bundle / "careercoach",
        "--smoke-test",
        env=app_environment(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=xvfb_display),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test passed" in done.stdout


def test_a_broken_bundle_fails_the_smoke_test_with_the_reason(
    bundle: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(bundle, broken, symlinks=True)
    shutil.rmtree(broken / "_internal" / "resources" / "ladders")
    home = tmp_path / "user"
    home.mkdir()
    done = run_app(
        broken / "careercoach",
        "--smoke-test",
        env=app_environment(home, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 1
    assert "smoke test FAILED: FileNotFoundError: CareerCoach resources are missing" in (
        done.stdout
    )
    assert "Traceback" not in done.stdout + done.stderr


def test_the_frozen_commands_find_their_resources(bundle: Path, tmp_path: Path) -> None:
    env = app_environment(tmp_path)  # no display at all: commands never need one
    app = bundle / "careercoach"
    data = ["--data-dir", str(tmp_path / "data")]
    ladders = run_app(app, *data, "ladder", "list", "--json", env=env)
    assert ladders.returncode == 0, ladders.stderr
    assert len(json.loads(ladders.stdout)["ladders"]) == 3
    assert run_app(app, *data, "demo", env=env).returncode == 0
    advice = run_app(app, *data, "suggest", "--json", env=env)
    assert advice.returncode == 0, advice.stderr
    assert json.loads(advice.stdout)["suggestions"]
    summary = tmp_path / "summary.pdf"
    exported = run_app(app, *data, "export", "pdf", "-o", str(summary), env=env)
    assert exported.returncode == 0, exported.stderr
    assert summary.read_bytes().startswith(b"%PDF-")


@pytest.mark.postgres
def test_the_frozen_app_works_on_a_team_postgresql_database(
    bundle: Path, tmp_path: Path, postgres_empty_database: str
) -> None:
    env = app_environment(tmp_path)
    app = bundle / "careercoach"
    database = ["--data-dir", str(tmp_path / "data"), "--database-url", postgres_empty_database]
    added = run_app(
        app,
        *database,
        "log",
        "add",
        "--kind",
        "code-review",
        "--title",
        "Reviewed the loader",
        env=env,
    )
    assert added.returncode == 0, added.stderr
    listed = run_app(app, *database, "log", "list", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)["entries"]
    assert [entry["title"] for entry in entries] == ["Reviewed the loader"]
