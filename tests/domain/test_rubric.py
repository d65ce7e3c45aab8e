"""The difficulty score reads the rubric only, and says how it got its number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.rubric import Rubric, Size, difficulty

ratings = st.one_of(st.none(), st.integers(1, 5))
sizes = st.one_of(st.none(), st.sampled_from(list(Size)))


def test_a_fully_rated_entry_gets_a_weighted_score_and_a_one_line_explanation() -> None:
    result = difficulty(Rubric(ambiguity=4, complexity=3, cross_functional=5, size=Size.L))
    assert result is not None
    # 0.35*4 + 0.25*3 + 0.25*5 + 0.15*3.5 = 3.925
    assert result.score == 3.9
    assert result.band == "demanding"
    assert result.explanation == (
        "3.9 of 5 (demanding) from ambiguity 4, complexity 3, cross-functional 5, size L"
    )
    assert "\n" not in result.explanation


def test_unrated_factors_are_left_out_and_named() -> None:
    result = difficulty(Rubric(ambiguity=5, size=Size.S))
    assert result is not None
    assert result.score == pytest.approx(round((0.35 * 5 + 0.15 * 1) / 0.5, 1))
    assert result.explanation.endswith("; not rated: complexity, cross-functional")


def test_nothing_rated_means_no_score() -> None:
    assert difficulty(Rubric()) is None
    assert not Rubric().is_rated


@pytest.mark.parametrize(
    ("rubric", "band"),
    [
        (Rubric(1, 1, 1, Size.S), "routine"),
        (Rubric(2, 3, 2, Size.M), "moderate"),
        (Rubric(4, 3, 4, Size.L), "demanding"),
        (Rubric(5, 5, 5, Size.XL), "exceptional"),
    ],
)
def test_bands(rubric: Rubric, band: str) -> None:
    result = difficulty(rubric)
    assert result is not None
    assert result.band == band


@given(ratings, ratings, ratings, sizes)
def test_the_score_stays_within_one_and_five(
    ambiguity: int | None, complexity: int | None, cross: int | None, size: Size | None
) -> None:
    rubric = Rubric(ambiguity, complexity, cross, size)
    result = difficulty(rubric)
    if not rubric.is_rated:
        assert result is None
    else:
        assert result is not None
        assert 1.0 <= result.score <= 5.0


@given(st.integers(1, 4), ratings, ratings, sizes)
def test_more_ambiguity_never_lowers_the_score(
    ambiguity: int, complexity: int | None, cross: int | None, size: Size | None
) -> None:
    lower = difficulty(Rubric(ambiguity, complexity, cross, size))
    higher = difficulty(Rubric(ambiguity + 1, complexity, cross, size))
    assert lower is not None
    assert higher is not None
    assert higher.score >= lower.score
