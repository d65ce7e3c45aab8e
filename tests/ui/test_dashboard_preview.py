"""The Dashboard greets the user from the quick start-up read, before the database opens."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from careercoach.domain.ladder import Ladder, Level
from careercoach.domain.profile import Profile
from careercoach.ui.dashboard_page import DashboardPage

TODAY = dt.date(2026, 11, 27)  # a Friday
LADDER = Ladder(
    "eng", "Engineering", "1", "", (Level("mid", "Mid"), Level("senior", "Senior")), ()
)
PROFILE = Profile(
    name="Ada Lovelace",
    role="Data Scientist",
    ladder_id="eng",
    target_level_id="senior",
    one_on_one_every_days=14,
    next_one_on_one=dt.date(2026, 11, 20),  # passed: the next one is two weeks on
    is_default=False,
)


def test_the_preview_shows_the_greeting_and_the_next_one_on_one(qtbot: QtBot) -> None:
    page = DashboardPage()
    qtbot.addWidget(page)
    page.set_loading()

    page.show_preview(PROFILE, LADDER, TODAY)

    assert page.greeting_label.text() == "Welcome back, Ada Lovelace"
    assert page.subtitle_label.text() == "Data Scientist · Engineering · aiming for Senior"
    assert page.one_on_one.date_label.text() == "Friday 4 December (in 7 days)"
    assert page.data is None  # the other cards still say they are loading


def test_the_preview_never_replaces_data_already_shown(qtbot: QtBot) -> None:
    page = DashboardPage()
    qtbot.addWidget(page)
    page.show_preview(PROFILE, LADDER, TODAY)
    page.greeting_label.setText("shown by a full reading")
    page.data = object()  # type: ignore[assignment]  # any reading that arrived first

    page.show_preview(PROFILE, LADDER, TODAY)

    assert page.greeting_label.text() == "shown by a full reading"
