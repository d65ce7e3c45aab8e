"""``prototype add/stage --because``: why a prototype was shelved, stored and listed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from careercoach.domain.prototype import ShelveReason, Stage, StageChange
from tests.cli.test_evidence_cli import TODAY, assert_refused, cli, store_prototype, stored

NOT_SHELVED = "--because is only allowed with"


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, err = cli(capsys, "prototype", "list", "--json")
    assert (code, err) == (0, "")
    prototypes = json.loads(out)["prototypes"]
    assert isinstance(prototypes, list)
    return prototypes


def test_stage_shelved_because_stores_the_category_and_lists_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    prototype_id = store_prototype(StageChange(Stage.IDEA, dt.date(2025, 5, 1)))
    argv = ["prototype", "stage", str(prototype_id), "shelved", "--because", "no-appetite"]
    code, out, err = cli(capsys, *argv, "--reason", "Platform will extend theirs")
    assert (code, out, err) == (0, f"prototype {prototype_id}: shelved since {TODAY}\n", "")

    [prototype] = stored().prototypes
    assert prototype.history[-1] == StageChange(
        Stage.SHELVED, TODAY, "Platform will extend theirs", ShelveReason.NO_APPETITE
    )
    [shown] = listed(capsys)
    assert shown["shelved_because"] == "no-appetite"
    assert shown["shelved_reason"] == "Platform will extend theirs"
    history = shown["history"]
    assert isinstance(history, list)
    assert [change["shelved_because"] for change in history] == [None, "no-appetite"]


@pytest.mark.parametrize("reason", list(ShelveReason), ids=str)
def test_every_token_is_accepted_in_any_case(
    capsys: pytest.CaptureFixture[str], reason: ShelveReason
) -> None:
    prototype_id = store_prototype(StageChange(Stage.IDEA, dt.date(2025, 5, 1)))
    argv = ["prototype", "stage", str(prototype_id), "shelved", "--because", reason.upper()]
    assert cli(capsys, *argv)[0] == 0
    [prototype] = stored().prototypes
    assert prototype.shelved_because is reason
    assert listed(capsys)[0]["shelved_because"] == reason.value


def test_stage_shelved_without_because_lists_none(capsys: pytest.CaptureFixture[str]) -> None:
    prototype_id = store_prototype(StageChange(Stage.IDEA, dt.date(2025, 5, 1)))
    assert cli(capsys, "prototype", "stage", str(prototype_id), "shelved")[0] == 0
    [shown] = listed(capsys)
    assert shown["stage"] == "shelved"
    assert shown["shelved_because"] is None


def test_add_shelved_because_stores_it(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["prototype", "add", "--title", "Feature store", "--stage", "shelved"]
    code, out, _ = cli(capsys, *argv, "--because", "superseded", "--shelved-reason", "Vendor")
    assert code == 0
    [prototype] = stored().prototypes
    assert out == f"{prototype.id}\n"
    assert prototype.history == (
        StageChange(Stage.SHELVED, TODAY, "Vendor", ShelveReason.SUPERSEDED),
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["stage", "1", "building", "--because", "no-appetite"], NOT_SHELVED),
        (["stage", "1", "adopted", "--because", "other"], NOT_SHELVED),
        (
            ["stage", "1", "shelved", "--because", "bored"],
            "unknown shelving reason 'bored' (choose one of: no-appetite, not-feasible,"
            " superseded, no-time, other)",
        ),
        (["stage", "1", "shelved", "--because", ""], "unknown shelving reason ''"),
        (["add", "--title", "Idea", "--because", "no-time"], NOT_SHELVED),
        (["add", "--title", "Idea", "--stage", "demo", "--because", "other"], NOT_SHELVED),
        (["add", "--title", "Idea", "--stage", "shelved", "--because", "nope"], "'nope'"),
    ],
)
def test_because_is_refused_off_the_shelf_or_unknown_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    store_prototype(
        StageChange(Stage.IDEA, dt.date(2025, 5, 1)),
        StageChange(Stage.VALIDATING, dt.date(2025, 5, 20)),
    )
    assert_refused(capsys, ["prototype", *argv], message)
