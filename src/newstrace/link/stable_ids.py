"""Stable ids across link runs: a corpus record keeps its id while it stays the same group.

Each link run recomputes the corpus records from scratch, and their ids hash what they hold (a
cluster hashes its member quotes, an entity its canonical name), so adding articles would give a
grown cluster or a renamed entity a new id, and break every link and bookmark to it. After a run,
:func:`keep_ids` gives each new record the id of the stored record it overlaps most (shares the
most mentions, quotes, sources or copied characters with), one new record per old id, the largest
overlap first. Two stored records that merge keep the id of the larger overlap; a new record that
overlaps nothing keeps its own id (renamed if a carried id already took it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TypeVar

from newstrace.ids import stable_id
from newstrace.model import Copy, CorpusLinks, Entity, Event, QuoteCluster

__all__ = ["COPY_BLOCK", "keep_ids"]

# Copied passages are compared in blocks of this many characters of their first side: two copies of
# the same pair of articles are the same copy when their passages share a block. Small enough that
# a passage that grew or shrank at one end still shares blocks; passages are sentences or longer.
COPY_BLOCK = 32


R = TypeVar("R", Entity, QuoteCluster, Copy, Event)
Members = Callable[[R], set[Hashable]]


def keep_ids(old: CorpusLinks, new: CorpusLinks) -> CorpusLinks:
    """``new`` with the ids of ``old`` carried over to the records that continue them."""
    return replace(
        new,
        entities=_carry(old.entities, new.entities, _entity_members),
        clusters=_carry(old.clusters, new.clusters, _cluster_members),
        copies=_carry(old.copies, new.copies, _copy_members),
        events=_carry(old.events, new.events, _event_members),
    )


def _entity_members(entity: Entity) -> set[Hashable]:
    return {(m.article, m.start, m.end) for m in entity.mentions}


def _cluster_members(cluster: QuoteCluster) -> set[Hashable]:
    return set(cluster.members)


def _event_members(event: Event) -> set[Hashable]:
    return {(s.article, s.start, s.end) for s in event.sources}


def _copy_members(copy: Copy) -> set[Hashable]:
    a, b = sorted((copy.a, copy.b), key=lambda s: s.article)
    first, last = a.start // COPY_BLOCK, max(a.start, a.end - 1) // COPY_BLOCK
    return {(a.article, b.article, block) for block in range(first, last + 1)}


def _carry(old: Sequence[R], new: Sequence[R], members: Members[R]) -> tuple[R, ...]:
    if not old or not new:
        return tuple(new)
    carried = _matches(old, new, members)
    taken = set(carried.values())
    out: list[R] = []
    for index, record in enumerate(new):
        ident = carried.get(index)
        if ident is None:
            ident = record.id
            while ident in taken:  # its own id went to an older record it does not continue
                ident = stable_id(ident, "new")
            taken.add(ident)
        out.append(record if ident == record.id else replace(record, id=ident))
    return tuple(out)


def _matches(old: Sequence[R], new: Sequence[R], members: Members[R]) -> dict[int, str]:
    """New record index -> the old id it takes: largest overlaps first, one each way."""
    owner = {unit: record.id for record in old for unit in members(record)}
    overlap: Counter[tuple[int, str]] = Counter(
        (index, owner[unit]) for index, record in enumerate(new) for unit in members(record) if unit in owner
    )
    carried: dict[int, str] = {}
    used: set[str] = set()
    for (index, old_id), _count in sorted(
        overlap.items(), key=lambda kv: (-kv[1], kv[0][1], new[kv[0][0]].id)
    ):
        if index not in carried and old_id not in used:
            carried[index] = old_id
            used.add(old_id)
    return carried
