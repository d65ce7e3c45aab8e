"""The overall level estimate follows the ladder's policy and explains how it got there."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.ladder import (
    Competency,
    Expectation,
    Ladder,
    Level,
    LevelEstimatePolicy,
)
from careercoach.domain.level_estimate import (
    NOT_ENOUGH_RATINGS,
    Estimate,
    estimate_level,
    level_title,
)

DS_LEVELS = (
    ("associate", "Associate Data Scientist"),
    ("mid", "Data Scientist"),
    ("senior", "Senior Data Scientist"),
    ("staff", "Staff Data Scientist"),
    ("principal", "Principal Data Scientist"),
)
DEFAULT_POLICY = (
    "Highest level where at least 75% of competencies are rated at it or above "
    "and none is more than one level below it"
)


def ladder(
    competencies: Sequence[str] | int = 8,
    levels: Sequence[tuple[str, str]] = DS_LEVELS,
    policy: LevelEstimatePolicy | None = None,
) -> Ladder:
    names = (
        [f"c{i}" for i in range(competencies)] if isinstance(competencies, int) else competencies
    )
    return Ladder(
        "ds",
        "Data Science",
        "1",
        "",
        tuple(Level(level_id, title) for level_id, title in levels),
        tuple(Competency(name, name.capitalize()) for name in names),
        policy,
    )


def rate(the_ladder: Ladder, *level_ids: str | None) -> dict[str, str]:
    """Competency i → level_ids[i]; None leaves that competency unrated."""
    return {
        c.id: level_id
        for c, level_id in zip(the_ladder.competencies, level_ids, strict=True)
        if level_id is not None
    }


# ---------------------------------------------------------------- default policy


def test_a_ladder_without_policy_uses_the_default_and_names_the_next_level_s_shortfall() -> None:
    the_ladder = ladder(8)
    levels = rate(the_ladder, *["senior"] * 6, "mid", "mid")
    assert estimate_level(the_ladder, levels) == Estimate(
        "senior",
        "Senior Data Scientist",
        DEFAULT_POLICY,
        "6 of 8 competencies at Senior Data Scientist or above; the lowest is Data Scientist. "
        "Not Staff Data Scientist: 0 of 8 at it or above, 6 needed; C6 and C7 are more than "
        "one level below it.",
    )


def test_the_estimate_may_sit_one_level_above_the_lowest_rating() -> None:
    the_ladder = ladder(8)
    levels = rate(the_ladder, *["staff"] * 5, "principal", "senior", "senior")
    result = estimate_level(the_ladder, levels)
    assert (result.level_id, result.label) == ("staff", "Staff Data Scientist")
    assert result.detail == (
        "6 of 8 competencies at Staff Data Scientist or above; the lowest is "
        "Senior Data Scientist. Not Principal Data Scientist: 1 of 8 at it or above, 6 needed; "
        "C6 and C7 are more than one level below it."
    )


def test_exactly_75_percent_at_a_level_is_enough_and_one_fewer_is_not() -> None:
    the_ladder = ladder(4)
    assert (
        estimate_level(the_ladder, rate(the_ladder, "senior", "senior", "senior", "mid")).level_id
        == "senior"
    )
    assert (
        estimate_level(the_ladder, rate(the_ladder, "senior", "senior", "mid", "mid")).level_id
        == "mid"
    )
    eight = ladder(8)
    assert (
        estimate_level(eight, rate(eight, *["staff"] * 6, "senior", "senior")).level_id == "staff"
    )
    assert estimate_level(eight, rate(eight, *["staff"] * 5, *["senior"] * 3)).level_id == "senior"


def test_one_competency_two_levels_below_blocks_the_level() -> None:
    the_ladder = ladder(8)
    levels = rate(the_ladder, *["staff"] * 7, "mid")
    result = estimate_level(the_ladder, levels)
    # 7 of 8 are at Staff, but C7 at Data Scientist is two below it.
    assert result.level_id == "senior"
    assert result.detail == (
        "7 of 8 competencies at Senior Data Scientist or above; the lowest is Data Scientist. "
        "Not Staff Data Scientist: C7 is more than one level below it."
    )


def test_many_blocking_competencies_are_named_up_to_four() -> None:
    the_ladder = ladder(24)
    result = estimate_level(the_ladder, rate(the_ladder, *["principal"] * 18, *["mid"] * 6))
    assert result.level_id == "senior"
    assert result.detail.endswith(
        "Not Staff Data Scientist: C18, C19, C20, C21 and 2 more are more than one level below it."
    )


def test_a_single_competency_ladder_takes_its_rating() -> None:
    the_ladder = ladder(["sql"])
    result = estimate_level(the_ladder, {"sql": "staff"})
    assert result == Estimate(
        "staff",
        "Staff Data Scientist",
        DEFAULT_POLICY,
        "1 of 1 competencies at Staff Data Scientist or above; the lowest is "
        "Staff Data Scientist. Not Principal Data Scientist: 0 of 1 at it or above, 1 needed.",
    )


def test_all_at_the_lowest_level_is_the_lowest_level() -> None:
    the_ladder = ladder(3)
    result = estimate_level(the_ladder, rate(the_ladder, "associate", "associate", "associate"))
    assert (result.level_id, result.label) == ("associate", "Associate Data Scientist")
    assert result.detail.endswith("Not Data Scientist: 0 of 3 at it or above, 3 needed.")


def test_all_at_the_highest_level_has_no_level_above_to_explain() -> None:
    the_ladder = ladder(2)
    result = estimate_level(the_ladder, rate(the_ladder, "principal", "principal"))
    assert result.level_id == "principal"
    assert result.detail == (
        "2 of 2 competencies at Principal Data Scientist or above; the lowest is "
        "Principal Data Scientist."
    )


def test_a_sparse_ladder_with_empty_cells_and_skipped_levels() -> None:
    # Competencies that only start at higher levels, ratings that skip "l2" entirely.
    levels = tuple((f"l{n}", f"Level {n}") for n in range(1, 6))
    sparse = Ladder(
        "sparse",
        "Sparse",
        "1",
        "",
        tuple(Level(level_id, title) for level_id, title in levels),
        (
            Competency("a", "A", expectations={"l1": Expectation("starts")}),
            Competency("b", "B", expectations={"l3": Expectation("only at 3")}),
            Competency("c", "C"),
            Competency("d", "D", expectations={"l5": Expectation()}),
        ),
    )
    result = estimate_level(sparse, {"a": "l1", "b": "l3", "c": "l3", "d": "l3"})
    # Lowest is l1, so l2 is the highest reachable; 3 of 4 are at l2 or above.
    assert (result.level_id, result.label) == ("l2", "Level 2")
    assert result.detail == (
        "3 of 4 competencies at Level 2 or above; the lowest is Level 1. "
        "Not Level 3: A is more than one level below it."
    )


def test_unrated_competencies_count_as_below_and_are_named_in_the_detail() -> None:
    the_ladder = ladder(4)
    result = estimate_level(the_ladder, rate(the_ladder, "senior", "senior", "senior", None))
    assert result.level_id == "senior"
    assert result.detail == (
        "3 of 4 competencies at Senior Data Scientist or above; the lowest is "
        "Senior Data Scientist; 1 not rated, counted as below Senior Data Scientist. "
        "Not Staff Data Scientist: 0 of 4 at it or above, 3 needed."
    )


def test_too_few_ratings_give_no_estimate() -> None:
    the_ladder = ladder(4)
    assert estimate_level(the_ladder, rate(the_ladder, "staff", "staff", None, None)) == Estimate(
        None,
        NOT_ENOUGH_RATINGS,
        DEFAULT_POLICY,
        "2 of 4 competencies rated; at least 3 are needed.",
    )
    nothing = estimate_level(the_ladder, {})
    assert (nothing.level_id, nothing.label) == (None, "Not enough ratings")
    assert nothing.detail == "0 of 4 competencies rated; at least 3 are needed."


def test_a_ladder_without_competencies_or_levels_gives_no_estimate() -> None:
    no_competencies = estimate_level(ladder(0), {})
    assert (no_competencies.level_id, no_competencies.label) == (None, NOT_ENOUGH_RATINGS)
    assert no_competencies.detail == "The ladder has no competencies."
    no_levels = estimate_level(ladder(2, levels=()), {"c0": "x"})
    assert (no_levels.level_id, no_levels.detail) == (None, "The ladder has no levels.")


def test_ratings_of_unknown_competencies_or_levels_are_ignored_and_counted() -> None:
    the_ladder = ladder(4)
    levels = {**rate(the_ladder, *["mid"] * 4), "ghost": "staff", "c0": "guru"}
    result = estimate_level(the_ladder, levels)
    # c0 is now at an unknown level, so it counts as unrated: 3 of 4 at mid.
    assert result.level_id == "mid"
    assert result.detail == (
        "3 of 4 competencies at Data Scientist or above; the lowest is Data Scientist; "
        "1 not rated, counted as below Data Scientist (2 ratings for a competency or level "
        "the ladder lacks ignored). Not Senior Data Scientist: 0 of 4 at it or above, 3 needed."
    )


def test_a_custom_share_changes_the_threshold_and_the_policy_text() -> None:
    half = ladder(4, policy=LevelEstimatePolicy("share-at-level", {"share": 0.5}))
    result = estimate_level(half, rate(half, "senior", "senior", "mid", "mid"))
    assert result.level_id == "senior"
    assert result.policy == (
        "Highest level where at least 50% of competencies are rated at it or above "
        "and none is more than one level below it"
    )
    strict = ladder(3, policy=LevelEstimatePolicy("share-at-level", {"share": 1}))
    assert estimate_level(strict, rate(strict, "senior", "senior", "mid")).level_id == "mid"
    assert estimate_level(strict, rate(strict, "senior", "senior", "senior")).level_id == "senior"


def test_a_share_at_level_policy_without_share_uses_75_percent() -> None:
    the_ladder = ladder(4, policy=LevelEstimatePolicy("share-at-level"))
    result = estimate_level(the_ladder, rate(the_ladder, "senior", "senior", "senior", "mid"))
    assert (result.level_id, result.policy) == ("senior", DEFAULT_POLICY)


def test_a_share_that_is_not_a_fraction_falls_back_to_75_percent_and_says_so() -> None:
    for bad in ("lots", 0, 1.5, True):
        the_ladder = ladder(4, policy=LevelEstimatePolicy("share-at-level", {"share": bad}))
        result = estimate_level(the_ladder, rate(the_ladder, "senior", "senior", "mid", "mid"))
        assert result.level_id == "mid"
        assert result.policy == (
            f"{DEFAULT_POLICY} (the ladder's share {bad!r} is not a number above 0 and at "
            "most 1, so 75% was used)"
        )


def test_an_unknown_policy_kind_uses_the_default_and_says_so() -> None:
    the_ladder = ladder(4, policy=LevelEstimatePolicy("median", {"share": 0.1}))
    result = estimate_level(the_ladder, rate(the_ladder, "senior", "senior", "mid", "mid"))
    assert result.level_id == "mid"
    assert result.policy == (
        f"{DEFAULT_POLICY} (the ladder's policy 'median' is not known, so the default was used)"
    )


def test_level_title_reads_the_ladder() -> None:
    the_ladder = ladder(1)
    assert level_title(the_ladder, "staff") == "Staff Data Scientist"
    assert level_title(the_ladder, "gone") == "gone"
    assert level_title(the_ladder, None) == "Not rated"


# ---------------------------------------------------------------- snowflake points

MILESTONES = tuple((f"milestone-{n}", f"Milestone {n}") for n in range(1, 6))
SNOWFLAKE: dict[str, Any] = {
    "milestone_points": {"0": 0, "1": 1, "2": 3, "3": 6, "4": 12, "5": 20},
    "bands": [
        {"points": 0, "level": "1.1"},
        {"points": 5, "level": "1.2"},
        {"points": 11, "level": "1.3"},
        {"points": 17, "level": "2.1"},
        {"points": 23, "level": "2.2"},
        {"points": 29, "level": "2.3"},
        {"points": 36, "level": "3.1"},
        {"points": 43, "level": "3.2"},
        {"points": 50, "level": "3.3"},
        {"points": 58, "level": "4.1"},
    ],
    "max_points": 135,
    "titles": [
        {"label": "Engineer I", "min_points": 0, "max_points": 16},
        {"label": "Engineer II", "min_points": 17, "max_points": 35},
        {"label": "Senior Engineer", "min_points": 36, "max_points": 57},
        {"label": "Group Lead", "min_points": 36, "max_points": 57},
        {"label": "Staff Engineer", "min_points": 58},
    ],
}
SNOWFLAKE_POLICY = (
    "Snowflake points: each competency scores the points of its milestone "
    "(an unrated one scores milestone 0); the total picks the title and the band"
)


def snowflake(settings: Mapping[str, Any] = SNOWFLAKE, competencies: int = 4) -> Ladder:
    return ladder(
        competencies, levels=MILESTONES, policy=LevelEstimatePolicy("snowflake-points", settings)
    )


def test_snowflake_points_pick_the_title_and_the_band() -> None:
    the_ladder = snowflake()
    levels = rate(the_ladder, "milestone-3", "milestone-3", "milestone-3", "milestone-2")
    assert estimate_level(the_ladder, levels) == Estimate(
        None,
        "Engineer II (band 2.1)",
        SNOWFLAKE_POLICY,
        "21 points: Engineer II, band 2.1; the most possible is 135.",
    )


def test_snowflake_band_boundaries_and_shared_titles() -> None:
    the_ladder = snowflake()
    result = estimate_level(the_ladder, rate(the_ladder, *["milestone-4"] * 3, "milestone-1"))
    # 12 * 3 + 1 = 37: two titles share 36-57; band 3.1 starts at 36.
    assert result.label == "Senior Engineer or Group Lead (band 3.1)"
    exact = estimate_level(
        the_ladder, rate(the_ladder, *["milestone-3"] * 2, *["milestone-2"] * 2)
    )
    # 6 + 6 + 3 + 3 = 18; and exactly 17 is the start of band 2.1.
    assert exact.label == "Engineer II (band 2.1)"
    top = estimate_level(the_ladder, rate(the_ladder, *["milestone-5"] * 4))
    assert (top.label, top.detail) == (
        "Staff Engineer (band 4.1)",
        "80 points: Staff Engineer, band 4.1; the most possible is 135.",
    )


def test_snowflake_unrated_competencies_score_milestone_zero() -> None:
    the_ladder = snowflake()
    result = estimate_level(the_ladder, rate(the_ladder, "milestone-5", None, None, None))
    assert (result.level_id, result.label) == (None, "Engineer II (band 2.1)")
    assert result.detail == (
        "20 points: Engineer II, band 2.1; the most possible is 135; "
        "3 of 4 competencies not rated (milestone 0)."
    )
    generous = snowflake({**SNOWFLAKE, "milestone_points": {"0": 2, "1": 3}})
    assert estimate_level(generous, {}).detail.startswith("8 points: Engineer I, band 1.2")


def test_snowflake_without_titles_or_bands_shows_what_it_has() -> None:
    only_bands = snowflake(
        {"milestone_points": SNOWFLAKE["milestone_points"], "bands": SNOWFLAKE["bands"]}
    )
    levels = rate(only_bands, *["milestone-3"] * 4)
    assert estimate_level(only_bands, levels).label == "Band 2.2"
    only_titles = snowflake(
        {"milestone_points": SNOWFLAKE["milestone_points"], "titles": SNOWFLAKE["titles"]}
    )
    assert estimate_level(only_titles, levels).label == "Engineer II"
    only_points = snowflake({"milestone_points": {"1": 1.5, "2": 3}})
    result = estimate_level(only_points, rate(only_points, *["milestone-1"] * 3, "milestone-2"))
    assert (result.label, result.detail) == ("7.5 points", "7.5 points.")


def test_snowflake_titles_without_bounds_are_open_ended() -> None:
    settings = {
        "milestone_points": {"1": 2, "2": 5},
        "titles": [{"label": "Lead", "min_points": 5}, {"label": "Junior", "max_points": 4}],
    }
    the_ladder = snowflake(settings, competencies=2)
    assert (
        estimate_level(the_ladder, rate(the_ladder, "milestone-1", "milestone-1")).label
        == "Junior"
    )
    assert estimate_level(the_ladder, rate(the_ladder, "milestone-2", None)).label == "Lead"


def test_snowflake_without_points_falls_back_to_the_default_and_says_so() -> None:
    no_points = {key: value for key, value in SNOWFLAKE.items() if key != "milestone_points"}
    for settings in (no_points, {**no_points, "milestone_points": {"x": 1, "1": "one"}}):
        the_ladder = snowflake(settings)
        result = estimate_level(the_ladder, rate(the_ladder, *["milestone-3"] * 3, "milestone-2"))
        assert (result.level_id, result.label) == ("milestone-3", "Milestone 3")
        assert result.policy == (
            f"{DEFAULT_POLICY} (the ladder's 'snowflake-points' policy gives no milestone "
            "points, so the default was used)"
        )


def test_snowflake_ignores_unknown_ratings() -> None:
    the_ladder = snowflake()
    levels = {**rate(the_ladder, *["milestone-1"] * 4), "ghost": "milestone-5"}
    assert estimate_level(the_ladder, levels).detail == (
        "4 points: Engineer I, band 1.1; the most possible is 135 "
        "(1 rating for a competency or level the ladder lacks ignored)."
    )


def test_snowflake_levels_not_named_milestone_count_by_position() -> None:
    settings = {"milestone_points": {"1": 1, "2": 10}}
    renamed = ladder(
        1,
        levels=(("a", "A"), ("b", "B")),
        policy=LevelEstimatePolicy("snowflake-points", settings),
    )
    assert estimate_level(renamed, {"c0": "b"}).label == "10 points"


# ---------------------------------------------------------------- properties


@st.composite
def rated_ladders(draw: st.DrawFn) -> tuple[Ladder, list[int]]:
    level_count = draw(st.integers(1, 8))
    competency_count = draw(st.integers(1, 10))
    levels = tuple((f"l{n}", f"Level {n}") for n in range(level_count))
    positions = draw(
        st.lists(
            st.integers(0, level_count - 1), min_size=competency_count, max_size=competency_count
        )
    )
    return ladder(competency_count, levels=levels), positions


def _levels(the_ladder: Ladder, positions: Sequence[int]) -> dict[str, str]:
    return {
        c.id: the_ladder.level_ids[position]
        for c, position in zip(the_ladder.competencies, positions, strict=True)
    }


def _position(the_ladder: Ladder, positions: Sequence[int]) -> int:
    result = estimate_level(the_ladder, _levels(the_ladder, positions))
    assert result.level_id is not None
    return the_ladder.level_index(result.level_id)


@given(rated_ladders())
def test_complete_ratings_always_give_a_level_between_the_lowest_and_one_above(
    case: tuple[Ladder, list[int]],
) -> None:
    the_ladder, positions = case
    result = estimate_level(the_ladder, _levels(the_ladder, positions))
    assert result.level_id in the_ladder.level_ids
    assert result.label == level_title(the_ladder, result.level_id)
    estimate = the_ladder.level_index(result.level_id or "")
    lowest, highest = min(positions), max(positions)
    assert lowest <= estimate <= min(lowest + 1, highest)
    # The definition holds at the estimate: enough at or above it, none far below it.
    needed = math.ceil(0.75 * len(positions))
    assert sum(p >= estimate for p in positions) >= needed
    assert all(p >= estimate - 1 for p in positions)
    # And it is the highest such level: one more up fails the share or the floor.
    above = estimate + 1
    if above < len(the_ladder.levels):
        assert sum(p >= above for p in positions) < needed or lowest < above - 1


@given(rated_ladders(), st.data())
def test_raising_a_rating_never_lowers_the_estimate(
    case: tuple[Ladder, list[int]], data: st.DataObject
) -> None:
    the_ladder, positions = case
    index = data.draw(st.integers(0, len(positions) - 1))
    raised = list(positions)
    raised[index] = data.draw(st.integers(positions[index], len(the_ladder.levels) - 1))
    assert _position(the_ladder, raised) >= _position(the_ladder, positions)


@given(rated_ladders(), st.randoms(use_true_random=False))
def test_the_estimate_does_not_depend_on_which_competency_has_which_rating(
    case: tuple[Ladder, list[int]], random: Any
) -> None:
    the_ladder, positions = case
    shuffled = list(positions)
    random.shuffle(shuffled)
    assert _position(the_ladder, shuffled) == _position(the_ladder, positions)


@given(rated_ladders(), st.integers(0, 7))
def test_everyone_at_one_level_is_that_level(case: tuple[Ladder, list[int]], pick: int) -> None:
    the_ladder, positions = case
    level = pick % len(the_ladder.levels)
    assert _position(the_ladder, [level] * len(positions)) == level


@given(rated_ladders(), st.floats(0.01, 1.0))
def test_any_share_follows_the_definition(case: tuple[Ladder, list[int]], share: float) -> None:
    base, positions = case
    the_ladder = ladder(
        len(base.competencies),
        levels=tuple((level.id, level.title) for level in base.levels),
        policy=LevelEstimatePolicy("share-at-level", {"share": share}),
    )
    estimate = _position(the_ladder, positions)
    needed = max(1, math.ceil(share * len(positions) - 1e-9))
    lowest = min(positions)
    expected = lowest
    if lowest + 1 < len(the_ladder.levels) and sum(p > lowest for p in positions) >= needed:
        expected = lowest + 1
    assert estimate == expected
