"""Building blocks of the ladder editor: the undo command, the list model, a list box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.ladder import Ladder
from careercoach.domain.ladder_format import FormatProblem

_Index = QModelIndex | QPersistentModelIndex


class LadderChange(QUndoCommand):
    """One edit of the draft ladder, undone by putting the previous ladder back.

    Consecutive edits of the same field (typing) share a ``merge_key`` and merge into
    one undo step. ``rows`` (level row, competency row) is the selection the edit was made
    in; undo and redo bring it back so the change happens in sight.
    """

    def __init__(
        self,
        apply: Callable[[Ladder, tuple[int, int]], None],
        before: Ladder,
        after: Ladder,
        text: str,
        merge_key: str | None = None,
        rows: tuple[int, int] = (0, 0),
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.rows = rows

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, LadderChange) and other.merge_key == self.merge_key:
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        self._apply(self.after, self.rows)

    def undo(self) -> None:
        self._apply(self.before, self.rows)


class TitleListModel(QAbstractListModel):
    """A plain list of titles (levels or competencies of the draft)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles: list[str] = []

    def set_titles(self, titles: Sequence[str]) -> None:
        """Show ``titles``; rows stay the same objects when only the text changes."""
        if len(titles) == len(self._titles):
            self._titles = list(titles)
            if titles:
                self.dataChanged.emit(self.index(0), self.index(len(titles) - 1))
            return
        self.beginResetModel()
        self._titles = list(titles)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[index.row()] or self.tr("(untitled)")
        return None


def list_box(
    parent: QWidget,
    title: str,
    view: QListView,
    actions: list[tuple[str, Callable[[], None]]],
    fields: list[tuple[str, QWidget]],
) -> QGroupBox:
    """A titled box: a list, a row of buttons under it, then a form for the selected row."""
    box = QGroupBox(title, parent)
    row = QHBoxLayout()
    for text, slot in actions:
        button = QPushButton(text, box)
        button.clicked.connect(slot)
        row.addWidget(button)
    form = QFormLayout()
    for label, widget in fields:
        form.addRow(label, widget)
    layout = QVBoxLayout(box)
    layout.addWidget(view, 1)
    layout.addLayout(row)
    layout.addLayout(form)
    return box


def problem_summary(widget: QWidget, problems: Sequence[FormatProblem]) -> str:
    """One line under the editor: valid, or the first problems that block saving."""
    if not problems:
        return widget.tr("The ladder is valid.")
    shown = "; ".join(
        f"{p.location}: {p.message}" if p.location else p.message for p in problems[:3]
    )
    text = widget.tr("Cannot save yet — {shown}").format(shown=shown)
    if len(problems) > 3:
        text += widget.tr(" (and {more} more)").format(more=len(problems) - 3)
    return text


def confirm_discard(parent: QWidget) -> bool:
    """Ask whether unsaved edits may be thrown away."""
    answer = QMessageBox.question(
        parent,
        parent.tr("Ladder Editor"),
        parent.tr("Discard the changes you have not saved?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def lines_of(text: str) -> tuple[str, ...]:
    """The non-blank lines of ``text``, stripped (one signal or example per line)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def as_lines(text: str) -> str:
    """``text`` as the editor stores a list: its non-blank lines, stripped."""
    return "\n".join(lines_of(text))


def show_text(
    widget: QLineEdit | QPlainTextEdit,
    text: str,
    normalise: Callable[[str], str] | None = None,
) -> None:
    """Show ``text`` unless the widget already says it.

    ``normalise`` maps what is typed to what is stored, so a trailing space or a new
    empty line that the user is typing is not taken away.
    """
    current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if (normalise(current) if normalise else current) == text:
        return
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.setPlainText(text)


class UndoKeysToStack(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in the editor's text fields to the ladder's undo stack.

    Text fields have an undo of their own that would bypass the stack and leave it out
    of step with the draft.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        undo_keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and any(event.matches(keys) for keys in undo_keys)
        ):
            event.ignore()  # not the field's: let the dialog's Undo/Redo shortcut fire
            return True
        return False


def select_row(view: QListView, row: int) -> None:
    """Make ``row`` (clamped to the list) the current, selected row of ``view``."""
    count = view.model().rowCount()
    row = min(max(row, 0), count - 1)
    if count and view.currentIndex().row() != row:
        view.selectionModel().setCurrentIndex(
            view.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )


def ask_export_path(parent: QWidget, ladder_id: str) -> Path | None:
    """Ask where to export a ladder as TOML; None when the user cancels."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        parent.tr("Export Ladder"),
        str(Path.home() / f"{ladder_id}.toml"),
        parent.tr("TOML ladder (*.toml)"),
    )
    return Path(path) if path else None
