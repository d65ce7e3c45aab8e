"""Alembic environment: migrations run on the connection CareerCoach hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from careercoach.storage.tables import Base


def run_migrations() -> None:
    """Run the pending migrations on ``config.attributes["connection"]``."""
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("CareerCoach migrations run from code, on an open connection")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
