"""Low-level checks for ladder documents: they collect every problem instead of stopping."""

from __future__ import annotations

import datetime
import difflib
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

MISSING: Any = object()
"""Marks a field that a table does not have."""

_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Longest id, name and version a ladder may use: ids get "-2", "-3"… appended on import
# and all three are stored in bounded database columns.
MAX_ID_LENGTH = 80
MAX_NAME_LENGTH = 200
_SURROGATE = re.compile("[\ud800-\udfff]")

_ID_RULE = (
    "an id uses only lowercase letters a-z, digits, '-' and '_', "
    "and starts with a letter or a digit (for example 'senior-2')"
)
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")
_MAX_SETTING_DEPTH = 32
_MAX_SETTING_VALUES = 10_000


@dataclass(frozen=True)
class FormatProblem:
    """One thing wrong with a ladder document.

    Attributes:
        location: Where the problem is: a field path such as
            ``"competencies[3].expectations.senior"``, ``""`` for the whole document, or a
            line number (``"12"`` or ``"12:5"``) for problems found while reading the text.
        message: What is wrong and what is expected, written for the user.
        code: A stable machine-readable code such as ``"duplicate-id"``.
    """

    location: str
    message: str
    code: str


def join_location(location: str, key: object) -> str:
    """The field path of ``key`` inside ``location``; odd keys are quoted."""
    if isinstance(key, str):
        part = key if _PLAIN_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)
    else:
        part = short(key)
    return f"{location}.{part}" if location else part


def short(value: object) -> str:
    """A short, safe rendering of a scalar for messages."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "(a very large number)"
    if isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, datetime.date | datetime.time):
        text = value.isoformat()
    else:
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe(value: object) -> str:
    """Name the kind of ``value`` the way a person editing the file would."""
    kinds: list[tuple[type | tuple[type, ...], str]] = [
        (type(None), "empty (null)"),
        (bool, "a true/false value"),
        (int, "a whole number"),
        (float, "a decimal number"),
        (str, "text"),
        ((list, tuple), "a list"),
        (Mapping, "a table"),
        (datetime.datetime, "a date and time"),
        (datetime.date, "a date"),
        (datetime.time, "a time of day"),
    ]
    for kind, name in kinds:
        if isinstance(value, kind):
            scalar = isinstance(value, bool | int | float | datetime.date | datetime.time)
            return f"{name} ({short(value)})" if scalar else name
    return "a value of an unsupported kind"


def _quote_hint(value: object) -> str:
    """Advice for a scalar found where text was expected."""
    if isinstance(value, bool | int | float | datetime.date | datetime.time):
        return "; put the value in quotes to make it text"
    return ""


def suggestion(word: str, choices: Iterable[str]) -> str:
    """A "Did you mean ...?" sentence for a likely typo, or ""."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


