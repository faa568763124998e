"""The database schema: one table per record type, declared from the model dataclasses.

Per-article records (quotes, entities as one article knows them, dates, facts) are owned by
their article and replaced with it; corpus records (merged entities, copies, quote clusters,
events) are rebuilt by each link run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from newstrace.model import (
    AnalysisWarning,
    Article,
    ArticleEntity,
    Copy,
    DateMention,
    Document,
    Entity,
    Error,
    Event,
    EventMention,
    Fact,
    Quote,
    QuoteCluster,
)
from newstrace.store.records import columns_for

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["ARTICLE_RECORDS", "CORPUS_RECORDS", "SCHEMA_VERSION", "TableSpec", "metadata", "tables"]

# Written into ``settings`` when a database is created and checked on every open. Adding a table
# keeps the version (create_all adds it to older files); changing or removing a column bumps it.
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How one record type is stored."""

    cls: type[DataclassInstance]
    table: sa.Table
    exclude: frozenset[str] = frozenset()


metadata = sa.MetaData()


def _spec(
    cls: type[DataclassInstance],
    name: str,
    keys: tuple[str, ...],
    *extra: sa.schema.SchemaItem,
    exclude: frozenset[str] = frozenset(),
) -> TableSpec:
    return TableSpec(cls, sa.Table(name, metadata, *columns_for(cls, keys, exclude), *extra), exclude)


settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
DOCUMENTS = _spec(
    Document,
    "documents",
    ("id",),
    sa.Column("analysis", sa.Text, nullable=False),
    sa.Index("ix_documents_source", "source"),
)
ARTICLES = _spec(Article, "articles", ("id",), sa.Index("ix_articles_document", "document"))
ERRORS = _spec(
    Error,
    "errors",
    (),
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("document", sa.Text, nullable=True),
    sa.Index("ix_errors_source", "source"),
)
QUOTES = _spec(
    Quote, "quotes", ("id",), sa.Index("ix_quotes_article", "article"), exclude=frozenset({"cluster"})
)
ARTICLE_ENTITIES = _spec(ArticleEntity, "article_entities", ("article", "kind", "name"))
DATES = _spec(DateMention, "dates", ("article", "start", "end"))
FACTS = _spec(Fact, "facts", ("id",), sa.Index("ix_facts_article", "article"))
EVENT_MENTIONS = _spec(
    EventMention, "event_mentions", ("id",), sa.Index("ix_event_mentions_article", "article")
)
WARNINGS = _spec(AnalysisWarning, "warnings", ("article", "stage", "start", "message"))
ENTITIES = _spec(Entity, "entities", ("id",))
COPIES = _spec(Copy, "copies", ("id",))
CLUSTERS = _spec(QuoteCluster, "quote_clusters", ("id",))
EVENTS = _spec(Event, "events", ("id",))

# ArticleFindings field name -> how its records are stored
ARTICLE_RECORDS: dict[str, TableSpec] = {
    "quotes": QUOTES,
    "entities": ARTICLE_ENTITIES,
    "dates": DATES,
    "facts": FACTS,
    "events": EVENT_MENTIONS,
    "warnings": WARNINGS,
}
# CorpusLinks field name -> how its records are stored
CORPUS_RECORDS: dict[str, TableSpec] = {
    "entities": ENTITIES,
    "copies": COPIES,
    "clusters": CLUSTERS,
    "events": EVENTS,
}


def tables() -> dict[str, sa.Table]:
    """Every table by name."""
    return dict(metadata.tables)
