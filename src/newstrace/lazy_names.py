"""Names a package exports, imported from their modules on first use (PEP 562 ``__getattr__``).

A package's ``__init__`` that imports every module it exports makes importing any one of its
modules (``newstrace.analyze.options``, say) load them all, and with them spaCy's helpers, NumPy
and hundreds of compiled patterns: a run with nothing new to analyse paid a second for them.
A package instead sets ``__getattr__ = lazy_names(__name__, {...})`` and imports the names under
``TYPE_CHECKING`` for the type checker; ``from package import Name`` works as before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import MappingProxyType

__all__ = ["lazy_names"]


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``: each name of ``homes`` comes from the submodule
    ``homes[name]`` (relative to ``package``), imported when the name is first asked for."""
    fixed = MappingProxyType(dict(homes))

    def __getattr__(name: str) -> object:  # noqa: N807  # the name PEP 562 asks for
        home = fixed.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{home}"), name)

    return __getattr__
