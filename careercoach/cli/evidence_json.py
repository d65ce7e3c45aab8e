"""The JSON and one-line text shapes of ledger entries and prototypes on the command line."""

from __future__ import annotations

import unicodedata

from careercoach.domain.contribution import Contribution
from careercoach.domain.prototype import Prototype, ShelveReason
from careercoach.domain.rubric import difficulty


def entry_json(entry: Contribution) -> dict[str, object]:
    """One ledger entry as ``log list --json`` prints it."""
    score = difficulty(entry.rubric)
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "title": entry.title,
        "kind": entry.kind.value,
        "beneficiary": entry.beneficiary,
        "project": entry.project,
        "hours": entry.hours,
        "ambiguity": entry.rubric.ambiguity,
        "complexity": entry.rubric.complexity,
        "cross_functional": entry.rubric.cross_functional,
        "size": entry.rubric.size.value if entry.rubric.size is not None else None,
        "difficulty": (
            None
            if score is None
            else {"score": score.score, "band": score.band, "explanation": score.explanation}
        ),
        "external_challenges": entry.external_challenges,
        "outcome": entry.outcome,
        "links": list(entry.links),
        "feedback": entry.feedback_quote,
        "evidence": entry.evidence.value,
        "competencies": list(entry.competencies),
    }


def prototype_json(prototype: Prototype) -> dict[str, object]:
    """One prototype as ``prototype list --json`` prints it."""
    return {
        "id": prototype.id,
        "title": prototype.title,
        "stage": prototype.stage.value,
        "stage_since": prototype.stage_since.isoformat(),
        "started": prototype.started.isoformat(),
        "history": [
            {
                "stage": change.stage.value,
                "date": change.date.isoformat(),
                "reason": change.reason,
                "shelved_because": change.shelved_because.value
                if change.shelved_because
                else None,
            }
            for change in prototype.history
        ],
        "pitch": prototype.pitch,
        "learning_goal": prototype.learning_goal,
        "dataset": {
            "name": prototype.dataset.name,
            "source": prototype.dataset.source,
            "licence": prototype.dataset.licence,
        },
        "people_consulted": list(prototype.people_consulted),
        "consulted": prototype.consulted_count,
        "reviewers": list(prototype.reviewers),
        "feedback": prototype.feedback,
        "hours": prototype.hours,
        "demo_link": prototype.demo_link,
        "outcome": prototype.outcome,
        "competencies": list(prototype.competencies),
        "shelved_reason": prototype.shelved_reason,
        "shelved_because": _token(prototype.shelved_because),
    }


def one_line(text: str) -> str:
    """``text`` with line breaks, tabs and other control characters shown as spaces.

    A listing stays one line per record, and stored text cannot send escape sequences to
    the terminal.
    """
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


def _token(reason: ShelveReason | None) -> str | None:
    return reason.value if reason is not None else None
