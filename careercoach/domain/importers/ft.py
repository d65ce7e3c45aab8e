"""Reads a Financial Times engineering-progression job-family YAML file into a ladder."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from careercoach.domain.importers.common import (
    ImportedLadder,
    LadderImportError,
    decode_text,
    expect_table,
    file_stem,
    finish,
    load_yaml,
    quote_field,
    slugify,
    warn_unused,
)
from careercoach.domain.ladder_checks import MAX_ID_LENGTH, describe, suggestion

FORMAT_NAME = "ft"

_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
_USED_FIELDS = ("name", "summary", "levels", "themes", "competencies")
_LEVEL_FIELDS = ("id", "name")
_THEME_FIELDS = ("id", "name", "summary")
_ROW_FIELDS = ("id", "level", "theme", "summary", "proficiency", "examples", "supportingUrls")
_MAX_CELL_ENTRIES = 200_000
"""Most signals and examples a file may give in all (YAML aliases can repeat lists)."""

_NOT_FT = "; this does not look like a Financial Times job-family file"


def read_ft(data: bytes, source_name: str) -> ImportedLadder:
    """Read an FT engineering-progression job family (YAML) as a ladder.

    Mapping (FT → CareerCoach):

    - the file's ``name`` → ladder name, ``slugify(name)`` → ladder id (the file name when the
      name gives no letters), ``summary`` → description, version ``"1"``;
    - each of ``levels`` → a level: the FT id is kept when it is a valid id (otherwise it is
      slugified, with a warning), ``name`` → title;
    - each of ``themes`` → a competency: id as for levels, ``name``, ``summary`` → description,
      no category (FT has none);
    - the ``competencies`` rows of one (theme, level) pair form that cell. With exactly one row,
      its summary becomes the cell summary; with several rows, the cell has no summary and the
      row summaries become its signals, in file order. The rows' ``examples`` (older files)
      become the cell's examples; their ``proficiency`` values (distinct, joined by "; ") and
      ``supportingUrls`` (as "label: url" lines) are kept in the cell's details. A pair with no
      rows is an explicitly empty cell. Row ids (UUIDs) have no place in a ladder and are dropped;
    - text is tidied: surrounding blank space goes and hard-wrapped lines of a paragraph are
      joined with a space (paragraph breaks are kept); nothing else is changed;
    - top-level fields other than those above (``googleSheetId``, ``isLegacy``…) and unknown
      fields of levels, themes or rows give a warning.

    A row naming an unknown level or theme, a duplicate level or theme id, a missing required
    field or a value of the wrong kind stops the import with a ``LadderImportError``.

    Args:
        data: The file's bytes.
        source_name: The file's name; its stem is the ladder id when the name gives none.

    Returns:
        The ladder and warnings about what could not be mapped.

    Raises:
        LadderImportError: the file is not a readable FT job family.
    """
    text = decode_text(data)
    root = load_yaml(text)
    if not isinstance(root, Mapping):
        raise LadderImportError(
            "", f"the file must be a YAML mapping with levels and themes, not {describe(root)}"
        )
    warnings: list[str] = []
    for key in root:
        if key not in _USED_FIELDS:
            warnings.append(f"field {quote_field(key)} is not used")
    levels = _list(root, "levels", "", required=True)
    themes = _list(root, "themes", "", required=True)
    rows = _list(root, "competencies", "", required=True)
    name = _text(root, "name", "", required=True)
    level_ids = _read_entries(levels, "levels", "level", _LEVEL_FIELDS, warnings)
    theme_ids = _read_entries(themes, "themes", "theme", _THEME_FIELDS, warnings)
    level_map = _native_ids(list(level_ids), "level", warnings)
    theme_map = _native_ids(list(theme_ids), "theme", warnings)
    cells = _read_rows(rows, level_ids, theme_ids, warnings)
    if not rows:
        warnings.append("the file has no competency rows, so every cell is empty")

    competencies = []
    for raw_theme, (theme_name, theme_summary) in theme_ids.items():
        expectations = {
            level_map[raw_level]: _cell(cells.get((raw_theme, raw_level), []))
            for raw_level in level_ids
        }
        competencies.append(
            {
                "id": theme_map[raw_theme],
                "name": theme_name,
                "description": theme_summary,
                "expectations": expectations,
            }
        )
    document: dict[str, Any] = {
        "format": 1,
        "id": slugify(name, _stem_id(source_name)),
        "name": name,
        "version": "1",
        "description": _text(root, "summary", "", required=False),
        "levels": [
            {"id": level_map[raw], "title": title} for raw, (title, _) in level_ids.items()
        ],
        "competencies": competencies,
    }
    return finish(document, FORMAT_NAME, warnings)


# ---------------------------------------------------------------- reading the file


def _read_entries(
    items: list[Any], where: str, what: str, fields: tuple[str, ...], warnings: list[str]
) -> dict[str, tuple[str, str]]:
    """Levels or themes: raw id → (name, summary), in file order; duplicates are refused."""
    if not items:
        raise LadderImportError(where, f"the file lists no {what}s; it needs at least one")
    found: dict[str, tuple[str, str]] = {}
    for index, item in enumerate(items):
        location = f"{where}[{index}]"
        table = expect_table(item, location, f"each {what}")
        warn_unused(table, fields, where, warnings)
        raw_id = _text(table, "id", location, required=True)
        if raw_id in found:
            number = list(found).index(raw_id) + 1
            raise LadderImportError(
                f"{location}.id",
                f"the {what} id {json.dumps(raw_id)} is already used by {what} number "
                f"{number}; each {what} needs its own id",
            )
        summary = _text(table, "summary", location) if "summary" in fields else ""
        found[raw_id] = (_text(table, "name", location, required=True), summary)
    return found


@dataclass(frozen=True)
class _Row:
    """What one competency row gives its cell."""

    summary: str
    examples: list[str]
    proficiency: str
    links: list[str]


def _read_rows(
    rows: list[Any],
    level_ids: Mapping[str, object],
    theme_ids: Mapping[str, object],
    warnings: list[str],
) -> dict[tuple[str, str], list[_Row]]:
    """The competency rows grouped by (theme, level), in file order."""
    cells: dict[tuple[str, str], list[_Row]] = {}
    entries = 0
    for index, item in enumerate(rows):
        location = f"competencies[{index}]"
        row = expect_table(item, location, "each competency row")
        warn_unused(row, _ROW_FIELDS, "competency rows", warnings)
        if "id" in row:  # dict.fromkeys in finish() keeps this warning once
            warnings.append("the ids of competency rows are not kept (a cell has no id)")
        level = _reference(row, "level", location, level_ids)
        theme = _reference(row, "theme", location, theme_ids)
        examples = _texts(row, "examples", location)
        entries += 1 + len(examples)
        if entries > _MAX_CELL_ENTRIES:
            raise LadderImportError(location, "the file has too many rows and examples to import")
        parsed = _Row(
            summary=_text(row, "summary", location, required=True),
            examples=examples,
            proficiency=_text(row, "proficiency", location),
            links=_links(row, location),
        )
        cells.setdefault((theme, level), []).append(parsed)
    return cells


def _reference(
    row: Mapping[Any, Any], key: str, location: str, known: Mapping[str, object]
) -> str:
    value = _text(row, key, location, required=True)
    if value not in known:
        listed = ", ".join(list(known)[:12]) + (", …" if len(known) > 12 else "")
        raise LadderImportError(
            f"{location}.{key}",
            f"there is no {key} {json.dumps(value)} in the file's {key}s."
            f"{suggestion(value, known)} Known {key}s: {listed}",
        )
    return value


def _cell(rows: list[_Row]) -> dict[str, Any]:
    """The expectation of one (theme, level) pair from its rows; ``{}`` when it has none."""
    cell: dict[str, Any] = {}
    if len(rows) == 1:
        cell["summary"] = rows[0].summary
    elif rows:
        cell["signals"] = [row.summary for row in rows]
    examples = [example for row in rows for example in row.examples]
    if examples:
        cell["examples"] = examples
    details: dict[str, str] = {}
    proficiencies = dict.fromkeys(row.proficiency for row in rows if row.proficiency)
    if proficiencies:
        details["proficiency"] = "; ".join(proficiencies)
    links = dict.fromkeys(link for row in rows for link in row.links)
    if links:
        details["supportingUrls"] = "\n".join(links)
    if details:
        cell["details"] = details
    return cell


def _links(row: Mapping[Any, Any], location: str) -> list[str]:
    """The row's supporting links as "label: url" lines."""
    found = []
    for index, item in enumerate(_list(row, "supportingUrls", location)):
        where = f"{location}.supportingUrls[{index}]"
        link = expect_table(item, where, "each supporting link")
        label = _text(link, "label", where)
        url = _text(link, "url", where)
        if label or url:
            found.append(f"{label}: {url}" if label and url else label or url)
    return found


