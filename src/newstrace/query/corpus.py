"""A stored corpus opened for questions: the connection and the lookups every query shares.

Queries are parameterised SQLAlchemy Core statements over the store's tables and the search
lookups (``store/search.py``): each reaches its rows through an index (an id, an entity, an article,
the full-text index), never by reading a whole table.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newstrace.errors import StoreError
from newstrace.model import Entity, Quote
from newstrace.query.records import ArticleRef, QuoteRow
from newstrace.registry import from_row
from newstrace.store import Store, schema, search
from newstrace.store.opening import require_database
from newstrace.text.names import form_key

log = logging.getLogger(__name__)

__all__ = [
    "Corpus",
    "article_refs",
    "entities_by_id",
    "entities_named",
    "open_corpus",
    "quote_rows",
]

ARTICLES = schema.SPECS["articles"].table
QUOTES = schema.SPECS["quotes"].table
FACTS = schema.SPECS["facts"].table
ENTITIES = schema.SPECS["entities"].table
CLUSTERS = schema.SPECS["quote_clusters"].table
COPIES = schema.SPECS["copies"].table
EVENTS = schema.SPECS["events"].table
EVENT_MENTIONS = schema.SPECS["event_mentions"].table
ARTICLE_ENTITIES = schema.SPECS["article_entities"].table
DATES_TABLE = schema.SPECS["dates"].table
ERRORS = schema.SPECS["errors"].table
MAX_NAME_MATCHES = 50  # entities a name may stand for; a name that fits more is too vague to filter by


def open_corpus(db: str, read_only: bool = True) -> Corpus:
    """Open the corpus in ``db`` (a SQLite path or a PostgreSQL URL) for queries."""
    require_database(db)
    try:
        store = Store(db, read_only=read_only)
        indexed = search.has_search(store.engine)
    except (StoreError, sa.exc.SQLAlchemyError) as exc:
        cause = exc.__cause__ or exc
        raise StoreError(
            f"cannot read the database {db}: {str(getattr(cause, 'orig', None) or cause).splitlines()[0]}"
        ) from exc
    if not indexed:
        store.close()
        raise StoreError(
            f"the database {db} has no search index yet (an older newstrace wrote it): run "
            f"'newstrace analyze INPUT --db {db}' once to add it "
            "(documents already stored are not analysed again)"
        )
    return Corpus(store, db)


class Corpus:
    """A stored corpus and the lookups queries share."""

    def __init__(self, store: Store, name: str) -> None:
        self.store = store
        self.name = name

    def close(self) -> None:
        """Release the database connections."""
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for one question."""
        with self.store.engine.connect() as conn:
            yield conn

    def indexed(self) -> bool:
        """Whether the search lookups were filled by a link run (else queries find no links)."""
        return self.store.get_setting(search.INDEX_KEY) == search.INDEX_VERSION


def article_refs(conn: Connection, ids: Sequence[str]) -> dict[str, ArticleRef]:
    """Article references by id (titles, sources, dates; no text)."""
    if not ids:
        return {}
    cols = (ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.source, ARTICLES.c.url, ARTICLES.c.published)
    rows = conn.execute(sa.select(*cols).where(ARTICLES.c.id.in_(sorted(set(ids)))))
    return {r.id: ArticleRef(r.id, r.title, r.source, r.url, r.published) for r in rows}


def quote_rows(  # Any: SQL order terms of any column type
    conn: Connection, where: sa.ColumnElement[bool], order: Sequence[Any], limit: int, offset: int = 0
) -> list[QuoteRow]:
    """Quotes matching ``where``, with speaker entity, cluster and article, in ``order``."""
    speakers = sa.select(search.record_entities).where(search.record_entities.c.role == "speaker").subquery()
    query = (
        sa.select(
            QUOTES,
            speakers.c.entity.label("speaker_entity_id"),
            search.cluster_members.c.cluster.label("cluster_id"),
            ENTITIES.c.name.label("entity_name"),
            ARTICLES.c.title.label("a_title"),
            ARTICLES.c.source.label("a_source"),
            ARTICLES.c.url.label("a_url"),
            ARTICLES.c.published.label("a_published"),
        )
        .join(ARTICLES, ARTICLES.c.id == QUOTES.c.article)
        .outerjoin(speakers, speakers.c.record == QUOTES.c.id)
        .outerjoin(search.cluster_members, search.cluster_members.c.quote == QUOTES.c.id)
        .outerjoin(ENTITIES, ENTITIES.c.id == speakers.c.entity)
        .where(where)
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    )
    out = []
    for row in conn.execute(query).mappings():
        quote = replace(
            from_row(Quote, row), cluster=row["cluster_id"], speaker_entity=row["speaker_entity_id"]
        )
        ref = ArticleRef(row["article"], row["a_title"], row["a_source"], row["a_url"], row["a_published"])
        out.append(QuoteRow(quote, row["entity_name"] or quote.speaker, ref))
    return out


def entities_named(conn: Connection, name: str, kinds: Sequence[str] = ()) -> list[Entity]:
    """Corpus entities that ``name`` is the name or an alias of (a lone surname finds a person)."""
    key = form_key(name)
    if not key:
        return []
    matching = search.matching_ids(conn.dialect.name, "entities", name).limit(MAX_NAME_MATCHES)
    found = entities_by_id(conn, list(conn.execute(matching).scalars()), mentions=False)
    exact = [e for e in found if key in {form_key(n) for n in (e.name, *e.aliases)}]
    if not exact and " " not in key:
        exact = [e for e in found if e.kind == "PER" and form_key(e.name).endswith(" " + key)]
    return [e for e in exact if not kinds or e.kind in kinds]


def entities_by_id(conn: Connection, ids: Sequence[str], mentions: bool = True) -> list[Entity]:
    """The stored entities with these ids, in that order (``mentions=False``: without their mentions,
    which for a much-named entity are most of its row)."""
    if not ids:
        return []
    columns = [c for c in ENTITIES.c if mentions or c.name != "mentions"]
    rows = conn.execute(sa.select(*columns).where(ENTITIES.c.id.in_(list(ids)))).mappings()
    found = {r["id"]: from_row(Entity, r if mentions else {**r, "mentions": []}) for r in rows}
    return [found[i] for i in ids if i in found]
