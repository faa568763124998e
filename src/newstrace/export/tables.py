"""One table per record type, as CSV files or Parquet files, and back.

Each table holds the fields of one model dataclass. In Parquet, nested records and lists keep
their structure (struct and list columns). CSV is flat: a nested record becomes prefixed
columns (``speaker_mention_start``...), a list becomes a JSON string, and a missing value is an
empty cell. ``read_tables`` rebuilds the same records from either format, so an export can be
checked against the store it came from.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

import pyarrow as pa
import pyarrow.parquet as pq

from newstrace.export.view import CorpusView, cluster_of
from newstrace.model import (
    AnalysisWarning,
    Article,
    Copy,
    DateMention,
    Entity,
    Error,
    Event,
    EventMention,
    Fact,
    Quote,
    QuoteCluster,
)
from newstrace.store.records import from_row, to_row

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["TABLES", "Table", "read_tables", "table_rows", "write_csv", "write_parquet"]


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the export: its file stem, record type, and how to take its records from a view."""

    name: str
    cls: type[DataclassInstance]
    records: Callable[[CorpusView], Sequence[DataclassInstance]]


def _quotes(view: CorpusView) -> list[Quote]:
    clusters = cluster_of(view.links)
    return [dataclasses.replace(q, cluster=clusters.get(q.id)) for f in view.findings for q in f.quotes]


TABLES: tuple[Table, ...] = (
    Table("articles", Article, lambda v: [f.article for f in v.findings]),
    Table("quotes", Quote, _quotes),
    Table("dates", DateMention, lambda v: [d for f in v.findings for d in f.dates]),
    Table("facts", Fact, lambda v: [x for f in v.findings for x in f.facts]),
    Table("event_mentions", EventMention, lambda v: [e for f in v.findings for e in f.events]),
    Table("entities", Entity, lambda v: list(v.links.entities)),
    Table("events", Event, lambda v: list(v.links.events)),
    Table("copies", Copy, lambda v: list(v.links.copies)),
    Table("quote_clusters", QuoteCluster, lambda v: list(v.links.clusters)),
    Table("errors", Error, lambda v: list(v.errors)),
    Table("warnings", AnalysisWarning, lambda v: [w for f in v.findings for w in f.warnings]),
)


def table_rows(view: CorpusView) -> Iterator[tuple[Table, Sequence[DataclassInstance]]]:
    """Every table with its records."""
    for table in TABLES:
        yield table, table.records(view)


# ---------------------------------------------------------------------- CSV
def write_csv(view: CorpusView, folder: Path) -> list[Path]:
    """Write ``<table>.csv`` for every table into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, records in table_rows(view):
        path = folder / f"{table.name}.csv"
        columns = _flat_columns(table.cls)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(_flatten(table.cls, to_row(r)) for r in records)
        written.append(path)
    return written


def _flat_columns(cls: type[DataclassInstance], prefix: str = "") -> list[str]:
    hints = typing.get_type_hints(cls)
    columns: list[str] = []
    for f in dataclasses.fields(cls):
        inner = _unwrap(hints[f.name])
        if _is_record(inner):
            columns += _flat_columns(inner, f"{prefix}{f.name}_")
        else:
            columns.append(prefix + f.name)
    return columns


# Any: each field's value (JSON-ready, as to_row makes it)
def _flatten(cls: type[DataclassInstance], row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        inner, value = _unwrap(hints[f.name]), row.get(f.name)
        if _is_record(inner):
            out |= _flatten(inner, value or {}, f"{prefix}{f.name}_")
        elif isinstance(value, list):
            out[prefix + f.name] = json.dumps(value, ensure_ascii=False)
        else:
            out[prefix + f.name] = "" if value is None else value
    return out


def _unflatten(
    cls: type[DataclassInstance], cells: dict[str, str], prefix: str = ""
) -> dict[str, object] | None:
    hints = typing.get_type_hints(cls)
    if prefix and not any(v for k, v in cells.items() if k.startswith(prefix)):
        return None  # an absent nested record (a quote without a speaker mention)
    row: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        inner, key = _unwrap(hint), prefix + f.name
        if _is_record(inner):
            row[f.name] = _unflatten(inner, cells, key + "_")
        else:
            row[f.name] = _cell(inner, cells.get(key, ""), _optional(hint))
    return row


def _cell(hint: Any, text: str, optional: bool) -> object:  # Any: a runtime type hint
    if text == "" and (optional or hint is not str):
        return None
    if hint is bool:
        return text.lower() == "true"
    if hint is int:
        return int(text)
    if hint is float:
        return float(text)
    if typing.get_origin(hint) is tuple:
        return json.loads(text)
    return text


# ---------------------------------------------------------------------- Parquet
def write_parquet(view: CorpusView, folder: Path) -> list[Path]:
    """Write ``<table>.parquet`` for every table into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, records in table_rows(view):
        path = folder / f"{table.name}.parquet"
        schema = pa.schema([(f.name, _arrow_type(t)) for f, t in _field_types(table.cls)])
        pq.write_table(pa.Table.from_pylist([to_row(r) for r in records], schema=schema), path)
        written.append(path)
    return written


# Any: fields of any type, and runtime type hints (typing.get_type_hints gives Any)
def _field_types(cls: type[DataclassInstance]) -> list[tuple[dataclasses.Field[Any], Any]]:
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


def _arrow_type(hint: Any) -> pa.DataType:  # Any: a runtime type hint
    inner = _unwrap(hint)
    if _is_record(inner):
        return pa.struct([(f.name, _arrow_type(t)) for f, t in _field_types(inner)])
    if typing.get_origin(inner) is tuple:
        return pa.list_(_arrow_type(typing.get_args(inner)[0]))
    simple: dict[type, pa.DataType] = {
        str: pa.string(),
        int: pa.int64(),
        float: pa.float64(),
        bool: pa.bool_(),
    }
    return simple.get(inner, pa.string())


# ---------------------------------------------------------------------- reading back
def read_tables(folder: Path, fmt: str) -> dict[str, list[DataclassInstance]]:
    """The records of every table in ``folder`` (``fmt`` is ``csv`` or ``parquet``)."""
    out: dict[str, list[DataclassInstance]] = {}
    for table in TABLES:
        path = folder / f"{table.name}.{fmt}"
        if fmt == "csv":
            with path.open(encoding="utf-8", newline="") as fh:
                rows: Sequence[Mapping[str, object] | None] = [
                    _unflatten(table.cls, cells) for cells in csv.DictReader(fh)
                ]
        else:
            rows = pq.read_table(path).to_pylist()
        out[table.name] = [from_row(table.cls, row) for row in rows if row is not None]
    return out


def _unwrap(hint: Any) -> Any:  # Any: runtime type hints
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    if typing.get_origin(hint) is typing.Literal:
        return str
    return hint


def _optional(hint: Any) -> bool:  # Any: a runtime type hint
    return type(None) in typing.get_args(hint)


def _is_record(hint: Any) -> TypeGuard[type[DataclassInstance]]:  # Any: a runtime type hint
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)
