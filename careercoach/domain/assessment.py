"""A self-assessment against one pinned ladder version: a rating per competency, or a draft."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import FieldProblem, InvalidRecordError, check_text
from careercoach.domain.ladder import Ladder

MAX_NOTES_LENGTH = 5000
# Control characters other than line breaks and tabs (pasted text brings them along).
_CONTROL = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]")


class Confidence(StrEnum):
    """How sure the user is of a rating."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        """The confidence as a person reads it."""
        return self.value.capitalize()


@dataclass(frozen=True)
class Rating:
    """The level a competency is consistently met at, and what backs it.

    ``level_id`` is None while a draft has not rated the competency yet.
    """

    competency_id: str
    level_id: str | None = None
    confidence: Confidence = Confidence.MEDIUM
    notes: str = ""
    evidence_ids: tuple[int, ...] = ()
    prototype_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """One assessment, pinned to the exact ladder content (``ladder_hash``) it used.

    A draft has ``finished_on`` None and remembers the wizard ``step`` reached.
    """

    ladder_id: str
    ladder_hash: str
    ladder_version: str
    target_level_id: str
    period_start: dt.date
    period_end: dt.date
    ratings: tuple[Rating, ...] = ()
    finished_on: dt.date | None = None
    step: int = 0
    id: int | None = None

    @property
    def is_draft(self) -> bool:
        """True until the assessment is finished."""
        return self.finished_on is None

    def rating(self, competency_id: str) -> Rating | None:
        """The rating of ``competency_id``, if there is one."""
        return next((r for r in self.ratings if r.competency_id == competency_id), None)

    def levels(self) -> dict[str, str]:
        """Competency id to rated level id, for the rated competencies."""
        return {r.competency_id: r.level_id for r in self.ratings if r.level_id is not None}

    def with_rating(self, rating: Rating) -> Assessment:
        """This assessment with ``rating`` replacing the one of its competency."""
        others = tuple(r for r in self.ratings if r.competency_id != rating.competency_id)
        return replace(self, ratings=(*others, rating))


def assessment_problems(
    assessment: Assessment, ladder: Ladder, today: dt.date
) -> tuple[FieldProblem, ...]:
    """Everything wrong with ``assessment`` against ``ladder``; a draft may be incomplete."""
    problems: list[FieldProblem] = []
    if ladder.level(assessment.target_level_id) is None:
        problems.append(
            FieldProblem("target", f"the ladder has no level '{assessment.target_level_id}'")
        )
    if assessment.period_start > assessment.period_end:
        problems.append(FieldProblem("period", "starts after it ends"))
    if assessment.period_end > today:
        problems.append(FieldProblem("period", "ends in the future"))
    known = {competency.id for competency in ladder.competencies}
    for rating in assessment.ratings:
        if rating.competency_id not in known:
            problems.append(
                FieldProblem("ratings", f"the ladder has no competency '{rating.competency_id}'")
            )
        elif rating.level_id is not None and ladder.level(rating.level_id) is None:
            problems.append(
                FieldProblem(rating.competency_id, f"the ladder has no level '{rating.level_id}'")
            )
        check_text(problems, f"{rating.competency_id} notes", rating.notes, MAX_NOTES_LENGTH)
    if not assessment.is_draft:
        rated = assessment.levels()
        missing = [c.id for c in ladder.competencies if c.id not in rated]
        if missing:
            problems.append(FieldProblem("ratings", "not rated: " + ", ".join(missing)))
    return tuple(problems)


def checked_assessment(assessment: Assessment, ladder: Ladder, today: dt.date) -> Assessment:
    """``assessment`` with one rating per competency in ladder order, or InvalidRecordError.

    Notes are cleaned first: pasted text often carries invisible control characters, and
    they must never stop a draft from being saved.
    """
    cleaned_ratings = tuple(
        replace(
            rating,
            notes=_clean_notes(rating.notes),
            evidence_ids=tuple(dict.fromkeys(rating.evidence_ids)),
            prototype_ids=tuple(dict.fromkeys(rating.prototype_ids)),
        )
        for rating in assessment.ratings
    )
    cleaned = replace(assessment, ratings=cleaned_ratings)
    problems = assessment_problems(cleaned, ladder, today)
    if problems:
        raise InvalidRecordError("assessment", problems)
    order = {competency.id: index for index, competency in enumerate(ladder.competencies)}
    ratings = sorted(cleaned.ratings, key=lambda rating: order[rating.competency_id])
    return replace(cleaned, ratings=tuple(ratings))


def _clean_notes(notes: str) -> str:
    return _CONTROL.sub("", notes.replace("\r\n", "\n").replace("\r", "\n")).strip()


def ratings_from_levels(
    ladder: Ladder, levels: Mapping[str, str], evidence: Mapping[str, tuple[int, ...]]
) -> tuple[Rating, ...]:
    """Ratings from competency→level and competency→entry ids (the CLI's ``assess add``).

    Raises:
        UserError: a competency or level the ladder does not have, evidence for a
            competency that is not rated, or competencies left unrated.
    """
    unknown = [cid for cid in (*levels, *evidence) if ladder.competency(cid) is None]
    if unknown:
        known = ", ".join(c.id for c in ladder.competencies)
        raise UserError(
            "assessment-unknown-competency",
            f"ladder '{ladder.id}' has no competency {', '.join(sorted(set(unknown)))} "
            f"(its competencies: {known})",
        )
    bad_levels = sorted({level for level in levels.values() if ladder.level(level) is None})
    if bad_levels:
        raise UserError(
            "assessment-unknown-level",
            f"ladder '{ladder.id}' has no level {', '.join(bad_levels)} "
            f"(its levels: {', '.join(ladder.level_ids)})",
        )
    missing = [c.id for c in ladder.competencies if c.id not in levels]
    if missing:
        raise UserError(
            "assessment-incomplete",
            "every competency must be rated; missing: " + ", ".join(missing),
            missing=tuple(missing),
        )
    return tuple(
        Rating(c.id, levels[c.id], evidence_ids=tuple(evidence.get(c.id, ())))
        for c in ladder.competencies
    )
