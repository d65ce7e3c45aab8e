"""Coach: what the user did with each suggestion, and why a prototype was shelved.

Revision ID: 0004_coach
Revises: 0003_assessments
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_coach"
down_revision = "0003_assessments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create suggestion_states and add prototype_stages.shelved_because."""
    op.create_table(
        "suggestion_states",
        sa.Column("rule_id", sa.String(100), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("acted_on", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    # Stages stored before this revision keep no category: their free-text reason stays.
    with op.batch_alter_table("prototype_stages") as batch:
        batch.add_column(sa.Column("shelved_because", sa.String(40), nullable=True))


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("prototype_stages") as batch:
        batch.drop_column("shelved_because")
    op.drop_table("suggestion_states")
