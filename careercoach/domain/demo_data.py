"""A deterministic year of demo data (profile, ledger, prototypes, check-ins, assessments)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from careercoach.domain import demo_texts as texts
from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.demo_assessments import DemoAssessment, demo_assessments
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Dataset, Prototype, ShelveReason, Stage, StageChange
from careercoach.domain.rubric import RATING_MAX, Rubric

K = ContributionKind

DEMO_SEED = 20_260_311
DEMO_LADDER_ID = "data-science-ic"
DEMO_TARGET_LEVEL_ID = "senior"
ONE_ON_ONE_EVERY_DAYS = 14
NEXT_ONE_ON_ONE_IN_DAYS = 6
LAST_OFFSET = 364  # the oldest record is this many days before ``today``
RECENT_DAYS = 30
RECENT_ENTRIES = 16

# Weighted toward helping others; every kind appears.
ENTRY_KIND_COUNTS: dict[ContributionKind, int] = {
    K.CODE_REVIEW: 38,
    K.DOCUMENTATION: 20,
    K.EXAMPLES: 12,
    K.TESTS: 16,
    K.FOLLOW_ON: 12,
    K.MENTORING: 18,
    K.CROSS_TEAM: 14,
    K.KNOWLEDGE_SHARING: 10,
    K.BUG_CAUGHT: 12,
    K.INTERVIEWING: 10,
    K.DELIVERY: 30,
    K.OTHER: 8,
}

CHECKIN_WEEKS_BACK = 51
# Weeks (counted back from the current one) without a check-in: leave and a busy launch.
SKIPPED_WEEKS = frozenset({5, 18, 19, 29, 30, 44})
# The weeks the unvalidated side project ate into (see the hero prototype below).
HERO_WEEKS = range(19, 26)

_PERSON_KINDS = frozenset(
    {K.DOCUMENTATION, K.EXAMPLES, K.TESTS, K.CODE_REVIEW, K.FOLLOW_ON, K.BUG_CAUGHT}
)


@dataclass(frozen=True)
class DemoData:
    """Everything the demo fills a fresh database with; no record has an id yet."""

    profile: Profile
    entries: tuple[Contribution, ...]
    prototypes: tuple[Prototype, ...]
    checkins: tuple[CheckIn, ...]
    assessments: tuple[DemoAssessment, ...]


def demo_data(today: dt.date) -> DemoData:
    """A year of a mid-level data scientist's work ending on ``today``.

    Args:
        today: The last day of the year; nothing is dated after it.

    Returns:
        The same records whatever ``today`` is, only shifted in time: every date is a
        fixed number of days (every week a fixed number of weeks) before ``today``.
    """
    rng = random.Random(DEMO_SEED)
    profile = Profile(
        name=texts.DEMO_NAME,
        role=texts.DEMO_ROLE,
        ladder_id=DEMO_LADDER_ID,
        target_level_id=DEMO_TARGET_LEVEL_ID,
        one_on_one_every_days=ONE_ON_ONE_EVERY_DAYS,
        next_one_on_one=today + dt.timedelta(days=NEXT_ONE_ON_ONE_IN_DAYS),
        is_default=False,
    )
    entries = _entries(rng, today)
    checkins = _checkins(rng, today)
    prototypes = _prototypes(today)
    assessments = demo_assessments(today, entries, prototypes)
    return DemoData(profile, entries, prototypes, checkins, assessments)


def _entries(rng: random.Random, today: dt.date) -> tuple[Contribution, ...]:
    kinds = [kind for kind, count in ENTRY_KIND_COUNTS.items() for _ in range(count)]
    rng.shuffle(kinds)
    older = len(kinds) - RECENT_ENTRIES
    offsets = [rng.randint(0, RECENT_DAYS - 1) for _ in range(RECENT_ENTRIES)]
    offsets += [rng.randint(RECENT_DAYS, LAST_OFFSET) for _ in range(older)]
    offsets.sort(reverse=True)
    seen: set[str] = set()
    return tuple(
        _entry(rng, kind, offset, today, seen) for kind, offset in zip(kinds, offsets, strict=True)
    )


def _entry(
    rng: random.Random, kind: ContributionKind, offset: int, today: dt.date, seen: set[str]
) -> Contribution:
    progress = 1 - offset / LAST_OFFSET  # 0 a year ago, 1 today
    title, person, team, project = _title(rng, kind, progress, seen)
    amb, cx, xf, sizes, hours = texts.KIND_RUBRICS[kind]
    rubric = Rubric(
        ambiguity=_grown(rng, rng.randint(*amb), progress),
        complexity=rng.randint(*cx),
        cross_functional=_grown(rng, rng.randint(*xf), progress),
        size=rng.choice(sizes),
    )
    if kind is K.OTHER and rng.random() < 0.4:
        rubric = Rubric()
    links: tuple[str, ...] = ()
    if kind in texts.LINKS and rng.random() < 0.2:
        slug = project.lower().replace(" ", "-")
        links = (texts.LINKS[kind].format(slug=slug, number=rng.randint(40, 900)),)
    quote, evidence = _evidence(rng, kind, links)
    always, extra = texts.KIND_COMPETENCIES[kind]
    competencies = (always, rng.choice(extra)) if rng.random() < 0.6 else (always,)
    challenge = ""
    if rng.random() < (0.35 if kind in (K.DELIVERY, K.CROSS_TEAM) else 0.05):
        challenge = rng.choice(texts.EXTERNAL_CHALLENGES)
    outcome = rng.choice(texts.OUTCOMES[kind]) if rng.random() < 0.7 else ""
    return Contribution(
        date=today - dt.timedelta(days=offset),
        title=title,
        kind=kind,
        beneficiary=_beneficiary(kind, person, team),
        project=project if kind is not K.INTERVIEWING else "",
        hours=max(0.5, round(rng.uniform(*hours) * 2) / 2),
        rubric=rubric,
        external_challenges=challenge,
        outcome=outcome,
        links=links,
        feedback_quote=quote,
        evidence=evidence,
        competencies=competencies,
    )


def _title(
    rng: random.Random, kind: ContributionKind, progress: float, seen: set[str]
) -> tuple[str, texts.Colleague, str, str]:
    """A title not used before where the bank allows, with the person, team and project."""
    for _ in range(8):
        person = rng.choice(texts.MENTEES if kind is K.MENTORING else texts.COLLEAGUES)
        team = rng.choice(texts.TEAMS)
        if kind is K.DELIVERY:
            project = rng.choice(texts.OWN_PROJECTS)
        elif kind in (K.CROSS_TEAM, K.KNOWLEDGE_SHARING, K.OTHER):
            project = rng.choice(list(texts.PROJECTS))
        else:
            project = person.project
        bank = texts.TITLES[kind]
        if kind in texts.STRETCH_TITLES and rng.random() < 0.7 * progress - 0.15:
            bank = texts.STRETCH_TITLES[kind]
        title = rng.choice(bank).format(
            first=person.first_name,
            project=texts.PROJECTS[project],
            team=team,
            topic=rng.choice(texts.TOPICS),
        )
        if title not in seen:
            break
    seen.add(title)
    return title, person, team, project


def _grown(rng: random.Random, rating: int, progress: float) -> int:
    """``rating``, more likely one higher later in the year as the person grows."""
    return min(RATING_MAX, rating + (1 if rng.random() < 0.55 * progress else 0))


def _beneficiary(kind: ContributionKind, person: texts.Colleague, team: str) -> str:
    if kind in _PERSON_KINDS or kind is K.MENTORING:
        return person.name
    if kind is K.CROSS_TEAM:
        return team
    if kind is K.KNOWLEDGE_SHARING:
        return texts.GUILD
    return ""


def _evidence(
    rng: random.Random, kind: ContributionKind, links: tuple[str, ...]
) -> tuple[str, EvidenceStrength]:
    """The feedback quote (often none) and how strongly the entry is backed."""
    if rng.random() < texts.QUOTE_CHANCE[kind]:
        return rng.choice(texts.FEEDBACK_QUOTES[kind]), EvidenceStrength.PEER_CONFIRMED
    if kind in (K.DELIVERY, K.CROSS_TEAM) and rng.random() < 0.15:
        return rng.choice(texts.MANAGER_QUOTES), EvidenceStrength.MANAGER_AGREED
    if links or rng.random() < 0.35:
        return "", EvidenceStrength.ARTIFACT
    return "", EvidenceStrength.SELF_CLAIM


def _checkins(rng: random.Random, today: dt.date) -> tuple[CheckIn, ...]:
    """One check-in a week for the past year, with gaps, never for the current week."""
    this_monday = today - dt.timedelta(days=today.weekday())
    checkins = []
    for back in range(CHECKIN_WEEKS_BACK, 0, -1):
        if back in SKIPPED_WEEKS:
            continue
        progress = 1 - back / CHECKIN_WEEKS_BACK
        note = ""
        if back + 1 in SKIPPED_WEEKS:
            note = texts.BACK_FROM_LEAVE_NOTE
        elif rng.random() < 0.2:
            note = rng.choice(texts.CHECKIN_NOTES)
        solo_top = 6.0 if back in HERO_WEEKS else 2.5
        checkins.append(
            CheckIn(
                week=IsoWeek.of(this_monday - dt.timedelta(weeks=back)),
                assigned_hours=_half(rng.uniform(22, 32)),
                helping_hours=_half(3 + 3 * progress + rng.uniform(0, 4)),
                learning_hours=_half(rng.uniform(1, 5)),
                solo_hours=_half(rng.uniform(solo_top - 2.5, solo_top)),
                note=note,
            )
        )
    return tuple(checkins)


def _half(hours: float) -> float:
    return round(hours * 2) / 2


def _history(
    today: dt.date,
    *changes: tuple[Stage, int, str],
    shelved_because: ShelveReason | None = None,
) -> tuple[StageChange, ...]:
    """Stage changes ``offset`` days before ``today``; ``shelved_because`` goes to shelving."""
    return tuple(
        StageChange(
            stage,
            today - dt.timedelta(days=offset),
            reason,
            shelved_because if stage is Stage.SHELVED else None,
        )
        for stage, offset, reason in changes
    )


def _prototypes(today: dt.date) -> tuple[Prototype, ...]:
    names = [colleague.name for colleague in texts.COLLEAGUES]
    return (
        Prototype(
            title="Customer lifetime value from purchase histories",
            history=_history(
                today,
                (Stage.IDEA, 330, ""),
                (Stage.VALIDATING, 318, "Pitched at the spring hackathon"),
                (Stage.BUILDING, 300, "Nine people said they would use it"),
                (Stage.DEMO, 262, "Demo day"),
                (Stage.ADOPTED, 220, "Growth Marketing took it into their quarterly planning"),
            ),
            pitch="Predict each customer's next-year value with BG/NBD and Gamma-Gamma models "
            "so marketing can stop treating every customer the same.",
            learning_goal="Learn probabilistic customer-base models, which the company "
            "does not use yet.",
            dataset=Dataset("Online Retail II", "UCI Machine Learning Repository", "CC BY 4.0"),
            people_consulted=(*names[:6], "Growth Marketing lead", "Finance analyst"),
            consulted_count=11,
            reviewers=(names[0], names[6], texts.MANAGER),
            feedback="Marketing liked that the segments came with uncertainty bands; "
            "Daniel asked for a holdout check before adoption, which we added.",
            hours=42.0,
            demo_link="https://notebooks.example.com/hackathon/clv-demo",
            outcome="Adopted by Growth Marketing for quarterly value segments; "
            "Lena's team now maintains it.",
            competencies=("learning-and-innovation", "communication"),
        ),
        Prototype(
            title="Suggested labels for incoming support tickets",
            history=_history(
                today,
                (Stage.IDEA, 120, ""),
                (Stage.VALIDATING, 110, "Shadowed two support agents"),
                (Stage.BUILDING, 80, "Support leads confirmed the triage pain"),
            ),
            pitch="Suggest a queue and priority for each new ticket so agents triage faster.",
            learning_goal="Try small open-weight text classifiers on real support language.",
            dataset=Dataset(
                "Anonymised ticket sample", "Internal support export (PII removed)", "Internal"
            ),
            people_consulted=(names[7], names[2], "Customer Support lead", "Support agent"),
            consulted_count=6,
            reviewers=(names[7], names[3]),
            feedback="Agents want the top three suggestions, not one.",
            hours=18.0,
            competencies=("learning-and-innovation", "technical-execution"),
        ),
        Prototype(
            title="Uplift model for retention offers",
            history=_history(today, (Stage.IDEA, 12, "")),
            pitch="Send retention offers only to customers the offer actually changes.",
            learning_goal="Learn uplift modelling and how to evaluate it with Qini curves.",
            hours=1.0,
            competencies=("experimentation",),
        ),
        Prototype(
            title="Lightweight feature store for analysts",
            history=_history(
                today,
                (Stage.IDEA, 250, ""),
                (Stage.VALIDATING, 240, "Asked analysts and the platform team"),
                (
                    Stage.SHELVED,
                    225,
                    "No appetite from the platform team for a second feature store; "
                    "they will extend theirs next year.",
                ),
                # One such shelving only: the coach speaks up when it happens twice a year.
                shelved_because=ShelveReason.NO_APPETITE,
            ),
            pitch="Let analysts reuse model features in SQL without waiting for a pipeline.",
            learning_goal="Understand feature-store design trade-offs.",
            people_consulted=(names[0], names[3], "Platform Engineering lead"),
            consulted_count=5,
            feedback="Analysts liked it; platform would rather grow the existing store.",
            hours=6.0,
            outcome="Shelved after validation; saved a quarter of building the wrong thing.",
            competencies=("direction",),
        ),
        Prototype(
            title="Automatic exploratory-analysis report generator",
            history=_history(
                today,
                (Stage.IDEA, 175, ""),
                (Stage.BUILDING, 172, "Started straight away over a long weekend"),
                (Stage.DEMO, 131, "Shown at the team meeting"),
            ),
            pitch="One command turns any table into a full exploratory-analysis report.",
            learning_goal="Learn report templating and automatic chart selection.",
            dataset=Dataset("palmerpenguins", "Allison Horst et al. (GitHub)", "CC0 1.0"),
            people_consulted=(names[3],),
            consulted_count=1,
            feedback="Polite interest at the demo; nobody has run it since.",
            hours=38.0,
            demo_link="https://git.example.com/sam/auto-eda",
            competencies=("technical-execution",),
        ),
    )
