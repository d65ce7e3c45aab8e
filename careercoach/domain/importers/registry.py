"""Picks the importer for a file: by the format the user names, or by looking at the file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Literal, get_args

from careercoach.domain.importers.common import (
    ImportedLadder,
    LadderImportError,
    decode_text,
    load_yaml,
    refuse_oversized,
)
from careercoach.domain.ladder_codec import parse_ladder_bytes
from careercoach.domain.ladder_format import LadderFormatError

ImportFormat = Literal["toml", "yaml", "json", "csv", "ft", "monzo", "snowflake", "radar"]
IMPORT_FORMATS: tuple[ImportFormat, ...] = get_args(ImportFormat)

FORMAT_NAMES: Mapping[str, str] = {
    "toml": "CareerCoach ladder (TOML)",
    "yaml": "CareerCoach ladder (YAML)",
    "json": "CareerCoach ladder (JSON)",
    "csv": "Spreadsheet (CSV)",
    "ft": "Financial Times engineering progression (YAML)",
    "monzo": "Monzo progression framework (Markdown)",
    "snowflake": "Medium Snowflake tracks (constants.js or JSON)",
    "radar": "progression-radar categories (YAML)",
}


def detect_format(data: bytes, filename: str) -> ImportFormat:
    """The format of an imported file, from its name and, where needed, its content.

    Raises:
        LadderImportError: the format cannot be told (the user can name it).
    """
    name = filename.lower().removesuffix(".dist")
    if name.endswith(".toml"):
        return "toml"
    if name.endswith((".md", ".markdown")):
        return "monzo"
    if name.endswith((".js", ".mjs", ".ts")):
        return "snowflake"
    if name.endswith((".csv", ".tsv")):
        return "csv"
    if name.endswith(".json"):
        document = _json_or_none(data)
        # Unreadable JSON goes to the native reader, which names the line and column.
        return "snowflake" if document is not None and not _looks_native(document) else "json"
    if name.endswith((".yaml", ".yml")):
        return _yaml_kind(data)
    raise LadderImportError(
        "",
        "cannot tell the format from the file name; give it the usual extension "
        f"or name the format (--format {'|'.join(IMPORT_FORMATS)} on the command line)",
    )


def import_ladder_bytes(
    data: bytes,
    filename: str,
    file_format: ImportFormat | None = None,
    *,
    companions: Mapping[str, bytes] | None = None,
) -> ImportedLadder:
    """Read a ladder in any supported format.

    Args:
        data: The file's content.
        filename: Its name (formats take ids from the file stem).
        file_format: The format, or None to detect it.
        companions: Other files the format may use, by role (``"roles"`` for radar).

    Raises:
        LadderImportError: the file cannot be imported (one line: location and problem).
        LadderFormatError: a native ladder file with problems (every problem listed).
    """
    refuse_oversized(data)
    chosen = file_format or detect_format(data, filename)
    if chosen == "toml" or chosen == "yaml" or chosen == "json":  # narrows the type
        return ImportedLadder(parse_ladder_bytes(data, chosen), chosen)
    if chosen == "csv":
        from careercoach.domain.importers.csv_sheet import read_csv

        return read_csv(data, filename)
    if chosen == "ft":
        from careercoach.domain.importers.ft import read_ft

        return read_ft(data, filename)
    if chosen == "monzo":
        from careercoach.domain.importers.monzo import read_monzo

        return read_monzo(data, filename)
    if chosen == "snowflake":
        from careercoach.domain.importers.snowflake import read_snowflake

        return read_snowflake(data, filename)
    from careercoach.domain.importers.radar import read_radar

    return read_radar(data, filename, (companions or {}).get("roles"))


def _json_or_none(data: bytes) -> object | None:
    try:
        document: object = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return document


def _looks_native(document: object) -> bool:
    return isinstance(document, dict) and "levels" in document and "competencies" in document


def _yaml_kind(data: bytes) -> ImportFormat:
    try:
        document = load_yaml(decode_text(data))
    except (LadderImportError, LadderFormatError):
        return "yaml"  # the native reader reports the problem with its location
    if isinstance(document, dict):
        if "themes" in document:
            return "ft"
        if "categories" in document:
            return "radar"
    if isinstance(document, list) and any(
        isinstance(item, dict) and "kpis" in item for item in document
    ):
        return "radar"
    return "yaml"
