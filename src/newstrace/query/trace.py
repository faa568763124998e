"""Trace a remark to its origin: the earliest article that carries it, then every repetition.

A quote's cluster (``link/clusters.py``) holds the same remark across articles. The trace lists
one quote per article (a remark repeated inside one article is not a repetition), the earliest
first, then the others by date; each says whether its words are identical to the earliest's or
edited or translated (the cluster's relation), and which copies join its article to the earliest.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from newstrace.model import QuoteCluster
from newstrace.query.corpus import CLUSTERS, QUOTES, Corpus, quote_rows
from newstrace.query.quote_search import check_words, get_quote
from newstrace.query.records import QuoteRow, Trace, TraceStep
from newstrace.registry import from_row
from newstrace.store import search

__all__ = ["QUOTE_ID", "find_trace"]

QUOTE_ID = re.compile(r"[\w-]{1,64}")  # one word: an id (ids.stable_id gives 16 hex digits), not words
MAX_MEMBERS = 1000  # quotes of one cluster read for a trace; a remark repeated more is shown in part


def find_trace(corpus: Corpus, ref: str) -> Trace | None:
    """The trace of a quote id, or of the quote that best matches the words ``ref``; None if none."""
    row = get_quote(corpus, ref) if QUOTE_ID.fullmatch(ref) else None
    if row is None:
        check_words(ref, "the quote")
        with corpus.connect() as conn:
            hits = search.match(conn, "quotes", ref, 1)
        row = get_quote(corpus, hits[0].id) if hits else None
    if row is None:
        return None
    with corpus.connect() as conn:
        cluster = _cluster(conn, row.quote.cluster)
        if cluster is None:
            return Trace(row, None, (TraceStep(row, "earliest", ()),))
        members = quote_rows(
            conn, QUOTES.c.id.in_(list(cluster.members[:MAX_MEMBERS])), [QUOTES.c.id], MAX_MEMBERS
        )
        steps = _steps(conn, cluster, members)
    return Trace(row, cluster, steps)


def _cluster(conn: sa.Connection, cluster_id: str | None) -> QuoteCluster | None:
    if cluster_id is None:
        return None
    found = conn.execute(sa.select(CLUSTERS).where(CLUSTERS.c.id == cluster_id)).mappings().first()
    return from_row(QuoteCluster, found) if found is not None else None


def _date(row: QuoteRow) -> str:
    return row.article.published or row.quote.said_on or "9999"


def _steps(conn: sa.Connection, cluster: QuoteCluster, members: list[QuoteRow]) -> tuple[TraceStep, ...]:
    ordered = sorted(
        members, key=lambda r: (r.quote.id != cluster.earliest, _date(r), r.article.id, r.quote.start)
    )
    first_per_article: dict[str, QuoteRow] = {}
    for row in ordered:
        first_per_article.setdefault(row.article.id, row)
    rows = list(first_per_article.values())
    if not rows:
        return ()
    origin = rows[0]
    copies = _copies_with(conn, origin.article.id)
    steps = [TraceStep(origin, "earliest", ())]
    for row in rows[1:]:
        same = _words(row.quote.text) == _words(origin.quote.text)
        relation = (
            "identical" if same else ("edited" if cluster.relation == "identical" else cluster.relation)
        )
        steps.append(TraceStep(row, relation, tuple(sorted(copies.get(row.article.id, ())))))
    return tuple(steps)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _copies_with(conn: sa.Connection, article: str) -> dict[str, set[str]]:
    """The other article of every copy that ``article`` is a side of: article id -> copy ids."""
    sides = search.copy_sides
    mine = sa.select(sides.c.copy).where(sides.c.article == article)
    rows = conn.execute(
        sa.select(sides.c.article, sides.c.copy).where(sides.c.copy.in_(mine), sides.c.article != article)
    )
    out: dict[str, set[str]] = {}
    for other, copy in rows:
        out.setdefault(other, set()).add(copy)
    return out
