"""The search index and the lookup tables that let queries find records without scanning a table.

Full text: SQLite keeps one FTS5 table per searched record type (articles, quotes, entities),
filled by triggers on the record table, so every write of ``analyze`` keeps it up to date;
PostgreSQL gets a GIN index on the same text (``to_tsvector('simple', ...)``), which it keeps
itself. Lookups: the corpus links hold their members as JSON (a cluster's quotes, a copy's two
articles, an entity's mentions, an event's sources), which no index reaches; the tables below
hold them one row each, with an index, and are replaced with the links in one transaction.
Quote speakers and fact asserters are resolved to corpus entities once per link run
(``link/identity.py``) and kept in ``record_entities``, written with the links.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newstrace.link.identity import Identities
from newstrace.model import CorpusLinks
from newstrace.store.schema import FTS_PREFIX, SPECS, metadata

log = logging.getLogger(__name__)

__all__ = [
    "INDEX_VERSION",
    "LOOKUPS",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "SEARCHED",
    "Hit",
    "ensure_search",
    "index_identities",
    "index_links",
    "match",
    "matching_ids",
    "query_words",
    "stored_identities",
]

# Stored in ``settings`` under INDEX_KEY when the lookups were last filled by a link run; the
# runner re-links a corpus whose index is older, so databases made before the index get one.
INDEX_KEY = "search_index"
INDEX_VERSION = "1"
MAX_QUERY_CHARS = 300  # longer search text is refused: no one types more, and FTS cost grows with it
MAX_QUERY_WORDS = 16  # words of a search kept (all must match); more only narrows to nothing

SearchKind = Literal["articles", "quotes", "entities", "facts"]


@dataclass(frozen=True, slots=True)
class Searched:
    """A record table searched in full text: which of its columns, weighted as listed."""

    kind: SearchKind
    columns: tuple[str, ...]
    shown: str  # the column a snippet is cut from


SEARCHED: tuple[Searched, ...] = (
    Searched("articles", ("title", "text"), "text"),
    Searched("quotes", ("text", "speaker"), "text"),
    Searched("entities", ("name", "aliases"), "name"),
    Searched("facts", ("text", "unit", "asserted_by", "place"), "text"),
)

# One row per member of a corpus link (the JSON lists of the link tables, indexed).
record_entities = sa.Table(  # a quote's speaker or a fact's asserter, as a corpus entity
    "record_entities",
    metadata,
    sa.Column("record", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, nullable=False),  # "speaker" (a quote id) or "asserter" (a fact id)
    sa.Column("entity", sa.Text, nullable=False),
    # a speaker row's article date: an entity's quotes newest first come from the index alone
    sa.Column("date", sa.Text, nullable=True),
    sa.Index("ix_record_entities_lookup", "entity", "role", "date", "record"),  # covering
)
cluster_members = sa.Table(
    "cluster_members",
    metadata,
    sa.Column("quote", sa.Text, primary_key=True),
    sa.Column("cluster", sa.Text, nullable=False),
    sa.Index("ix_cluster_members_cluster", "cluster"),
)
copy_sides = sa.Table(
    "copy_sides",
    metadata,
    sa.Column("article", sa.Text, primary_key=True),
    sa.Column("copy", sa.Text, primary_key=True),
)
entity_articles = sa.Table(
    "entity_articles",
    metadata,
    sa.Column("article", sa.Text, primary_key=True),
    sa.Column("entity", sa.Text, primary_key=True),
    sa.Index("ix_entity_articles_entity", "entity"),
)
event_articles = sa.Table(
    "event_articles",
    metadata,
    sa.Column("article", sa.Text, primary_key=True),
    sa.Column("event", sa.Text, primary_key=True),
    sa.Index("ix_event_articles_event", "event"),
)
LOOKUPS = (record_entities, cluster_members, copy_sides, entity_articles, event_articles)

# Indexes on record tables for the lookups queries make (speaker name, date, site, kind).
_T = {name: spec.table for name, spec in SPECS.items()}
RECORD_INDEXES = (
    sa.Index("ix_quotes_speaker_id", _T["quotes"].c.speaker, _T["quotes"].c.id),  # covering, as above
    sa.Index("ix_articles_published", _T["articles"].c.published),
    # covering indexes: a page of quotes is sorted by article date without reading article or quote rows
    sa.Index("ix_articles_id_published", _T["articles"].c.id, _T["articles"].c.published),
    sa.Index("ix_quotes_id_article", _T["quotes"].c.id, _T["quotes"].c.article, _T["quotes"].c.said_on),
    sa.Index("ix_articles_source", _T["articles"].c.source),
    sa.Index("ix_articles_url", _T["articles"].c.url),  # a site is a range of URLs
    sa.Index("ix_entities_kind_name", _T["entities"].c.kind, _T["entities"].c.name),
    sa.Index("ix_facts_asserted_by", _T["facts"].c.asserted_by),
    sa.Index("ix_events_date", _T["events"].c.date),
    sa.Index("ix_events_place", _T["events"].c.place),  # events per place for the map
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A record a search found: its id, rank (lower is better) and a snippet with the match marked.

    ``snippet`` holds the matched words between ``\\x02`` and ``\\x03`` (never in news text).
    """

    id: str
    rank: float
    snippet: str


