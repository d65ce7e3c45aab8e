"""The 1:1 summary PDF read back with poppler: pages, text exactly as stored, pagination."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from careercoach.domain.redaction import GROUP_WORDS
from careercoach.domain.summary_export import PageSize
from careercoach.domain.summary_report import SummaryReport
from careercoach.export.summary_pdf import ensure_gui_application, paint_summary, render_pdf
from careercoach.export.summary_sections import SECTION_ORDER, empty_text, is_empty
from tests.export.pdf_reports import (
    ASKS,
    TALKING_POINTS,
    DemoReports,
    bare_report,
    demo_reports,
    flat,
    highlight,
    nfc,
    page_count,
    pdf_info,
    pdf_text,
    with_titles,
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> DemoReports:
    return demo_reports(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, demo: DemoReports) -> dict[str, Path]:
    """The demo's summaries rendered once: default, year and redacted year, A4 and Letter."""
    folder = tmp_path_factory.mktemp("pdfs")
    reports = {"default": demo.default, "year": demo.year, "redacted": demo.redacted_year}
    paths = {}
    for name, report in reports.items():
        for size in PageSize:
            path = folder / f"{name}-{size.value}.pdf"
            path.write_bytes(render_pdf(report, size))
            paths[f"{name}-{size.value}"] = path
    return paths


def rendered(tmp_path: Path, report: SummaryReport, size: PageSize = PageSize.A4) -> Path:
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_pdf(report, size))
    return path


# ---------------------------------------------------------------- the file


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (PageSize.A4, r"595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)"),
        (PageSize.LETTER, r"612(\.0+)? x 792(\.0+)? pts \(letter\)"),
    ],
)
def test_pages_are_a4_or_letter_portrait(
    pdfs: dict[str, Path], size: PageSize, expected: str
) -> None:
    for name in ("default", "year"):
        assert re.fullmatch(expected, pdf_info(pdfs[f"{name}-{size.value}"])["Page size"])


def test_metadata_names_the_document_and_its_creator(pdfs: dict[str, Path]) -> None:
    info = pdf_info(pdfs["default-a4"])
    assert info["Creator"] == "CareerCoach"
    assert info["Title"].startswith("1:1 summary: Sam Rivera")


def test_fonts_are_embedded(pdfs: dict[str, Path]) -> None:
    done = subprocess.run(
        ["pdffonts", str(pdfs["year-a4"])], capture_output=True, text=True, check=True
    )
    rows = done.stdout.splitlines()[2:]
    assert rows
    assert all(" yes " in row for row in rows), done.stdout


def test_page_counts_grow_with_the_data(pdfs: dict[str, Path]) -> None:
    small, year = page_count(pdfs["default-a4"]), page_count(pdfs["year-a4"])
    assert 2 <= small <= 6
    assert 10 <= year <= 30
    assert page_count(pdfs["year-letter"]) >= year - 2


def test_paint_summary_returns_the_page_count_of_the_file(
    tmp_path: Path, demo: DemoReports
) -> None:
    path = tmp_path / "direct.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    # The device's own wider margins are respected; the count still matches the file.
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(25, 25, 25, 25),
            QPageLayout.Unit.Millimeter,
        )
    )
    pages = paint_summary(demo.year, writer)
    del writer  # finishes the file
    assert pages == page_count(path)
    assert "Sam Rivera" in pdf_text(path, 1)


def test_paint_summary_prints_on_a_printer_as_the_print_preview_does(
    tmp_path: Path, demo: DemoReports
) -> None:
    path = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    pages = paint_summary(demo.default, printer)
    assert pages == page_count(path)
    assert re.fullmatch(r"612(\.0+)? x 792(\.0+)? pts \(letter\)", pdf_info(path)["Page size"])
    assert f"Page {pages} of {pages}" in pdf_text(path, pages)


def test_every_page_has_its_footer(pdfs: dict[str, Path]) -> None:
    for name in ("default-a4", "year-letter"):
        pages = page_count(pdfs[name])
        for number in range(1, pages + 1):
            text = flat(pdf_text(pdfs[name], number))
            assert f"Page {number} of {pages}" in text
            assert "Sam Rivera · 1:1 summary from" in text


# ---------------------------------------------------------------- the text


def test_every_contribution_title_in_the_period_reads_exactly_as_stored(
    pdfs: dict[str, Path], demo: DemoReports
) -> None:
    assert len(demo.year.highlights) == demo.entries
    for name in ("year-a4", "year-letter"):
        text = nfc(pdf_text(pdfs[name]))
        missing = [h.title for h in demo.year.highlights if nfc(h.title) not in text]
        assert not missing
        quotes = [h.quote for h in demo.year.highlights if h.quote]
        assert quotes
        assert all(nfc(quote) in text for quote in quotes)


def test_the_summary_names_people_levels_actions_points_and_asks(
    pdfs: dict[str, Path], demo: DemoReports
) -> None:
    report = demo.default
    text = nfc(pdf_text(pdfs["default-a4"]))
    expected = [
        report.header.name,
        report.header.role,
        report.standing.estimate,
        report.standing.target,
        *(h.title for h in report.highlights),
        *(h.beneficiary for h in report.highlights if h.beneficiary),
        *(h.project for h in report.highlights if h.project),
        *(line.name for line in report.competencies),
        *(item.title for line in report.competencies for item in line.evidence),
        *(action.title for action in report.actions),
        *(action.message for action in report.actions),
        *(prototype.title for prototype in report.prototypes),
        *TALKING_POINTS,
        *ASKS,
    ]
    assert report.actions
    assert report.competencies
    assert [item for item in expected if nfc(item) not in text] == []


