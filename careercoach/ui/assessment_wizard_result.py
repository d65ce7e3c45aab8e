"""The finished assessment as the wizard's result page shows it (escaped rich text)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication

from careercoach.domain.assessment_result import Gap, level_title
from careercoach.services.assessment_service import AssessmentReport


def _tr(text: str) -> str:
    return QCoreApplication.translate("AssessmentResult", text)


def _items(lines: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def report_html(report: AssessmentReport) -> str:
    """The estimate, the level and evidence of every competency, and the gaps to the target."""
    assessment, ladder, result = report.assessment, report.ladder, report.result
    estimate = result.estimate
    target = level_title(ladder, assessment.target_level_id)
    parts = [
        "<h2>{}</h2>".format(escape(_tr("Estimated level: {level}").format(level=estimate.label))),
        "<p><b>{}</b> {}</p>".format(escape(_tr("Policy:")), escape(estimate.policy)),
        f"<p>{escape(estimate.detail)}</p>",
        f"<p>{escape(_context(report))}</p>",
        f"<h3>{escape(_tr('Per competency'))}</h3>",
        _status_table(report),
    ]
    if result.unsupported:
        count = len(result.unsupported)
        note = (
            _tr("1 rating has no evidence yet. It counts, but bring evidence to your 1:1.")
            if count == 1
            else _tr(
                "{count} ratings have no evidence yet. They count, but bring evidence "
                "to your 1:1 to back them."
            ).format(count=count)
        )
        parts.append(f"<p>{escape(note)}</p>")
    parts.append("<h3>{}</h3>".format(escape(_tr("Gaps to {target}").format(target=target))))
    if not result.gaps:
        parts.append(
            "<p>{}</p>".format(
                escape(_tr("None: every competency is rated at the target level or above."))
            )
        )
    parts.extend(_gap_html(report, gap) for gap in result.gaps)
    return "".join(parts)


def _context(report: AssessmentReport) -> str:
    assessment = report.assessment
    return _tr("{ladder} version {version}; target {target}; period {start}\u2013{end}.").format(
        ladder=report.ladder.name,
        version=assessment.ladder_version,
        target=level_title(report.ladder, assessment.target_level_id),
        start=assessment.period_start.isoformat(),
        end=assessment.period_end.isoformat(),
    )


def _status_table(report: AssessmentReport) -> str:
    ladder = report.ladder
    headers = (
        _tr("Competency"),
        _tr("Level"),
        _tr("Confidence"),
        _tr("Evidence strength"),
        _tr("Flag"),
    )
    rows = ["<tr>" + "".join(f"<th align='left'>{escape(h)}</th>" for h in headers) + "</tr>"]
    for status in report.result.statuses:
        rating = report.assessment.rating(status.competency_id)
        cells = (
            status.competency_name,
            level_title(ladder, status.level_id),
            rating.confidence.label if rating is not None else "",
            status.strength.label if status.strength is not None else _tr("None"),
            _tr("No evidence yet") if status.unsupported else "",
        )
        rows.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
    return "<table cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"


def _gap_html(report: AssessmentReport, gap: Gap) -> str:
    ladder = report.ladder
    target = level_title(ladder, gap.target_level_id)
    steps = (
        _tr("1 level short")
        if gap.steps == 1
        else _tr("{steps} levels short").format(steps=gap.steps)
    )
    parts = [
        f"<h4>{escape(gap.competency_name)}</h4>",
        "<p>{}</p>".format(
            escape(
                _tr("Rated {level}; target {target} ({steps}).").format(
                    level=level_title(ladder, gap.rated_level_id), target=target, steps=steps
                )
            )
        ),
    ]
    expectation = gap.expectation
    parts.append(
        "<p><b>{}</b> {}</p>".format(
            escape(_tr("{target} expects:").format(target=target)),
            escape(expectation.summary or _tr("The ladder says nothing for this level.")),
        )
    )
    if expectation.signals:
        parts.append(_items(expectation.signals))
    parts.append("<p><b>{}</b></p>".format(escape(_tr("Evidence so far:"))))
    if gap.evidence or gap.prototypes:
        parts.append(
            _items(
                [
                    f"{entry.date.isoformat()} — {entry.title} ({entry.evidence.label})"
                    for entry in gap.evidence
                ]
                + [
                    _tr("Prototype: {title} ({stage})").format(
                        title=prototype.title, stage=prototype.stage.label
                    )
                    for prototype in gap.prototypes
                ]
            )
        )
    else:
        parts.append("<p>{}</p>".format(escape(_tr("None yet."))))
    return "".join(parts)
