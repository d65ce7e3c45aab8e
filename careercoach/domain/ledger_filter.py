"""Which ledger entries a view shows: kinds, a date range, a competency and search words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from careercoach.domain.contribution import Contribution, ContributionKind


@dataclass(frozen=True)
class LedgerFilter:
    """A filter over ledger entries; the defaults let everything through.

    ``since`` and ``until`` are inclusive. ``text`` matches when every word in it appears
    somewhere in the entry's searchable text, ignoring case.
    """

    kinds: frozenset[ContributionKind] = frozenset()
    since: dt.date | None = None
    until: dt.date | None = None
    competency: str | None = None
    text: str = ""

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The search words, case-folded (worked out once: a filter runs over every entry)."""
        return tuple(self.text.casefold().split())

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every entry through."""
        return self == LedgerFilter(text=self.text) and not self.words

    def matches(self, entry: Contribution, search_text: str | None = None) -> bool:
        """True when ``entry`` passes; ``search_text`` may be passed in precomputed."""
        if self.kinds and entry.kind not in self.kinds:
            return False
        if self.since is not None and entry.date < self.since:
            return False
        if self.until is not None and entry.date > self.until:
            return False
        if self.competency is not None and self.competency not in entry.competencies:
            return False
        words = self.words
        if not words:
            return True
        haystack = entry.search_text() if search_text is None else search_text
        return all(word in haystack for word in words)


def filtered(entries: Iterable[Contribution], ledger_filter: LedgerFilter) -> list[Contribution]:
    """The entries that pass ``ledger_filter``, in their original order."""
    return [entry for entry in entries if ledger_filter.matches(entry)]
