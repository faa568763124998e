"""Run options from a TOML file: the same fields, names and defaults as the Python API.

Each table of the file is an options object of :class:`~newstrace.run.runner.RunOptions`
(``[ingest]``, ``[segment]``, ``[analyze]``, ``[analyze.quotes]``, ``[linking.copies]`` ...) and
each key one of its fields; anything left out keeps its documented default. An unknown table
or key, or a value of the wrong type, is a UsageError that names the file and the key.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newstrace.errors import UsageError
from newstrace.run.runner import RunOptions

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["load_run_options", "options_from_table", "options_to_table"]

Options = TypeVar("Options", bound="DataclassInstance")


def load_run_options(path: Path) -> RunOptions:
    """The RunOptions a TOML file describes."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read the config file {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path} is not valid TOML: {exc}") from exc
    return options_from_table(RunOptions, table, str(path))


def options_from_table(kind: type[Options], table: Mapping[str, object], where: str) -> Options:
    """An options dataclass of type ``kind`` built from a (TOML) table; ``where`` names it in errors."""
    fields = {f.name: f for f in dataclasses.fields(kind)}
    hints = typing.get_type_hints(kind)
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in fields:
            known = ", ".join(fields)
            raise UsageError(f"{where}: unknown option {key!r} (known here: {known})")
        values[key] = _value(hints[key], value, f"{where}: {key}")
    return kind(**values)


def options_to_table(options: DataclassInstance) -> dict[str, object]:
    """The TOML table of an options object (tuples as lists; None values left out)."""
    table: dict[str, object] = {}
    for f in dataclasses.fields(options):
        value = getattr(options, f.name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            table[f.name] = options_to_table(value)
        elif isinstance(value, tuple):
            table[f.name] = list(value)
        elif value is not None:
            table[f.name] = value
    return table


def _value(hint: Any, value: object, where: str) -> object:  # Any: a runtime type hint
    """``value`` converted to the field type ``hint``, or a UsageError."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, Mapping):
            raise UsageError(f"{where} must be a table")
        return options_from_table(hint, value, where)
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        hint = next(a for a in args if a is not type(None))
        args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple:
        if not isinstance(value, list) or not all(isinstance(v, args[0]) for v in value):
            raise UsageError(f"{where} must be a list of {args[0].__name__}")
        return tuple(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        raise UsageError(f"{where} must be a {hint.__name__}, not {value!r}")
    return value
