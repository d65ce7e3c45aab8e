"""Stores assessments and their ratings; a draft is an assessment not finished yet."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from careercoach.domain.assessment import Assessment, Confidence, Rating
from careercoach.domain.errors import NotFoundError
from careercoach.storage.tables import AssessmentRatingRow, AssessmentRow


class AssessmentRepository:
    """Assessments in one session; returns domain objects only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def save(self, assessment: Assessment, *, now: dt.datetime) -> Assessment:
        """Insert ``assessment`` (id None) or replace the stored one with its id."""
        if assessment.id is None:
            row = AssessmentRow(created_at=now)
            self._session.add(row)
        else:
            row = self._row(assessment.id)
            self._session.execute(
                delete(AssessmentRatingRow).where(AssessmentRatingRow.assessment_id == row.id)
            )
        row.ladder_id = assessment.ladder_id
        row.ladder_hash = assessment.ladder_hash
        row.ladder_version = assessment.ladder_version
        row.target_level_id = assessment.target_level_id
        row.period_start = assessment.period_start
        row.period_end = assessment.period_end
        row.finished_on = assessment.finished_on
        row.step = assessment.step
        row.updated_at = now
        self._session.flush()
        self._session.add_all(
            AssessmentRatingRow(
                assessment_id=row.id,
                position=position,
                competency_id=rating.competency_id,
                level_id=rating.level_id,
                confidence=rating.confidence.value,
                notes=rating.notes,
                evidence_ids=list(rating.evidence_ids),
                prototype_ids=list(rating.prototype_ids),
            )
            for position, rating in enumerate(assessment.ratings)
        )
        self._session.flush()
        return replace(assessment, id=row.id)

    def get(self, assessment_id: int) -> Assessment:
        """The assessment with ``assessment_id``, or NotFoundError."""
        row = self._row(assessment_id)
        return _assessment(row, self._ratings([row.id])[row.id])

    def draft(self) -> Assessment | None:
        """The unfinished assessment, if there is one (the latest when there are several)."""
        row = self._session.scalars(
            select(AssessmentRow)
            .where(AssessmentRow.finished_on.is_(None))
            .order_by(AssessmentRow.id.desc())
        ).first()
        return _assessment(row, self._ratings([row.id])[row.id]) if row is not None else None

    def finished(self) -> list[Assessment]:
        """Every finished assessment, the latest first."""
        rows = list(
            self._session.scalars(
                select(AssessmentRow)
                .where(AssessmentRow.finished_on.is_not(None))
                .order_by(AssessmentRow.finished_on.desc(), AssessmentRow.id.desc())
            )
        )
        ratings = self._ratings([row.id for row in rows])
        return [_assessment(row, ratings[row.id]) for row in rows]

    def delete(self, assessment_id: int) -> None:
        """Remove an assessment and its ratings."""
        self._row(assessment_id)
        self._session.execute(
            delete(AssessmentRatingRow).where(AssessmentRatingRow.assessment_id == assessment_id)
        )
        self._session.execute(delete(AssessmentRow).where(AssessmentRow.id == assessment_id))

    def _ratings(self, ids: list[int]) -> dict[int, tuple[Rating, ...]]:
        found: dict[int, list[Rating]] = defaultdict(list)
        if ids:
            query = (
                select(AssessmentRatingRow)
                .where(AssessmentRatingRow.assessment_id.in_(ids))
                .order_by(AssessmentRatingRow.assessment_id, AssessmentRatingRow.position)
            )
            for row in self._session.scalars(query):
                found[row.assessment_id].append(
                    Rating(
                        competency_id=row.competency_id,
                        level_id=row.level_id,
                        confidence=Confidence(row.confidence),
                        notes=row.notes,
                        evidence_ids=tuple(row.evidence_ids),
                        prototype_ids=tuple(row.prototype_ids),
                    )
                )
        return {assessment_id: tuple(found[assessment_id]) for assessment_id in ids}

    def _row(self, assessment_id: int) -> AssessmentRow:
        row = self._session.get(AssessmentRow, assessment_id)
        if row is None:
            raise NotFoundError("assessment-not-found", f"there is no assessment {assessment_id}")
        return row


def _assessment(row: AssessmentRow, ratings: tuple[Rating, ...]) -> Assessment:
    return Assessment(
        id=row.id,
        ladder_id=row.ladder_id,
        ladder_hash=row.ladder_hash,
        ladder_version=row.ladder_version,
        target_level_id=row.target_level_id,
        period_start=row.period_start,
        period_end=row.period_end,
        ratings=ratings,
        finished_on=row.finished_on,
        step=row.step,
    )
