"""The ``aliases`` link step: one corpus Entity for each entity the articles name, with all its aliases.

Articles' entities (ArticleEntity) are merged when:

- they are the same place (GeoNames id), or the demonyms of one country;
- they share a **strong** alias: any multi-word name ("Ali Khamenei", "People’s Mojahedin Organization
  of Iran"), an acronym ("MEK"), or a one-word name of an organisation, event or place. A person's
  single name ("Rajavi") is not strong, nor a title ("His Eminence"), nor a generic word ("Council");
- then, only where the corpus allows one reading (as the analyze step does within an article):
  a person known by one name joins the one person whose full name ends with it ("Khamenei" ->
  "Ali Khamenei"), and stays apart when two do ("Maryam Rajavi", "Massoud Rajavi"); a one-word
  organisation name joins the one organisation whose longer name holds it ("Mojahedin"); an acronym
  joins the one name whose initials it is; an event dated coarsely ("the 2018 uprising") joins the
  one event of the same noun dated within it ("uprising in January 2018"), finest dates first.

Canonical names: a place's gazetteer name, else the longest article-level name (persons: most words).
Ids are ``stable_id("entity", kind, geonameid)`` for a geocoded place, else ``stable_id("entity",
kind, first name)`` with the first of the entity's names in alphabetical order (link/corpus_entity.py):
the same corpus gives the same ids, and an entity keeps its id when articles are added, unless
it merges with another or gains a name that sorts first.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from newstrace.link.corpus_entity import Dates, corpus_entity, period, period_length, unique_ids, within
from newstrace.link.entity_merge import (
    NAME_WORD,
    EntityMerge,
    Node,
    join_members,
    join_transliterations,
    member_index,
    member_probes,
    place_names,
    transliteration_index,
)
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import LinkOptions
from newstrace.link.partition import pieces
from newstrace.link.step import LinkStep
from newstrace.model import ArticleEntity, ArticleFindings, CorpusLinks, Entity
from newstrace.text.acronyms import acronym_letters, initials, is_acronym
from newstrace.text.lexicon import GENERIC_ORG_WORDS, HONORIFICS, MEMBER_SUFFIXES, ORG_HEADS, TITLES
from newstrace.text.names import LOWERCASE_WORD, MIN_DISTINCT_WORD, distinctive_words, event_head, form_key

log = logging.getLogger(__name__)

__all__ = ["STEP", "AliasesStep", "EntityPiece", "entity_for", "merge_entities", "merge_piece"]

AGENT_KINDS = frozenset({"PER", "ORG", "PRODUCT", "WORK", "LAW"})
_PRONOUN_WORDS = frozenset({"His", "Her", "Your", "Their"})
# Article entities per piece of work (entities that may join are never split): merging takes
# ~30 us an entity (PolNeAR dev: 2,236 in 72 ms CPU), so a piece of 10,000 takes ~0.3 s, far
# more than shipping it to a Dask worker (a few ms).
PIECE_ENTITIES = 10_000
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class EntityPiece:
    """Article entities that only join among themselves, with what they need of the corpus: the
    lower-case words and place names (form keys) of the corpus among their own names."""

    entities: tuple[ArticleEntity, ...]
    common: frozenset[str]
    places: frozenset[str]


def merge_entities(findings: Sequence[ArticleFindings], mapper: Mapper = in_process) -> list[Entity]:
    """The corpus entities of every article's entities (see the module docstring).

    Every rule joins an entity only to entities sharing one of its keys (:func:`_reach_keys`),
    so entities joined by chains of keys are merged apart from the others, in pieces that
    ``mapper`` runs (here, or on a Dask cluster: the entities are the same).
    """
    entities = [e for f in findings for e in f.entities]
    nodes = [Node.of(e) for e in entities]
    common, places = _lowercase_words(findings), place_names(nodes)
    parts = pieces(_reach_keys(nodes, common, places), PIECE_ENTITIES)
    work = (_piece([nodes[i] for i in part], common, places) for part in parts)
    found = [
        (part[first], entity)
        for part, merged in zip(parts, mapper(merge_piece, work), strict=True)
        for first, entity in merged
    ]
    # ties (two "Rajavi" persons) in the order of their first article entity, as in one piece
    found.sort(key=lambda f: (f[1].kind, f[1].name, f[1].id, f[0]))
    return unique_ids([entity for _, entity in found])


def merge_piece(piece: EntityPiece) -> list[tuple[int, Entity]]:
    """The corpus entities of a piece, each with the number of its first article entity there."""
    merge = EntityMerge(piece.entities)
    merge.join_by(_identity_keys(merge.nodes))
    merge.join_by(_strong_keys(merge.nodes, piece.common, piece.places))
    _join_short_names(merge, piece.common)
    _join_prefixes(merge)
    _join_acronyms(merge)
    join_transliterations(merge, piece.common, piece.places)
    join_members(merge)
    _join_events(merge)
    return [(members[0], corpus_entity([merge.nodes[i] for i in members])) for members in merge.groups()]


def _piece(nodes: Sequence[Node], common: frozenset[str], places: frozenset[str]) -> EntityPiece:
    """The piece of ``nodes``: the corpus's lower-case words and place names cut to those the
    rules may look up for them (their names, and the words of their names)."""
    names = {a for n in nodes for a in (n.entity.name, *n.entity.aliases)}
    words = {w.lower() for a in names for w in (a, *a.split(), *NAME_WORD.findall(a))}
    forms = {form for n in nodes for form in n.forms}
    return EntityPiece(tuple(n.entity for n in nodes), common & words, places & forms)


def _reach_keys(nodes: Sequence[Node], common: frozenset[str], places: frozenset[str]) -> list[set[Hashable]]:
    """For each node, every key through which some rule may join it to another node: the keys
    of the rules' indexes it is under, and those it looks up. Nodes sharing none never join."""
    reach: list[set[Hashable]] = [set() for _ in nodes]
    _under(reach, "identity", _identity_keys(nodes))
    _under(reach, "strong", _strong_keys(nodes, common, places))
    _under(reach, "holder", _holders(nodes, common))
    _under(reach, "prefix", _prefix_index(nodes))
    _under(reach, "initials", _initials_index(nodes))
    _under(reach, "transliteration", transliteration_index(nodes, common, places))
    _under(reach, "stem", member_index(nodes))
    for i, (head, days) in _event_periods(nodes).items():
        reach[i].update(("event", head, year) for year in range(days[0][0], days[1][0] + 1))
    for i, node in enumerate(nodes):
        reach[i].update(("holder", key) for key in _short_name_probes(node))
        reach[i].update(("initials", letters) for letters in _acronym_probes(node))
        reach[i].update(("stem", stem) for stem in member_probes(node))
        reach[i].update(("prefix", words) for words in _prefix_probe(node))
        if node.kind == "PER" and _one_word(node):
            reach[i].add(("alone", form_key(node.entity.name)))
    return reach


