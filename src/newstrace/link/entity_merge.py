"""How the ``aliases`` step merges article entities: the merge itself, the kinds that never merge,
and the joins of name variants (romanisations, member forms).

The merge (:class:`EntityMerge`) refuses to put in one group what cannot be one entity, whatever
rule asks: a place and an organisation whose longer name holds the place's ("Valdoria", the
"Democratic Front of Valdoria"), a person and a geocoded place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newstrace.graph import DisjointSet
from newstrace.model import ArticleEntity
from newstrace.text.acronyms import is_acronym
from newstrace.text.names import PARTICLES, distinctive_words, form_key, member_stems, transliteration_key

__all__ = [
    "PLACE_KINDS",
    "EntityMerge",
    "Node",
    "join_members",
    "join_transliterations",
    "member_index",
    "member_probes",
    "place_names",
    "transliteration_index",
]

PLACE_KINDS = frozenset({"GPE", "LOC"})
NAME_WORD = re.compile(r"[^\W\d_]+")
TRANSLITERATED_KINDS = frozenset({"ORG", "NORP", "EVENT"})  # kinds whose romanised names merge by key


@dataclass(frozen=True, slots=True)
class Node:
    """One article's entity, as the merge sees it."""

    entity: ArticleEntity
    forms: tuple[str, ...]  # form_keys of its aliases and name

    @classmethod
    def of(cls, entity: ArticleEntity) -> Node:
        """The node of ``entity``."""
        return cls(entity, tuple(dict.fromkeys(form_key(a) for a in (entity.name, *entity.aliases))))

    @property
    def kind(self) -> str:
        """The entity's kind; an acronym that is no known place counts as an organisation."""
        e = self.entity
        if e.kind in ("GPE", "LOC", "FAC") and e.geo is None and is_acronym(e.name):
            return "ORG"
        return e.kind


class EntityMerge(DisjointSet[int]):
    """The corpus's article entities (numbered in order), merged into groups.

    Two groups that cannot be one entity are never merged, whatever rule asks: a place and an
    organisation whose longer name holds the place's ("Valdoria", "Democratic Front of
    Valdoria"), a person and a geocoded place.
    """

    def __init__(self, entities: Iterable[ArticleEntity]) -> None:
        self.nodes = [Node.of(e) for e in entities]
        super().__init__(range(len(self.nodes)))  # the lowest number of a group is its root
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(self.nodes))}

    def union(self, a: int, b: int) -> int:
        """Merge the groups of ``a`` and ``b`` unless they cannot be one entity; the root of ``a``'s."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or _incompatible(self._of(ra), self._of(rb)) or _incompatible(self._of(rb), self._of(ra)):
            return ra
        root = super().union(ra, rb)
        other = rb if root == ra else ra
        self.members[root] += self.members.pop(other)
        return root

    def _of(self, root: int) -> list[Node]:
        return [self.nodes[i] for i in self.members[root]]

    def join_by(self, keys: dict[tuple[str, ...], list[int]]) -> None:
        for members in keys.values():
            for i in members[1:]:
                self.union(members[0], i)


def _incompatible(places: list[Node], others: list[Node]) -> bool:
    """Whether a group holding a place cannot join the other group: a person where the place is
    geocoded, or an organisation whose longer name holds the place's name as words."""
    names = {f" {form}" for n in places if n.kind in PLACE_KINDS for form in n.forms}
    if not names:
        return False
    if any(n.kind == "PER" for n in others) and any(n.entity.geo is not None for n in places):
        return True
    longer = {f" {form} " for n in others if n.kind == "ORG" for form in n.forms if " " in form}
    return any(name + " " in org and org.strip() != name.strip() for name in names for org in longer)


def place_names(nodes: Sequence[Node]) -> frozenset[str]:
    """The form keys of the names the corpus gives places."""
    return frozenset(
        form_key(n.entity.name) for n in nodes if n.kind in PLACE_KINDS or n.entity.geo is not None
    )


def join_transliterations(merge: EntityMerge, common: frozenset[str], places: frozenset[str]) -> None:
    """Romanisations of one organisation's name are one organisation ("Hizballah", "Hezbollah";
    "Qods Force", "Quds Force"): same transliteration key, and the key fits one group. People are
    left out: "Hassan" and "Hussein" are two names, not two spellings; so are places the gazetteer
    locates (their names are its own), while an unlocated "place" joins by its spelling too.
    ``places``: the names the corpus gives places (:func:`place_names`)."""
    for members in transliteration_index(merge.nodes, common, places).values():
        roots = sorted({merge.find(i) for i in members})
        for root in roots[1:]:
            merge.union(roots[0], root)


def transliteration_index(
    nodes: Sequence[Node], common: frozenset[str], places: frozenset[str]
) -> dict[str, set[int]]:
    """The nodes of each transliteration key (see :func:`join_transliterations`)."""
    by_key: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        # a place the gazetteer cannot locate may be an organisation NER mislabelled ("Hizballah")
        if node.kind not in TRANSLITERATED_KINDS | PLACE_KINDS or node.entity.geo is not None:
            continue
        for alias in {node.entity.name, *node.entity.aliases}:
            words = [w for w in NAME_WORD.findall(alias) if w.lower() not in PARTICLES]
            if is_acronym(alias) or not words or not all(w[:1].isupper() for w in words):
                continue
            if form_key(alias) in places and alias != node.entity.name:
                continue  # a place's name, not the organisation's (see _strong_keys in aliases.py)
            if len(words) == 1 and words[0].lower() in common:
                continue  # an English word ("Force"), not a romanised name
            key = transliteration_key(alias)
            if key is not None:
                by_key[key].add(i)
    return by_key


def join_members(merge: EntityMerge) -> None:
    """A one-word group name formed by a member suffix joins the one organisation named by its
    stem ("Baathists" -> "Baath", "Sandinistas" -> "Sandinista Front"), never a place or a people."""
    stems = member_index(merge.nodes)
    for i, node in enumerate(merge.nodes):
        fits = {merge.find(j) for stem in member_probes(node) for j in stems.get(stem, ())} - {merge.find(i)}
        if len(fits) == 1:
            merge.union(i, fits.pop())


def member_index(nodes: Sequence[Node]) -> dict[str, set[int]]:
    """The organisations (node numbers) each word of their names may be the stem of."""
    stems: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.kind != "ORG" or node.entity.geo is not None:
            continue
        for alias in {node.entity.name, *node.entity.aliases}:
            words = alias.split()
            for word in words if len(words) == 1 else distinctive_words(words):
                stems[word].add(i)
    return stems


def member_probes(node: Node) -> set[str]:
    """The stems a one-word group name looks for in :func:`member_index` (none for other names)."""
    name = node.entity.name
    if node.kind not in ("ORG", "NORP") or " " in name or node.entity.geo is not None:
        return set()
    return member_stems(name)
