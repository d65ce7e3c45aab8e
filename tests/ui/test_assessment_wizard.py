"""The guided self-assessment: walked by keyboard, closed halfway, resumed, reviewed, finished."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from careercoach.domain.assessment import Confidence
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.assessment_flow import AssessmentFlow
from careercoach.ui.assessment_wizard import AssessmentWizard
from careercoach.ui.assessment_wizard_competency import CompetencyPage
from careercoach.ui.assessment_wizard_state import RESULT_ID, REVIEW_ID, EvidenceKind
from careercoach.ui.tasks import TaskRunner

TODAY = dt.date.today()
ALT = Qt.KeyboardModifier.AltModifier
# The Data Science IC ladder's competencies, category by category (the wizard's page order).
PAGES = (
    "ambiguity-and-scope",
    "direction",
    "technical-execution",
    "experimentation",
    "delivery",
    "collaboration",
    "communication",
    "learning-and-innovation",
)
LEVELS = ("associate", "mid", "senior", "staff", "senior-staff", "principal")


@dataclass
class AssessmentUi:
    parent: QWidget
    tasks: TaskRunner
    services: AppServices
    flow: AssessmentFlow
    reports: list[object]

    def close(self) -> None:
        self.tasks.wait_for_done()
        self.services.close()
        self.parent.close()


def open_ui(qtbot: QtBot, data_dir: Path) -> AssessmentUi:
    """A window with the assessment flow on real services over ``data_dir``."""
    paths = AppPaths(data_dir)
    services = open_services(paths, paths.default_database_url)
    parent = QWidget()
    parent.resize(1100, 800)
    qtbot.addWidget(parent)
    tasks = TaskRunner(parent)
    flow = AssessmentFlow(parent, tasks, data_dir)
    reports: list[object] = []
    flow.assessment_finished.connect(reports.append)
    parent.show()
    flow.services = services
    return AssessmentUi(parent, tasks, services, flow, reports)


@pytest.fixture
def entries(isolated_app_dirs: Path) -> dict[str, Contribution]:
    """Three ledger entries, stored before the GUI starts."""
    paths = AppPaths(isolated_app_dirs)
    services = open_services(paths, paths.default_database_url)
    try:
        stored = {
            "pipeline": services.ledger.add(
                Contribution(
                    date=TODAY - dt.timedelta(days=5),
                    title="Built the feature pipeline for churn scoring",
                    kind=ContributionKind.DELIVERY,
                    evidence=EvidenceStrength.PEER_CONFIRMED,
                    competencies=("technical-execution",),
                )
            ),
            "review": services.ledger.add(
                Contribution(
                    date=TODAY - dt.timedelta(days=20),
                    title="Reviewed Sam's experiment analysis",
                    kind=ContributionKind.CODE_REVIEW,
                    competencies=("experimentation", "collaboration"),
                )
            ),
            "docs": services.ledger.add(
                Contribution(
                    date=TODAY - dt.timedelta(days=2),
                    title="Wrote the onboarding guide",
                    kind=ContributionKind.DOCUMENTATION,
                )
            ),
        }
    finally:
        services.close()
    return stored


@pytest.fixture
def ui(
    qtbot: QtBot, isolated_app_dirs: Path, entries: dict[str, Contribution]
) -> Iterator[AssessmentUi]:
    opened = open_ui(qtbot, isolated_app_dirs)
    yield opened
    opened.close()


def open_wizard(qtbot: QtBot, ui: AssessmentUi) -> AssessmentWizard:
    with qtbot.waitSignal(ui.flow.wizard_opened, timeout=10_000):
        ui.flow.start()
    wizard = ui.flow.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard


def page(wizard: AssessmentWizard, number: int) -> CompetencyPage:
    """The competency page ``number`` (from 1), once it is the current page."""
    assert wizard.currentId() == number, f"on page {wizard.currentId()}, not {number}"
    current = wizard.currentPage()
    assert isinstance(current, CompetencyPage)
    assert current.competency.id == PAGES[number - 1]
    return current


def choose_level(qtbot: QtBot, current: CompetencyPage, level_id: str) -> None:
    """Pick the level with the keyboard: Alt+L, then arrow keys down the list."""
    qtbot.keyClick(current, Qt.Key.Key_L, ALT)
    assert current.level_combo.hasFocus()
    target = LEVELS.index(level_id)
    while current.level_combo.currentIndex() != target:
        key = Qt.Key.Key_Down if current.level_combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(current.level_combo, key)
    assert current.level_id == level_id


def press_next(qtbot: QtBot, wizard: AssessmentWizard, to: int) -> None:
    qtbot.keyClick(wizard, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == to)


def answer(box: QMessageBox | None, text: str, qtbot: QtBot) -> None:
    """Click the button reading ``text``; the window below gets the keyboard back."""
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    below = box.parentWidget()
    if below is not None and below.isVisible():
        below.activateWindow()  # the offscreen platform does not hand activation back itself
        qtbot.waitUntil(below.isActiveWindow)


def test_the_whole_wizard_by_keyboard_with_a_restart_in_the_middle(
    qtbot: QtBot, ui: AssessmentUi, isolated_app_dirs: Path, entries: dict[str, Contribution]
) -> None:
    wizard = open_wizard(qtbot, ui)
    start = wizard.start_page
    assert not start.resume_button.isVisible()
    assert start.ladder_combo.currentText() == "Data Science IC"
    assert start.version_label.text() == "version 1.0"
    assert start.ladder_combo.hasFocus()
    qtbot.keyClick(wizard, Qt.Key.Key_T, ALT)  # target level, one down and back by arrows
    assert start.target_combo.hasFocus()
    qtbot.keyClick(start.target_combo, Qt.Key.Key_Down)
    assert start.target_combo.currentData() == "staff"
    qtbot.keyClick(start.target_combo, Qt.Key.Key_Up)
    assert start.target_combo.currentData() == "senior"
    choice = start.choice()
    assert choice is not None
    assert (choice.period_start, choice.period_end) == (TODAY - dt.timedelta(days=90), TODAY)
    qtbot.keyClick(start.target_combo, Qt.Key.Key_Return)  # Enter = Next
    qtbot.waitUntil(lambda: wizard.currentId() == 1, timeout=10_000)

    first = page(wizard, 1)
    assert wizard.windowTitle() == "Self-Assessment"
    assert first.title() == "Scope and impact — Handling ambiguity and scope"
    assert first.subTitle().startswith("Competency 1 of 8.")
    assert first.level_combo.hasFocus()
    assert first.level_id is None
    # Before a choice the window sits on the target, with the levels around it.
    assert first.level_columns.shown_level_ids() == ["mid", "senior", "staff"]
    choose_level(qtbot, first, "senior")
    assert [c.chosen for c in first.level_columns.columns] == [False, True, False]
    assert first.level_columns.columns[1].caption_label.text() == "Your choice · Target"
    qtbot.keyClick(first, Qt.Key.Key_H, ALT)  # a mnemonic clicks after a short animation
    qtbot.waitUntil(first.confidence_buttons[Confidence.HIGH].isChecked)
    qtbot.keyClick(first, Qt.Key.Key_O, ALT)
    qtbot.keyClicks(first.notes_edit, "Framed the <b>churn</b> question")
    # A rating above the lowest level with nothing attached is flagged, not blocked.
    assert first.flag_label.isVisible()
    assert first.flag_label.text() == "No evidence yet — the rating is allowed, but flagged."
    with qtbot.waitSignal(ui.flow.draft_saved, timeout=10_000):
        press_next(qtbot, wizard, 2)

    second = page(wizard, 2)
    choose_level(qtbot, second, "mid")
    assert second.level_columns.shown_level_ids() == ["associate", "mid", "senior"]
    qtbot.keyClick(second, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(second.confidence_buttons[Confidence.LOW].isChecked)
    press_next(qtbot, wizard, 3)

    third = page(wizard, 3)
    choose_level(qtbot, third, "senior")
    assert third.flag_label.isVisible()
    model = third.evidence_model
    suggested = model.item_at(0)
    assert suggested is not None
    assert suggested.title == entries["pipeline"].title
    assert model.index(0, model.SUGGESTED).data() == "Suggested"
    assert model.index(1, model.SUGGESTED).data() == ""
    qtbot.keyClick(third, Qt.Key.Key_S, ALT)
    qtbot.keyClicks(third.search_edit, "pipeline")
    assert third.evidence_proxy.rowCount() == 1
    qtbot.keyClick(third.search_edit, Qt.Key.Key_Tab)
    assert third.evidence_view.hasFocus()
    qtbot.keyClick(third.evidence_view, Qt.Key.Key_Space)
    assert model.attached_ids(EvidenceKind.ENTRY) == (entries["pipeline"].id,)
    assert not third.flag_label.isVisible()
    assert third.evidence_summary.text() == "1 attached — strongest evidence: Peer-confirmed"
    press_next(qtbot, wizard, 4)

    fourth = page(wizard, 4)
    choose_level(qtbot, fourth, "mid")
    qtbot.keyClick(fourth, Qt.Key.Key_O, ALT)
    qtbot.keyClicks(fourth.notes_edit, "Ran two A/B tests")

    # Closing halfway asks first, and keeps every answer (this page's too).
    qtbot.keyClick(fourth.notes_edit, Qt.Key.Key_Escape)
    assert wizard.close_question is not None
    assert "Your answers so far are kept; you can resume later." in (
        wizard.close_question.informativeText()
    )
    answer(wizard.close_question, "Keep Going", qtbot)
    assert wizard.isVisible()
    qtbot.keyClick(fourth.notes_edit, Qt.Key.Key_Escape)
    with qtbot.waitSignal(
        ui.flow.draft_saved,
        timeout=10_000,
        check_params_cb=lambda saved: saved.rating("experimentation") is not None,
    ) as saved:
        answer(wizard.close_question, "Close", qtbot)
    assert saved.args is not None
    assert saved.args[0].step == 4
    qtbot.waitUntil(lambda: ui.flow.wizard is None)
    ui.close()

    # A new start of the app on the same data: the unfinished assessment is offered.
    again = open_ui(qtbot, isolated_app_dirs)
    try:
        finish_after_resuming(qtbot, again, entries)
    finally:
        again.close()


def finish_after_resuming(
    qtbot: QtBot, ui: AssessmentUi, entries: dict[str, Contribution]
) -> None:
    wizard = open_wizard(qtbot, ui)
    start = wizard.start_page
    assert start.resume_button.isVisible()
    assert start.resume_button.isChecked()
    text = start.resume_button.text().replace("&", "")
    assert text.startswith("Resume your unfinished assessment of Data Science IC")
    assert "(4 of 8 competencies rated)" in text
    assert not start.form_group.isEnabled()
    qtbot.keyClick(start.resume_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == 4)

    fourth = page(wizard, 4)
    assert fourth.level_id == "mid"
    assert fourth.notes_edit.toPlainText() == "Ran two A/B tests"
    assert fourth.level_combo.hasFocus()
    first, second, third = wizard.competency_pages[:3]
    assert first.level_id == "senior"
    assert first.confidence_buttons[Confidence.HIGH].isChecked()
    assert first.notes_edit.toPlainText() == "Framed the <b>churn</b> question"
    assert second.confidence_buttons[Confidence.LOW].isChecked()
    assert third.evidence_model.attached_ids(EvidenceKind.ENTRY) == (entries["pipeline"].id,)
    # Back leads to the page before, as if the pages had been walked.
    qtbot.keyClick(wizard, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == 3)
    press_next(qtbot, wizard, 4)

    press_next(qtbot, wizard, 5)
    choose_level(qtbot, page(wizard, 5), "mid")
    press_next(qtbot, wizard, 6)  # collaboration is left unrated for now
    press_next(qtbot, wizard, 7)
    choose_level(qtbot, page(wizard, 7), "mid")
    press_next(qtbot, wizard, 8)
    eighth = page(wizard, 8)
    choose_level(qtbot, eighth, "associate")
    assert not eighth.flag_label.isVisible()  # the lowest level needs no evidence
    press_next(qtbot, wizard, REVIEW_ID)

    review = wizard.review_page
    finish = wizard.button(QWizard.WizardButton.CommitButton)
    assert finish.text() == "&Finish"
    assert not finish.isEnabled()
    assert review.missing_label.isVisible()
    assert "Not rated yet: Collaboration and helping others." in review.missing_label.text()
    rows = [review.model.row_at(row) for row in range(review.model.rowCount())]
    assert [row.level for row in rows if row is not None] == [
        "Senior Data Scientist",
        "Data Scientist",
        "Senior Data Scientist",
        "Data Scientist",
        "Data Scientist",
        None,
        "Data Scientist",
        "Associate Data Scientist",
    ]
    assert review.model.index(0, review.model.FLAG).data() == "No evidence yet"
    assert review.model.index(2, review.model.EVIDENCE).data() == "1 (Peer-confirmed)"
    assert review.model.index(5, review.model.LEVEL).data() == "Not rated yet"

    # Enter on a row goes back to it; Back to Review returns.
    assert review.table.hasFocus()
    for _ in range(5):
        qtbot.keyClick(review.table, Qt.Key.Key_Down)
    qtbot.keyClick(review.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == 6)
    choose_level(qtbot, page(wizard, 6), "mid")
    qtbot.keyClick(wizard, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW_ID)
    assert finish.isEnabled()
    assert not review.missing_label.isVisible()

    # Change one answer through the Change button: direction goes from mid to senior.
    review.table.setCurrentIndex(review.model.index(1, 0))
    qtbot.mouseClick(review.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == 2)
    choose_level(qtbot, page(wizard, 2), "senior")
    qtbot.keyClick(wizard, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW_ID)
    assert review.model.index(1, review.model.LEVEL).data() == "Senior Data Scientist"

    with qtbot.waitSignal(ui.flow.assessment_finished, timeout=10_000):
        qtbot.keyClick(wizard, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_ID)
    result = wizard.result_page.result_view.toPlainText()
    assert "Estimated level: Data Scientist" in result
    assert "Policy: Highest level where at least 75% of competencies" in result
    assert "Gaps to Senior Data Scientist" in result
    assert "Rated Data Scientist; target Senior Data Scientist (1 level short)." in result
    assert "Senior Data Scientist expects:" in result
    assert "Reviewed Sam's experiment analysis" not in result  # not attached anywhere
    assert "Framed the <b>churn</b> question" not in result  # notes are not in the result
    assert "No evidence yet" in result

    stored = ui.services.assessments.latest()
    assert stored is not None
    assessment = stored.assessment
    assert not assessment.is_draft
    assert ui.services.assessments.draft() is None
    assert assessment.ladder_id == "data-science-ic"
    assert assessment.ladder_hash == ui.services.ladders.get_stored("data-science-ic").content_hash
    assert assessment.target_level_id == "senior"
    assert (assessment.period_start, assessment.period_end) == (
        TODAY - dt.timedelta(days=90),
        TODAY,
    )
    assert assessment.levels() == {
        "ambiguity-and-scope": "senior",
        "direction": "senior",
        "technical-execution": "senior",
        "experimentation": "mid",
        "delivery": "mid",
        "collaboration": "mid",
        "communication": "mid",
        "learning-and-innovation": "associate",
    }
    ratings = {rating.competency_id: rating for rating in assessment.ratings}
    assert ratings["ambiguity-and-scope"].confidence is Confidence.HIGH
    assert ratings["ambiguity-and-scope"].notes == "Framed the <b>churn</b> question"
    assert ratings["direction"].confidence is Confidence.LOW
    assert ratings["technical-execution"].evidence_ids == (entries["pipeline"].id,)
    assert ratings["experimentation"].notes == "Ran two A/B tests"
    assert ratings["delivery"].confidence is Confidence.MEDIUM
    assert set(stored.result.unsupported) == {
        "ambiguity-and-scope",
        "direction",
        "experimentation",
        "delivery",
        "collaboration",
        "communication",
    }
    assert len(ui.reports) == 1
    assert isinstance(ui.reports[0], AssessmentReport)
    assert ui.reports[0].assessment.id == assessment.id

    close = wizard.button(QWizard.WizardButton.FinishButton)
    assert close.text() == "&Close"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.flow.wizard is None)


def test_starting_anew_discards_the_draft_only_when_confirmed(
    qtbot: QtBot, ui: AssessmentUi
) -> None:
    draft = ui.services.assessments.start(
        "data-science-ic", "senior", TODAY - dt.timedelta(days=30), TODAY
    )
    first_rating = ui.services.assessments.save_draft(draft)
    assert first_rating.id is not None
    wizard = open_wizard(qtbot, ui)
    start = wizard.start_page
    assert "(0 of 8 competencies rated)" in start.resume_button.text()
    qtbot.keyClick(wizard, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(start.new_button.isChecked)
    assert start.form_group.isEnabled()
    qtbot.keyClick(wizard, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.discard_question is not None)
    asked = wizard.discard_question
    assert asked is not None
    assert "will be discarded" in asked.text()
    answer(asked, "Keep Editing", qtbot)
    assert wizard.currentId() == 0
    assert ui.services.assessments.draft() == first_rating
    qtbot.keyClick(wizard, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.discard_question is not asked)
    answer(wizard.discard_question, "Discard", qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == 1, timeout=10_000)
    new_draft = ui.services.assessments.draft()
    assert new_draft is not None
    assert new_draft.id != first_rating.id
    assert new_draft.period_start == TODAY - dt.timedelta(days=90)


def test_the_wizard_models_follow_the_qt_contract(
    qtbot: QtBot, ui: AssessmentUi, qtmodeltester: ModelTester
) -> None:
    wizard = open_wizard(qtbot, ui)
    qtbot.keyClick(wizard, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == 1, timeout=10_000)
    current = wizard.currentPage()
    assert isinstance(current, CompetencyPage)
    model = current.evidence_model
    qtmodeltester.check(model)
    # A click on a row's check box sets its state as an int; the keyboard path as an enum.
    checked = Qt.ItemDataRole.CheckStateRole
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value, checked)
    assert model.is_attached(0)
    assert model.index(0, 0).data(checked) == Qt.CheckState.Checked
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, checked)
    assert not model.is_attached(0)
    assert not model.setData(model.index(0, model.DATE), Qt.CheckState.Checked, checked)
    wizard.go_to(REVIEW_ID)
    assert wizard.currentId() == REVIEW_ID
    qtmodeltester.check(wizard.review_page.model)


def test_a_draft_on_a_ladder_changed_since_keeps_its_version(
    qtbot: QtBot, ui: AssessmentUi
) -> None:
    ladders = ui.services.ladders
    own = replace(ladders.get_ladder("data-science-ic"), id="team-ds", name="Team DS")
    ladders.save_edited(own, None)
    draft = ui.services.assessments.start("team-ds", "senior", TODAY - dt.timedelta(days=7), TODAY)
    pinned = draft.ladder_hash
    ladders.save_edited(replace(own, version="1.1", description="Reworded"), "team-ds")
    assert ladders.get_stored("team-ds").content_hash != pinned

    wizard = open_wizard(qtbot, ui)
    start = wizard.start_page
    assert start.outdated_label.isVisible()
    assert start.outdated_label.text() == (
        "Team DS has changed since you started. The unfinished assessment keeps the version "
        "it started with (1.0); start a new one to use version 1.1."
    )
    qtbot.keyClick(start.resume_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == 1)
    first = page(wizard, 1)
    choose_level(qtbot, first, "mid")
    with qtbot.waitSignal(
        ui.flow.draft_saved,
        timeout=10_000,
        check_params_cb=lambda saved: bool(saved.levels()),  # not the save on resuming
    ) as saved:
        press_next(qtbot, wizard, 2)
    assert saved.args is not None
    assert saved.args[0].ladder_hash == pinned
    assert saved.args[0].levels() == {"ambiguity-and-scope": "mid"}
