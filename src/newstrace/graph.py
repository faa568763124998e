"""Graph helpers every layer may use: steps ordered by what they need, and sets that merge.

Both the analyze and the link stage run named steps that declare the steps they need; both
merge items into groups (entities, quote clusters, events). These are the one implementation
of each.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

__all__ = ["CircularNeeds", "DisjointSet", "MissingNeed", "order_by_needs"]

Item = TypeVar("Item")
Key = TypeVar("Key", bound=Hashable)


class MissingNeed(ValueError):
    """An item needs a name that no item has."""

    def __init__(self, item: str, missing: Sequence[str]) -> None:
        super().__init__(f"{item!r} needs {', '.join(missing)}")
        self.item, self.missing = item, tuple(missing)


class CircularNeeds(ValueError):
    """Items that need each other in a circle."""

    def __init__(self, items: Sequence[str]) -> None:
        super().__init__(f"{', '.join(items)} need each other in a circle")
        self.items = tuple(items)


def order_by_needs(
    items: Sequence[Item], name: Callable[[Item], str], needs: Callable[[Item], Iterable[str]]
) -> list[Item]:
    """``items`` ordered so each comes after every item it needs, otherwise in the given order.

    Raises MissingNeed for a need no item meets and CircularNeeds for a circle.
    """
    names = {name(i) for i in items}
    for item in items:
        missing = [n for n in needs(item) if n not in names]
        if missing:
            raise MissingNeed(name(item), missing)
    placed: set[str] = set()
    ordered: list[Item] = []
    waiting = list(items)
    while waiting:
        ready = next((i for i in waiting if all(n in placed for n in needs(i))), None)
        if ready is None:
            raise CircularNeeds([name(i) for i in waiting])
        ordered.append(ready)
        placed.add(name(ready))
        waiting.remove(ready)
    return ordered


class DisjointSet(Generic[Key]):
    """Union-find over hashable keys; a group's root is its first-added key.

    ``union(a, b)`` merges the groups of ``a`` and ``b``; ``find(a)`` is the root of ``a``'s
    group (keys are added on first sight); ``groups()`` lists the groups in the order their roots
    were added, each in the order its keys were added.
    """

    def __init__(self, keys: Iterable[Key] = ()) -> None:
        self._parent: dict[Key, Key] = {}
        self._rank: dict[Key, int] = {}  # order of addition: the earlier key stays the root
        for key in keys:
            self.add(key)

    def add(self, key: Key) -> None:
        """Make ``key`` a group of its own if it is new."""
        if key not in self._parent:
            self._parent[key] = key
            self._rank[key] = len(self._rank)

    def find(self, key: Key) -> Key:
        """The root of ``key``'s group."""
        self.add(key)
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: Key, b: Key) -> Key:
        """Merge the groups of ``a`` and ``b``; the new root (the earlier-added of the two roots)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        first, second = (ra, rb) if self._rank[ra] < self._rank[rb] else (rb, ra)
        self._parent[second] = first
        return first

    def same(self, a: Key, b: Key) -> bool:
        """Whether ``a`` and ``b`` are in one group."""
        return self.find(a) == self.find(b)

    def groups(self) -> list[list[Key]]:
        """Every group, by the order of its root; keys in the order they were added."""
        members: dict[Key, list[Key]] = {}
        for key in self._parent:
            members.setdefault(self.find(key), []).append(key)
        return sorted(members.values(), key=lambda group: self._rank[self.find(group[0])])

    def __contains__(self, key: object) -> bool:
        return key in self._parent

    def __len__(self) -> int:
        return len(self._parent)
