"""Read and write ladders as TOML, YAML or JSON text, reporting problems with their place."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from typing import Any, Literal

import tomli_w

from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_format import (
    FormatProblem,
    LadderFormatError,
    ladder_from_document,
    ladder_to_document,
)

LadderFileFormat = Literal["toml", "yaml", "json"]
"""The text formats a ladder file can be written in."""

_SUFFIXES: Mapping[str, LadderFileFormat] = {
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}
_NAMES: Mapping[LadderFileFormat, str] = {"toml": "TOML", "yaml": "YAML", "json": "JSON"}
_BOM = b"\xef\xbb\xbf"
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")


def format_for_filename(filename: str) -> LadderFileFormat | None:
    """The ladder file format a file name's extension stands for.

    Args:
        filename: A file name or path; only the extension counts (case-insensitive).

    Returns:
        ``"toml"`` for ``.toml``, ``"yaml"`` for ``.yaml``/``.yml``, ``"json"`` for
        ``.json``; None for anything else.
    """
    name = re.split(r"[\\/]", filename)[-1]
    dot = name.rfind(".")
    return _SUFFIXES.get(name[dot:].lower()) if dot > 0 else None


def parse_ladder_bytes(data: bytes, file_format: LadderFileFormat) -> Ladder:
    """Read a ladder from the bytes of a UTF-8 file (a leading BOM is allowed).

    Args:
        data: The file's content.
        file_format: The format the content is written in.

    Returns:
        The validated ladder.

    Raises:
        LadderFormatError: The bytes are not UTF-8, not valid TOML/YAML/JSON, or not a
            valid ladder. Parser failures never escape as other exceptions.
    """
    text = _decode(data)
    return ladder_from_document(_load(text, file_format))


def render_ladder(ladder: Ladder, file_format: LadderFileFormat) -> str:
    """Write ``ladder``'s canonical document as text in ``file_format``.

    Reading the text back with :func:`parse_ladder_bytes` gives an equal ladder.

    Args:
        ladder: The ladder to write.
        file_format: The text format to write.

    Returns:
        The text, ending with a newline.
    """
    document = ladder_to_document(ladder)
    if file_format == "toml":
        # TOML multi-line strings cannot keep "\r\n"; fall back to escaped one-line strings.
        return tomli_w.dumps(document, multiline_strings=not _contains(document, "\r\n"))
    if file_format == "yaml":
        import yaml  # imported here: YAML is rare, and PyYAML costs start-up time

        # PyYAML writes a raw U+0085 (NEL) that it then reads as a line break; escape instead.
        unicode = not _contains(document, "\x85")
        text: str = yaml.safe_dump(document, sort_keys=False, allow_unicode=unicode)
        return text
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _contains(value: Any, needle: str) -> bool:
    """Whether any text (keys included) in a plain document contains ``needle``."""
    if isinstance(value, str):
        return needle in value
    if isinstance(value, Mapping):
        return any(_contains(k, needle) or _contains(v, needle) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains(item, needle) for item in value)
    return False


def _syntax_error(location: str, message: str) -> LadderFormatError:
    return LadderFormatError([FormatProblem(location, message, "syntax")])


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _decode(data: bytes) -> str:
    skipped = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = skipped + error.start
        line = data.count(b"\n", 0, offset) + 1
        message = (
            f"The file must be UTF-8 text, but byte {offset} (on line {line}, value "
            f"0x{data[offset]:02X}) is not valid UTF-8. Save the file with UTF-8 encoding."
        )
        raise LadderFormatError([FormatProblem(str(line), message, "not-utf8")]) from None


def _sentence(detail: str) -> str:
    detail = detail.strip().rstrip(".")
    return detail[:1].lower() + detail[1:] if detail[1:2].islower() else detail


def _load(text: str, file_format: LadderFileFormat) -> object:
    name = _NAMES[file_format]
    try:
        if file_format == "toml":
            return tomllib.loads(text)
        if file_format == "yaml":
            return _load_yaml(text)
        return json.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(str(error), text) from None
    except json.JSONDecodeError as error:
        message = f"This is not valid JSON: {_sentence(error.msg)}."
        raise _syntax_error(f"{error.lineno}:{error.colno}", message) from None
    except LadderFormatError:
        raise
    except RecursionError:
        raise _syntax_error("", f"The {name} structure is nested too deeply to read.") from None
    except Exception:  # any other parser failure must reach the user as a format error
        message = f"The file could not be read as {name}: a value is malformed or out of range."
        raise _syntax_error("", message) from None


def _load_yaml(text: str) -> object:
    import yaml  # imported here: YAML is rare, and PyYAML costs start-up time

    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = f"{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        detail = error.problem or error.context or "unreadable text"
        if detail.startswith("but ") and error.context:
            detail = f"{error.context}, {detail}"
        raise _syntax_error(location, f"This is not valid YAML: {_sentence(detail)}.") from None
    except yaml.reader.ReaderError as error:
        location = str(_line_of(text, error.position))
        message = (
            f"This is not valid YAML: it contains the character U+{error.character:04X}, "
            "which YAML does not allow."
        )
        raise _syntax_error(location, message) from None


def _toml_error(message: str, text: str) -> LadderFormatError:
    at_position = _TOML_POSITION.search(message)
    if at_position is not None:
        location = f"{at_position.group(1)}:{at_position.group(2)}"
        detail = message[: at_position.start()]
    elif (at_end := _TOML_AT_END.search(message)) is not None:
        location = str(_line_of(text, len(text)))
        detail = message[: at_end.start()] + " at the end of the file"
    else:
        location, detail = "", message
    return _syntax_error(location, f"This is not valid TOML: {_sentence(detail)}.")
