"""The evidence commands: ``log``, ``prototype`` and ``checkin``, their outputs and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.prototype import Dataset, Prototype, ShelveReason, Stage, StageChange
from careercoach.domain.rubric import Rubric, Size
from careercoach.paths import resolve_database_url, resolve_paths
from careercoach.services.app_services import AppServices, open_services
from tests.cli.test_cli import run
from tests.database_backends import DatabaseBackend

TODAY = dt.date.today()
PAST = dt.date(2025, 3, 12)
KINDS = ", ".join(kind.value for kind in ContributionKind)


@contextmanager
def app_services() -> Iterator[AppServices]:
    """The services over the test's data dir, as the CLI opens them."""
    paths = resolve_paths(None, os.environ)
    services = open_services(paths, resolve_database_url(None, os.environ, paths))
    try:
        yield services
    finally:
        services.close()


@dataclass(frozen=True)
class Stored:
    """Everything the evidence commands can write."""

    entries: tuple[Contribution, ...]
    prototypes: tuple[Prototype, ...]
    checkins: tuple[CheckIn, ...]


def stored() -> Stored:
    with app_services() as services:
        return Stored(
            services.ledger.entries(),
            services.prototypes.prototypes(),
            services.checkins.checkins(),
        )


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run a command; whatever happens, no traceback reaches the terminal."""
    code, out, err = run(capsys, *argv)
    assert "Traceback" not in out + err
    return code, out, err


def assert_refused(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    """``argv`` exits 2 with one line naming the problem, and stores nothing."""
    before = stored()
    code, out, err = cli(capsys, *argv)
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    assert message in err
    assert stored() == before


def add_entries(*entries: Contribution) -> None:
    with app_services() as services:
        services.ledger.add_many(entries)


def listed_entries(capsys: pytest.CaptureFixture[str], *options: str) -> list[dict[str, object]]:
    code, out, err = cli(capsys, "log", "list", "--json", *options)
    assert (code, err) == (0, "")
    entries: list[dict[str, object]] = json.loads(out)["entries"]
    return entries


def seed_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    """One record of each kind, so that 'nothing stored' compares against real data."""
    assert cli(capsys, "log", "add", "--kind", "tests", "--title", "Baseline")[0] == 0
    assert cli(capsys, "prototype", "add", "--title", "Baseline")[0] == 0
    checkin = ["--assigned", "30", "--helping", "5", "--learning", "2", "--solo", "1"]
    assert cli(capsys, "checkin", "add", "--week", "2025-W10", *checkin)[0] == 0


# ---------------------------------------------------------------- log add


def test_log_add_prints_the_id_and_stores_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(
        capsys,
        "log",
        "add",
        "--kind",
        "code-review",
        "--title",
        "Reviewed Mei's backfill PR",
        "--date",
        "2025-03-12",
        "--hours",
        "1.5",
        "--ambiguity",
        "2",
        "--complexity",
        "3",
        "--cross-functional",
        "4",
        "--size",
        "M",
        "--beneficiary",
        "Mei",
        "--project",
        "Recommender",
        "--feedback",
        "Caught the off-by-one before release",
        "--evidence",
        "peer-confirmed",
        "--outcome",
        "Backfill shipped on time",
        "--competency",
        "collaboration",
        "--competency",
        "technical-execution",
        "--link",
        "https://git.example/pr/1",
        "--link",
        "https://git.example/pr/2",
    )
    assert (code, out, err) == (0, "1\n", "")
    [entry] = stored().entries
    assert entry == Contribution(
        date=PAST,
        title="Reviewed Mei's backfill PR",
        kind=ContributionKind.CODE_REVIEW,
        beneficiary="Mei",
        project="Recommender",
        hours=1.5,
        rubric=Rubric(ambiguity=2, complexity=3, cross_functional=4, size=Size.M),
        outcome="Backfill shipped on time",
        links=("https://git.example/pr/1", "https://git.example/pr/2"),
        feedback_quote="Caught the off-by-one before release",
        evidence=EvidenceStrength.PEER_CONFIRMED,
        competencies=("collaboration", "technical-execution"),
        id=1,
    )
    assert cli(capsys, "log", "add", "--kind", "tests", "--title", "Second")[1] == "2\n"


def test_log_add_defaults_to_today_and_a_self_claim(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "log", "add", "--kind", "documentation", "--title", "Docs")[0] == 0
    [entry] = stored().entries
    assert entry.date == TODAY
    assert entry.evidence is EvidenceStrength.SELF_CLAIM
    assert entry.rubric == Rubric()
    assert (entry.hours, entry.links, entry.competencies) == (None, (), ())


def test_log_add_tokens_ignore_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = cli(
        capsys,
        "log",
        "add",
        "--kind",
        "Bug-Caught",
        "--title",
        "Spotted a leak",
        "--size",
        "xl",
        "--evidence",
        "MANAGER-AGREED",
    )
    assert code == 0
    [entry] = stored().entries
    assert entry.kind is ContributionKind.BUG_CAUGHT
    assert entry.rubric.size is Size.XL
    assert entry.evidence is EvidenceStrength.MANAGER_AGREED


LOG_ADD = ["log", "add", "--kind", "tests", "--title", "Added tests"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--kind", "frob"], f"unknown kind 'frob' (choose one of: {KINDS})"),
        (["--size", "XXL"], "unknown size 'XXL' (choose one of: S, M, L, XL)"),
        (["--evidence", "rumour"], "unknown evidence strength 'rumour'"),
        (["--date", "2025-02-30"], "'2025-02-30' is not a date of the form YYYY-MM-DD"),
        (["--date", "last week"], "'last week' is not a date"),
        (
            ["--date", (TODAY + dt.timedelta(days=1)).isoformat()],
            f"{(TODAY + dt.timedelta(days=1)).isoformat()} is in the future",
        ),
        (["--date", "1969-12-31"], "date: must not be before 1970-01-01"),
        (["--hours", "abc"], "'abc' is not a number of hours"),
        (["--hours", "-2"], "hours: must be a number from 0 to 1000"),
        (["--hours", "5000"], "hours: must be a number from 0 to 1000"),
        (["--hours", "nan"], "hours: must be a number from 0 to 1000"),
        (["--ambiguity", "0"], "ambiguity: must be from 1 to 5, not 0"),
        (["--ambiguity", "6"], "ambiguity: must be from 1 to 5, not 6"),
        (["--complexity", "2.5"], "'2.5' is not a whole number from 1 to 5"),
        (["--complexity", "high"], "'high' is not a whole number from 1 to 5"),
        (["--cross-functional", "9"], "cross-functional: must be from 1 to 5, not 9"),
        (["--title", "   "], "title: is required"),
        (["--competency", "Not An Id"], "'Not An Id' is not a competency id"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    ],
)
def test_log_add_refuses_bad_input_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    seed_baseline(capsys)
    assert_refused(capsys, [*LOG_ADD, *extra], message)


def test_log_add_names_every_bad_field_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert_refused(
        capsys,
        [*LOG_ADD, "--ambiguity", "7", "--hours", "-1"],
        "the entry cannot be saved: hours: must be a number from 0 to 1000; "
        "ambiguity: must be from 1 to 5, not 7",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["log", "add", "--title", "x"], "the following arguments are required: --kind"),
        (["log", "add", "--kind", "tests"], "the following arguments are required: --title"),
        (["log"], "the following arguments are required: ACTION"),
    ],
)
def test_log_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = cli(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.splitlines() == [err.strip()]
    assert message in err


# ---------------------------------------------------------------- log list


def entry_on(
    day: dt.date, title: str, kind: ContributionKind = ContributionKind.TESTS
) -> Contribution:
    return Contribution(day, title, kind)


def test_log_list_prints_every_one_of_250_entries(capsys: pytest.CaptureFixture[str]) -> None:
    start = dt.date(2024, 1, 1)
    add_entries(*(entry_on(start + dt.timedelta(days=n), f"Entry {n}") for n in range(250)))
    code, out, err = cli(capsys, "log", "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 250
    assert lines[0].endswith("Entry 249")
    assert lines[-1].endswith("Entry 0")
    entries = listed_entries(capsys)
    assert len(entries) == 250
    assert [entry["title"] for entry in entries] == [f"Entry {n}" for n in reversed(range(250))]


def test_log_list_text_is_one_aligned_line_per_entry(capsys: pytest.CaptureFixture[str]) -> None:
    add_entries(
        *(entry_on(dt.date(2025, 1, 1), f"Old {n}") for n in range(9)),
        entry_on(dt.date(2025, 3, 1), "Talk on uplift models", ContributionKind.KNOWLEDGE_SHARING),
        entry_on(dt.date(2025, 3, 2), "Docs for the API", ContributionKind.DOCUMENTATION),
    )
    code, out, _ = cli(capsys, "log", "list", "--since", "2025-02-01")
    assert code == 0
    assert out == (
        "11  2025-03-02  documentation      Docs for the API\n"
        "10  2025-03-01  knowledge-sharing  Talk on uplift models\n"
    )
    code, out, _ = cli(capsys, "log", "list")
    assert out.splitlines()[-1] == "1   2025-01-01  tests              Old 0"


def test_a_title_over_several_lines_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "log", "add", "--kind", "tests", "--title", "Two\nlines")
    assert (code, out) == (2, "")
    assert err == (
        "careercoach: the entry cannot be saved: title: must be one line, "
        "without control characters\n"
    )
    assert listed_entries(capsys) == []


def test_log_list_with_nothing_to_show_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "log", "list")
    assert (code, err) == (0, "")
    assert out == "no entries yet (add one with: careercoach log add --kind KIND --title TEXT)\n"
    code, out, _ = cli(capsys, "log", "list", "--kind", "tests", "--since", "2025-01-01")
    assert out == "no entries of kind tests since 2025-01-01\n"
    assert listed_entries(capsys) == []


def test_log_list_filters_are_inclusive(capsys: pytest.CaptureFixture[str]) -> None:
    add_entries(
        entry_on(dt.date(2025, 1, 31), "Before"),
        entry_on(dt.date(2025, 2, 1), "First day"),
        entry_on(dt.date(2025, 2, 14), "Middle", ContributionKind.MENTORING),
        entry_on(dt.date(2025, 2, 28), "Last day"),
        entry_on(dt.date(2025, 3, 1), "After"),
    )

    def titles(*options: str) -> list[object]:
        return [entry["title"] for entry in listed_entries(capsys, *options)]

    assert titles("--since", "2025-02-01", "--until", "2025-02-28") == [
        "Last day",
        "Middle",
        "First day",
    ]
    assert titles("--since", "2025-02-28") == ["After", "Last day"]
    assert titles("--until", "2025-02-01") == ["First day", "Before"]
    assert titles("--since", "2025-02-14", "--until", "2025-02-14") == ["Middle"]
    assert titles("--kind", "mentoring") == ["Middle"]
    assert titles("--kind", "TESTS", "--until", "2025-02-01") == ["First day", "Before"]
    code, out, _ = cli(capsys, "log", "list", "--kind", "mentoring")
    assert (code, out) == (0, "3  2025-02-14  mentoring  Middle\n")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--since", "2025-03-01", "--until", "2025-02-01"],
            "--since 2025-03-01 is after --until",
        ),
        (["--since", "yesterday"], "'yesterday' is not a date of the form YYYY-MM-DD"),
        (["--until", "2025-13-01"], "'2025-13-01' is not a date"),
        (["--kind", "heroics"], "unknown kind 'heroics'"),
    ],
)
def test_log_list_refuses_bad_filters(
    capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    code, out, err = cli(capsys, "log", "list", *options)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert message in err


def test_log_list_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    add_entries(
        Contribution(
            date=dt.date(2025, 3, 12),
            title="Wrote the onboarding guide",
            kind=ContributionKind.DOCUMENTATION,
            beneficiary="New hires",
            project="Onboarding",
            hours=6.5,
            rubric=Rubric(ambiguity=3, complexity=2, cross_functional=4, size=Size.L),
            external_challenges="The wiki was down for a day",
            outcome="Ramp-up down to a week",
            links=("https://wiki.example/onboarding",),
            feedback_quote="The best guide we have",
            evidence=EvidenceStrength.MANAGER_AGREED,
            competencies=("communication",),
        ),
        entry_on(dt.date(2025, 3, 1), "Unrated"),
    )
    rated, unrated = listed_entries(capsys)
    assert rated == {
        "id": 1,
        "date": "2025-03-12",
        "title": "Wrote the onboarding guide",
        "kind": "documentation",
        "beneficiary": "New hires",
        "project": "Onboarding",
        "hours": 6.5,
        "ambiguity": 3,
        "complexity": 2,
        "cross_functional": 4,
        "size": "L",
        "difficulty": {
            "score": 3.1,
            "band": "demanding",
            "explanation": "3.1 of 5 (demanding) from ambiguity 3, complexity 2, "
            "cross-functional 4, size L",
        },
        "external_challenges": "The wiki was down for a day",
        "outcome": "Ramp-up down to a week",
        "links": ["https://wiki.example/onboarding"],
        "feedback": "The best guide we have",
        "evidence": "manager-agreed",
        "competencies": ["communication"],
    }
    assert unrated == {
        "id": 2,
        "date": "2025-03-01",
        "title": "Unrated",
        "kind": "tests",
        "beneficiary": "",
        "project": "",
        "hours": None,
        "ambiguity": None,
        "complexity": None,
        "cross_functional": None,
        "size": None,
        "difficulty": None,
        "external_challenges": "",
        "outcome": "",
        "links": [],
        "feedback": "",
        "evidence": "self-claim",
        "competencies": [],
    }


# ---------------------------------------------------------------- log export / import


def test_log_export_then_import_elsewhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database_backend: DatabaseBackend
) -> None:
    add_entries(
        entry_on(dt.date(2025, 1, 5), "=SUM(A1) is not a formula"),
        entry_on(dt.date(2025, 1, 6), "Second", ContributionKind.FOLLOW_ON),
        entry_on(dt.date(2025, 1, 7), "Third"),
    )
    exported = tmp_path / "ledger.csv"
    code, out, err = cli(capsys, "log", "export", "-o", str(exported))
    assert (code, out, err) == (0, f"exported 3 entries to {exported}\n", "")
    original = listed_entries(capsys)

    other = database_backend.data_dir_args(tmp_path / "other")
    code, out, err = cli(capsys, *other, "log", "import", str(exported))
    assert (code, out, err) == (0, "imported 3 entries (0 already in the ledger)\n", "")
    code, out, _ = cli(capsys, *other, "log", "import", str(exported))
    assert (code, out) == (0, "imported 0 entries (3 already in the ledger)\n")
    code, out, _ = cli(capsys, *other, "log", "list", "--json")
    assert json.loads(out)["entries"] == original


def test_log_export_of_an_empty_ledger_and_singular_wording(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.csv"
    assert cli(capsys, "log", "export", "-o", str(empty))[1] == f"exported 0 entries to {empty}\n"
    add_entries(entry_on(PAST, "Only one"))
    one = tmp_path / "one.csv"
    assert cli(capsys, "log", "export", "-o", str(one))[1] == f"exported 1 entry to {one}\n"


def test_log_import_is_all_or_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seed_baseline(capsys)
    path = tmp_path / "mixed.csv"
    path.write_text(
        "date,title,kind\n2025-01-05,Fine row,tests\n2025-01-06,Bad row,heroics\n",
        encoding="utf-8",
    )
    assert_refused(capsys, ["log", "import", str(path)], "nothing was imported")
    err = cli(capsys, "log", "import", str(path))[2]
    assert err.startswith(f"careercoach: {path}: ")
    assert "row 3 (kind)" in err


def test_log_import_of_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_refused(capsys, ["log", "import", str(tmp_path / "nope.csv")], "no such file")


def test_log_export_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "log", "export")
    assert (code, out) == (2, "")
    assert "required: -o/--output" in err


# ---------------------------------------------------------------- prototype add


def test_prototype_add_starts_as_an_idea_today(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "prototype", "add", "--title", "Churn explainer")
    assert (code, out, err) == (0, "1\n", "")
    [prototype] = stored().prototypes
    assert prototype == Prototype(
        title="Churn explainer", history=(StageChange(Stage.IDEA, TODAY),), id=1
    )


def test_prototype_add_with_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(
        capsys,
        "prototype",
        "add",
        "--title",
        "Ticket labeller",
        "--stage",
        "Building",
        "--consulted",
        "7",
        "--hours",
        "12.5",
        "--dataset",
        "UCI Adult",
    )
    assert (code, out) == (0, "1\n")
    [prototype] = stored().prototypes
    assert prototype.history == (StageChange(Stage.BUILDING, TODAY),)
    assert prototype.consulted_count == 7
    assert prototype.hours == 12.5
    assert prototype.dataset == Dataset(name="UCI Adult")


def test_prototype_add_shelved_keeps_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["prototype", "add", "--title", "Feature store", "--stage", "shelved"]
    code, out, _ = cli(capsys, *argv, "--shelved-reason", "The platform team built one")
    assert (code, out) == (0, "1\n")
    [prototype] = stored().prototypes
    assert prototype.history == (StageChange(Stage.SHELVED, TODAY, "The platform team built one"),)
    assert prototype.shelved_reason == "The platform team built one"


PROTOTYPE_ADD = ["prototype", "add", "--title", "Idea"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--stage", "finished"], "unknown stage 'finished' (choose one of: idea, validating,"),
        (["--consulted", "many"], "'many' is not a whole number of 0 or more"),
        (["--consulted", "-1"], "'-1' is not a whole number of 0 or more"),
        (["--consulted", "100001"], "consulted: must be a whole number from 0 to 100000"),
        (["--hours", "lots"], "'lots' is not a number of hours"),
        (["--hours", "-3"], "hours: must be a number from 0 to 10000"),
        (["--title", ""], "title: is required"),
        (
            ["--shelved-reason", "no time"],
            "--shelved-reason is only allowed with --stage shelved (the stage is idea)",
        ),
        (
            ["--stage", "demo", "--shelved-reason", "no time"],
            "--shelved-reason is only allowed with --stage shelved (the stage is demo)",
        ),
    ],
)
def test_prototype_add_refuses_bad_input_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    seed_baseline(capsys)
    assert_refused(capsys, [*PROTOTYPE_ADD, *extra], message)


def test_prototype_add_needs_a_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert_refused(capsys, ["prototype", "add"], "the following arguments are required: --title")


# ---------------------------------------------------------------- prototype stage


def store_prototype(*history: StageChange) -> int:
    with app_services() as services:
        stored_prototype = services.prototypes.add(Prototype(title="Uplift", history=history))
    assert stored_prototype.id is not None
    return stored_prototype.id


def test_prototype_stage_moves_it_and_keeps_the_history(
    capsys: pytest.CaptureFixture[str],
) -> None:
    prototype_id = store_prototype(StageChange(Stage.IDEA, dt.date(2025, 5, 1)))
    code, out, err = cli(
        capsys,
        "prototype",
        "stage",
        str(prototype_id),
        "VALIDATING",
        "--date",
        "2025-05-20",
        "--reason",
        "Asked five analysts",
    )
    assert (code, out, err) == (0, f"prototype {prototype_id}: validating since 2025-05-20\n", "")
    code, out, _ = cli(capsys, "prototype", "stage", str(prototype_id), "building")
    assert (code, out) == (0, f"prototype {prototype_id}: building since {TODAY.isoformat()}\n")
    [prototype] = stored().prototypes
    assert prototype.history == (
        StageChange(Stage.IDEA, dt.date(2025, 5, 1)),
        StageChange(Stage.VALIDATING, dt.date(2025, 5, 20), "Asked five analysts"),
        StageChange(Stage.BUILDING, TODAY),
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["1", "building", "--date", "2025-05-19"], "2025-05-19 is before its last stage change"),
        (["1", "validating"], "prototype 1 is already at the stage 'validating'"),
        (["99", "building"], "there is no prototype 99"),
        (["one", "building"], "'one' is not an id (a whole number)"),
        (["1", "shipped"], "unknown stage 'shipped'"),
        (["1", "building", "--date", "20th May"], "'20th May' is not a date"),
        (
            ["1", "building", "--date", (TODAY + dt.timedelta(days=2)).isoformat()],
            "is in the future",
        ),
        (["1"], "the following arguments are required: STAGE"),
    ],
)
def test_prototype_stage_refuses_bad_input_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    store_prototype(
        StageChange(Stage.IDEA, dt.date(2025, 5, 1)),
        StageChange(Stage.VALIDATING, dt.date(2025, 5, 20)),
    )
    assert_refused(capsys, ["prototype", "stage", *argv], message)


# ---------------------------------------------------------------- prototype list


def test_prototype_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "prototype", "list")
    assert (code, out, err) == (
        0,
        "no prototypes yet (add one with: careercoach prototype add --title TEXT)\n",
        "",
    )
    store_prototype(StageChange(Stage.IDEA, dt.date(2025, 5, 1)))
    with app_services() as services:
        services.prototypes.add(
            Prototype(
                title="Shelved thing",
                history=(
                    StageChange(Stage.IDEA, dt.date(2025, 6, 1)),
                    StageChange(Stage.SHELVED, dt.date(2025, 6, 9), "no data"),
                ),
            )
        )
    code, out, _ = cli(capsys, "prototype", "list")
    assert code == 0
    assert out == ("2  shelved  2025-06-09  Shelved thing\n1  idea     2025-05-01  Uplift\n")


def test_prototype_list_json_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database_backend: DatabaseBackend
) -> None:
    with app_services() as services:
        services.prototypes.add(
            Prototype(
                title="Label suggester",
                history=(
                    StageChange(Stage.IDEA, dt.date(2025, 4, 1)),
                    StageChange(
                        Stage.SHELVED,
                        dt.date(2025, 4, 30),
                        "Support chose a vendor",
                        ShelveReason.SUPERSEDED,
                    ),
                ),
                pitch="Suggest labels for new tickets",
                learning_goal="Text classification",
                dataset=Dataset("Support tickets", "https://data.example", "CC-BY-4.0"),
                people_consulted=("Ana", "Raj"),
                consulted_count=5,
                reviewers=("Mei",),
                feedback="Useful, but the vendor does it",
                hours=14.0,
                demo_link="https://demo.example",
                outcome="Shelved",
                competencies=("learning-and-innovation",),
            )
        )
    code, out, err = cli(capsys, "prototype", "list", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "prototypes": [
            {
                "id": 1,
                "title": "Label suggester",
                "stage": "shelved",
                "stage_since": "2025-04-30",
                "started": "2025-04-01",
                "history": [
                    {"stage": "idea", "date": "2025-04-01", "reason": "", "shelved_because": None},
                    {
                        "stage": "shelved",
                        "date": "2025-04-30",
                        "reason": "Support chose a vendor",
                        "shelved_because": "superseded",
                    },
                ],
                "pitch": "Suggest labels for new tickets",
                "learning_goal": "Text classification",
                "dataset": {
                    "name": "Support tickets",
                    "source": "https://data.example",
                    "licence": "CC-BY-4.0",
                },
                "people_consulted": ["Ana", "Raj"],
                "consulted": 5,
                "reviewers": ["Mei"],
                "feedback": "Useful, but the vendor does it",
                "hours": 14.0,
                "demo_link": "https://demo.example",
                "outcome": "Shelved",
                "competencies": ["learning-and-innovation"],
                "shelved_reason": "Support chose a vendor",
                "shelved_because": "superseded",
            }
        ]
    }
    empty = [*database_backend.data_dir_args(tmp_path / "empty"), "prototype", "list", "--json"]
    assert cli(capsys, *empty)[1] == '{\n  "prototypes": []\n}\n'


# ---------------------------------------------------------------- checkin add

HOURS = ["--assigned", "25", "--helping", "10", "--learning", "3.5", "--solo", "1.5"]


def test_checkin_add_prints_the_week_and_stores_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "checkin", "add", "--week", "2025-W10", *HOURS, "--note", "Good")
    assert (code, out, err) == (0, "2025-W10\n", "")
    assert stored().checkins == (CheckIn(IsoWeek(2025, 10), 25.0, 10.0, 3.5, 1.5, "Good"),)


def test_checkin_twice_for_a_week_replaces_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "checkin", "add", "--week", "2025-W10", *HOURS, "--note", "First")[0] == 0
    assert cli(capsys, "checkin", "add", "--week", "2025-W11", *HOURS)[0] == 0
    code, out, err = cli(
        capsys,
        "checkin",
        "add",
        "--week",
        "2025-W10",
        "--assigned",
        "30",
        "--helping",
        "4",
        "--learning",
        "2",
        "--solo",
        "0",
    )
    assert (code, out) == (0, "2025-W10\n")
    assert err == "careercoach: replaced the earlier check-in of 2025-W10\n"
    assert stored().checkins == (
        CheckIn(IsoWeek(2025, 11), 25.0, 10.0, 3.5, 1.5),
        CheckIn(IsoWeek(2025, 10), 30.0, 4.0, 2.0, 0.0),
    )


def test_checkin_for_this_week(capsys: pytest.CaptureFixture[str]) -> None:
    this_week = str(IsoWeek.of(TODAY))
    assert cli(capsys, "checkin", "add", "--week", this_week, *HOURS)[1] == f"{this_week}\n"


NEXT_WEEK = str(IsoWeek.of(TODAY + dt.timedelta(days=7)))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--week", "2025-10", *HOURS], "the week '2025-10' is not of the form YYYY-Www"),
        (["--week", "2025-W53", *HOURS], "the year 2025 has no week 53"),
        (["--week", "W10", *HOURS], "is not of the form YYYY-Www"),
        (["--week", NEXT_WEEK, *HOURS], f"week: {NEXT_WEEK} has not started yet"),
        (["--week", "2025-W10", *HOURS, "--solo", "x"], "'x' is not a number of hours"),
        (["--week", "2025-W10", *HOURS, "--helping", "-1"], "helping: must be a number from 0"),
        (["--week", "2025-W10", *HOURS, "--assigned", "200"], "assigned: must be a number"),
        (
            ["--week", "2025-W10", *HOURS, "--assigned", "160"],
            "hours: add up to 175, more than a week's 168",
        ),
        (HOURS, "the following arguments are required: --week"),
        (["--week", "2025-W10", *HOURS[:6]], "the following arguments are required: --solo"),
    ],
)
def test_checkin_add_refuses_bad_input_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    seed_baseline(capsys)
    assert_refused(capsys, ["checkin", "add", *argv], message)


def test_help_lists_the_evidence_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--help")
    assert code == 0
    for command in ("log", "prototype", "checkin", "demo"):
        assert command in out
    code, out, _ = cli(capsys, "log", "add", "--help")
    assert code == 0
    assert KINDS.replace(" ", "") in "".join(out.split())  # however argparse wraps it
