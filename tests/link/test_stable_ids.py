"""Stable ids: a corpus record keeps its id across link runs while it continues the same group."""

from __future__ import annotations

import pytest

from newstrace.link.stable_ids import keep_ids
from newstrace.model import Copy, CopySide, CorpusLinks, Entity, EntityRef, Event, QuoteCluster


def _cluster(ident: str, *members: str) -> QuoteCluster:
    return QuoteCluster(ident, None, members, "identical")


def _entity(ident: str, *mentions: tuple[str, int]) -> Entity:
    return Entity(ident, ident, "PER", (), tuple(EntityRef(a, s, s + 4) for a, s in mentions))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # a cluster that grows keeps its id (its hash of members changed)
        ([("c1", "q1", "q2")], [("h9", "q1", "q2", "q3")], ["c1"]),
        # a new cluster beside it keeps its own id
        ([("c1", "q1", "q2")], [("h9", "q1", "q2"), ("h7", "q5", "q6")], ["c1", "h7"]),
        # two clusters merge: the larger overlap's id goes on, the other's ends
        ([("c1", "q1", "q2"), ("c2", "q3")], [("h9", "q1", "q2", "q3")], ["c1"]),
        # a cluster splits: the larger part keeps the id, the other gets its own
        ([("c1", "q1", "q2", "q3")], [("h8", "q3"), ("h9", "q1", "q2")], ["h8", "c1"]),
        # nothing stored yet: ids are the link run's own
        ([], [("h9", "q1")], ["h9"]),
    ],
)
def test_cluster_ids_carry_over(
    old: list[tuple[str, ...]], new: list[tuple[str, ...]], expected: list[str]
) -> None:
    before = CorpusLinks(clusters=tuple(_cluster(*c) for c in old))
    after = keep_ids(before, CorpusLinks(clusters=tuple(_cluster(*c) for c in new)))
    assert [c.id for c in after.clusters] == expected


def test_an_own_id_taken_by_a_carried_id_is_renamed() -> None:
    before = CorpusLinks(entities=(_entity("Roe", ("a", 0)),))
    # the old entity "Roe" continues as "Jane Roe"; a new, unrelated group happens to hash to "Roe"
    after = keep_ids(
        before, CorpusLinks(entities=(_entity("Jane Roe", ("a", 0), ("b", 9)), _entity("Roe", ("c", 5))))
    )
    ids = [e.id for e in after.entities]
    assert ids[0] == "Roe"
    assert ids[1] not in ("Roe", "Jane Roe") and len(set(ids)) == 2


def test_copies_and_events_keep_ids_when_their_spans_shift() -> None:
    old_copy = Copy("k1", CopySide("a", 100, 300), CopySide("b", 0, 200), 0.9, "shared-passage", None)
    new_copy = Copy("k2", CopySide("b", 0, 220), CopySide("a", 100, 320), 0.9, "shared-passage", "b")
    other = Copy("k3", CopySide("a", 900, 1000), CopySide("b", 500, 600), 0.9, "shared-passage", None)
    old_event = Event("v1", "protest", "PROTEST", None, None, None, (), (), (CopySide("a", 0, 50),))
    new_event = Event(
        "v2", "protest", "PROTEST", None, None, None, (), (), (CopySide("a", 0, 50), CopySide("c", 5, 60))
    )
    after = keep_ids(
        CorpusLinks(copies=(old_copy,), events=(old_event,)),
        CorpusLinks(copies=(new_copy, other), events=(new_event,)),
    )
    assert [c.id for c in after.copies] == ["k1", "k3"]
    assert [e.id for e in after.events] == ["v1"]
