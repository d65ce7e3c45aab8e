"""Reads a Monzo progression-framework Markdown file (YAML front matter) into a ladder."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from careercoach.domain.importers.common import (
    ImportedLadder,
    LadderImportError,
    decode_text,
    expect_list,
    expect_table,
    file_stem,
    finish,
    humanise,
    load_yaml,
    quote_field,
    slugify,
    warn_unused,
)
from careercoach.domain.ladder_checks import MAX_ID_LENGTH, describe

FORMAT_NAME = "monzo"
MAX_LEVELS = 100
"""Most levels a framework may declare (``levels: N``)."""

_MAX_ENTRIES = 200_000
"""Most cells, content entries, criteria and examples a file may give in all."""

_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NUMBER = re.compile(r"[0-9]{1,6}")
_USED_FIELDS = ("title", "levels", "topics")
_TOPIC_FIELDS = ("name", "title", "content")
_CONTENT_FIELDS = ("level", "criteria", "exampleCriteria")
_EXAMPLE_FIELDS = ("criteria", "examples")
_EMOJI_PARTS = {0x20E3, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)}
"""Keycap, variation selectors, skin tones and tags: only ever part of an emoji."""
_ZERO_WIDTH_JOINER = 0x200D

_NOT_MONZO = "; this does not look like a Monzo progression framework"


def read_monzo(data: bytes, source_name: str) -> ImportedLadder:
    """Read a Monzo progression framework (Markdown with YAML front matter) as a ladder.

    Mapping (Monzo → CareerCoach):

    - the front matter ``title`` without its emoji → ladder name, ``slugify(name)`` → ladder id
      (the file name stands in, with a warning, when there is no title with words), version
      ``"1"``; the Markdown body after the front matter → the description, verbatim;
    - ``levels: N`` → levels ``level-1`` … ``level-N`` titled "Level 1" … "Level N";
    - each of ``topics`` → a competency: id from the topic ``name`` (kept when it is a valid id,
      slugified otherwise), display name = the ``title`` without emoji when it has words, else
      the humanised name ("mastery-science" → "Mastery science"); no category;
    - each ``content`` entry fills the cell of its ``level``: its ``criteria`` then the
      ``criteria`` of each of its ``exampleCriteria`` become the signals, the ``examples`` of
      the ``exampleCriteria`` become the cell's examples. Levels a topic does not list are
      explicitly empty cells; two entries for one level are merged (with a warning);
    - other front matter fields (``path``, ``sidebarTitle``…) and unknown fields of topics,
      content entries or example criteria give a warning.

    No front matter, no ``levels`` or ``topics``, a level outside 1..N, two topics with one
    name or a value of the wrong kind stops the import with a ``LadderImportError``.

    Args:
        data: The file's bytes.
        source_name: The file's name; its stem names the ladder when the title does not.

    Returns:
        The ladder and warnings about what could not be mapped.

    Raises:
        LadderImportError: the file is not a readable Monzo framework.
    """
    text = decode_text(data)
    front, body = _split_front_matter(text)
    root = load_yaml(front)
    if root is None:
        raise LadderImportError("", f"the front matter is empty{_NOT_MONZO}")
    if not isinstance(root, Mapping):
        raise LadderImportError(
            "",
            f"the front matter must be YAML fields (title, levels, topics), not {describe(root)}",
        )
    warnings: list[str] = []
    unused = [quote_field(key) for key in root if key not in _USED_FIELDS]
    if unused:
        warnings.append(f"front matter fields not used: {', '.join(unused)}")
    missing = [f"'{key}'" for key in ("levels", "topics") if root.get(key) is None]
    if missing:
        raise LadderImportError(
            missing[0].strip("'") if len(missing) == 1 else "",
            f"the front matter has no {' and no '.join(missing)}{_NOT_MONZO}",
        )
    count = _level_count(root["levels"])
    topics = root["topics"]
    if not isinstance(topics, list):
        raise LadderImportError("topics", f"'topics' must be a list, not {describe(topics)}")
    if not topics:
        raise LadderImportError("topics", "the framework lists no topics; it needs at least one")
    name = _ladder_name(root.get("title"), source_name, warnings)
    document: dict[str, Any] = {
        "format": 1,
        "id": slugify(name, "monzo-framework"),
        "name": name,
        "version": "1",
        "description": body,
        "levels": [{"id": f"level-{n}", "title": f"Level {n}"} for n in range(1, count + 1)],
        "competencies": _read_topics(topics, count, warnings),
    }
    return finish(document, FORMAT_NAME, warnings)


# ---------------------------------------------------------------- the file's parts


def _split_front_matter(text: str) -> tuple[str, str]:
    """The front matter (padded so YAML line numbers are the file's) and the body."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if lines[start].rstrip(" \t\r") != "---":
        raise LadderImportError(
            f"line {start + 1}",
            "the file has no front matter: a Monzo framework starts with a '---' line, then "
            "its fields (title, levels, topics), then another '---' line",
        )
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].rstrip(" \t\r") == "---"), None
    )
    if end is None:
        raise LadderImportError(
            f"line {start + 1}", "the front matter that starts here is not closed by a '---' line"
        )
    front = "\n" * (start + 1) + "\n".join(lines[start + 1 : end])
    return front, "\n".join(lines[end + 1 :]).strip()


