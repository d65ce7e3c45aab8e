"""Exporting the 1:1 summary as a user does: period, words, redaction, format, preview, errors."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from careercoach.domain.demo_texts import COLLEAGUES, MANAGER
from careercoach.domain.summary_export import MAX_POINTS, ExportFormat, PageSize
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.ui.summary_choices import default_page_size
from careercoach.ui.summary_export_dialog import SummaryExportDialog
from careercoach.ui.summary_export_flow import SummaryExportFlow, ask_for_path
from tests.ui.test_ledger_page import mnemonics

PEOPLE = [colleague.name for colleague in COLLEAGUES] + [MANAGER]


@pytest.fixture
def services(isolated_app_dirs: Path) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, paths.default_database_url)
    yield opened
    opened.close()


@pytest.fixture
def demo(services: AppServices) -> AppServices:
    services.demo.fill()
    return services


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def settings(isolated_app_dirs: Path) -> QSettings:
    return QSettings(str(isolated_app_dirs / "settings.ini"), QSettings.Format.IniFormat)


class Answers:
    """Stands in for the Save As dialog: answers ``path`` and keeps what was offered."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.offered: list[str] = []

    def __call__(self, _parent: QWidget, _caption: str, suggested: str, _filters: str) -> str:
        self.offered.append(suggested)
        return "" if self.path is None else str(self.path)


def make_flow(window: QWidget, settings: QSettings, services: AppServices) -> SummaryExportFlow:
    (flow := SummaryExportFlow(window, settings)).attach(services)
    return flow


def open_dialog(qtbot: QtBot, flow: SummaryExportFlow) -> SummaryExportDialog:
    flow.open()
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible())
    assert flow.dialog is not None
    return flow.dialog


def type_lines(qtbot: QtBot, dialog: SummaryExportDialog, points: str, asks: str = "") -> None:
    for edit, text in ((dialog.points_edit, points), (dialog.asks_edit, asks)):
        edit.clear()
        edit.setFocus()
        for number, line in enumerate(text.split("\n")):
            if number:
                qtbot.keyClick(edit, Qt.Key.Key_Return)
            qtbot.keyClicks(edit, line)


def choose(dialog: SummaryExportDialog, export_format: ExportFormat, paper: PageSize) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_format.value))
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(paper.value))


def export(qtbot: QtBot, flow: SummaryExportFlow, path: Path, written: Path | None = None) -> str:
    """Click Export…, answer Save As with ``path``, wait for ``written``; returns the offer."""
    answers = Answers(path)
    flow.choose_path = answers
    assert flow.dialog is not None
    with qtbot.waitSignal(flow.exported, timeout=20_000) as signal:
        qtbot.mouseClick(flow.dialog.export_button, Qt.MouseButton.LeftButton)
    assert signal.args == [written or path]
    assert len(answers.offered) == 1
    return answers.offered[0]


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_page_size(path: Path) -> str:
    done = run("pdfinfo", str(path))
    match = re.search(r"^Page size:\s+(.*)$", done, re.MULTILINE)
    assert match is not None, done
    return match.group(1)


def test_the_period_reads_since_the_last_one_on_one_with_its_dates(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices
) -> None:
    period = demo.summary.period()
    dialog = open_dialog(qtbot, make_flow(window, settings, demo))
    assert dialog.period_combo.currentText() == (
        f"Since the last 1:1 (from {period.start.isoformat()} to {period.end.isoformat()})"
    )
    assert dialog.period() == period
    assert not dialog.form.isRowVisible(dialog.from_edit.parentWidget())


def test_without_a_scheduled_one_on_one_it_says_it_uses_the_last_30_days(
    qtbot: QtBot, window: QWidget, settings: QSettings, services: AppServices
) -> None:
    dialog = open_dialog(qtbot, make_flow(window, settings, services))
    text = dialog.period_combo.currentText()
    assert text.startswith("No 1:1 scheduled: the last 30 days (")
    assert services.summary.period().label in text


def test_custom_dates_the_wrong_way_round_hold_the_export(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices
) -> None:
    dialog = open_dialog(qtbot, make_flow(window, settings, demo))
    dialog.period_combo.setFocus()
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findText("Custom dates"))
    assert dialog.from_edit.isVisible()
    assert dialog.to_edit.isVisible()
    to_day = dialog.to_edit.date().addDays(-5)
    dialog.to_edit.setDate(to_day)
    dialog.from_edit.setDate(to_day.addDays(3))
    assert dialog.problems_label.isVisible()
    assert dialog.problems_label.text() == (
        f"The period starts ({to_day.addDays(3).toString('yyyy-MM-dd')}) "
        f"after it ends ({to_day.toString('yyyy-MM-dd')})."
    )
    assert not dialog.export_button.isEnabled()
    assert not dialog.preview_button.isEnabled()

    dialog.from_edit.setDate(to_day.addDays(-10))
    assert not dialog.problems_label.isVisible()
    assert dialog.export_button.isEnabled()
    period = dialog.period()
    assert period is not None
    assert (period.end - period.start).days == 10


