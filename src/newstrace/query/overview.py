"""The corpus at a glance: counts, the span of dates, the sites, and every error."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa

from newstrace.model import Error
from newstrace.query.corpus import ARTICLES, ERRORS, Corpus
from newstrace.query.records import site_of
from newstrace.registry import from_row

__all__ = ["MAX_ERRORS", "Overview", "overview"]

MAX_ERRORS = 1000  # errors listed; the count says how many there are
MAX_SITES = 100  # sites listed, the most articles first


@dataclass(frozen=True, slots=True)
class Overview:
    """Counts of every record table, first and last publication date, sites, errors."""

    database: str
    counts: dict[str, int]
    first_published: str | None
    last_published: str | None
    sites: tuple[tuple[str, int], ...]
    errors: tuple[Error, ...]
    error_count: int


def overview(corpus: Corpus) -> Overview:
    """What the corpus holds."""
    counts = corpus.store.counts()
    with corpus.connect() as conn:
        first, last = conn.execute(
            sa.select(sa.func.min(ARTICLES.c.published), sa.func.max(ARTICLES.c.published))
        ).one()
        sites: Counter[str] = Counter(
            site_of(url, source) for url, source in conn.execute(sa.select(ARTICLES.c.url, ARTICLES.c.source))
        )
        errors = [
            from_row(Error, r)
            for r in conn.execute(
                sa.select(ERRORS)
                .order_by(ERRORS.c.source, ERRORS.c.stage, ERRORS.c.message)
                .limit(MAX_ERRORS)
            ).mappings()
        ]
    return Overview(
        corpus.name,
        counts,
        first,
        last,
        tuple(sites.most_common(MAX_SITES)),
        tuple(errors),
        counts.get("errors", 0),
    )
