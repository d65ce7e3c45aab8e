"""The Dashboard: where you stand, the radar and trend, next steps, recent work, the next 1:1."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.ladder import Ladder
from careercoach.domain.level_estimate import level_title
from careercoach.domain.profile import Profile, upcoming_one_on_one
from careercoach.domain.summary_period import last_one_on_one
from careercoach.ui.chart_widgets import TrendChartWidget
from careercoach.ui.dashboard_data import RECENT_ENTRIES, TOP_SUGGESTIONS, DashboardData
from careercoach.ui.dashboard_models import (
    ID_ROLE,
    NextStepsModel,
    PrototypesInFlightModel,
    RecentWorkModel,
)
from careercoach.ui.dashboard_standing import OneOnOneCard, StandingCard
from careercoach.ui.dashboard_text import greeting, subtitle
from careercoach.ui.dashboard_widgets import (
    DashboardCard,
    compact_table,
    plain_label,
    scaled_font,
    show_rows,
    two_line_list,
)


class _ListCard(DashboardCard):
    """A card whose body is a list, or a message while there is nothing to list."""

    def __init__(self, title: str, view: QAbstractItemView, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.view = view
        view.setParent(self)
        self.message = plain_label(self, muted=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(view)
        self.stack.setMaximumHeight(view.maximumHeight())  # a list of fixed height: no gap
        self.body.addWidget(self.stack, 1)

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of the list."""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_list(self, rows: int, empty_text: str) -> None:
        """Show the list, or ``empty_text`` when it has no ``rows``."""
        if rows:
            self.stack.setCurrentWidget(self.view)
        else:
            self.show_message(empty_text)