def test_too_many_or_too_long_talking_points_are_shown_and_hold_the_export(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices
) -> None:
    dialog = open_dialog(qtbot, make_flow(window, settings, demo))
    dialog.points_edit.setPlainText("\n\n".join(f"point {n}" for n in range(MAX_POINTS + 1)))
    dialog.asks_edit.setPlainText("fine\n" + "x" * 1001)
    assert dialog.problems == (
        f"There are {MAX_POINTS + 1} talking points; at most {MAX_POINTS} fit in the summary.",
        "Ask 2 is longer than 1000 characters.",
    )
    assert not dialog.export_button.isEnabled()
    dialog.points_edit.setPlainText("one\n\n  two  \n")
    dialog.asks_edit.setPlainText("fine")
    assert dialog.talking_points() == ["one", "two"]  # blank lines left out, blanks trimmed
    assert dialog.export_button.isEnabled()


@pytest.mark.parametrize(
    ("paper", "size_text"), [(PageSize.A4, "(A4)"), (PageSize.LETTER, "(letter)")]
)
def test_export_pdf_writes_real_text_on_the_chosen_paper(
    qtbot: QtBot,
    window: QWidget,
    settings: QSettings,
    demo: AppServices,
    tmp_path: Path,
    paper: PageSize,
    size_text: str,
) -> None:
    flow = make_flow(window, settings, demo)
    statuses: list[str] = []
    flow.status_changed.connect(statuses.append)
    dialog = open_dialog(qtbot, flow)
    type_lines(qtbot, dialog, "Promotion timeline for Q1\nOn-call load", "A stretch project")
    choose(dialog, ExportFormat.PDF, paper)
    target = tmp_path / "out" / "1-1 summary.pdf"
    target.parent.mkdir()
    offered = Path(export(qtbot, flow, target))

    assert offered.name == f"1-1 summary {demo.summary.period().end.isoformat()}.pdf"
    assert pdf_page_size(target).endswith(size_text)
    text = " ".join(run("pdftotext", str(target), "-").split())
    highlight = demo.summary.summary().highlights[0].title
    for expected in ("Sam Rivera", highlight, "Promotion timeline for Q1", "A stretch project"):
        assert expected in text
    assert statuses[-1] == f"Summary exported to {target}."
    assert flow.dialog is None  # closed once written
    assert not list(target.parent.glob(".*partial"))


@pytest.mark.parametrize("export_format", [ExportFormat.MARKDOWN, ExportFormat.HTML])
def test_markdown_and_html_hold_the_talking_points_and_asks(
    qtbot: QtBot,
    window: QWidget,
    settings: QSettings,
    demo: AppServices,
    tmp_path: Path,
    export_format: ExportFormat,
) -> None:
    flow = make_flow(window, settings, demo)
    dialog = open_dialog(qtbot, flow)
    type_lines(qtbot, dialog, "Scope of the next half", "Budget for a course")
    choose(dialog, export_format, PageSize.A4)
    assert not dialog.paper_combo.isEnabled()  # no pages in a text file
    written = tmp_path / f"summary{export_format.suffix}"
    export(qtbot, flow, tmp_path / "summary", written)  # typed without a suffix
    content = written.read_text(encoding="utf-8")
    assert "Scope of the next half" in content
    assert "Budget for a course" in content
    assert "Sam Rivera" in content


def test_hiding_names_leaves_no_colleague_in_the_file_and_keeps_the_own_words(
    qtbot: QtBot,
    window: QWidget,
    settings: QSettings,
    demo: AppServices,
    tmp_path: Path,
) -> None:
    flow = make_flow(window, settings, demo)
    dialog = open_dialog(qtbot, flow)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("last-90-days"))
    type_lines(qtbot, dialog, "Thank Mei Chen for the review", "Pair with Jonas Becker")
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.redact_check.isChecked)  # a mnemonic clicks after a short animation
    choose(dialog, ExportFormat.MARKDOWN, PageSize.A4)
    export(qtbot, flow, tmp_path / "redacted.md")

    content = (tmp_path / "redacted.md").read_text(encoding="utf-8")
    assert "Sam Rivera" in content
    assert "Colleague A" in content
    assert [name for name in PEOPLE if name in content] == []
    first_names = {name.split()[0] for name in PEOPLE}
    assert [w for w in re.findall(r"\w+", content) if w in first_names] == []
    recorded = demo.summary.last_export()
    assert recorded is not None
    assert recorded.redacted
    assert recorded.talking_points == ("Thank Mei Chen for the review",)  # the user's own words
    assert recorded.asks == ("Pair with Jonas Becker",)
    assert recorded.file_name == "redacted.md"


