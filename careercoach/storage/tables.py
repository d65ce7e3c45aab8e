"""ORM tables (SQLAlchemy 2 typed mapping); their rows never leave the storage package."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every CareerCoach table."""


class LadderRow(Base):
    """A ladder the user can pick; its content lives in ``ladder_versions``."""

    __tablename__ = "ladders"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    builtin: Mapped[bool] = mapped_column(default=False)
    current_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class LadderVersionRow(Base):
    """One exact content of a ladder, pinned by its content hash; never modified."""

    __tablename__ = "ladder_versions"
    __table_args__ = (UniqueConstraint("ladder_id", "content_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # RESTRICT: assessments will pin versions, so a ladder with versions is never deleted.
    ladder_id: Mapped[str] = mapped_column(ForeignKey("ladders.id", ondelete="RESTRICT"))
    content_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(100))
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]


class ProfileRow(Base):
    """The single profile of this database (id is always 1)."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    ladder_id: Mapped[str] = mapped_column(String(100))
    target_level_id: Mapped[str] = mapped_column(String(100))
    one_on_one_every_days: Mapped[int]
    next_one_on_one: Mapped[dt.date | None]
    updated_at: Mapped[dt.datetime]


class ContributionRow(Base):
    """One ledger entry; links and competencies are JSON lists."""

    __tablename__ = "contributions"
    # AUTOINCREMENT: a deleted entry's id is never handed out again, so undoing the delete
    # can put it back under the same id.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    date: Mapped[dt.date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    beneficiary: Mapped[str] = mapped_column(String(200))
    project: Mapped[str] = mapped_column(String(200))
    hours: Mapped[float | None]
    ambiguity: Mapped[int | None]
    complexity: Mapped[int | None]
    cross_functional: Mapped[int | None]
    size: Mapped[str | None] = mapped_column(String(4))
    external_challenges: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    links: Mapped[list[str]] = mapped_column(JSON)
    feedback_quote: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(String(40))
    competencies: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class PrototypeRow(Base):
    """A hackathon prototype or side project; its stages live in ``prototype_stages``."""

    __tablename__ = "prototypes"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200))
    pitch: Mapped[str] = mapped_column(Text)
    learning_goal: Mapped[str] = mapped_column(Text)
    dataset_name: Mapped[str] = mapped_column(String(200))
    dataset_source: Mapped[str] = mapped_column(String(200))
    dataset_licence: Mapped[str] = mapped_column(String(200))
    people_consulted: Mapped[list[str]] = mapped_column(JSON)
    consulted_count: Mapped[int]
    reviewers: Mapped[list[str]] = mapped_column(JSON)
    feedback: Mapped[str] = mapped_column(Text)
    hours: Mapped[float | None]
    demo_link: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    competencies: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class PrototypeStageRow(Base):
    """One dated stage change of a prototype; ``position`` orders them."""

    __tablename__ = "prototype_stages"
    __table_args__ = (UniqueConstraint("prototype_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    prototype_id: Mapped[int] = mapped_column(ForeignKey("prototypes.id", ondelete="CASCADE"))
    position: Mapped[int]
    stage: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date]
    reason: Mapped[str] = mapped_column(Text)
    shelved_because: Mapped[str | None] = mapped_column(String(40))


class CheckInRow(Base):
    """The check-in of one ISO week (one per week)."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("iso_year", "iso_week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    iso_year: Mapped[int]
    iso_week: Mapped[int]
    assigned_hours: Mapped[float]
    helping_hours: Mapped[float]
    learning_hours: Mapped[float]
    solo_hours: Mapped[float]
    note: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime]


class AssessmentRow(Base):
    """A self-assessment (finished, or the one draft), pinned to a ladder version."""

    __tablename__ = "assessments"
    __table_args__ = (
        # RESTRICT: the ladder version an assessment used can never disappear under it.
        ForeignKeyConstraint(
            ["ladder_id", "ladder_hash"],
            ["ladder_versions.ladder_id", "ladder_versions.content_hash"],
            ondelete="RESTRICT",
        ),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ladder_id: Mapped[str] = mapped_column(String(100))
    ladder_hash: Mapped[str] = mapped_column(String(64))
    ladder_version: Mapped[str] = mapped_column(String(100))
    target_level_id: Mapped[str] = mapped_column(String(100))
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    finished_on: Mapped[dt.date | None] = mapped_column(index=True)
    step: Mapped[int]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class AssessmentRatingRow(Base):
    """One competency's rating in an assessment; evidence ids are JSON lists."""

    __tablename__ = "assessment_ratings"
    __table_args__ = (UniqueConstraint("assessment_id", "competency_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    position: Mapped[int]
    competency_id: Mapped[str] = mapped_column(String(100))
    level_id: Mapped[str | None] = mapped_column(String(100))
    confidence: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text)
    evidence_ids: Mapped[list[int]] = mapped_column(JSON)
    prototype_ids: Mapped[list[int]] = mapped_column(JSON)


class SuggestionStateRow(Base):
    """What the user did with one rule's suggestion: done, dismissed or snoozed, and when."""

    __tablename__ = "suggestion_states"

    rule_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    acted_on: Mapped[dt.date]
    until: Mapped[dt.date | None]
    updated_at: Mapped[dt.datetime]


class SummaryExportRow(Base):
    """One exported 1:1 summary with the talking points and asks it carried (JSON lists)."""

    __tablename__ = "summary_exports"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_on: Mapped[dt.date]
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    period_choice: Mapped[str] = mapped_column(String(40))
    format: Mapped[str] = mapped_column(String(10))
    redacted: Mapped[bool]
    page_size: Mapped[str | None] = mapped_column(String(10))
    talking_points: Mapped[list[str]] = mapped_column(JSON)
    asks: Mapped[list[str]] = mapped_column(JSON)
    file_name: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime]
