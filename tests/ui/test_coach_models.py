"""The Coach page's item models: rows, columns and text as the user sees them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from careercoach.domain.coach import Suggestion, SuggestionStatus
from careercoach.domain.coach_rules import Rule
from careercoach.ui.coach_models import RULE_ID_ROLE, FactTableModel, SuggestionTableModel


def rule(rule_id: str, title: str, priority: int, category: str = "one-on-one") -> Rule:
    return Rule(rule_id, title, category, "true", "message", "rationale", priority)


SHOWN = (
    Suggestion(rule("prepare", "Prepare for your 1:1", 95), "Export the <b>summary</b>.", ()),
    Suggestion(rule("help", "Help a teammate", 80, "collaboration"), "Review a PR.", ()),
)
HIDDEN = (
    Suggestion(
        rule("checkin", "Check in", 30),
        "Thirty seconds.",
        (("checked_in_this_week", False),),
        SuggestionStatus.SNOOZED,
        dt.date(2026, 3, 9),
    ),
)


def displayed(model: SuggestionTableModel | FactTableModel) -> list[list[str]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_shown_suggestions_list_title_category_and_priority(
    qtmodeltester: ModelTester,
) -> None:
    model = SuggestionTableModel()
    model.set_suggestions(SHOWN)
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Suggestion", "Category", "Priority"]
    assert displayed(model) == [
        ["Prepare for your 1:1", "One-on-one", "95"],
        ["Help a teammate", "Collaboration", "80"],
    ]
    assert model.index(1, 0).data(RULE_ID_ROLE) == "help"
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;summary&lt;/b&gt;" in tooltip  # the message, escaped
    assert model.row_of("help") == 1
    assert model.row_of("gone") == -1
    model.set_suggestions(())
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_the_hidden_suggestions_list_their_status_and_the_day_they_come_back(
    qtmodeltester: ModelTester,
) -> None:
    model = SuggestionTableModel(hidden=True)
    model.set_suggestions(HIDDEN)
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Suggestion", "Status", "Back On"]
    assert displayed(model) == [["Check in", "Snoozed", "2026-03-09"]]


def test_the_facts_show_their_values_and_definitions(qtmodeltester: ModelTester) -> None:
    model = FactTableModel()
    model.set_facts(
        (
            ("lone_prototype_hours", 38.0),
            ("checked_in_this_week", False),
            ("largest_gap_names", ("Delivery", "Direction")),
            ("no_such_fact", None),
        )
    )
    qtmodeltester.check(model)
    assert displayed(model) == [
        ["lone_prototype_hours", "38"],
        ["checked_in_this_week", "no"],
        ["largest_gap_names", "Delivery, Direction"],
        ["no_such_fact", "none"],
    ]
    tooltip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<p>lone_prototype_hours: ")
    assert "Not in the catalogue." in model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
