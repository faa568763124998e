"""The Store: a SQLite file by default, PostgreSQL by URL, behind one small API.

Writes are per document and atomic: a document, its articles, their findings and their
errors land in one transaction, so a run killed at any point leaves whole documents only,
and the next run picks up where it stopped.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newstrace.errors import StoreError
from newstrace.ids import stable_id
from newstrace.ingest.decode import valid_text
from newstrace.link.identity import Identities
from newstrace.model import Article, ArticleFindings, CorpusLinks, Document, Error
from newstrace.registry import from_row, to_row
from newstrace.store import schema, search
from newstrace.store.opening import database_url, insert_or_ignore, open_engine

log = logging.getLogger(__name__)

__all__ = ["DocumentRecord", "Store", "database_url"]

IN_CHUNK = 500  # ids per IN (...) clause; SQLite allows 32766 parameters, PostgreSQL 65535


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document to store, with the settings hash it was analysed with and what was found in it."""

    document: Document
    analysis: str
    findings: tuple[ArticleFindings, ...]
    errors: tuple[Error, ...]


class Store:
    """Documents, articles, findings, links and errors of one corpus."""

    def __init__(self, db: str, read_only: bool = False) -> None:
        self.url = database_url(db)
        try:
            self.engine: Engine
            self.engine, self.read_only = open_engine(db, read_only)
            if not self.read_only:
                search.ensure_search(self.engine)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"cannot open the database {db!r}: {_reason(exc)}; check the path or URL "
                "and that you may write there"
            ) from exc

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ documents
    def analysis_of(self, doc_id: str) -> str | None:
        """The analysis settings hash a stored document was made with, or None if not stored."""
        found = self.stored(doc_id)
        return found[1] if found else None

    def stored(self, doc_id: str) -> tuple[str, str] | None:
        """The source name and analysis settings hash of a stored document, or None."""
        table = schema.DOCUMENTS.table
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(table.c.source, table.c.analysis).where(table.c.id == doc_id)
            ).one_or_none()
        return (row.source, row.analysis) if row else None

    def add_name(self, doc_id: str, source: str) -> None:
        """Note that the stored document ``doc_id`` was also given as ``source``."""
        insert = insert_or_ignore(schema.document_names, self.engine.dialect.name)
        with self._begin() as conn:
            conn.execute(insert.values(document=doc_id, source=source))

    def names(self, doc_id: str) -> list[str]:
        """Every name a stored document was given under: its source first, then the others."""
        found = self.stored(doc_id)
        table = schema.document_names
        with self.engine.connect() as conn:
            others = conn.execute(
                sa.select(table.c.source).where(table.c.document == doc_id).order_by(table.c.source)
            ).scalars()
            return ([found[0]] if found else []) + [o for o in others if not found or o != found[0]]

    def save_document(
        self, doc: Document, analysis: str, findings: Sequence[ArticleFindings], errors: Sequence[Error]
    ) -> None:
        """Store a document with everything found in it, replacing any older version of its source."""
        self.save_documents([DocumentRecord(doc, analysis, tuple(findings), tuple(errors))])

    def save_documents(self, records: Sequence[DocumentRecord]) -> None:
        """Store documents in one transaction; each replaces any older version of its source."""
        if not records:
            return
        docs = schema.DOCUMENTS.table
        sources = [r.document.source for r in records]
        with self._begin() as conn:
            stale = [
                i
                for chunk in _chunks(sources)
                for i in conn.execute(sa.select(docs.c.id).where(docs.c.source.in_(chunk))).scalars()
            ]
            kept = self._rename(conn, stale, {r.document.id for r in records})
            stale = [i for i in stale if i not in kept] + [r.document.id for r in records]
            if stale:
                self._delete_documents(conn, stale, frozenset(r.document.id for r in records))
            for chunk in _chunks(sources):
                conn.execute(sa.delete(schema.ERRORS.table).where(schema.ERRORS.table.c.source.in_(chunk)))
            conn.execute(sa.insert(docs), [to_row(r.document) | {"analysis": r.analysis} for r in records])
            self._insert_findings(conn, [f for r in records for f in r.findings])
            for record in records:
                self._insert_errors(conn, record.errors, record.document.id)

    def _rename(self, conn: Connection, doc_ids: Sequence[str], replaced: set[str]) -> set[str]:
        """Documents whose source now holds other content, but that were also given under another
        name: they stay, under that name (their content has not changed there)."""
        names = schema.document_names
        renamed: dict[str, str] = {}
        for chunk in _chunks([i for i in doc_ids if i not in replaced]):
            for row in conn.execute(
                sa.select(names).where(names.c.document.in_(chunk)).order_by(names.c.source)
            ):
                renamed.setdefault(row.document, row.source)
        for doc_id, source in renamed.items():
            for spec in (schema.DOCUMENTS, schema.ARTICLES):
                key = spec.table.c.id if spec is schema.DOCUMENTS else spec.table.c.document
                conn.execute(sa.update(spec.table).where(key == doc_id).values(source=source))
            conn.execute(sa.delete(names).where(names.c.document == doc_id, names.c.source == source))
        return set(renamed)

    def _delete_documents(
        self, conn: Connection, doc_ids: Sequence[str], keep_names: frozenset[str] = frozenset()
    ) -> None:
        articles = schema.ARTICLES.table
        for chunk in _chunks(doc_ids):
            art_ids = (
                conn.execute(sa.select(articles.c.id).where(articles.c.document.in_(chunk))).scalars().all()
            )
            for spec in schema.ARTICLE_RECORDS.values():
                for art_chunk in _chunks(art_ids):
                    conn.execute(sa.delete(spec.table).where(spec.table.c.article.in_(art_chunk)))
            conn.execute(sa.delete(articles).where(articles.c.document.in_(chunk)))
            conn.execute(sa.delete(schema.ERRORS.table).where(schema.ERRORS.table.c.document.in_(chunk)))
            conn.execute(sa.delete(schema.DOCUMENTS.table).where(schema.DOCUMENTS.table.c.id.in_(chunk)))
            gone = [i for i in chunk if i not in keep_names]  # a document stored again keeps its names
            conn.execute(sa.delete(schema.document_names).where(schema.document_names.c.document.in_(gone)))

    def _insert_findings(self, conn: Connection, findings: Sequence[ArticleFindings]) -> None:
        if findings:
            conn.execute(sa.insert(schema.ARTICLES.table), [to_row(f.article) for f in findings])
        for name, spec in schema.ARTICLE_RECORDS.items():
            rows = [to_row(r, spec.exclude) for f in findings for r in getattr(f, name)]
            if rows:
                conn.execute(sa.insert(spec.table), rows)
        for found in findings:
            self._insert_errors(conn, found.errors, found.article.document)

    # ------------------------------------------------------------------ errors
    def save_errors(self, errors: Iterable[Error]) -> None:
        """Store errors that belong to no document (unreadable inputs); repeats are ignored."""
        with self._begin() as conn:
            self._insert_errors(conn, list(errors), None)

    def _insert_errors(self, conn: Connection, errors: Sequence[Error], doc_id: str | None) -> None:
        if not errors:
            return
        valid = [Error(valid_text(e.source)[0], e.stage, valid_text(e.message)[0]) for e in errors]
        rows = {stable_id(e.source, e.stage, e.message): to_row(e) for e in valid}
        conn.execute(
            insert_or_ignore(schema.ERRORS.table, self.engine.dialect.name),
            [row | {"id": key, "document": doc_id} for key, row in rows.items()],
        )

    def clear_errors(self, source: str) -> None:
        """Forget errors of one source (see :meth:`clear_errors_of`)."""
        self.clear_errors_of([source])

    def clear_errors_of(self, sources: Sequence[str]) -> None:
        """Forget errors of ``sources`` (and their records ``source#N``) that belong to no stored
        document, before the sources are read again: reading reports them again if they persist."""
        table = schema.ERRORS.table
        wanted = set(sources)
        with self._begin() as conn:
            rows = conn.execute(
                sa.select(table.c.id, table.c.source).where(
                    table.c.document.is_(None), ~table.c.stage.like("link%")
                )
            ).all()
            stale = [row.id for row in rows if row.source in wanted or row.source.split("#")[0] in wanted]
            for chunk in _chunks(stale):
                conn.execute(sa.delete(table).where(table.c.id.in_(chunk)))

    def errors(self, sources: Iterable[str] | None = None) -> list[Error]:
        """Stored errors, all or those of the given sources (and their records ``source#N``)."""
        table = schema.ERRORS.table
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(table).order_by(table.c.source, table.c.stage, table.c.message)
            ).mappings()
            found = [from_row(Error, r) for r in rows]
        if sources is None:
            return found
        wanted = set(sources)
        return [e for e in found if e.source in wanted or e.source.split("#")[0] in wanted]

    # ------------------------------------------------------------------ reading
    def documents(self) -> Iterator[Document]:
        """Every stored document, ordered by source."""
        table = schema.DOCUMENTS.table
        with self.engine.connect() as conn:
            for row in conn.execute(sa.select(table).order_by(table.c.source)).mappings():
                yield from_row(Document, row)

    def articles(self, document_ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles (of the given documents), ordered by source and position."""
        table = schema.ARTICLES.table
        query = sa.select(table).order_by(table.c.source, table.c.index)
        found = [from_row(Article, r) for r in self._select_in(query, table.c.document, document_ids)]
        if document_ids is None:
            return found
        # each IN (...) chunk comes back ordered, the chunks in the order the ids were given
        return sorted(found, key=lambda a: (a.source, a.index))

    def article_ids(self) -> list[str]:
        """The ids of every stored article, ordered by source and position (no text is read)."""
        table = schema.ARTICLES.table
        with self.engine.connect() as conn:
            query = sa.select(table.c.id).order_by(table.c.source, table.c.index)
            return list(conn.execute(query).scalars())

    def articles_by_id(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in the same order."""
        table = schema.ARTICLES.table
        found = {r["id"]: from_row(Article, r) for r in self._select_in(sa.select(table), table.c.id, ids)}
        return [found[i] for i in ids if i in found]

    def findings(self, articles: Sequence[Article]) -> list[ArticleFindings]:
        """The stored findings of ``articles``, in the same order."""
        # Any: records of the ArticleFindings field each name stands for
        by_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        ids = [a.id for a in articles]
        for name, spec in schema.ARTICLE_RECORDS.items():
            query = sa.select(spec.table).order_by(*_reading_order(spec.table))
            for row in self._select_in(query, spec.table.c.article, ids):
                by_article[row["article"]][name].append(from_row(spec.cls, row))
        return [ArticleFindings(a, **{k: tuple(v) for k, v in by_article[a.id].items()}) for a in articles]

    def _select_in(  # Any: a query of any columns, a column of any type
        self, query: sa.Select[Any], column: sa.ColumnElement[Any], values: Iterable[str] | None
    ) -> Iterator[sa.RowMapping]:
        with self.engine.connect() as conn:
            if values is None:
                yield from conn.execute(query).mappings()
                return
            for chunk in _chunks(list(values)):
                yield from conn.execute(query.where(column.in_(chunk))).mappings()

    # ------------------------------------------------------------------ corpus links
    def replace_links(self, links: CorpusLinks, identities: Identities | None = None) -> None:
        """Replace every corpus-level record with those of a new link run, and which of its
        entities each quote's speaker and each fact's asserter is (none when not given)."""
        with self._begin() as conn:
            for name, spec in schema.CORPUS_RECORDS.items():
                conn.execute(sa.delete(spec.table))
                rows = [to_row(r, spec.exclude) for r in getattr(links, name)]
                if rows:
                    conn.execute(sa.insert(spec.table), rows)
            search.index_links(conn, links)
            search.index_identities(conn, identities or Identities())
            table = schema.ERRORS.table
            conn.execute(sa.delete(table).where(table.c.stage.like("link%")))
            self._insert_errors(conn, links.errors, None)

    def links(self) -> CorpusLinks:
        """The corpus-level records of the last link run."""
        found: dict[str, tuple[Any, ...]] = {}  # Any: records of the CorpusLinks field named
        with self.engine.connect() as conn:
            for name, spec in schema.CORPUS_RECORDS.items():
                rows = conn.execute(
                    sa.select(spec.table).order_by(*spec.table.primary_key.columns)
                ).mappings()
                found[name] = tuple(from_row(spec.cls, r) for r in rows)
        return CorpusLinks(**found)

    def identities(self) -> Identities:
        """The corpus entities of speakers and asserters stored by the last link run (none in a
        database an older newstrace wrote, until it is linked again)."""
        if not search.has_search(self.engine):
            return Identities()
        with self.engine.connect() as conn:
            return search.stored_identities(conn)

    # ------------------------------------------------------------------ settings and stats
    def get_setting(self, key: str) -> str | None:
        """A stored setting (e.g. the settings hash of the last link run)."""
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(schema.settings.c.value).where(schema.settings.c.key == key)
            ).scalar_one_or_none()

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""
        with self._begin() as conn:
            conn.execute(sa.delete(schema.settings).where(schema.settings.c.key == key))
            conn.execute(sa.insert(schema.settings), [{"key": key, "value": value}])

    def counts(self) -> dict[str, int]:
        """Row counts of every record table."""
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in schema.tables().items()
                if name in schema.SPECS  # record tables, not settings, other names nor search lookups
            }

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        """A transaction; a failure of the database itself (full, read-only, gone, locked past the
        busy timeout) is a StoreError, while a refused row (a constraint) is left to the caller."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise StoreError(f"cannot write to the database: {_reason(exc)}") from exc


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(values), IN_CHUNK):
        yield values[i : i + IN_CHUNK]


def _reason(exc: sa.exc.SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]


def _reading_order(table: sa.Table) -> list[sa.ColumnElement[Any]]:  # Any: columns of any type
    """Records in text order (start, end), then by key: never by id alone.

    Ids hash the source path, so an id order differs between two checkouts of one corpus;
    text order is the same everywhere (and is the order a reader expects).
    """
    keys: list[sa.ColumnElement[Any]] = list(table.primary_key.columns)
    if "start" in table.c and "end" in table.c:
        return [table.c.start, table.c.end, *keys]
    return keys
