"""An article as a reader sees it: its clean text cut into pieces, each marked with the records over it.

Quotes, speaker mentions, entity mentions, dates, figures and event sentences may overlap (a name
inside a quote, a figure inside an event sentence); the text is cut at every start and end, and each
piece lists the marks that cover it, outermost first, so a page can highlight and link each piece
to the records it belongs to without parsing anything again.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import sqlalchemy as sa

from newstrace.model import Article, ArticleEntity, DateMention, Entity, EntityRef, EventMention
from newstrace.query.copy_pairs import find_copies
from newstrace.query.corpus import (
    ARTICLE_ENTITIES,
    ARTICLES,
    DATES_TABLE,
    EVENT_MENTIONS,
    FACTS,
    QUOTES,
    Corpus,
    entities_by_id,
    quote_rows,
)
from newstrace.query.figures import MAX_FACTS, fact_rows
from newstrace.query.records import CopyView, FactRow, QuoteRow
from newstrace.registry import from_row
from newstrace.store import search
from newstrace.text.names import form_key

__all__ = ["ArticleView", "Mark", "Piece", "get_article", "pieces"]

MAX_ARTICLE_COPIES = 100  # copies listed under an article


@dataclass(frozen=True, slots=True)
class Mark:
    """A record over a stretch of text: its kind (quote, speaker, entity, date, fact, event) and id."""

    kind: str
    id: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text and the marks that cover all of it, outermost (longest) first."""

    start: int
    end: int
    text: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article with everything found in it and its copies."""

    article: Article
    quotes: tuple[QuoteRow, ...]
    entities: tuple[Entity, ...]
    dates: tuple[DateMention, ...]
    facts: tuple[FactRow, ...]
    events: tuple[EventMention, ...]
    copies: tuple[CopyView, ...]
    marks: tuple[Mark, ...]


def get_article(corpus: Corpus, article_id: str) -> ArticleView | None:
    """The article with this id, with its findings, entities and copies; None if there is none."""
    with corpus.connect() as conn:
        row = conn.execute(sa.select(ARTICLES).where(ARTICLES.c.id == article_id)).mappings().first()
        if row is None:
            return None
        article = from_row(Article, row)
        quotes = quote_rows(conn, QUOTES.c.article == article.id, [QUOTES.c.start], 10_000)
        links = search.entity_articles
        entity_ids = [
            e for (e,) in conn.execute(sa.select(links.c.entity).where(links.c.article == article.id))
        ]
        entities = _with_mentions_here(conn, article.id, entities_by_id(conn, entity_ids, mentions=False))
        dates = [
            from_row(DateMention, r)
            for r in conn.execute(
                sa.select(DATES_TABLE).where(DATES_TABLE.c.article == article.id)
            ).mappings()
        ]
        facts = fact_rows(conn, sa.select(FACTS.c.id).where(FACTS.c.article == article.id), MAX_FACTS)
        events = [
            from_row(EventMention, r)
            for r in conn.execute(
                sa.select(EVENT_MENTIONS).where(EVENT_MENTIONS.c.article == article.id)
            ).mappings()
        ]
    copies = find_copies(corpus, article=article.id, limit=MAX_ARTICLE_COPIES).items
    marks = _marks(article, quotes=quotes, entities=entities, dates=dates, facts=facts, events=events)
    return ArticleView(
        article, tuple(quotes), tuple(entities), tuple(dates), tuple(facts), tuple(events), copies, marks
    )


def _with_mentions_here(conn: sa.Connection, article: str, entities: list[Entity]) -> list[Entity]:
    """The corpus entities of an article with their mentions in it, read from the article's own entity
    records (a corpus entity's mention list spans the corpus, and may be very long)."""
    named = {(e.kind, form_key(n)): e for e in entities for n in (e.name, *e.aliases)}
    found: dict[str, list[EntityRef]] = {}
    rows = conn.execute(sa.select(ARTICLE_ENTITIES).where(ARTICLE_ENTITIES.c.article == article)).mappings()
    for known in (from_row(ArticleEntity, r) for r in rows):
        entity = named.get((known.kind, form_key(known.name)))
        if entity is not None:
            found.setdefault(entity.id, []).extend(EntityRef(article, m.start, m.end) for m in known.mentions)
    return [
        replace(e, mentions=tuple(sorted(set(found[e.id]), key=lambda m: m.start)))
        for e in entities
        if e.id in found
    ]


def _marks(
    article: Article,
    *,
    quotes: list[QuoteRow],
    entities: list[Entity],
    dates: list[DateMention],
    facts: list[FactRow],
    events: list[EventMention],
) -> tuple[Mark, ...]:
    out = [Mark("event", e.id, e.start, e.end, e.kind) for e in events]
    for row in quotes:
        q = row.quote
        out.append(Mark("quote", q.id, q.start, q.end, row.speaker_name or "unknown speaker"))
        if q.speaker_mention is not None:
            m = q.speaker_mention
            out.append(Mark("speaker", q.id, m.start, m.end, row.speaker_name or m.text))
    for entity in entities:
        out += [
            Mark("entity", entity.id, m.start, m.end, f"{entity.name} ({entity.kind})")
            for m in entity.mentions
            if m.article == article.id
        ]
    out += [Mark("date", f"{d.start}", d.start, d.end, d.value or "date") for d in dates]
    out += [
        Mark("fact", f.fact.id, f.fact.start, f.fact.end, f"{f.fact.value:g} {f.fact.unit}") for f in facts
    ]
    return tuple(m for m in out if 0 <= m.start < m.end <= len(article.text))


def pieces(text: str, marks: tuple[Mark, ...]) -> list[Piece]:
    """``text`` cut at every mark's start and end; each piece with the marks over it, outermost first."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    out = []
    for start, end in itertools.pairwise(cuts):
        over = tuple(m for m in ordered if m.start <= start and end <= m.end)
        out.append(Piece(start, end, text[start:end], tuple(sorted(over, key=lambda m: m.start - m.end))))
    return out
