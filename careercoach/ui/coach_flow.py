"""Keeps the Coach page current and carries out its actions (with undo) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from careercoach.domain.coach import CoachAdvice, Suggestion, SuggestionState
from careercoach.domain.errors import NotFoundError, UserError
from careercoach.ui.coach_page import CoachPage
from careercoach.ui.error_reporting import report_failure
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from careercoach.services.app_services import AppServices

MAX_UNDO = 20


@dataclass(frozen=True)
class CoachView:
    """What the Coach page shows: the advice and the names of the profile ladder's competencies."""

    advice: CoachAdvice
    competency_names: Mapping[str, str]


def read_coach_view(services: AppServices) -> CoachView:
    """Evaluate the rules against today's data (slow the first time: run it off the GUI)."""
    advice = services.coach.advice()
    try:
        ladder = services.ladders.get_ladder(services.profile.show().ladder_id)
    except NotFoundError:  # the profile names a ladder that is gone: competencies by id
        return CoachView(advice, {})
    return CoachView(advice, {c.id: c.name for c in ladder.competencies})


@dataclass(frozen=True)
class _Undo:
    rule_id: str
    previous: SuggestionState | None  # what was stored before the action (None: nothing)
    done_message: str
    undone_message: str


class CoachFlow(QObject):
    """Checking the data, Mark Done, Snooze, Dismiss, Show Again and Undo on the Coach page.

    Set ``services`` once the database is open; ``refresh_if_shown`` after data changed
    elsewhere. The page is checked again every time it is shown.
    """

    status_changed = Signal(str)
    advice_shown = Signal()  # the page shows the advice as of now

    def __init__(
        self,
        parent: QWidget,
        page: CoachPage,
        tasks: TaskRunner,
        data_dir: Path,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._page = page
        self._tasks = tasks
        self._data_dir = data_dir
        self._services: AppServices | None = None
        self._checking = False
        self._check_again = False
        self._acting = False
        self._generation = 0  # bumped by each action: older readings are out of date
        self._select_next: str | None = None
        self._undo: list[_Undo] = []
        page.shown.connect(self.refresh)
        page.refresh_requested.connect(self.refresh)
        page.done_requested.connect(self.mark_done)
        page.snooze_requested.connect(self.snooze)
        page.dismiss_requested.connect(self.dismiss)
        page.show_again_requested.connect(self.show_again)
        page.undo_requested.connect(self.undo)
        page.open_rules_folder_requested.connect(self.open_rules_folder)

    @property
    def services(self) -> AppServices | None:
        """The services; None until the database is open."""
        return self._services

    @services.setter
    def services(self, services: AppServices | None) -> None:
        self._services = services
        self._page.set_editing_enabled(services is not None)
        self.refresh_if_shown()

    @property
    def can_undo(self) -> bool:
        """True when the last action on a suggestion can be undone."""
        return bool(self._undo)

    # -- reading --------------------------------------------------------------------------

    def refresh_if_shown(self, *_changed: object) -> None:
        """Check the data again if the page is on screen (it checks itself when shown)."""
        if self._page.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Evaluate the rules in the background and show the advice."""
        services = self._services
        if services is None:
            return
        if self._checking:  # one reading at a time; the latest request is read afterwards
            self._check_again = True
            return
        self._checking = True
        self._page.set_checking(True)
        generation = self._generation

        def done(view: CoachView) -> None:
            self._checking = False
            if generation == self._generation and not self._check_again:
                self._page.set_advice(view.advice, view.competency_names, self._select_next)
                self._select_next = None
                self.advice_shown.emit()
            self._read_again_if_asked()

        def failed(error: BaseException) -> None:
            self._checking = False
            self._page.set_checking(False)
            report_failure(self._parent, error, self._data_dir)
            self._check_again = False

        self._tasks.submit(lambda: read_coach_view(services), done, failed)

    def _read_again_if_asked(self) -> None:
        if self._check_again:
            self._check_again = False
            self.refresh()

    # -- actions --------------------------------------------------------------------------

    def mark_done(self, suggestion: Suggestion) -> None:
        """Mark the suggestion done: it stays away for its rule's cooldown."""
        rule = suggestion.rule
        self._act(
            suggestion,
            lambda services: services.coach.mark_done(rule.id),
            self.tr("Marked “{title}” done; it is not suggested before {date}."),
        )

    def snooze(self, suggestion: Suggestion, days: int) -> None:
        """Hide the suggestion for ``days`` days."""
        rule = suggestion.rule
        self._act(
            suggestion,
            lambda services: services.coach.snooze(rule.id, days),
            self.tr("Snoozed “{title}” until {date}."),
        )

    def dismiss(self, suggestion: Suggestion) -> None:
        """Dismiss the suggestion: it stays away for its rule's cooldown."""
        rule = suggestion.rule
        self._act(
            suggestion,
            lambda services: services.coach.dismiss(rule.id),
            self.tr("Dismissed “{title}”; it is not suggested before {date}."),
        )

    def show_again(self, suggestion: Suggestion) -> None:
        """Put a hidden suggestion back in the list now."""
        rule = suggestion.rule
        self._act(
            suggestion,
            lambda services: services.coach.restore(rule.id, None),
            self.tr("“{title}” is suggested again."),
        )

    def _act(
        self,
        suggestion: Suggestion,
        work: Callable[[AppServices], SuggestionState | None],
        template: str,
    ) -> None:
        services = self._services
        if services is None or self._acting:
            return
        rule = suggestion.rule
        self._acting = True
        self._generation += 1

        def run() -> tuple[SuggestionState | None, SuggestionState | None]:
            previous = services.coach.states().get(rule.id)
            return previous, work(services)

        def done(outcome: tuple[SuggestionState | None, SuggestionState | None]) -> None:
            previous, state = outcome
            until = state.hidden_until(rule) if state is not None else None
            text = template.format(
                title=rule.title, date=until.isoformat() if until is not None else ""
            )
            undone = (
                self.tr("Undone: “{title}” is back in the list.")
                if state is not None
                else self.tr("Undone: “{title}” is hidden again.")
            )
            self._undo.append(_Undo(rule.id, previous, text, undone.format(title=rule.title)))
            del self._undo[:-MAX_UNDO]
            if state is None:
                self._select_next = rule.id  # shown again: select it in the list
            self._finish_action(text)

        self._tasks.submit(run, done, self._on_action_failed)

    def undo(self) -> None:
        """Put back what the last action changed."""
        services = self._services
        if services is None or self._acting or not self._undo:
            return
        entry = self._undo.pop()
        self._acting = True
        self._generation += 1

        def done(_result: None) -> None:
            self._select_next = entry.rule_id
            self._finish_action(entry.undone_message)

        def failed(error: BaseException) -> None:
            self._undo.append(entry)  # still there to try again
            self._on_action_failed(error)

        self._tasks.submit(
            lambda: services.coach.restore(entry.rule_id, entry.previous), done, failed
        )

    def _finish_action(self, message: str) -> None:
        self._acting = False
        self.status_changed.emit(message)
        if self._undo:
            self._page.show_undo(self._undo[-1].done_message)
        else:
            self._page.hide_undo()
        self.refresh()

    def _on_action_failed(self, error: BaseException) -> None:
        self._acting = False
        report_failure(self._parent, error, self._data_dir)
        self.refresh()  # a rule that is gone meanwhile: show what is really there

    # -- rules folder ---------------------------------------------------------------------

    def open_rules_folder(self) -> None:
        """Open the user's rules folder in the file manager, creating it first if needed."""
        services = self._services
        if services is None:
            return
        try:
            folder = services.coach.ensure_rules_folder()
        except UserError as error:
            report_failure(self._parent, error, self._data_dir)
            return
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.status_changed.emit(
                self.tr("Opened your rules folder, {folder}.").format(folder=folder)
            )
        else:
            self.status_changed.emit(
                self.tr("No file manager could open your rules folder; it is {folder}.").format(
                    folder=folder
                )
            )
