"""Validation of ledger entries: every problem at once, so an editor can show them all."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from careercoach.domain.contribution import (
    EARLIEST_DATE,
    MAX_HOURS,
    MAX_LINK_LENGTH,
    MAX_LINKS,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    MAX_TITLE_LENGTH,
    Contribution,
)
from careercoach.domain.evidence_checks import (
    FieldProblem,
    InvalidRecordError,
    check_competency_ids,
    check_date,
    check_hours,
    check_rating,
    check_text,
    clean_hours,
    clean_text,
)


def contribution_problems(entry: Contribution, today: dt.date) -> tuple[FieldProblem, ...]:
    """Everything wrong with ``entry``; empty when it can be stored."""
    problems: list[FieldProblem] = []
    check_date(problems, "date", entry.date, today, EARLIEST_DATE)
    check_text(problems, "title", entry.title, MAX_TITLE_LENGTH, required=True, one_line=True)
    check_text(problems, "beneficiary", entry.beneficiary, MAX_NAME_LENGTH, one_line=True)
    check_text(problems, "project", entry.project, MAX_NAME_LENGTH, one_line=True)
    check_hours(problems, "hours", entry.hours, MAX_HOURS)
    check_rating(problems, "ambiguity", entry.rubric.ambiguity)
    check_rating(problems, "complexity", entry.rubric.complexity)
    check_rating(problems, "cross-functional", entry.rubric.cross_functional)
    check_text(problems, "external challenges", entry.external_challenges, MAX_TEXT_LENGTH)
    check_text(problems, "outcome", entry.outcome, MAX_TEXT_LENGTH)
    check_text(problems, "feedback", entry.feedback_quote, MAX_TEXT_LENGTH)
    if len(entry.links) > MAX_LINKS:
        problems.append(FieldProblem("links", f"more than {MAX_LINKS} links"))
    for link in entry.links:
        check_text(problems, "links", link, MAX_LINK_LENGTH, required=True, one_line=True)
    check_competency_ids(problems, "competencies", entry.competencies)
    return tuple(problems)


def checked_contribution(entry: Contribution, today: dt.date) -> Contribution:
    """``entry`` with surrounding blanks trimmed, or InvalidRecordError naming every problem."""
    cleaned = normalised_contribution(entry)
    problems = contribution_problems(cleaned, today)
    if problems:
        raise InvalidRecordError("entry", problems)
    return cleaned


def normalised_contribution(entry: Contribution) -> Contribution:
    """``entry`` with text trimmed, empty links dropped and competencies de-duplicated."""
    return replace(
        entry,
        title=clean_text(entry.title),
        beneficiary=clean_text(entry.beneficiary),
        project=clean_text(entry.project),
        hours=clean_hours(entry.hours),
        external_challenges=clean_text(entry.external_challenges),
        outcome=clean_text(entry.outcome),
        feedback_quote=clean_text(entry.feedback_quote),
        links=tuple(clean_text(link) for link in entry.links if link.strip()),
        competencies=tuple(dict.fromkeys(c.strip() for c in entry.competencies if c.strip())),
    )
