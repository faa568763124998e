"""One table per record type, as CSV files or Parquet files, and back.

Each table holds the fields of one model dataclass. In Parquet, nested records and lists keep
their structure (struct and list columns). CSV is flat: a nested record becomes prefixed
columns (``speaker_mention_start``...), a list becomes a JSON string, and a missing value is an
empty cell. ``read_tables`` rebuilds the same records from either format, so an export can be
checked against the store it came from.
"""

from __future__ import annotations

import csv
import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newstrace.export.outputs import atomic_text, output_error, written_aside
from newstrace.export.view import CorpusView
from newstrace.registry import EXPORTED, RecordTable, fields_of, from_row, record_class, to_row, value_type

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["TABLES", "read_tables", "table_records", "table_rows", "write_csv", "write_parquet"]

TABLES = EXPORTED  # the registry's exported tables, in the order the export writes them


def table_records(table: RecordTable, view: CorpusView) -> list[Any]:
    """The records of ``table`` in ``view`` (quotes and facts as the view holds them, with their links)."""
    if table.holder == "article":
        return [f.article for f in view.findings]
    if table.holder == "findings":
        return [r for f in view.findings for r in getattr(f, table.field)]
    if table.holder == "links":
        return list(getattr(view.links, table.field))
    if table.holder == "errors":
        return list(view.errors)
    raise ValueError(f"the {table.name} table is not exported")


def table_rows(view: CorpusView) -> Iterator[tuple[RecordTable, list[Any]]]:
    """Every table with its records."""
    for table in TABLES:
        yield table, table_records(table, view)


# ---------------------------------------------------------------------- CSV
def write_csv(view: CorpusView, folder: Path) -> list[Path]:
    """Write ``<table>.csv`` for every table into ``folder``; returns the files written."""
    written = []
    for table, records in table_rows(view):
        path = folder / f"{table.name}.csv"
        columns = _flat_columns(table.cls)
        with atomic_text(path) as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(_flatten(table.cls, to_row(r)) for r in records)
        written.append(path)
    return written


def _flat_columns(cls: type, prefix: str = "") -> list[str]:
    columns: list[str] = []
    for f in fields_of(cls):
        record = record_class(f.type)
        if record is not None:
            columns += _flat_columns(record, f"{prefix}{f.name}_")
        else:
            columns.append(prefix + f.name)
    return columns


def _flatten(cls: type, row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields_of(cls):
        record, value = record_class(f.type), row.get(f.name)
        if record is not None:
            out |= _flatten(record, value or {}, f"{prefix}{f.name}_")
        elif isinstance(value, list):
            out[prefix + f.name] = json.dumps(value, ensure_ascii=False)
        else:
            out[prefix + f.name] = "" if value is None else value
    return out


def _unflatten(cls: type, cells: dict[str, str], prefix: str = "") -> dict[str, Any] | None:
    if prefix and not any(v for k, v in cells.items() if k.startswith(prefix)):
        return None  # an absent nested record (a quote without a speaker mention)
    row: dict[str, Any] = {}
    for f in fields_of(cls):
        record, key = record_class(f.type), prefix + f.name
        if record is not None:
            row[f.name] = _unflatten(record, cells, key + "_")
        else:
            row[f.name] = _cell(f.type, cells.get(key, ""), f.optional)
    return row


def _cell(hint: Any, text: str, optional: bool) -> Any:
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
    import pyarrow as pa  # noqa: PLC0415  # importing pyarrow costs ~0.1 s: only for Parquet
    import pyarrow.parquet as pq  # noqa: PLC0415

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(folder, exc) from exc
    written = []
    for table, records in table_rows(view):
        path = folder / f"{table.name}.parquet"
        schema = pa.schema([(f.name, _arrow_type(f.type)) for f in fields_of(table.cls)])
        with written_aside(path) as tmp:
            pq.write_table(pa.Table.from_pylist([to_row(r) for r in records], schema=schema), tmp)
        written.append(path)
    return written


def _arrow_type(kind: Any) -> pa.DataType:  # Any: a runtime type hint
    """The Arrow type of a field's value type: a struct for a record, a list for a tuple."""
    import pyarrow as pa  # noqa: PLC0415  # as in write_parquet

    record = record_class(kind)
    if record is not None:
        return pa.struct([(f.name, _arrow_type(f.type)) for f in fields_of(record)])
    if typing.get_origin(kind) is tuple:
        return pa.list_(_arrow_type(value_type(typing.get_args(kind)[0])))
    simple: dict[type, pa.DataType] = {
        str: pa.string(),
        int: pa.int64(),
        float: pa.float64(),
        bool: pa.bool_(),
    }
    return simple.get(kind, pa.string())


# ---------------------------------------------------------------------- reading back
def read_tables(folder: Path | str, fmt: str) -> dict[str, list[Any]]:
    """The records of every table in ``folder`` (``fmt`` is ``csv`` or ``parquet``)."""
    out: dict[str, list[Any]] = {}
    for table in TABLES:
        path = Path(folder) / f"{table.name}.{fmt}"
        rows: list[dict[str, Any] | None]
        if fmt == "csv":
            with path.open(encoding="utf-8", newline="") as fh:
                rows = [_unflatten(table.cls, cells) for cells in csv.DictReader(fh)]
        else:
            import pyarrow.parquet as pq  # noqa: PLC0415  # as in write_parquet

            rows = list(pq.read_table(path).to_pylist())
        out[table.name] = [from_row(table.cls, row) for row in rows if row is not None]
    return out
