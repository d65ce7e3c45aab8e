"""The JSON backup document: its shape, its version and the checks a file must pass."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from careercoach.domain.errors import UserError

# Raised whenever the tables or columns a backup holds change; older formats are then
# converted on reading, and a newer one is refused.
FORMAT_VERSION = 1

Row = dict[str, Any]
TableRows = dict[str, list[Row]]


class BackupFormatError(UserError):
    """A file is not a CareerCoach backup this version can read."""


@dataclass(frozen=True)
class BackupMeta:
    """Who wrote a backup and when; two backups of the same data differ only here."""

    format_version: int
    app_version: str
    created_at: str


@dataclass(frozen=True)
class BackupDocument:
    """A checked backup: its meta and every table's rows (table name -> rows)."""

    meta: BackupMeta
    data: TableRows


def backup_json(meta: BackupMeta, data: Mapping[str, list[Row]]) -> str:
    """The backup file's text: stable key order, so equal data gives equal text."""
    document = {
        "meta": {
            "format_version": meta.format_version,
            "app_version": meta.app_version,
            "created_at": meta.created_at,
        },
        "data": dict(data),
    }
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def parse_backup(content: bytes, source: str) -> BackupDocument:
    """Check the bytes of a backup file named ``source`` and return its document.

    Only the document's shape is checked here; the tables and columns are checked
    against the schema by the storage layer.

    Raises:
        BackupFormatError: not UTF-8, not JSON, not shaped like a backup, or written by a
            newer CareerCoach.
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BackupFormatError(
            "backup-not-utf8",
            f"{source}: is not a CareerCoach backup (not UTF-8 text, byte {error.start})",
        ) from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BackupFormatError(
            "backup-not-json",
            f"{source}: is not valid JSON: {error.msg} at line {error.lineno} "
            f"column {error.colno}",
            line=error.lineno,
            column=error.colno,
        ) from error
    except RecursionError as error:
        raise BackupFormatError(
            "backup-not-json", f"{source}: is not a CareerCoach backup (nested too deeply)"
        ) from error
    return checked_document(document, source)


def checked_document(document: object, source: str) -> BackupDocument:
    """``document`` (parsed JSON) as a backup, or a BackupFormatError saying what is wrong."""
    if not isinstance(document, dict) or "meta" not in document or "data" not in document:
        raise _malformed(source, 'expected an object with "meta" and "data"')
    extra = sorted(set(document) - {"meta", "data"})
    if extra:
        raise _malformed(source, f'unexpected key "{extra[0]}" beside "meta" and "data"')
    meta = _checked_meta(document["meta"], source)
    data = document["data"]
    if not isinstance(data, dict):
        raise _malformed(source, '"data" must be an object of table name -> rows')
    for table, rows in data.items():
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise _malformed(source, f'"data"."{table}" must be a list of row objects')
    return BackupDocument(meta=meta, data=data)


def _checked_meta(meta: object, source: str) -> BackupMeta:
    if not isinstance(meta, dict):
        raise _malformed(source, '"meta" must be an object')
    version = meta.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _malformed(source, '"meta"."format_version" must be a whole number from 1')
    if version > FORMAT_VERSION:
        raise BackupFormatError(
            "backup-too-new",
            f"{source}: was written by a newer CareerCoach (format {version}); "
            f"this version reads up to {FORMAT_VERSION}",
            format_version=version,
        )
    for key in ("app_version", "created_at"):
        if not isinstance(meta.get(key), str):
            raise _malformed(source, f'"meta"."{key}" must be a string')
    return BackupMeta(
        format_version=version, app_version=meta["app_version"], created_at=meta["created_at"]
    )


def _malformed(source: str, problem: str) -> BackupFormatError:
    return BackupFormatError(
        "backup-malformed", f"{source}: is not a CareerCoach backup: {problem}", problem=problem
    )
