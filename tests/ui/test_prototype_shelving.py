"""Saying why a prototype was shelved: the Move to Stage dialog, the editor and the details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QMainWindow, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.ui.prototype_dialog import PrototypeDialog
from careercoach.ui.prototype_models import PrototypeTableModel, shelve_reason_label
from careercoach.ui.prototypes_flow import PrototypesFlow
from careercoach.ui.prototypes_page import PrototypesPage
from careercoach.ui.tasks import TaskRunner
from tests.ui.test_ledger_page import mnemonics
from tests.ui.test_prototypes_page import (
    PrototypesUi,
    days_ago,
    open_editor,
    open_stage_dialog,
    store,
)

TODAY = dt.date.today()
CHOICES = [
    "Not said",
    "No appetite in the organisation",
    "Did not work out",
    "Superseded by other work",
    "No time to continue",
    "Other reason",
]


@pytest.fixture
def services(isolated_app_dirs: Path) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, paths.default_database_url)
    yield opened
    opened.close()


@pytest.fixture
def ui(qtbot: QtBot, services: AppServices, isolated_app_dirs: Path) -> Iterator[PrototypesUi]:
    """The Prototypes page and its flow over the test's own database."""
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
    flow.services = services
    with qtbot.waitSignal(flow.loaded, timeout=10_000):
        flow.reload()
    yield PrototypesUi(window, page, flow, services, messages)
    tasks.wait_for_done()


def choices(combo: QComboBox) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def row_label(form: QFormLayout, field: QWidget) -> QLabel:
    label = form.labelForField(field)
    assert isinstance(label, QLabel)
    return label


def timeline_row(ui: PrototypesUi, row: int) -> list[str]:
    history = ui.page.history_model
    return [history.index(row, column).data() for column in range(3)]


def first_focused_after(start: QWidget, *widgets: QWidget) -> QWidget:
    """Which of ``widgets`` Tab reaches first from ``start``."""
    widget = start.nextInFocusChain()
    while widget not in widgets:
        assert widget is not start, "none of them is in the focus chain"
        widget = widget.nextInFocusChain()
    return widget


def a_validated_idea() -> Prototype:
    return Prototype(
        "Feature store",
        (StageChange(Stage.IDEA, days_ago(30)), StageChange(Stage.VALIDATING, days_ago(20))),
    )


def test_the_ui_labels_read_as_the_domain_labels() -> None:
    assert [shelve_reason_label(reason) for reason in ShelveReason] == [
        reason.label for reason in ShelveReason
    ]


def test_shelving_in_the_stage_dialog_stores_why_and_the_details_show_it(
    ui: PrototypesUi, qtbot: QtBot
) -> None:
    [stored] = store(ui, qtbot, a_validated_idea())
    dialog = open_stage_dialog(ui, qtbot)
    assert dialog.stage_combo.currentData() == "building"
    assert dialog.because_combo.isHidden()
    assert row_label(dialog.form, dialog.because_combo).isHidden()

    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("shelved"))
    assert dialog.because_combo.isVisible()
    label = row_label(dialog.form, dialog.because_combo)
    assert label.isVisible()
    assert label.text() == "&Why shelved:"
    assert label.buddy() is dialog.because_combo
    assert choices(dialog.because_combo) == CHOICES
    assert dialog.because_combo.currentText() == "Not said"
    assert dialog.reason_edit.placeholderText() == "The details, and what you learned"
    assert "Shelving is a result too" in dialog.advice_label.text()
    # The category sits between the date and the free text, in reading and tab order.
    rows = [dialog.form.getWidgetPosition(w)[0] for w in (dialog.date_edit, dialog.reason_edit)]
    assert rows[0] < dialog.form.getWidgetPosition(dialog.because_combo)[0] < rows[1]
    assert first_focused_after(dialog.date_edit, dialog.because_combo, dialog.reason_edit) is (
        dialog.because_combo
    )

    dialog.because_combo.setCurrentIndex(
        dialog.because_combo.findText("No appetite in the organisation")
    )
    qtbot.keyClicks(dialog.reason_edit, "Platform will extend theirs")
    assert dialog.change().shelved_because is ShelveReason.NO_APPETITE
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        dialog.save_button.click()

    moved = ui.services.prototypes.get(stored.id or 0)
    assert moved.history[-1] == StageChange(
        Stage.SHELVED, TODAY, "Platform will extend theirs", ShelveReason.NO_APPETITE
    )
    assert ui.messages == ["Moved “Feature store” to Shelved."]
    assert ui.page.title_label.text() == "Feature store — Shelved"
    assert timeline_row(ui, 2) == [
        "Shelved",
        TODAY.isoformat(),
        "No appetite in the organisation: Platform will extend theirs",
    ]
    reason_index = ui.page.history_model.index(2, 2)
    assert "No appetite in the organisation" in reason_index.data(Qt.ItemDataRole.ToolTipRole)
    details = ui.page.detail_view.toPlainText()
    assert f"Shelved\n{TODAY} — No appetite in the organisation: Platform will extend" in details
    stage_index = ui.page.model.index(0, PrototypeTableModel.STAGE)
    stage_tip = stage_index.data(Qt.ItemDataRole.ToolTipRole)
    assert "No appetite in the organisation: Platform will extend theirs" in stage_tip


