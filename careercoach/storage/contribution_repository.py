"""Stores ledger entries; listing reads plain rows, without ORM objects, to stay fast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Row, delete, func, select
from sqlalchemy.orm import Session

from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.errors import NotFoundError
from careercoach.domain.rubric import Rubric, Size
from careercoach.storage.tables import ContributionRow

_COLUMNS = (
    ContributionRow.id,
    ContributionRow.date,
    ContributionRow.title,
    ContributionRow.kind,
    ContributionRow.beneficiary,
    ContributionRow.project,
    ContributionRow.hours,
    ContributionRow.ambiguity,
    ContributionRow.complexity,
    ContributionRow.cross_functional,
    ContributionRow.size,
    ContributionRow.external_challenges,
    ContributionRow.outcome,
    ContributionRow.links,
    ContributionRow.feedback_quote,
    ContributionRow.evidence,
    ContributionRow.competencies,
)


class ContributionRepository:
    """Ledger entries in one session; returns domain objects only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, entry: Contribution, *, now: dt.datetime) -> Contribution:
        """Store a new entry (keeping ``entry.id`` when it has one, as an undone delete does)."""
        row = ContributionRow(id=entry.id, created_at=now)
        _fill(row, entry, now)
        self._session.add(row)
        self._session.flush()
        return _with_id(entry, row.id)

    def add_many(self, entries: Iterable[Contribution], *, now: dt.datetime) -> int:
        """Store many new entries at once; returns how many."""
        rows = []
        for entry in entries:
            row = ContributionRow(created_at=now)
            _fill(row, entry, now)
            rows.append(row)
        self._session.add_all(rows)
        self._session.flush()
        return len(rows)

    def update(self, entry: Contribution, *, now: dt.datetime) -> Contribution:
        """Replace the stored entry with the same id."""
        row = self._row(entry.id)
        _fill(row, entry, now)
        self._session.flush()
        return entry

    def delete(self, entry_id: int) -> Contribution:
        """Remove an entry; returns it as it was, so it can be put back."""
        entry = self.get(entry_id)
        self._session.execute(delete(ContributionRow).where(ContributionRow.id == entry_id))
        return entry

    def get(self, entry_id: int | None) -> Contribution:
        """The entry with ``entry_id``, or NotFoundError."""
        row = self._session.execute(
            select(*_COLUMNS).where(ContributionRow.id == entry_id)
        ).one_or_none()
        if row is None:
            raise NotFoundError("entry-not-found", f"there is no ledger entry {entry_id}")
        return contribution_from_row(row)

    def exists(self, entry_id: int) -> bool:
        """True when an entry with ``entry_id`` is stored."""
        found = self._session.execute(
            select(ContributionRow.id).where(ContributionRow.id == entry_id)
        ).first()
        return found is not None

    def find(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        kind: ContributionKind | None = None,
    ) -> list[Contribution]:
        """Entries, newest first (by date, then most recently added), optionally filtered."""
        query = select(*_COLUMNS).order_by(ContributionRow.date.desc(), ContributionRow.id.desc())
        if since is not None:
            query = query.where(ContributionRow.date >= since)
        if until is not None:
            query = query.where(ContributionRow.date <= until)
        if kind is not None:
            query = query.where(ContributionRow.kind == kind.value)
        return [contribution_from_row(row) for row in self._session.execute(query)]

    def count(self) -> int:
        """How many entries the ledger holds."""
        return self._session.execute(select(func.count(ContributionRow.id))).scalar_one()

    def _row(self, entry_id: int | None) -> ContributionRow:
        row = self._session.get(ContributionRow, entry_id) if entry_id is not None else None
        if row is None:
            raise NotFoundError("entry-not-found", f"there is no ledger entry {entry_id}")
        return row


def contribution_from_row(row: Row[Any] | Sequence[Any]) -> Contribution:
    """A ledger entry from a row of ``_COLUMNS``."""
    (
        entry_id,
        date,
        title,
        kind,
        beneficiary,
        project,
        hours,
        ambiguity,
        complexity,
        cross_functional,
        size,
        external_challenges,
        outcome,
        links,
        feedback_quote,
        evidence,
        competencies,
    ) = tuple(row)
    return Contribution(
        id=entry_id,
        date=date,
        title=title,
        kind=ContributionKind(kind),
        beneficiary=beneficiary,
        project=project,
        hours=hours,
        rubric=Rubric(ambiguity, complexity, cross_functional, Size(size) if size else None),
        external_challenges=external_challenges,
        outcome=outcome,
        links=tuple(links),
        feedback_quote=feedback_quote,
        evidence=EvidenceStrength(evidence),
        competencies=tuple(competencies),
    )


def _fill(row: ContributionRow, entry: Contribution, now: dt.datetime) -> None:
    row.date = entry.date
    row.title = entry.title
    row.kind = entry.kind.value
    row.beneficiary = entry.beneficiary
    row.project = entry.project
    row.hours = entry.hours
    row.ambiguity = entry.rubric.ambiguity
    row.complexity = entry.rubric.complexity
    row.cross_functional = entry.rubric.cross_functional
    row.size = entry.rubric.size.value if entry.rubric.size is not None else None
    row.external_challenges = entry.external_challenges
    row.outcome = entry.outcome
    row.links = list(entry.links)
    row.feedback_quote = entry.feedback_quote
    row.evidence = entry.evidence.value
    row.competencies = list(entry.competencies)
    row.updated_at = now


def _with_id(entry: Contribution, entry_id: int) -> Contribution:
    return replace(entry, id=entry_id)
