"""The database schema: one table per record type of the registry (newstrace.registry).

Per-article records (quotes, entities as one article knows them, dates, facts) are owned by
their article and replaced with it; corpus records (merged entities, copies, quote clusters,
events) are rebuilt by each link run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from newstrace.registry import RECORDS, RecordTable, fields_of

__all__ = [
    "ARTICLE_RECORDS",
    "CORPUS_RECORDS",
    "SCHEMA_VERSION",
    "TableSpec",
    "copy_band_keys",
    "copy_pair_hits",
    "copy_pairs",
    "document_names",
    "link_index_metadata",
    "metadata",
    "quote_vectors",
    "tables",
]

# Written into ``settings`` when a database is created and checked on every open. Adding a table
# keeps the version (create_all adds it to older files); changing or removing a column bumps it.
SCHEMA_VERSION = 2  # 2: events gained names, figures and ranges
SCALARS: dict[type, type[sa.types.TypeEngine[Any]]] = {
    str: sa.Text,
    int: sa.Integer,
    float: sa.Float,
    bool: sa.Boolean,
}


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How one record type is stored: its registry entry and its table."""

    record: RecordTable
    table: sa.Table

    @property
    def cls(self) -> type:
        """The record dataclass of a row."""
        return self.record.cls

    @property
    def exclude(self) -> frozenset[str]:
        """The record's fields the table does not keep."""
        return self.record.unstored


metadata = sa.MetaData()
settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
# Other names a stored document was given under: the same content read again from another path,
# folder or stream is not stored twice, and this table notes that it was seen there.
document_names = sa.Table(
    "document_names",
    metadata,
    sa.Column("document", sa.Text, primary_key=True),
    sa.Column("source", sa.Text, primary_key=True),
)
# The link index (store/link_index.py) has tables of its own metadata: they are created when a
# corpus is first linked, so a database only read, or only stored into, does not carry them.
link_index_metadata = sa.MetaData()
# A quotation's sentence embedding, under a hash of the
# model's name and the quote's text, kept so a later link run does not encode it again.
quote_vectors = sa.Table(
    "quote_vectors",
    link_index_metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("vector", sa.LargeBinary, nullable=False),  # float32, little-endian
)
# An article's sentence band keys (link/copy_index.py), with the settings hash of the options that
# made them and the analysis hash of its document when they were made (they hold while it holds).
copy_band_keys = sa.Table(
    "copy_band_keys",
    link_index_metadata,
    sa.Column("article", sa.Text, primary_key=True),
    sa.Column("setting", sa.Text, nullable=False),
    sa.Column("analysis", sa.Text, nullable=False),
    sa.Column("sentences", sa.Integer, nullable=False),
    sa.Column("hashes", sa.LargeBinary, nullable=False),  # uint64 keys, little-endian, sentences x bands
)
# The candidate pairs the last link run verified, with their copies (JSON rows of Copy).
copy_pairs = sa.Table(
    "copy_pairs",
    link_index_metadata,
    sa.Column("a", sa.Text, primary_key=True),
    sa.Column("b", sa.Text, primary_key=True),
    sa.Column("setting", sa.Text, nullable=False),
    sa.Column("copies", sa.JSON, nullable=False),
)
# How many (sentence, band) places each pair of copy_pairs shares (link/added_pairs.py updates them).
copy_pair_hits = sa.Table(
    "copy_pair_hits",
    link_index_metadata,
    sa.Column("a", sa.Text, primary_key=True),
    sa.Column("b", sa.Text, primary_key=True),
    sa.Column("hits", sa.Integer, nullable=False),
)
# What the store adds to the columns of a record's fields: columns of its own and indexes.
EXTRA: dict[str, tuple[Any, ...]] = {
    "documents": (
        sa.Column("analysis", sa.Text, nullable=False),  # the settings hash it was analysed with
        sa.Index("ix_documents_source", "source"),
    ),
    "articles": (sa.Index("ix_articles_document", "document"),),
    "errors": (
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("document", sa.Text, nullable=True),
        sa.Index("ix_errors_source", "source"),
    ),
    "quotes": (sa.Index("ix_quotes_article", "article"),),
    "facts": (sa.Index("ix_facts_article", "article"),),
    "event_mentions": (sa.Index("ix_event_mentions_article", "article"),),
}


def columns_for(record: RecordTable) -> list[sa.Column[Any]]:
    """Columns for the stored fields of a record: scalars typed, nested records and tuples JSON."""
    cols: list[sa.Column[Any]] = []
    for f in fields_of(record.cls):
        if f.name in record.unstored:
            continue
        sql_type = SCALARS.get(f.type, sa.JSON) if isinstance(f.type, type) else sa.JSON
        key = f.name in record.keys
        cols.append(sa.Column(f.name, sql_type(), primary_key=key, nullable=f.optional and not key))
    return cols


SPECS: dict[str, TableSpec] = {
    r.name: TableSpec(r, sa.Table(r.name, metadata, *columns_for(r), *EXTRA.get(r.name, ()))) for r in RECORDS
}
DOCUMENTS = SPECS["documents"]
ARTICLES = SPECS["articles"]
ERRORS = SPECS["errors"]

# ArticleFindings field name -> how its records are stored
ARTICLE_RECORDS: dict[str, TableSpec] = {r.field: SPECS[r.name] for r in RECORDS if r.holder == "findings"}
# CorpusLinks field name -> how its records are stored
CORPUS_RECORDS: dict[str, TableSpec] = {r.field: SPECS[r.name] for r in RECORDS if r.holder == "links"}


# The full-text index's tables (SQLite FTS5 virtual tables and their shadow tables) start with this.
FTS_PREFIX = "fts_"


def tables() -> dict[str, sa.Table]:
    """Every table by name."""
    return dict(metadata.tables)
