"""Pieces of a link step's work that need nothing from each other: items joined by shared keys.

A step that merges items (article entities, event mentions) only ever joins two items that
share a key (a name, a blocking key), so the connected components of the item-key graph are
independent: what happens inside one cannot change another. :func:`pieces` finds them and packs
whole components, in the order of their first items, into pieces of at least ``size`` items
(the last may be smaller), each listing its items in ascending order. A piece's work thus sees
its items in the corpus's order, and merging the pieces' results in piece order is deterministic,
whatever runs them (:mod:`newstrace.link.mapper`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from newstrace.graph import DisjointSet

__all__ = ["components", "pieces"]


def components(keys: Sequence[Iterable[Hashable]]) -> list[list[int]]:
    """The item numbers (0, 1, ...) joined by the keys ``keys[i]`` of item ``i``, by chains of
    shared keys; components in the order of their first items, each in ascending order."""
    joined = DisjointSet(range(len(keys)))
    first_with: dict[Hashable, int] = {}
    for number, item_keys in enumerate(keys):
        for key in item_keys:
            first = first_with.setdefault(key, number)
            if first != number:
                joined.union(first, number)
    return joined.groups()


def pieces(keys: Sequence[Iterable[Hashable]], size: int) -> list[list[int]]:
    """Whole :func:`components` packed, in order, into pieces of at least ``size`` items (the
    last may be smaller); each piece's item numbers in ascending order."""
    out: list[list[int]] = []
    current: list[int] = []
    for component in components(keys):
        current.extend(component)
        if len(current) >= size:
            out.append(sorted(current))
            current = []
    if current:
        out.append(sorted(current))
    return out
