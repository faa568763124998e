"""The registry of record tables: every record type that is stored or exported, declared once.

Each :class:`RecordTable` names a model dataclass, its table (and export file stem), its key and
where a run's records of that type are held (a document, an article, its findings, the corpus
links, the errors). The store's schema (``store/schema.py``) and the CSV/Parquet export
(``export/tables.py``) are both built from :data:`RECORDS`, and both read a record's fields
through :func:`fields_of`. :func:`to_row` and :func:`from_row` turn a record into plain values
(nested records as dicts, tuples as lists) and back, for the database and every export.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

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

__all__ = [
    "EXPORTED",
    "RECORDS",
    "Holder",
    "RecordField",
    "RecordTable",
    "fields_of",
    "from_row",
    "record_class",
    "to_row",
    "value_type",
]

T = TypeVar("T")
# Where a run's records of a type are: the documents read, each ArticleFindings' ``article``, a
# field of ArticleFindings, a field of CorpusLinks, or the errors of the run.
Holder = Literal["documents", "article", "findings", "links", "errors"]


@dataclass(frozen=True, slots=True)
class RecordTable:
    """One record type and its table.

    ``field`` is the ArticleFindings or CorpusLinks field that holds the records (``holder``
    ``findings`` or ``links``); ``unstored`` are fields the store does not keep because another
    table gives them (a quote's cluster is in ``quote_clusters``, its speaker's entity follows from
    the corpus ``entities``): the export view sets them from the corpus links.
    """

    name: str
    cls: type
    keys: tuple[str, ...]
    holder: Holder
    field: str = ""
    unstored: frozenset[str] = frozenset()


# In the order of the database's tables (and of ``newstrace stats``): documents, articles and
# errors; each article's findings; the corpus links.
RECORDS: tuple[RecordTable, ...] = (
    RecordTable("documents", Document, ("id",), "documents"),
    RecordTable("articles", Article, ("id",), "article"),
    RecordTable("errors", Error, (), "errors"),  # the store keys them by a hash of all three fields
    RecordTable("quotes", Quote, ("id",), "findings", "quotes", frozenset({"cluster", "speaker_entity"})),
    RecordTable("article_entities", ArticleEntity, ("article", "kind", "name"), "findings", "entities"),
    RecordTable("dates", DateMention, ("article", "start", "end"), "findings", "dates"),
    RecordTable("facts", Fact, ("id",), "findings", "facts", frozenset({"asserted_by_entity"})),
    RecordTable("event_mentions", EventMention, ("id",), "findings", "events"),
    RecordTable(
        "warnings", AnalysisWarning, ("article", "stage", "start", "message"), "findings", "warnings"
    ),
    RecordTable("entities", Entity, ("id",), "links", "entities"),
    RecordTable("copies", Copy, ("id",), "links", "copies"),
    RecordTable("quote_clusters", QuoteCluster, ("id",), "links", "clusters"),
    RecordTable("events", Event, ("id",), "links", "events"),
)
# The tables the CSV and Parquet exports write, in the order they write and list them: articles
# and their findings, the corpus links, then errors and warnings. Documents are not exported (an
# article carries its document's metadata), nor the per-article entities (the corpus entities
# are, with their mentions).
EXPORTED: tuple[RecordTable, ...] = tuple(
    next(r for r in RECORDS if r.name == name)
    for name in (
        "articles",
        "quotes",
        "dates",
        "facts",
        "event_mentions",
        "entities",
        "events",
        "copies",
        "quote_clusters",
        "errors",
        "warnings",
    )
)


@dataclass(frozen=True, slots=True)
class RecordField:
    """A field of a record dataclass: its annotation, and its value type without ``| None``."""

    name: str
    hint: Any
    type: Any  # a Literal reads as str
    optional: bool


def fields_of(cls: type) -> tuple[RecordField, ...]:
    """The fields of record dataclass ``cls``, in order."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _FIELDS[cls] = tuple(
            RecordField(f.name, hints[f.name], value_type(hints[f.name]), _optional(hints[f.name]))
            for f in dataclasses.fields(cls)
        )
    return found


_FIELDS: dict[type, tuple[RecordField, ...]] = {}  # fields_of, reflected once per class


def value_type(hint: Any) -> Any:
    """``hint`` without ``| None``; a Literal of strings is ``str``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if len(args) == 1 else hint
    if typing.get_origin(hint) is typing.Literal:
        return str
    return hint


def record_class(value: Any) -> type | None:
    """The record dataclass a value type is, or None (a scalar, a tuple)."""
    return value if isinstance(value, type) and dataclasses.is_dataclass(value) else None


def to_row(record: object, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A record as a column dict (nested records as JSON-ready dicts and lists)."""
    return {name: _plain(getattr(record, name)) for name in _names(type(record)) if name not in exclude}


def from_row(cls: type[T], row: Mapping[Any, Any]) -> T:
    """Rebuild a record of type ``cls`` from a row made by :func:`to_row`."""
    if not isinstance(row, dict):  # a database row: a plain dict answers `in` and [] twice as fast
        row = dict(row)
    values = {
        name: row[name] if build is None else build(row[name]) for name, build in _readers(cls) if name in row
    }
    return cls(**values)


# Values that _plain and the readers pass through as they are: most columns of most rows.
_SCALARS = frozenset({str, int, float, bool, type(None)})
Reader = Callable[[Any], Any]


def _names(cls: type) -> tuple[str, ...]:
    """The field names of record dataclass ``cls``, in order (reflected once per class)."""
    found = _NAMES.get(cls)
    if found is None:
        found = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return found


def _readers(cls: type) -> tuple[tuple[str, Reader | None], ...]:
    """Each field of record dataclass ``cls`` with what rebuilds its value from a row (None: the
    value as it is), worked out from the field's type once per class, not once per row."""
    found = _READERS.get(cls)
    if found is None:
        found = _READERS[cls] = tuple((f.name, _reader(f.type)) for f in fields_of(cls))
    return found


# Reflection caches, like _FIELDS: what _names and _readers work out, once per class.
_NAMES: dict[type, tuple[str, ...]] = {}
_READERS: dict[type, tuple[tuple[str, Reader | None], ...]] = {}


def _reader(kind: Any) -> Reader | None:
    """What rebuilds a value of type ``kind`` from its row form: a nested record from its dict, a
    tuple from its list (its items rebuilt too); None for a value kept as it is. None stays None."""
    record = record_class(kind)
    if record is not None:
        return lambda value: None if value is None else from_row(record, value)
    if typing.get_origin(kind) is tuple:
        (item, *_rest) = typing.get_args(kind)
        inner = _reader(value_type(item))
        if inner is None:
            return lambda value: None if value is None else tuple(value)
        return lambda value: None if value is None else tuple(inner(v) for v in value)
    return None


def _plain(value: Any) -> Any:
    """``value`` as a row holds it: a nested record as a dict, a tuple or list as a list of plain
    values, anything else as it is."""
    if type(value) in _SCALARS:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in typing.get_args(hint)
