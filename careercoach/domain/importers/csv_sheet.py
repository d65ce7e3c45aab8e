"""Reads a spreadsheet saved as CSV (levels as columns, or one row per cell) into a ladder."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from careercoach.domain.importers.common import (
    ImportedLadder,
    LadderImportError,
    decode_text,
    file_stem,
    finish,
    humanise,
    slugify,
    unique_slugs,
)
from careercoach.domain.importers.csv_rows import Row, read_rows
from careercoach.domain.ladder_checks import MAX_NAME_LENGTH

FORMAT_NAME = "csv"

MAX_LEVELS = 100
"""Most levels a sheet may have."""
MAX_COMPETENCIES = 2_000
"""Most competencies a sheet may have."""
MAX_HEADING_LENGTH = 200
"""Longest column heading: longer text in the first row means it is not a heading row."""

_BULLET = re.compile(r"^(?:[•◦‣▪●·]|[-*\u2013](?=\s|$))\s*")
_PIPE = re.compile(r"\s*\|\s*")
_CELL_COLUMNS = ("level", "competency", "summary", "signals", "examples")
_COMPETENCY_COLUMNS = ("category", "description")


@dataclass
class _Competency:
    name: str
    category: str = ""
    description: str = ""
    cells: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Level index → expectation table."""


def read_csv(data: bytes, source_name: str) -> ImportedLadder:
    """Read a ladder kept in a spreadsheet and saved as CSV.

    The delimiter (comma, semicolon or tab) is what ``csv.Sniffer`` finds, else a comma;
    quoted cells may hold line breaks. Cells are trimmed. Rows are numbered as in the
    spreadsheet (the first record is row 1), columns from 1. Wholly blank rows are skipped;
    the first row with text is the header. Two layouts, told apart by the header:

    - **long** — the header has the columns ``level``, ``competency`` and ``summary`` (any
      case, any order) and optionally ``signals``, ``examples``, ``category`` and
      ``description``: one row per (level, competency) cell. Levels and competencies come in
      the order they first appear. ``summary`` is kept whole. ``signals`` and ``examples``
      cells hold several items, one per line or separated by ``|``; a leading bullet (``•``,
      ``-``, ``*``) is removed. Semicolons do not separate items, as sentences use them.
      A competency's category and description are the first given (a different later value
      gives a warning). Any other named column is kept verbatim in the cell's ``details``.
      A pair with no row is an explicitly empty cell; a pair given twice is an error.
    - **wide** — otherwise: one row per competency. The competency names are in the column
      headed ``Competency`` (else the first column, whatever its heading); columns headed
      ``Category`` and ``Description`` give those; every other column heading is a level, in
      order. A cell of one line is the summary. A cell of several lines (or with bullet
      lines) has its first line that is not a bullet as summary and every other line, bullet
      removed, as a signal. An empty cell is an explicitly empty expectation.

    Ladder id = slug of the file stem, name = the stem made readable, version ``"1"``; level
    and competency ids are slugs of their names (``-2``, ``-3``… for repeats). A sheet may
    have at most ``MAX_LEVELS`` levels and ``MAX_COMPETENCIES`` competencies.

    Args:
        data: The file's bytes.
        source_name: The file's name; its stem gives the ladder id and name.

    Returns:
        The ladder and warnings about what could not be mapped.

    Raises:
        LadderImportError: the file is not a sheet this importer can read.
    """
    text = decode_text(data)
    body = read_rows(text)
    header = _read_header(body)
    headings = [cell.casefold() for cell in header.cells]
    warnings: list[str] = []
    if "level" in headings and "competency" in headings:
        levels, competencies = _read_long(header, body, warnings)
    else:
        levels, competencies = _read_wide(header, body, warnings)
    if not competencies:
        raise LadderImportError(
            f"row {header.number}", "the sheet has a header row but no competency rows below it"
        )
    if not any(c.cells.get(i) for c in competencies for i in range(len(levels))):
        warnings.append("no cell of the sheet has text, so every expectation is empty")
    level_ids = unique_slugs(levels, "level")
    competency_ids = unique_slugs([c.name for c in competencies], "competency")
    stem = file_stem(source_name)
    document: dict[str, Any] = {
        "format": 1,
        "id": slugify(stem, "ladder"),
        "name": _humanise(stem),
        "version": "1",
        "levels": [{"id": i, "title": t} for i, t in zip(level_ids, levels, strict=True)],
        "competencies": [
            {
                "id": competency_id,
                "name": competency.name,
                "category": competency.category,
                "description": competency.description,
                "expectations": {
                    level_id: competency.cells.get(index, {})
                    for index, level_id in enumerate(level_ids)
                },
            }
            for competency_id, competency in zip(competency_ids, competencies, strict=True)
        ],
    }
    return finish(document, FORMAT_NAME, warnings)


