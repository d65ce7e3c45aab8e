"""The command-line contract: outputs, JSON shapes and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from careercoach.app import main
from careercoach.services.ladder_service import LadderService
from careercoach.storage.engine import create_database_engine
from careercoach.storage.revisions import HEAD_REVISION
from tests.database_backends import SQLITE, DatabaseBackend
from tests.sample_ladders import TEAM_LADDER_TOML

BUILTIN_IDS = {"data-science-ic", "ml-engineer", "software-engineer"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_loads_neither_qt_nor_the_database() -> None:
    script = (
        "import sys; from careercoach.app import main; code = main(['--version']);"
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'alembic') if m in sys.modules];"
        "print('HEAVY', heavy); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("CareerCoach 0.")
    assert "HEAVY []" in done.stdout


def assert_private_database_file(data_dir: Path, backend: DatabaseBackend) -> None:
    """The SQLite file is the user's alone; with a server database there is no such file."""
    database_file = data_dir / "careercoach.sqlite3"
    if backend.name == SQLITE:
        assert database_file.stat().st_mode & 0o777 == 0o600
    else:
        assert not database_file.exists()


def test_ladder_list_json_on_a_fresh_data_dir(
    capsys: pytest.CaptureFixture[str], isolated_app_dirs: Path, database_backend: DatabaseBackend
) -> None:
    code, out, err = run(capsys, "ladder", "list", "--json")
    assert (code, err) == (0, "")
    ladders = json.loads(out)["ladders"]
    assert {ladder["id"] for ladder in ladders} >= BUILTIN_IDS
    science = next(ladder for ladder in ladders if ladder["id"] == "data-science-ic")
    assert science["builtin"] is True
    assert science["levels"] == 6
    assert science["competencies"] >= 7
    assert set(science) >= {"id", "name", "version", "builtin"}
    assert_private_database_file(isolated_app_dirs, database_backend)


def test_ladder_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ladder", "list")
    assert code == 0
    assert "data-science-ic" in out
    assert "Data Science IC" in out


def test_validate_a_valid_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "team.toml"
    path.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    assert run(capsys, "ladder", "validate", str(path)) == (0, f"{path}: valid ladder\n", "")


def test_validate_lists_every_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = TEAM_LADDER_TOML.replace('name = "Delivery"', 'name = ""').replace(
        "[competencies.expectations.senior]", "[competencies.expectations.staff]"
    )
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    code, out, err = run(capsys, "ladder", "validate", str(path))
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) >= 3
    assert all(line.startswith(f"{path}:") for line in lines)
    assert any("competencies[0].name" in line for line in lines)
    assert any("staff" in line for line in lines)
    assert any("senior" in line for line in lines)


def test_validate_reports_syntax_errors_with_a_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('id = "x"\nname = \n', encoding="utf-8")
    code, _, err = run(capsys, "ladder", "validate", str(path))
    assert code == 2
    assert err.startswith(f"{path}:2")


def test_validate_a_file_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(TEAM_LADDER_TOML.replace("Team ladder", "Équipe").encode("latin-1"))
    code, out, err = run(capsys, "ladder", "validate", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}:2: ")
    assert "UTF-8" in err


def test_validate_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "ladder", "validate", str(tmp_path / "nope.toml"))
    assert (code, out) == (2, "")
    assert err.strip().endswith("no such file")
    assert len(err.splitlines()) == 1


def test_import_then_export_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "team.toml"
    source.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    assert run(capsys, "ladder", "import", str(source)) == (0, "team\n", "")
    assert run(capsys, "ladder", "import", str(source)) == (0, "team\n", "")
    clashing = tmp_path / "other.toml"
    clashing.write_text(
        TEAM_LADDER_TOML.replace('version = "2"', 'version = "3"'), encoding="utf-8"
    )
    assert run(capsys, "ladder", "import", str(clashing)) == (0, "team-2\n", "")

    exported = tmp_path / "out" / "team.yaml"
    exported.parent.mkdir()
    code, out, _ = run(capsys, "ladder", "export", "team", "-o", str(exported))
    assert (code, out) == (0, f"{exported}\n")
    assert "Delivers given tasks." in exported.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "ladder", "validate", str(exported))
    assert code == 0


