"""A 1:1 summary built from known data: names to redact, markup-like text, a fixed period."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.coach import Suggestion
from careercoach.domain.coach_rules import Rule
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.ladder import Competency, Expectation, Ladder, Level
from careercoach.domain.profile import Profile
from careercoach.domain.prototype import Prototype, Stage, StageChange
from careercoach.domain.rubric import Rubric, Size
from careercoach.domain.summary_builder import SummaryInputs, build_summary
from careercoach.domain.summary_period import SummaryPeriod
from careercoach.domain.summary_report import SummaryReport

TODAY = dt.date(2026, 3, 31)
PERIOD = SummaryPeriod(dt.date(2026, 3, 1), TODAY)
USER = "Dana Okafor"
ROLE = "Machine Learning Engineer"

# Everyone and every project the redacted summary must hide.
PEOPLE = ("Priya Natarajan", "Wendell Briggs", "Marguerite Fontaine", "Odile Vasquez")
REVIEWER = "Hiroshi Tanaka"
PROJECTS = ("Falcon Migration", "Nightjar Search")
HIDDEN_NAMES = (*PEOPLE, REVIEWER, *PROJECTS)

# Text that would turn into markup if a renderer forgot to escape it.
MARKUP_TITLE = (
    "<img src=x onerror=alert(1)> **bold** _under_ # heading | pipe `tick` "
    "[x](http://y) <!-- c --> &amp; &#60; ~~gone~~ $m$ {attr} trailing   "
)
MARKUP_LINES = "- not a list\n1. not ordered\n> not quoted\n+ plus\n---\n=== \n   # indented"
MARKUP_QUOTE = '"Great <b>work</b>" & thanks\\ — *really*'

LEVELS = (
    Level("l1", "Engineer I"),
    Level("l2", "Engineer II"),
    Level("l3", "Senior Engineer"),
    Level("l4", "Staff Engineer"),
)
COMPETENCY_NAMES = ("Delivery", 'Craft & <code> "quality"', "Helping others", "Direction")
LADDER = Ladder(
    "eng",
    "Platform Engineering Ladder",
    "3.1",
    "",
    LEVELS,
    tuple(
        Competency(
            f"c{index}",
            name,
            ("Impact", "Craft", "People", "Impact")[index],
            expectations={level.id: Expectation(f"{name} at {level.id}") for level in LEVELS},
        )
        for index, name in enumerate(COMPETENCY_NAMES)
    ),
)

IN_PERIOD = (
    Contribution(
        dt.date(2026, 3, 3),
        "Paired with Priya Natarajan on the Falcon Migration cutover",
        ContributionKind.MENTORING,
        beneficiary="Priya Natarajan",
        project="Falcon Migration",
        rubric=Rubric(3, 4, 2, Size.M),
        feedback_quote="Priya Natarajan: it unblocked the whole team",
        evidence=EvidenceStrength.PEER_CONFIRMED,
        id=1,
    ),
    Contribution(
        dt.date(2026, 3, 10),
        MARKUP_TITLE,
        ContributionKind.CODE_REVIEW,
        beneficiary="Wendell Briggs",
        project="Nightjar Search",
        feedback_quote=MARKUP_QUOTE,
        evidence=EvidenceStrength.ARTIFACT,
        id=2,
    ),
    Contribution(
        dt.date(2026, 3, 20),
        "Shipped the ranking service rewrite",
        ContributionKind.DELIVERY,
        project="Nightjar Search",
        rubric=Rubric(4, 5, 3, Size.L),
        evidence=EvidenceStrength.MANAGER_AGREED,
        id=3,
    ),
    Contribution(
        TODAY,
        "Wrote the on-call handbook",
        ContributionKind.DOCUMENTATION,
        beneficiary="Marguerite Fontaine",
        id=4,
    ),
)
OUTSIDE_PERIOD = (
    Contribution(
        dt.date(2026, 2, 27),
        "Interviewed backend candidates",
        ContributionKind.INTERVIEWING,
        beneficiary=REVIEWER,
        id=5,
    ),
    Contribution(dt.date(2026, 4, 2), "Planned the spring offsite", ContributionKind.OTHER, id=6),
)

PROTOTYPE = Prototype(
    "Churn early-warning notebook",
    (
        StageChange(Stage.IDEA, dt.date(2026, 1, 5)),
        StageChange(Stage.BUILDING, dt.date(2026, 2, 10)),
    ),
    people_consulted=("Odile Vasquez",),
    consulted_count=1,
    reviewers=(REVIEWER,),
    hours=12.5,
    id=1,
)

ASSESSMENT = Assessment(
    "eng",
    "hash",
    "3.1",
    "l3",
    dt.date(2026, 3, 1),
    dt.date(2026, 3, 15),
    ratings=(
        Rating("c0", "l2", evidence_ids=(3,)),
        Rating("c1", "l3", evidence_ids=(2,), prototype_ids=(1,)),
        Rating("c2", "l3", evidence_ids=(1, 4)),
        Rating("c3", "l2"),
    ),
    finished_on=dt.date(2026, 3, 15),
)

RULE = Rule(
    "stop-building-alone",
    "Stop building alone",
    "prototypes",
    "true",
    "unused",
    "Prototypes built alone rarely get used.",
    10,
)
SUGGESTIONS = (
    Suggestion(RULE, "Show the churn notebook to three people who would use it.", ()),
    Suggestion(
        Rule("ask", "Ask for scope <b>", "growth", "true", "", "", 5),
        "Ask for an unscoped problem *now*",
        (),
    ),
)
TALKING_POINTS = ("Promotion timeline for Senior Engineer", "Mentoring Priya next quarter")
ASKS = ("More ownership of Nightjar Search", MARKUP_LINES)

IN_PERIOD_TITLES = tuple(entry.title for entry in IN_PERIOD)
OUTSIDE_TITLES = tuple(entry.title for entry in OUTSIDE_PERIOD)


def inputs(*, redact: bool = False) -> SummaryInputs:
    """The summary inputs of the known data."""
    return SummaryInputs(
        today=TODAY,
        period=PERIOD,
        profile=Profile(name=USER, role=ROLE, ladder_id="eng", target_level_id="l3"),
        entries=(*IN_PERIOD, *OUTSIDE_PERIOD),
        prototypes=(PROTOTYPE,),
        assessment=ASSESSMENT,
        ladder=LADDER,
        profile_ladder=LADDER,
        suggestions=SUGGESTIONS,
        talking_points=TALKING_POINTS,
        asks=ASKS,
        redact=redact,
    )


def report(*, redact: bool = False) -> SummaryReport:
    """The summary of the known data."""
    return build_summary(inputs(redact=redact))


def empty_report() -> SummaryReport:
    """The summary of a new user with no data at all."""
    return build_summary(SummaryInputs(today=TODAY, period=PERIOD, profile=Profile()))


def flat(text: str) -> str:
    """``text`` with every run of whitespace made one space, as a reader sees it."""
    return " ".join(text.split())


class ParsedHtml(HTMLParser):
    """The elements, attributes and text of an HTML page (text of <style> left out)."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.chunks: list[str] = []
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self.title = ""
        self.svg_texts: list[str] = []
        self._svg_text: list[str] | None = None
        self.feed(page)
        self.close()

    @property
    def text(self) -> str:
        """All visible text, whitespace flattened."""
        return flat(" ".join(self.chunks))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)
        if tag == "text":
            self._svg_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.unbalanced.append(tag)
        else:
            self.open.pop()
        if tag == "text" and self._svg_text is not None:
            self.svg_texts.append(flat(" ".join(self._svg_text)))
            self._svg_text = None

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "style":
            return
        if self.open and self.open[-1] == "title" and "svg" not in self.open:
            self.title += data
        if self._svg_text is not None:
            self._svg_text.append(data)
        self.chunks.append(data)


VOID_ELEMENTS = frozenset({"meta", "br", "img", "hr", "input", "link"})


def contains_word(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack``, ignoring case."""
    return re.search(re.escape(needle), haystack, re.IGNORECASE) is not None