# ---------------------------------------------------------------- reading the records


def _read_header(rows: Iterator[Row]) -> Row:
    """The header: the first row with text; it must have at least two cells."""
    header = next(rows, None)
    if header is None:
        raise LadderImportError("", "no cell of the file has text; there is no header row")
    if len(header.cells) == 1:
        raise LadderImportError(
            f"row {header.number}",
            "the first row has a single cell: this does not look like a spreadsheet saved as "
            "CSV (cells separated by commas, semicolons or tabs) with a column per level",
        )
    for column, heading in enumerate(header.cells):
        if len(heading) > MAX_HEADING_LENGTH or "\n" in heading:
            raise LadderImportError(
                f"row {header.number}, column {column + 1}",
                "this is not a column heading (it is too long or has several lines); the "
                "first row of the sheet must name the columns",
            )
    return header


def _check_row(row: Row, header: Row, unnamed: set[int]) -> None:
    """Refuse text outside the header's columns or under a column without a heading."""
    width = len(header.cells)
    for column, cell in enumerate(row.cells):
        if not cell:
            continue
        where = f"row {row.number}, column {column + 1}"
        if column >= width:
            raise LadderImportError(
                where,
                f"this cell is right of the last column heading (column {width}); give the "
                f"column a heading in row {header.number} or clear the cell",
            )
        if column in unnamed:
            raise LadderImportError(
                where,
                f"this column has no heading in row {header.number}, so its text has no "
                "place in the ladder; give the column a heading or clear the cell",
            )


def _missing_name(row: Row, column: int, what: str) -> LadderImportError:
    return LadderImportError(
        f"row {row.number}, column {column + 1}",
        f"the {what} is empty, but the row has text; fill it in or clear the row",
    )


# ---------------------------------------------------------------- the two layouts


def _read_wide(
    header: Row, body: Iterator[Row], warnings: list[str]
) -> tuple[list[str], list[_Competency]]:
    """One row per competency, one column per level."""
    headings = [cell.casefold() for cell in header.cells]
    name_column = headings.index("competency") if "competency" in headings else 0
    special: dict[str, int] = {}
    level_columns: list[int] = []
    unnamed: set[int] = set()
    for column, heading in enumerate(headings):
        if column == name_column:
            continue
        if heading in _COMPETENCY_COLUMNS:
            _refuse_repeat(special, heading, column, header)
            special[heading] = column
        elif heading:
            level_columns.append(column)
        else:
            unnamed.add(column)
    if not level_columns:
        raise LadderImportError(
            f"row {header.number}",
            "the header names no levels: after the competency column, each column heading "
            "is a level name (or use the columns level, competency and summary)",
        )
    _limit(len(level_columns) - 1, MAX_LEVELS, "level columns", header)
    levels = [header.cells[column] for column in level_columns]
    _warn_repeats(levels, "level columns", warnings)
    if "summary" in headings:
        warnings.append(
            "the column 'summary' is read as a level; for one row per cell, name the columns "
            "level, competency and summary"
        )
    competencies: list[_Competency] = []
    for row in body:
        _check_row(row, header, unnamed)
        name = row.cell(name_column)
        if not name:
            raise _missing_name(row, name_column, "competency name")
        _limit(len(competencies), MAX_COMPETENCIES, "competencies", row)
        category, description = (row.cell(special.get(key, -1)) for key in _COMPETENCY_COLUMNS)
        cells = {index: _wide_cell(row.cell(column)) for index, column in enumerate(level_columns)}
        competencies.append(_Competency(name, category, description, cells))
    _warn_repeats([c.name for c in competencies], "competency rows", warnings)
    return levels, competencies


