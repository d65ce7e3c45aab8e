"""Stores ladders and every exact version of them, keyed by content hash."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercoach.domain.errors import NotFoundError
from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_catalog import LadderSummary, StoredLadder
from careercoach.domain.ladder_format import ladder_content_hash, ladder_to_document
from careercoach.storage.row_mapping import stored_ladder
from careercoach.storage.tables import LadderRow, LadderVersionRow


class LadderRepository:
    """Ladders in one session; returns domain objects only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def summaries(self) -> list[LadderSummary]:
        """Every stored ladder at its current version: built-ins first, then by name."""
        rows = self._session.execute(
            select(LadderRow, LadderVersionRow)
            .join(
                LadderVersionRow,
                (LadderVersionRow.ladder_id == LadderRow.id)
                & (LadderVersionRow.content_hash == LadderRow.current_hash),
            )
            .order_by(LadderRow.builtin.desc(), LadderRow.name, LadderRow.id)
        ).all()
        return [_stored(ladder_row, version_row).summary() for ladder_row, version_row in rows]

    def ids(self) -> set[str]:
        """The ids already in use."""
        return set(self._session.scalars(select(LadderRow.id)))

    def get(self, ladder_id: str) -> StoredLadder:
        """The current version of ``ladder_id``.

        Raises:
            NotFoundError: no ladder has this id.
        """
        ladder_row = self._session.get(LadderRow, ladder_id)
        if ladder_row is None:
            raise NotFoundError(
                "ladder-not-found", f"there is no ladder '{ladder_id}'", ladder_id=ladder_id
            )
        return self.get_version(ladder_id, ladder_row.current_hash)

    def get_version(self, ladder_id: str, content_hash: str) -> StoredLadder:
        """One exact, pinned version of a ladder.

        Raises:
            NotFoundError: no such ladder version is stored.
        """
        row = self._session.execute(
            select(LadderRow, LadderVersionRow)
            .join(LadderVersionRow, LadderVersionRow.ladder_id == LadderRow.id)
            .where(LadderRow.id == ladder_id, LadderVersionRow.content_hash == content_hash)
        ).one_or_none()
        if row is None:
            raise NotFoundError(
                "ladder-version-not-found",
                f"ladder '{ladder_id}' has no version {content_hash[:12]}",
                ladder_id=ladder_id,
            )
        return _stored(row[0], row[1])

    def save(self, ladder: Ladder, *, builtin: bool, now: dt.datetime) -> StoredLadder:
        """Store ``ladder`` as the current version of its id, keeping older versions."""
        content_hash = ladder_content_hash(ladder)
        ladder_row = self._session.get(LadderRow, ladder.id)
        if ladder_row is None:
            ladder_row = LadderRow(
                id=ladder.id,
                name=ladder.name,
                builtin=builtin,
                current_hash=content_hash,
                created_at=now,
                updated_at=now,
            )
            self._session.add(ladder_row)
            self._session.flush()
        known = self._session.scalar(
            select(LadderVersionRow.id).where(
                LadderVersionRow.ladder_id == ladder.id,
                LadderVersionRow.content_hash == content_hash,
            )
        )
        if known is None:
            self._session.add(
                LadderVersionRow(
                    ladder_id=ladder.id,
                    content_hash=content_hash,
                    version=ladder.version,
                    document=json.dumps(ladder_to_document(ladder), ensure_ascii=False),
                    created_at=now,
                )
            )
        if ladder_row.current_hash != content_hash or ladder_row.name != ladder.name:
            ladder_row.current_hash = content_hash
            ladder_row.name = ladder.name
            ladder_row.updated_at = now
        ladder_row.builtin = builtin
        self._session.flush()
        return StoredLadder(ladder=ladder, content_hash=content_hash, builtin=builtin)


def _stored(ladder_row: LadderRow, version_row: LadderVersionRow) -> StoredLadder:
    return stored_ladder(version_row.document, version_row.content_hash, ladder_row.builtin)
