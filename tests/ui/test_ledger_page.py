"""The Ledger page as a user drives it: quick add, edit, delete and undo, filters, selection."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from careercoach.domain.checkin import IsoWeek
from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.rubric import Rubric, Size
from careercoach.services.clock import local_today
from careercoach.ui.application import GuiSession
from careercoach.ui.contribution_dialog import ContributionDialog
from careercoach.ui.ledger_models import LedgerColumn
from careercoach.ui.ledger_page import LedgerPage
from tests.ui.test_ladders_page import dismiss_welcome

K = ContributionKind
TODAY = local_today()


def ready(qtbot: QtBot, gui: GuiSession) -> LedgerPage:
    """Dismiss the welcome, make the window active and return the Ledger page."""
    dismiss_welcome(qtbot, gui)
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.waitUntil(lambda: not gui.window.tasks.busy)
    return gui.window.evidence.ledger_page


def seed(qtbot: QtBot, gui: GuiSession, entries: list[Contribution]) -> list[Contribution]:
    """Store ``entries`` and wait until the page shows them."""
    assert gui.data is not None
    gui.data.services.ledger.add_many(entries)
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        gui.window.evidence.ledger.reload()
    return list(gui.data.services.ledger.entries())


def stored(gui: GuiSession) -> tuple[Contribution, ...]:
    assert gui.data is not None
    return gui.data.services.ledger.entries()


def open_ledger(gui: GuiSession) -> LedgerPage:
    gui.window.navigation.setCurrentRow(2)
    assert gui.window.pages.currentWidget() is gui.window.evidence.ledger_page
    return gui.window.evidence.ledger_page


def wait_for_dialog(qtbot: QtBot, gui: GuiSession) -> ContributionDialog:
    qtbot.waitUntil(lambda: gui.window.evidence.ledger.dialog is not None)
    dialog = gui.window.evidence.ledger.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go where the user's focus is
    return dialog


def choose(combo: QComboBox, text_start: str) -> None:
    row = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text_start))
    combo.setCurrentIndex(row)


def row_texts(page: LedgerPage, column: LedgerColumn = LedgerColumn.TITLE) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def three_entries() -> list[Contribution]:
    return [
        Contribution(
            days_ago(2),
            "Reviewed Maya's feature-store PR",
            K.CODE_REVIEW,
            beneficiary="Maya",
            project="Feature store",
            competencies=("technical-execution",),
        ),
        Contribution(
            days_ago(40),
            "Wrote the churn model docs",
            K.DOCUMENTATION,
            beneficiary="Data team",
            feedback_quote="The docs saved my week",
        ),
        Contribution(days_ago(400), "Added ETL tests", K.TESTS, hours=3.0),
    ]


def test_quick_add_from_the_ladders_page_with_ctrl_n(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    gui.window.show_page(gui.window.ladders_page)
    assert page.empty_label.text().startswith("Nothing logged yet.")
    qtbot.keyClick(gui.window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_for_dialog(qtbot, gui)
    assert dialog.windowTitle() == "Log Work"
    qtbot.keyClicks(dialog.form.title_edit, "Reviewed the <b>ETL</b> PR")
    choose(dialog.form.kind_combo, "Code review")
    qtbot.keyClicks(dialog.form.beneficiary_edit, "Priya")
    qtbot.keyClicks(dialog.form.hours_edit, "1.5")
    choose(dialog.form.ambiguity_combo, "3")
    choose(dialog.form.size_combo, "S")
    choose(dialog.form.evidence_combo, "Artifact")
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)

    [entry] = stored(gui)
    assert (entry.title, entry.kind, entry.beneficiary, entry.hours, entry.date) == (
        "Reviewed the <b>ETL</b> PR",
        K.CODE_REVIEW,
        "Priya",
        1.5,
        TODAY,
    )
    assert entry.rubric == Rubric(ambiguity=3, size=Size.S)
    assert entry.evidence == EvidenceStrength.ARTIFACT
    assert gui.window.status_label.text() == "Logged “Reviewed the <b>ETL</b> PR”."
    assert row_texts(page) == ["Reviewed the <b>ETL</b> PR"]
    assert row_texts(page, LedgerColumn.KIND) == ["Code review"]
    assert page.count_label.text() == "Showing 1 of 1 entry"
    assert page.selected_entries() == (entry,)  # the new entry is selected
    assert "Reviewed the <b>ETL</b> PR" in page.detail_view.toPlainText()


def test_invalid_input_cannot_be_saved(qtbot: QtBot, gui: GuiSession) -> None:
    ready(qtbot, gui)
    gui.window.menus.log_work.trigger()
    dialog = wait_for_dialog(qtbot, gui)
    qtbot.keyClicks(dialog.form.hours_edit, "three")
    assert not dialog.save_button.isEnabled()
    text = dialog.problems_label.text()
    assert "Title is required." in text
    assert "Hours: write a number such as 1.5." in text
    qtbot.keyClick(dialog.form.hours_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
    assert dialog.discard_box is not None
    assert dialog.discard_box.text() == "Discard this entry?"
    discard = dialog.discard_box.button(QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not gui.window.tasks.busy)
    assert stored(gui) == ()
    qtbot.waitUntil(lambda: gui.window.evidence.ledger.dialog is None)
    gui.window.menus.log_work.trigger()  # a fresh editor, empty again
    again = wait_for_dialog(qtbot, gui)
    assert again is not dialog
    assert again.form.hours_edit.text() == ""
    again.reject()


def test_enter_edits_the_selected_entry(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    open_ledger(gui)
    target = next(e for e in entries if e.title == "Wrote the churn model docs")
    page.select_ids([target.id or 0])
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Return)
    dialog = wait_for_dialog(qtbot, gui)
    assert dialog.windowTitle() == "Edit Entry"
    assert dialog.form.title_edit.text() == target.title
    dialog.form.title_edit.selectAll()
    qtbot.keyClicks(dialog.form.title_edit, "Wrote and published the churn docs")
    choose(dialog.form.evidence_combo, "Peer-confirmed")
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)

    edited = next(e for e in stored(gui) if e.id == target.id)
    assert edited.title == "Wrote and published the churn docs"
    assert edited.evidence == EvidenceStrength.PEER_CONFIRMED
    assert edited.feedback_quote == target.feedback_quote  # untouched fields are kept
    assert len(stored(gui)) == 3
    assert [e.id for e in page.selected_entries()] == [target.id]  # still selected
    assert gui.window.status_label.text() == "Saved “Wrote and published the churn docs”."


def test_double_click_opens_the_editor(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    seed(qtbot, gui, three_entries())
    open_ledger(gui)
    index = page.model.index(0, LedgerColumn.TITLE)
    centre = page.table_view.visualRect(index).center()
    viewport = page.table_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    dialog = wait_for_dialog(qtbot, gui)
    assert dialog.form.title_edit.text() == row_texts(page)[0]
    dialog.reject()


def test_delete_with_the_del_key_and_undo_with_ctrl_z(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    entries = seed(qtbot, gui, three_entries())
    open_ledger(gui)
    assert not gui.window.menus.undo.isEnabled()
    two = [e for e in entries if e.title != "Added ETL tests"]
    page.select_ids([e.id or 0 for e in two])
    assert len(page.selected_entries()) == 2
    assert "2 entries selected" in page.detail_view.toPlainText()
    page.table_view.setFocus()
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)

    assert row_texts(page) == ["Added ETL tests"]
    assert [e.title for e in stored(gui)] == ["Added ETL tests"]
    assert gui.window.status_label.text() == "Deleted 2 entries — Ctrl+Z to undo"
    assert gui.window.menus.undo.isEnabled()
    assert page.selected_entries()[0].title == "Added ETL tests"  # the next one is selected

    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)
    assert stored(gui) == ()
    assert page.empty_label.text().startswith("Nothing logged yet.")
    assert gui.window.status_label.text() == "Deleted “Added ETL tests” — Ctrl+Z to undo"

    # Undo goes back one delete at a time, most recent first.
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [e.title for e in stored(gui)] == ["Added ETL tests"]
    assert gui.window.status_label.text() == "Restored “Added ETL tests”."
    with qtbot.waitSignal(gui.window.evidence.ledger.loaded, timeout=10_000):
        gui.window.menus.undo.trigger()
    assert sorted(stored(gui), key=lambda e: e.id or 0) == sorted(entries, key=lambda e: e.id or 0)
    assert gui.window.status_label.text() == "Restored 2 entries."
    assert sorted(e.id or 0 for e in page.selected_entries()) == sorted(e.id or 0 for e in two)
    assert not gui.window.menus.undo.isEnabled()


def test_filters_narrow_the_table(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    seed(qtbot, gui, three_entries())
    open_ledger(gui)
    qtbot.waitUntil(lambda: page.competency_combo.count() > 1)  # the profile ladder's
    assert page.count_label.text() == "Showing 3 of 3 entries"
    assert row_texts(page)[0] == "Reviewed Maya's feature-store PR"  # newest first

    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()  # Ctrl+F jumps to the search box
    qtbot.keyClicks(page.search_edit, "DOCS")
    assert page.count_label.text() == "Showing 1 of 3 entries"
    assert row_texts(page) == ["Wrote the churn model docs"]
    qtbot.keyClicks(page.search_edit, " nothing-like-this")
    assert page.count_label.text() == "Showing 0 of 3 entries"
    assert page.table_stack.currentIndex() == 1
    assert page.empty_label.text().startswith("No entries match these filters.")
    page.clear_filters_button.click()
    assert page.search_edit.text() == ""
    assert page.count_label.text() == "Showing 3 of 3 entries"

    choose(page.kind_combo, "Tests")
    assert row_texts(page) == ["Added ETL tests"]
    choose(page.kind_combo, "All kinds")

    choose(page.period_combo, "Last 30 days")
    assert row_texts(page) == ["Reviewed Maya's feature-store PR"]
    choose(page.period_combo, "Last 90 days")
    assert page.model.visible_count == 2
    assert not page.from_edit.isVisible()
    choose(page.period_combo, "Custom")
    assert page.from_edit.isVisible()
    assert page.to_edit.isVisible()
    page.from_edit.setDate(days_ago(500))
    page.to_edit.setDate(days_ago(300))
    assert row_texts(page) == ["Added ETL tests"]
    choose(page.period_combo, "All time")

    row = page.competency_combo.findData("technical-execution")
    assert row > 0
    page.competency_combo.setCurrentIndex(row)
    assert row_texts(page) == ["Reviewed Maya's feature-store PR"]
    name = page.competency_combo.itemText(row)
    assert row_texts(page, LedgerColumn.COMPETENCIES) == [name]  # named, not the id


def test_the_detail_pane_shows_user_text_literally(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    hostile = "<img src=x onerror=alert(1)>"
    seed(
        qtbot,
        gui,
        [
            Contribution(
                days_ago(1),
                hostile,
                K.OTHER,
                outcome="<script>x</script>\nsecond line",
                links=("https://example.org/a?b=<c>",),
                feedback_quote="<i>great</i>",
                rubric=Rubric(ambiguity=4, complexity=4),
            )
        ],
    )
    open_ledger(gui)
    page.select_ids([stored(gui)[0].id or 0])
    text = page.detail_view.toPlainText()
    assert hostile in text
    assert "<script>x</script>" in text
    assert "second line" in text
    assert "https://example.org/a?b=<c>" in text
    assert "<i>great</i>" in text
    assert "4.0 of 5 (exceptional) from ambiguity 4, complexity 4" in text


def test_ten_thousand_selected_entries_follow_the_search(qtbot: QtBot, gui: GuiSession) -> None:
    page = ready(qtbot, gui)
    base = three_entries()
    seed(
        qtbot,
        gui,
        [replace(base[i % 3], title=f"{base[i % 3].title} #{i}") for i in range(10_000)],
    )
    open_ledger(gui)
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_entries()) == 10_000
    assert "10000 entries selected" in page.detail_view.toPlainText()

    qtbot.keyClicks(page.search_edit, "docs")  # the selection is restored on every key
    assert page.count_label.text() == "Showing 3333 of 10000 entries"
    assert len(page.selected_entries()) == 3333
    assert all("docs" in entry.title for entry in page.selected_entries())
    selection = page.table_view.selectionModel().selection()
    assert selection.count() == 1  # neighbouring rows make one range, not one range each

    page.search_edit.clear()
    assert page.count_label.text() == "Showing 10000 of 10000 entries"
    assert len(page.selected_entries()) == 3333  # still the entries the user had selected


def mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """The Alt+key of each button and buddied label under ``root``, with its text."""
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            key = QKeySequence.mnemonic(widget.text())
            if not key.isEmpty():
                found.append((key.toString(), widget.text()))
    return found


def test_no_two_controls_share_an_alt_key_on_any_page(qtbot: QtBot, gui: GuiSession) -> None:
    ready(qtbot, gui)
    reminder = gui.window.evidence.checkin_reminder
    reminder.show_for(IsoWeek.of(TODAY))  # the banner sits above every page
    menus = [
        (QKeySequence.mnemonic(action.text()).toString(), action.text())
        for action in gui.window.menuBar().actions()
    ]
    for row in range(gui.window.navigation.count()):
        gui.window.navigation.setCurrentRow(row)
        page = gui.window.pages.currentWidget()
        keys = menus + mnemonics(reminder) + mnemonics(page)
        letters = [key for key, _text in keys]
        clashes = {
            key: [t for k, t in keys if k == key] for key in letters if letters.count(key) > 1
        }
        assert not clashes, (type(page).__name__, clashes)
