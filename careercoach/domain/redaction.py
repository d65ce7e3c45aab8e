"""Replaces names of people and projects with neutral labels, the same label every time."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable


def _letters(index: int) -> str:
    """A, B, … Z, AA, AB, … for 0, 1, … (spreadsheet-style column letters)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


class Redactor:
    """Knows the names to hide and the label each one gets.

    Labels follow the order names are registered ("Colleague A" is the first person), and
    names compare ignoring case and surrounding spaces. Text is rewritten by replacing
    every known name where it stands as a whole word, longest names first, so "Ana Lima"
    is never half-replaced through "Ana". A person's first name alone ("Ana" for "Ana
    Lima") is replaced too, where it is written capitalised, since that is how people are
    named in passing. The user's own name is never hidden.
    """

    def __init__(self, own_name: str = "", *, enabled: bool = True) -> None:
        self.enabled = enabled
        self._own = _key(own_name)
        self._labels: dict[str, str] = {}
        self._people = 0
        self._projects = 0
        self._first_names: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self._first_pattern: re.Pattern[str] | None = None

    def add_people(self, names: Iterable[str]) -> None:
        """Register people; each new one gets the next "Colleague" label."""
        for name in names:
            key = _key(name)
            if key and key != self._own and key not in self._labels:
                label = f"Colleague {_letters(self._people)}"
                self._labels[key] = label
                self._people += 1
                self._pattern = self._first_pattern = None
                first = name.split()[0]
                if len(name.split()) > 1 and len(first) > 1 and first[0].isupper():
                    self._first_names.setdefault(first, label)

    def add_projects(self, names: Iterable[str]) -> None:
        """Register projects; each new one gets the next "Project" label."""
        for name in names:
            key = _key(name)
            if key and key != self._own and key not in self._labels:
                self._labels[key] = f"Project {_letters(self._projects)}"
                self._projects += 1
                self._pattern = None

    def name(self, name: str) -> str:
        """A registered name's label (the name itself when redaction is off or unknown)."""
        if not self.enabled:
            return name
        return self._labels.get(_key(name), self.text(name))

    def text(self, text: str) -> str:
        """``text`` with every registered name replaced by its label."""
        if not self.enabled or not self._labels or not text:
            return text
        pattern, first_names = self._compiled()
        text = pattern.sub(lambda m: self._labels.get(_key(m.group(0)), m.group(0)), text)
        if first_names is None:
            return text
        return first_names.sub(lambda m: self._first_names.get(m.group(0), m.group(0)), text)

    @property
    def names(self) -> tuple[str, ...]:
        """The registered names (lower-cased), in registration order."""
        return tuple(self._labels)

    def _compiled(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        if self._pattern is None:
            names = sorted(self._labels, key=len, reverse=True)
            alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
            self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
            # A first name that is a whole registered name ("Ana" beside "Ana Lima") or a
            # label word is left to the full-name pass.
            firsts = [
                first
                for first in self._first_names
                if _key(first) not in self._labels and first not in ("Colleague", "Project")
            ]
            self._first_pattern = (
                re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, firsts))})(?!\w)")
                if firsts
                else None
            )
        return self._pattern, self._first_pattern


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