def _level_count(value: object) -> int:
    number = _whole_number(value)
    if number is None or not 1 <= number <= MAX_LEVELS:
        raise LadderImportError(
            "levels",
            f"'levels' must be the number of levels, a whole number from 1 to {MAX_LEVELS}, "
            f"not {describe(value)}",
        )
    return number


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _ladder_name(value: object, source_name: str, warnings: list[str]) -> str:
    name = _without_emoji(_text(value, "title", "'title'"))
    if name:
        return name
    stem = file_stem(source_name)
    name = humanise(stem) or "Monzo framework"
    reason = "no title" if value is None or not str(value).strip() else "a title without words"
    warnings.append(f"the front matter has {reason}; the ladder is named {json.dumps(name)}")
    return name


# ---------------------------------------------------------------- topics


class _Budget:
    """Counts entries so that YAML aliases cannot make a small file enormous."""

    def __init__(self) -> None:
        self.used = 0

    def spend(self, amount: int, location: str) -> None:
        self.used += amount
        if self.used > _MAX_ENTRIES:
            raise LadderImportError(location, "the file has too many entries to import")


def _read_topics(topics: list[Any], count: int, warnings: list[str]) -> list[dict[str, Any]]:
    budget = _Budget()
    seen: dict[str, int] = {}
    names: list[tuple[str, str]] = []
    cells: list[dict[int, tuple[list[str], list[str]]]] = []
    for index, item in enumerate(topics):
        where = f"topics[{index}]"
        topic = expect_table(item, where, "each topic")
        budget.spend(count, where)  # the cells this topic will have
        warn_unused(topic, _TOPIC_FIELDS, "topics", warnings)
        raw_name = _text(topic.get("name"), f"{where}.name", "the topic's 'name'")
        title = _without_emoji(_text(topic.get("title"), f"{where}.title", "the topic's 'title'"))
        key = raw_name or title
        if not key:
            raise LadderImportError(where, "the topic has no 'name'")
        if key in seen:
            raise LadderImportError(
                f"{where}.name",
                f"the topic name {json.dumps(key)} is already used by topic number "
                f"{seen[key] + 1}; each topic needs its own name",
            )
        seen[key] = index
        display = title or humanise(raw_name) or f"Topic {index + 1}"
        names.append((key, display))
        cells.append(_read_content(topic.get("content"), where, display, count, warnings, budget))
    ids = _native_ids([key for key, _ in names])
    return [
        {
            "id": competency_id,
            "name": display,
            "expectations": {
                f"level-{n}": _cell(*found.get(n, ([], []))) for n in range(1, count + 1)
            },
        }
        for competency_id, (_, display), found in zip(ids, names, cells, strict=True)
    ]


