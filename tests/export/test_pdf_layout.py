"""The PDF layout engine: wrapping at spaces, column widths by content, and pagination."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from careercoach.export.pdf_layout import Block, CellsBlock, Placed, paginate, text_cell
from careercoach.export.pdf_table import column_widths
from careercoach.export.pdf_text import TextStyle, pdf_styles, wrap

LINE = 10.0


@dataclass(frozen=True)
class FakeBlock:
    """A block of ``lines`` lines, each LINE tall, that splits between lines if allowed."""

    name: str
    lines: int
    space_before: float = 0.0
    keep_with_next: bool = False
    continued: Block | None = None
    splittable: bool = True

    @property
    def height(self) -> float:
        return self.lines * LINE

    def min_height(self) -> float:
        return min(2, self.lines) * LINE if self.splittable else self.height

    def split(self, room: float) -> tuple[Block, Block] | None:
        fits = int(room // LINE)
        if not self.splittable or fits < 1 or fits >= self.lines:
            return None
        return replace(self, lines=fits), replace(self, lines=self.lines - fits, space_before=0.0)

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        raise AssertionError("never painted in these tests")


def names(pages: list[list[Placed]]) -> list[list[str]]:
    return [[p.block.name for p in page if isinstance(p.block, FakeBlock)] for page in pages]


def lines_of(pages: list[list[Placed]], name: str) -> int:
    return sum(
        p.block.lines for page in pages for p in page if getattr(p.block, "name", "") == name
    )


@pytest.fixture
def style(qapp: QApplication) -> TextStyle:
    return pdf_styles(QFont(), QImage(10, 10, QImage.Format.Format_RGB32)).body


# ---------------------------------------------------------------- wrapping


@pytest.mark.parametrize(
    "text",
    [
        "Cross-functional exploratory-analysis of A/B tests, end-to-end (v2.1) with well-known",
        "Turned Fatima's Slack thread on ticket triage model backfills into a wiki page",
        "Influence office affluent: finish the workflow",
    ],
)
@pytest.mark.parametrize("columns", [4, 12, 25, 60])
def test_lines_break_only_at_spaces(style: TextStyle, text: str, columns: int) -> None:
    width = style.width("n") * columns
    lines = wrap(text, style, width)
    longest = max(style.width(word) for word in text.split())
    if longest <= width:
        assert [word for line in lines for word in line.split(" ")] == text.split()
        assert all(style.width(line) <= width + 0.01 for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_a_word_wider_than_the_column_is_broken_between_letters(style: TextStyle) -> None:
    word = "Supercalifragilisticexpialidocious" * 4
    width = style.width("n") * 20
    lines = wrap(f"see {word} here", style, width)
    assert lines[0] == "see"
    assert "".join(lines[1:-1]) + lines[-1].split(" ")[0] == word
    assert all(style.width(line) <= width + 0.01 for line in lines)


def test_line_breaks_in_the_text_are_kept_and_blank_runs_collapse(style: TextStyle) -> None:
    lines = wrap("first line\n\n\n\nsecond\tline \r\nthird", style, 10_000)
    assert lines == ("first line", "", "second line", "third")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the style is read-only
@given(text=st.text(max_size=300), columns=st.integers(min_value=1, max_value=80))
def test_wrapping_never_loses_or_adds_a_character(
    style: TextStyle, text: str, columns: int
) -> None:
    lines = wrap(text, style, style.width("n") * columns)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_empty_text_has_no_lines(style: TextStyle) -> None:
    assert wrap("", style, 100) == ()
    assert wrap(" \n \n", style, 100) == ()


# ---------------------------------------------------------------- column widths


def test_columns_that_fit_keep_their_natural_width_and_flex_takes_the_rest() -> None:
    widths = column_widths([10, 20, 5], [30, 40, 5], [0, 1, 0], 200)
    assert widths == pytest.approx([30, 165, 5])


def test_fixed_columns_stay_on_one_line_while_flexible_ones_wrap() -> None:
    widths = column_widths([10, 20, 15, 5], [30, 300, 100, 5], [0, 3, 1, 0], 200)
    assert sum(widths) == pytest.approx(200)
    assert widths[0] == pytest.approx(30)
    assert widths[3] == pytest.approx(5)
    assert widths[1] > widths[2] >= 15


def test_every_column_gets_its_widest_word_when_they_all_fit() -> None:
    mins = [40.0, 50.0, 30.0, 60.0]
    widths = column_widths(mins, [400, 500, 300, 600], [1, 1, 1, 1], 190)
    assert sum(widths) == pytest.approx(190)
    assert all(w >= m - 1e-9 for w, m in zip(widths, mins, strict=True))


def test_words_are_squeezed_only_when_they_cannot_all_fit() -> None:
    widths = column_widths([100, 100], [100, 100], [0, 0], 150)
    assert widths == pytest.approx([75, 75])


# ---------------------------------------------------------------- pagination


def test_a_block_that_does_not_fit_moves_whole_to_the_next_page() -> None:
    pages = paginate([FakeBlock("a", 6), FakeBlock("b", 6)], 100)
    assert names(pages) == [["a"], ["b"]]


def test_a_heading_is_never_left_at_the_bottom_of_a_page() -> None:
    blocks = [FakeBlock("a", 8), FakeBlock("heading", 1, keep_with_next=True), FakeBlock("b", 3)]
    assert names(paginate(blocks, 100)) == [["a"], ["heading", "b"]]


def test_a_keep_chain_that_cannot_fit_any_page_is_broken_rather_than_looping() -> None:
    blocks = [FakeBlock(str(n), 3, keep_with_next=True, splittable=False) for n in range(10)]
    pages = paginate(blocks, 100)
    assert [name for page in names(pages) for name in page] == [str(n) for n in range(10)]
    assert all(sum(p.block.height for p in page) <= 100 for page in pages)


def test_a_table_continued_on_a_new_page_repeats_its_header() -> None:
    header = FakeBlock("header", 1, keep_with_next=True)
    rows = [FakeBlock(f"row{n}", 2, continued=header) for n in range(5)]
    pages = paginate([FakeBlock("intro", 4), header, *rows], 100)
    assert names(pages) == [
        ["intro", "header", "row0", "row1"],
        ["header", "row2", "row3", "row4"],
    ]
    assert [p.top for p in pages[1]] == [0, 10, 30, 50]


def test_space_before_is_dropped_at_the_top_of_a_page() -> None:
    pages = paginate([FakeBlock("a", 9), FakeBlock("b", 2, space_before=5)], 100)
    assert pages[1][0].top == 0


def test_a_block_taller_than_a_page_is_split_by_lines_and_nothing_is_lost() -> None:
    header = FakeBlock("header", 1, keep_with_next=True)
    blocks = [FakeBlock("intro", 3), header, FakeBlock("quote", 95, continued=header)]
    pages = paginate(blocks, 100)
    assert lines_of(pages, "quote") == 95
    assert names(pages)[0] == ["intro", "header", "quote"]
    assert all(page[0].block is header for page in pages[1:])
    assert all(sum(p.block.height for p in page) <= 100 for page in pages)


def test_an_unsplittable_block_taller_than_a_page_gets_a_page_of_its_own() -> None:
    pages = paginate([FakeBlock("a", 2), FakeBlock("big", 30, splittable=False)], 100)
    assert names(pages) == [["a"], ["big"]]


def test_no_blocks_still_make_one_page() -> None:
    assert paginate([], 100) == [[]]


def test_a_cells_block_splits_every_cell_at_the_same_line(style: TextStyle) -> None:
    text = " ".join(f"word{n}" for n in range(400))
    block = CellsBlock(
        (text_cell(0, 100, [(text, style)]), text_cell(120, 60, [(text, style)])), 200
    )
    room = style.leading * 5.5
    parts = block.split(room)
    assert parts is not None
    first, rest = parts
    assert first.height <= room
    for index, cell in enumerate(block.cells):
        before = [line.text for line in first.cells[index].lines]  # type: ignore[attr-defined]
        after = [line.text for line in rest.cells[index].lines]  # type: ignore[attr-defined]
        assert before + after == [line.text for line in cell.lines]
    assert rest.cells[0].lines[0].top == 0  # type: ignore[attr-defined]
