"""Assessments: ratings per competency, pinned to the ladder version they used.

Revision ID: 0003_assessments
Revises: 0002_evidence
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_assessments"
down_revision = "0002_evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the assessments and assessment_ratings tables."""
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("ladder_id", sa.String(100), nullable=False),
        sa.Column("ladder_hash", sa.String(64), nullable=False),
        sa.Column("ladder_version", sa.String(100), nullable=False),
        sa.Column("target_level_id", sa.String(100), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("finished_on", sa.Date(), nullable=True),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ladder_id", "ladder_hash"],
            ["ladder_versions.ladder_id", "ladder_versions.content_hash"],
            ondelete="RESTRICT",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_assessments_finished_on", "assessments", ["finished_on"])
    op.create_table(
        "assessment_ratings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "assessment_id",
            sa.Integer(),
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.String(100), nullable=False),
        sa.Column("level_id", sa.String(100), nullable=True),
        sa.Column("confidence", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("evidence_ids", sa.JSON(), nullable=False),
        sa.Column("prototype_ids", sa.JSON(), nullable=False),
        sa.UniqueConstraint("assessment_id", "competency_id"),
    )


def downgrade() -> None:
    """Drop the assessment tables."""
    op.drop_table("assessment_ratings")
    op.drop_index("ix_assessments_finished_on", "assessments")
    op.drop_table("assessments")
