"""``careercoach export``: the 1:1 summary as PDF, Markdown or HTML, headless, clear errors."""

from __future__ import annotations

import datetime as dt
import html
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.summary_export import ExportFormat, PageSize
from careercoach.services.clock import local_today
from careercoach.services.profile_service import ProfileChanges
from tests.cli.test_evidence_cli import app_services, cli

TODAY = local_today()


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """The test session's QApplication, made before the PDF export would make a bare one."""


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def pdf_info(path: Path) -> str:
    return subprocess.run(
        ["pdfinfo", str(path)], check=True, capture_output=True, text=True
    ).stdout


def store(*entries: Contribution) -> None:
    with app_services() as services:
        services.profile.update(ProfileChanges(name="Ada Lovelace"))
        services.ledger.add_many(entries)


def entry(days_ago: int, title: str, beneficiary: str = "", project: str = "") -> Contribution:
    return Contribution(
        TODAY - dt.timedelta(days=days_ago),
        title,
        ContributionKind.CODE_REVIEW,
        beneficiary=beneficiary,
        project=project,
    )


HOSTILE = "<img src=x onerror=alert(1)> **bold** Influence"


@pytest.mark.parametrize("fmt", ["pdf", "md", "html"])
def test_export_writes_the_summary_and_prints_the_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    store(entry(3, HOSTILE, "Grace Hopper", "Compiler"), entry(60, "Too old to show"))
    target = tmp_path / f"summary.{fmt}"
    argv = ["export", fmt, "-o", str(target), "--talking-point", "Ask for the <b>lead</b> role"]
    code, out, err = cli(capsys, *argv, "--ask", "Budget for a conference?")
    assert (code, out, err) == (0, f"{target}\n", "")
    text = pdf_text(target) if fmt == "pdf" else target.read_text(encoding="utf-8")
    if fmt == "md":
        text = text.replace("\\", "")  # Markdown escapes punctuation
    if fmt == "html":
        text = html.unescape(text)
    for expected in (
        "Ada Lovelace",
        HOSTILE,
        "Grace Hopper",
        "Compiler",
        "Ask for the <b>lead</b> role",
        "Budget for a conference?",
    ):
        assert expected in " ".join(text.split()), expected
    assert "Too old to show" not in text
    with app_services() as services:
        (record,) = services.summary.exports()
    assert (record.format, record.file_name) == (ExportFormat(fmt), target.name)
    assert record.talking_points == ("Ask for the <b>lead</b> role",)
    assert record.asks == ("Budget for a conference?",)


@pytest.mark.parametrize(("size", "points"), [("a4", "595 x 842"), ("letter", "612 x 792")])
def test_the_pdf_page_size_is_a4_or_letter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, size: str, points: str
) -> None:
    store(entry(1, "Reviewed the parser"))
    target = tmp_path / "s.pdf"
    assert cli(capsys, "export", "pdf", "-o", str(target), "--page-size", size)[0] == 0
    assert points in pdf_info(target)
    with app_services() as services:
        assert services.summary.last_export().page_size is PageSize(size)  # type: ignore[union-attr]


def test_redact_replaces_every_name_but_the_users_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store(
        entry(2, "Paired with Grace on the Compiler", "Grace Hopper", "Compiler"),
        entry(4, "Reviewed Alan's proof", "Alan Turing"),
    )
    target = tmp_path / "s.md"
    code, _, _ = cli(capsys, "export", "md", "-o", str(target), "--redact")
    assert code == 0
    text = target.read_text(encoding="utf-8").casefold()
    for name in ("grace", "hopper", "compiler", "alan", "turing"):
        assert name not in text, name
    assert "ada lovelace" in text
    assert "colleague a" in text
    assert "project a" in text


def test_since_and_until_choose_the_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store(entry(40, "Forty days ago"), entry(10, "Ten days ago"), entry(1, "Yesterday"))
    target = tmp_path / "s.md"
    since = (TODAY - dt.timedelta(days=45)).isoformat()
    until = (TODAY - dt.timedelta(days=5)).isoformat()
    argv = ["export", "md", "-o", str(target), "--since", since, "--until", until]
    assert cli(capsys, *argv)[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "Forty days ago" in text
    assert "Ten days ago" in text
    assert "Yesterday" not in text
    assert f"{since}" in text
    assert f"{until}" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--since", "2026-02-30"], "is not a date of the form YYYY-MM-DD"),
        (["--since", "2026-11-20", "--until", "2026-11-01"], "the period starts (2026-11-20)"),
        (["--page-size", "a3"], "unknown page size 'a3'"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extra: list[str], message: str
) -> None:
    target = tmp_path / "s.pdf"
    code, out, err = cli(capsys, "export", "pdf", "-o", str(target), *extra)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1, err
    assert message in err
    assert not target.exists()
    with app_services() as services:
        assert services.summary.exports() == ()


@pytest.mark.parametrize("where", ["missing-folder", "a-folder", "under-a-file"])
def test_an_unwritable_path_exits_2_and_records_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    target = {
        "missing-folder": tmp_path / "nowhere" / "s.md",
        "a-folder": tmp_path,
        "under-a-file": tmp_path / "plain-file" / "s.md",
    }[where]
    code, out, err = cli(capsys, "export", "md", "-o", str(target))
    assert (code, out) == (2, "")
    assert err.startswith("careercoach: "), err
    assert len(err.splitlines()) == 1, err
    with app_services() as services:
        assert services.summary.exports() == ()


def test_page_size_goes_with_pdf_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = cli(
        capsys, "export", "html", "-o", str(tmp_path / "s.html"), "--page-size", "a4"
    )
    assert code == 2
    assert "--page-size only applies to pdf" in err


def test_pdf_export_works_without_a_display(tmp_path: Path) -> None:
    """A fresh process with no DISPLAY and no QT_QPA_PLATFORM: Qt must not look for a screen."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environ["CAREERCOACH_DATA_DIR"] = str(tmp_path / "data")
    target = tmp_path / "s.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "careercoach", "export", "pdf", "-o", str(target)],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{target}\n", "")
    assert "Page 1 of 1" in pdf_text(target)


def test_a_name_that_cannot_be_recorded_writes_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "two\nlines.md"
    code, out, err = cli(capsys, "export", "md", "-o", str(target))
    assert (code, out) == (2, "")
    assert "file name" in err
    assert list(out_dir.iterdir()) == []


def test_a_name_for_another_format_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = cli(capsys, "export", "md", "-o", str(tmp_path / "s.pdf"))
    assert code == 2
    assert "ends in .pdf but the format is md" in err
    assert not (tmp_path / "s.pdf").exists()


def test_without_dates_the_summary_covers_the_days_since_the_last_one_on_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store(entry(9, "Before the last 1:1"), entry(5, "After the last 1:1"))
    with app_services() as services:
        services.profile.update(
            ProfileChanges(one_on_one_every_days=7, next_one_on_one=TODAY + dt.timedelta(days=1))
        )
    target = tmp_path / "s.md"
    assert cli(capsys, "export", "md", "-o", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "After the last 1:1" in text
    assert "Before the last 1:1" not in text
    last = (TODAY - dt.timedelta(days=6)).isoformat()
    assert f"from {last} to {TODAY.isoformat()}" in text


def test_until_alone_keeps_the_default_length(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "s.md"
    assert cli(capsys, "export", "md", "-o", str(target), "--until", "2020-01-31")[0] == 0
    assert "from 2020-01-02 to 2020-01-31" in target.read_text(encoding="utf-8")
