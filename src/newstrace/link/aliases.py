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
kind, first name)`` with the first of the entity's names in alphabetical order (:func:`_id_name`):
the same corpus gives the same ids, and an entity keeps its id when articles are added, unless
it merges with another or gains a name that sorts first.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newstrace.ids import stable_id
from newstrace.link.entity_merge import EntityMerge, Node, join_members, join_transliterations, place_names
from newstrace.link.options import LinkOptions
from newstrace.link.step import LinkStep
from newstrace.model import ArticleEntity, ArticleFindings, CorpusLinks, Entity, EntityRef
from newstrace.text.acronyms import acronym_letters, initials, is_acronym
from newstrace.text.dates import PartialDate, date_bounds
from newstrace.text.lexicon import GENERIC_ORG_WORDS, HONORIFICS, MEMBER_SUFFIXES, ORG_HEADS, TITLES
from newstrace.text.names import LOWERCASE_WORD, MIN_DISTINCT_WORD, distinctive_words, event_head, form_key

log = logging.getLogger(__name__)

__all__ = ["STEP", "AliasesStep", "entity_for", "merge_entities"]

AGENT_KINDS = frozenset({"PER", "ORG", "PRODUCT", "WORK", "LAW"})
_PRONOUN_WORDS = frozenset({"His", "Her", "Your", "Their"})


def merge_entities(findings: Sequence[ArticleFindings]) -> list[Entity]:
    """The corpus entities of every article's entities (see the module docstring)."""
    merge = EntityMerge(e for f in findings for e in f.entities)
    common = _lowercase_words(findings)
    merge.join_by(_identity_keys(merge.nodes))
    merge.join_by(_strong_keys(merge.nodes, common))
    _join_short_names(merge, common)
    _join_prefixes(merge)
    _join_acronyms(merge)
    join_transliterations(merge, common)
    join_members(merge)
    _join_events(merge)
    entities = [_entity(merge, members) for members in merge.groups()]
    return _unique_ids(sorted(entities, key=lambda e: (e.kind, e.name, e.id)))


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


def _strong_keys(nodes: Sequence[Node], common: frozenset[str]) -> dict[tuple[str, ...], list[int]]:
    """Shared strong aliases. A multi-word name is one thing whatever label NER gave it ("North Calder"
    as GPE, LOC or NORP); a one-word name only within its class. Geocoded places merge by id only
    (two Georgias share a name, not a place). A one-word alias that the corpus names a place by
    is no key of an organisation that bears another name ("Valdoria" for the "Democratic Front of
    Valdoria"): a country is never merged with an organisation named after it."""
    keys: dict[tuple[str, ...], list[int]] = defaultdict(list)
    places = place_names(nodes)
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
    holders = _holders(merge, common)
    alone: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(merge.nodes):
        if len(node.entity.name.split()) > 1 or node.kind == "EVENT" or node.entity.geo is not None:
            continue
        fits: set[int] = set()
        for word in {a for a in (node.entity.name, *node.entity.aliases) if _distinct(a)}:
            fits |= {merge.find(j) for j in holders.get(("PER", word), ()) if j != i}
            if node.kind in AGENT_KINDS - {"PER"}:
                stems = {word} | {word[: -len(s)] for s in MEMBER_SUFFIXES if word.endswith(s)}
                fits |= {merge.find(j) for stem in stems for j in holders.get(("ORG", stem), ()) if j != i}
        if len(fits) == 1:
            merge.union(i, fits.pop())
        elif node.kind == "PER":  # no full name, or several: one entity "Clinton", left unresolved
            alone[form_key(node.entity.name)].append(i)
    for members in alone.values():
        for i in members[1:]:
            merge.union(members[0], i)


