"""Evidence: the contribution ledger, prototypes with their stages, and weekly check-ins.

Revision ID: 0002_evidence
Revises: 0001_initial
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_evidence"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the contributions, prototypes, prototype_stages and checkins tables."""
    op.create_table(
        "contributions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("beneficiary", sa.String(200), nullable=False),
        sa.Column("project", sa.String(200), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("ambiguity", sa.Integer(), nullable=True),
        sa.Column("complexity", sa.Integer(), nullable=True),
        sa.Column("cross_functional", sa.Integer(), nullable=True),
        sa.Column("size", sa.String(4), nullable=True),
        sa.Column("external_challenges", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("feedback_quote", sa.Text(), nullable=False),
        sa.Column("evidence", sa.String(40), nullable=False),
        sa.Column("competencies", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_contributions_date", "contributions", ["date"])
    op.create_index("ix_contributions_kind", "contributions", ["kind"])
    op.create_table(
        "prototypes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("pitch", sa.Text(), nullable=False),
        sa.Column("learning_goal", sa.Text(), nullable=False),
        sa.Column("dataset_name", sa.String(200), nullable=False),
        sa.Column("dataset_source", sa.String(200), nullable=False),
        sa.Column("dataset_licence", sa.String(200), nullable=False),
        sa.Column("people_consulted", sa.JSON(), nullable=False),
        sa.Column("consulted_count", sa.Integer(), nullable=False),
        sa.Column("reviewers", sa.JSON(), nullable=False),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("demo_link", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("competencies", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "prototype_stages",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "prototype_id",
            sa.Integer(),
            sa.ForeignKey("prototypes.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.UniqueConstraint("prototype_id", "position"),
    )
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("iso_year", sa.Integer(), nullable=False),
        sa.Column("iso_week", sa.Integer(), nullable=False),
        sa.Column("assigned_hours", sa.Float(), nullable=False),
        sa.Column("helping_hours", sa.Float(), nullable=False),
        sa.Column("learning_hours", sa.Float(), nullable=False),
        sa.Column("solo_hours", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("iso_year", "iso_week"),
    )


def downgrade() -> None:
    """Drop the evidence tables."""
    op.drop_table("checkins")
    op.drop_table("prototype_stages")
    op.drop_table("prototypes")
    op.drop_index("ix_contributions_kind", "contributions")
    op.drop_index("ix_contributions_date", "contributions")
    op.drop_table("contributions")
