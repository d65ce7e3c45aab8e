"""Replaces names of people and projects with neutral labels, the same label every time."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

# Several people named in one field: "Ana Lima; Raj Patel", "Ana, Raj and Mei".
_SEPARATORS = re.compile(r"\s*(?:[;,&/+]|\band\b)\s*", re.IGNORECASE)
# Words that make a beneficiary a team rather than a person: its words are not names.
GROUP_WORDS = frozenset(
    [
        "team",
        "teams",
        "squad",
        "guild",
        "group",
        "groups",
        "department",
        "dept",
        "org",
        "organisation",
        "organization",
        "company",
        "engineering",
        "engineers",
        "support",
        "platform",
        "platforms",
        "data",
        "analytics",
        "finance",
        "sales",
        "marketing",
        "product",
        "products",
        "design",
        "research",
        "security",
        "infrastructure",
        "infra",
        "operations",
        "ops",
        "customer",
        "customers",
        "legal",
        "hr",
        "people",
        "leadership",
        "management",
        "science",
        "scientists",
        "services",
        "service",
        "backend",
        "frontend",
        "mobile",
        "web",
        "qa",
        "devops",
        "sre",
        "ml",
        "ai",
        "core",
        "growth",
        "billing",
        "payments",
        "search",
        "recommendations",
        "risk",
        "fraud",
        "compliance",
        "community",
        "everyone",
        "all",
        "the",
        "of",
        "new",
        "hires",
        "hire",
        "interns",
        "on-call",
    ]
)
_NAME_WORD = re.compile("^[^\\W\\d_][\\w'\u2019-]*$")


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

    - Labels follow the order names are registered ("Colleague A" is the first person).
      A field naming several people ("Ana Lima; Raj Patel") registers each of them.
    - Names of several words match ignoring case and spacing; one-word names match as
      written or capitalised, so the beneficiary "Will" does not rewrite "I will".
    - A person's first and last name alone ("Ana", "Lima" for "Ana Lima") are replaced
      too where written capitalised, as people are named in passing, unless the name is a
      team's ("Data Engineering" hides no word "Data").
    - Names match as whole words, longest first.
    - ``keep`` phrases (the user's own name, their role, level and competency names) are
      never rewritten, not even in part.
    """

    def __init__(
        self, own_name: str = "", *, enabled: bool = True, keep: Iterable[str] = ()
    ) -> None:
        self.enabled = enabled
        self._own = _key(own_name)
        self._keep = {_key(p): _spaced(p) for p in (own_name, *keep) if p.strip()}
        self._labels: dict[str, str] = {}
        self._written: dict[str, str] = {}
        self._projects_keys: set[str] = set()
        self._people = 0
        self._projects = 0
        self._aliases: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    def add_people(self, names: Iterable[str]) -> None:
        """Register people; each new one gets the next "Colleague" label."""
        for field in names:
            for name in _SEPARATORS.split(field):
                self._add_person(name)

    def _add_person(self, name: str) -> None:
        key = _key(name)
        if not key or key == self._own or key in self._labels or key in self._keep:
            return
        label = f"Colleague {_letters(self._people)}"
        self._labels[key] = label
        self._written[key] = _spaced(name)
        self._people += 1
        self._pattern = None
        words = name.split()
        if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
            return
        if any(word.casefold() in GROUP_WORDS for word in words):
            return
        own_words = set(self._own.split())
        for word in (words[0], words[-1]):
            alias = word[:1].upper() + word[1:]
            if len(alias) > 1 and word.casefold() not in own_words:
                self._aliases.setdefault(alias, label)

    def add_projects(self, names: Iterable[str]) -> None:
        """Register projects; each new one gets the next "Project" label."""
        for name in names:
            key = _key(name)
            if key and key != self._own and key not in self._labels and key not in self._keep:
                self._labels[key] = f"Project {_letters(self._projects)}"
                self._written[key] = _spaced(name)
                self._projects_keys.add(key)
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
        key = _key(found)
        if key in self._keep:
            return found
        if key in self._labels:
            return self._labels[key]
        if found in self._aliases:
            return self._aliases[found]
        spaced = _spaced(found).lower()
        # Case-insensitive matching finds spellings whose casefold differs (e.g. ß), and
        # projects are matched with or without a plural "s".
        for known, written in self._written.items():
            singular = written.lower().rstrip("s") == spaced.rstrip("s")
            if written.lower() == spaced or (known in self._projects_keys and singular):
                return self._labels[known]
        return found

    def _compiled(self) -> re.Pattern[str]:
        """One pattern for every name and kept phrase, longest first."""
        if self._pattern is None:
            alternatives: list[tuple[str, str]] = []
            for phrase in self._keep.values():
                alternatives.append((phrase, rf"(?i:{_words_pattern(phrase)})"))
            for key, written in self._written.items():
                plural = key in self._projects_keys
                if len(written.split()) > 1 or plural:
                    pattern = rf"(?i:{_words_pattern(written, plural=plural)})"
                else:
                    forms = dict.fromkeys((written, written[:1].upper() + written[1:]))
                    pattern = "|".join(re.escape(form) for form in forms)
                alternatives.append((written, pattern))
            own_words = set(self._own.split())
            for alias in self._aliases:
                if _key(alias) not in self._labels and alias.casefold() not in own_words:
                    alternatives.append((alias, re.escape(alias)))
            alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
            joined = "|".join(f"(?:{pattern})" for _, pattern in alternatives)
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


def _spaced(name: str) -> str:
    return " ".join(name.split())


def _key(name: str) -> str:
    return _spaced(name).casefold()
