"""The pieces the editor dialogs share: dates, hours text, the problems label, saving state."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from careercoach.ui.form_helpers import (
    SavingState,
    ask_to_discard,
    date_edit,
    from_qdate,
    hours_text,
    problems_label,
    show_problems,
    to_qdate,
)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.setWindowTitle("Editor")
    qtbot.addWidget(widget)
    return widget


def test_dates_convert_both_ways() -> None:
    day = dt.date(2024, 2, 29)
    assert to_qdate(day) == QDate(2024, 2, 29)
    assert from_qdate(to_qdate(day)) == day


def test_a_date_field_shows_iso_dates_within_its_bounds(parent: QWidget) -> None:
    today = dt.date(2026, 3, 11)
    edit = date_edit(parent, today, minimum=dt.date(1970, 1, 1), maximum=today)
    assert edit.parent() is parent
    assert edit.text() == "2026-03-11"
    assert edit.calendarPopup()
    assert from_qdate(edit.minimumDate()) == dt.date(1970, 1, 1)
    edit.setDate(to_qdate(dt.date(2027, 1, 1)))
    assert from_qdate(edit.date()) == today  # not past the maximum


@pytest.mark.parametrize(
    ("hours", "text"),
    [(None, ""), (0.0, "0"), (2.0, "2"), (1.5, "1.5"), (0.25, "0.25"), (1000.0, "1000")],
)
def test_hours_text_has_two_decimals_at_most(hours: float | None, text: str) -> None:
    assert hours_text(hours) == text


def test_the_problems_label_shows_lines_and_hides_when_there_are_none(
    qtbot: QtBot, parent: QWidget
) -> None:
    label = problems_label(parent)
    parent.show()
    assert not label.isVisible()
    show_problems(label, ["• Title is required.", "• <b>Hours</b>: write a number."])
    assert label.isVisible()
    assert label.text() == "• Title is required.\n• <b>Hours</b>: write a number."
    assert label.textFormat() == Qt.TextFormat.PlainText  # typed text is never markup
    show_problems(label, [])
    assert not label.isVisible()


def test_saving_state_keeps_save_off_until_the_save_ends(parent: QWidget) -> None:
    button = QPushButton("&Save", parent)
    state = SavingState(button)
    state.update(can_save=True)
    assert button.isEnabled()
    state.begin()
    assert state.saving
    assert not button.isEnabled()
    state.update(can_save=True)  # a field changed meanwhile
    assert not button.isEnabled()
    state.end()
    state.update(can_save=False)
    assert not button.isEnabled()
    state.update(can_save=True)
    assert button.isEnabled()


@pytest.mark.parametrize(("answer", "discarded"), [("&Discard", True), ("&Keep Editing", False)])
def test_asking_to_discard(qtbot: QtBot, parent: QWidget, answer: str, discarded: bool) -> None:
    parent.show()
    calls: list[bool] = []
    box = ask_to_discard(parent, "Discard this entry?", lambda: calls.append(True))
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "Editor"
    assert box.text() == "Discard this entry?"
    button = next(b for b in box.buttons() if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert calls == ([True] if discarded else [])
    assert box.escapeButton() is not box.button(QMessageBox.StandardButton.Discard)


def test_the_discard_question_shows_a_typed_name_literally(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    question = "Start again and throw away “<b>Bold</b> DS <img src=x>”?"
    box = ask_to_discard(parent, question, lambda: None)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == question
    box.close()
