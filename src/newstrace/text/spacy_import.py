"""Importing spaCy without torch: thinc, which spaCy imports, imports torch when it can, for model
kinds newstrace never loads (en_core_web_sm is made of thinc's own layers), and importing torch
cost 1.1 s CPU of every process that imports spaCy (3.8 s on a loaded 2-core machine)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["torch_unseen"]


@contextmanager
def torch_unseen() -> Iterator[None]:
    """Within: ``import torch`` fails (thinc then goes on without it), unless torch is loaded
    already; afterwards torch imports as before."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # Python's mark for "cannot import"
    try:
        yield
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
