"""Names that packages import on first use (newstrace/lazy_names.py) are the objects of their modules."""

from __future__ import annotations

import importlib
import json.decoder
import json.encoder
import pkgutil
import types

import pytest

from newstrace.lazy_names import lazy_names

# The packages whose ``__init__`` exports names it imports on first use.
LAZY_PACKAGES = (
    "newstrace.analyze",
    "newstrace.export",
    "newstrace.ingest",
    "newstrace.link",
    "newstrace.query",
    "newstrace.segment",
)


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_no_exported_name_is_a_module(package: str) -> None:
    """Every exported name is found, before and after every submodule is imported: a submodule,
    once imported, is an attribute of its package, so a name looked up on first use must not be
    the name of a submodule (``query.overview`` is imported at once for that reason)."""
    module = importlib.import_module(package)
    before = {name: getattr(module, name) for name in module.__all__}
    for info in pkgutil.iter_modules(module.__path__):
        importlib.import_module(f"{package}.{info.name}")
    after = {name: getattr(module, name) for name in module.__all__}
    assert before == after
    assert [n for n, v in after.items() if isinstance(v, types.ModuleType)] == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("JSONDecoder", json.decoder.JSONDecoder), ("JSONEncoder", json.encoder.JSONEncoder), ("loads", None)],
)
def test_lazy_names_finds_each_name_in_its_module(name: str, expected: type | None) -> None:
    lookup = lazy_names("json", {"JSONDecoder": "decoder", "JSONEncoder": "encoder"})
    if expected is None:
        with pytest.raises(AttributeError, match="has no attribute 'loads'"):
            lookup(name)
        return
    assert lookup(name) is expected
