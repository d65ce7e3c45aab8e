"""Use cases of the contribution ledger: add, edit, delete and undo, list, CSV in and out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.contribution_checks import checked_contribution
from careercoach.domain.errors import UserError
from careercoach.domain.ledger_csv import parse_ledger_csv, render_ledger_csv
from careercoach.services.clock import Clock, Today, local_today, system_clock
from careercoach.services.files import read_bytes, write_text_file

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    import datetime as dt

    from careercoach.storage.database import Database

MAX_LEDGER_CSV_BYTES = 50_000_000


@dataclass(frozen=True)
class CsvImportResult:
    """What a CSV import did: entries added, and rows already in the ledger and skipped."""

    added: int
    skipped: int


class LedgerService:
    """The contribution ledger; each method is one transaction."""

    def __init__(
        self, database: Database, *, clock: Clock = system_clock, today: Today = local_today
    ) -> None:
        self._database = database
        self._clock = clock
        self._today = today

    def add(self, entry: Contribution) -> Contribution:
        """Store a new entry and return it with its id.

        Raises:
            InvalidRecordError: a field is wrong (each problem is named).
        """
        checked = checked_contribution(replace(entry, id=None), self._today())
        with self._database.unit_of_work() as work:
            return work.contributions.add(checked, now=self._clock())

    def update(self, entry: Contribution) -> Contribution:
        """Replace the stored entry that has ``entry.id``.

        Raises:
            InvalidRecordError: a field is wrong.
            NotFoundError: no entry has that id (it was deleted meanwhile).
        """
        checked = checked_contribution(entry, self._today())
        with self._database.unit_of_work() as work:
            return work.contributions.update(checked, now=self._clock())

    def delete(self, entry_id: int) -> Contribution:
        """Delete an entry; returns it so that the delete can be undone with ``restore``."""
        with self._database.unit_of_work() as work:
            return work.contributions.delete(entry_id)

    def delete_many(self, entry_ids: Iterable[int]) -> tuple[Contribution, ...]:
        """Delete several entries in one transaction: all of them, or none.

        Returns them as they were, for ``restore_many``.

        Raises:
            NotFoundError: one of them no longer exists (and nothing was deleted).
        """
        with self._database.unit_of_work() as work:
            return tuple(work.contributions.delete(entry_id) for entry_id in entry_ids)

    def restore_many(self, entries: Iterable[Contribution]) -> tuple[Contribution, ...]:
        """Put deleted entries back in one transaction, under their old ids where free."""
        with self._database.unit_of_work() as work:
            restored = []
            for entry in entries:
                if entry.id is not None and work.contributions.exists(entry.id):
                    entry = replace(entry, id=None)
                restored.append(work.contributions.add(entry, now=self._clock()))
            return tuple(restored)

    def restore(self, entry: Contribution) -> Contribution:
        """Put a deleted entry back, under its old id when that is still free."""
        with self._database.unit_of_work() as work:
            if entry.id is not None and work.contributions.exists(entry.id):
                entry = replace(entry, id=None)
            return work.contributions.add(entry, now=self._clock())

    def get(self, entry_id: int) -> Contribution:
        """The entry with ``entry_id``.

        Raises:
            NotFoundError: there is no such entry.
        """
        with self._database.unit_of_work() as work:
            return work.contributions.get(entry_id)

    def entries(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        kind: ContributionKind | None = None,
    ) -> tuple[Contribution, ...]:
        """Every matching entry, newest first; ``since`` and ``until`` are inclusive."""
        with self._database.unit_of_work() as work:
            return tuple(work.contributions.find(since=since, until=until, kind=kind))

    def count(self) -> int:
        """How many entries the ledger holds."""
        with self._database.unit_of_work() as work:
            return work.contributions.count()

    def import_csv(self, path: Path) -> CsvImportResult:
        """Add every row of a ledger CSV file, or none of them.

        A row identical to an entry already in the ledger is skipped (as many times as
        the ledger holds that entry), so importing the same file twice adds nothing the
        second time, while identical rows of one file all count.

        Raises:
            LedgerCsvError: rows are wrong; each is named by its row number.
            UserError: the file cannot be read.
        """
        text = _decoded(path, read_bytes(path, MAX_LEDGER_CSV_BYTES, "a ledger CSV file"))
        rows = parse_ledger_csv(text, self._today())
        with self._database.unit_of_work() as work:
            # A row is "already there" once per stored copy: the same review logged twice
            # on one day is two entries, and a file exported from it has both rows.
            stored = Counter(_identity(entry) for entry in work.contributions.find())
            fresh = []
            for entry in rows:
                identity = _identity(entry)
                if stored[identity] > 0:
                    stored[identity] -= 1
                else:
                    fresh.append(entry)
            work.contributions.add_many(fresh, now=self._clock())
        return CsvImportResult(added=len(fresh), skipped=len(rows) - len(fresh))

    def export_csv(self, path: Path, entries: Iterable[Contribution] | None = None) -> int:
        """Write ``entries`` (the whole ledger by default) as CSV, oldest first; returns how many.

        Oldest first, so that importing the file adds the entries in the order they were
        made and the ledger reads back in the same order.
        """
        given = self.entries() if entries is None else entries
        chosen = sorted(given, key=lambda entry: (entry.date, entry.id or 0))
        write_text_file(path, render_ledger_csv(chosen))
        return len(chosen)

    def add_many(self, entries: Iterable[Contribution]) -> int:
        """Store many checked entries in one transaction (demo data, benchmarks)."""
        today = self._today()
        checked = [checked_contribution(replace(entry, id=None), today) for entry in entries]
        with self._database.unit_of_work() as work:
            return work.contributions.add_many(checked, now=self._clock())


def _identity(entry: Contribution) -> Contribution:
    return replace(entry, id=None)


def _decoded(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise UserError("csv-binary", f"{path}: is a binary file, not a CSV file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(
            "csv-not-utf8",
            f"{path}: is not UTF-8 text (byte {error.start + 1}); save the CSV as UTF-8",
        ) from error
