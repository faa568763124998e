"""Who copied whom: copies with both articles' titles and dates, which came first, the shared passage."""

from __future__ import annotations

import sqlalchemy as sa

from newstrace.model import Copy
from newstrace.query.corpus import ARTICLES, COPIES, Corpus, article_refs
from newstrace.query.quote_search import check_page
from newstrace.query.records import CopyView, Page
from newstrace.registry import from_row
from newstrace.store import search

__all__ = ["find_copies", "get_copy"]


def find_copies(
    corpus: Corpus, article: str | None = None, source: str | None = None, limit: int = 50, offset: int = 0
) -> Page[CopyView]:
    """Copies of one article, of the articles of one source, or all; ordered by id."""
    check_page(limit, offset)
    query = sa.select(COPIES).order_by(COPIES.c.id).limit(limit + 1).offset(offset)
    sides = search.copy_sides
    if article is not None:
        query = query.where(COPIES.c.id.in_(sa.select(sides.c.copy).where(sides.c.article == article)))
    if source is not None:
        of_source = sa.select(ARTICLES.c.id).where(ARTICLES.c.source == source)
        query = query.where(COPIES.c.id.in_(sa.select(sides.c.copy).where(sides.c.article.in_(of_source))))
    with corpus.connect() as conn:
        copies = [from_row(Copy, r) for r in conn.execute(query).mappings()]
        views = _views(conn, copies[:limit])
    return Page(tuple(views), offset, limit, len(copies) > limit)


def get_copy(corpus: Corpus, copy_id: str) -> CopyView | None:
    """One copy by id, or None."""
    with corpus.connect() as conn:
        row = conn.execute(sa.select(COPIES).where(COPIES.c.id == copy_id)).mappings().first()
        views = _views(conn, [from_row(Copy, row)]) if row is not None else []
    return views[0] if views else None


def _views(conn: sa.Connection, copies: list[Copy]) -> list[CopyView]:
    ids = sorted({side.article for c in copies for side in (c.a, c.b)})
    refs = article_refs(conn, ids)
    texts = {
        row.id: row.text
        for row in conn.execute(sa.select(ARTICLES.c.id, ARTICLES.c.text).where(ARTICLES.c.id.in_(ids)))
    }
    return [
        CopyView(
            c,
            refs[c.a.article],
            refs[c.b.article],
            texts[c.a.article][c.a.start : c.a.end],
            texts[c.b.article][c.b.start : c.b.end],
        )
        for c in copies
        if c.a.article in refs and c.b.article in refs
    ]
