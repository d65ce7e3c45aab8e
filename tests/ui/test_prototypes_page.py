"""The Prototypes page: add, edit, move through stages and delete, as a user would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from careercoach.domain.ladder import Competency
from careercoach.domain.prototype import Dataset, Prototype, Stage, StageChange
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.ui.prototype_dialog import PrototypeDialog, StageChangeDialog
from careercoach.ui.prototype_models import (
    CompetencyChoiceModel,
    PrototypeTableModel,
    StageHistoryModel,
)
from careercoach.ui.prototypes_flow import PrototypesFlow
from careercoach.ui.prototypes_page import PrototypesPage
from careercoach.ui.tasks import TaskRunner

TODAY = dt.date.today()
HERO_WARNING = "Built mostly alone: talk to people who would use it before going further."


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@dataclass
class PrototypesUi:
    window: QMainWindow
    page: PrototypesPage
    flow: PrototypesFlow
    services: AppServices
    messages: list[str]


@pytest.fixture
def services(isolated_app_dirs: Path) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, paths.default_database_url)
    yield opened
    opened.close()


@pytest.fixture
def ui(qtbot: QtBot, services: AppServices, isolated_app_dirs: Path) -> Iterator[PrototypesUi]:
    window = QMainWindow()
    page = PrototypesPage(window)
    window.setCentralWidget(page)
    window.resize(1100, 700)
    qtbot.addWidget(window)
    tasks = TaskRunner(window)
    flow = PrototypesFlow(window, page, tasks, isolated_app_dirs)
    messages: list[str] = []
    flow.status_changed.connect(messages.append)
    window.show()
    assert not page.new_button.isEnabled()  # nothing to store into yet
    flow.services = services
    with qtbot.waitSignal(flow.loaded, timeout=10_000):
        flow.reload()
    yield PrototypesUi(window, page, flow, services, messages)
    tasks.wait_for_done()


def store(ui: PrototypesUi, qtbot: QtBot, *prototypes: Prototype) -> list[Prototype]:
    stored = [ui.services.prototypes.add(prototype) for prototype in prototypes]
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        ui.flow.reload(stored[-1].id)
    return stored


def open_editor(ui: PrototypesUi, qtbot: QtBot, button_name: str = "new") -> PrototypeDialog:
    getattr(ui.page, f"{button_name}_button").click()
    qtbot.waitUntil(lambda: ui.flow.dialog is not None and ui.flow.dialog.isVisible())
    assert ui.flow.dialog is not None
    return ui.flow.dialog


def open_stage_dialog(ui: PrototypesUi, qtbot: QtBot) -> StageChangeDialog:
    ui.page.stage_button.click()
    dialog = ui.flow.stage_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def shown_titles(page: PrototypesPage) -> list[str]:
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_an_empty_list_explains_what_prototypes_are_for(ui: PrototypesUi) -> None:
    assert ui.page.stack.currentWidget() is ui.page.empty_label
    assert ui.page.empty_label.text() == (
        "No prototypes yet. Hackathon ideas and side projects go here: "
        "validate them with people before you build."
    )
    assert ui.page.new_button.isEnabled()
    assert not ui.page.edit_button.isEnabled()
    assert not ui.page.delete_button.isEnabled()


def test_a_new_prototype_is_typed_in_and_stored(ui: PrototypesUi, qtbot: QtBot) -> None:
    dialog = open_editor(ui, qtbot)
    form = dialog.form
    assert not dialog.save_button.isEnabled()
    assert dialog.problems_label.text() == "Title is required"
    qtbot.keyClicks(form.title_edit, "Churn demo")
    qtbot.keyClicks(form.pitch_edit, "Warn account managers before customers leave.")
    qtbot.keyClicks(form.dataset_name_edit, "Telco churn")
    qtbot.keyClicks(form.consulted_edit, "Ana")
    qtbot.keyClick(form.consulted_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.consulted_edit, "Bo")
    assert form.consulted_count_spin.value() == 2  # never fewer than the names listed
    form.consulted_count_spin.selectAll()  # as Tab into it does
    qtbot.keyClicks(form.consulted_count_spin, "5")
    assert "even if you don't list them" in form.count_hint.text()
    assert dialog.save_button.isEnabled()
    assert dialog.problems_label.isHidden()

    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)

    assert ui.flow.dialog is None
    [stored] = ui.services.prototypes.prototypes()
    assert stored.title == "Churn demo"
    assert stored.pitch == "Warn account managers before customers leave."
    assert stored.dataset == Dataset("Telco churn")
    assert stored.people_consulted == ("Ana", "Bo")
    assert stored.consulted_count == 5
    assert stored.hours is None
    assert stored.history == (StageChange(Stage.IDEA, TODAY),)
    assert shown_titles(ui.page) == ["Churn demo"]
    assert ui.page.current_prototype() == stored
    assert ui.page.title_label.text() == "Churn demo — Idea"
    assert "5 people: Ana, Bo" in ui.page.detail_view.toPlainText()
    assert ui.messages == ["Added “Churn demo”."]


def test_a_new_prototype_can_start_at_a_later_stage(ui: PrototypesUi, qtbot: QtBot) -> None:
    dialog = open_editor(ui, qtbot)
    form = dialog.form
    qtbot.keyClicks(form.title_edit, "Forecast bot")
    form.stage_combo.setCurrentIndex(form.stage_combo.findData("validating"))
    form.start_date_edit.setDate(form.start_date_edit.date().addDays(3))
    assert dialog.problems_label.text().startswith("Date ")
    assert "is in the future" in dialog.problems_label.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert ui.flow.dialog is dialog  # Enter does not save while a problem remains

    form.start_date_edit.setDate(form.start_date_edit.date().addDays(-10))
    form.hours_spin.setValue(4.5)
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        dialog.save_button.click()
    [stored] = ui.services.prototypes.prototypes()
    assert stored.history == (StageChange(Stage.VALIDATING, days_ago(7)),)
    assert stored.hours == 4.5


def test_escape_closes_an_untouched_editor(ui: PrototypesUi, qtbot: QtBot) -> None:
    dialog = open_editor(ui, qtbot)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Escape)
    assert ui.flow.dialog is None
    assert ui.services.prototypes.prototypes() == ()


def test_escape_asks_before_discarding_changes(ui: PrototypesUi, qtbot: QtBot) -> None:
    dialog = open_editor(ui, qtbot)
    qtbot.keyClicks(dialog.form.title_edit, "Half an idea")
    qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Discard the changes you have not saved?"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Keep Editing
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible()
    assert dialog.form.title_edit.text() == "Half an idea"

    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    box = dialog.discard_box
    assert box is not None
    with qtbot.waitSignal(dialog.finished):
        box.button(QMessageBox.StandardButton.Discard).click()
    assert ui.flow.dialog is None
    assert ui.services.prototypes.prototypes() == ()


def test_moving_to_building_stores_the_dated_change(ui: PrototypesUi, qtbot: QtBot) -> None:
    [stored] = store(ui, qtbot, Prototype("Churn demo", (StageChange(Stage.IDEA, days_ago(20)),)))
    assert ui.page.warning_label.isHidden()
    dialog = open_stage_dialog(ui, qtbot)
    stages = [dialog.stage_combo.itemData(i) for i in range(dialog.stage_combo.count())]
    assert "idea" not in stages  # its current stage is not offered
    assert dialog.stage_combo.currentData() == "validating"  # the usual next step first

    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("building"))
    assert "talk to the people who would use it" in dialog.advice_label.text()
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-5))
    qtbot.keyClicks(dialog.reason_edit, "Hackathon weekend")
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    moved = ui.services.prototypes.get(stored.id or 0)
    assert moved.history == (
        StageChange(Stage.IDEA, days_ago(20)),
        StageChange(Stage.BUILDING, days_ago(5), "Hackathon weekend"),
    )
    assert ui.messages == ["Moved “Churn demo” to Building."]
    assert ui.page.current_prototype() == moved
    assert ui.page.history_model.rowCount() == 2
    history = ui.page.history_model
    assert [history.index(1, column).data() for column in range(3)] == [
        "Building",
        days_ago(5).isoformat(),
        "Hackathon weekend",
    ]
    assert ui.page.warning_label.isVisible()
    assert "without validating the idea with people" in ui.page.warning_label.text()


def test_a_stage_date_before_the_last_change_cannot_be_saved(
    ui: PrototypesUi, qtbot: QtBot
) -> None:
    [stored] = store(
        ui,
        qtbot,
        Prototype(
            "Churn demo",
            (StageChange(Stage.IDEA, days_ago(20)), StageChange(Stage.VALIDATING, days_ago(10))),
        ),
    )
    dialog = open_stage_dialog(ui, qtbot)
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-12))
    expected = (
        f"Date {days_ago(12).isoformat()} is before the previous stage change "
        f"({days_ago(10).isoformat()})"
    )
    assert dialog.problems_label.text() == expected
    assert dialog.problems_label.isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()

    dialog.date_edit.setDate(dialog.date_edit.date().addDays(20))
    assert "is in the future" in dialog.problems_label.text()
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    assert ui.services.prototypes.get(stored.id or 0).stage is Stage.VALIDATING


def test_editing_keeps_the_history_and_shows_it_read_only(ui: PrototypesUi, qtbot: QtBot) -> None:
    history = (StageChange(Stage.IDEA, days_ago(30)), StageChange(Stage.BUILDING, days_ago(2)))
    [stored] = store(
        ui,
        qtbot,
        Prototype("Churn demo", history, competencies=("collaboration", "old-skill")),
    )
    dialog = open_editor(ui, qtbot, "edit")
    form = dialog.form
    assert dialog.windowTitle() == "Edit Prototype"
    assert form.title_edit.text() == "Churn demo"
    assert form.history_model.rowCount() == 2
    assert form.stage_combo.isHidden()
    choices = form.competency_model
    labels = [choices.index(row).data() for row in range(choices.rowCount())]
    assert "Collaboration and helping others" in labels
    assert labels[-1] == "old-skill (not in your ladder)"
    assert choices.checked_ids() == ("collaboration", "old-skill")
    experimentation = choices.index(labels.index("Experimentation and statistical rigour"))
    choices.setData(experimentation, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    form.title_edit.selectAll()
    qtbot.keyClicks(form.title_edit, "Churn early warning")
    form.hours_spin.setValue(12)
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)

    saved = ui.services.prototypes.get(stored.id or 0)
    assert saved.title == "Churn early warning"
    assert saved.history == history
    assert saved.hours == 12
    assert saved.competencies == ("experimentation", "collaboration", "old-skill")
    assert ui.messages == ["Saved “Churn early warning”."]
    assert shown_titles(ui.page) == ["Churn early warning"]
    details = ui.page.detail_view.toPlainText()
    assert "Experimentation and statistical rigour, Collaboration and helping others" in details


def test_delete_asks_with_the_title_then_removes_it(ui: PrototypesUi, qtbot: QtBot) -> None:
    store(ui, qtbot, Prototype("Churn demo", (StageChange(Stage.IDEA, days_ago(3)),)))
    ui.page.delete_button.click()
    box = ui.flow.delete_box
    assert box is not None
    assert box.text() == "Delete “Churn demo”?"
    assert box.informativeText() == (  # Edit → Undo Delete is for the ledger only
        "Its stage history and notes are deleted with it. This cannot be undone."
    )
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(ui.services.prototypes.prototypes()) == 1

    ui.page.table.setFocus()
    qtbot.keyClick(ui.page.table, Qt.Key.Key_Delete)
    box = ui.flow.delete_box
    assert box is not None
    [delete] = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        delete.click()
    assert ui.services.prototypes.prototypes() == ()
    assert ui.page.stack.currentWidget() is ui.page.empty_label
    assert ui.messages == ["Deleted “Churn demo”."]


def test_the_delete_question_shows_the_title_as_written(ui: PrototypesUi, qtbot: QtBot) -> None:
    title = "<b>BOLD</b> <img src=x>"
    store(ui, qtbot, Prototype(title, (StageChange(Stage.IDEA, days_ago(3)),)))
    ui.page.delete_button.click()
    box = ui.flow.delete_box
    assert box is not None
    assert box.textFormat() == Qt.TextFormat.PlainText  # not rendered as bold or an image
    assert box.text() == f"Delete “{title}”?"
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert [p.title for p in ui.services.prototypes.prototypes()] == [title]


def test_saving_unchanged_keeps_hours_to_the_hundredth(ui: PrototypesUi, qtbot: QtBot) -> None:
    [stored] = store(
        ui, qtbot, Prototype("Churn demo", (StageChange(Stage.IDEA, days_ago(3)),), hours=7.25)
    )
    dialog = open_editor(ui, qtbot, "edit")
    assert dialog.form.hours_spin.value() == 7.25
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)
    assert ui.services.prototypes.get(stored.id or 0) == stored
    assert ui.messages == ["Saved “Churn demo”."]


def test_hero_development_is_flagged_in_the_details(ui: PrototypesUi, qtbot: QtBot) -> None:
    alone, validated = store(
        ui,
        qtbot,
        Prototype(
            "Solo dashboard",
            (StageChange(Stage.IDEA, days_ago(40)),),
            hours=26,
            consulted_count=1,
        ),
        Prototype(
            "Churn demo",
            (StageChange(Stage.VALIDATING, days_ago(9)), StageChange(Stage.BUILDING, days_ago(2))),
            hours=30,
            people_consulted=("Ana", "Bo", "Cy"),
            consulted_count=6,
        ),
    )
    assert ui.page.current_prototype() == validated
    assert ui.page.warning_label.isHidden()
    ui.page.table.selectRow(shown_titles(ui.page).index("Solo dashboard"))
    assert ui.page.current_prototype() == alone
    assert ui.page.warning_label.isVisible()
    assert HERO_WARNING in ui.page.warning_label.text()


def test_user_text_is_shown_as_written(ui: PrototypesUi, qtbot: QtBot) -> None:
    store(
        ui,
        qtbot,
        Prototype(
            "<b>Bold</b> idea",
            (StageChange(Stage.IDEA, days_ago(1)),),
            pitch="<img src=x> & <a href='y'>link</a>",
        ),
    )
    assert ui.page.title_label.text() == "<b>Bold</b> idea — Idea"
    assert "<img src=x> & <a href='y'>link</a>" in ui.page.detail_view.toPlainText()


def test_the_list_sorts_by_any_column(ui: PrototypesUi, qtbot: QtBot) -> None:
    store(
        ui,
        qtbot,
        Prototype("Old", (StageChange(Stage.IDEA, days_ago(90)),), hours=40),
        Prototype("New", (StageChange(Stage.IDEA, days_ago(1)),), hours=2.5),
        Prototype("Middle", (StageChange(Stage.DEMO, days_ago(30)),)),
    )
    assert shown_titles(ui.page) == ["New", "Middle", "Old"]  # latest started first
    ui.page.table.sortByColumn(PrototypeTableModel.HOURS, Qt.SortOrder.DescendingOrder)
    assert shown_titles(ui.page) == ["Old", "New", "Middle"]
    ui.page.table.sortByColumn(PrototypeTableModel.STAGE, Qt.SortOrder.AscendingOrder)
    assert shown_titles(ui.page)[-1] == "Middle"
    assert ui.page.current_prototype() is not None


def test_models_follow_the_qt_contract(
    ui: PrototypesUi, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    store(
        ui,
        qtbot,
        Prototype(
            "Churn demo",
            (StageChange(Stage.IDEA, days_ago(9)), StageChange(Stage.SHELVED, days_ago(2), "No")),
            hours=3,
        ),
        Prototype("Bot", (StageChange(Stage.IDEA, days_ago(1)),)),
    )
    qtmodeltester.check(ui.page.model)
    qtmodeltester.check(ui.page.history_model)
    history = StageHistoryModel()
    history.set_history((StageChange(Stage.IDEA, TODAY, "why\nnot"),))
    qtmodeltester.check(history)
    choices = CompetencyChoiceModel()
    choices.set_choices([Competency("delivery", "Delivery", "Craft")], ["delivery", "gone"])
    qtmodeltester.check(choices)
    assert choices.checked_ids() == ("delivery", "gone")