def _under(reach: list[set[Hashable]], rule: str, index: Mapping[K, Iterable[int]]) -> None:
    for key, members in index.items():
        for i in members:
            reach[i].add((rule, key))


def _identity_keys(nodes: Sequence[Node]) -> dict[tuple[str, ...], list[int]]:
    """Same place (GeoNames id) or the people of the same country."""
    keys: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        geo = node.entity.geo
        if geo is None:
            continue
        if node.kind == "NORP":
            keys[("norp", geo.country)].append(i)
        elif geo.geonameid is not None:
            keys[("place", str(geo.geonameid))].append(i)
    for i, node in enumerate(nodes):  # a people without a country: its name and plural ("Valdorians")
        if node.kind == "NORP" and node.entity.geo is None:
            keys[("norp-name", form_key(node.entity.name).removesuffix("s"))].append(i)
    return keys


def _lowercase_words(findings: Sequence[ArticleFindings]) -> frozenset[str]:
    """Words the corpus writes in lower case somewhere: English words, not names ("house", not "basij")."""
    words: set[str] = set()
    for found in findings:
        words.update(LOWERCASE_WORD.findall(found.article.text))
    return frozenset(words)


def _strong_keys(
    nodes: Sequence[Node], common: frozenset[str], places: frozenset[str]
) -> dict[tuple[str, ...], list[int]]:
    """Shared strong aliases. A multi-word name is one thing whatever label NER gave it ("North Calder"
    as GPE, LOC or NORP); a one-word name only within its class. Geocoded places merge by id only
    (two Georgias share a name, not a place). A one-word alias that the corpus names a place by
    is no key of an organisation that bears another name ("Valdoria" for the "Democratic Front of
    Valdoria"): a country is never merged with an organisation named after it (``places``: the
    names the corpus gives places)."""
    keys: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if node.entity.geo is not None and node.kind != "NORP":
            continue
        group = _class(node.kind)
        if node.kind == "PER":  # "Donald J. Trump" is "Donald Trump"
            for alias in {node.entity.name, *node.entity.aliases}:
                words = alias.split()
                if len(words) > 2 and any(len(w.rstrip(".")) == 1 for w in words[1:-1]):
                    plain = [words[0], *(w for w in words[1:-1] if len(w.rstrip(".")) > 1), words[-1]]
                    keys[("name", form_key(" ".join(plain)))].append(i)
        for alias in set(node.entity.aliases) | {node.entity.name}:
            if node.kind == "ORG" and alias != node.entity.name and form_key(alias) in places:
                continue
            if _strong(alias, node.kind) and (
                " " in alias or alias.lower() not in common or alias == node.entity.name
            ):
                keys[("name" if " " in alias and group != "EVENT" else group, form_key(alias))].append(i)
    return keys