def test_export_unknown_ladder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "ladder", "export", "nope", "-o", str(tmp_path / "x.toml"))
    assert (code, out) == (2, "")
    assert err == "careercoach: there is no ladder 'nope'\n"


def test_profile_show_defaults_then_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "profile", "show", "--json")
    assert code == 0
    profile = json.loads(out)["profile"]
    assert profile["ladder_id"] == "data-science-ic"
    assert profile["is_default"] is True

    code, out, err = run(
        capsys,
        "profile",
        "set",
        "--name",
        "Ada Lovelace",
        "--role",
        "Data Scientist",
        "--target",
        "staff",
        "--one-on-one-every",
        "7",
        "--next-one-on-one",
        "2026-12-03",
    )
    assert (code, err) == (0, "")
    assert "Ada Lovelace" in out
    profile = json.loads(run(capsys, "profile", "show", "--json")[1])["profile"]
    assert profile == {
        "name": "Ada Lovelace",
        "role": "Data Scientist",
        "ladder_id": "data-science-ic",
        "target_level_id": "staff",
        "one_on_one_every_days": 7,
        "next_one_on_one": "2026-12-03",
        "is_default": False,
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["profile", "set", "--target", "emperor"], "has no level 'emperor'"),
        (["profile", "set", "--ladder", "nope"], "there is no ladder 'nope'"),
        (["profile", "set", "--next-one-on-one", "tomorrow"], "is not a date"),
        (["profile", "set", "--one-on-one-every", "0"], "must be at least 1 day"),
        (["ladder", "frobnicate"], "invalid choice"),
        (["--no-such-option"], "unrecognized arguments"),
        (["ladder"], "required"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert message in err
    assert "Traceback" not in err


def test_bad_input_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "profile", "set", "--name", "Ada")
    run(capsys, "profile", "set", "--name", "Grace", "--target", "emperor")
    profile = json.loads(run(capsys, "profile", "show", "--json")[1])["profile"]
    assert profile["name"] == "Ada"


def test_db_current_and_upgrade(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "db", "current")[1].startswith("empty database")
    code, out, _ = run(capsys, "db", "upgrade")
    assert (code, out) == (0, f"upgraded to {HEAD_REVISION}\n")
    assert run(capsys, "db", "current")[1] == f"{HEAD_REVISION} (current)\n"
    assert run(capsys, "db", "upgrade")[1] == f"already at {HEAD_REVISION}\n"


def test_newer_database_is_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], database_backend: DatabaseBackend
) -> None:
    run(capsys, "db", "upgrade")
    engine = create_database_engine(database_backend.url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    finally:
        engine.dispose()
    code, out, err = run(capsys, "profile", "show")
    assert (code, out) == (2, "")
    assert "newer version of CareerCoach" in err


def test_unexpected_failure_is_logged_and_exits_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_app_dirs: Path
) -> None:
    def explode(self: LadderService) -> None:
        raise RuntimeError("disk gremlins")

    monkeypatch.setattr(LadderService, "list_ladders", explode)
    code, out, err = run(capsys, "ladder", "list")
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    log = (isolated_app_dirs / "logs" / "careercoach.log").read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "disk gremlins" in log


def test_data_dir_option_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    isolated_app_dirs: Path,
    database_backend: DatabaseBackend,
) -> None:
    chosen = tmp_path / "chosen"
    assert run(capsys, "--data-dir", str(chosen), "profile", "show")[0] == 0
    assert_private_database_file(chosen, database_backend)
    for folder in ("rules", "logs", "backups"):
        assert (chosen / folder).is_dir()
        assert (chosen / folder).stat().st_mode & 0o777 == 0o700
    assert not (isolated_app_dirs / "careercoach.sqlite3").exists()


def test_database_url_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    assert run(capsys, "--database-url", url, "profile", "set", "--name", "Ada")[0] == 0
    assert (tmp_path / "elsewhere.sqlite3").exists()
    code, _, err = run(capsys, "--database-url", "not a url", "profile", "show")
    assert code == 2
    assert "is not a database URL" in err


