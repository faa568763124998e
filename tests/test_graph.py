"""graph.py: steps ordered by what they need, and the one union-find every stage merges with."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newstrace.graph import CircularNeeds, DisjointSet, MissingNeed, order_by_needs

# keys added (in this order), unions made (in this order) -> groups (by root, keys in added order)
GROUPS = [
    ("nothing joined", "abc", [], [["a"], ["b"], ["c"]]),
    ("one union", "abc", [("c", "a")], [["a", "c"], ["b"]]),
    ("chain", "abcd", [("d", "c"), ("c", "b"), ("b", "a")], [["a", "b", "c", "d"]]),
    ("two groups", "abcde", [("e", "b"), ("d", "a")], [["a", "d"], ["b", "e"], ["c"]]),
    ("groups merged", "abcde", [("e", "d"), ("c", "b"), ("e", "c")], [["a"], ["b", "c", "d", "e"]]),
    ("union twice", "ab", [("a", "b"), ("b", "a")], [["a", "b"]]),
    ("with itself", "ab", [("b", "b")], [["a"], ["b"]]),
    ("keys added by union", "", [("y", "x"), ("z", "y")], [["y", "x", "z"]]),
]


@pytest.mark.parametrize(("case", "keys", "unions", "groups"), GROUPS, ids=[g[0] for g in GROUPS])
def test_groups(case: str, keys: str, unions: list[tuple[str, str]], groups: list[list[str]]) -> None:
    sets = DisjointSet(keys)
    for a, b in unions:
        sets.union(a, b)
    assert sets.groups() == groups
    for group in groups:  # the root of a group is its first-added key, whatever the unions' order
        assert all(sets.find(key) == group[0] for key in group)


# roots of a and b before the union (by order of addition) -> the root after
ROOTS = [
    ("earlier first", [0, 1, 2], (0, 2), 0),
    ("earlier second", [0, 1, 2], (2, 0), 0),
    ("by addition, not value", [5, 3, 9], (3, 5), 5),
    ("already one group", [0, 1], (1, 1), 1),
]


@pytest.mark.parametrize(("case", "keys", "pair", "root"), ROOTS, ids=[r[0] for r in ROOTS])
def test_union_keeps_the_earlier_root(case: str, keys: list[int], pair: tuple[int, int], root: int) -> None:
    sets = DisjointSet(keys)
    assert sets.union(*pair) == root
    assert sets.find(pair[0]) == sets.find(pair[1]) == root


def test_same_contains_and_len() -> None:
    sets = DisjointSet(range(4))
    sets.union(0, 3)
    assert sets.same(3, 0)
    assert not sets.same(1, 2)
    assert 3 in sets
    assert 7 not in sets
    assert len(sets) == 4
    sets.find(7)  # find adds a key it has not seen
    assert 7 in sets
    assert len(sets) == 5


def test_long_chain_is_compressed() -> None:
    sets = DisjointSet(range(10_000))
    for i in range(9_999, 0, -1):
        sets.union(i, i - 1)
    assert sets.find(9_999) == 0
    assert sets.groups() == [list(range(10_000))]


@dataclass(frozen=True)
class _Item:
    name: str
    needs: tuple[str, ...] = ()


def _names(items: list[_Item]) -> list[str]:
    return [i.name for i in order_by_needs(items, lambda i: i.name, lambda i: i.needs)]


# items in the given order -> the order by needs (stable: otherwise the given order)
ORDERS = [
    ("no needs", [_Item("a"), _Item("b"), _Item("c")], ["a", "b", "c"]),
    ("already in order", [_Item("a"), _Item("b", ("a",)), _Item("c", ("b",))], ["a", "b", "c"]),
    ("need comes later", [_Item("b", ("a",)), _Item("a"), _Item("c")], ["a", "b", "c"]),
    ("two needs", [_Item("c", ("a", "b")), _Item("b"), _Item("a")], ["b", "a", "c"]),
    ("chain reversed", [_Item("c", ("b",)), _Item("b", ("a",)), _Item("a")], ["a", "b", "c"]),
    ("others keep order", [_Item("x"), _Item("q", ("z",)), _Item("y"), _Item("z")], ["x", "y", "z", "q"]),
    ("empty", [], []),
]


@pytest.mark.parametrize(("case", "items", "expected"), ORDERS, ids=[o[0] for o in ORDERS])
def test_order_by_needs(case: str, items: list[_Item], expected: list[str]) -> None:
    assert _names(items) == expected


def test_missing_need() -> None:
    with pytest.raises(MissingNeed, match="'b' needs x, y") as raised:
        _names([_Item("a"), _Item("b", ("x", "y"))])
    assert raised.value.item == "b"
    assert raised.value.missing == ("x", "y")


@pytest.mark.parametrize(
    "items",
    [
        [_Item("a", ("a",))],
        [_Item("a", ("b",)), _Item("b", ("a",))],
        [_Item("z"), _Item("a", ("c",)), _Item("b", ("a",)), _Item("c", ("b",))],
    ],
    ids=["itself", "two", "three after a free one"],
)
def test_circular_needs(items: list[_Item]) -> None:
    with pytest.raises(CircularNeeds, match="need each other in a circle") as raised:
        _names(items)
    assert set(raised.value.items) == {i.name for i in items if i.needs}
