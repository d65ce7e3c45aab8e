"""argparse value types: each turns one command-line word into a checked value or a message."""

from __future__ import annotations

import argparse
import datetime as dt
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from careercoach.domain.checkin import IsoWeek
from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import parse_date, parse_token

_Token = TypeVar("_Token", bound=StrEnum)


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def positive_days(text: str) -> int:
    """An argparse type for a whole number of days, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be at least 1 day")
    return value


def token(kind: type[_Token], what: str) -> Callable[[str], _Token]:
    """An argparse type for one of ``kind``'s tokens, in any case."""

    def parse(text: str) -> _Token:
        try:
            return parse_token(kind, text, what)
        except UserError as error:
            raise argparse.ArgumentTypeError(error.message) from None

    return parse


def evidence_date(text: str) -> dt.date:
    """An argparse type for the YYYY-MM-DD dates of the evidence commands."""
    try:
        return parse_date(text)
    except UserError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def iso_week(text: str) -> IsoWeek:
    """An argparse type for an ISO week, YYYY-Www."""
    try:
        return IsoWeek.parse(text)
    except UserError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def hours(text: str) -> float:
    """An argparse type for a number of hours (the services check its range)."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of hours") from None


def rating(text: str) -> int:
    """An argparse type for a rubric rating (the services check that it is 1 to 5)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 1 to 5") from None


def count(text: str) -> int:
    """An argparse type for a count of people, 0 or more (the services check the maximum)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:  # checked here: the prototype checks turn a negative count into 0
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 0 or more")
    return value


MAX_RECORD_ID = 2**63 - 1  # the largest id a database column holds


def record_id(text: str) -> int:
    """An argparse type for the id of a stored record."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an id (a whole number)") from None
    if not 1 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"there is no record with the id {text}")
    return value


def snooze_days(text: str) -> int:
    """An argparse type for how many days to snooze a suggestion: 1 to 365."""
    # Imported here: the coach model is not needed to parse any other command.
    from careercoach.domain.coach import MAX_SNOOZE_DAYS

    value = int(text) if text.isascii() and text.isdigit() else 0
    if not 1 <= value <= MAX_SNOOZE_DAYS:
        raise argparse.ArgumentTypeError(
            f"'{shown(text)}' is not a whole number of days from 1 to {MAX_SNOOZE_DAYS}"
        )
    return value


def shown(text: str) -> str:
    """``text`` for a one-line message: control characters (line breaks) become spaces."""
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
