"""The schema revisions this version of CareerCoach knows (no database imports)."""

from __future__ import annotations

# Every Alembic revision this version knows, oldest first. A test checks this list
# against the migration scripts, so checking a database needs one query and no Alembic.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_evidence",
    "0003_assessments",
    "0004_coach",
    "0005_summary_exports",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
