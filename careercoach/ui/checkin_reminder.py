"""A slim banner reminding the user to check in for the week."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from careercoach.domain.checkin import IsoWeek


class CheckInReminder(QFrame):
    """Says this week has no check-in yet, with Check In Now… and Not Now; hidden otherwise."""

    checkin_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInReminder")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#checkInReminder { background: rgba(40, 120, 220, 0.14);"
            " border: 1px solid rgba(40, 120, 220, 0.55); border-radius: 4px; }"
        )
        self.week: IsoWeek | None = None
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        info_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        icon.setPixmap(info_icon.pixmap(size, size))
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.checkin_button = QPushButton(self.tr("Check In N&ow…"), self)
        self.checkin_button.setToolTip(self.tr("Thirty seconds: where did your hours go?"))
        self.dismiss_button = QPushButton(self.tr("Not No&w"), self)
        self.dismiss_button.setToolTip(self.tr("Hide this reminder until the next start"))
        self.checkin_button.clicked.connect(self.checkin_requested)
        self.dismiss_button.clicked.connect(self.hide)
        self.dismiss_button.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.checkin_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def show_for(self, week: IsoWeek) -> None:
        """Show the reminder for ``week``."""
        self.week = week
        self.message_label.setText(
            self.tr("You haven't checked in for this week ({week}) yet.").format(week=week)
        )
        self.show()
