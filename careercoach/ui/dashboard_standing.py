"""The Dashboard's status cards: where you stand against your target, and the next 1:1."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careercoach.ui.chart_widgets import RadarChartWidget
from careercoach.ui.dashboard_data import DashboardData, Standing
from careercoach.ui.dashboard_text import (
    cadence_text,
    days_ago,
    long_date,
    one_on_one_text,
    short_date,
)
from careercoach.ui.dashboard_widgets import DashboardCard, plain_label, scaled_font


class StatBlock(QWidget):
    """A small caption over a value in bold over a muted note."""

    def __init__(self, caption: str, parent: QWidget, *, size: float = 1.15) -> None:
        super().__init__(parent)
        self.caption_label = plain_label(self, caption, muted=True)
        self.caption_label.setFont(scaled_font(self, 0.9))
        self.value_label = plain_label(self)
        self.value_label.setFont(scaled_font(self, size, bold=True))
        self.value_label.setAccessibleName(caption)
        self.note_label = plain_label(self, muted=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def set_text(self, value: str, note: str = "") -> None:
        """Show ``value`` with ``note`` under it (no note line when empty)."""
        self.value_label.setText(value)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))


class StandingCard(DashboardCard):
    """The level estimate and how it moved, the target, the last assessment and its radar."""

    assessment_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Where you stand"), parent)
        self.message_label = plain_label(self, muted=True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QWidget(self)
        self.estimate = StatBlock(self.tr("Level estimate"), self.content, size=1.3)
        self.target = StatBlock(self.tr("Target"), self.content)
        self.assessed = StatBlock(self.tr("Last assessed"), self.content)
        stats = QHBoxLayout()
        stats.setSpacing(16)
        stats.addWidget(self.estimate, 4)
        stats.addWidget(self.target, 4)
        stats.addWidget(self.assessed, 2)

        self.radar = RadarChartWidget(self.content)
        self.paint_on_base(self.radar)
        self.first_box = QWidget(self.content)
        self.first_text = plain_label(self.first_box, muted=True)
        self.first_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_text.setFont(scaled_font(self, 1.05))
        self.first_assessment_button = QPushButton(
            self.tr("&Start Your First Assessment…"), self.first_box
        )
        self.first_assessment_button.clicked.connect(self.assessment_requested)
        first_layout = QVBoxLayout(self.first_box)
        first_layout.addStretch(1)
        first_layout.addWidget(self.first_text)
        first_layout.addSpacing(8)
        first_layout.addWidget(self.first_assessment_button, 0, Qt.AlignmentFlag.AlignCenter)
        first_layout.addStretch(2)
        self.radar_stack = QStackedWidget(self.content)
        self.radar_stack.addWidget(self.radar)
        self.radar_stack.addWidget(self.first_box)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(stats)
        content_layout.addWidget(self.radar_stack, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message_label)
        self.stack.addWidget(self.content)
        self.body.addWidget(self.stack, 1)

    def show_message(self, text: str) -> None:
        """Show ``text`` (loading, failed) instead of the standing."""
        self.message_label.setText(text)
        self.stack.setCurrentWidget(self.message_label)

    def show_standing(self, data: DashboardData) -> None:
        """Show the latest assessment against the target, or invite the first one."""
        self.stack.setCurrentWidget(self.content)
        self.radar.set_chart(data.radar)
        standing = data.standing
        target = data.target_title or self.tr("No target set")
        if standing is None or data.radar is None:
            self.estimate.set_text(self.tr("Not assessed yet"))
            self.target.set_text(target)
            self.assessed.set_text(self.tr("Never"))
            self.first_text.setText(
                self.tr(
                    "Rate yourself against your ladder, competency by competency, to see "
                    "your level estimate and how far you are from {target}."
                ).format(target=data.target_title or self.tr("your target level"))
            )
            self.radar_stack.setCurrentWidget(self.first_box)
            return
        self.estimate.set_text(standing.estimate, self._movement(standing, data))
        self.target.set_text(target, self._gaps(standing))
        self.assessed.set_text(
            short_date(standing.assessed_on, data.today, relative=False),
            days_ago(standing.assessed_on, data.today),
        )
        self.radar_stack.setCurrentWidget(self.radar)

    def _movement(self, standing: Standing, data: DashboardData) -> str:
        if standing.previous_on is None or standing.previous_estimate is None:
            return self.tr("Your first assessment")
        since = short_date(standing.previous_on, data.today, relative=False)
        if standing.steps > 0:
            text = self.tr("▲ Up from {previous} on {date}")
        elif standing.steps < 0:
            text = self.tr("▼ Down from {previous} on {date}")
        else:
            text = self.tr("Same as on {date}")
        return text.format(previous=standing.previous_estimate, date=since)

    def _gaps(self, standing: Standing) -> str:
        if not standing.below_target:
            return self.tr("All competencies at target")
        return self.tr("{count} of {total} below target").format(
            count=standing.below_target, total=standing.competencies
        )


class OneOnOneCard(DashboardCard):
    """When the next 1:1 is, counted down from today; or how to schedule one."""

    profile_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Next 1:1"), parent)
        self.date_label = plain_label(self)
        self.date_label.setFont(scaled_font(self, 1.1, bold=True))
        self.date_label.setAccessibleName(self.tr("Next 1:1"))
        self.detail_label = plain_label(self, muted=True)
        self.profile_button = QPushButton(self.tr("Set Up in &Profile…"), self)
        self.profile_button.setToolTip(self.tr("Your next 1:1 and how often they happen"))
        self.profile_button.clicked.connect(self.profile_requested)
        row = QHBoxLayout()
        row.addWidget(self.detail_label, 1)
        row.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.body.addWidget(self.date_label)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.profile_button.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (loading, failed) instead of the date."""
        self.date_label.hide()
        self.detail_label.setText(text)
        self.profile_button.hide()

    def show_one_on_one(self, data: DashboardData) -> None:
        """Show the next 1:1, or say none is scheduled."""
        day = data.next_one_on_one
        if day is None:
            self.date_label.hide()
            self.detail_label.setText(self.tr("No 1:1 scheduled — set one in your profile."))
            self.profile_button.show()
            return
        self.profile_button.hide()
        self.date_label.setText(one_on_one_text(day, data.today))
        self.date_label.show()
        details = [cadence_text(data.profile.one_on_one_every_days)]
        if (day - data.today).days <= 1:  # "Today" and "Tomorrow" say the date here
            details.insert(0, long_date(day, data.today))
        elif data.last_one_on_one is not None and data.last_one_on_one <= data.today:
            last = short_date(data.last_one_on_one, data.today, relative=False)
            details.append(self.tr("last one {date}").format(date=last))
        self.detail_label.setText(" · ".join(details))
