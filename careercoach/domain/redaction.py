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
        self._own_written = " ".join(own_name.split())
        self._labels: dict[str, str] = {}
        self._written: dict[str, str] = {}
        self._projects_keys: set[str] = set()
        self._people = 0
        self._projects = 0
        self._first_names: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    def add_people(self, names: Iterable[str]) -> None:
        """Register people; each new one gets the next "Colleague" label."""
        for name in names:
            key = _key(name)
            if key and key != self._own and key not in self._labels:
                label = f"Colleague {_letters(self._people)}"
                self._labels[key] = label
                self._written[key] = " ".join(name.split())
                self._people += 1
                self._pattern = None
                first = name.split()[0]
                own_words = set(self._own.split())
                if (
                    len(name.split()) > 1
                    and len(first) > 1
                    and first[0].isupper()
                    and first.casefold() not in own_words
                ):
                    self._first_names.setdefault(first, label)

    def add_projects(self, names: Iterable[str]) -> None:
        """Register projects; each new one gets the next "Project" label."""
        for name in names:
            key = _key(name)
            if key and key != self._own and key not in self._labels:
                self._labels[key] = f"Project {_letters(self._projects)}"
                self._projects_keys.add(key)
                self._written[key] = " ".join(name.split())
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
        return self._compiled().sub(self._label_of, text)

    @property
    def names(self) -> tuple[str, ...]:
        """The registered names (lower-cased), in registration order."""
        return tuple(self._labels)

    def _label_of(self, match: re.Match[str]) -> str:
        found = match.group(0)
        spaced = " ".join(found.split())
        if spaced.lower() == self._own_written.lower():
            return found  # the user's own name stays
        if _key(found) in self._labels:
            return self._labels[_key(found)]
        if found in self._first_names:
            return self._first_names[found]
        # Case-insensitive matching finds spellings whose casefold differs (e.g. ß), and
        # projects are matched with or without a plural "s".
        for key, written in self._written.items():
            if written.lower() == spaced.lower() or (
                key in self._projects_keys
                and written.lower().rstrip("s") == spaced.lower().rstrip("s")
            ):
                return self._labels[key]
        return found

    def _compiled(self) -> re.Pattern[str]:
        """One pattern for every name, longest first, so "Ana Souza" wins over "Ana".

        Full names (and the user's own, so that it is matched and kept whole) compare
        ignoring case and are built from the names as written (casefolded keys such as
        "gross" for "Groß" would not match the text); first names match as written.
        """
        if self._pattern is None:
            own_words = set(self._own.split())
            firsts = [
                first
                for first in self._first_names
                if _key(first) not in self._labels and first.casefold() not in own_words
            ]
            alternatives = [
                (name, rf"(?i:{_words_pattern(name, plural=key in self._projects_keys)})")
                for key, name in (*self._written.items(), (self._own, self._own_written))
                if name
            ]
            alternatives += [(first, re.escape(first)) for first in firsts]
            alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
            joined = "|".join(pattern for _, pattern in alternatives)
            self._pattern = re.compile(rf"(?<!\w)(?:{joined})(?!\w)")
        return self._pattern


def _words_pattern(name: str, *, plural: bool = False) -> str:
    """``name`` as a regular expression allowing any run of spaces between its words.

    With ``plural``, the last word also matches with or without a final "s" ("Pricing
    experiments" finds "the pricing experiment"), as projects are named loosely.
    """
    words = [re.escape(word) for word in name.split()]
    if plural and words and len(words[-1]) > 3:
        last = words[-1]
        words[-1] = f"{last[:-1]}s?" if last.lower().endswith("s") else f"{last}s?"
    return r"\s+".join(words)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
