"""Small pieces every editor dialog shares: date fields, text boxes, problems, saving state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

DATE_FORMAT = "yyyy-MM-dd"


def to_qdate(day: dt.date) -> QDate:
    """``day`` as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """``day`` as a Python date."""
    return dt.date(day.year(), day.month(), day.day())


def date_edit(
    parent: QWidget,
    day: dt.date,
    *,
    minimum: dt.date | None = None,
    maximum: dt.date | None = None,
) -> QDateEdit:
    """A date field showing ``day`` as YYYY-MM-DD, with a calendar to pick from.

    Args:
        parent: The widget that owns the field.
        day: The date shown at first.
        minimum: The earliest date it accepts (Qt's default when None).
        maximum: The latest date it accepts, say today (Qt's default when None).
    """
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    if minimum is not None:
        edit.setMinimumDate(to_qdate(minimum))
    if maximum is not None:
        edit.setMaximumDate(to_qdate(maximum))
    return edit


def text_box(parent: QWidget, lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line text field at least ``lines`` high where Tab moves on to the next field."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setPlaceholderText(placeholder)
    margins = 2 * (box.frameWidth() + int(box.document().documentMargin()))
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + margins + 2)
    box.setSizeAdjustPolicy(QPlainTextEdit.SizeAdjustPolicy.AdjustIgnored)
    return box


def shrinkable_combo(combo: QComboBox, chars: int) -> None:
    """Let ``combo`` shrink to ``chars`` characters; its list still shows every item whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    fit_popup(combo)


def fit_popup(combo: QComboBox) -> None:
    """Make the drop-down list of ``combo`` wide enough for its longest item."""
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + combo.fontMetrics().averageCharWidth() * 4)


def hours_text(hours: float | None) -> str:
    """Hours as the editors show them: up to two decimals, no trailing zeros ("" for none)."""
    if hours is None:
        return ""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def problems_label(parent: QWidget) -> QLabel:
    """A tinted label for the problems that block saving; hidden until ``show_problems``."""
    label = QLabel(parent)
    label.setObjectName("problemsLabel")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the problems quote what the user typed
    label.setAccessibleName(parent.tr("Problems to fix before saving"))
    label.setMargin(4)
    # A tint that reads on light and dark palettes alike.
    label.setStyleSheet(
        "#problemsLabel { background: rgba(220, 60, 40, 0.12);"
        " border: 1px solid rgba(200, 50, 30, 0.6); border-radius: 3px; }"
    )
    label.hide()
    return label


def show_problems(label: QLabel, lines: Sequence[str]) -> None:
    """Show ``lines`` one per line in ``label``; hide it when there are none."""
    label.setText("\n".join(lines))
    label.setVisible(bool(lines))


def ask_to_discard(parent: QWidget, question: str, discard: Callable[[], None]) -> QMessageBox:
    """Ask ``question`` with Discard and Keep Editing (the default); ``discard`` runs on Discard.

    The box is opened, not executed: the caller keeps it (tests answer it like a user).
    """
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(), question, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # questions quote names the user typed
    box.setObjectName("discardQuestion")
    discard_button = box.addButton(QMessageBox.StandardButton.Discard)
    discard_button.setText(parent.tr("&Discard"))
    keep = box.addButton(parent.tr("&Keep Editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)

    def answered(button: QAbstractButton) -> None:
        if button is discard_button:
            discard()

    box.buttonClicked.connect(answered)
    box.open()
    return box


class SavingState:
    """Whether a dialog's save is under way; keeps its Save button disabled meanwhile.

    The dialog stays open while what it edits is stored: ``begin`` when the save is
    requested, ``end`` when it failed (the dialog closes itself on success).
    """

    def __init__(self, save_button: QAbstractButton) -> None:
        self._button = save_button
        self._saving = False

    @property
    def saving(self) -> bool:
        """True from ``begin`` to ``end``."""
        return self._saving

    def begin(self) -> None:
        """A save started: no second save (nor closing) until it ends."""
        self._saving = True
        self._button.setEnabled(False)

    def end(self) -> None:
        """The save ended without success; call ``update`` again with the form's state."""
        self._saving = False

    def update(self, can_save: bool) -> None:
        """Enable Save when the form ``can_save`` and no save is under way."""
        self._button.setEnabled(can_save and not self._saving)


def ask_to_delete(
    parent: QWidget, title: str, question: str, details: str, delete: Callable[[], None]
) -> QMessageBox:
    """Ask ``question`` with Delete and Cancel (the default); ``delete`` runs on Delete.

    The box is opened, not executed: the caller keeps it (tests answer it like a user).
    """
    box = QMessageBox(
        QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # questions quote names the user typed
    box.setInformativeText(details)
    delete_button = box.addButton(parent.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))

    def answered(button: QAbstractButton) -> None:
        if button is delete_button:
            delete()

    box.buttonClicked.connect(answered)
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def empty_state_label(parent: QWidget, text: str) -> QLabel:
    """The centred, slightly larger message a page shows while it has nothing to list."""
    label = QLabel(text, parent)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMargin(24)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label
