"""Pulls list items out of the short Markdown texts that some ladder formats use."""

from __future__ import annotations

import re

_BULLET = re.compile(r"(?:[*+-]|\d{1,3}[.)])(?:\s+(.*))?")
_HEADING = re.compile(r"#{1,6}\s+(?P<h>.*?)[\s#]*|(?P<m>\*\*|__)(?P<b>[^*_]+?)(?::(?P=m)|(?P=m):)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")
_WRAPPED = re.compile(r"_(?=\S)[^_]+(?<=\S)_")


def markdown_items(text: str) -> tuple[list[str], list[str]]:
    """The bullet items and other paragraphs of a Markdown text, and its headings."""
    blocks: list[list[str]] = []
    headings: list[str] = []
    current: list[str] | None = None
    for raw_line in text.splitlines():
        line = raw_line.strip()
        heading = _heading(line) if line else None
        if not line or heading is not None:
            if heading:
                headings.append(heading)
            current = None
            continue
        bullet = _BULLET.fullmatch(line)
        if bullet is not None:
            current = [bullet.group(1) or ""]
            blocks.append(current)
        elif current is not None:
            current.append(line)
        else:
            current = [line]
            blocks.append(current)
    items = [_plain(" ".join(part for part in block if part)) for block in blocks]
    return [item for item in items if item], headings


def _heading(line: str) -> str | None:
    """The text of a heading line ("## Examples", "**Example behaviors:**"), else None."""
    found = _HEADING.fullmatch(line)
    if found is None:
        return None
    return str(found.group("h") if found.group("h") is not None else found.group("b")).strip()


def _plain(text: str) -> str:
    """``text`` without obvious emphasis: **strong** and *emphasis*; _whole-item_ emphasis."""
    text = _EMPHASIS.sub(r"\1", _STRONG.sub(r"\1", text)).strip()
    return text[1:-1] if _WRAPPED.fullmatch(text) else text
