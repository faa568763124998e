"""Run options from a TOML file: the same fields, names and defaults as the Python API.

Each table of the file is an options object of :class:`~newstrace.run.runner.RunOptions`
(``[ingest]``, ``[segment]``, ``[analyze]``, ``[analyze.quotes]``, ``[linking.copies]`` ...) and
each key one of its fields; anything left out keeps its documented default. An unknown table
or key, or a value of the wrong type, is a UsageError that names the file and the key.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
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

__all__ = [
    "load_run_options",
    "options_from_table",
    "options_reference",
    "options_to_table",
    "options_to_toml",
]

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


def options_to_toml(options: object, path: str = "") -> str:
    """``options`` as a TOML document (unset options as comments), readable by :func:`load_run_options`."""
    scalars: list[str] = []
    tables: list[str] = []
    for f in dataclasses.fields(options):  # type: ignore[arg-type]  # options is a dataclass
        value = getattr(options, f.name)
        if dataclasses.is_dataclass(value):
            tables.append(options_to_toml(value, f"{path}.{f.name}" if path else f.name))
        elif value is None:
            scalars.append(f"# {f.name} = (not set)")
        else:
            scalars.append(f"{f.name} = {_toml_value(value)}")
    head = [f"[{path}]"] if path else []
    return "\n".join([*head, *scalars, ""]) + "".join("\n" + t for t in tables)


def options_reference(options: object, path: str = "") -> str:
    """Markdown tables of every option, its default and its meaning (from the classes' docstrings)."""
    meanings = _attribute_docs(type(options))
    rows = []
    nested = []
    for f in dataclasses.fields(options):  # type: ignore[arg-type]  # options is a dataclass
        value = getattr(options, f.name)
        if dataclasses.is_dataclass(value):
            nested.append(options_reference(value, f"{path}.{f.name}" if path else f.name))
            continue
        default = "not set" if value is None else f"`{_toml_value(value)}`"
        rows.append(f"| `{f.name}` | {default} | {meanings.get(f.name, '')} |")
    title = f"### `[{path}]`" if path else "### The run (top level)"
    table = "\n".join([title, "", "| option | default | meaning |", "|---|---|---|", *rows, ""])
    return table + "".join("\n" + n for n in nested)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)


ATTRIBUTE = re.compile(r"^    (?P<names>\w+(?:, \w+)*): (?P<text>.*)$")


def _attribute_docs(kind: type) -> dict[str, str]:
    """The ``Attributes:`` section of a class docstring, by attribute name, as one line each."""
    doc = inspect.getdoc(kind) or ""
    found: dict[str, str] = {}
    names: list[str] = []
    for line in doc.partition("Attributes:")[2].splitlines():
        match = ATTRIBUTE.match(line)
        if match:
            names = match["names"].split(", ")
            found.update(dict.fromkeys(names, match["text"]))
        elif names and line.startswith("        "):
            found.update({n: f"{found[n]} {line.strip()}" for n in names})
    return {n: re.sub(r":\w+:`~?([\w.]+)`", r"`\1`", t).replace("``", "`") for n, t in found.items()}


def _value(hint: Any, value: object, where: str) -> object:
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
