"""Summary exports: each exported 1:1 summary with its talking points and asks.

Revision ID: 0005_summary_exports
Revises: 0004_coach
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_summary_exports"
down_revision = "0004_coach"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the summary_exports table."""
    op.create_table(
        "summary_exports",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("period_choice", sa.String(40), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("redacted", sa.Boolean(), nullable=False),
        sa.Column("page_size", sa.String(10), nullable=True),
        sa.Column("talking_points", sa.JSON(), nullable=False),
        sa.Column("asks", sa.JSON(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    """Drop the summary_exports table."""
    op.drop_table("summary_exports")