def _class(kind: str) -> str:
    return "agent" if kind in AGENT_KINDS else "EVENT" if kind == "EVENT" else "place"


def _strong(alias: str, kind: str) -> bool:
    words = alias.split()
    if _role(words):
        return False  # "His Eminence", "President": a role, not a name
    if len(words) > 1 or is_acronym(alias):
        return True
    return kind != "PER" and alias not in GENERIC_ORG_WORDS


def _join_short_names(merge: EntityMerge, common: frozenset[str]) -> None:
    """One-word names join the one longer name that holds them: a person's surname, an organisation's
    distinctive word or its members' plural. Persons of one surname and no full name are one person;
    two full names sharing it keep it apart."""
    holders = _holders(merge.nodes, common)
    alone: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(merge.nodes):
        if not _one_word(node):
            continue
        fits = {merge.find(j) for key in _short_name_probes(node) for j in holders.get(key, ()) if j != i}
        if len(fits) == 1:
            merge.union(i, fits.pop())
        elif node.kind == "PER":  # no full name, or several: one entity "Clinton", left unresolved
            alone[form_key(node.entity.name)].append(i)
    for members in alone.values():
        for i in members[1:]:
            merge.union(members[0], i)


def _one_word(node: Node) -> bool:
    """Whether a node is a one-word name that may join a longer one (no event, no located place)."""
    return len(node.entity.name.split()) == 1 and node.kind != "EVENT" and node.entity.geo is None


def _short_name_probes(node: Node) -> set[tuple[str, str]]:
    """The (PER, surname) and (ORG, word) keys of :func:`_holders` a one-word name looks up."""
    probes: set[tuple[str, str]] = set()
    if not _one_word(node):
        return probes
    for word in {a for a in (node.entity.name, *node.entity.aliases) if _distinct(a)}:
        probes.add(("PER", word))
        if node.kind in AGENT_KINDS - {"PER"}:
            stems = {word} | {word[: -len(s)] for s in MEMBER_SUFFIXES if word.endswith(s)}
            probes.update(("ORG", stem) for stem in stems)
    return probes


def _holders(nodes: Sequence[Node], common: frozenset[str]) -> dict[tuple[str, str], set[int]]:
    """(PER, surname) and (ORG, word) -> the nodes whose multi-word names end with or hold them."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.kind not in AGENT_KINDS:
            continue
        for alias in node.entity.aliases:
            words = alias.split()
            if len(words) < 2 or _role(words):
                continue
            if node.kind == "PER":
                holders[("PER", words[-1])].add(i)
            else:
                for word in distinctive_words(words):
                    if word.lower() not in common:
                        holders[("ORG", word)].add(i)
    return holders


def _role(words: list[str]) -> bool:
    """Whether a name is only titles and honorifics ("His Eminence", "President")."""
    return all(w in TITLES or w in HONORIFICS or w in _PRONOUN_WORDS for w in words)


def _distinct(word: str) -> bool:
    return (
        len(word) >= MIN_DISTINCT_WORD
        and word[:1].isupper()
        and not is_acronym(word)
        and word not in GENERIC_ORG_WORDS
    )


def _join_prefixes(merge: EntityMerge) -> None:
    """An organisation's name cut short ("National Council") joins the one longer name it begins."""
    by_prefix = _prefix_index(merge.nodes)
    for i, node in enumerate(merge.nodes):
        for words in _prefix_probe(node):
            fits = {merge.find(j) for j in by_prefix.get(words, ())} - {merge.find(i)}
            if len(fits) == 1:
                merge.union(i, fits.pop())


