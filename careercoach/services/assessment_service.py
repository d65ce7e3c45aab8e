"""Use cases of self-assessment: the wizard's draft, finished assessments, results, history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from careercoach.domain.assessment import Assessment, checked_assessment, ratings_from_levels
from careercoach.domain.assessment_result import AssessmentResult, Move, assessment_result, compare
from careercoach.domain.contribution import Contribution
from careercoach.domain.errors import UserError
from careercoach.domain.ladder import Ladder
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype
from careercoach.services.clock import Clock, Today, local_today, system_clock

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database, UnitOfWork

DEFAULT_PERIOD_DAYS = 90


@dataclass(frozen=True)
class AssessmentReport:
    """A finished assessment with the ladder version it used and what it adds up to."""

    assessment: Assessment
    ladder: Ladder
    result: AssessmentResult


class AssessmentService:
    """Drafts, finished assessments and their results; each method is one transaction."""

    def __init__(
        self, database: Database, *, clock: Clock = system_clock, today: Today = local_today
    ) -> None:
        self._database = database
        self._clock = clock
        self._today = today

    # -- the wizard's draft ---------------------------------------------------------------

    def draft(self) -> Assessment | None:
        """The unfinished assessment to resume, if there is one."""
        with self._database.unit_of_work() as work:
            return work.assessments.draft()

    def start(
        self,
        ladder_id: str,
        target_level_id: str,
        period_start: dt.date,
        period_end: dt.date,
    ) -> Assessment:
        """Begin a new draft on the current version of ``ladder_id``, replacing any draft.

        Raises:
            NotFoundError: no such ladder.
            InvalidRecordError: an unknown target level or an impossible period.
        """
        with self._database.unit_of_work() as work:
            stored = work.ladders.get(ladder_id)
            draft = Assessment(
                ladder_id=ladder_id,
                ladder_hash=stored.content_hash,
                ladder_version=stored.ladder.version,
                target_level_id=target_level_id,
                period_start=period_start,
                period_end=period_end,
            )
            draft = checked_assessment(draft, stored.ladder, self._today())
            old = work.assessments.draft()
            if old is not None and old.id is not None:
                work.assessments.delete(old.id)
            return work.assessments.save(draft, now=self._clock())

    def draft_ladder(self, draft: Assessment) -> Ladder:
        """The exact ladder version ``draft`` (or any assessment) is pinned to."""
        with self._database.unit_of_work() as work:
            return work.ladders.get_version(draft.ladder_id, draft.ladder_hash).ladder

    def save_draft(self, draft: Assessment) -> Assessment:
        """Store the draft as it stands (after every wizard page)."""
        with self._database.unit_of_work() as work:
            _refuse_finished(work, draft)
            ladder = work.ladders.get_version(draft.ladder_id, draft.ladder_hash).ladder
            checked = checked_assessment(replace(draft, finished_on=None), ladder, self._today())
            return work.assessments.save(checked, now=self._clock())

    def discard_draft(self) -> None:
        """Throw the unfinished assessment away."""
        with self._database.unit_of_work() as work:
            draft = work.assessments.draft()
            if draft is not None and draft.id is not None:
                work.assessments.delete(draft.id)

    def finish(self, draft: Assessment) -> AssessmentReport:
        """Finish the draft today; every competency must be rated.

        Raises:
            InvalidRecordError: competencies left unrated (named), or other problems.
        """
        with self._database.unit_of_work() as work:
            _refuse_finished(work, draft)
            ladder = work.ladders.get_version(draft.ladder_id, draft.ladder_hash).ladder
            done = replace(draft, finished_on=self._today())
            stored = work.assessments.save(
                checked_assessment(done, ladder, self._today()), now=self._clock()
            )
            return _report(work, stored, ladder)

    # -- finished assessments -------------------------------------------------------------

    def add(
        self, levels: Mapping[str, str], evidence: Mapping[str, tuple[int, ...]]
    ) -> AssessmentReport:
        """Record a finished assessment against the profile's ladder and target (the CLI).

        The period runs from the day after the latest assessment (or 90 days back) to today.

        Raises:
            UserError: unknown competencies or levels, unrated competencies, unknown entries.
        """
        today = self._today()
        with self._database.unit_of_work() as work:
            profile = work.profiles.get() or Profile()
            stored = work.ladders.get(profile.ladder_id)
            ladder = stored.ladder
            ratings = ratings_from_levels(ladder, levels, evidence)
            known = {entry.id for entry in work.contributions.find()}
            unknown = sorted({i for ids in evidence.values() for i in ids} - known)
            if unknown:
                raise UserError(
                    "assessment-unknown-entry",
                    "there is no ledger entry " + ", ".join(str(i) for i in unknown),
                )
            previous = work.assessments.finished()
            start = (
                min(previous[0].period_end + dt.timedelta(days=1), today)
                if previous
                else today - dt.timedelta(days=DEFAULT_PERIOD_DAYS)
            )
            assessment = Assessment(
                ladder_id=ladder.id,
                ladder_hash=stored.content_hash,
                ladder_version=ladder.version,
                target_level_id=profile.target_level_id,
                period_start=start,
                period_end=today,
                ratings=ratings,
                finished_on=today,
            )
            saved = work.assessments.save(
                checked_assessment(assessment, ladder, today), now=self._clock()
            )
            return _report(work, saved, ladder)

    def history(self) -> tuple[Assessment, ...]:
        """Every finished assessment, the latest first."""
        with self._database.unit_of_work() as work:
            return tuple(work.assessments.finished())

    def latest(self) -> AssessmentReport | None:
        """The latest finished assessment with its result, or None before the first."""
        with self._database.unit_of_work() as work:
            finished = work.assessments.finished()
            if not finished:
                return None
            latest = finished[0]
            ladder = work.ladders.get_version(latest.ladder_id, latest.ladder_hash).ladder
            return _report(work, latest, ladder)

    def report(self, assessment_id: int) -> AssessmentReport:
        """One assessment with the ladder version it pinned and its result.

        Raises:
            NotFoundError: there is no such assessment.
        """
        with self._database.unit_of_work() as work:
            assessment = work.assessments.get(assessment_id)
            ladder = work.ladders.get_version(assessment.ladder_id, assessment.ladder_hash).ladder
            return _report(work, assessment, ladder)

    def reports(self) -> tuple[AssessmentReport, ...]:
        """Every finished assessment with its result, the latest first (history, charts)."""
        with self._database.unit_of_work() as work:
            ladders: dict[tuple[str, str], Ladder] = {}
            evidence = _Evidence.read(work)
            reports = []
            for assessment in work.assessments.finished():
                key = (assessment.ladder_id, assessment.ladder_hash)
                if key not in ladders:
                    ladders[key] = work.ladders.get_version(*key).ladder
                reports.append(evidence.report(assessment, ladders[key]))
            return tuple(reports)

    def compare(self, before_id: int, after_id: int) -> tuple[Move, ...]:
        """What moved between two assessments, per competency."""
        before, after = self.report(before_id), self.report(after_id)
        return compare(before.ladder, before.assessment, after.ladder, after.assessment)

    def delete(self, assessment_id: int) -> None:
        """Delete a finished assessment (or a draft).

        Raises:
            NotFoundError: there is no such assessment.
        """
        with self._database.unit_of_work() as work:
            work.assessments.delete(assessment_id)


def _refuse_finished(work: UnitOfWork, draft: Assessment) -> None:
    """A finished assessment is history: it never becomes a draft again."""
    if draft.id is not None and not work.assessments.get(draft.id).is_draft:
        raise UserError(
            "assessment-finished",
            f"assessment {draft.id} is finished already; start a new one to change answers",
        )


@dataclass(frozen=True)
class _Evidence:
    """The ledger entries and prototypes an assessment's ratings may point at."""

    entries: Mapping[int, Contribution]
    prototypes: Mapping[int, Prototype]

    @classmethod
    def read(cls, work: UnitOfWork) -> _Evidence:
        entries = {entry.id: entry for entry in work.contributions.find() if entry.id is not None}
        prototypes = {p.id: p for p in work.prototypes.all() if p.id is not None}
        return cls(entries, prototypes)

    def report(self, assessment: Assessment, ladder: Ladder) -> AssessmentReport:
        result = assessment_result(ladder, assessment, self.entries, self.prototypes)
        return AssessmentReport(assessment, ladder, result)


def _report(work: UnitOfWork, assessment: Assessment, ladder: Ladder) -> AssessmentReport:
    return _Evidence.read(work).report(assessment, ladder)
