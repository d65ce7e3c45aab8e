"""`ladder import` reads every published format, stores it natively and refuses bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careercoach.app import main

FT_YAML = """\
name: Team Engineering
summary: How our engineers grow.
levels:
  - id: junior
    name: Junior Engineer
  - id: senior
    name: Senior Engineer
themes:
  - id: delivery
    name: Delivery
    summary: Gets things done.
competencies:
  - id: row-1
    level: junior
    theme: delivery
    summary: Delivers small tasks with help.
    proficiency: Awareness
"""

MONZO_MD = """\
---
title: "\U0001f680 Team Framework"
levels: 3
topics:
  - name: "communication"
    title: "Communication"
    content:
      - level: 2
        criteria:
          - "Gives clear updates"
        exampleCriteria:
          - criteria: "Writes good PR descriptions"
            examples:
              - "Explains the trade-off it chose"
---
"""

SNOWFLAKE_JS = """\
// A fork of the tracks constant.
export const tracks = {
  MOBILE: {
    displayName: 'Mobile',
    category: 'A',
    description: 'Develops mobile apps',
    milestones: [{
      summary: 'Works on features',
      signals: ['Ships a screen', 'Fixes a crash'],
      examples: ['Built the login screen'],
    }],
  }
}
"""

RADAR_CATEGORIES = """\
- key: comm
  name: Communication
  description: Shares information
  kpis:
    - summary: Gives status updates
      description: |
        **Example behaviors:**

        * Updates the ticket daily
      tags: ["tech"]
      level: 1
    - summary: Leads the team meeting
      level: 2
"""

RADAR_ROLES = """\
- key: back
  name: Backend engineer
  levels: { comm: 2 }
"""

CSV_WIDE = "Competency;Category;Junior;Senior\nDelivery;Impact;Delivers tasks;Owns projects\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored(
    capsys: pytest.CaptureFixture[str], ladder_id: str, tmp_path: Path
) -> dict[str, object]:
    target = tmp_path / f"{ladder_id}-export.json"
    assert run(capsys, "ladder", "export", ladder_id, "-o", str(target))[0] == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


@pytest.mark.parametrize(
    ("filename", "content", "ladder_id", "levels", "competencies"),
    [
        ("engineering.yml", FT_YAML, "team-engineering", 2, 1),
        ("data.md", MONZO_MD, "team-framework", 3, 1),
        ("team-tracks.js", SNOWFLAKE_JS, "team-tracks", 5, 1),
        ("categories.yml", RADAR_CATEGORIES, "categories", 2, 1),
        ("our-ladder.csv", CSV_WIDE, "our-ladder", 2, 1),
    ],
    ids=["ft", "monzo", "snowflake", "radar", "csv"],
)
def test_each_format_imports_and_exports_natively(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    filename: str,
    content: str,
    ladder_id: str,
    levels: int,
    competencies: int,
) -> None:
    source = tmp_path / filename
    source.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "ladder", "import", str(source))
    assert (code, out) == (0, f"{ladder_id}\n"), err
    document = stored(capsys, ladder_id, tmp_path)
    assert len(document["levels"]) == levels
    assert len(document["competencies"]) == competencies
    exported = tmp_path / "again.toml"
    assert run(capsys, "ladder", "export", ladder_id, "-o", str(exported))[0] == 0
    assert run(capsys, "ladder", "validate", str(exported))[0] == 0


def test_radar_roles_beside_the_categories_become_targets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "categories.yml").write_text(RADAR_CATEGORIES, encoding="utf-8")
    (tmp_path / "roles.yml").write_text(RADAR_ROLES, encoding="utf-8")
    assert run(capsys, "ladder", "import", str(tmp_path / "categories.yml"))[0] == 0
    document = stored(capsys, "categories", tmp_path)
    assert document["targets"] == [
        {"id": "back", "name": "Backend engineer", "levels": {"comm": "level-2"}}
    ]


def test_ft_proficiency_is_kept_and_sparse_cells_stay_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "engineering.yml"
    source.write_text(FT_YAML, encoding="utf-8")
    run(capsys, "ladder", "import", str(source))
    cells = stored(capsys, "team-engineering", tmp_path)["competencies"][0]["expectations"]
    assert cells["junior"]["details"] == {"proficiency": "Awareness"}
    assert cells["senior"] == {}


def test_format_can_be_forced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "export.txt"
    source.write_text(FT_YAML, encoding="utf-8")
    code, _, err = run(capsys, "ladder", "import", str(source))
    assert code == 2
    assert "--format" in err
    assert (
        run(capsys, "ladder", "import", "--format", "ft", str(source))[1] == "team-engineering\n"
    )


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("engineering.yml", FT_YAML.replace("level: junior", "level: nobody"), "competencies[0]"),
        ("data.md", MONZO_MD.replace("level: 2", "level: 9"), "topics[0].content[0]"),
        ("tracks.js", "export const tracks = { MOBILE: { milestones: [ ", "line"),
        ("ladder.csv", "just one column of prose\nand more\n", "row 1"),
        ("blank.yml", "", "document is empty"),
        ("garbage.csv", "\x00\x01\x02binary", "binary"),
    ],
    ids=["unknown-level", "level-out-of-range", "unterminated-js", "not-csv", "empty", "binary"],
)
def test_bad_files_give_one_line_and_store_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, filename: str, content: str, expected: str
) -> None:
    source = tmp_path / filename
    source.write_text(content, encoding="utf-8")
    before = run(capsys, "ladder", "list", "--json")[1]
    code, out, err = run(capsys, "ladder", "import", str(source))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert str(source) in err
    assert expected in err
    assert "Traceback" not in err
    assert run(capsys, "ladder", "list", "--json")[1] == before


def test_a_file_over_5_mb_is_refused_before_parsing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.services import ladder_service

    def parsed(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(ladder_service, "import_ladder_bytes", parsed)
    source = tmp_path / "huge.csv"
    source.write_bytes(b"a,b\n" * 1_500_000)
    code, _, err = run(capsys, "ladder", "import", str(source))
    assert code == 2
    assert "larger than 5 MB" in err


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        (
            "sheet.csv",
            'Competency,Junior,Senior\nCoding,"writes code,reviews\nTesting,a,b\n',
            "row",
        ),
        ("broken.json", '{"id": "x", "levels": [],}', "broken.json:1:"),
        ("data.md", "---\ntitle: x\nlevels: 2\n\x07topics: []\n---\n", "line 4"),
    ],
    ids=["unclosed-csv-quote", "native-json-trailing-comma", "control-character-in-yaml"],
)
def test_more_bad_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, filename: str, content: str, expected: str
) -> None:
    source = tmp_path / filename
    source.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "ladder", "import", str(source))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert expected in err


def test_a_broken_native_file_names_its_first_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "team.yaml"
    source.write_text("id: team\nname: Team\nversion: '1'\nlevelz: []\n", encoding="utf-8")
    code, _, err = run(capsys, "ladder", "import", str(source))
    assert code == 2
    assert len(err.splitlines()) == 1
    assert f"{source}:levelz: Unknown field 'levelz'." in err
    assert "more" in err


def test_a_broken_roles_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "categories.yml").write_text(RADAR_CATEGORIES, encoding="utf-8")
    (tmp_path / "roles.yml").write_text("- key: back\n  levels: {comm: [\n", encoding="utf-8")
    code, _, err = run(capsys, "ladder", "import", str(tmp_path / "categories.yml"))
    assert code == 2
    assert err.startswith(f"careercoach: {tmp_path / 'roles.yml'}:line ")
