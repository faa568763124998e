"""Full-text search over articles, quotes and entities, through the search index (never a table scan)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

import sqlalchemy as sa

from newstrace.query.corpus import ENTITIES, QUOTES, Corpus, article_refs
from newstrace.query.quote_search import check_page, check_words
from newstrace.query.records import SearchResults, TextHit
from newstrace.store import search

__all__ = ["ALL_KINDS", "search_corpus"]

ALL_KINDS: tuple[Literal["articles", "quotes", "entities"], ...] = ("articles", "quotes", "entities")


def search_corpus(
    corpus: Corpus, words: str, limit: int = 20, offset: int = 0, kinds: Collection[str] = ALL_KINDS
) -> SearchResults:
    """Articles, quotes and entities (those of ``kinds``) that hold every one of ``words``, best first."""
    check_words(words, "the search")
    check_page(limit, offset)
    with corpus.connect() as conn:
        articles, quotes, entities = (
            search.match(conn, kind, words, limit, offset) if kind in kinds else [] for kind in ALL_KINDS
        )
        quote_info = {
            r.id: (r.article, r.speaker)
            for r in conn.execute(
                sa.select(QUOTES.c.id, QUOTES.c.article, QUOTES.c.speaker).where(
                    QUOTES.c.id.in_([h.id for h in quotes])
                )
            )
        }
        label = ENTITIES.c.name + " (" + ENTITIES.c.kind + ")"
        names = {
            row[0]: row[1]
            for row in conn.execute(
                sa.select(ENTITIES.c.id, label).where(ENTITIES.c.id.in_([h.id for h in entities]))
            )
        }
        refs = article_refs(conn, [h.id for h in articles] + [a for a, _ in quote_info.values()])
    return SearchResults(
        words,
        tuple(
            TextHit("article", h.id, refs[h.id].title or h.id, h.snippet, refs[h.id])
            for h in articles
            if h.id in refs
        ),
        tuple(
            TextHit(
                "quote",
                h.id,
                quote_info[h.id][1] or "unknown speaker",
                h.snippet,
                refs.get(quote_info[h.id][0]),
            )
            for h in quotes
            if h.id in quote_info
        ),
        tuple(TextHit("entity", h.id, names[h.id], h.snippet, None) for h in entities if h.id in names),
    )