def _wide_cell(text: str) -> dict[str, Any]:
    """A wide-layout cell: one line is the summary; more lines give a summary and signals."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first = next((i for i, line in enumerate(lines) if not _BULLET.match(line)), None)
    expectation: dict[str, Any] = {}
    if first is not None:
        expectation["summary"] = lines[first]
    signals = [_BULLET.sub("", line) for i, line in enumerate(lines) if i != first]
    signals = [signal for signal in signals if signal]
    if signals:
        expectation["signals"] = signals
    return expectation


def _read_long(
    header: Row, body: Iterator[Row], warnings: list[str]
) -> tuple[list[str], list[_Competency]]:
    """One row per (level, competency) cell."""
    columns: dict[str, int] = {}
    details: dict[int, str] = {}
    detail_columns: dict[str, int] = {}
    unnamed: set[int] = set()
    for column, cell in enumerate(header.cells):
        heading = cell.casefold()
        if not heading:
            unnamed.add(column)
        elif heading in _CELL_COLUMNS or heading in _COMPETENCY_COLUMNS:
            _refuse_repeat(columns, heading, column, header)
            columns[heading] = column
        else:
            _refuse_repeat(detail_columns, heading, column, header)
            detail_columns[heading] = column
            details[column] = cell
    if "summary" not in columns:
        raise LadderImportError(
            f"row {header.number}",
            "the header has 'level' and 'competency' columns but no 'summary' column; a sheet "
            "with one row per cell needs all three",
        )
    levels: dict[str, int] = {}
    competencies: dict[str, _Competency] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in body:
        _check_row(row, header, unnamed)
        name = row.cell(columns["competency"])
        level = row.cell(columns["level"])
        if not name:
            raise _missing_name(row, columns["competency"], "competency")
        if not level:
            raise _missing_name(row, columns["level"], "level")
        if (level, name) in seen:
            raise LadderImportError(
                f"row {row.number}",
                f"level {_quote(level)} and competency {_quote(name)} were already given in "
                f"row {seen[level, name]}; each pair may have only one row",
            )
        seen[level, name] = row.number
        if level not in levels:
            _limit(len(levels), MAX_LEVELS, "levels", row)
        if name not in competencies:
            _limit(len(competencies), MAX_COMPETENCIES, "competencies", row)
        index = levels.setdefault(level, len(levels))
        competency = competencies.setdefault(name, _Competency(name))
        for key in _COMPETENCY_COLUMNS:
            if key in columns:
                _merge(competency, key, row.cell(columns[key]), row.number, warnings)
        competency.cells[index] = _long_cell(row, columns, details)
    return list(levels), list(competencies.values())


def _long_cell(row: Row, columns: dict[str, int], details: dict[int, str]) -> dict[str, Any]:
    expectation: dict[str, Any] = {}
    summary = row.cell(columns["summary"])
    if summary:
        expectation["summary"] = summary
    for key in ("signals", "examples"):
        items = _split_items(row.cell(columns[key])) if key in columns else []
        if items:
            expectation[key] = items
    kept = {
        details[column]: cell
        for column, cell in enumerate(row.cells)
        if cell and column in details
    }
    if kept:
        expectation["details"] = kept
    return expectation


def _split_items(text: str) -> list[str]:
    """Items of a signals or examples cell: one per line or between ``|``, bullets removed."""
    items = []
    for line in text.split("\n"):
        for part in _PIPE.split(line.strip()):
            item = _BULLET.sub("", part)
            if item:
                items.append(item)
    return items


def _merge(competency: _Competency, key: str, value: str, row: int, warnings: list[str]) -> None:
    """Keep the first category or description given; warn about a different later one."""
    current: str = getattr(competency, key)
    if not value or value == current:
        return
    if not current:
        setattr(competency, key, value)
        return
    warnings.append(
        f"competency {_quote(competency.name)} has a different {key} in row {row} "
        f"({_quote(value)}); the first one ({_quote(current)}) is kept"
    )


# ---------------------------------------------------------------- small helpers


def _refuse_repeat(known: dict[str, int], heading: str, column: int, header: Row) -> None:
    if heading in known:
        raise LadderImportError(
            f"row {header.number}, column {column + 1}",
            f"the column {_quote(header.cells[column])} appears twice (also column "
            f"{known[heading] + 1}); each column heading may appear once",
        )


def _limit(count: int, limit: int, what: str, row: Row) -> None:
    """Refuse one more item when ``count`` items already reach ``limit``."""
    if count >= limit:
        raise LadderImportError(f"row {row.number}", f"the sheet has more than {limit} {what}")


def _warn_repeats(names: list[str], what: str, warnings: list[str]) -> None:
    for name, count in Counter(names).items():
        if count > 1:
            warnings.append(
                f"{count} {what} are named {_quote(name)}; they are kept apart with numbered ids"
            )


def _humanise(stem: str) -> str:
    """A ladder name from a file stem (a fallback when nothing is left of it)."""
    return humanise(stem)[:MAX_NAME_LENGTH].rstrip() or "Imported ladder"


def _quote(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "..."
    return json.dumps(shown, ensure_ascii=False)