def _read_content(
    value: object, where: str, display: str, count: int, warnings: list[str], budget: _Budget
) -> dict[int, tuple[list[str], list[str]]]:
    """Level number → (signals, examples) of one topic."""
    location = f"{where}.content"
    if value is None:
        warnings.append(f"the topic {json.dumps(display)} has no content; its cells are empty")
        return {}
    entries = expect_list(value, location, "'content'")
    budget.spend(len(entries), location)
    cells: dict[int, tuple[list[str], list[str]]] = {}
    for index, item in enumerate(entries):
        here = f"{location}[{index}]"
        entry = expect_table(item, here, "each content entry")
        warn_unused(entry, _CONTENT_FIELDS, "content entries", warnings)
        level = _content_level(entry, here, count)
        if level in cells:
            warnings.append(
                f"the topic {json.dumps(display)} lists level {level} more than once; "
                "its entries were merged"
            )
        signals, examples = cells.setdefault(level, ([], []))
        signals.extend(_texts(entry.get("criteria"), f"{here}.criteria", "'criteria'", budget))
        raw_examples = entry.get("exampleCriteria")
        for number, raw in enumerate(
            []
            if raw_examples is None
            else expect_list(raw_examples, f"{here}.exampleCriteria", "'exampleCriteria'")
        ):
            at = f"{here}.exampleCriteria[{number}]"
            example = expect_table(raw, at, "each example criterion")
            warn_unused(example, _EXAMPLE_FIELDS, "example criteria", warnings)
            signals.extend(_texts(example.get("criteria"), f"{at}.criteria", "'criteria'", budget))
            examples.extend(
                _texts(example.get("examples"), f"{at}.examples", "'examples'", budget)
            )
    return cells


def _content_level(entry: Mapping[Any, Any], where: str, count: int) -> int:
    value = entry.get("level")
    if value is None:
        raise LadderImportError(where, "the content entry has no 'level'")
    number = _whole_number(value)
    if number is None:
        raise LadderImportError(
            f"{where}.level", f"'level' must be a level number, not {describe(value)}"
        )
    if not 1 <= number <= count:
        raise LadderImportError(
            f"{where}.level",
            f"there is no level {number}; this framework has levels 1 to {count}",
        )
    return number


def _cell(signals: list[str], examples: list[str]) -> dict[str, Any]:
    """One expectation; ``{}`` when the topic says nothing at this level."""
    cell: dict[str, Any] = {}
    if signals:
        cell["signals"] = signals
    if examples:
        cell["examples"] = examples
    return cell


def _native_ids(keys: list[str]) -> list[str]:
    """Topic name → competency id: valid ids are kept, others slugified without clashing."""
    valid = {key for key in keys if _ID_PATTERN.fullmatch(key) and len(key) <= MAX_ID_LENGTH}
    taken = set(valid)
    ids = []
    for key in keys:
        if key in valid:
            ids.append(key)
            continue
        base = slugify(key, "topic")[: MAX_ID_LENGTH - 6].rstrip("-") or "topic"
        candidate, suffix = base, 2
        while candidate in taken:
            candidate, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


# ---------------------------------------------------------------- small readers


def _text(value: object, where: str, what: str) -> str:
    """Text (numbers are taken as text) without surrounding blank space; "" when absent."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
        raise LadderImportError(where, f"{what} must be text, not {describe(value)}")
    text = "" if value is None else str(value).strip()
    if _SURROGATE.search(text):
        raise LadderImportError(where, "the text holds half of a character pair; remove it")
    return text


def _texts(value: object, where: str, what: str, budget: _Budget) -> list[str]:
    """One text or a list of text; blank entries are dropped."""
    if isinstance(value, Mapping):
        raise LadderImportError(where, f"{what} must be a list of text, not {describe(value)}")
    if not isinstance(value, list):
        found = _text(value, where, what)
        return [found] if found else []
    budget.spend(len(value), where)
    texts = (_text(item, f"{where}[{i}]", f"each entry of {what}") for i, item in enumerate(value))
    return [text for text in texts if text]


def _without_emoji(text: str) -> str:
    """``text`` without emoji (and their joiners and modifiers), spaces tidied."""
    kept: list[str] = []
    after_emoji = False
    for char in text:
        code = ord(char)
        if code in _EMOJI_PARTS or (after_emoji and code == _ZERO_WIDTH_JOINER):
            continue
        after_emoji = code >= 0x2190 and unicodedata.category(char) == "So"
        if not after_emoji:
            kept.append(char)
    return " ".join("".join(kept).split())
