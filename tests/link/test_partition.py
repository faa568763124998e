"""Pieces of a link step's work: items joined by chains of shared keys stay in one piece."""

from __future__ import annotations

import pytest

from newstrace.link.partition import components, pieces


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([], []),
        ([["a"], ["b"], ["a"]], [[0, 2], [1]]),
        ([["a"], ["b"], ["c", "a"], ["b", "d"], ["d"]], [[0, 2], [1, 3, 4]]),
        ([["a"], ["b"], ["a", "b"]], [[0, 1, 2]]),  # a chain: 0 - a - 2 - b - 1
        ([[], [], ["x"]], [[0], [1], [2]]),  # an item without keys is a component of its own
        ([[("kind", 1)], [("kind", 2)], [("kind", 1)]], [[0, 2], [1]]),
    ],
)
def test_components(keys: list[list[object]], expected: list[list[int]]) -> None:
    assert components(keys) == expected


@pytest.mark.parametrize(
    ("keys", "size", "expected"),
    [
        ([["a"], ["b"], ["a"], ["c"]], 1, [[0, 2], [1], [3]]),  # a component is never split
        ([["a"], ["b"], ["a"], ["c"]], 2, [[0, 2], [1, 3]]),
        ([["a"], ["b"], ["a"], ["c"]], 3, [[0, 1, 2], [3]]),  # whole components, items in order
        ([["a"], ["b"], ["a"], ["c"]], 100, [[0, 1, 2, 3]]),
        ([["a"], ["b"], ["b"], ["a"]], 1, [[0, 3], [1, 2]]),
    ],
)
def test_pieces(keys: list[list[str]], size: int, expected: list[list[int]]) -> None:
    assert pieces(keys, size) == expected