def ensure_search(engine: Engine) -> None:
    """Create the record indexes and the full-text index of a writable database (a no-op when they exist).

    A read-only database is left as it is: searching it tells the user to run ``analyze`` once.
    """
    try:
        with engine.begin() as conn:
            for index in (*RECORD_INDEXES, *(i for table in LOOKUPS for i in table.indexes)):
                index.create(conn, checkfirst=True)
            if engine.dialect.name == "sqlite":
                _sqlite_fts(conn)
            elif engine.dialect.name == "postgresql":
                _postgres_fts(conn)
    except sa.exc.DBAPIError as exc:  # SQLite says OperationalError, PostgreSQL InternalError
        log.debug("search index not created (read-only database?): %s", exc)


def has_search(engine: Engine) -> bool:
    """Whether ``engine``'s database holds the search lookups (an older newstrace wrote none)."""
    inspector = sa.inspect(engine)
    return all(inspector.has_table(table.name) for table in LOOKUPS)


def _sqlite_fts(conn: Connection) -> None:
    for spec in SEARCHED:
        name = f"{FTS_PREFIX}{spec.kind}"
        if conn.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": name}).first():
            continue
        cols = ", ".join(spec.columns)
        new = ", ".join(f"new.{c}" for c in spec.columns)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {name} USING fts5(id UNINDEXED, {cols}, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {spec.kind} BEGIN "
            f"INSERT INTO {name}(rowid, id, {cols}) VALUES (new.rowid, new.id, {new}); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {spec.kind} BEGIN "
            f"DELETE FROM {name} WHERE rowid = old.rowid; END"
        )
        conn.exec_driver_sql(  # rows stored before the index existed
            f"INSERT INTO {name}(rowid, id, {cols}) SELECT rowid, id, {cols} FROM {spec.kind}"
        )


def _pg_document(spec: Searched) -> str:
    """The text PostgreSQL indexes and searches for a record (the same expression in both)."""
    parts = " || ' ' || ".join(f"coalesce(CAST({c} AS text), '')" for c in spec.columns)
    return f"to_tsvector('simple', {parts})"


def _postgres_fts(conn: Connection) -> None:
    for spec in SEARCHED:
        found = conn.execute(
            sa.text("SELECT 1 FROM pg_indexes WHERE indexname = :n"), {"n": f"{FTS_PREFIX}{spec.kind}"}
        )
        if found.first():
            continue
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS fts_{spec.kind} ON {spec.kind} USING gin ({_pg_document(spec)})"
        )


def query_words(text: str) -> list[str]:
    """The words of a search, as the index splits them (letters and digits), at most MAX_QUERY_WORDS."""
    return re.findall(r"\w+", text)[:MAX_QUERY_WORDS]


def match(conn: Connection, kind: SearchKind, text: str, limit: int, offset: int = 0) -> list[Hit]:
    """Records of ``kind`` holding every word of ``text``, best first (an index lookup, never a scan)."""
    words = query_words(text)
    if not words:
        return []
    if conn.dialect.name == "postgresql":
        return _match_postgres(conn, kind, words, limit, offset)
    spec = next(s for s in SEARCHED if s.kind == kind)
    snippet_col = 1 + spec.columns.index(spec.shown)  # column 0 is the id
    expression = _fts_expression(words)
    rows = conn.exec_driver_sql(
        f"SELECT id, bm25(fts_{kind}) AS rank, "
        f"snippet(fts_{kind}, {snippet_col}, char(2), char(3), '…', 16) "
        f"FROM fts_{kind} WHERE fts_{kind} MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
        (expression, limit, offset),
    )
    return [Hit(r[0], float(r[1]), r[2] or "") for r in rows]


