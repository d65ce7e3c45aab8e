"""The desktop bundle, built once per test session with packaging/build.sh."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.xvfb import running_xvfb

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO / "packaging" / "build.sh"
INSTALL_SCRIPT = REPO / "packaging" / "install.sh"
BUNDLE_ENV = "CAREERCOACH_TEST_BUNDLE"
BUILD_TIMEOUT_S = 900


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built app folder (``dist/careercoach``).

    The session builds it into a temporary folder, as CI does; a developer who has just
    run packaging/build.sh may name the result in CAREERCOACH_TEST_BUNDLE instead.
    """
    given = os.environ.get(BUNDLE_ENV)
    if given:
        folder = Path(given).resolve()
        assert (folder / "careercoach").is_file(), f"{BUNDLE_ENV}={given} holds no app"
        return folder
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("pyinstaller-work")
    built = subprocess.run(
        ["bash", str(BUILD_SCRIPT), "--dist", str(dist), "--work", str(work)],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert built.returncode == 0, f"build failed:\n{built.stdout}\n{built.stderr}"
    return dist / "careercoach"


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """A virtual X server for the xcb platform, for the whole session."""
    with running_xvfb() as display:
        yield display


def app_environment(home: Path, **extra: str) -> dict[str, str]:
    """An environment as a desktop user has it, with HOME (and so the data) in ``home``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CAREERCOACH_", "QT_", "XDG_")) and key not in ("DISPLAY",)
    }
    env["HOME"] = str(home)
    env.update(extra)
    return env
