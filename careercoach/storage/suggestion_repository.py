"""Stores what the user did with each coach suggestion (done, dismissed, snoozed)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from careercoach.domain.coach import SuggestionState, SuggestionStatus
from careercoach.storage.tables import SuggestionStateRow


class SuggestionStateRepository:
    """Suggestion states, one per rule id."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> dict[str, SuggestionState]:
        """Every stored state, by rule id."""
        rows = self._session.scalars(
            select(SuggestionStateRow).order_by(SuggestionStateRow.rule_id)
        )
        return {row.rule_id: _state(row) for row in rows}

    def save(self, state: SuggestionState, *, now: dt.datetime) -> SuggestionState:
        """Store ``state``, replacing the rule's previous one."""
        row = self._session.get(SuggestionStateRow, state.rule_id)
        if row is None:
            row = SuggestionStateRow(rule_id=state.rule_id)
            self._session.add(row)
        row.status = state.status.value
        row.acted_on = state.acted_on
        row.until = state.until
        row.updated_at = now
        self._session.flush()
        return state

    def delete(self, rule_id: str) -> bool:
        """Forget the rule's state (its suggestion shows again); False when there was none."""
        result = self._session.execute(
            delete(SuggestionStateRow).where(SuggestionStateRow.rule_id == rule_id)
        )
        return bool(getattr(result, "rowcount", 0))


def _state(row: SuggestionStateRow) -> SuggestionState:
    return SuggestionState(row.rule_id, SuggestionStatus(row.status), row.acted_on, row.until)
