"""ORM tables (SQLAlchemy 2 typed mapping); their rows never leave the storage package."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
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