class _ChartCard(DashboardCard):
    """A card showing a chart, or a message when there is nothing to draw."""

    def __init__(self, title: str, chart: QWidget, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.chart = chart
        chart.setParent(self)
        self.paint_on_base(chart)
        self.message = plain_label(self, muted=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(chart)
        self.body.addWidget(self.stack, 1)

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of the chart."""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_chart(self) -> None:
        """Show the chart."""
        self.stack.setCurrentWidget(self.chart)


class _MinimumHeightLayout(QVBoxLayout):
    """A column the scroll area fits to its viewport, scrolling only below its minimum size.

    Without it, wrapped labels make the scroll area size the page to its preferred height.
    """

    def hasHeightForWidth(self) -> bool:
        return False


class DashboardPage(QWidget):
    """The home page; the wiring reads the data and answers the requests it signals."""

    shown = Signal()  # the page became visible: time to read the data again
    refresh_requested = Signal()
    log_work_requested = Signal()
    assessment_requested = Signal()
    export_requested = Signal()
    profile_requested = Signal()
    suggestion_chosen = Signal(str)  # rule id
    entry_chosen = Signal(int)
    prototype_chosen = Signal(int)
    coach_requested = Signal()
    ledger_requested = Signal()
    prototypes_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DashboardData | None = None
        self.next_steps_model = NextStepsModel(self)
        self.recent_model = RecentWorkModel(self)
        self.prototypes_model = PrototypesInFlightModel(self)

        self.greeting_label = plain_label(self)
        self.greeting_label.setFont(scaled_font(self, 1.45, bold=True))
        self.subtitle_label = plain_label(self, muted=True)
        self.log_work_button = QPushButton(self.tr("&Log Work…"), self)
        self.log_work_button.setToolTip(self.tr("Add an entry to your contribution ledger"))
        self.assess_button = QPushButton(self.tr("Start &Assessment…"), self)
        self.assess_button.setToolTip(self.tr("Rate yourself against your ladder"))
        self.export_button = QPushButton(self.tr("E&xport Summary…"), self)
        self.export_button.setToolTip(
            self.tr("Write a summary for your next 1:1 as PDF, Markdown or HTML")
        )
        self.log_work_button.clicked.connect(self.log_work_requested)
        self.assess_button.clicked.connect(self.assessment_requested)
        self.export_button.clicked.connect(self.export_requested)

        self.standing = StandingCard(self)
        self.standing.assessment_requested.connect(self.assessment_requested)
        self.radar = self.standing.radar
        lines = self.fontMetrics().height()
        # Below these, the page scrolls rather than squeezing the charts unreadable.
        self.radar.setMinimumSize(self.radar.minimumSizeHint().width(), lines * 15)
        self.one_on_one = OneOnOneCard(self)
        self.one_on_one.profile_requested.connect(self.profile_requested)
        self.trend = TrendChartWidget(self)
        self.trend.setMinimumSize(self.trend.minimumSizeHint().width(), lines * 9)
        for chart in (self.radar, self.trend):  # the cards share the height 5 : 3
            chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.trend_card = _ChartCard(self.tr("Progress over time"), self.trend, self)
        self.next_steps = _ListCard(
            self.tr("Next steps"),
            two_line_list(self, self.next_steps_model, self.tr("Next steps"), TOP_SUGGESTIONS),
            self,
        )
        recent = compact_table(
            self,
            self.recent_model,
            self.tr("Recent work"),
            RecentWorkModel.TITLE,
            (RecentWorkModel.DATE, RecentWorkModel.KIND),
        )
        show_rows(recent, RECENT_ENTRIES, fixed=True)
        self.recent = _ListCard(self.tr("Recent work"), recent, self)
        prototypes = compact_table(
            self,
            self.prototypes_model,
            self.tr("Prototypes in flight"),
            PrototypesInFlightModel.TITLE,
            (PrototypesInFlightModel.SINCE,),
        )
        show_rows(prototypes, 1, fixed=False)
        self.prototypes = _ListCard(self.tr("Prototypes in flight"), prototypes, self)
        self.coach_link = self.next_steps.add_link(
            self.tr("See all"), self.tr("Every suggestion, on the Coach page")
        )
        self.ledger_link = self.recent.add_link(
            self.tr("See all"), self.tr("The whole ledger, on the Ledger page")
        )
        self.prototypes_link = self.prototypes.add_link(
            self.tr("See all"), self.tr("Every prototype, on the Prototypes page")
        )
        self.coach_link.clicked.connect(self.coach_requested)
        self.ledger_link.clicked.connect(self.ledger_requested)
        self.prototypes_link.clicked.connect(self.prototypes_requested)
        for card, slot in (
            (self.next_steps, self._on_next_steps_activated),
            (self.recent, self._on_recent_activated),
            (self.prototypes, self._on_prototypes_activated),
        ):
            card.view.clicked.connect(slot)
            card.view.activated.connect(slot)

        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh_requested)
        self.addAction(refresh)  # F5 works while the page is shown
        self._lay_out()
        self.set_actions_enabled(False)
        self.set_loading()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.greeting_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        for button in (self.log_work_button, self.assess_button, self.export_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

        # The charts on the left, where their labels have room; what to do next on the right.
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.standing, 5)
        left.addWidget(self.trend_card, 3)
        right = QVBoxLayout()
        right.setSpacing(10)
        for card in (self.one_on_one, self.next_steps, self.recent):
            right.addWidget(card)
        right.addWidget(self.prototypes, 1)  # the last card takes what height is left
        columns = QHBoxLayout()
        columns.setSpacing(10)
        columns.addLayout(left, 11)
        columns.addLayout(right, 9)

        content = QWidget(self)
        content_layout = _MinimumHeightLayout(content)
        content_layout.setContentsMargins(2, 0, 2, 2)
        content_layout.setSpacing(10)
        content_layout.addLayout(header)
        content_layout.addLayout(columns, 1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)  # scrolls only when the window is small
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    # -- called by the wiring -------------------------------------------------------------

    def set_actions_enabled(self, enabled: bool) -> None:
        """The quick actions need the database: off until it is open."""
        for button in (
            self.log_work_button,
            self.assess_button,
            self.export_button,
            self.standing.first_assessment_button,
            self.one_on_one.profile_button,
        ):
            button.setEnabled(enabled)

    def set_loading(self) -> None:
        """Say the data is on its way (what is shown stays until the new reading is in)."""
        if self.data is None:
            self._show_everywhere(self.tr("Loading…"))

    def set_failed(self) -> None:
        """The reading failed: say so, unless an earlier reading is on screen."""
        if self.data is None:
            self._show_everywhere(self.tr("This could not be read."))

    def _show_everywhere(self, text: str) -> None:
        self.greeting_label.setText(text)
        self.subtitle_label.hide()
        self.standing.show_message(text)
        self.one_on_one.show_message(text)
        for card in (self.trend_card, self.next_steps, self.recent, self.prototypes):
            card.show_message(text)
        for link in (self.coach_link, self.ledger_link, self.prototypes_link):
            link.hide()

    def show_preview(self, profile: Profile, ladder: Ladder | None, today: dt.date) -> None:
        """The greeting and the next 1:1 before the rest is read (nothing once data is in)."""
        if self.data is not None:
            return
        ladder_name = ladder.name if ladder is not None else ""
        target = level_title(ladder, profile.target_level_id) if ladder is not None else ""
        self.greeting_label.setText(greeting(profile))
        self.subtitle_label.setText(subtitle(profile.role, ladder_name, target))
        self.subtitle_label.setVisible(bool(self.subtitle_label.text()))
        preview = DashboardData(
            today=today,
            profile=profile,
            ladder_name=ladder_name,
            target_title=target,
            standing=None,
            radar=None,
            trend=None,
            suggestions=(),
            suggestion_count=0,
            recent=(),
            entry_count=0,
            in_flight=(),
            in_flight_count=0,
            next_one_on_one=upcoming_one_on_one(profile, today),
            last_one_on_one=last_one_on_one(profile, today),
            suggestions_read=False,
        )
        self.one_on_one.show_one_on_one(preview)

    def show_data(self, data: DashboardData) -> None:
        """Show one reading of the data."""
        self.data = data
        profile = data.profile
        self.greeting_label.setText(greeting(profile))
        self.subtitle_label.setText(subtitle(profile.role, data.ladder_name, data.target_title))
        self.subtitle_label.setVisible(bool(self.subtitle_label.text()))
        self.standing.show_standing(data)
        self.one_on_one.show_one_on_one(data)
        self.trend.set_chart(data.trend)
        if data.trend is None:
            self.trend_card.show_message(
                self.tr("Your progress shows here once you have assessed yourself.")
            )
        else:
            self.trend_card.show_chart()
        self.next_steps_model.set_suggestions(data.suggestions)
        if data.suggestions_read:
            self.next_steps.show_list(
                len(data.suggestions),
                self.tr("Nothing to suggest right now. Suggestions appear as your data grows."),
            )
        else:
            self.next_steps.show_message(self.tr("Checking your data…"))
        self.recent_model.set_entries(data.recent, data.today)
        self.recent.show_list(
            len(data.recent),
            self.tr(
                "Nothing logged yet. Log the reviews, docs and help you give: it all adds up "
                "to evidence for your next level."
            ),
        )
        self.prototypes_model.set_prototypes(data.in_flight, data.today)
        self.prototypes.show_list(
            len(data.in_flight),
            self.tr("No prototypes in flight. Track side projects on the Prototypes page."),
        )
        for link, total, shown in (
            (self.coach_link, data.suggestion_count, len(data.suggestions)),
            (self.ledger_link, data.entry_count, len(data.recent)),
            (self.prototypes_link, data.in_flight_count, len(data.in_flight)),
        ):
            more = total > shown
            link.setText(
                self.tr("See all {count}").format(count=total) if more else self.tr("See all")
            )
            link.setVisible(total > 0)

    # -- slots ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def _on_next_steps_activated(self, index: QModelIndex) -> None:
        rule_id = index.data(ID_ROLE)
        if isinstance(rule_id, str):
            self.suggestion_chosen.emit(rule_id)

    def _on_recent_activated(self, index: QModelIndex) -> None:
        entry_id = index.data(ID_ROLE)
        if isinstance(entry_id, int):
            self.entry_chosen.emit(entry_id)

    def _on_prototypes_activated(self, index: QModelIndex) -> None:
        prototype_id = index.data(ID_ROLE)
        if isinstance(prototype_id, int):
            self.prototype_chosen.emit(prototype_id)
