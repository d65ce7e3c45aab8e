"""Editor operations keep a ladder whole: every competency has a cell for every level."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain import ladder_edits as edits
from careercoach.domain.ladder import Expectation, Ladder, NamedTarget
from careercoach.domain.ladder_format import ladder_from_document, ladder_to_document


def assert_whole(ladder: Ladder) -> None:
    assert ladder_from_document(ladder_to_document(ladder)) == ladder
    for competency in ladder.competencies:
        assert set(competency.expectations) == set(ladder.level_ids)


def test_new_ladder_is_valid() -> None:
    ladder = edits.new_ladder("team", "Team")
    assert_whole(ladder)
    assert ladder.level_ids == ("level-1", "level-2")


def test_levels_can_be_added_renamed_moved_and_removed() -> None:
    ladder = edits.add_level(edits.new_ladder("team", "Team"), "Level 3")
    assert ladder.level_ids == ("level-1", "level-2", "level-3")
    ladder = edits.update_level(ladder, 2, title="Staff", summary="Sets direction.")
    ladder = edits.move_level(ladder, 2, -1)
    assert [level.title for level in ladder.levels] == ["Level 1", "Staff", "Level 2"]
    assert edits.move_level(ladder, 0, -1) == ladder  # already first
    ladder = edits.remove_level(ladder, 0)
    assert ladder.level_ids == ("level-3", "level-2")
    assert_whole(ladder)


def test_competencies_and_cells() -> None:
    ladder = edits.add_competency(edits.new_ladder("team", "Team"), "Delivery")
    ladder = edits.update_competency(
        ladder, 1, name="Delivery", category="Impact", description="Ships."
    )
    cell = Expectation("Delivers given tasks.", ("Closes tickets", "Asks early"))
    ladder = edits.set_expectation(ladder, 1, "level-2", cell)
    ladder = edits.move_competency(ladder, 1, -1)
    assert ladder.competencies[0].name == "Delivery"
    assert ladder.competencies[0].expectation("level-2") == cell
    ladder = edits.remove_competency(ladder, 1)
    assert [c.id for c in ladder.competencies] == ["competency-2"]
    assert_whole(ladder)


def test_removing_a_level_or_competency_cleans_the_targets() -> None:
    ladder = edits.new_ladder("team", "Team")
    ladder = Ladder(
        ladder.id,
        ladder.name,
        ladder.version,
        "",
        ladder.levels,
        ladder.competencies,
        targets=(NamedTarget("backend", "Backend", {"competency-1": "level-2"}),),
    )
    assert dict(edits.remove_level(ladder, 1).targets[0].levels) == {}
    assert dict(edits.remove_competency(ladder, 0).targets[0].levels) == {}


def test_duplicate_takes_a_free_id() -> None:
    ladder = edits.new_ladder("team", "Team")
    copy = edits.duplicate(ladder, {"team", "team-copy"}, "Copy of Team")
    assert (copy.id, copy.name) == ("team-copy-2", "Copy of Team")
    assert copy.competencies == ladder.competencies


operations = st.lists(
    st.tuples(
        st.sampled_from(
            ["add_level", "add_comp", "move_level", "move_comp", "rm_level", "rm_comp"]
        ),
        st.integers(0, 5),
        st.sampled_from([-1, 1]),
    ),
    max_size=25,
)


@given(operations)
def test_any_sequence_of_edits_keeps_every_cell(steps: list[tuple[str, int, int]]) -> None:
    ladder = edits.new_ladder("team", "Team")
    for name, index, offset in steps:
        if name == "add_level":
            ladder = edits.add_level(ladder, "Level")
        elif name == "add_comp":
            ladder = edits.add_competency(ladder, "Competency")
        elif name == "move_level":
            ladder = edits.move_level(ladder, index, offset)
        elif name == "move_comp":
            ladder = edits.move_competency(ladder, index, offset)
        elif name == "rm_level" and index < len(ladder.levels) and len(ladder.levels) > 1:
            ladder = edits.remove_level(ladder, index)
        elif (
            name == "rm_comp" and index < len(ladder.competencies) and len(ladder.competencies) > 1
        ):
            ladder = edits.remove_competency(ladder, index)
    assert_whole(ladder)
