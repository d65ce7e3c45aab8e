"""Adjacent levels of one competency side by side, the chosen one highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from careercoach.domain.ladder import Competency, Ladder
from careercoach.ui.assessment_wizard_state import WINDOW_SIZE, level_window

COLUMN_STYLE = "#levelColumn { border: 1px solid palette(mid); border-radius: 4px; }"
# The highlight colour at low opacity reads on light and dark palettes alike.
CHOSEN_COLUMN_STYLE = (
    "#levelColumn { border: 2px solid palette(highlight); border-radius: 4px;"
    " background: rgba(48, 140, 198, 0.10); }"
)


def plain_label(parent: QWidget, *, bold: bool = False) -> QLabel:
    """A wrapping, selectable label that shows its text as written (never as rich text)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # ladder files and user text are shown as is
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class LevelColumn(QFrame):
    """One level's expectation of a competency: title, summary and signals."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("levelColumn")
        self.title_label = plain_label(self, bold=True)
        self.caption_label = plain_label(self)
        self.summary_label = plain_label(self)
        self.signals_label = plain_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.signals_label)
        layout.addStretch(1)
        self.level_id = ""
        self.chosen = False

    def show_level(
        self,
        level_id: str,
        title: str,
        caption: str,
        summary: str,
        signals: Sequence[str],
        chosen: bool,
    ) -> None:
        """Show one level; ``chosen`` highlights it as the user's answer."""
        self.level_id = level_id
        self.chosen = chosen
        self.title_label.setText(title)
        self.caption_label.setText(caption)
        self.caption_label.setVisible(bool(caption))
        self.summary_label.setText(summary or self.tr("The ladder says nothing for this level."))
        lines = [self.tr("Signals:"), *(f"• {signal}" for signal in signals)]
        self.signals_label.setText("\n".join(lines))
        self.signals_label.setVisible(bool(signals))
        self.setStyleSheet(CHOSEN_COLUMN_STYLE if chosen else COLUMN_STYLE)
        self.setAccessibleName(f"{title}. {caption}" if caption else title)


class LevelColumns(QWidget):
    """Up to three adjacent levels of a competency, so the step between them is visible."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.columns = [LevelColumn(self) for _ in range(WINDOW_SIZE)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for column in self.columns:
            layout.addWidget(column, 1)

    def show_window(
        self,
        ladder: Ladder,
        competency: Competency,
        chosen: str | None,
        previous: str | None,
        target: str,
    ) -> None:
        """Show the levels around ``chosen`` (else ``previous``, else ``target``).

        Each column says whether it is the user's choice, the last assessment's level or
        the target; the chosen one is highlighted.
        """
        centre = max(0, ladder.level_index(chosen or previous or target))
        window = list(level_window(ladder, centre))
        for column, index in zip(self.columns, window, strict=False):
            level = ladder.levels[index]
            expectation = competency.expectation(level.id)
            captions = []
            if level.id == chosen:
                captions.append(self.tr("Your choice"))
            if level.id == previous:
                captions.append(self.tr("Last assessment"))
            if level.id == target:
                captions.append(self.tr("Target"))
            column.show_level(
                level.id,
                level.title,
                " · ".join(captions),
                expectation.summary,
                expectation.signals,
                level.id == chosen,
            )
            column.show()
        for column in self.columns[len(window) :]:
            column.hide()

    def shown_level_ids(self) -> list[str]:
        """The levels shown, left to right."""
        return [column.level_id for column in self.columns if not column.isHidden()]
