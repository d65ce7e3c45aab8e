"""The UserError family: bad input or environment, shown to the user as a clear message."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


class UserError(Exception):
    """An error the user can fix: bad input, a bad file, an unusable environment.

    Every user error carries a stable ``code`` and the ``params`` its message was built
    from, so front ends can show it, log it or translate it without parsing text.
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params: Mapping[str, object] = MappingProxyType(dict(params))

    def __str__(self) -> str:
        return self.message


class NotFoundError(UserError):
    """Something the user named (a ladder, a level) does not exist."""


class DatabaseTooNewError(UserError):
    """The database was written by a newer CareerCoach than this one."""