def _prefix_index(nodes: Sequence[Node]) -> dict[tuple[str, ...], set[int]]:
    """The organisations (node numbers) by each beginning of two or more words of their names."""
    by_prefix: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.kind == "ORG":
            for alias in node.entity.aliases:
                words = tuple(form_key(alias).split())
                for n in range(2, len(words)):
                    by_prefix[words[:n]].add(i)
    return by_prefix


def _prefix_probe(node: Node) -> list[tuple[str, ...]]:
    """The name (as form-key words) an organisation's name cut short looks up: none, or one."""
    words = tuple(form_key(node.entity.name).split())
    if node.kind != "ORG" or len(words) < 2 or node.entity.name.split()[-1] not in ORG_HEADS:
        return []
    return [words]


def _join_acronyms(merge: EntityMerge) -> None:
    """An organisation known only by an acronym joins the one long name it abbreviates."""
    by_initials = _initials_index(merge.nodes)
    for i, node in enumerate(merge.nodes):
        for letters in _acronym_probes(node):
            fits = {merge.find(j) for j in by_initials.get(letters, ())} - {merge.find(i)}
            if len(fits) == 1:
                merge.union(i, fits.pop())


def _initials_index(nodes: Sequence[Node]) -> dict[str, set[int]]:
    """The organisations (node numbers) by the initials of their names."""
    by_initials: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.kind in AGENT_KINDS - {"PER"}:
            for alias in node.entity.aliases:
                for letters in set(initials(alias)) - {""}:
                    by_initials[letters].add(i)
    return by_initials


def _acronym_probes(node: Node) -> list[str]:
    """The letters of each acronym of an entity known only by acronyms, in its aliases' order."""
    if node.kind not in AGENT_KINDS or any(len(a.split()) > 1 for a in node.entity.aliases):
        return []
    return [acronym_letters(a) for a in node.entity.aliases if is_acronym(a) and a.replace(".", "").isalpha()]


def _join_events(merge: EntityMerge) -> None:
    """A coarsely dated event joins the one event of its noun dated within it; finest first."""
    by_year: dict[tuple[str, int], list[int]] = defaultdict(list)
    periods = _event_periods(merge.nodes)
    for i, (head, days) in periods.items():
        by_year[(head, days[0][0])].append(i)
    for i in sorted(periods, key=lambda j: period_length(periods[j][1])):
        head, outer = periods[i]
        years = range(outer[0][0], outer[1][0] + 1)
        inside = (j for y in years for j in by_year.get((head, y), ()) if within(periods[j][1], outer))
        fits = {merge.find(j) for j in inside} - {merge.find(i)}
        if len(fits) == 1:
            merge.union(i, fits.pop())


def _event_periods(nodes: Sequence[Node]) -> dict[int, tuple[str, Dates]]:
    """The events (node numbers) with the word naming them and the days their dates cover."""
    periods: dict[int, tuple[str, Dates]] = {}
    for i, node in enumerate(nodes):
        head, days = _head(node.entity), period(node.entity.date)
        if node.kind == "EVENT" and head and days:
            periods[i] = (head, days)
    return periods


def _head(entity: ArticleEntity) -> str | None:
    for alias in entity.aliases:
        for word in alias.split():
            head = event_head(word)
            if head:
                return head
    return None


def entity_for(entities: Sequence[Entity], article: str, start: int, end: int) -> Entity | None:
    """The corpus entity with a mention overlapping ``[start, end)`` of ``article`` (a speaker), or None."""
    for entity in entities:
        for m in entity.mentions:
            if m.article == article and m.start < end and start < m.end:
                return entity
    return None


class AliasesStep(LinkStep):
    """The ``aliases`` link step: the articles' entities merged into corpus entities."""

    name = "aliases"

    def __init__(self, mapper: Mapper = in_process) -> None:
        self.mapper = mapper

    def mapped(self, mapper: Mapper) -> AliasesStep:
        """This step, merging each piece of entities that share keys with ``mapper``."""
        return AliasesStep(mapper)

    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with the corpus entities."""
        return replace(links, entities=links.entities + tuple(merge_entities(findings, self.mapper)))


STEP = AliasesStep()
