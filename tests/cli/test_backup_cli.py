"""``careercoach backup`` and ``restore``: outputs, exit codes, and nothing changed on refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careercoach.domain.backup_format import TableRows
from tests.cli.test_evidence_cli import app_services, cli
from tests.database_backends import DatabaseBackend

SUMMARY = "restored 200 entries, 5 prototypes, 45 check-ins, 4 assessments, 3 ladders"


def tables() -> TableRows:
    with app_services() as services, services.database.unit_of_work() as work:
        return work.tables.dump()


@pytest.fixture
def demo_backup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database_backend: DatabaseBackend
) -> Path:
    """A backup of the demo year, written from another data dir (and its own database)."""
    other = database_backend.data_dir_args(tmp_path / "other")
    assert cli(capsys, *other, "demo")[0] == 0
    path = tmp_path / "demo.json"
    assert cli(capsys, *other, "backup", "-o", str(path)) == (0, f"{path}\n", "")
    return path


def test_backup_prints_its_path_and_is_private(
    capsys: pytest.CaptureFixture[str], demo_backup: Path
) -> None:
    assert demo_backup.stat().st_mode & 0o777 == 0o600
    document = json.loads(demo_backup.read_text(encoding="utf-8"))
    assert set(document) == {"meta", "data"}
    assert len(document["data"]["contributions"]) == 200


def test_restore_into_a_new_data_dir(
    capsys: pytest.CaptureFixture[str], demo_backup: Path, tmp_path: Path
) -> None:
    assert cli(capsys, "restore", str(demo_backup)) == (0, f"{SUMMARY}\n", "")
    again = tmp_path / "again.json"
    assert cli(capsys, "backup", "-o", str(again))[0] == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (demo_backup, again))
    assert first["data"] == second["data"]


def test_restore_over_data_needs_replace(
    capsys: pytest.CaptureFixture[str], demo_backup: Path, isolated_app_dirs: Path
) -> None:
    assert cli(capsys, "log", "add", "--kind", "tests", "--title", "Mine")[0] == 0
    before = tables()
    code, out, err = cli(capsys, "restore", str(demo_backup))
    assert (code, out) == (2, "")
    assert err == (
        "careercoach: the database holds data; restore with --replace to replace it "
        "(a backup is taken first)\n"
    )
    assert tables() == before

    code, out, err = cli(capsys, "restore", str(demo_backup), "--replace")
    assert (code, err) == (0, "")
    saved = next((isolated_app_dirs / "backups").glob("before-restore-*.json"))
    assert out == f"{SUMMARY} (the data it replaced was saved to {saved})\n"
    assert json.loads(saved.read_text(encoding="utf-8"))["data"] == json.loads(json.dumps(before))
    assert len(tables()["contributions"]) == 200


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("not json", "is not valid JSON: Expecting value at line 1 column 1"),
        ('{"meta": {}}', 'expected an object with "meta" and "data"'),
        (
            '{"meta": {"format_version": 7, "app_version": "3.0", "created_at": ""}, "data": {}}',
            "was written by a newer CareerCoach (format 7); this version reads up to 1",
        ),
    ],
)
def test_a_bad_backup_exits_2_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, message: str
) -> None:
    assert cli(capsys, "log", "add", "--kind", "tests", "--title", "Mine")[0] == 0
    before = tables()
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for extra in ([], ["--replace"]):
        code, out, err = cli(capsys, "restore", str(path), *extra)
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1, err
        assert message in err
    assert tables() == before


def test_a_broken_row_midway_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo_backup: Path, tmp_path: Path, isolated_app_dirs: Path
) -> None:
    assert cli(capsys, "log", "add", "--kind", "tests", "--title", "Mine")[0] == 0
    before = tables()
    document = json.loads(demo_backup.read_text(encoding="utf-8"))
    document["data"]["assessment_ratings"][-1]["assessment_id"] = 999
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = cli(capsys, "restore", str(broken), "--replace")
    assert (code, out) == (2, "")
    assert 'the database refused table "assessment_ratings"' in err
    assert len(err.splitlines()) == 1, err
    assert tables() == before
    assert list((isolated_app_dirs / "backups").glob("before-restore-*")) == []


def test_backup_to_a_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = cli(capsys, "backup", "-o", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"careercoach: {tmp_path}: is a folder; name the file to write\n"
