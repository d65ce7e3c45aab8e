"""The JSON shape of an assessment, its estimate, gaps and evidence on the command line."""

from __future__ import annotations

from careercoach.domain.assessment import Rating
from careercoach.domain.assessment_result import Gap
from careercoach.services.assessment_service import AssessmentReport

NO_EVIDENCE = "none"


def assessment_json(report: AssessmentReport) -> dict[str, object]:
    """One finished assessment as ``assess show --json`` prints it."""
    assessment, result = report.assessment, report.result
    return {
        "id": assessment.id,
        "ladder_id": assessment.ladder_id,
        "ladder_version": assessment.ladder_version,
        "ladder_hash": assessment.ladder_hash,
        "target_level_id": assessment.target_level_id,
        "period": {
            "start": assessment.period_start.isoformat(),
            "end": assessment.period_end.isoformat(),
        },
        "finished_on": (
            assessment.finished_on.isoformat() if assessment.finished_on is not None else None
        ),
        "ratings": [_rating_json(rating) for rating in assessment.ratings],
        "estimate": {
            "level": result.estimate.level_id,
            "label": result.estimate.label,
            "policy": result.estimate.policy,
            "detail": result.estimate.detail,
        },
        "gaps": [_gap_json(gap) for gap in result.gaps],
        "evidence": {
            status.competency_id: (
                status.strength.value if status.strength is not None else NO_EVIDENCE
            )
            for status in result.statuses
        },
        "unsupported": list(result.unsupported),
    }


def _rating_json(rating: Rating) -> dict[str, object]:
    return {
        "competency_id": rating.competency_id,
        "level_id": rating.level_id,
        "confidence": rating.confidence.value,
        "notes": rating.notes,
        "evidence_ids": list(rating.evidence_ids),
        "prototype_ids": list(rating.prototype_ids),
    }


def _gap_json(gap: Gap) -> dict[str, object]:
    return {
        "competency_id": gap.competency_id,
        "rated_level_id": gap.rated_level_id,
        "target_level_id": gap.target_level_id,
        "steps": gap.steps,
        "expectation": {
            "summary": gap.expectation.summary,
            "signals": list(gap.expectation.signals),
        },
        "evidence_ids": [entry.id for entry in gap.evidence],
        "prototype_ids": [prototype.id for prototype in gap.prototypes],
    }
