"""How commands print: one line of text, or one JSON object with one top-level key."""

from __future__ import annotations

import json
import sys
from typing import TextIO


def print_line(text: str, stream: TextIO | None = None) -> None:
    """Print one line of result on stdout (or ``stream``)."""
    (stream or sys.stdout).write(text + "\n")


def print_json(key: str, value: object, stream: TextIO | None = None) -> None:
    """Print ``{key: value}`` as indented JSON."""
    (stream or sys.stdout).write(json.dumps({key: value}, indent=2, ensure_ascii=False) + "\n")
