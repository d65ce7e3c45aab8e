"""Finds the files shipped in ``resources/`` from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding built-in ladders, schemas, rule files and icons."""
    candidates = []
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is not None:
        candidates.append(Path(bundle_root) / "resources")
    candidates.append(_PACKAGE_DIR / "resources")  # installed wheel
    candidates.append(_PACKAGE_DIR.parent / "resources")  # source checkout
    for candidate in candidates:
        if (candidate / "ladders").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"CareerCoach resources are missing (looked in {searched})")


def builtin_ladder_files() -> list[Path]:
    """The built-in ladder files, in a stable order."""
    return sorted((resources_dir() / "ladders").glob("*.toml"))


def builtin_rules_dir() -> Path:
    """The folder holding the built-in coach rule files."""
    return resources_dir() / "rules"


def resource_path(*parts: str) -> Path:
    """Path of one shipped resource, e.g. ``resource_path("icons", "careercoach.svg")``."""
    return resources_dir().joinpath(*parts)
