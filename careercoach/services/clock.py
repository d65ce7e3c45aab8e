"""The one source of 'now' for services, replaceable in tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """The current time in UTC, stored without a time-zone field (every stored time is UTC)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


Today = Callable[[], dt.date]


def local_today() -> dt.date:
    """Today's date where the user is: the day their entries and check-ins belong to."""
    return dt.date.today()
