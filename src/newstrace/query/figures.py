"""What was reported: figures (facts) grouped by who gives them, and the events they count."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import sqlalchemy as sa

from newstrace.model import Event, EventMention, Fact
from newstrace.query.corpus import (
    ENTITIES,
    EVENT_MENTIONS,
    EVENTS,
    FACTS,
    Corpus,
    article_refs,
    entities_named,
)
from newstrace.query.quote_search import check_page, check_words
from newstrace.query.records import AssertedFigures, EventView, FactRow, Page
from newstrace.registry import from_row
from newstrace.store import search

__all__ = [
    "MAX_FACTS",
    "EventSpread",
    "by_asserter",
    "event_spread",
    "fact_rows",
    "find_facts",
    "get_event",
    "list_events",
]

MAX_FACTS = 1000  # figures one question returns at most (an event's figures, a search's)
MAX_PLACES = 5000  # places (the most reported first) looked up for the map
PLACE_KINDS = ("GPE", "LOC", "FAC")  # entity kinds that are places (and may be geocoded)


def fact_rows(conn: sa.Connection, ids: sa.Select[tuple[str]] | Sequence[str], limit: int) -> list[FactRow]:
    """Facts with these ids (a list or a subquery), with the asserter's canonical name and article."""
    roles = search.record_entities
    asserters = sa.select(roles).where(roles.c.role == "asserter").subquery()
    query = (
        sa.select(FACTS, asserters.c.entity.label("asserter_id"), ENTITIES.c.name.label("asserter_name"))
        .outerjoin(asserters, asserters.c.record == FACTS.c.id)
        .outerjoin(ENTITIES, ENTITIES.c.id == asserters.c.entity)
        .where(FACTS.c.id.in_(ids if isinstance(ids, sa.Select) else list(ids)))
        .order_by(FACTS.c.article, FACTS.c.start)
        .limit(limit)
    )
    rows = list(conn.execute(query).mappings())
    refs = article_refs(conn, [r["article"] for r in rows])
    out = []
    for row in rows:
        fact = replace(from_row(Fact, row), asserted_by_entity=row["asserter_id"])
        out.append(FactRow(fact, row["asserter_name"] or fact.asserted_by, refs[fact.article]))
    return out


def by_asserter(rows: Sequence[FactRow]) -> tuple[AssertedFigures, ...]:
    """Figures grouped by who gives them (an entity, else the name the text gives, else the writer)."""
    groups: dict[tuple[str | None, str | None], list[FactRow]] = defaultdict(list)
    for row in rows:
        key = (
            (row.fact.asserted_by_entity, None) if row.fact.asserted_by_entity else (None, row.asserter_name)
        )
        groups[key].append(row)
    out = [
        AssertedFigures(rows[0].asserter_name, entity, tuple(rows)) for (entity, _), rows in groups.items()
    ]
    return tuple(sorted(out, key=lambda g: (g.asserted_by is None, -len(g.facts), g.asserted_by or "")))


def find_facts(
    corpus: Corpus, event: str | None = None, about: str | None = None, asserted_by: str | None = None
) -> tuple[AssertedFigures, ...]:
    """Figures of an event, about some words (unit, figure, place) or given by a source, by source."""
    check_words(about, "--about")
    check_words(asserted_by, "--asserted-by")
    with corpus.connect() as conn:
        ids: sa.Select[tuple[str]] = sa.select(FACTS.c.id)
        if event is not None:
            found = conn.execute(sa.select(EVENTS.c.facts).where(EVENTS.c.id == event)).scalar_one_or_none()
            ids = ids.where(FACTS.c.id.in_(list(found or [])))
        if about:
            ids = ids.where(FACTS.c.id.in_(search.matching_ids(conn.dialect.name, "facts", about)))
        if asserted_by:
            ids = ids.where(FACTS.c.id.in_(_asserted_by(conn, asserted_by)))
        if event is None and not about and not asserted_by:
            ids = ids.order_by(FACTS.c.id).limit(MAX_FACTS)
        return by_asserter(fact_rows(conn, ids, MAX_FACTS))


