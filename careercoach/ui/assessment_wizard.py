"""The guided self-assessment: start, one page per competency, review and result."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget, QWizard

from careercoach.domain.assessment import Assessment, Rating
from careercoach.domain.ladder import Ladder
from careercoach.services.assessment_service import AssessmentReport
from careercoach.ui.assessment_wizard_competency import CompetencyPage
from careercoach.ui.assessment_wizard_models import ReviewRow
from careercoach.ui.assessment_wizard_pages import ResultPage, ReviewPage, StartPage
from careercoach.ui.assessment_wizard_state import (
    RESULT_ID,
    REVIEW_ID,
    START_ID,
    StartChoice,
    WizardData,
    evidence_items,
    grouped_competencies,
    page_id,
    previous_level,
)
from careercoach.ui.form_helpers import ask_to_discard

_Button = QWizard.WizardButton


class AssessmentWizard(QWizard):
    """Walks the user through a self-assessment; the caller stores what it asks to.

    The wizard never touches the services. It asks through signals and is told the
    outcome: ``start_requested`` → ``draft_started`` or ``start_failed``;
    ``finish_requested`` → ``show_report`` or ``finish_failed``. ``draft_changed`` carries
    the answers so far (with the step reached) after every page and when it is closed.
    """

    start_requested = Signal(object)  # StartChoice
    finish_requested = Signal(object)  # Assessment: the draft to finish
    draft_changed = Signal(object)  # Assessment: the answers so far, to keep

    def __init__(self, data: WizardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.draft: Assessment | None = None  # the draft being answered, once begun
        self.ladder: Ladder | None = None  # the version the draft is pinned to
        self.report: AssessmentReport | None = None  # once finished
        self.competency_pages: list[CompetencyPage] = []
        self.close_question: QMessageBox | None = None
        self.discard_question: QMessageBox | None = None
        self._busy = False
        self._jumping = False  # moving through pages on the user's behalf
        self._reviewed = False  # the review page has been shown
        self._proceed = False  # the start page has done its work: Next may move on
        self._closing = False
        self._evidence = evidence_items(
            data.entries, data.prototypes, self.tr("Prototype ({stage})")
        )
        self.setObjectName("assessmentWizard")
        self.setWindowTitle(self.tr("Self-Assessment"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setTitleFormat(Qt.TextFormat.PlainText)  # titles quote ladder files
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(_Button.CustomButton1, self.tr("Back to Re&view"))
        self.setButtonText(_Button.FinishButton, self.tr("&Close"))
        self.setButtonText(_Button.CancelButton, self.tr("Close"))
        self.start_page = StartPage(data, self)
        self.review_page = ReviewPage(self)
        self.review_page.setButtonText(_Button.CommitButton, self.tr("&Finish"))
        self.result_page = ResultPage(self)
        self.setPage(START_ID, self.start_page)
        self.setPage(REVIEW_ID, self.review_page)
        self.setPage(RESULT_ID, self.result_page)
        self.review_page.change_requested.connect(self.go_to)
        self.currentIdChanged.connect(self._on_current_id_changed)
        self.customButtonClicked.connect(self._on_custom_button_clicked)
        room = self.screen().availableGeometry()  # small laptop screens get a smaller wizard
        self.resize(min(1060, room.width() * 95 // 100), min(780, room.height() * 9 // 10))

    # -- the draft ------------------------------------------------------------------------

    def current_draft(self) -> Assessment | None:
        """The draft with every answer given so far and the step reached; None before it."""
        if self.draft is None:
            return None
        ratings = tuple(
            rating
            for rating in (page.rating() for page in self.competency_pages)
            if rating != Rating(rating.competency_id)
        )
        return replace(self.draft, ratings=ratings, step=self._step())

    def _step(self) -> int:
        """The page reached: 1 to N for the competencies, N + 1 for the review."""
        current = self.currentId()
        if 1 <= current <= len(self.competency_pages):
            return current
        return len(self.competency_pages) + 1 if current >= REVIEW_ID else 1

    def draft_started(self, draft: Assessment, ladder: Ladder) -> None:
        """The new draft is stored: build its pages and go to the first competency."""
        self._set_busy(False)
        self._begin(draft, ladder)
        self._proceed = True
        self.next()

    def start_failed(self) -> None:
        """Starting failed (the caller reported why): the start page can be used again."""
        self._set_busy(False)

    def show_report(self, report: AssessmentReport) -> None:
        """The assessment is finished and stored: show its result."""
        self.report = report
        self._set_busy(False)
        self.result_page.show_report(report)
        self.go_to(RESULT_ID)

    def finish_failed(self) -> None:
        """Finishing failed (the caller reported why): the review page can be used again."""
        self._set_busy(False)

    def _begin(self, draft: Assessment, ladder: Ladder) -> None:
        self.draft, self.ladder = draft, ladder
        competencies = grouped_competencies(ladder)
        for position, competency in enumerate(competencies):
            page = CompetencyPage(
                ladder,
                competency,
                (position + 1, len(competencies)),
                draft.target_level_id,
                previous_level(self.data.history, ladder, competency.id),
                draft.rating(competency.id),
                self._evidence,
                self,
            )
            self.setPage(page_id(position), page)
            self.competency_pages.append(page)

    # -- navigation -----------------------------------------------------------------------

    def validateCurrentPage(self) -> bool:
        current = self.currentId()
        if current == START_ID:
            return self._validate_start()
        if current == REVIEW_ID:
            return self._validate_review()
        return super().validateCurrentPage()

    def _validate_start(self) -> bool:
        if self._proceed:
            self._proceed = False
            return True
        if self._busy:
            return False
        draft, ladder = self.data.draft, self.data.draft_ladder
        if self.start_page.resume_chosen() and draft is not None and ladder is not None:
            self._begin(draft, ladder)
            resume_at = min(max(draft.step, 1), len(self.competency_pages) + 1)
            self._jumping = True  # no saving on the way: the draft keeps its step
            QTimer.singleShot(0, lambda: self._resume_at(resume_at))
            return True
        choice = self.start_page.choice()
        if choice is None:
            return False
        if draft is not None and ladder is not None:
            rated = len(draft.levels())
            question = self.tr(
                "Start a new assessment? Your unfinished assessment of {ladder} "
                "({rated} of {total} competencies rated) will be discarded."
            ).format(ladder=ladder.name, rated=rated, total=len(ladder.competencies))
            self.discard_question = ask_to_discard(
                self, question, lambda: self._request_start(choice)
            )
            return False
        self._request_start(choice)
        return False

    def _request_start(self, choice: StartChoice) -> None:
        self._set_busy(True)
        self.start_requested.emit(choice)

    def _resume_at(self, step: int) -> None:
        self._jumping = False
        self.go_to(page_id(step - 1) if step <= len(self.competency_pages) else REVIEW_ID)

    def _validate_review(self) -> bool:
        if self.report is not None:
            return True
        draft = self.current_draft()
        if draft is None or self._busy or not self.review_page.isComplete():
            return False
        self._set_busy(True)
        self.finish_requested.emit(draft)
        return False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.start_page.set_busy(busy)
        self.review_page.set_busy(busy)
        if busy:  # after the pages' completeChanged, which re-enables Back
            self.button(_Button.BackButton).setEnabled(False)

    def page_order(self) -> list[int]:
        """Every page id in the order the pages follow each other."""
        competencies = [page_id(i) for i in range(len(self.competency_pages))]
        return [START_ID, *competencies, REVIEW_ID, RESULT_ID]

    def go_to(self, target: int) -> None:
        """Move page by page to ``target`` (Back or Next as the user would), then keep the draft.

        Pages are walked rather than jumped to, so Back keeps leading to the page before.
        """
        order = self.page_order()
        if target not in order or self.currentId() not in order or self._busy:
            return
        self._jumping = True
        try:
            while self.currentId() != target:
                before = self.currentId()
                if order.index(target) < order.index(before):
                    self.back()
                else:
                    self.next()
                if self.currentId() == before:
                    break  # refused (a page not valid yet)
        finally:
            self._jumping = False
        self._on_current_id_changed(self.currentId())

    def _on_current_id_changed(self, current: int) -> None:
        if self._jumping or current == -1:  # -1: closing resets the wizard
            return
        if current == REVIEW_ID:
            self._reviewed = True
            self._show_review()
        on_competency = 1 <= current <= len(self.competency_pages)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, self._reviewed and on_competency)
        page = self.currentPage()
        if isinstance(page, CompetencyPage | StartPage | ReviewPage | ResultPage):
            page.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        draft = self.current_draft()
        if draft is not None and self.report is None and current != START_ID:
            self.draft_changed.emit(draft)

    def _on_custom_button_clicked(self, which: int) -> None:
        if which == _Button.CustomButton1.value:
            self.go_to(REVIEW_ID)

    def _show_review(self) -> None:
        draft, ladder = self.draft, self.ladder
        if draft is None or ladder is None:
            return
        rows: list[ReviewRow] = []
        for page in self.competency_pages:
            rating = page.rating()
            level = ladder.level(rating.level_id) if rating.level_id else None
            strength = page.evidence_strength()
            rows.append(
                ReviewRow(
                    page_id(len(rows)),
                    page.competency.name,
                    level.title if level is not None else None,
                    rating.confidence.label,
                    len(page.evidence_model.attached_items()),
                    strength.label if strength is not None else None,
                    page.is_unsupported(),
                )
            )
        target = ladder.level(draft.target_level_id)
        overview = self.tr(
            "{ladder} version {version} · target {target} · period {start}\u2013{end}"
        ).format(
            ladder=ladder.name,
            version=draft.ladder_version,
            target=target.title if target is not None else draft.target_level_id,
            start=draft.period_start.isoformat(),
            end=draft.period_end.isoformat(),
        )
        self.review_page.set_answers(overview, rows)

    # -- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        if self._busy:
            return  # a start or finish is being stored: its outcome decides what is shown
        if self.draft is None or self.report is not None or self._closing:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Close the self-assessment?"),
            parent=self,
        )
        box.setObjectName("closeQuestion")
        box.setInformativeText(self.tr("Your answers so far are kept; you can resume later."))
        close_button = box.addButton(self.tr("&Close"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Keep Going"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(button: QAbstractButton) -> None:
            if button is close_button:
                self._close_keeping_draft()

        box.buttonClicked.connect(answered)
        self.close_question = box
        box.open()

    def _close_keeping_draft(self) -> None:
        draft = self.current_draft()
        if draft is not None:
            self.draft_changed.emit(draft)
        self._closing = True
        self.reject()
