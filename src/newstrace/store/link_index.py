"""The link index in the database: what link steps keep between runs.

Implements :class:`newstrace.link.index.LinkIndex` over three tables of ``store/schema.py``:

- ``quote_vectors``: a quotation's sentence embedding, under a hash of the model's name and the
  text, so it is reused by every later link run (and every quote with that text), never by
  another model;
- ``copy_band_keys``: an article's sentence band keys, valid while its document is stored with
  the analysis it had when they were made (a replaced or re-analysed document's keys are made
  again; a removed one's are dropped at the end of the next link run);
- ``copy_pairs``: the candidate pairs of the last link run with their copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import sqlalchemy as sa

from newstrace.link.index import BandKeys, PairCopies, PairHits, Vector
from newstrace.model import Article, Copy
from newstrace.registry import from_row, to_row
from newstrace.store import schema
from newstrace.store.db import IN_CHUNK, Store

__all__ = ["StoredLinkIndex"]

FLOAT32 = np.dtype("<f4")
UINT64 = np.dtype("<u8")
CREATE_LOCK = 0x6E746C69  # the PostgreSQL advisory lock held while creating these tables ("ntli")
STREAM_ROWS = 2000  # band-key rows fetched at a time while streaming the whole index
PAIRS_COVER_KEY = "link-index:pairs-cover"  # the setting that says what the stored pairs cover


def _create_tables(store: Store) -> None:
    """Create the link index's tables if missing (on a database's first link); another run
    creating them at the same time is waited for (PostgreSQL) or found done (SQLite)."""
    for attempt in range(2):
        try:
            with store.engine.begin() as conn:
                if store.engine.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": CREATE_LOCK})
                schema.link_index_metadata.create_all(conn)
            return
        except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
            if attempt or "already exists" not in str(exc):
                raise


class StoredLinkIndex:
    """The link index of ``store``, for the articles ``ids`` (in the order the steps read them)."""

    def __init__(self, store: Store, ids: Sequence[str]) -> None:
        self.store = store
        self.ids = ids
        _create_tables(store)

    def article_ids(self) -> Sequence[str]:
        """The ids of the articles linked."""
        return self.ids

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in one batched read."""
        return self.store.articles_by_id(ids)

    # ------------------------------------------------------------------ quote embeddings
    def vectors(self, keys: Sequence[str]) -> dict[str, Vector]:
        """The stored vectors of those ``keys`` that have one."""
        table = schema.quote_vectors
        return {
            key: np.frombuffer(blob, dtype=FLOAT32).astype(np.float32)
            for key, blob in self._rows_in(sa.select(table.c.key, table.c.vector), table.c.key, keys)
        }

    def save_vectors(self, vectors: Mapping[str, Vector]) -> None:
        """Store vectors whose key is not stored yet."""
        stored = self.vectors(list(vectors))
        rows = [
            {"key": key, "vector": np.asarray(vector, dtype=FLOAT32).tobytes()}
            for key, vector in vectors.items()
            if key not in stored
        ]
        if rows:
            with self.store.engine.begin() as conn:
                conn.execute(sa.insert(schema.quote_vectors), rows)

    # ------------------------------------------------------------------ band keys
    def band_keys(self, setting: str, *, checked: bool = True) -> Iterator[tuple[str, BandKeys]]:
        """Stored band keys made with ``setting`` of articles whose analysis has not changed; not
        ``checked``: of every article with a row (a stored article has one row at most, so the
        caller that keeps those :meth:`keyed_articles` named skips the join)."""
        keys, articles, docs = schema.copy_band_keys, schema.ARTICLES.table, schema.DOCUMENTS.table
        query = sa.select(keys.c.article, keys.c.sentences, keys.c.hashes).where(keys.c.setting == setting)
        if checked:
            query = (
                query.join(articles, articles.c.id == keys.c.article)
                .join(docs, docs.c.id == articles.c.document)
                .where(keys.c.analysis == docs.c.analysis)
            )
        with self.store.engine.connect() as conn:
            result = conn.execution_options(yield_per=STREAM_ROWS).execute(query)
            for article, sentences, blob in result:
                values = np.frombuffer(blob, dtype=UINT64).astype(np.uint64)
                yield article, values.reshape(sentences, -1) if sentences else values.reshape(0, 0)

    def keyed_articles(self, setting: str) -> list[str]:
        """The ids of the articles whose band keys :meth:`band_keys` yields (no keys read)."""
        keys, articles, docs = schema.copy_band_keys, schema.ARTICLES.table, schema.DOCUMENTS.table
        query = (
            sa.select(keys.c.article)
            .join(articles, articles.c.id == keys.c.article)
            .join(docs, docs.c.id == articles.c.document)
            .where(keys.c.setting == setting, keys.c.analysis == docs.c.analysis)
        )
        with self.store.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def save_band_keys(self, keys: Iterable[tuple[str, BandKeys]], setting: str) -> None:
        """Store articles' band keys, with their document's current analysis hash."""
        found = dict(keys)
        if not found:
            return
        articles, docs = schema.ARTICLES.table, schema.DOCUMENTS.table
        query = sa.select(articles.c.id, docs.c.analysis).join(docs, docs.c.id == articles.c.document)
        analysis = dict(self._rows_in(query, articles.c.id, list(found)))
        rows = [
            {
                "article": article,
                "setting": setting,
                "analysis": analysis[article],
                "sentences": len(values),
                "hashes": np.asarray(values, dtype=UINT64).tobytes(),
            }
            for article, values in found.items()
            if article in analysis
        ]
        table = schema.copy_band_keys
        with self.store.engine.begin() as conn:
            for start in range(0, len(rows), IN_CHUNK):
                chunk = [r["article"] for r in rows[start : start + IN_CHUNK]]
                conn.execute(sa.delete(table).where(table.c.article.in_(chunk)))
            if rows:
                conn.execute(sa.insert(table), rows)

    # ------------------------------------------------------------------ verified pairs
    def pair_copies(self, setting: str) -> PairCopies:
        """The pairs the last link run verified under ``setting``, with their copies."""
        table = schema.copy_pairs
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(table).where(table.c.setting == setting))
            return {(r.a, r.b): tuple(from_row(Copy, c) for c in r.copies) for r in rows}

    def pair_cover(self) -> str | None:
        """What the stored pairs cover, as saved with them (None before any are saved)."""
        return self.store.get_setting(PAIRS_COVER_KEY)

    def pair_hits(self) -> PairHits:
        """The (sentence, band) places each stored pair shares."""
        table = schema.copy_pair_hits
        with self.store.engine.connect() as conn:
            return {(r.a, r.b): r.hits for r in conn.execute(sa.select(table))}

    def save_pair_copies(
        self, pairs: PairCopies, setting: str, cover: str = "", hits: PairHits | None = None
    ) -> None:
        """Replace the stored pairs; band keys of articles no longer stored are dropped too."""
        keys = schema.copy_band_keys
        with self.store.engine.begin() as conn:
            conn.execute(sa.delete(schema.copy_pairs))
            conn.execute(sa.delete(schema.copy_pair_hits))
            self._insert_pairs(conn, pairs, setting, cover, hits or {})
            stored = sa.select(schema.ARTICLES.table.c.id)
            conn.execute(sa.delete(keys).where(keys.c.article.not_in(stored)))

    def add_pair_copies(
        self, pairs: PairCopies, setting: str, cover: str, hits: PairHits, dropped: Sequence[tuple[str, str]]
    ) -> None:
        """Add pairs not stored yet, give stored pairs their new ``hits`` and remove ``dropped``."""
        changed = [key for key in hits if key not in pairs]
        with self.store.engine.begin() as conn:
            for table, gone in ((schema.copy_pairs, dropped), (schema.copy_pair_hits, [*dropped, *changed])):
                pair = sa.tuple_(table.c.a, table.c.b)
                for start in range(0, len(gone), IN_CHUNK):
                    conn.execute(sa.delete(table).where(pair.in_(gone[start : start + IN_CHUNK])))
            removed = set(dropped)
            kept = {key: count for key, count in hits.items() if key not in removed}
            self._insert_pairs(conn, pairs, setting, cover, kept)

    def _insert_pairs(
        self, conn: sa.Connection, pairs: PairCopies, setting: str, cover: str, hits: PairHits
    ) -> None:
        rows = [
            {"a": a, "b": b, "setting": setting, "copies": [to_row(c) for c in copies]}
            for (a, b), copies in pairs.items()
        ]
        if rows:
            conn.execute(sa.insert(schema.copy_pairs), rows)
        if hits:
            conn.execute(
                sa.insert(schema.copy_pair_hits), [{"a": a, "b": b, "hits": n} for (a, b), n in hits.items()]
            )
        settings = schema.settings
        conn.execute(sa.delete(settings).where(settings.c.key == PAIRS_COVER_KEY))
        conn.execute(sa.insert(settings), [{"key": PAIRS_COVER_KEY, "value": cover}])

    def _rows_in(  # Any: a query of any columns
        self, query: sa.Select[Any], column: sa.ColumnElement[str], values: Sequence[str]
    ) -> Iterator[tuple[Any, ...]]:
        with self.store.engine.connect() as conn:
            for start in range(0, len(values), IN_CHUNK):
                for row in conn.execute(query.where(column.in_(values[start : start + IN_CHUNK]))):
                    yield tuple(row)