def _fts_expression(words: Sequence[str]) -> str:
    """An FTS5 query that needs every word (each quoted, so no word is read as an operator)."""
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def matching_ids(dialect: str, kind: SearchKind, text: str) -> sa.Select[str]:
    """A subquery of the ids of ``kind`` records that hold every word of ``text`` (an index lookup)."""
    words = query_words(text) or ["\x00"]  # no word: a query that finds nothing
    if dialect == "postgresql":
        spec = next(s for s in SEARCHED if s.kind == kind)
        return (
            sa.select(sa.column("id", sa.Text))
            .select_from(sa.table(kind))
            .where(
                sa.text(f"{_pg_document(spec)} @@ to_tsquery('simple', :fts)").bindparams(
                    fts=" & ".join(_pg_word(w) for w in words)
                )
            )
        )
    return (
        sa.select(sa.column("id", sa.Text))
        .select_from(sa.table(f"{FTS_PREFIX}{kind}"))
        .where(sa.text(f"{FTS_PREFIX}{kind} MATCH :fts").bindparams(fts=_fts_expression(words)))
    )


def _match_postgres(
    conn: Connection, kind: SearchKind, words: Sequence[str], limit: int, offset: int
) -> list[Hit]:
    spec = next(s for s in SEARCHED if s.kind == kind)
    document = _pg_document(spec)
    query = "to_tsquery('simple', %(q)s)"
    rows = conn.exec_driver_sql(
        f"SELECT id, -ts_rank({document}, {query}) AS rank, "
        f"ts_headline('simple', CAST({spec.shown} AS text), {query}, "
        "'StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=12') "
        f"FROM {kind} WHERE {document} @@ {query} ORDER BY rank, id LIMIT %(n)s OFFSET %(o)s",
        {"q": " & ".join(_pg_word(w) for w in words), "n": limit, "o": offset},
    )
    return [Hit(r[0], float(r[1]), r[2] or "") for r in rows]


def _pg_word(word: str) -> str:
    return "'" + word.lower().replace("'", "") + "'"


def index_links(conn: Connection, links: CorpusLinks) -> None:
    """Replace the link lookups with those of ``links`` (inside the caller's transaction)."""
    rows: dict[sa.Table, list[dict[str, str]]] = {
        cluster_members: [{"quote": q, "cluster": c.id} for c in links.clusters for q in c.members],
        copy_sides: _unique(
            {"article": side.article, "copy": c.id} for c in links.copies for side in (c.a, c.b)
        ),
        entity_articles: _unique(
            {"article": m.article, "entity": e.id} for e in links.entities for m in e.mentions
        ),
        event_articles: _unique(
            {"article": s.article, "event": e.id} for e in links.events for s in e.sources
        ),
    }
    for table, found in rows.items():
        conn.execute(sa.delete(table))
        if found:
            conn.execute(sa.insert(table), found)


def index_identities(conn: Connection, identities: Identities) -> None:
    """Replace which corpus entity each quote's speaker and each fact's asserter is (inside the
    caller's transaction, with the links they refer to), and stamp the index."""
    # Any: column values of the rows inserted
    rows: list[dict[str, Any]] = [
        *({"record": q, "role": "speaker", "entity": e} for q, e in identities.speakers.items()),
        *({"record": f, "role": "asserter", "entity": e} for f, e in identities.asserters.items()),
    ]
    settings = metadata.tables["settings"]
    conn.execute(sa.delete(record_entities))
    if rows:
        conn.execute(sa.insert(record_entities), rows)
    quotes, articles = _T["quotes"], _T["articles"]
    published = (
        sa.select(articles.c.published)
        .join(quotes, quotes.c.article == articles.c.id)
        .where(quotes.c.id == record_entities.c.record)
        .scalar_subquery()
    )
    conn.execute(sa.update(record_entities).where(record_entities.c.role == "speaker").values(date=published))
    conn.execute(sa.delete(settings).where(settings.c.key == INDEX_KEY))
    conn.execute(sa.insert(settings), [{"key": INDEX_KEY, "value": INDEX_VERSION}])


def stored_identities(conn: Connection) -> Identities:
    """The identities the last link run stored."""
    found = Identities()
    for row in conn.execute(
        sa.select(record_entities.c.record, record_entities.c.role, record_entities.c.entity)
    ):
        (found.speakers if row.role == "speaker" else found.asserters)[row.record] = row.entity
    return found


def _unique(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    return list({tuple(r.values()): r for r in rows}.values())
