"""The catalogue of facts coach rules can name: each fact's type and exact definition."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from careercoach.domain.contribution import HELPING_KINDS, ContributionKind

RECENT_CHECKINS = 4
RECENT_CHECKIN_WEEKS = 8
LONE_PROTOTYPE_CONSULTED = 2
APPETITE_WINDOW_DAYS = 365

HELPING_DEFINITION = (
    "Helping-others work is a ledger entry of a helping kind ("
    + ", ".join(kind.value for kind in ContributionKind if kind in HELPING_KINDS)
    + ") or an entry of any kind that names a beneficiary."
)
WINDOW_DEFINITION = (
    "An entry is in the last N days when its date is from today minus N days through "
    "today; entries dated after today are not counted."
)


class FactType(StrEnum):
    """What kind of value a fact holds, as rule conditions see it."""

    NUMBER = "number"
    TEXT = "text"
    BOOLEAN = "boolean"
    TEXT_LIST = "list of text"
    COUNT_BY_KEY = "mapping of text to number"


@dataclass(frozen=True)
class FactSpec:
    """One fact: its name in conditions and messages, its type and what it means.

    ``nullable`` facts are ``null`` when there is nothing to measure (a condition must
    test ``fact != null`` before comparing such a fact with a number).
    """

    name: str
    type: FactType
    group: str
    definition: str
    nullable: bool = False


def _fact(
    name: str, type_: FactType, group: str, definition: str, *, nullable: bool = False
) -> FactSpec:
    return FactSpec(name, type_, group, definition, nullable)


_N, _T, _B = FactType.NUMBER, FactType.TEXT, FactType.BOOLEAN
_LEDGER, _ASSESSMENT, _CHECKIN, _PROTOTYPE, _PROFILE = (
    "Ledger",
    "Assessment",
    "Weekly check-ins",
    "Prototypes",
    "Profile and 1:1s",
)

FACTS: tuple[FactSpec, ...] = (
    _fact("entries_total", _N, _LEDGER, "Every ledger entry, whatever its date."),
    _fact("entries_30d", _N, _LEDGER, "Ledger entries in the last 30 days."),
    _fact(
        "days_since_last_entry",
        _N,
        _LEDGER,
        "Days from the latest ledger entry dated today or earlier to today; null when "
        "the ledger has none.",
        nullable=True,
    ),
    _fact("helping_entries_30d", _N, _LEDGER, "Helping-others entries in the last 30 days."),
    _fact("helping_entries_90d", _N, _LEDGER, "Helping-others entries in the last 90 days."),
    _fact(
        "helping_by_kind_30d",
        FactType.COUNT_BY_KEY,
        _LEDGER,
        "Helping-others entries in the last 30 days, counted per kind; every kind token is "
        "a key (0 when there is none), e.g. `helping_by_kind_30d['tests']`.",
    ),
    _fact(
        "helping_by_kind_90d",
        FactType.COUNT_BY_KEY,
        _LEDGER,
        "Helping-others entries in the last 90 days, counted per kind, as above.",
    ),
    _fact(
        "days_since_helping_entry",
        _N,
        _LEDGER,
        "Days from the latest helping-others entry dated today or earlier to today; null "
        "when there is none.",
        nullable=True,
    ),
    _fact(
        "people_helped_90d",
        _N,
        _LEDGER,
        "Distinct beneficiaries (compared ignoring case) named by entries in the last 90 days.",
    ),
    _fact(
        "helping_quotes_90d",
        _N,
        _LEDGER,
        "Helping-others entries in the last 90 days that carry a feedback quote.",
    ),
    _fact(
        "peer_confirmed_60d",
        _N,
        _LEDGER,
        "Entries in the last 60 days whose evidence is peer-confirmed or manager-agreed.",
    ),
    _fact(
        "docs_or_tests_60d",
        _N,
        _LEDGER,
        "Entries of kind documentation, examples or tests in the last 60 days.",
    ),
    _fact(
        "knowledge_sharing_90d",
        _N,
        _LEDGER,
        "Entries of kind knowledge-sharing in the last 90 days.",
    ),
    _fact("has_assessment", _B, _ASSESSMENT, "True once a self-assessment has been finished."),
    _fact(
        "days_since_last_assessment",
        _N,
        _ASSESSMENT,
        "Days from the day the latest self-assessment was finished to today; null before "
        "the first.",
        nullable=True,
    ),
    _fact(
        "has_draft_assessment",
        _B,
        _ASSESSMENT,
        "True while an unfinished self-assessment is waiting in the wizard.",
    ),
    _fact(
        "competencies_below_target",
        _N,
        _ASSESSMENT,
        "Competencies the latest assessment rates below the target (unrated ones included); "
        "0 before the first assessment. The target is the profile's target level when the "
        "assessment's ladder is the profile's and has that level, else the assessment's "
        "own target.",
    ),
    _fact(
        "largest_gap_steps",
        _N,
        _ASSESSMENT,
        "How many levels the furthest competency is below target in the latest "
        "assessment; 0 when none is below target or there is no assessment.",
    ),
    _fact(
        "largest_gap_competencies",
        FactType.TEXT_LIST,
        _ASSESSMENT,
        "Ids of the competencies with the largest gap (all of them when several tie), in "
        "ladder order; empty when there is no gap.",
    ),
    _fact(
        "largest_gap_names",
        _T,
        _ASSESSMENT,
        "Names of the competencies with the largest gap, joined with commas; empty when "
        "there is no gap.",
    ),
    _fact(
        "largest_gap_is_ambiguity",
        _B,
        _ASSESSMENT,
        "True when a competency with the largest gap is about handling ambiguity: its id "
        "or name contains 'ambigu' (any case).",
    ),
    _fact(
        "ratings_above_evidence",
        _N,
        _ASSESSMENT,
        "Ratings in the latest assessment above the ladder's lowest level with no existing "
        "ledger entry or prototype attached as evidence.",
    ),
    _fact(
        "unsupported_names",
        _T,
        _ASSESSMENT,
        "Names of the competencies counted by ratings_above_evidence, joined with commas.",
    ),
    _fact(
        "estimated_level",
        _T,
        _ASSESSMENT,
        "Id of the level the latest assessment estimates; empty when there is none.",
    ),
    _fact("target_level", _T, _ASSESSMENT, "Id of the target level in the profile."),
    _fact(
        "target_level_name",
        _T,
        _ASSESSMENT,
        "Title of the target the gaps are measured against (see "
        "competencies_below_target); before the first assessment, the profile's target "
        "level on the profile's ladder; the id when no ladder has it.",
    ),
    _fact(
        "levels_below_target",
        _N,
        _ASSESSMENT,
        "Levels between the latest estimate and the profile's target on that assessment's "
        "ladder (0 at or above target); null without an estimate or when the ladder lacks "
        "the target.",
        nullable=True,
    ),
    _fact(
        "checked_in_this_week",
        _B,
        _CHECKIN,
        "True when the current ISO week (Monday to Sunday) has a check-in.",
    ),
    _fact(
        "weeks_since_checkin",
        _N,
        _CHECKIN,
        "ISO weeks from the latest check-in's week to the current week (0 = this week); "
        "null when there has never been a check-in.",
        nullable=True,
    ),
    _fact(
        "recent_checkins",
        _N,
        _CHECKIN,
        f"How many check-ins the *_hours_recent facts add up: the {RECENT_CHECKINS} most "
        f"recent check-ins of the last {RECENT_CHECKIN_WEEKS} ISO weeks, this week "
        "included (0 to 4).",
    ),
    _fact("assigned_hours_recent", _N, _CHECKIN, "Assigned-work hours of the recent check-ins."),
    _fact("helping_hours_recent", _N, _CHECKIN, "Helping-others hours of the recent check-ins."),
    _fact("learning_hours_recent", _N, _CHECKIN, "Learning hours of the recent check-ins."),
    _fact("solo_hours_recent", _N, _CHECKIN, "Solo-project hours of the recent check-ins."),
    _fact(
        "prototypes_by_stage",
        FactType.COUNT_BY_KEY,
        _PROTOTYPE,
        "Prototypes counted by their current stage; every stage token is a key, e.g. "
        "`prototypes_by_stage['building']`.",
    ),
    _fact(
        "prototypes_in_flight",
        _N,
        _PROTOTYPE,
        "Prototypes neither adopted nor shelved (idea, validating, building or demo).",
    ),
    _fact(
        "lone_prototype_hours",
        _N,
        _PROTOTYPE,
        "The most hours logged on one prototype now at validating, building or demo with "
        f"fewer than {LONE_PROTOTYPE_CONSULTED} people consulted; 0 when there is none.",
    ),
    _fact(
        "lone_prototype_title",
        _T,
        _PROTOTYPE,
        "Title of the prototype lone_prototype_hours measures; empty when there is none.",
    ),
    _fact(
        "lone_prototype_consulted",
        _N,
        _PROTOTYPE,
        "People consulted on that prototype (0 when there is none).",
    ),
    _fact(
        "built_without_validating",
        _N,
        _PROTOTYPE,
        "Prototypes now at building or demo whose history never passed the validating stage.",
    ),
    _fact(
        "unvalidated_prototype_title",
        _T,
        _PROTOTYPE,
        "Title of the most recently started of those prototypes; empty when there is none.",
    ),
    _fact(
        "shelved_no_appetite_365d",
        _N,
        _PROTOTYPE,
        "Prototypes now shelved with the reason 'no appetite in the organisation', shelved "
        f"in the last {APPETITE_WINDOW_DAYS} days.",
    ),
    _fact(
        "days_until_one_on_one",
        _N,
        _PROFILE,
        "Days from today to the next 1:1 (0 = today). A scheduled date that has passed "
        "moves forward by the profile's cadence; null when no 1:1 is scheduled.",
        nullable=True,
    ),
    _fact(
        "next_one_on_one",
        _T,
        _PROFILE,
        "The next 1:1 as YYYY-MM-DD, as above; empty when none is scheduled.",
    ),
    _fact("role", _T, _PROFILE, "The role written in the profile."),
    _fact("has_profile", _B, _PROFILE, "True once the user has saved a profile of their own."),
)

FACTS_BY_NAME: dict[str, FactSpec] = {spec.name: spec for spec in FACTS}
