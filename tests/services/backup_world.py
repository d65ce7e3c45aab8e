"""Fills a database with every kind of record a backup must carry, through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from careercoach.domain.prototype import Dataset, Prototype, ShelveReason, Stage, StageChange
from careercoach.domain.summary_export import ExportFormat
from careercoach.services.app_services import AppServices

TODAY = dt.date.today()


def fill_richly(services: AppServices, folder: Path) -> None:
    """The demo year plus a draft, suggestion states, an export, an own ladder, a shelved idea."""
    services.demo.fill()
    own = replace(services.ladders.get_ladder("data-science-ic"), id="team-ds", name="Team DS")
    services.ladders.save_edited(own, None)
    services.ladders.save_edited(replace(own, version="1.1", description="Reworded"), "team-ds")
    services.assessments.start("team-ds", "senior", TODAY - dt.timedelta(days=30), TODAY)
    fired = [suggestion.rule.id for suggestion in services.coach.advice().suggestions]
    assert len(fired) >= 2, fired
    services.coach.snooze(fired[0], 7)
    services.coach.dismiss(fired[1])
    report = services.summary.summary(talking_points=["Scope of Q3"], asks=["Más apoyo ✓"])
    services.summary.record_export(
        report,
        ExportFormat.MARKDOWN,
        folder / "summary.md",
        talking_points=["Scope of Q3"],
        asks=["Más apoyo ✓"],
    )
    services.prototypes.add(
        Prototype(
            "Shelved idea",
            (
                StageChange(Stage.IDEA, TODAY - dt.timedelta(days=20)),
                StageChange(
                    Stage.SHELVED,
                    TODAY - dt.timedelta(days=3),
                    reason="nobody needed it",
                    shelved_because=ShelveReason.NO_APPETITE,
                ),
            ),
            dataset=Dataset("Open data", "data.gov", "CC-BY"),
            hours=3.25,
            consulted_count=4,
        )
    )