def _holders(merge: EntityMerge, common: frozenset[str]) -> dict[tuple[str, str], set[int]]:
    """(PER, surname) and (ORG, word) -> the nodes whose multi-word names end with or hold them."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, node in enumerate(merge.nodes):
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
    by_prefix: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, node in enumerate(merge.nodes):
        if node.kind == "ORG":
            for alias in node.entity.aliases:
                words = tuple(form_key(alias).split())
                for n in range(2, len(words)):
                    by_prefix[words[:n]].add(i)
    for i, node in enumerate(merge.nodes):
        words = tuple(form_key(node.entity.name).split())
        if node.kind != "ORG" or len(words) < 2 or words not in by_prefix:
            continue
        if node.entity.name.split()[-1] not in ORG_HEADS:
            continue
        fits = {merge.find(j) for j in by_prefix[words]} - {merge.find(i)}
        if len(fits) == 1:
            merge.union(i, fits.pop())


def _join_acronyms(merge: EntityMerge) -> None:
    """An organisation known only by an acronym joins the one long name it abbreviates."""
    by_initials: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(merge.nodes):
        if node.kind in AGENT_KINDS - {"PER"}:
            for alias in node.entity.aliases:
                for letters in set(initials(alias)) - {""}:
                    by_initials[letters].add(i)
    for i, node in enumerate(merge.nodes):
        if node.kind not in AGENT_KINDS or any(len(a.split()) > 1 for a in node.entity.aliases):
            continue
        for acronym in (a for a in node.entity.aliases if is_acronym(a) and a.replace(".", "").isalpha()):
            letters = acronym_letters(acronym)
            fits = {merge.find(j) for j in by_initials.get(letters, ())} - {merge.find(i)}
            if len(fits) == 1:
                merge.union(i, fits.pop())


def _join_events(merge: EntityMerge) -> None:
    """A coarsely dated event joins the one event of its noun dated within it; finest first."""
    by_year: dict[tuple[str, int], list[int]] = defaultdict(list)
    periods: dict[int, tuple[str, Period]] = {}
    for i, node in enumerate(merge.nodes):
        head, period = _head(node.entity), _period(node.entity.date)
        if node.kind == "EVENT" and head and period:
            periods[i] = (head, period)
            by_year[(head, period[0][0])].append(i)
    for i in sorted(periods, key=lambda j: _length(periods[j][1])):
        head, outer = periods[i]
        assert outer is not None
        years = range(outer[0][0], outer[1][0] + 1)
        inside = (j for y in years for j in by_year.get((head, y), ()) if _within(periods[j][1], outer))
        fits = {merge.find(j) for j in inside} - {merge.find(i)}
        if len(fits) == 1:
            merge.union(i, fits.pop())


def _head(entity: ArticleEntity) -> str | None:
    for alias in entity.aliases:
        for word in alias.split():
            head = event_head(word)
            if head:
                return head
    return None


Period = tuple[tuple[int, int, int], tuple[int, int, int]] | None


def _period(date: str | None) -> Period:
    start_text, _, end_text = (date or "").partition("/")
    start, end = PartialDate.from_iso(start_text), PartialDate.from_iso(end_text or start_text)
    if start is None or end is None:
        return None
    return date_bounds(start, end)


def _length(period: Period) -> int:
    if period is None:
        return 0
    (y1, m1, d1), (y2, m2, d2) = period
    return (y2 - y1) * 372 + (m2 - m1) * 31 + (d2 - d1)


def _within(inner: Period, outer: Period) -> bool:
    return inner is not None and outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _entity(merge: EntityMerge, members: list[int]) -> Entity:
    items = [merge.nodes[i].entity for i in members]
    weights: Counter[str] = Counter()
    for i in members:
        weights[merge.nodes[i].kind] += len(merge.nodes[i].entity.mentions)
    kind = weights.most_common(1)[0][0]
    places = [e for e in items if e.geo is not None and e.kind != "NORP"]
    geo = Counter(e.geo for e in places or items if e.geo is not None).most_common(1)
    name = _name(items, kind, places)
    aliases = tuple(dict.fromkeys(a for e in items for a in e.aliases))
    mentions = tuple(
        sorted({EntityRef(e.article, m.start, m.end) for e in items for m in e.mentions}, key=_ref_order)
    )
    dates = [e.date for e in items if e.date]
    date = min(dates, key=lambda d: (_length(_period(d)), d)) if dates else None
    found_geo = geo[0][0] if geo else None
    if found_geo is not None and found_geo.geonameid is not None:
        ident = stable_id("entity", kind, "", found_geo.geonameid)
    else:
        ident = stable_id("entity", kind, _id_name(items, kind), "")
    return Entity(ident, name, kind, aliases, mentions, found_geo, date)


def _id_name(items: Sequence[ArticleEntity], kind: str) -> str:
    """The name an entity's id derives from: the first, in alphabetical order, of its article-level
    names of its kind (a person's full names first). Unlike the canonical name, which follows how
    many articles use each form, it changes only when a name that sorts first joins the entity."""
    names = {form_key(e.name) for e in items if e.kind == kind} or {form_key(e.name) for e in items}
    if kind == "PER" and any(" " in n for n in names):
        names = {n for n in names if " " in n}
    return min(names)


def _ref_order(ref: EntityRef) -> tuple[str, int, int]:
    return ref.article, ref.start, ref.end


def _name(items: Sequence[ArticleEntity], kind: str, places: Sequence[ArticleEntity]) -> str:
    if places:
        return Counter(e.name for e in places).most_common(1)[0][0]
    names = Counter(e.name for e in items if e.kind == kind) or Counter(e.name for e in items)
    if kind == "PER":  # the full name most articles use
        return max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n), n))
    return max(names, key=lambda n: (len(n), names[n], n))


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Two entities of one kind and name (two people called "Rajavi"): number the later ids."""
    seen: Counter[str] = Counter()
    out = []
    for e in entities:
        seen[e.id] += 1
        out.append(e if seen[e.id] == 1 else replace(e, id=stable_id(e.id, seen[e.id])))
    return out


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

    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with the corpus entities."""
        return replace(links, entities=links.entities + tuple(merge_entities(findings)))


STEP = AliasesStep()
