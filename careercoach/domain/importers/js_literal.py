"""Reads plain JavaScript object and array literals (JSON-like data) without running any code.

Supported: objects and arrays (nested, with or without trailing commas), single-, double-
quoted and template strings (without ``${}``) with their escapes, strings joined with ``+``,
numbers (decimal, hex, binary, octal, exponents), ``true``, ``false``, ``null`` and
``undefined`` (read as None), identifier, string and number keys, ``//`` and ``/* */``
comments. Anything else (calls, variables, spreads, computed keys) is refused with the line.
Objects become dicts, arrays lists; a key repeated in one object is refused.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

from careercoach.domain.importers.common import LadderImportError

MAX_DEPTH = 100
"""Deepest nesting of objects and arrays that is read."""
MAX_TYPE_LENGTH = 2_000
"""Longest type annotation (``name: Type = …``) that is looked through."""

_SPACE = re.compile(r"(?:[\s\ufeff]+|//[^\n\r\u2028\u2029]*|/\*.*?\*/)*", re.DOTALL)
_IDENT = re.compile(r"[^\W\d][\w$]*|[$][\w$]*")
_NUMBER = re.compile(
    r"[+-]?(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+"
    r"|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)(?![\w$])"
)
_STRING_STOP = {quote: re.compile(rf"[{quote}\\\n\r]") for quote in ("'", '"')}
_TEMPLATE_STOP = re.compile(r"[`\\$]")
# Whole-file scan for names: comments and strings are skipped (a string may not span lines).
_SCAN = re.compile(
    r"//[^\n]*|/\*.*?(?:\*/|\Z)|'(?:[^'\\\n]|\\.)*'?|\"(?:[^\"\\\n]|\\.)*\"?"
    r"|`(?:[^`\\]|\\.)*`?|[^\W\d][\w$]*|[$][\w$]*",
    re.DOTALL,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_LINE_BREAKS = ("\r\n", "\n", "\r", "\u2028", "\u2029")
_CONSTANTS: dict[str, object] = {"true": True, "false": False, "null": None, "undefined": None}
_TYPE_STOP = re.compile(r"[][{}()<>;,=\'\"`/]")
_BLOCK_STOP = re.compile(r"[{}'\"`/]")
_OPEN = "{[(<"
_CLOSE = "}])>"


def line_of(text: str, position: int) -> int:
    """The 1-based line number of ``position`` in ``text``."""
    return text.count("\n", 0, position) + 1


def parse_document(text: str) -> object:
    """The single literal that makes up the whole of ``text`` (a final ``;`` is allowed).

    Raises:
        LadderImportError: not one plain literal (location ``line N``).
    """
    parser = _Parser(text)
    value = parser.value_at(0)
    parser.skip_space()
    if parser.peek() == ";":
        parser.pos += 1
        parser.skip_space()
    if parser.pos < len(text):
        raise parser.error("unexpected text after the end of the data")
    return value


def parse_value_at(text: str, position: int) -> tuple[object, int]:
    """The literal starting at ``position`` (after spaces and comments) and where it ends.

    Raises:
        LadderImportError: no plain literal there (location ``line N``).
    """
    parser = _Parser(text)
    value = parser.value_at(position)
    return value, parser.pos


def skip_space(text: str, position: int) -> int:
    """The position after the spaces and comments at ``position`` (a lenient version)."""
    found = _SPACE.match(text, position)
    return found.end() if found else position


def value_positions(text: str, name: str) -> Iterator[int]:
    """Where a value is given to ``name``: ``name = …``, ``name: Type = …`` or ``name: …``.

    Occurrences inside comments and strings are ignored, except a quoted key (``"name": …``).
    The positions are where the value text starts, in file order.
    """
    for found in _SCAN.finditer(text):
        token = found.group()
        if token[0] in "'\"`":
            if token[1:-1] != name or len(token) < 2 or token[-1] != token[0]:
                continue
        elif token != name:
            continue
        after = skip_space(text, found.end())
        if _is_assignment(text, after):
            yield after + 1
        elif text.startswith(":", after):
            yield from _after_colon(text, after + 1)


def _is_assignment(text: str, position: int) -> bool:
    return text.startswith("=", position) and not text.startswith(("==", "=>"), position)


def _after_colon(text: str, position: int) -> Iterator[int]:
    """The value after ``name:``: after the ``=`` if a type annotation ends there, else here."""
    start = skip_space(text, position)
    equals = _end_of_type(text, start)
    yield start if equals is None else equals + 1


def _end_of_type(text: str, position: int) -> int | None:
    """The ``=`` that ends a type annotation starting at ``position``, or None."""
    depth = 0
    pos = position
    while True:
        found = _TYPE_STOP.search(text, pos, position + MAX_TYPE_LENGTH)
        if found is None:
            return None
        pos = found.start()
        char = found.group()
        if char in "'\"`/":
            skipped = _SCAN.match(text, pos)
            pos = skipped.end() if skipped and skipped.end() > pos + 1 else pos + 1
            continue
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
        elif char == "=" and text.startswith(("=>", "=="), pos):
            pos += 1
        elif depth == 0 and (char in ";," or _is_assignment(text, pos)):
            return pos if char == "=" else None
        pos += 1


def block_after(text: str, position: int) -> str:
    """The first ``{ … }`` block at or after ``position`` (strings and comments skipped).

    Returns the text up to the end of the file when the block is never closed, or "".
    """
    start = text.find("{", position)
    if start < 0:
        return ""
    depth = 0
    pos = start
    while True:
        found = _BLOCK_STOP.search(text, pos)
        if found is None:
            return text[start:]
        pos = found.start()
        char = found.group()
        if char in "{}":
            depth += 1 if char == "{" else -1
            if depth == 0:
                return text[start : pos + 1]
            pos += 1
        else:
            skipped = _SCAN.match(text, pos)
            pos = skipped.end() if skipped and skipped.end() > pos + 1 else pos + 1


class _Parser:
    """A recursive-descent reader over ``text``; ``pos`` is the next character to read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def error(self, problem: str, position: int | None = None) -> LadderImportError:
        where = self.pos if position is None else position
        return LadderImportError(f"line {line_of(self.text, where)}", problem)

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_space(self) -> None:
        char = self.text[self.pos : self.pos + 1]
        if not (char.isspace() or char in ("/", "\ufeff")):
            return
        found = _SPACE.match(self.text, self.pos)
        if found:
            self.pos = found.end()
        if self.text.startswith("/*", self.pos):
            raise self.error("a /* comment is never closed")

    def value_at(self, position: int) -> object:
        self.pos = position
        return self.value()

    def value(self) -> object:
        self.skip_space()
        char = self.peek()
        if char == "{":
            return self.nested(self.read_object)
        if char == "[":
            return self.nested(self.read_array)
        if char in ("'", '"', "`"):
            return self.joined_string()
        number = _NUMBER.match(self.text, self.pos)
        if number:
            self.pos = number.end()
            return self.number(number.group())
        word = _IDENT.match(self.text, self.pos)
        if word:
            if word.group() in _CONSTANTS:
                self.pos = word.end()
                return _CONSTANTS[word.group()]
            raise self.error(
                f"'{word.group()[:40]}' is JavaScript code, not plain data; "
                "only text, numbers, true/false, lists and objects can be read"
            )
        if not char:
            raise self.error("the file ends where a value was expected")
        raise self.error(f"unexpected {char!r} where a value was expected")

    def nested(self, reader: Callable[[], object]) -> object:
        if self.depth >= MAX_DEPTH:
            raise self.error(f"the data is nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        try:
            return reader()
        finally:
            self.depth -= 1

    def read_object(self) -> dict[str, object]:
        start = self.pos
        self.pos += 1
        result: dict[str, object] = {}
        while True:
            self.skip_space()
            char = self.peek()
            if char == "}":
                self.pos += 1
                return result
            if not char:
                raise self.error("the object that starts here is never closed", start)
            key_at = self.pos
            key = self.key()
            self.skip_space()
            if self.peek() != ":":
                raise self.error(f"the property '{key[:40]}' needs ':' and a value")
            self.pos += 1
            if key in result:
                raise self.error(f"the key '{key[:40]}' appears twice in the same object", key_at)
            result[key] = self.value()
            if not self.separator("}", start, "object"):
                return result

    def key(self) -> str:
        char = self.peek()
        if char in ("'", '"', "`"):
            return self.string()
        number = _NUMBER.match(self.text, self.pos)
        if number and char not in "+-":
            self.pos = number.end()
            return number.group()
        word = _IDENT.match(self.text, self.pos)
        if word:
            self.pos = word.end()
            return word.group()
        if self.text.startswith("...", self.pos):
            raise self.error("spread ('...') is JavaScript code, not plain data")
        if char == "[":
            raise self.error("computed keys ('[...]:') are JavaScript code, not plain data")
        raise self.error(f"unexpected {char!r} where a property name was expected")

    def read_array(self) -> list[object]:
        start = self.pos
        self.pos += 1
        result: list[object] = []
        while True:
            self.skip_space()
            char = self.peek()
            if char == "]":
                self.pos += 1
                return result
            if not char:
                raise self.error("the list that starts here is never closed", start)
            if char == ",":
                raise self.error("an empty item in a list (two commas in a row)")
            result.append(self.value())
            if not self.separator("]", start, "list"):
                return result

    def separator(self, closing: str, start: int, what: str) -> bool:
        """Read ``,`` (True: more may follow) or the closing bracket (False)."""
        self.skip_space()
        char = self.peek()
        if char == ",":
            self.pos += 1
            return True
        if char == closing:
            self.pos += 1
            return False
        if not char:
            raise self.error(f"the {what} that starts here is never closed", start)
        raise self.error(f"expected ',' or '{closing}' but found {char!r}")

    def number(self, raw: str) -> int | float:
        if raw.isascii() and raw.isdigit() and len(raw) < 20:
            return int(raw)
        digits = raw.replace("_", "").lstrip("+")
        sign = -1 if digits.startswith("-") else 1
        digits = digits.lstrip("-")
        try:
            if digits[:2].lower() in ("0x", "0b", "0o"):
                return sign * int(digits, 0)
            if re.fullmatch(r"\d+", digits):
                return sign * int(digits)
            value = float(digits)
        except ValueError:
            raise self.error(f"'{raw[:40]}' is not a number") from None
        if math.isinf(value):
            raise self.error(f"the number '{raw[:40]}' is too large")
        return sign * value

    def joined_string(self) -> str:
        """A string, or several joined with ``+``."""
        text = self.string()
        while True:
            save = self.pos
            self.skip_space()
            if self.peek() != "+":
                self.pos = save
                return text
            self.pos += 1
            self.skip_space()
            if self.peek() not in ("'", '"', "`") or not self.peek():
                raise self.error("only text can be joined with '+'")
            text += self.string()

    def string(self) -> str:
        start = self.pos
        quote = self.text[start]
        stop = _TEMPLATE_STOP if quote == "`" else _STRING_STOP[quote]
        self.pos += 1
        parts: list[str] = []
        while True:
            found = stop.search(self.text, self.pos)
            if found is None or found.group() in "\n\r":
                raise self.error("this text has no closing quote", start)
            parts.append(self.text[self.pos : found.start()])
            self.pos = found.end()
            char = found.group()
            if char == quote:
                break
            if char == "$":
                if self.peek() == "{":
                    raise self.error(
                        "template strings with ${...} are JavaScript code, not plain data"
                    )
                parts.append("$")
            else:
                parts.append(self.escape(start))
        result = "".join(parts)
        if quote == "`":
            result = result.replace("\r\n", "\n").replace("\r", "\n")
        if _SURROGATE.search(result):
            result = result.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return result

    def escape(self, start: int) -> str:
        """The character of the escape after a backslash (already read)."""
        char = self.peek()
        if not char:
            raise self.error("this text has no closing quote", start)
        for line_break in _LINE_BREAKS:
            if self.text.startswith(line_break, self.pos):
                self.pos += len(line_break)
                return ""
        self.pos += 1
        if char in _ESCAPES:
            return _ESCAPES[char]
        if char == "x":
            return self.code_point(r"[0-9a-fA-F]{2}", "\\x needs two hex digits")
        if char == "u":
            if self.peek() == "{":
                return self.code_point(r"\{[0-9a-fA-F]{1,6}\}", "bad \\u{...} escape")
            return self.code_point(r"[0-9a-fA-F]{4}", "\\u needs four hex digits")
        return char

    def code_point(self, pattern: str, problem: str) -> str:
        found = re.compile(pattern).match(self.text, self.pos)
        value = int(found.group().strip("{}"), 16) if found else -1
        if found is None or value > 0x10FFFF:
            raise self.error(problem)
        self.pos = found.end()
        return chr(value)
