"""A ledger entry: one piece of work, who it helped, its rubric and how well it is evidenced."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from careercoach.domain.rubric import Rubric

MAX_TITLE_LENGTH = 200
MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 5000
MAX_LINK_LENGTH = 2000
MAX_LINKS = 20
MAX_HOURS = 1000.0
EARLIEST_DATE = dt.date(1970, 1, 1)


class ContributionKind(StrEnum):
    """What kind of work an entry records; the values are the CLI and CSV tokens."""

    DOCUMENTATION = "documentation"
    EXAMPLES = "examples"
    TESTS = "tests"
    CODE_REVIEW = "code-review"
    FOLLOW_ON = "follow-on"
    MENTORING = "mentoring"
    CROSS_TEAM = "cross-team"
    KNOWLEDGE_SHARING = "knowledge-sharing"
    BUG_CAUGHT = "bug-caught"
    INTERVIEWING = "interviewing"
    DELIVERY = "delivery"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The kind as a person reads it."""
        return _KIND_LABELS[self]

    @property
    def helps_others(self) -> bool:
        """True for the kinds of work done to make teammates more effective."""
        return self in HELPING_KINDS


_KIND_LABELS = {
    ContributionKind.DOCUMENTATION: "Documentation",
    ContributionKind.EXAMPLES: "Examples / tutorials",
    ContributionKind.TESTS: "Tests",
    ContributionKind.CODE_REVIEW: "Code review",
    ContributionKind.FOLLOW_ON: "Follow-on work for a teammate",
    ContributionKind.MENTORING: "Mentoring / pairing",
    ContributionKind.CROSS_TEAM: "Cross-team support",
    ContributionKind.KNOWLEDGE_SHARING: "Knowledge sharing / talk",
    ContributionKind.BUG_CAUGHT: "Bug caught early",
    ContributionKind.INTERVIEWING: "Interviewing / hiring",
    ContributionKind.DELIVERY: "Assigned delivery",
    ContributionKind.OTHER: "Other",
}

HELPING_KINDS = frozenset(
    {
        ContributionKind.DOCUMENTATION,
        ContributionKind.EXAMPLES,
        ContributionKind.TESTS,
        ContributionKind.CODE_REVIEW,
        ContributionKind.FOLLOW_ON,
        ContributionKind.MENTORING,
        ContributionKind.CROSS_TEAM,
        ContributionKind.KNOWLEDGE_SHARING,
        ContributionKind.BUG_CAUGHT,
    }
)


class EvidenceStrength(StrEnum):
    """How well an entry is backed, weakest first; the values are the CLI and CSV tokens."""

    SELF_CLAIM = "self-claim"
    ARTIFACT = "artifact"
    PEER_CONFIRMED = "peer-confirmed"
    MANAGER_AGREED = "manager-agreed"

    @property
    def label(self) -> str:
        """The strength as a person reads it."""
        return _STRENGTH_LABELS[self]

    @property
    def rank(self) -> int:
        """1 for a self-claim up to 4 for manager-agreed (0 is kept for 'no evidence')."""
        return list(EvidenceStrength).index(self) + 1


_STRENGTH_LABELS = {
    EvidenceStrength.SELF_CLAIM: "Self-claim",
    EvidenceStrength.ARTIFACT: "Artifact",
    EvidenceStrength.PEER_CONFIRMED: "Peer-confirmed",
    EvidenceStrength.MANAGER_AGREED: "Manager-agreed",
}


@dataclass(frozen=True)
class Contribution:
    """One ledger entry. ``id`` is None until the entry is stored."""

    date: dt.date
    title: str
    kind: ContributionKind
    beneficiary: str = ""
    project: str = ""
    hours: float | None = None
    rubric: Rubric = field(default_factory=Rubric)
    external_challenges: str = ""
    outcome: str = ""
    links: tuple[str, ...] = ()
    feedback_quote: str = ""
    evidence: EvidenceStrength = EvidenceStrength.SELF_CLAIM
    competencies: tuple[str, ...] = ()
    id: int | None = None

    @property
    def helps_others(self) -> bool:
        """Helping-others work: a helping kind, or any entry that names who benefited."""
        return self.kind.helps_others or bool(self.beneficiary)

    def search_text(self) -> str:
        """Everything a search box matches against, lower-cased."""
        parts = (
            self.title,
            self.kind.label,
            self.beneficiary,
            self.project,
            self.outcome,
            self.external_challenges,
            self.feedback_quote,
            " ".join(self.links),
            " ".join(self.competencies),
        )
        return "\n".join(part for part in parts if part).casefold()
