"""Four quarterly self-assessments of the demo year, showing growth from mid toward senior."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from careercoach.domain import demo_texts as texts
from careercoach.domain.assessment import Assessment, Confidence, Rating
from careercoach.domain.contribution import Contribution
from careercoach.domain.prototype import Prototype, Stage

DEMO_ASSESSMENT_SEED = 20_260_312
# Each assessment is finished this many days before ``today``, the oldest first; its
# period runs from the day after the previous one (the first covers 90 days).
FINISHED_DAYS_BEFORE = (270, 180, 90, 7)
FIRST_PERIOD_DAYS = 90
# How many ledger entries back a rating at each level (fewer when the period has fewer).
EVIDENCE_PER_LEVEL = {"associate": 1, "mid": 2, "senior": 3}

A, M, S = "associate", "mid", "senior"
LOW, MEDIUM, HIGH = Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH


@dataclass(frozen=True)
class _Planned:
    """One rating as written: the level, how sure, a note, and whether evidence is attached."""

    level_id: str
    confidence: Confidence
    notes: str
    with_evidence: bool = True


# competency id -> the rating of each quarter, oldest first. Sam starts mostly mid with two
# associate ratings and ends with five of eight at senior: still mid under the 75% rule,
# with handling ambiguity, delivery and direction as the gaps to senior.
PLAN: dict[str, tuple[_Planned, _Planned, _Planned, _Planned]] = {
    texts.AMBIGUITY: (
        _Planned(A, MEDIUM, "Most projects still arrive scoped by Morgan; I rarely reframe them."),
        _Planned(M, MEDIUM, "Scoped the demand-forecast refresh myself; approved with few edits."),
        _Planned(M, MEDIUM, "Morgan still splits the big projects for me: my main gap."),
        _Planned(M, MEDIUM, "Framed the retention-offer problem, but delegated nothing yet."),
    ),
    texts.TECHNICAL: (
        _Planned(M, HIGH, "Churn retrain is reproducible end to end; reviews find little."),
        _Planned(M, HIGH, "Solid and reproducible, but nothing beyond my own projects."),
        _Planned(S, MEDIUM, "Built the shared evaluation harness other teams now use."),
        _Planned(S, HIGH, "Two teams adopted the harness; my reviews set the bar."),
    ),
    texts.EXPERIMENTATION: (
        _Planned(M, MEDIUM, "Analysed the pricing test cleanly, but Tomas designed it."),
        _Planned(M, MEDIUM, "Designed my first A/B test, with Daniel checking the power."),
        _Planned(M, MEDIUM, "Reviewed other teams' test designs; led none end to end."),
        _Planned(S, LOW, "Ran the pricing test end to end; want a second before I'm sure."),
    ),
    texts.DELIVERY: (
        _Planned(M, MEDIUM, "Shipped the churn refresh on time with little supervision."),
        _Planned(M, MEDIUM, "Delivered the forecast refresh through the platform migration."),
        _Planned(M, MEDIUM, "The launch went fine, but the scope was set for me."),
        _Planned(M, HIGH, "Reliable on my own projects; not leading delivery across people."),
    ),
    texts.COLLABORATION: (
        _Planned(M, HIGH, "Lots of code review; started pairing with Ravi every week."),
        _Planned(S, MEDIUM, "Mentoring Ravi and Chloe; Ravi now ships features on his own."),
        _Planned(S, HIGH, "Peer feedback names me as the go-to reviewer and mentor."),
        _Planned(S, HIGH, "Ravi was promoted; I onboarded both new hires."),
    ),
    texts.COMMUNICATION: (
        _Planned(M, MEDIUM, "Write-ups are clear for the team, less so for Finance."),
        _Planned(M, MEDIUM, "The CLV demo landed well with Growth Marketing."),
        _Planned(M, MEDIUM, "Guild talks went well; executive summaries need work."),
        _Planned(S, MEDIUM, "My forecast summary went to the leadership review unchanged."),
    ),
    texts.DIRECTION: (
        _Planned(A, HIGH, "Not setting direction yet: I follow the team plan."),
        _Planned(A, MEDIUM, "Shelving the feature store was right, but the plan is Morgan's."),
        _Planned(M, LOW, "Helped shape the team's half-year plan for the first time."),
        _Planned(
            M,
            MEDIUM,
            "Proposed two of next quarter's projects; still to log them.",
            with_evidence=False,
        ),
    ),
    texts.LEARNING: (
        _Planned(M, MEDIUM, "The CLV hackathon idea is my first real stretch."),
        _Planned(M, HIGH, "CLV prototype adopted by Growth Marketing."),
        _Planned(S, MEDIUM, "Validated two prototypes with users before building them."),
        _Planned(S, HIGH, "Ticket-triage prototype built with support leads from day one."),
    ),
}


@dataclass(frozen=True)
class DemoRating:
    """A demo rating whose evidence points at demo records by their position.

    Attributes:
        competency_id: The rated competency.
        level_id: The level it is rated at.
        confidence: How sure Sam is.
        notes: A short note.
        entry_indices: Positions in the demo ledger of the entries backing it.
        prototype_indices: Positions in the demo prototypes of those backing it.
    """

    competency_id: str
    level_id: str
    confidence: Confidence
    notes: str
    entry_indices: tuple[int, ...]
    prototype_indices: tuple[int, ...]


@dataclass(frozen=True)
class DemoAssessment:
    """A finished demo assessment before its evidence has stored ids."""

    period_start: dt.date
    period_end: dt.date
    finished_on: dt.date
    ratings: tuple[DemoRating, ...]

    def pinned(
        self,
        *,
        ladder_id: str,
        ladder_hash: str,
        ladder_version: str,
        target_level_id: str,
        entry_ids: Sequence[int],
        prototype_ids: Sequence[int],
    ) -> Assessment:
        """The assessment pinned to a stored ladder version, with the stored record ids.

        Args:
            ladder_id: The ladder rated against.
            ladder_hash: The content hash of its version.
            ladder_version: Its version label.
            target_level_id: The level aimed for.
            entry_ids: The stored id of each demo ledger entry, in the demo's order.
            prototype_ids: The stored id of each demo prototype, in the demo's order.
        """
        return Assessment(
            ladder_id=ladder_id,
            ladder_hash=ladder_hash,
            ladder_version=ladder_version,
            target_level_id=target_level_id,
            period_start=self.period_start,
            period_end=self.period_end,
            finished_on=self.finished_on,
            ratings=tuple(
                Rating(
                    competency_id=rating.competency_id,
                    level_id=rating.level_id,
                    confidence=rating.confidence,
                    notes=rating.notes,
                    evidence_ids=tuple(entry_ids[i] for i in rating.entry_indices),
                    prototype_ids=tuple(prototype_ids[i] for i in rating.prototype_indices),
                )
                for rating in self.ratings
            ),
        )


def demo_assessments(
    today: dt.date, entries: Sequence[Contribution], prototypes: Sequence[Prototype]
) -> tuple[DemoAssessment, ...]:
    """The demo's four quarterly assessments, the oldest first, ending 7 days before ``today``.

    Args:
        today: The demo's last day.
        entries: The demo ledger; a rating is backed by entries dated inside its period
            that name its competency, the strongest first.
        prototypes: The demo prototypes; one backs a rating when it names the competency
            and moved past the idea stage inside the period.

    Returns:
        The same assessments whatever ``today`` is, only shifted in time.
    """
    rng = random.Random(DEMO_ASSESSMENT_SEED)
    assessments: list[DemoAssessment] = []
    start = today - dt.timedelta(days=FINISHED_DAYS_BEFORE[0] + FIRST_PERIOD_DAYS - 1)
    for quarter, days_before in enumerate(FINISHED_DAYS_BEFORE):
        end = today - dt.timedelta(days=days_before)
        ratings = tuple(
            _rating(rng, competency_id, plans[quarter], (start, end), entries, prototypes)
            for competency_id, plans in PLAN.items()
        )
        assessments.append(DemoAssessment(start, end, end, ratings))
        start = end + dt.timedelta(days=1)
    return tuple(assessments)


def _rating(
    rng: random.Random,
    competency_id: str,
    plan: _Planned,
    period: tuple[dt.date, dt.date],
    entries: Sequence[Contribution],
    prototypes: Sequence[Prototype],
) -> DemoRating:
    start, end = period
    entry_indices: tuple[int, ...] = ()
    prototype_indices: tuple[int, ...] = ()
    if plan.with_evidence:
        matching = [
            index
            for index, entry in enumerate(entries)
            if start <= entry.date <= end and competency_id in entry.competencies
        ]
        # The strongest evidence first; a seeded shuffle picks among equally strong ones.
        rng.shuffle(matching)
        matching.sort(key=lambda index: -entries[index].evidence.rank)
        wanted = EVIDENCE_PER_LEVEL.get(plan.level_id, 1)
        entry_indices = tuple(sorted(matching[:wanted]))
        prototype_indices = tuple(
            index
            for index, prototype in enumerate(prototypes)
            if competency_id in prototype.competencies
            and any(
                start <= change.date <= end and change.stage is not Stage.IDEA
                for change in prototype.history
            )
        )
    return DemoRating(
        competency_id,
        plan.level_id,
        plan.confidence,
        plan.notes,
        entry_indices,
        prototype_indices,
    )
