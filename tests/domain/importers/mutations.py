"""Hypothesis helpers: a parsed fixture with a few of its values swapped for arbitrary ones."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=6) | st.integers(), children, max_size=3)
    ),
    max_leaves=8,
)


def mutated(data: st.DataObject, fixture: Any) -> Any:
    """A deep copy of ``fixture`` where one to three values (at any depth) were replaced."""
    document: Any = copy.deepcopy(fixture)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        target = document
        while True:
            keys = list(target) if isinstance(target, dict) else list(range(len(target)))
            if not keys:
                break
            key = data.draw(st.sampled_from(keys))
            child = target[key]
            if isinstance(child, dict | list) and child and data.draw(st.booleans()):
                target = child
                continue
            target[key] = data.draw(ANY_VALUE)
            break
    return document
