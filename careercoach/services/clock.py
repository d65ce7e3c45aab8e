"""The one source of 'now' for services, replaceable in tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """The current time in UTC, stored without a time-zone field (every stored time is UTC)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
