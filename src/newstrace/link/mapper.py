"""Where a link step's independent pieces of work run: a plain callable, the link layer's only view of it.

A step whose work splits into pieces that need nothing from each other (the candidate pairs of
one band's key range, the verification of one batch of candidate pairs, the entities or event
mentions joined by shared keys, a batch of quotations to embed) hands them to a
:class:`Mapper`: ``mapper(function, items)`` yields ``function(item)`` for each item, in order.
:func:`in_process` runs them here; ``newstrace.run`` gives one that runs them on a Dask cluster.
The function and items must then be picklable (module-level functions, ``functools.partial``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

__all__ = ["Mapper", "in_process"]

T = TypeVar("T")
R = TypeVar("R")


class Mapper(Protocol):
    """Maps a function over items, yielding the results in the items' order."""

    def __call__(self, function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
        """``function(item)`` for each of ``items``, in order."""
        ...


def in_process(function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
    """``function(item)`` for each of ``items``, in this process, one after the other."""
    return map(function, items)
