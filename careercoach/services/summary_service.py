"""Use cases of the 1:1 summary: build it for a period, remember what was exported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careercoach.domain.errors import NotFoundError
from careercoach.domain.profile import Profile
from careercoach.domain.summary_builder import SummaryInputs, build_summary
from careercoach.domain.summary_export import (
    ExportFormat,
    PageSize,
    SummaryExport,
    checked_export,
    checked_points,
)
from careercoach.domain.summary_period import (
    PeriodChoice,
    SummaryPeriod,
    custom_period,
    period_for,
)
from careercoach.domain.summary_report import SummaryReport
from careercoach.services.clock import Clock, Today, local_today, system_clock
from careercoach.services.coach_service import CoachService

if TYPE_CHECKING:  # the database layer stays unloaded until it is opened
    from careercoach.storage.database import Database


class SummaryService:
    """Builds 1:1 summaries and records exports; each method is one transaction or two."""

    def __init__(
        self,
        database: Database,
        coach: CoachService,
        *,
        clock: Clock = system_clock,
        today: Today = local_today,
    ) -> None:
        self._database = database
        self._coach = coach
        self._clock = clock
        self._today = today

    def period(
        self,
        choice: PeriodChoice = PeriodChoice.SINCE_ONE_ON_ONE,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> SummaryPeriod:
        """The period ``choice`` means today; CUSTOM takes ``since`` and ``until``.

        Raises:
            UserError: the custom period starts after it ends.
        """
        profile = self._profile()
        today = self._today()
        if choice is PeriodChoice.CUSTOM:
            return custom_period(profile, today, since, until)
        return period_for(choice, profile, today)

    def summary(
        self,
        period: SummaryPeriod | None = None,
        *,
        redact: bool = False,
        talking_points: Sequence[str] = (),
        asks: Sequence[str] = (),
    ) -> SummaryReport:
        """The summary of ``period`` (the default period when None).

        Raises:
            InvalidRecordError: a talking point or ask is too long or not plain text.
        """
        points, cleaned_asks = checked_points(list(talking_points), list(asks))
        period = period or self.period()
        advice = self._coach.advice()
        with self._database.unit_of_work() as work:
            profile = work.profiles.get() or Profile()
            # The latest assessment finished by the end of the period: a summary of past
            # months does not show a rating made after them.
            finished = [
                a
                for a in work.assessments.finished()
                if a.finished_on is not None and a.finished_on <= period.end
            ]
            latest = finished[0] if finished else None
            ladder = (
                work.ladders.get_version(latest.ladder_id, latest.ladder_hash).ladder
                if latest
                else None
            )
            try:
                profile_ladder = work.ladders.get(profile.ladder_id).ladder
            except NotFoundError:
                profile_ladder = None
            inputs = SummaryInputs(
                today=self._today(),
                period=period,
                profile=profile,
                entries=tuple(work.contributions.find()),
                prototypes=tuple(work.prototypes.all()),
                assessment=latest,
                ladder=ladder,
                profile_ladder=profile_ladder,
                suggestions=advice.suggestions,
                talking_points=points,
                asks=cleaned_asks,
                redact=redact,
            )
        return build_summary(inputs)

    def record_export(
        self,
        report: SummaryReport,
        export_format: ExportFormat,
        path: Path,
        *,
        page_size: PageSize | None = None,
        talking_points: Sequence[str] = (),
        asks: Sequence[str] = (),
    ) -> SummaryExport:
        """Remember that ``report`` was exported to ``path``.

        ``talking_points`` and ``asks`` are the user's own words (the report holds them
        redacted when it is redacted), kept so the next summary can start from them.
        """
        export = self.export_record(
            report,
            export_format,
            path,
            page_size=page_size,
            talking_points=talking_points,
            asks=asks,
        )
        return self.store_export(export)

    def export_record(
        self,
        report: SummaryReport,
        export_format: ExportFormat,
        path: Path,
        *,
        page_size: PageSize | None = None,
        talking_points: Sequence[str] = (),
        asks: Sequence[str] = (),
    ) -> SummaryExport:
        """The record ``record_export`` stores, checked but not stored yet.

        Check it before writing the file, so that a record that cannot be stored never
        leaves a file behind.

        Raises:
            InvalidRecordError: e.g. a file name with a line break.
        """
        return checked_export(
            SummaryExport(
                created_on=self._today(),
                period=report.header.period,
                format=export_format,
                redacted=report.redacted,
                page_size=page_size if export_format is ExportFormat.PDF else None,
                talking_points=tuple(talking_points),
                asks=tuple(asks),
                file_name=path.name,
            )
        )

    def store_export(self, export: SummaryExport) -> SummaryExport:
        """Store a record made by ``export_record``; returns it with its id."""
        with self._database.unit_of_work() as work:
            return work.exports.add(export, now=self._clock())

    def last_export(self) -> SummaryExport | None:
        """The latest export, whose talking points and asks start the next summary."""
        with self._database.unit_of_work() as work:
            return work.exports.latest()

    def exports(self) -> tuple[SummaryExport, ...]:
        """Every export, the latest first."""
        with self._database.unit_of_work() as work:
            return tuple(work.exports.all())

    def _profile(self) -> Profile:
        with self._database.unit_of_work() as work:
            return work.profiles.get() or Profile()
