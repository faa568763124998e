"""Who is who: an entity's page (aliases and where the text defined each, quotes, figures, articles)."""

from __future__ import annotations

import re

import sqlalchemy as sa

from newstrace.errors import UsageError
from newstrace.model import ArticleEntity, Entity, Span
from newstrace.query.corpus import (
    ARTICLE_ENTITIES,
    ARTICLES,
    ENTITIES,
    QUOTES,
    Corpus,
    article_refs,
    entities_by_id,
    entities_named,
    quote_rows,
)
from newstrace.query.figures import fact_rows
from newstrace.query.quote_search import check_page, check_words
from newstrace.query.records import EntityView, Page
from newstrace.registry import from_row
from newstrace.store import search
from newstrace.text.names import form_key

__all__ = ["ENTITY_KIND", "find_entity", "list_entities"]

ENTITY_KIND = re.compile(r"[A-Z_]{2,16}")  # spaCy's labels: PER, ORG, NORP, GPE, LOC, FAC, EVENT...
_SAID = sa.func.coalesce(QUOTES.c.said_on, ARTICLES.c.published)  # a quote's timeline date
MAX_LISTED = 200  # articles, figures and alias definitions shown on one entity page


def find_entity(
    corpus: Corpus, ref: str, quotes_limit: int = 50, quotes_offset: int = 0
) -> EntityView | None:
    """The entity with id ``ref``, else the one ``ref`` names that is mentioned most; None if none."""
    check_words(ref, "the entity")
    check_page(quotes_limit, quotes_offset)
    with corpus.connect() as conn:
        found = entities_by_id(conn, [ref]) or entities_by_id(conn, _most_named(conn, ref)[:1])
        if not found:
            return None
        entity = found[0]
        roles = search.record_entities
        said = sa.select(roles.c.record).where(roles.c.entity == entity.id, roles.c.role == "speaker")
        quotes = quote_rows(
            conn, QUOTES.c.id.in_(said), [_SAID, QUOTES.c.id], quotes_limit + 1, quotes_offset
        )
        asserted = sa.select(roles.c.record).where(roles.c.entity == entity.id, roles.c.role == "asserter")
        facts = fact_rows(conn, asserted, MAX_LISTED)
        article_ids = [
            a
            for (a,) in conn.execute(
                sa.select(search.entity_articles.c.article)
                .where(search.entity_articles.c.entity == entity.id)
                .limit(MAX_LISTED)
            )
        ]
        refs = article_refs(conn, article_ids)
        definitions = _alias_sources(conn, entity, article_ids)
    articles = tuple(sorted(refs.values(), key=lambda r: (r.published or "9999", r.id)))
    page = Page(tuple(quotes[:quotes_limit]), quotes_offset, quotes_limit, len(quotes) > quotes_limit)
    return EntityView(entity, definitions, page, tuple(facts), articles)


def _most_named(conn: sa.Connection, name: str) -> list[str]:
    """Ids of the entities ``name`` stands for, the one in most articles first."""
    ids = [e.id for e in entities_named(conn, name)]
    links = search.entity_articles
    query = sa.select(links.c.entity, sa.func.count()).where(links.c.entity.in_(ids)).group_by(links.c.entity)
    counts = {entity: int(n) for entity, n in conn.execute(query)}
    return sorted(ids, key=lambda i: (-counts.get(i, 0), i))


def _alias_sources(
    conn: sa.Connection, entity: Entity, article_ids: list[str]
) -> tuple[tuple[str, str, Span], ...]:
    """For each alias, the first article that writes it and the mention there."""
    keys = {form_key(n): n for n in (entity.name, *entity.aliases)}
    rows = conn.execute(
        sa.select(ARTICLE_ENTITIES).where(
            ARTICLE_ENTITIES.c.article.in_(article_ids), ARTICLE_ENTITIES.c.kind == entity.kind
        )
    ).mappings()
    found: dict[str, tuple[str, str, Span]] = {}
    for known in sorted((from_row(ArticleEntity, r) for r in rows), key=lambda k: (k.article, k.name)):
        for mention in known.mentions:
            key = form_key(mention.text)
            if key in keys and key not in found:
                found[key] = (keys[key], known.article, mention)
    return tuple(found[k] for k in keys if k in found)


def list_entities(corpus: Corpus, kind: str | None = None, limit: int = 50, offset: int = 0) -> Page[Entity]:
    """Entities of one kind (or all), by kind and name."""
    check_page(limit, offset)
    if kind is not None and not ENTITY_KIND.fullmatch(kind):
        raise UsageError(
            f"entity kind {kind!r} is not a kind: write it as PER, ORG, NORP, GPE, LOC, EVENT..."
        )
    query = sa.select(ENTITIES).order_by(ENTITIES.c.kind, ENTITIES.c.name).limit(limit + 1).offset(offset)
    if kind is not None:
        query = query.where(ENTITIES.c.kind == kind)
    with corpus.connect() as conn:
        found = [from_row(Entity, r) for r in conn.execute(query).mappings()]
    return Page(tuple(found[:limit]), offset, limit, len(found) > limit)