def _native_ids(raw_ids: list[str], what: str, warnings: list[str]) -> dict[str, str]:
    """Raw id → ladder id: valid ids are kept, others slugified without clashing."""
    valid = {raw for raw in raw_ids if _ID_PATTERN.fullmatch(raw) and len(raw) <= MAX_ID_LENGTH}
    taken = set(valid)
    mapping: dict[str, str] = {}
    for raw in raw_ids:
        if raw in valid:
            mapping[raw] = raw
            continue
        base = slugify(raw, what)[: MAX_ID_LENGTH - 6].rstrip("-") or what
        candidate, suffix = base, 2
        while candidate in taken:
            candidate, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(candidate)
        mapping[raw] = candidate
        warnings.append(
            f"the {what} id {json.dumps(raw)} is not a valid id; it became {candidate!r}"
        )
    return mapping


# ---------------------------------------------------------------- small readers


def _list(
    table: Mapping[Any, Any], key: str, location: str, *, required: bool = False
) -> list[Any]:
    where = f"{location}.{key}" if location else key
    value = table.get(key)
    if value is None:
        if required:
            raise LadderImportError(where, f"the required list '{key}' is missing{_NOT_FT}")
        return []
    if not isinstance(value, list):
        raise LadderImportError(where, f"'{key}' must be a list, not {describe(value)}")
    return value


