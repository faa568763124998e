"""The layout holds: layers import only downward, no import cycle, modules and functions stay small.

The import graph is read from the source with ``ast`` (imports under ``TYPE_CHECKING`` and inside
functions count too: a cycle hidden there is still a cycle for the reader).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstrace.graph import CircularNeeds, order_by_needs

SRC = Path(__file__).resolve().parents[1] / "src" / "newstrace"

# The layers, lowest first: a module may import from its own layer and the layers below it.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"model", "errors", "ids", "graph", "registry", "lazy_names", "text"}),
    frozenset({"ingest"}),
    frozenset({"segment"}),
    frozenset({"analyze"}),
    frozenset({"link"}),
    frozenset({"store"}),
    frozenset({"run"}),
    frozenset({"export"}),
    frozenset({"query", "serve"}),
    frozenset({"cli", "__main__"}),
)
MAX_MODULE_LINES = 450  # issue 10: a module holds one concept; past this it holds two
MAX_FUNCTION_LINES = 60  # a function longer than a screen is a pipeline that wants its own steps
# File names that several packages use on purpose: each package's own contract and options, and the
# step module of each analysis family (quotes, entities). A CLI module is named by its command.
SHARED_NAMES = frozenset({"__init__.py", "step.py", "options.py", "extract.py"})


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[str]:
    """The newstrace modules that module ``name`` imports (absolute or relative)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for imported in targets:
            found = imported
            while found and found not in MODULES:
                found = found.rpartition(".")[0]
            if found not in ("", name, "newstrace"):
                yield found


GRAPH = {name: sorted(set(_imports(name, path))) for name, path in MODULES.items()}


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else ""
    for level, names in enumerate(LAYERS):
        if top in names:
            return level
    raise AssertionError(f"{module} belongs to no layer: add its package to LAYERS")


def test_no_import_cycle() -> None:
    try:
        order_by_needs(list(GRAPH), lambda m: m, lambda m: GRAPH[m])
    except CircularNeeds as exc:
        pytest.fail(f"an import cycle: {exc}")


def test_layers_import_only_downward() -> None:
    upward = [
        f"{m} (layer {_layer(m)}) imports {t} (layer {_layer(t)})"
        for m, targets in GRAPH.items()
        if m != "newstrace"
        for t in targets
        if _layer(t) > _layer(m)
    ]
    assert upward == []


def test_modules_stay_small() -> None:
    long = {
        m: n
        for m, p in MODULES.items()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_functions_stay_short() -> None:
    long: list[str] = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {lines} lines")
    assert long == []


def test_module_file_names_do_not_clash() -> None:
    seen: dict[str, list[str]] = {}
    for module, path in MODULES.items():
        if path.name not in SHARED_NAMES and not module.startswith("newstrace.cli."):
            seen.setdefault(path.name, []).append(str(path.relative_to(SRC)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from newstrace.model import Quote", ["newstrace.model"]),
        ("import newstrace.text.dates", ["newstrace.text.dates"]),
        ("from newstrace.analyze.quotes import extract", ["newstrace.analyze.quotes.extract"]),
        ("import json", []),
    ],
)
def test_imports_are_read(source: str, expected: list[str], tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source, encoding="utf-8")
    assert sorted(set(_imports("newstrace.probe", probe))) == expected