def test_a_redacted_summary_names_nobody_but_keeps_the_labels(
    pdfs: dict[str, Path], demo: DemoReports
) -> None:
    year = demo.year
    names = {h.beneficiary for h in year.highlights if h.beneficiary}
    names |= {h.project for h in year.highlights if h.project}
    vocabulary = {w for line in year.competencies for w in f"{line.name} {line.category}".split()}
    people = {
        name
        for name in names
        if len(name.split()) == 2 and not GROUP_WORDS & {w.casefold() for w in name.split()}
    }
    first_names = {name.split()[0] for name in people} - vocabulary
    assert len(names) > 10
    for size in PageSize:
        text = flat(pdf_text(pdfs[f"redacted-{size.value}"]))
        leaked = sorted(n for n in names | first_names if re.search(rf"\b{re.escape(n)}\b", text))
        assert leaked == []
        assert "Colleague A" in text
        assert "Project A" in text
        assert "Names of people and projects are replaced by neutral labels." in text
        assert "Highlights of the period" in text


def test_no_table_row_is_split_across_pages(pdfs: dict[str, Path], demo: DemoReports) -> None:
    path = pdfs["year-a4"]
    pages = [nfc(pdf_text(path, n)) for n in range(1, page_count(path) + 1)]
    for item in demo.year.highlights:
        date, title = item.date.isoformat(), nfc(item.title)
        assert any(date in page and title in page for page in pages), item.title
    first = next(n for n, page in enumerate(pages) if "200 contributions from" in page)
    after = next(n for n, page in enumerate(pages) if "Helping-others entries" in page)
    assert after - first >= 5
    for page in pages[first + 1 : after]:
        assert page.startswith("Highlights of the period (continued) Date Contribution")


def test_ligatures_are_off_so_words_extract_as_typed(tmp_path: Path, qapp: QApplication) -> None:
    titles = ("Influence", "office", "affluent", "The fluffy waffle first fixed the offload")
    text = pdf_text(rendered(tmp_path, with_titles(bare_report(), *titles)))
    assert not re.search("[\ufb00-\ufb06]", text)
    assert all(title in text for title in titles)


@pytest.mark.parametrize(
    "title",
    [
        "<img src=x onerror=alert(1)>",
        "**bold** and _italic_ and `code`",
        "<b>not bold</b> &amp; &lt;tag&gt;",
        "[link](http://example.com) # not a heading",
    ],
)
def test_markup_in_user_text_is_printed_literally(
    tmp_path: Path, qapp: QApplication, title: str
) -> None:
    report = with_titles(bare_report(name="<i>Sam</i>"), title)
    text = flat(pdf_text(rendered(tmp_path, report)))
    assert title in text
    assert "<i>Sam</i>" in text


def test_a_huge_quote_is_split_over_pages_and_every_word_is_kept(
    tmp_path: Path, qapp: QApplication
) -> None:
    quote = " ".join(f"word{n}" for n in range(12_000))
    report = bare_report(highlight("Huge quote", quote=quote), highlight("After it", day=2))
    path = rendered(tmp_path, report)
    assert page_count(path) >= 5
    text = flat(pdf_text(path))
    assert re.findall(r"word\d+", text) == quote.split()
    assert "“word0 " in text
    assert " word11999”" in text
    assert "After it" in text


def test_a_word_too_long_for_any_column_is_broken_but_kept(
    tmp_path: Path, qapp: QApplication
) -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 6
    path = rendered(tmp_path, with_titles(bare_report(), f"Wrote {word} docs"), PageSize.LETTER)
    assert word in "".join(pdf_text(path).split())


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(st.text(max_size=400), min_size=1, max_size=6),
    name=st.text(max_size=200),
)
def test_any_text_renders_to_a_pdf(qapp: QApplication, texts: list[str], name: str) -> None:
    highlights = [highlight(text, quote=text[::-1], day=1 + n) for n, text in enumerate(texts)]
    report = replace(bare_report(*highlights, name=name), talking_points=tuple(texts))
    pdf = render_pdf(report, PageSize.LETTER)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_an_empty_summary_says_so_in_every_section(tmp_path: Path, qapp: QApplication) -> None:
    path = rendered(tmp_path, replace(bare_report(name=""), redacted=True))
    text = flat(pdf_text(path))
    assert page_count(path) == 1
    report = bare_report()
    empty = [empty_text(section) for section in SECTION_ORDER if is_empty(report, section)]
    assert len(empty) == len(SECTION_ORDER) - 1  # the standing always has its facts
    assert all(line in text for line in empty)
    assert "Page 1 of 1" in text


# ---------------------------------------------------------------- headless start


def test_ensure_gui_application_runs_offscreen_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = ""
    script = (
        "import os, sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from careercoach.export.summary_pdf import ensure_gui_application\n"
        "ensure_gui_application(); ensure_gui_application()\n"
        "print(os.environ['QT_QPA_PLATFORM'], QGuiApplication.platformName())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["offscreen", "offscreen"]


def test_ensure_gui_application_keeps_the_running_application(qapp: QApplication) -> None:
    ensure_gui_application()
    assert QApplication.instance() is qapp
