"""The Assessments page: history, the selected result, radar and trend, compare and delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.services.assessment_service import AssessmentReport, AssessmentService
from careercoach.ui.application import GuiSession
from careercoach.ui.assessment_models import (
    AssessmentListModel,
    MoveTableModel,
    RatingTableModel,
)
from careercoach.ui.assessment_views import CompareDialog, overall_series_name
from careercoach.ui.assessments_flow import AssessmentsFlow
from careercoach.ui.assessments_page import AssessmentsPage
from careercoach.ui.tasks import TaskRunner
from tests.ui.test_ladders_page import dismiss_welcome

A, M, S = "associate", "mid", "senior"
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
# Four quarters of believable growth from associate toward senior; learning slips in Q4.
QUARTERS: tuple[tuple[dt.date, tuple[str, ...]], ...] = (
    (dt.date(2025, 3, 31), (A, M, M, A, M, A, A, M)),
    (dt.date(2025, 6, 30), (M, M, M, M, M, A, A, M)),
    (dt.date(2025, 9, 30), (M, S, M, M, S, M, A, S)),
    (dt.date(2025, 12, 31), (S, S, S, S, S, S, M, M)),
)
LEVEL_INDEX = {A: 0.0, M: 1.0, S: 2.0}


@dataclass
class AssessmentsUi:
    window: QMainWindow
    page: AssessmentsPage
    flow: AssessmentsFlow
    services: AppServices
    messages: list[str]


@pytest.fixture
def services(isolated_app_dirs: Path) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, paths.default_database_url)
    yield opened
    opened.close()


def store_quarters(services: AppServices, quarters: int = 4) -> list[AssessmentReport]:
    """Four quarterly assessments of the Data Science IC ladder (the profile's default)."""
    ladder = services.ladders.get_ladder("data-science-ic")
    assert tuple(c.id for c in ladder.competencies) == COMPETENCIES
    review = services.ledger.add(
        Contribution(
            dt.date(2025, 5, 2),
            "Reviewed the churn model PR",
            ContributionKind.CODE_REVIEW,
            evidence=EvidenceStrength.PEER_CONFIRMED,
        )
    )
    docs = services.ledger.add(
        Contribution(
            dt.date(2025, 5, 9),
            "Wrote the <b>feature store</b> docs",
            ContributionKind.DOCUMENTATION,
            evidence=EvidenceStrength.ARTIFACT,
        )
    )
    assert review.id is not None
    assert docs.id is not None
    evidence = {"collaboration": (review.id,), "technical-execution": (docs.id,)}
    reports = []
    for finished, levels in QUARTERS[:quarters]:
        service = AssessmentService(services.database, today=lambda day=finished: day)
        reports.append(service.add(dict(zip(COMPETENCIES, levels, strict=True)), evidence))
    return reports


@pytest.fixture
def ui(qtbot: QtBot, services: AppServices, isolated_app_dirs: Path) -> Iterator[AssessmentsUi]:
    window = QMainWindow()
    page = AssessmentsPage(window)
    window.setCentralWidget(page)
    window.resize(1100, 760)
    qtbot.addWidget(window)
    tasks = TaskRunner(window)
    flow = AssessmentsFlow(window, page, tasks, isolated_app_dirs)
    messages: list[str] = []
    flow.status_changed.connect(messages.append)
    window.show()
    assert not page.new_button.isEnabled()  # nothing to store into yet
    with qtbot.waitSignal(flow.loaded, timeout=10_000):
        flow.services = services
    yield AssessmentsUi(window, page, flow, services, messages)
    tasks.wait_for_done()


def reload(ui: AssessmentsUi, qtbot: QtBot, select_id: int | None = None) -> None:
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        ui.flow.reload(select_id)


def column(model: object, col: int) -> list[str]:
    assert isinstance(model, (AssessmentListModel, RatingTableModel, MoveTableModel))
    return [model.index(row, col).data() for row in range(model.rowCount())]


def select_row(ui: AssessmentsUi, qtbot: QtBot, row: int) -> None:
    table = ui.page.table
    rect = table.visualRect(ui.page.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selectionModel().selectedRows()[0].row() == row


# -- models -------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, services: AppServices) -> None:
    reports = store_quarters(services)
    listing = AssessmentListModel()
    qtmodeltester.check(listing)
    listing.set_reports(services.assessments.reports())
    qtmodeltester.check(listing)
    ratings = RatingTableModel()
    qtmodeltester.check(ratings)
    ratings.set_report(reports[-1])
    qtmodeltester.check(ratings)
    moves = MoveTableModel()
    ids = [r.assessment.id for r in reports]
    assert ids[0] is not None
    assert ids[-1] is not None
    moves.set_moves(
        services.assessments.compare(ids[0], ids[-1]), reports[0].ladder, reports[-1].ladder
    )
    qtmodeltester.check(moves)
    assert listing.rowCount(listing.index(0, 0)) == 0  # a table: no children
    assert listing.data(QModelIndex()) is None


# -- the page -----------------------------------------------------------------------------


def test_no_assessments_explains_what_to_do(ui: AssessmentsUi) -> None:
    page = ui.page
    assert page.stack.currentWidget() is page.empty_label
    assert page.empty_label.text().startswith(
        "No assessments yet. Start one to see where you stand: "
    )
    assert page.new_button.isEnabled()
    assert not page.compare_button.isEnabled()
    assert not page.delete_button.isEnabled()


def test_the_list_shows_the_latest_first_with_its_result(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services)
    reload(ui, qtbot)
    page = ui.page
    assert page.stack.currentWidget() is page.splitter
    model = page.model
    assert column(model, AssessmentListModel.FINISHED) == [
        "2025-12-31",
        "2025-09-30",
        "2025-06-30",
        "2025-03-31",
    ]
    assert column(model, AssessmentListModel.ESTIMATE) == [
        "Senior Data Scientist",
        "Data Scientist",
        "Data Scientist",
        "Associate Data Scientist",
    ]
    assert column(model, AssessmentListModel.LADDER)[0] == "Data Science IC 1.0"
    assert column(model, AssessmentListModel.TARGET)[0] == "Senior Data Scientist"
    assert column(model, AssessmentListModel.BELOW_TARGET) == ["2", "5", "8", "8"]
    assert column(model, AssessmentListModel.PERIOD)[0] == "2025-10-01 to 2025-12-31"

    # The latest is selected: its estimate with the policy in words, ratings and gaps.
    assert page.heading_label.text() == "Senior Data Scientist — finished 2025-12-31"
    explanation = page.estimate_label.text()
    assert "Policy: Highest level where at least 75% of competencies" in explanation
    assert "6 of 8 competencies at Senior Data Scientist or above" in explanation
    ratings = page.ratings_model
    assert ratings.rowCount() == 8
    assert column(ratings, RatingTableModel.COMPETENCY)[0] == "Handling ambiguity and scope"
    assert column(ratings, RatingTableModel.CATEGORY)[0] == "Scope and impact"
    assert column(ratings, RatingTableModel.RATING)[6] == "Data Scientist"
    assert set(column(ratings, RatingTableModel.TARGET)) == {"Senior Data Scientist"}
    evidence = column(ratings, RatingTableModel.EVIDENCE)
    assert evidence[1] == "Artifact"  # technical execution: the docs
    assert evidence[4] == "Peer-confirmed"  # collaboration: the review
    assert evidence[0] == "None"
    flags = column(ratings, RatingTableModel.FLAG)
    assert flags[0] == "No evidence yet"
    assert flags[1] == ""
    gaps = page.gaps_view.toPlainText()
    assert "2 competencies are below Senior Data Scientist." in gaps
    assert "Direction and strategy" in gaps
    assert "Rated Data Scientist; target Senior Data Scientist: 1 level short." in gaps
    assert "What Senior Data Scientist asks:" in gaps
    assert page.tabs.tabText(2) == "Gaps to Target (2)"


def test_the_radar_shows_now_before_and_target(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services)
    reload(ui, qtbot)
    chart = ui.page.radar.chart()
    assert chart is not None
    ladder = ui.services.ladders.get_ladder("data-science-ic")
    assert chart.axes == tuple(c.name for c in ladder.competencies)
    assert chart.levels == tuple(level.title for level in ladder.levels)
    now, before, target = chart.series
    assert (now.style, before.style, target.style) == ("current", "previous", "target")
    assert now.name == "Now (2025-12-31)"
    assert before.name == "Before (2025-09-30)"
    assert target.name == "Target: Senior Data Scientist"
    assert now.values == tuple(LEVEL_INDEX[level] for level in QUARTERS[3][1])
    assert before.values == tuple(LEVEL_INDEX[level] for level in QUARTERS[2][1])
    assert target.values == (2.0,) * 8

    # The oldest has nothing before it.
    select_row(ui, qtbot, 3)
    chart = ui.page.radar.chart()
    assert chart is not None
    assert [series.style for series in chart.series] == ["current", "target"]
    assert chart.series[0].values == tuple(LEVEL_INDEX[level] for level in QUARTERS[0][1])


def test_the_trend_follows_the_estimate_and_each_category(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services)
    reload(ui, qtbot)
    chart = ui.page.trend.chart()
    assert chart is not None
    overall = overall_series_name()
    assert chart.series_names == (
        overall,
        "Scope and impact",
        "Craft",
        "Delivery",
        "People",
        "Growth",
    )
    assert [point.date for point in chart.points] == [day for day, _ in QUARTERS]
    assert [point.values[overall] for point in chart.points] == [0.0, 1.0, 1.0, 2.0]
    # Craft: technical execution and experimentation; scope: ambiguity and direction.
    assert [point.values["Craft"] for point in chart.points] == [1.0, 1.0, 1.5, 2.0]
    assert [point.values["Scope and impact"] for point in chart.points] == [0.0, 0.5, 0.5, 1.5]
    assert chart.levels[0] == "Associate Data Scientist"


def test_selecting_an_assessment_shows_its_result(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services)
    reload(ui, qtbot)
    select_row(ui, qtbot, 2)
    page = ui.page
    assert page.heading_label.text() == "Data Scientist — finished 2025-06-30"
    assert column(page.ratings_model, RatingTableModel.RATING)[0] == "Data Scientist"
    assert page.tabs.tabText(2) == "Gaps to Target (8)"
    assert "8 competencies are below Senior Data Scientist." in page.gaps_view.toPlainText()
    chart = page.radar.chart()
    assert chart is not None
    assert chart.series[1].name == "Before (2025-03-31)"


def test_user_text_is_shown_as_written(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services, quarters=1)
    reload(ui, qtbot)
    gaps = ui.page.gaps_view.toPlainText()
    # Attached evidence is named as typed, never rendered as markup.
    assert "Evidence attached: Wrote the <b>feature store</b> docs" in gaps
    assert ui.page.heading_label.textFormat() == Qt.TextFormat.PlainText
    assert ui.page.estimate_label.textFormat() == Qt.TextFormat.PlainText


# -- compare ------------------------------------------------------------------------------


def open_compare(ui: AssessmentsUi, qtbot: QtBot) -> CompareDialog:
    ui.page.compare_button.click()
    dialog = ui.flow.compare_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    return dialog


def test_compare_shows_what_moved_up_and_down(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services)
    reload(ui, qtbot)
    dialog = open_compare(ui, qtbot)
    # By default the selected (the latest) against the one before it.
    assert dialog.before_combo.currentText() == "2025-09-30 — Data Scientist"
    assert dialog.after_combo.currentText() == "2025-12-31 — Senior Data Scientist"
    assert dialog.summary_label.text().splitlines() == [
        "From 2025-09-30 to 2025-12-31: 5 moved up, 1 moved down, 2 stayed the same.",
        "▲ Up: Handling ambiguity and scope, Experimentation and statistical rigour, "
        "Delivery, Communication and cross-functional work, Direction and strategy.",
        "▼ Down: Learning and innovation.",
    ]
    model = dialog.model
    assert model.index(0, MoveTableModel.BEFORE).data() == "Data Scientist"
    assert model.index(0, MoveTableModel.AFTER).data() == "Senior Data Scientist"
    assert column(model, MoveTableModel.CHANGE) == [
        "▲ 1 level",
        "= same",
        "▲ 1 level",
        "▲ 1 level",
        "= same",
        "▲ 1 level",
        "▲ 1 level",
        "▼ 1 level",
    ]

    # The first against the last: a year of growth.
    dialog.before_combo.setCurrentIndex(3)
    qtbot.waitUntil(lambda: dialog.summary_label.text().startswith("From 2025-03-31"))
    assert "7 moved up, 0 moved down, 1 stayed the same." in dialog.summary_label.text()
    assert model.index(0, MoveTableModel.CHANGE).data() == "▲ 2 levels"

    # The same assessment twice compares nothing.
    dialog.after_combo.setCurrentIndex(3)
    assert dialog.summary_label.text() == "Pick two different assessments to compare."
    assert model.rowCount() == 0
    dialog.reject()
    qtbot.waitUntil(lambda: ui.flow.compare_dialog is None)


def test_compare_from_the_oldest_looks_forward(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services, quarters=3)
    reload(ui, qtbot)
    select_row(ui, qtbot, 2)
    dialog = open_compare(ui, qtbot)
    assert dialog.before_combo.currentText().startswith("2025-03-31")
    assert dialog.after_combo.currentText().startswith("2025-06-30")
    dialog.reject()


def test_compare_needs_two_assessments(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services, quarters=1)
    reload(ui, qtbot)
    assert not ui.page.compare_button.isEnabled()
    ui.flow.compare()
    assert ui.flow.compare_dialog is None


# -- delete -------------------------------------------------------------------------------


def delete_box(ui: AssessmentsUi, qtbot: QtBot) -> QMessageBox:
    ui.page.delete_button.click()
    box = ui.flow.delete_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    return box


def test_delete_asks_naming_the_date_then_removes_it(ui: AssessmentsUi, qtbot: QtBot) -> None:
    reports = store_quarters(ui.services)
    reload(ui, qtbot)
    select_row(ui, qtbot, 1)
    box = delete_box(ui, qtbot)
    assert box.text() == "Delete the assessment finished on 2025-09-30?"
    assert box.textFormat() == Qt.TextFormat.PlainText
    [delete] = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        delete.click()
    assert column(ui.page.model, AssessmentListModel.FINISHED) == [
        "2025-12-31",
        "2025-06-30",
        "2025-03-31",
    ]
    assert ui.messages[-1] == "Deleted the assessment finished on 2025-09-30."
    stored = [a.id for a in ui.services.assessments.history()]
    assert reports[2].assessment.id not in stored
    assert len(stored) == 3
    # The latest now compares against the June one.
    chart = ui.page.radar.chart()
    assert chart is not None
    assert chart.series[1].name == "Before (2025-06-30)"


def test_cancelled_delete_keeps_the_assessment(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services, quarters=2)
    reload(ui, qtbot)
    box = delete_box(ui, qtbot)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: ui.flow.delete_box is None)
    assert ui.page.model.rowCount() == 2
    assert len(ui.services.assessments.history()) == 2


def test_the_delete_key_asks_too(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services, quarters=1)
    reload(ui, qtbot)
    ui.page.table.setFocus()
    qtbot.keyClick(ui.page.table, Qt.Key.Key_Delete)
    box = ui.flow.delete_box
    assert box is not None
    assert box.text() == "Delete the assessment finished on 2025-03-31?"
    box.reject()


def test_new_assessment_asks_for_the_wizard(ui: AssessmentsUi, qtbot: QtBot) -> None:
    with qtbot.waitSignal(ui.page.new_requested):
        ui.page.new_button.click()


# -- in the main window -------------------------------------------------------------------


def activate(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)


def test_ctrl_5_opens_the_assessments_page(qtbot: QtBot, gui: GuiSession) -> None:
    activate(qtbot, gui)
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = gui.window.assessments.page
    assert gui.window.pages.currentWidget() is page
    assert page.stack.currentWidget() is page.empty_label
    assert page.new_button.isEnabled()


@pytest.mark.parametrize("how", ["menu", "shortcut", "page button"])
def test_assess_yourself_opens_the_wizard(qtbot: QtBot, gui: GuiSession, how: str) -> None:
    activate(qtbot, gui)
    flow = gui.window.assessments.wizard
    assert gui.window.menus.assess.isEnabled()
    with qtbot.waitSignal(flow.wizard_opened, timeout=10_000):
        if how == "menu":
            gui.window.menus.assess.trigger()
        elif how == "shortcut":
            qtbot.keyClick(
                gui.window.navigation,
                Qt.Key.Key_A,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
        else:
            gui.window.navigation.setCurrentRow(4)
            gui.window.assessments.page.new_button.click()
    wizard = flow.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    wizard.reject()  # nothing answered yet: it closes without asking
    qtbot.waitUntil(lambda: flow.wizard is None)


def test_a_finished_assessment_is_shown_on_its_page(qtbot: QtBot, gui: GuiSession) -> None:
    activate(qtbot, gui)
    services = open_services(gui.paths, gui.database_url)
    try:
        reports = store_quarters(services, quarters=2)
    finally:
        services.close()
    assessments = gui.window.assessments
    assert gui.window.pages.currentWidget() is not assessments.page
    with qtbot.waitSignal(assessments.flow.loaded, timeout=10_000):
        assessments.wizard.assessment_finished.emit(reports[0])
    page = assessments.page
    assert gui.window.pages.currentWidget() is page
    assert page.model.rowCount() == 2
    current = page.current_report()
    assert current is not None
    assert current.assessment.id == reports[0].assessment.id  # the one just finished

    assessments.wizard.status_changed.emit("Self-assessment finished: Data Scientist.")
    assert gui.window.status_label.text() == "Self-assessment finished: Data Scientist."


def test_tab_leaves_the_assessment_list(ui: AssessmentsUi, qtbot: QtBot) -> None:
    store_quarters(ui.services)
    reload(ui, qtbot)
    select_row(ui, qtbot, 0)
    table = ui.page.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()  # Tab moves on; the arrows move between rows
    assert ui.page.table.currentIndex().row() == 0
