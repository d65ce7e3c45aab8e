"""``careercoach assess add`` and ``assess show``: outputs, the JSON shape and exit codes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from careercoach.domain.assessment import Assessment
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from tests.cli.test_evidence_cli import add_entries, app_services, cli, stored

TODAY = dt.date.today()
COMPETENCIES = (
    "ambiguity-and-scope",
    "technical-execution",
    "experimentation",
    "delivery",
    "collaboration",
    "communication",
    "direction",
    "learning-and-innovation",
)
GAPS = ("ambiguity-and-scope", "delivery", "direction")
LEVELS = {cid: "mid" if cid in GAPS else "senior" for cid in COMPETENCIES}
RATINGS = [arg for cid, level in LEVELS.items() for arg in ("--rating", f"{cid}={level}")]
POLICY = (
    "Highest level where at least 75% of competencies are rated at it or above "
    "and none is more than one level below it"
)
DETAIL = (
    "8 of 8 competencies at Data Scientist or above; the lowest is Data Scientist. "
    "Not Senior Data Scientist: 5 of 8 at it or above, 6 needed."
)
KEYS = [
    "id",
    "ladder_id",
    "ladder_version",
    "ladder_hash",
    "target_level_id",
    "period",
    "finished_on",
    "ratings",
    "estimate",
    "gaps",
    "evidence",
    "unsupported",
]


def history() -> tuple[Assessment, ...]:
    with app_services() as services:
        return services.assessments.history()


def seed_entries() -> tuple[int, int]:
    """A peer-confirmed review and an artifact; their ids (1 and 2 in a fresh database)."""
    past = TODAY - dt.timedelta(days=20)
    add_entries(
        Contribution(
            past,
            "Reviewed the pricing model",
            ContributionKind.CODE_REVIEW,
            evidence=EvidenceStrength.PEER_CONFIRMED,
            competencies=("technical-execution",),
        ),
        Contribution(
            past,
            "Delivered the forecast refresh",
            ContributionKind.DELIVERY,
            evidence=EvidenceStrength.ARTIFACT,
            competencies=("delivery",),
        ),
    )
    with app_services() as services:
        ids = sorted(entry.id for entry in services.ledger.entries() if entry.id is not None)
    return ids[0], ids[1]


def shown(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = cli(capsys, "assess", "show", "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert list(document) == ["assessment"]
    assessment: dict[str, object] = document["assessment"]
    return assessment


# ---------------------------------------------------------------- success


def test_assess_add_prints_the_id_and_show_json_gives_every_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    review, delivery = seed_entries()
    code, out, err = cli(
        capsys,
        "assess",
        "add",
        *RATINGS,
        "--evidence",
        f"technical-execution={review}",
        "--evidence",
        f"delivery={delivery}",
        "--evidence",
        f"delivery={review}",
    )
    assert (code, err) == (0, "")
    [stored_one] = history()
    assert out == f"{stored_one.id}\n"

    assessment = shown(capsys)
    assert list(assessment) == KEYS
    with app_services() as services:
        content_hash = services.ladders.get_stored("data-science-ic").content_hash
    start = TODAY - dt.timedelta(days=90)
    assert assessment["id"] == stored_one.id
    assert (assessment["ladder_id"], assessment["ladder_version"]) == ("data-science-ic", "1.0")
    assert assessment["ladder_hash"] == content_hash
    assert assessment["target_level_id"] == "senior"
    assert assessment["period"] == {"start": start.isoformat(), "end": TODAY.isoformat()}
    assert assessment["finished_on"] == TODAY.isoformat()
    assert assessment["ratings"] == [
        {
            "competency_id": cid,
            "level_id": LEVELS[cid],
            "confidence": "medium",
            "notes": "",
            "evidence_ids": {
                "technical-execution": [review],
                "delivery": [delivery, review],
            }.get(cid, []),
            "prototype_ids": [],
        }
        for cid in COMPETENCIES
    ]
    assert assessment["estimate"] == {
        "level": "mid",
        "label": "Data Scientist",
        "policy": POLICY,
        "detail": DETAIL,
    }
    gaps = assessment["gaps"]
    assert isinstance(gaps, list)
    assert [gap["competency_id"] for gap in gaps] == list(GAPS)
    delivery_gap = gaps[1]
    assert list(delivery_gap) == [
        "competency_id",
        "rated_level_id",
        "target_level_id",
        "steps",
        "expectation",
        "evidence_ids",
        "prototype_ids",
    ]
    assert (delivery_gap["rated_level_id"], delivery_gap["target_level_id"]) == ("mid", "senior")
    assert delivery_gap["steps"] == 1
    assert delivery_gap["expectation"]["summary"].startswith(
        "Delivers projects involving several people end to end"
    )
    assert len(delivery_gap["expectation"]["signals"]) >= 2
    assert delivery_gap["evidence_ids"] == [delivery, review]
    assert delivery_gap["prototype_ids"] == []
    assert assessment["evidence"] == {
        cid: {"technical-execution": "peer-confirmed", "delivery": "peer-confirmed"}.get(
            cid, "none"
        )
        for cid in COMPETENCIES
    }
    assert assessment["unsupported"] == [
        cid for cid in COMPETENCIES if cid not in {"technical-execution", "delivery"}
    ]


def test_assess_show_text_is_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    review, _ = seed_entries()
    evidence = ["--evidence", f"technical-execution={review}"]
    assert cli(capsys, "assess", "add", *RATINGS, *evidence)[0] == 0
    [assessment] = history()

    code, out, err = cli(capsys, "assess", "show")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    start = (TODAY - dt.timedelta(days=90)).isoformat()
    assert lines[:5] == [
        f"Assessment {assessment.id}: Data Science IC version 1.0, {start} to "
        f"{TODAY.isoformat()} (finished {TODAY.isoformat()})",
        "Estimate: Data Scientist",
        f"  Policy: {POLICY}",
        f"  Detail: {DETAIL}",
        "Target: Senior Data Scientist",
    ]
    header = next(line for line in lines if line.startswith("Competency "))
    assert header.split() == ["Competency", "Rated", "Target", "Evidence"]
    technical = next(line for line in lines if line.startswith("Technical execution "))
    assert technical.endswith("peer-confirmed")
    assert technical.count("Senior Data Scientist") == 2
    delivery = next(line for line in lines if line.startswith("Delivery "))
    assert "Data Scientist" in delivery
    assert delivery.endswith("none (no evidence yet)")
    assert len([line for line in lines if line.endswith("(no evidence yet)")]) == 7
    gaps = lines[lines.index("Gaps to Senior Data Scientist:") :]
    assert gaps[1:3] == [
        "  Handling ambiguity and scope: rated Data Scientist, 1 level below",
        "    Senior Data Scientist expects: Takes an ambiguous problem end to end, from framing "
        "it to a decision made or a model in production, and breaks it into pieces others "
        "can pick up. Delegates parts of the work and keeps the whole coherent.",
    ]
    assert "  Delivery: rated Data Scientist, 1 level below" in gaps
    assert "  Direction and strategy: rated Data Scientist, 1 level below" in gaps
    assert len(gaps) == 1 + 2 * len(GAPS)


def test_assess_show_gives_the_latest_and_no_gaps_at_the_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli(capsys, "assess", "add", *RATINGS)[0] == 0
    all_senior = [arg for cid in COMPETENCIES for arg in ("--rating", f"{cid}=senior")]
    code, out, _ = cli(capsys, "assess", "add", *all_senior)
    assert code == 0
    assessment = shown(capsys)
    assert assessment["id"] == int(out)
    assert assessment["estimate"] == {
        "level": "senior",
        "label": "Senior Data Scientist",
        "policy": POLICY,
        "detail": "8 of 8 competencies at Senior Data Scientist or above; the lowest is "
        "Senior Data Scientist. Not Staff Data Scientist: 0 of 8 at it or above, 6 needed.",
    }
    assert assessment["gaps"] == []
    text = cli(capsys, "assess", "show")[1].splitlines()
    assert text[-1] == "No gaps: every competency is rated at Senior Data Scientist or above."


def test_assess_show_without_an_assessment(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "assess", "show") == (
        0,
        "no assessment yet (start one in the app, or: "
        "careercoach assess add --rating COMPETENCY_ID=LEVEL_ID ...)\n",
        "",
    )
    assert shown(capsys) is None


# ---------------------------------------------------------------- refusals


def _without(competency_id: str) -> list[str]:
    """The ``--rating`` options of every competency but ``competency_id``."""
    return [
        arg
        for cid, level in LEVELS.items()
        if cid != competency_id
        for arg in ("--rating", f"{cid}={level}")
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            _without("learning-and-innovation"),
            "careercoach: every competency must be rated; missing: learning-and-innovation",
        ),
        ([], "missing: ambiguity-and-scope, technical-execution, experimentation"),
        (
            [*RATINGS, "--rating", "direction=senior"],
            "careercoach: 'direction' is rated more than once",
        ),
        ([*RATINGS, "--rating", "direction"], "argument --rating: 'direction' is not "),
        ([*RATINGS, "--rating", "=mid"], "'=mid' is not COMPETENCY_ID=LEVEL_ID"),
        ([*RATINGS, "--rating", "direction="], "'direction=' is not COMPETENCY_ID=LEVEL_ID"),
        ([*RATINGS, "--rating", "dir ection=mid"], "is not COMPETENCY_ID=LEVEL_ID"),
        ([*RATINGS, "--rating", "dir\nection=mid"], "'dir ection=mid' is not"),
        ([*RATINGS, "--rating", "nope=mid"], "ladder 'data-science-ic' has no competency nope"),
        (
            [*_without("delivery"), "--rating", "delivery=boss"],
            "ladder 'data-science-ic' has no level boss (its levels: associate, mid",
        ),
        ([*RATINGS, "--evidence", "delivery=4242"], "careercoach: there is no ledger entry 4242"),
        ([*RATINGS, "--evidence", "delivery=0"], "'delivery=0': there is no ledger entry 0"),
        ([*RATINGS, "--evidence", "delivery=-3"], "there is no ledger entry -3"),
        ([*RATINGS, "--evidence", f"delivery={2**63}"], "there is no ledger entry"),
        ([*RATINGS, "--evidence", "delivery=x"], "'x' is not an entry id (a whole number)"),
        ([*RATINGS, "--evidence", "delivery"], "'delivery' is not COMPETENCY_ID=ENTRY_ID"),
        ([*RATINGS, "--evidence", "nope=1"], "has no competency nope"),
        ([*RATINGS, "--rating"], "argument --rating: expected one argument"),
        ([*RATINGS, "--now"], "unrecognized arguments: --now"),
    ],
    ids=[
        "unrated",
        "no-ratings",
        "rated-twice",
        "no-equals",
        "no-competency",
        "no-level",
        "blank-inside",
        "line-break",
        "unknown-competency",
        "unknown-level",
        "unknown-entry",
        "entry-zero",
        "entry-negative",
        "entry-too-big",
        "entry-not-a-number",
        "evidence-no-equals",
        "evidence-unknown-competency",
        "rating-without-value",
        "unknown-option",
    ],
)
def test_assess_add_refuses_bad_input_with_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    seed_entries()
    assert cli(capsys, "assess", "add", *RATINGS)[0] == 0  # something to compare against
    before, evidence = history(), stored()

    code, out, err = cli(capsys, "assess", "add", *argv)

    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    assert message in err
    assert history() == before
    assert stored() == evidence


def test_assess_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "assess")
    assert (code, out) == (2, "")
    assert err == "careercoach assess: the following arguments are required: ACTION (see --help)\n"
