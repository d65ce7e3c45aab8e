"""The ledger table model: Qt's model contract, sorting with blanks last, filtering, display."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.ledger_filter import LedgerFilter
from careercoach.domain.rubric import Rubric, Size, difficulty
from careercoach.ui.ledger_models import LedgerColumn, LedgerTableModel

K = ContributionKind
ASC = Qt.SortOrder.AscendingOrder
DESC = Qt.SortOrder.DescendingOrder


def sample_entries() -> list[Contribution]:
    return [
        Contribution(
            date=dt.date(2026, 1, 10),
            title="Reviewed the churn model PR",
            kind=K.CODE_REVIEW,
            beneficiary="Maya",
            project="Churn",
            hours=1.5,
            rubric=Rubric(ambiguity=2, complexity=3, cross_functional=1, size=Size.S),
            evidence=EvidenceStrength.ARTIFACT,
            competencies=("technical-quality",),
            id=1,
        ),
        Contribution(
            date=dt.date(2026, 2, 3),
            title="beta docs for the feature store",
            kind=K.DOCUMENTATION,
            project="Feature store",
            rubric=Rubric(ambiguity=4, complexity=4, cross_functional=4, size=Size.L),
            feedback_quote="These docs saved my week",
            evidence=EvidenceStrength.PEER_CONFIRMED,
            id=2,
        ),
        Contribution(
            date=dt.date(2025, 12, 1),
            title="Added tests to the ETL",
            kind=K.TESTS,
            beneficiary="Data platform",
            hours=6,
            competencies=("collaboration", "technical-quality"),
            id=3,
        ),
    ]


@pytest.fixture
def model(qtbot: QtBot) -> LedgerTableModel:
    model = LedgerTableModel()
    model.set_entries(sample_entries())
    model.set_competency_names({"technical-quality": "Technical quality"})
    return model


def titles(model: LedgerTableModel) -> list[str]:
    return [model.index(row, LedgerColumn.TITLE).data() for row in range(model.rowCount())]


def test_the_model_follows_the_qt_contract(
    model: LedgerTableModel, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(model, force_py=True)
    model.sort(LedgerColumn.HOURS, ASC)
    model.set_filter(LedgerFilter(text="docs"))
    qtmodeltester.check(model, force_py=True)


def test_rows_show_what_the_user_reads(model: LedgerTableModel) -> None:
    model.sort(LedgerColumn.DATE, DESC)
    row = model.row_of(1)
    expected = difficulty(sample_entries()[0].rubric)
    assert expected is not None
    cells = [model.index(row, column).data() for column in LedgerColumn]
    assert cells == [
        "2026-01-10",
        "Reviewed the churn model PR",
        "Code review",
        "Maya",
        "Churn",
        "1.5",
        f"{expected.score:.1f}",
        "Artifact",
        "Technical quality",
    ]
    cell = model.index(row, LedgerColumn.DIFFICULTY)
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert expected.explanation in tooltip
    assert "from ambiguity 2, complexity 3, cross-functional 1, size S" in tooltip
    alignment = Qt.AlignmentFlag(cell.data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight
    unknown = model.index(model.row_of(3), LedgerColumn.COMPETENCIES).data()
    assert unknown == "collaboration, Technical quality"  # ids the ladder lacks show as ids
    assert model.headerData(LedgerColumn.BENEFICIARY, Qt.Orientation.Horizontal) == (
        "Who benefited"
    )


# Per column: the entries (by id) in ascending order, then those with a blank cell, which
# stay last in both orders.
SORTED_IDS: dict[LedgerColumn, tuple[list[int], list[int]]] = {
    LedgerColumn.DATE: ([3, 1, 2], []),
    LedgerColumn.TITLE: ([3, 2, 1], []),
    LedgerColumn.KIND: ([1, 2, 3], []),
    LedgerColumn.BENEFICIARY: ([3, 1], [2]),
    LedgerColumn.PROJECT: ([1, 2], [3]),
    LedgerColumn.HOURS: ([1, 3], [2]),
    LedgerColumn.DIFFICULTY: ([1, 2], [3]),
    LedgerColumn.EVIDENCE: ([3, 1, 2], []),
    LedgerColumn.COMPETENCIES: ([3, 1], [2]),
}


def shown_ids(model: LedgerTableModel) -> list[int | None]:
    return [entry.id for entry in model.visible_entries()]


@pytest.mark.parametrize("column", list(LedgerColumn))
def test_every_column_sorts_both_ways_with_blanks_last(
    model: LedgerTableModel, column: LedgerColumn
) -> None:
    present, blank = SORTED_IDS[column]
    model.sort(column, ASC)
    assert shown_ids(model) == present + blank
    assert (model.sort_column, model.sort_order) == (column, ASC)
    model.sort(column, DESC)
    assert shown_ids(model) == list(reversed(present)) + blank


def test_equal_keys_keep_the_ledger_order(qtbot: QtBot) -> None:
    model = LedgerTableModel()
    day = dt.date(2026, 1, 1)
    model.set_entries([Contribution(day, f"entry {i}", K.OTHER, id=i) for i in (5, 4, 3)])
    model.sort(LedgerColumn.DATE, DESC)
    assert shown_ids(model) == [5, 4, 3]
    model.sort(LedgerColumn.KIND, ASC)
    assert shown_ids(model) == [5, 4, 3]


def test_sorting_keeps_selected_rows_on_their_entries(model: LedgerTableModel) -> None:
    model.sort(LedgerColumn.DATE, DESC)
    persistent = QPersistentModelIndex(model.index(model.row_of(3), LedgerColumn.TITLE))
    model.sort(LedgerColumn.TITLE, ASC)
    assert persistent.row() == model.row_of(3) == 0
    assert persistent.data() == "Added tests to the ETL"


def test_filters_narrow_the_rows_and_keep_the_sort(model: LedgerTableModel) -> None:
    model.sort(LedgerColumn.DATE, ASC)
    model.set_filter(LedgerFilter(kinds=frozenset({K.DOCUMENTATION, K.TESTS})))
    assert titles(model) == ["Added tests to the ETL", "beta docs for the feature store"]
    assert (model.visible_count, model.total_count) == (2, 3)
    model.set_filter(LedgerFilter(text="SAVED my"))  # the feedback quote is searched too
    assert titles(model) == ["beta docs for the feature store"]
    model.set_filter(LedgerFilter(competency="collaboration"))
    assert titles(model) == ["Added tests to the ETL"]
    model.set_filter(LedgerFilter(since=dt.date(2026, 1, 1), until=dt.date(2026, 1, 31)))
    assert titles(model) == ["Reviewed the churn model PR"]
    assert model.row_of(2) == -1  # filtered out
    assert model.entry(5) is None
    model.set_filter(LedgerFilter())
    assert model.visible_count == 3


def test_user_text_in_tooltips_is_never_markup(qtbot: QtBot) -> None:
    model = LedgerTableModel()
    model.set_entries([Contribution(dt.date(2026, 1, 1), "<b>x</b>", K.OTHER, id=1)])
    tooltip = model.index(0, LedgerColumn.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;x&lt;/b&gt;" in tooltip


def test_rows_are_found_by_id_after_every_change(model: LedgerTableModel) -> None:
    def expected() -> dict[int, int]:
        return {entry_id: row for row, entry_id in enumerate(shown_ids(model))}

    for change in (
        lambda: model.sort(LedgerColumn.TITLE, ASC),
        lambda: model.set_filter(LedgerFilter(kinds=frozenset({K.DOCUMENTATION, K.TESTS}))),
        lambda: model.sort(LedgerColumn.DATE, DESC),
        lambda: model.set_entries([*reversed(sample_entries())]),
        lambda: model.set_filter(LedgerFilter()),
    ):
        change()
        assert {entry_id: model.row_of(entry_id) for entry_id in expected()} == expected()
        assert model.rows_of([3, 99, 1, 2]) == [
            expected()[entry_id] for entry_id in (3, 1, 2) if entry_id in expected()
        ]
    model.set_entries([])
    assert model.row_of(1) == -1
    assert model.rows_of([1, 2, 3]) == []


def test_hours_show_as_stored_with_two_decimals_at_most(qtbot: QtBot) -> None:
    model = LedgerTableModel()
    day = dt.date(2026, 1, 1)
    model.set_entries(
        [
            Contribution(day, f"entry {i}", K.OTHER, hours=hours, id=i)
            for i, hours in enumerate((2.0, 0.25, 999.99, 0.1, None), start=1)
        ]
    )
    model.sort(LedgerColumn.TITLE, ASC)
    assert [model.index(row, LedgerColumn.HOURS).data() for row in range(5)] == [
        "2",
        "0.25",
        "999.99",
        "0.1",
        "",
    ]