def test_the_category_is_hidden_for_other_stages_and_not_stored_with_them(
    ui: PrototypesUi, qtbot: QtBot
) -> None:
    [stored] = store(ui, qtbot, a_validated_idea())
    dialog = open_stage_dialog(ui, qtbot)
    for stage in ("building", "demo", "adopted", "idea"):
        dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(stage))
        assert dialog.because_combo.isHidden(), stage
        assert not dialog.because_combo.isEnabled(), stage
        assert dialog.reason_edit.placeholderText() == "e.g. who you asked, or what happened"

    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("shelved"))
    dialog.because_combo.setCurrentIndex(dialog.because_combo.findText("No time to continue"))
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("building"))
    assert dialog.because_combo.isHidden()
    assert dialog.change().shelved_because is None  # a choice out of sight does not count
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    moved = ui.services.prototypes.get(stored.id or 0)
    assert moved.history[-1] == StageChange(Stage.BUILDING, TODAY)
    assert timeline_row(ui, 2) == ["Building", TODAY.isoformat(), ""]
    assert "Shelved" not in ui.page.detail_view.toPlainText()


def test_shelving_without_saying_why_stores_no_category(ui: PrototypesUi, qtbot: QtBot) -> None:
    [stored] = store(ui, qtbot, a_validated_idea())
    dialog = open_stage_dialog(ui, qtbot)
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("shelved"))
    qtbot.keyClicks(dialog.reason_edit, "Ran out of steam")
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    moved = ui.services.prototypes.get(stored.id or 0)
    assert moved.history[-1] == StageChange(Stage.SHELVED, TODAY, "Ran out of steam")
    assert timeline_row(ui, 2)[2] == "Ran out of steam"
    assert f"{TODAY} — Ran out of steam" in ui.page.detail_view.toPlainText()


def test_the_details_show_a_category_with_or_without_free_text(
    ui: PrototypesUi, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    store(
        ui,
        qtbot,
        Prototype(
            "Label suggester",
            (
                StageChange(Stage.IDEA, days_ago(40)),
                StageChange(Stage.SHELVED, days_ago(30), "", ShelveReason.SUPERSEDED),
                StageChange(Stage.VALIDATING, days_ago(20), "Vendor fell through"),
                StageChange(Stage.SHELVED, days_ago(10), "Line\nbreak", ShelveReason.OTHER),
            ),
        ),
    )
    assert timeline_row(ui, 1) == ["Shelved", days_ago(30).isoformat(), "Superseded by other work"]
    assert timeline_row(ui, 2)[2] == "Vendor fell through"
    assert timeline_row(ui, 3)[2] == "Other reason: Line break"
    current = ui.page.current_prototype()
    assert current is not None
    assert ui.page.shelved_text(current) == f"{days_ago(10)} — Other reason: Line\nbreak"
    qtmodeltester.check(ui.page.history_model)
    qtmodeltester.check(ui.page.model)

    dialog = open_editor(ui, qtbot, "edit")
    history = dialog.form.history_model
    assert history.index(1, 2).data() == "Superseded by other work"
    assert dialog.form.because_combo.isHidden()  # the history is moved on the page, not here


def test_a_new_prototype_can_start_shelved_with_a_category(ui: PrototypesUi, qtbot: QtBot) -> None:
    dialog = open_editor(ui, qtbot)
    form = dialog.form
    assert form.because_combo.isHidden()
    qtbot.keyClicks(form.title_edit, "Old hackathon idea")
    form.stage_combo.setCurrentIndex(form.stage_combo.findData("shelved"))
    assert form.because_combo.isVisible()
    assert row_label(form.stage_form, form.because_combo).text() == "&Why shelved:"
    assert choices(form.because_combo) == CHOICES
    form.because_combo.setCurrentIndex(form.because_combo.findText("Did not work out"))
    assert dialog.modified

    form.stage_combo.setCurrentIndex(form.stage_combo.findData("demo"))
    assert form.because_combo.isHidden()
    assert form.prototype().history == (StageChange(Stage.DEMO, TODAY),)
    form.stage_combo.setCurrentIndex(form.stage_combo.findData("shelved"))
    assert form.because_combo.currentText() == "Did not work out"  # kept while out of sight
    with qtbot.waitSignal(ui.flow.loaded, timeout=10_000):
        dialog.save_button.click()

    [stored] = ui.services.prototypes.prototypes()
    assert stored.history == (StageChange(Stage.SHELVED, TODAY, "", ShelveReason.NOT_FEASIBLE),)
    assert timeline_row(ui, 0) == ["Shelved", TODAY.isoformat(), "Did not work out"]
    assert f"{TODAY} — Did not work out" in ui.page.detail_view.toPlainText()


def alt_key_clashes(root: QWidget) -> dict[str, list[str]]:
    keys = mnemonics(root)
    letters = [key for key, _text in keys]
    return {key: [t for k, t in keys if k == key] for key in letters if letters.count(key) > 1}


def test_no_two_controls_share_an_alt_key_in_either_dialog(ui: PrototypesUi, qtbot: QtBot) -> None:
    store(ui, qtbot, a_validated_idea())
    stage_dialog = open_stage_dialog(ui, qtbot)
    stage_dialog.stage_combo.setCurrentIndex(stage_dialog.stage_combo.findData("shelved"))
    assert ("Alt+W", "&Why shelved:") in mnemonics(stage_dialog)
    assert alt_key_clashes(stage_dialog) == {}
    with qtbot.waitSignal(stage_dialog.finished):
        stage_dialog.reject()

    editor = open_editor(ui, qtbot)
    assert isinstance(editor, PrototypeDialog)
    editor.form.stage_combo.setCurrentIndex(editor.form.stage_combo.findData("shelved"))
    assert ("Alt+W", "&Why shelved:") in mnemonics(editor)
    assert alt_key_clashes(editor) == {}