def test_the_next_opening_starts_from_the_last_export_and_the_remembered_choices(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices, tmp_path: Path
) -> None:
    flow = make_flow(window, settings, demo)
    dialog = open_dialog(qtbot, flow)
    type_lines(qtbot, dialog, "First point\nSecond point", "An ask")
    dialog.redact_check.setChecked(True)
    choose(dialog, ExportFormat.HTML, PageSize.A4)
    folder = tmp_path / "exports"
    folder.mkdir()
    export(qtbot, flow, folder / "summary.html")

    reopened = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    again = make_flow(window, reopened, demo)  # another settings object on the same file
    dialog = open_dialog(qtbot, again)
    assert dialog.points_edit.toPlainText() == "First point\nSecond point"
    assert dialog.asks_edit.toPlainText() == "An ask"
    assert dialog.redact_check.isChecked()
    assert dialog.export_format is ExportFormat.HTML
    assert dialog.page_size is PageSize.A4
    choose(dialog, ExportFormat.PDF, PageSize.LETTER)
    offered = Path(export(qtbot, again, folder / "second.pdf"))
    assert offered.parent == folder
    assert offered.suffix == ".pdf"

    third = open_dialog(qtbot, again)
    assert (third.export_format, third.page_size) == (ExportFormat.PDF, PageSize.LETTER)


def test_the_paper_follows_the_locale_until_one_is_chosen() -> None:
    assert default_page_size(QLocale("en_US")) is PageSize.LETTER
    assert default_page_size(QLocale("fr_CA")) is PageSize.LETTER
    assert default_page_size(QLocale("en_GB")) is PageSize.A4
    assert default_page_size(QLocale("de_DE")) is PageSize.A4


def test_save_as_gives_a_bare_name_the_format_suffix(window: QWidget, tmp_path: Path) -> None:
    def answer() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, QFileDialog)
        shown.selectFile(str(tmp_path / "notes"))
        shown.accept()

    QTimer.singleShot(0, answer)
    suggested = str(tmp_path / "1-1 summary 2026-11-27.pdf")
    assert ask_for_path(window, "Export", suggested, "PDF (*.pdf)") == str(tmp_path / "notes.pdf")


def test_an_unwritable_place_shows_the_reason_and_writes_nothing(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices, tmp_path: Path
) -> None:
    flow = make_flow(window, settings, demo)
    dialog = open_dialog(qtbot, flow)
    target = tmp_path / "gone" / "summary.md"  # a folder removed since it was chosen
    choose(dialog, ExportFormat.MARKDOWN, PageSize.A4)
    flow.choose_path = Answers(target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.error_box is not None and flow.error_box.isVisible())
    box = flow.error_box
    assert box is not None
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.text().startswith(str(target))
    assert "Traceback" not in box.text()
    assert not box.detailedText()
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "home"]
    assert demo.summary.last_export() is None
    assert flow.dialog is dialog
    assert dialog.isVisible()
    assert dialog.export_button.isEnabled()
    box.close()


def test_export_shows_progress_and_holds_the_buttons_until_done(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices, tmp_path: Path
) -> None:
    flow = make_flow(window, settings, demo)
    dialog = open_dialog(qtbot, flow)
    choose(dialog, ExportFormat.MARKDOWN, PageSize.A4)
    flow.choose_path = Answers(tmp_path / "s.md")
    with qtbot.waitSignal(flow.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        # The report is built on a worker; the dialog says so until it is back.
        assert dialog.busy_label.isVisible()
        assert dialog.busy_label.text() == "Preparing the summary…"
        assert not dialog.export_button.isEnabled()
        assert not dialog.preview_button.isEnabled()
        assert dialog.cancel_button.isEnabled()


def test_escape_cancels_and_a_cancelled_save_as_writes_nothing(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices, tmp_path: Path
) -> None:
    flow = make_flow(window, settings, demo)
    dialog = open_dialog(qtbot, flow)
    flow.choose_path = Answers(None)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert dialog.isVisible()
    qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: flow.dialog is None)
    assert demo.summary.last_export() is None


def test_every_control_has_its_own_alt_key(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices
) -> None:
    dialog = open_dialog(qtbot, make_flow(window, settings, demo))
    keys = [key for key, _text in mnemonics(dialog)]
    assert len(keys) == len(set(keys)), mnemonics(dialog)
    assert len(keys) >= 10, " | ".join(t for _k, t in mnemonics(dialog))


def test_preview_paints_the_pages_on_the_chosen_paper(
    qtbot: QtBot, window: QWidget, settings: QSettings, demo: AppServices
) -> None:
    flow = make_flow(window, settings, demo)
    dialog = open_dialog(qtbot, flow)
    choose(dialog, ExportFormat.PDF, PageSize.A4)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=20_000)
    preview = flow.preview_dialog
    assert preview is not None
    assert preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert flow.printer is not None
    assert flow.printer.pageLayout().pageSize().name() == "A4"
    assert not dialog.busy
    assert dialog.export_button.isEnabled()
    preview.reject()
    qtbot.waitUntil(lambda: flow.preview_dialog is None)
    assert dialog.isVisible()  # back to the dialog to export
