"""``careercoach assess …``: record a finished self-assessment and show the latest one."""

from __future__ import annotations

import argparse

from careercoach.cli.assessment_json import NO_EVIDENCE, assessment_json
from careercoach.cli.evidence_json import one_line
from careercoach.cli.output import print_json, print_line
from careercoach.domain.assessment_result import level_title
from careercoach.domain.errors import UserError
from careercoach.services.app_services import AppServices
from careercoach.services.assessment_service import AssessmentReport

EXIT_OK = 0
NO_ASSESSMENT = (
    "no assessment yet (start one in the app, or: "
    "careercoach assess add --rating COMPETENCY_ID=LEVEL_ID ...)"
)


def run_add(services: AppServices, args: argparse.Namespace) -> int:
    """Record a finished assessment against the profile's ladder and print its id.

    Raises:
        UserError: a competency rated twice, or (from the service) unknown competencies,
            levels or entries, or competencies left unrated; nothing is stored.
    """
    levels: dict[str, str] = {}
    for competency_id, level_id in args.rating:
        if competency_id in levels:
            raise UserError(
                "assessment-rated-twice",
                f"'{one_line(competency_id)}' is rated more than once "
                "(give one --rating per competency)",
                competency_id=competency_id,
            )
        levels[competency_id] = level_id
    evidence: dict[str, tuple[int, ...]] = {}
    for competency_id, entry_id in args.evidence:
        evidence[competency_id] = (*evidence.get(competency_id, ()), entry_id)
    report = services.assessments.add(levels, evidence)
    print_line(str(report.assessment.id))
    return EXIT_OK


def run_show(services: AppServices, args: argparse.Namespace) -> int:
    """Print the latest assessment: a readable summary, or JSON with ``--json``."""
    report = services.assessments.latest()
    if args.json:
        print_json("assessment", assessment_json(report) if report is not None else None)
        return EXIT_OK
    if report is None:
        print_line(NO_ASSESSMENT)
        return EXIT_OK
    for line in summary_lines(report):
        print_line(line)
    return EXIT_OK


def summary_lines(report: AssessmentReport) -> list[str]:
    """The text of ``assess show``: header, estimate, one row per competency, the gaps."""
    assessment, ladder, result = report.assessment, report.ladder, report.result
    finished = assessment.finished_on.isoformat() if assessment.finished_on else "not finished"
    target = one_line(level_title(ladder, assessment.target_level_id))
    lines = [
        f"Assessment {assessment.id}: {one_line(ladder.name)} version "
        f"{one_line(assessment.ladder_version)}, {assessment.period_start.isoformat()} to "
        f"{assessment.period_end.isoformat()} (finished {finished})",
        f"Estimate: {one_line(result.estimate.label)}",
        f"  Policy: {one_line(result.estimate.policy)}",
        f"  Detail: {one_line(result.estimate.detail)}",
        f"Target: {target}",
        "",
    ]
    rows = [("Competency", "Rated", "Target", "Evidence")]
    for status in result.statuses:
        strength = status.strength.value if status.strength is not None else NO_EVIDENCE
        rows.append(
            (
                one_line(status.competency_name),
                one_line(level_title(ladder, status.level_id)),
                one_line(level_title(ladder, status.target_level_id)),
                strength + (" (no evidence yet)" if status.unsupported else ""),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join((*cells, row[3])).rstrip())
    lines.append("")
    if not result.gaps:
        lines.append(f"No gaps: every competency is rated at {target} or above.")
        return lines
    lines.append(f"Gaps to {target}:")
    for gap in result.gaps:
        levels = "level" if gap.steps == 1 else "levels"
        lines.append(
            f"  {one_line(gap.competency_name)}: rated "
            f"{one_line(level_title(ladder, gap.rated_level_id))}, {gap.steps} {levels} below"
        )
        expected = gap.expectation.summary or "the ladder describes nothing at this level"
        lines.append(f"    {target} expects: {one_line(expected)}")
    return lines
