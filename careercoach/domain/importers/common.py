"""What every ladder importer shares: its result, its error and small text helpers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from careercoach.domain.errors import UserError
from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_checks import MAX_ID_LENGTH, describe
from careercoach.domain.ladder_format import LadderFormatError, ladder_from_document

MAX_IMPORT_BYTES = 5_000_000


@dataclass(frozen=True)
class ImportedLadder:
    """A ladder read from a published format, and what the adapter could not map."""

    ladder: Ladder
    source_format: str
    warnings: tuple[str, ...] = ()


class LadderImportError(UserError):
    """A file that an importer cannot read; ``location`` says where (may be empty)."""

    def __init__(self, location: str, problem: str) -> None:
        message = f"{location}: {problem}" if location else problem
        super().__init__("ladder-import", message, location=location, problem=problem)
        self.location = location
        self.problem = problem


def decode_text(data: bytes) -> str:
    """The text of an imported file: UTF-8 (a BOM is allowed), not empty, not binary.

    Raises:
        LadderImportError: too large, empty, binary or not UTF-8.
    """
    refuse_oversized(data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise LadderImportError("", "the file is empty")
    if b"\x00" in data:
        raise LadderImportError("", "this is a binary file, not a ladder")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LadderImportError(
            f"line {line}", "the file is not UTF-8 text; save it as UTF-8"
        ) from None


def refuse_oversized(data: bytes) -> None:
    """Refuse a file over the import limit before anything reads it.

    Raises:
        LadderImportError: the file is too large.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise LadderImportError(
            "", f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB; no ladder is"
        )


def slugify(text: str, fallback: str = "ladder") -> str:
    """A ladder id from a name: lower-case ASCII letters, digits and dashes (emoji dropped)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_ID_LENGTH].rstrip("-") or fallback


def unique_slugs(names: Sequence[str], fallback: str) -> list[str]:
    """One distinct slug per name, in order (``x``, ``x-2``, ``x-3``… for repeats)."""
    seen: set[str] = set()
    slugs = []
    for name in names:
        base = slugify(name, fallback)
        candidate, suffix = base, 2
        while candidate in seen:
            candidate, suffix = f"{base}-{suffix}", suffix + 1
        seen.add(candidate)
        slugs.append(candidate)
    return slugs


def finish(document: dict[str, Any], source_format: str, warnings: list[str]) -> ImportedLadder:
    """Validate an adapter's native document and wrap it as the import result.

    Raises:
        LadderImportError: the mapped document is not a valid ladder (the first problem).
    """
    try:
        ladder = ladder_from_document(document)
    except LadderFormatError as error:
        first = error.problems[0]
        more = len(error.problems) - 1
        suffix = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        raise LadderImportError(
            first.location, f"after mapping: {first.message}{suffix}"
        ) from error
    return ImportedLadder(ladder, source_format, tuple(dict.fromkeys(warnings)))


def load_yaml(text: str) -> object:
    """Parse YAML text safely, with the line of a syntax error.

    Raises:
        LadderImportError: the text is not valid YAML.
    """
    import yaml  # imported here: only importers that read YAML need it

    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise LadderImportError(
            where, f"not valid YAML: {error.problem or error.context}"
        ) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise LadderImportError(
            f"line {line}", f"not valid YAML: the character U+{error.character:04X} is not allowed"
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError):
        raise LadderImportError("", "not valid YAML: the file cannot be read as YAML") from None


def file_stem(source_name: str) -> str:
    """The file name without folders, a ``.dist`` suffix or its extension."""
    base = re.split(r"[\\/]", source_name)[-1].strip()
    base = re.sub(r"\.dist$", "", base, flags=re.IGNORECASE)
    stem, dot, _extension = base.rpartition(".")
    if dot and not stem and base.count(".") == 1:
        stem = ""  # ".yml": an extension alone names nothing
    elif not (dot and stem):
        stem = base
    return stem.encode("utf-8", "replace").decode("utf-8")


def humanise(text: str) -> str:
    """A display name from an identifier: separators become spaces, first letter a capital."""
    words = " ".join(re.split(r"[-_\s]+", text)).strip()
    return words[:1].upper() + words[1:]


def expect_table(value: object, location: str, what: str) -> Mapping[Any, Any]:
    """``value`` if it is a mapping; else an import error naming ``what`` and its place."""
    if not isinstance(value, Mapping):
        raise LadderImportError(
            location, f"{what} must be a mapping of fields, not {describe(value)}"
        )
    return value


def expect_list(value: object, location: str, what: str) -> list[Any]:
    """``value`` if it is a list; else an import error naming ``what`` and its place."""
    if not isinstance(value, list):
        raise LadderImportError(location, f"{what} must be a list, not {describe(value)}")
    return value


def warn_unused(
    table: Mapping[Any, Any], fields: tuple[str, ...], where: str, warnings: list[str]
) -> None:
    """Add a warning for every field of ``table`` that the importer does not read."""
    for key in table:
        if key not in fields:
            warnings.append(f"field {quote_field(key)} of {where} is not used")


def quote_field(key: object) -> str:
    """A field name as shown in a warning: quoted, and cut at 60 characters."""
    text = key if isinstance(key, str) else repr(key)
    return repr(text[:60] + "…" if len(text) > 60 else text)