def _text(table: Mapping[Any, Any], key: str, location: str, *, required: bool = False) -> str:
    """Text at ``key`` (numbers are taken as text), tidied; blank when absent and optional."""
    where = f"{location}.{key}" if location else key
    return _as_text(table.get(key), where, f"'{key}'", required=required)


def _as_text(value: object, where: str, what: str, *, required: bool = False) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
        raise LadderImportError(where, f"{what} must be text, not {describe(value)}")
    text = "" if value is None else _tidy(str(value))
    if required and not text:
        raise LadderImportError(
            where, f"the required field {what} {'is missing' if value is None else 'is empty'}"
        )
    if _SURROGATE.search(text):
        raise LadderImportError(where, "the text holds half of a character pair; remove it")
    return text


def _texts(table: Mapping[Any, Any], key: str, location: str) -> list[str]:
    """An optional list of text; blank entries are dropped."""
    found = []
    for index, item in enumerate(_list(table, key, location)):
        text = _as_text(item, f"{location}.{key}[{index}]", f"each entry of '{key}'")
        if text:
            found.append(text)
    return found


def _tidy(text: str) -> str:
    """Strip the text and join the hard-wrapped lines of each paragraph."""
    paragraphs = _PARAGRAPH_BREAK.split(text.strip())
    return "\n\n".join(
        " ".join(line.strip() for line in paragraph.split("\n") if line.strip())
        for paragraph in paragraphs
    )


def _stem_id(source_name: str) -> str:
    return slugify(file_stem(source_name), "ft-ladder")