def test_entry_point_runs_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "CAREERCOACH_DATA_DIR": str(tmp_path / "d")}
    done = subprocess.run(
        [sys.executable, "-m", "careercoach", "ladder", "list", "--json"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "data-science-ic" in done.stdout


def test_gui_without_a_display_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    environ = {"CAREERCOACH_DATA_DIR": os.environ["CAREERCOACH_DATA_DIR"]}
    code = main([], environ)
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "no display" in err
    assert len(err.splitlines()) == 1


def test_existing_data_dir_keeps_its_permissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database_backend: DatabaseBackend
) -> None:
    shared = tmp_path / "Documents"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    assert run(capsys, "--data-dir", str(shared), "profile", "show")[0] == 0
    assert shared.stat().st_mode & 0o777 == 0o755
    assert (shared / "logs").stat().st_mode & 0o777 == 0o700
    assert_private_database_file(shared, database_backend)


def test_importing_the_same_renamed_ladder_again_stores_it_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = tmp_path / "team.toml"
    first.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    second = tmp_path / "team-v3.toml"
    second.write_text(TEAM_LADDER_TOML.replace('version = "2"', 'version = "3"'), encoding="utf-8")
    assert run(capsys, "ladder", "import", str(first))[1] == "team\n"
    assert run(capsys, "ladder", "import", str(second))[1] == "team-2\n"
    assert run(capsys, "ladder", "import", str(second))[1] == "team-2\n"
    assert run(capsys, "ladder", "import", str(first))[1] == "team\n"
    ladders = json.loads(run(capsys, "ladder", "list", "--json")[1])["ladders"]
    assert sorted(ladder["id"] for ladder in ladders if not ladder["builtin"]) == [
        "team",
        "team-2",
    ]


def test_importing_an_invalid_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(TEAM_LADDER_TOML.replace('name = "Delivery"', 'name = ""'), encoding="utf-8")
    code, out, err = run(capsys, "ladder", "import", str(path))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert f"{path}:competencies[0].name:" in err
    assert "nothing was imported" in err


@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_validate_refuses_what_is_not_a_regular_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "ladder.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    code, out, err = run(capsys, "ladder", "validate", str(path))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1


def test_a_built_in_ladder_never_replaces_an_imported_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.resources import builtin_ladder_files
    from careercoach.services import app_services

    shipped = builtin_ladder_files()
    older = [path for path in shipped if path.stem != "ml-engineer"]
    monkeypatch.setattr(app_services, "builtin_ladder_files", lambda: older)
    mine = tmp_path / "mine.toml"
    mine.write_text(
        TEAM_LADDER_TOML.replace('id = "team"', 'id = "ml-engineer"'), encoding="utf-8"
    )
    assert run(capsys, "ladder", "import", str(mine))[1] == "ml-engineer\n"

    monkeypatch.setattr(app_services, "builtin_ladder_files", lambda: shipped)
    ladders = json.loads(run(capsys, "ladder", "list", "--json")[1])["ladders"]
    same_id = [ladder for ladder in ladders if ladder["id"] == "ml-engineer"]
    assert len(same_id) == 1
    assert same_id[0]["name"] == "Team ladder"
    assert same_id[0]["builtin"] is False


def test_the_log_never_holds_the_database_password(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_app_dirs: Path
) -> None:
    def explode(self: LadderService) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(LadderService, "list_ladders", explode)
    url = f"sqlite:///{isolated_app_dirs / 'x.sqlite3'}?password=hunter2"
    assert run(capsys, "--database-url", url, "ladder", "list")[0] == 1
    log = (isolated_app_dirs / "logs" / "careercoach.log").read_text(encoding="utf-8")
    assert "ladder list" in log
    assert "hunter2" not in log


def test_empty_data_dir_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data-dir", "", "profile", "show")
    assert (code, out) == (2, "")
    assert "--data-dir" in err


def test_failed_export_keeps_the_existing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ladder.toml"
    target.write_text("precious", encoding="utf-8")

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    code, _, err = run(capsys, "ladder", "export", "data-science-ic", "-o", str(target))
    monkeypatch.undo()
    assert code == 2
    assert "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_import_format_choices_match_the_importers() -> None:
    from careercoach.cli.parser import LADDER_IMPORT_FORMATS
    from careercoach.domain.importers.registry import IMPORT_FORMATS

    assert ("auto", *IMPORT_FORMATS) == LADDER_IMPORT_FORMATS
