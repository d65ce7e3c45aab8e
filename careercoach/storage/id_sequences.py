"""Keeps PostgreSQL's id sequences ahead of ids stored explicitly (restores, undo)."""

from __future__ import annotations

from sqlalchemy import FromClause, func, select, text
from sqlalchemy.orm import Session


def keep_sequence_ahead(session: Session, table: FromClause) -> None:
    """After rows were inserted with their own ids, make the next generated id larger.

    SQLite's AUTOINCREMENT does this by itself. PostgreSQL's sequence does not move when
    an id is given, so the next generated id could collide; it never moves backwards
    here either, so an id once handed out is not handed out again.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    sequence = session.scalar(
        text("SELECT pg_get_serial_sequence(:table, 'id')"),
        {"table": getattr(table, "name", "")},
    )
    if sequence is None:
        return
    largest = session.scalar(select(func.max(table.c.id)))
    if largest is None:
        return
    # The sequence name comes from PostgreSQL's catalogue, not from input.
    current = session.scalar(text(f"SELECT last_value FROM {sequence}"))
    session.execute(
        text("SELECT setval(:sequence, :value)"),
        {"sequence": sequence, "value": max(int(largest), int(current or 0))},
    )
