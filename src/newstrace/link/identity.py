"""Corpus identity of speakers and asserters: which corpus entity a quote's speaker or a fact's source is.

A quote's speaker is resolved first by its name: the entity of the same article whose name or an
alias has the speaker name's form key, or whose name ends with it when the speaker name is a
single word ("Doherty" for "Michael Doherty"), as long as exactly one such entity fits; then by
its mention: the corpus entity named first inside the speaker mention, if it bears a word of the
speaker's name (a long mention, "Christie, who campaigned for Donald Trump", names others too). A
fact's ``asserted_by`` has no mention span, so it is resolved by name only.

Entities of kinds that cannot speak (places, events, dates) never take a quote.

A quote whose speaker resolves to a person takes that person's corpus name as its canonical
speaker (:func:`canonical_speaker`): an article that calls a speaker only "Doherty", or "Mr. Doherty" in one
quote and "Michael Doherty" in the next, gets the full name the corpus gives the one person
of that surname, so one person keeps one speaker name in an article and across the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newstrace.model import ArticleFindings, Entity, Quote
from newstrace.text.acronyms import initials_match, is_acronym
from newstrace.text.names import form_key

__all__ = ["SPEAKER_KINDS", "Identities", "canonical_speaker", "resolve_identities", "speaker_names"]

# Kinds of corpus entity that can say or assert something: a person, an organisation, a group (NORP).
SPEAKER_KINDS = frozenset({"PER", "ORG", "NORP"})


@dataclass(frozen=True, slots=True)
class Identities:
    """The corpus entity id of each quote's speaker and each fact's asserter, by record id (ids
    absent when unknown). Resolved once per link run, and stored with its links."""

    speakers: dict[str, str] = field(default_factory=dict)
    asserters: dict[str, str] = field(default_factory=dict)


def speaker_names(entities: Iterable[Entity]) -> dict[str, tuple[str, str]]:
    """The kind and corpus name of every person and organisation entity, by entity id."""
    return {e.id: (e.kind, e.name) for e in entities if e.kind in ("PER", "ORG")}


def canonical_speaker(
    quote: Quote, identities: Identities, names: Mapping[str, tuple[str, str]]
) -> str | None:
    """A quote's speaker name as exported: the corpus name of the person it resolved to; an
    organisation keeps the article's name for it, but an acronym ("DEA") is spelled out when the
    organisation's corpus name is what it abbreviates ("Drug Enforcement Administration")."""
    eid = identities.speakers.get(quote.id)
    if not quote.speaker or eid is None or eid not in names:
        return quote.speaker
    kind, name = names[eid]
    if kind == "PER":
        return name
    if is_acronym(quote.speaker) and initials_match(quote.speaker, name):
        return name
    return quote.speaker


class _ArticleIndex:
    """The speaking entities of one article, by mention span and by name."""

    def __init__(self, entities: Iterable[tuple[Entity, list[tuple[int, int]]]]) -> None:
        self.spans: list[tuple[int, int, str]] = []
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_last: dict[str, set[str]] = defaultdict(set)
        self.words: dict[str, set[str]] = defaultdict(set)
        for entity, spans in entities:
            self.spans += [(start, end, entity.id) for start, end in spans]
            self.words[entity.id] = {w for n in (entity.name, *entity.aliases) for w in form_key(n).split()}
            for name in (entity.name, *entity.aliases):
                key = form_key(name)
                self.by_key[key].add(entity.id)
                if entity.kind == "PER" and " " in key:
                    self.by_last[key.rsplit(" ", 1)[1]].add(entity.id)

    def at(self, start: int, end: int) -> str | None:
        """The entity whose mention overlapping ``[start, end)`` starts first."""
        inside = sorted((s, eid) for s, e, eid in self.spans if s < end and start < e)
        return inside[0][1] if inside else None

    def bears(self, eid: str, name: str) -> bool:
        """Whether entity ``eid`` has a name with a word of ``name``."""
        return bool(set(form_key(name).split()) & self.words.get(eid, set()))

    def named(self, name: str) -> str | None:
        """The one entity called ``name`` here (a lone surname finds its full name), else None."""
        key = form_key(name)
        found = self.by_key.get(key) or (self.by_last.get(key) if " " not in key else None) or set()
        return next(iter(found)) if len(found) == 1 else None


def _article_indexes(entities: Sequence[Entity]) -> dict[str, _ArticleIndex]:
    spans: dict[str, dict[str, tuple[Entity, list[tuple[int, int]]]]] = defaultdict(dict)
    for entity in entities:
        if entity.kind not in SPEAKER_KINDS:
            continue
        for m in entity.mentions:
            spans[m.article].setdefault(entity.id, (entity, []))[1].append((m.start, m.end))
    return {article: _ArticleIndex(held.values()) for article, held in spans.items()}


def _speaker_entity(index: _ArticleIndex, quote: Quote) -> str | None:
    """The entity a quote's speaker name fits, else the one named first inside its mention, as
    long as that entity bears a word of the speaker's name ("Christie, who campaigned for Donald
    Trump" is Christie's mention, not Trump's)."""
    eid = index.named(quote.speaker) if quote.speaker else None
    mention = quote.speaker_mention
    if eid is not None or mention is None:
        return eid
    eid = index.at(mention.start, mention.end)
    if eid is not None and quote.speaker and not index.bears(eid, quote.speaker):
        return None
    return eid


def resolve_identities(findings: Sequence[ArticleFindings], entities: Sequence[Entity]) -> Identities:
    """The corpus entity of every quote speaker and fact asserter that one entity fits."""
    indexes = _article_indexes(entities)
    speakers: dict[str, str] = {}
    asserters: dict[str, str] = {}
    for found in findings:
        index = indexes.get(found.article.id)
        if index is None:
            continue
        for quote in found.quotes:
            eid = _speaker_entity(index, quote)
            if eid is not None:
                speakers[quote.id] = eid
        for fact in found.facts:
            eid = index.named(fact.asserted_by) if fact.asserted_by else None
            if eid is not None:
                asserters[fact.id] = eid
    return Identities(speakers, asserters)
