"""Map frozen record dataclasses to table columns and back.

Scalar fields become typed columns; nested records and tuples become JSON columns and are
rebuilt into the same dataclasses when read, so the library never sees a bare dict.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["columns_for", "from_row", "to_row"]

T = TypeVar("T", bound="DataclassInstance")
# Any: column types of several Python types
SCALARS: dict[type, type[sa.types.TypeEngine[Any]]] = {
    str: sa.Text,
    int: sa.Integer,
    float: sa.Float,
    bool: sa.Boolean,
}


def columns_for(
    cls: type[DataclassInstance], keys: tuple[str, ...], exclude: frozenset[str] = frozenset()
) -> list[sa.Column[Any]]:  # Any: columns of each field's type
    """Columns for the fields of dataclass ``cls``; ``keys`` form the primary key."""
    hints = typing.get_type_hints(cls)
    cols: list[sa.Column[Any]] = []
    for f in dataclasses.fields(cls):
        if f.name in exclude:
            continue
        inner, optional = _unwrap_optional(hints[f.name])
        sql_type = SCALARS.get(inner, sa.JSON) if isinstance(inner, type) else sa.JSON
        if _is_literal(inner):
            sql_type = sa.Text
        cols.append(
            sa.Column(
                f.name, sql_type(), primary_key=f.name in keys, nullable=optional and f.name not in keys
            )
        )
    return cols


# Any: each field's value, JSON-ready
def to_row(record: DataclassInstance, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A record as a column dict (nested records as JSON-ready dicts and lists)."""
    return {
        f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record) if f.name not in exclude
    }


# Any: a RowMapping (keys are names or columns) or an export's dict, values of each field's type
def from_row(cls: type[T], row: Mapping[Any, Any]) -> T:
    """Rebuild a record of type ``cls`` from a row made by :func:`to_row`."""
    hints = typing.get_type_hints(cls)
    values = {f.name: _build(hints[f.name], row[f.name]) for f in dataclasses.fields(cls) if f.name in row}
    return cls(**values)


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


# Any: a runtime type hint (typing.get_type_hints gives Any) and a JSON value of that type
def _build(hint: Any, value: Any) -> object:
    if value is None:
        return None
    inner, _ = _unwrap_optional(hint)
    if dataclasses.is_dataclass(inner) and isinstance(inner, type):
        return from_row(inner, value)
    if typing.get_origin(inner) is tuple:
        (item, *_rest) = typing.get_args(inner)
        return tuple(_build(item, v) for v in value)
    return value


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:  # Any: runtime type hints
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return (args[0] if len(args) == 1 else hint), True
    return hint, False


def _is_literal(hint: Any) -> bool:  # Any: a runtime type hint
    return typing.get_origin(hint) is typing.Literal