def _asserted_by(conn: sa.Connection, name: str) -> sa.CompoundSelect[tuple[str]]:
    entities = entities_named(conn, name)
    roles = search.record_entities
    names = sorted({name.strip(), *(n for e in entities for n in (e.name, *e.aliases))})
    resolved = sa.exists().where(roles.c.record == FACTS.c.id)
    return sa.union(
        sa.select(roles.c.record).where(
            roles.c.entity.in_([e.id for e in entities]), roles.c.role == "asserter"
        ),
        sa.select(FACTS.c.id).where(FACTS.c.asserted_by.in_(names), ~resolved),
    )


def list_events(corpus: Corpus, limit: int = 50, offset: int = 0) -> Page[EventView]:
    """Events by date (undated last), each with its figures grouped by who gives them."""
    check_page(limit, offset)
    query = (
        sa.select(EVENTS)
        .order_by(EVENTS.c.date.desc().nulls_last(), EVENTS.c.id)
        .limit(limit + 1)
        .offset(offset)
    )
    with corpus.connect() as conn:
        events = [from_row(Event, r) for r in conn.execute(query).mappings()]
        facts = fact_rows(conn, sorted({f for e in events[:limit] for f in e.facts}), MAX_FACTS)
    by_id = {f.fact.id: f for f in facts}
    views = [EventView(e, by_asserter([by_id[f] for f in e.facts if f in by_id]), ()) for e in events[:limit]]
    return Page(tuple(views), offset, limit, len(events) > limit)


def get_event(corpus: Corpus, event_id: str) -> EventView | None:
    """One event with its figures and the sentences that report it."""
    with corpus.connect() as conn:
        row = conn.execute(sa.select(EVENTS).where(EVENTS.c.id == event_id)).mappings().first()
        if row is None:
            return None
        event = from_row(Event, row)
        facts = fact_rows(conn, list(event.facts), MAX_FACTS)
        articles = sorted({s.article for s in event.sources})
        mentions = [
            from_row(EventMention, r)
            for r in conn.execute(
                sa.select(EVENT_MENTIONS).where(EVENT_MENTIONS.c.article.in_(articles))
            ).mappings()
        ]
        spans = {(s.article, s.start, s.end) for s in event.sources}
        kept = [m for m in mentions if (m.article, m.start, m.end) in spans]
        refs = article_refs(conn, articles)
    return EventView(
        event, by_asserter(facts), tuple((m, refs[m.article]) for m in kept if m.article in refs)
    )


@dataclass(frozen=True, slots=True)
class EventSpread:
    """How events spread over time (events per month) and over countries (events per ISO country code)."""

    months: tuple[tuple[str, int], ...]
    countries: tuple[tuple[str, int], ...]
    placed: int  # events whose place is a geocoded entity
    total: int


def event_spread(corpus: Corpus) -> EventSpread:
    """Events per month, and per country (of the geocoded place entity their place names)."""
    month = sa.func.substr(EVENTS.c.date, 1, 7)
    with corpus.connect() as conn:
        months = conn.execute(
            sa.select(month, sa.func.count()).where(EVENTS.c.date.is_not(None)).group_by(month)
        ).all()
        total = int(conn.execute(sa.select(sa.func.count()).select_from(EVENTS)).scalar_one())
        top_places = (
            sa.select(EVENTS.c.place, sa.func.count())
            .where(EVENTS.c.place.is_not(None))
            .group_by(EVENTS.c.place)
            .order_by(sa.func.count().desc())
            .limit(MAX_PLACES)
        )
        by_place = {place: int(n) for place, n in conn.execute(top_places)}
        places = sorted(by_place)
        geo: dict[str, str] = {}
        for chunk in range(0, len(places), 500):
            query = sa.select(ENTITIES.c.name, ENTITIES.c.geo).where(
                ENTITIES.c.kind.in_(PLACE_KINDS), ENTITIES.c.name.in_(places[chunk : chunk + 500])
            )
            geo.update({name: g["country"] for name, g in conn.execute(query) if g and g.get("country")})
    countries: Counter[str] = Counter()
    for place, n in by_place.items():
        if place in geo:
            countries[geo[place]] += n
    dated = tuple(sorted((m, int(n)) for m, n in months if m and len(m) == 7))
    return EventSpread(dated, tuple(countries.most_common()), sum(countries.values()), total)
