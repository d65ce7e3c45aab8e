"""The one source of 'now' for services, replaceable in tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """The local wall-clock time, without time zone (as stored)."""
    return dt.datetime.now().replace(microsecond=0)
