"""The entry editor: typing an entry, live difficulty, validation that blocks saving, keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.rubric import Rubric, Size
from careercoach.ui.contribution_dialog import ContributionDialog

TODAY = dt.date(2026, 3, 11)
COMPETENCIES = {"technical-quality": "Technical quality", "collaboration": "Collaboration"}


def open_dialog(qtbot: QtBot, entry: Contribution | None = None) -> ContributionDialog:
    dialog = ContributionDialog(entry, COMPETENCIES, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(combo: QComboBox, text_start: str) -> None:
    """Pick the item whose text starts with ``text_start``, with the keyboard as a user would."""
    row = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text_start))
    combo.setFocus()
    combo.setCurrentIndex(row)


def test_a_typed_entry_is_returned_whole(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    form = dialog.form
    assert dialog.windowTitle() == "Log Work"
    assert not dialog.save_button.isEnabled()  # a title is needed first
    assert "Title is required." in dialog.problems_label.text()

    qtbot.keyClicks(form.title_edit, "Wrote the onboarding guide")
    choose(form.kind_combo, "Documentation")
    qtbot.keyClicks(form.beneficiary_edit, "New joiners")
    qtbot.keyClicks(form.project_edit, "Onboarding")
    qtbot.keyClicks(form.hours_edit, "2,5")
    choose(form.ambiguity_combo, "4 — problem known")
    choose(form.complexity_combo, "3")
    choose(form.cross_functional_combo, "4")
    choose(form.size_combo, "M")
    qtbot.keyClicks(form.links_edit, "https://example.org/guide")
    qtbot.keyClick(form.links_edit, Qt.Key.Key_Return)
    qtbot.keyClick(form.links_edit, Qt.Key.Key_Return)  # blank lines are dropped
    qtbot.keyClicks(form.links_edit, "https://example.org/pr/7")
    qtbot.keyClicks(form.feedback_edit, "Saved me a week")
    choose(form.evidence_combo, "Peer-confirmed")
    form.competency_model.item(1).setCheckState(Qt.CheckState.Checked)

    assert dialog.save_button.isEnabled()
    assert not dialog.problems_label.isVisible()
    assert dialog.difficulty_label.text().startswith("Difficulty: 3.")
    assert "from ambiguity 4, complexity 3, cross-functional 4, size M" in (
        dialog.difficulty_label.text()
    )
    with qtbot.waitSignal(dialog.save_requested) as saving:
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # it stays open until the flow has stored the entry
    [entry] = saving.args
    assert entry == dialog.contribution()
    assert entry == Contribution(
        date=TODAY,
        title="Wrote the onboarding guide",
        kind=ContributionKind.DOCUMENTATION,
        beneficiary="New joiners",
        project="Onboarding",
        hours=2.5,
        rubric=Rubric(ambiguity=4, complexity=3, cross_functional=4, size=Size.M),
        links=("https://example.org/guide", "https://example.org/pr/7"),
        feedback_quote="Saved me a week",
        evidence=EvidenceStrength.PEER_CONFIRMED,
        competencies=("collaboration",),
    )


@pytest.mark.parametrize(
    ("hours", "problem"),
    [
        ("abc", "Hours: write a number such as 1.5."),
        ("-1", "Hours: write a number such as 1.5."),
        ("nan", "Hours: write a number such as 1.5."),
        ("1,000", "Hours: write a number such as 1.5."),  # not 1.0: one thousand, perhaps
        ("1.000", "Hours: write a number such as 1.5."),
        ("0.333", "Hours: write a number such as 1.5."),  # two decimals are kept
        ("1_5", "Hours: write a number such as 1.5."),  # not 15
        ("1.2.3", "Hours: write a number such as 1.5."),
        ("1e2", "Hours: write a number such as 1.5."),
        (".5", "Hours: write a number such as 1.5."),
        ("2 5", "Hours: write a number such as 1.5."),
        ("5000", "Hours must be a number from 0 to 1000."),
    ],
)
def test_bad_hours_block_saving_and_say_why(qtbot: QtBot, hours: str, problem: str) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.form.title_edit, "Paired on the forecast")
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.form.hours_edit, hours)
    assert not dialog.save_button.isEnabled()
    assert dialog.problems_label.isVisible()
    assert dialog.problems_label.text() == "• " + problem
    with qtbot.assertNotEmitted(dialog.save_requested):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)  # Enter cannot bypass it
    assert dialog.isVisible()
    dialog.form.hours_edit.clear()
    assert dialog.save_button.isEnabled()  # blank hours are fine: they are optional


@pytest.mark.parametrize(
    ("typed", "hours"),
    [("3", 3.0), ("1,5", 1.5), (" 2.25 ", 2.25), ("0.75", 0.75), ("1000", 1000.0)],
)
def test_hours_take_a_point_or_a_comma(qtbot: QtBot, typed: str, hours: float) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.form.title_edit, "Paired on the forecast")
    qtbot.keyClicks(dialog.form.hours_edit, typed)
    assert not dialog.problems_label.isVisible()
    with qtbot.waitSignal(dialog.save_requested) as saving:
        qtbot.keyClick(dialog.form.hours_edit, Qt.Key.Key_Return)
    assert saving.args[0].hours == hours


@pytest.mark.parametrize(
    ("hours", "shown"),
    [(2.0, "2"), (0.5, "0.5"), (1.25, "1.25"), (999.99, "999.99"), (0.01, "0.01")],
)
def test_stored_hours_are_shown_as_they_are_kept(qtbot: QtBot, hours: float, shown: str) -> None:
    entry = Contribution(
        dt.date(2026, 2, 1), "Paired", ContributionKind.MENTORING, hours=hours, id=7
    )
    dialog = open_dialog(qtbot, entry)
    assert dialog.form.hours_edit.text() == shown
    assert dialog.contribution() == entry  # saving it unchanged changes nothing
    assert not dialog.modified


def test_a_long_title_is_explained(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    dialog.form.title_edit.setText("x" * 201)
    assert dialog.problems_label.text() == "• Title is longer than 200 characters."
    assert not dialog.save_button.isEnabled()


def test_editing_keeps_the_id_and_competencies_the_ladder_lacks(qtbot: QtBot) -> None:
    entry = Contribution(
        date=dt.date(2026, 2, 1),
        title="Reviewed <b>the</b> pipeline",
        kind=ContributionKind.CODE_REVIEW,
        hours=1.0,
        rubric=Rubric(ambiguity=2),
        outcome="Merged",
        competencies=("technical-quality", "old-skill"),
        id=42,
    )
    dialog = open_dialog(qtbot, entry)
    assert dialog.windowTitle() == "Edit Entry"
    assert dialog.save_button.text() == "&Save"
    model = dialog.form.competency_model
    rows = [(model.item(r).text(), model.item(r).checkState()) for r in range(model.rowCount())]
    assert rows == [
        ("Technical quality", Qt.CheckState.Checked),
        ("Collaboration", Qt.CheckState.Unchecked),
        ("old-skill (not in your ladder)", Qt.CheckState.Checked),
    ]
    assert dialog.difficulty_label.text() == (
        "Difficulty: 2.0 of 5 (moderate) from ambiguity 2; "
        "not rated: complexity, cross-functional, size"
    )
    assert dialog.contribution() == entry  # unchanged fields round-trip exactly
    dialog.form.title_edit.selectAll()
    qtbot.keyClicks(dialog.form.title_edit, "Reviewed the pipeline again")
    assert dialog.contribution().title == "Reviewed the pipeline again"
    assert dialog.contribution().id == 42


def test_escape_closes_an_untouched_editor_at_once(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.form.title_edit, "Something")
    dialog.form.title_edit.clear()  # typed and taken back: nothing to lose
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Escape)
    assert dialog.discard_box is None


def discard_box(qtbot: QtBot, dialog: ContributionDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
    assert dialog.discard_box is not None
    return dialog.discard_box


def test_escape_asks_before_discarding_a_typed_entry(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.form.title_edit, "Reviewed the ETL PR")
    qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Escape)
    box = discard_box(qtbot, dialog)
    assert box.text() == "Discard this entry?"
    keep = next(b for b in box.buttons() if b.text() == "&Keep Editing")
    assert box.defaultButton() is keep
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape again keeps editing
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible()
    assert dialog.form.title_edit.text() == "Reviewed the ETL PR"

    qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Escape)
    box = discard_box(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_escape_asks_before_discarding_changes_to_an_entry(qtbot: QtBot) -> None:
    entry = Contribution(
        dt.date(2026, 2, 1), "Paired", ContributionKind.MENTORING, hours=1.5, id=3
    )
    dialog = open_dialog(qtbot, entry)
    choose(dialog.form.evidence_combo, "Peer-confirmed")
    dialog.reject()  # Cancel
    box = discard_box(qtbot, dialog)
    assert box.text() == "Discard your changes to this entry?"
    qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == "&Keep Editing"), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    choose(dialog.form.evidence_combo, "Self-claim")  # back as it was
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Escape)


def test_while_saving_it_neither_saves_again_nor_closes(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.form.title_edit, "Wrote the guide")
    dialog.begin_saving()
    assert not dialog.save_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.save_requested):
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.discard_box is None
    dialog.end_saving()
    assert dialog.save_button.isEnabled()


def test_an_edited_entry_that_is_gone_can_be_saved_as_a_new_one(qtbot: QtBot) -> None:
    entry = Contribution(dt.date(2026, 2, 1), "Paired", ContributionKind.MENTORING, id=3)
    dialog = open_dialog(qtbot, entry)
    dialog.save_as_new("This entry was deleted meanwhile; save it again to add it back.")
    assert dialog.windowTitle() == "Log Work"
    assert dialog.save_button.text() == "&Log"
    assert dialog.notice_label.isVisible()
    assert dialog.notice_label.text().startswith("This entry was deleted meanwhile")
    with qtbot.waitSignal(dialog.save_requested) as saving:
        qtbot.keyClick(dialog.form.title_edit, Qt.Key.Key_Return)
    assert saving.args[0] == replace(entry, id=None)


def test_no_rubric_means_no_score(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.difficulty_label.text().startswith("Difficulty: not rated yet")
    rating_texts = [dialog.form.ambiguity_combo.itemText(i) for i in range(6)]
    assert rating_texts[0] == "Not rated"
    assert rating_texts[1] == "1 — clear task, known solution"
    assert rating_texts[5] == "5 — problem not yet defined"


@pytest.mark.parametrize(
    "entry", [None, Contribution(TODAY, "Paired", ContributionKind.MENTORING, id=1)]
)
def test_labels_have_mnemonics_and_the_tab_order_reads_down_the_form(
    qtbot: QtBot, entry: Contribution | None
) -> None:
    dialog = open_dialog(qtbot, entry)
    form = dialog.form
    labels = form.field_labels
    for field, label in labels.items():
        assert isinstance(label, QLabel)
        assert "&" in label.text(), field
        assert label.buddy() is not None, field
    texts = [label.text() for label in labels.values()]
    texts += [button.text() for button in dialog.buttons.buttons() if "&" in button.text()]
    mnemonics = [text[text.index("&") + 1].lower() for text in texts]
    assert len(mnemonics) == len(set(mnemonics)), texts  # "&Log" once had "&Links:" beside it
    assert labels["title"].buddy() is form.title_edit
    order = []
    widget = form.date_edit
    for _ in range(6):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusProxy() is not None or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order[:3] == [form.date_edit, form.title_edit, form.kind_combo]


def test_the_date_cannot_be_in_the_future(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.form.date_edit.maximumDate().toPython() == TODAY
    assert dialog.form.date_edit.calendarPopup()
