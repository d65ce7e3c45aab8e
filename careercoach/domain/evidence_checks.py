"""Checks shared by ledger entries, prototypes and check-ins: tokens, dates, hours and text."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from careercoach.domain.errors import UserError

E = TypeVar("E", bound=StrEnum)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters: none on one line; a multi-line text keeps its line breaks and tabs.
_CONTROL_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTI_LINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOURS_DECIMALS = 2
_DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field, in words a user can act on."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InvalidRecordError(UserError):
    """A record that cannot be stored; ``problems`` names every field that is wrong."""

    def __init__(self, what: str, problems: Iterable[FieldProblem]) -> None:
        self.problems = tuple(problems)
        summary = "; ".join(str(problem) for problem in self.problems)
        super().__init__(f"{what}-invalid", f"the {what} cannot be saved: {summary}")


def parse_token(kind: type[E], text: str, what: str) -> E:
    """The enum member spelled ``text``, or a UserError listing every valid spelling."""
    cleaned = text.strip()
    for member in kind:
        if member.value == cleaned or member.value.casefold() == cleaned.casefold():
            return member
    choices = ", ".join(member.value for member in kind)
    raise UserError(
        f"unknown-{what}", f"unknown {what} '{text}' (choose one of: {choices})", value=text
    )


def parse_date(text: str, what: str = "date") -> dt.date:
    """An ISO date (YYYY-MM-DD), or a UserError saying what was expected."""
    try:
        if not _DATE_PATTERN.fullmatch(text.strip()):
            raise ValueError(text)
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            "bad-date", f"the {what} '{text}' is not a date of the form YYYY-MM-DD", value=text
        ) from None


def check_text(
    problems: list[FieldProblem],
    name: str,
    value: str,
    limit: int,
    *,
    required: bool = False,
    one_line: bool = False,
) -> None:
    """Add a problem when ``value`` is empty (and required), too long or not plain text.

    ``one_line`` fields (titles, names, links) take no line breaks or control characters;
    other fields may hold line breaks and tabs.
    """
    if required and not value.strip():
        problems.append(FieldProblem(name, "is required"))
    elif len(value) > limit:
        problems.append(FieldProblem(name, f"is longer than {limit} characters"))
    elif _SURROGATE.search(value):
        problems.append(FieldProblem(name, "contains characters that are not valid text"))
    elif one_line and _CONTROL_ONE_LINE.search(value):
        problems.append(FieldProblem(name, "must be one line, without control characters"))
    elif not one_line and _CONTROL_MULTI_LINE.search(value):
        problems.append(FieldProblem(name, "contains control characters"))


def clean_text(value: str) -> str:
    """``value`` without surrounding blanks, its line breaks written as \\n."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_hours(value: float | None) -> float | None:
    """Hours rounded to hundredths, so every editor shows and keeps the stored value."""
    if value is None or not math.isfinite(value):
        return value
    return round(value, HOURS_DECIMALS)


def check_hours(
    problems: list[FieldProblem], name: str, value: float | None, limit: float
) -> None:
    """Add a problem unless ``value`` is unset or a number from 0 to ``limit``."""
    if value is None:
        return
    if not math.isfinite(value) or not 0 <= value <= limit:
        problems.append(FieldProblem(name, f"must be a number from 0 to {limit:g}"))


def check_rating(problems: list[FieldProblem], name: str, value: int | None) -> None:
    """Add a problem unless ``value`` is unset or a whole number from 1 to 5."""
    if value is not None and not 1 <= value <= 5:
        problems.append(FieldProblem(name, f"must be from 1 to 5, not {value}"))


def check_date(
    problems: list[FieldProblem], name: str, value: dt.date, today: dt.date, earliest: dt.date
) -> None:
    """Add a problem when ``value`` lies in the future or before ``earliest``."""
    if value > today:
        problems.append(FieldProblem(name, f"{value.isoformat()} is in the future"))
    elif value < earliest:
        problems.append(FieldProblem(name, f"must not be before {earliest.isoformat()}"))


def check_competency_ids(problems: list[FieldProblem], name: str, ids: Iterable[str]) -> None:
    """Add a problem for each competency id that is not a valid ladder id."""
    for competency in ids:
        if not _ID_PATTERN.fullmatch(competency):
            problems.append(FieldProblem(name, f"'{competency}' is not a competency id"))
