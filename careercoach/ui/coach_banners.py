"""The Coach page's slim banners: problems in the user's rule files, the last action to undo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from careercoach.ui.ladder_models import plain_tooltip

MAX_PROBLEM_LINES = 5

# A tint that reads on light and dark palettes alike.
_STYLE = (
    "#{name} {{ background: rgba({rgb}, 0.14); border: 1px solid rgba({rgb}, 0.6);"
    " border-radius: 4px; }}"
)


class _Banner(QFrame):
    """An icon, a plain-text message and a button on a tinted strip; hidden until shown."""

    def __init__(
        self, parent: QWidget | None, name: str, rgb: str, icon: QStyle.StandardPixmap
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(_STYLE.format(name=name, rgb=rgb))
        icon_label = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon_label.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # quotes rule files and titles
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(icon_label, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()


class RuleProblemsBanner(_Banner):
    """Lists what is wrong in the user's rule files, with Open Rules Folder."""

    open_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, "coachProblems", "220, 130, 0", QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self.button.setText(self.tr("Open Rules Fo&lder"))
        self.button.setToolTip(self.tr("Where your own rule files live"))
        self.button.clicked.connect(self.open_folder_requested)

    def show_problems(self, problems: Sequence[str]) -> None:
        """List ``problems`` (one line each); hide the banner when there are none."""
        heading = self.tr(
            "Some of your coach rules could not be used; the other rules still run. "
            "Fix these in your rules folder, then refresh:"
        )
        lines = [f"• {line}" for line in problems]
        shown = lines[:MAX_PROBLEM_LINES]  # the banner must not push the suggestions away
        left_out = len(lines) - len(shown)
        if left_out:
            more = self.tr("…and {count} more (point here to see them all)")
            shown.append(more.format(count=left_out))
        self.label.setText("\n".join([heading, *shown]))
        self.label.setToolTip(plain_tooltip("\n".join(lines)) if left_out else "")
        self.setVisible(bool(problems))


class UndoBar(_Banner):
    """Says what was just done to a suggestion, with Undo."""

    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, "coachUndo", "40, 120, 220", QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.button.setText(self.tr("&Undo"))
        self.button.setToolTip(self.tr("Put the suggestion back as it was"))
        self.button.clicked.connect(self.undo_requested)

    def show_message(self, message: str) -> None:
        """Show ``message`` with Undo beside it."""
        self.label.setText(message)
        self.show()
