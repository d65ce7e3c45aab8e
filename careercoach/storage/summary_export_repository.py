"""Stores the record of each exported 1:1 summary."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercoach.domain.summary_export import ExportFormat, PageSize, SummaryExport
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.storage.id_sequences import keep_sequence_ahead
from careercoach.storage.tables import SummaryExportRow


class SummaryExportRepository:
    """Summary exports, the latest first."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, export: SummaryExport, *, now: dt.datetime) -> SummaryExport:
        """Store ``export`` (keeping its id when it has one) and return it with its id."""
        row = SummaryExportRow(
            id=export.id,
            created_on=export.created_on,
            period_start=export.period.start,
            period_end=export.period.end,
            period_choice=export.period.choice.value,
            format=export.format.value,
            redacted=export.redacted,
            page_size=export.page_size.value if export.page_size else None,
            talking_points=list(export.talking_points),
            asks=list(export.asks),
            file_name=export.file_name,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        if export.id is not None:
            keep_sequence_ahead(self._session, SummaryExportRow.__table__)
        return replace(export, id=row.id)

    def all(self) -> list[SummaryExport]:
        """Every export, the latest first."""
        query = select(SummaryExportRow).order_by(SummaryExportRow.id.desc())
        return [_export(row) for row in self._session.scalars(query)]

    def latest(self) -> SummaryExport | None:
        """The most recent export, if any."""
        query = select(SummaryExportRow).order_by(SummaryExportRow.id.desc()).limit(1)
        row = self._session.scalars(query).first()
        return _export(row) if row is not None else None


def _export(row: SummaryExportRow) -> SummaryExport:
    return SummaryExport(
        created_on=row.created_on,
        period=SummaryPeriod(row.period_start, row.period_end, PeriodChoice(row.period_choice)),
        format=ExportFormat(row.format),
        redacted=row.redacted,
        page_size=PageSize(row.page_size) if row.page_size else None,
        talking_points=tuple(row.talking_points),
        asks=tuple(row.asks),
        file_name=row.file_name,
        id=row.id,
    )