class Checker:
    """Collects problems; its readers return a best-effort value even when they find one."""

    def __init__(self) -> None:
        self.problems: list[FormatProblem] = []
        self.setting_values = 0

    def problem(self, location: str, code: str, message: str) -> None:
        """Record one problem."""
        self.problems.append(FormatProblem(location, message, code))

    def table(self, value: object, location: str, what: str) -> Mapping[Any, Any] | None:
        """``value`` if it is a table; else report it and return None."""
        if isinstance(value, Mapping):
            return value
        self.problem(
            location,
            "wrong-type",
            f"{what} must be a table of fields, but it is {describe(value)}.",
        )
        return None

    def list_of(self, table: Mapping[Any, Any], key: str, location: str) -> list[Any] | None:
        """The required list at ``key``; else report it and return None."""
        value = table.get(key, MISSING)
        where = join_location(location, key)
        if value is MISSING:
            self.problem(where, "missing-field", f"The required field '{key}' is missing.")
        elif not isinstance(value, list):
            self.problem(
                where, "wrong-type", f"'{key}' must be a list, but it is {describe(value)}."
            )
        else:
            return value
        return None

    def name_problem(self, location: str, key: object) -> None:
        """Report a field name that is not text (YAML allows numbers, dates, ...)."""
        self.problem(
            join_location(location, key),
            "wrong-type",
            f"Field names must be text, but {describe(key)} was used as a name; put it in quotes.",
        )

    def fields(self, table: Mapping[Any, Any], location: str, allowed: tuple[str, ...]) -> None:
        """Report every field name of ``table`` that is not text or not ``allowed``."""
        for key in table:
            if not isinstance(key, str):
                self.name_problem(location, key)
            elif key not in allowed:
                self.problem(
                    join_location(location, key),
                    "unknown-field",
                    f"Unknown field '{key}'.{suggestion(key, allowed)} "
                    f"The fields allowed here are: {', '.join(allowed)}.",
                )

    def text(
        self,
        table: Mapping[Any, Any],
        key: str,
        location: str,
        *,
        required: bool = False,
        is_id: bool = False,
        max_length: int | None = None,
    ) -> str:
        """The text at ``key``; required text must not be blank and ids must be valid."""
        where = join_location(location, key)
        value = table.get(key, MISSING)
        if value is MISSING:
            if required:
                self.problem(where, "missing-field", f"The required field '{key}' is missing.")
            return ""
        if not isinstance(value, str):
            self.problem(
                where,
                "wrong-type",
                f"'{key}' must be text, but it is {describe(value)}{_quote_hint(value)}.",
            )
        elif required and not value.strip():
            self.problem(where, "empty-value", f"'{key}' must not be empty or blank.")
        elif is_id and not _ID_PATTERN.fullmatch(value):
            self.problem(
                where, "invalid-id", f"{json.dumps(value)} is not a valid id: {_ID_RULE}."
            )
        elif (limit := MAX_ID_LENGTH if is_id else max_length) and len(value) > limit:
            self.problem(
                where,
                "too-long",
                f"'{key}' is {len(value)} characters long; at most {limit} are allowed.",
            )
        elif self.valid_text(value, where):
            return value
        return ""

    def valid_text(self, value: str, location: str) -> bool:
        """False (and a problem) when ``value`` holds a lone surrogate, which is no character."""
        found = _SURROGATE.search(value)
        if found is None:
            return True
        self.problem(
            location,
            "invalid-text",
            f"The text contains \\u{ord(found.group()):04x}, half of a character pair that "
            "cannot stand alone; remove it or write the whole character.",
        )
        return False

    def texts(self, table: Mapping[Any, Any], key: str, location: str) -> tuple[str, ...]:
        """An optional list of non-blank text at ``key``."""
        value = table.get(key, MISSING)
        if value is MISSING:
            return ()
        if not isinstance(value, list):
            self.problem(
                join_location(location, key),
                "wrong-type",
                f"'{key}' must be a list of text, but it is {describe(value)}.",
            )
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            where = f"{join_location(location, key)}[{index}]"
            if not isinstance(item, str):
                self.problem(
                    where,
                    "wrong-type",
                    f"Each entry of '{key}' must be text, but this one is {describe(item)}"
                    f"{_quote_hint(item)}.",
                )
            elif not item.strip():
                self.problem(where, "empty-value", f"Entries of '{key}' must not be blank.")
            elif self.valid_text(item, where):
                items.append(item)
        return tuple(items)

    def setting(self, value: object, location: str, depth: int = 0) -> Any:
        """A copy of a JSON-like policy setting value (no null: TOML cannot store it)."""
        self.setting_values += 1
        if self.setting_values == _MAX_SETTING_VALUES + 1 or depth == _MAX_SETTING_DEPTH:
            self.problem(
                location,
                "wrong-type",
                f"The policy settings are too big or too deeply nested (more than "
                f"{_MAX_SETTING_VALUES} values or {_MAX_SETTING_DEPTH} levels).",
            )
        if self.setting_values > _MAX_SETTING_VALUES or depth >= _MAX_SETTING_DEPTH:
            return None
        if isinstance(value, str):
            return value if self.valid_text(value, location) else None
        if isinstance(value, bool | int) or (isinstance(value, float) and math.isfinite(value)):
            return value
        if isinstance(value, list):
            return [self.setting(v, f"{location}[{i}]", depth + 1) for i, v in enumerate(value)]
        if isinstance(value, Mapping):
            for key in value:
                if not isinstance(key, str):
                    self.name_problem(location, key)
                else:
                    self.valid_text(key, join_location(location, key))
            return {
                k: self.setting(v, join_location(location, k), depth + 1)
                for k, v in value.items()
                if isinstance(k, str)
            }
        self.problem(
            location,
            "wrong-type",
            "Policy settings must be text, finite numbers, true/false, lists or tables, "
            f"but this is {describe(value)}"
            + ("; leave the setting out instead." if value is None else "."),
        )
        return None
