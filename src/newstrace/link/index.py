"""What link steps keep between runs: the protocol of the store's link index.

Some of what a link step computes from an article does not change while the article does not:
a quotation's sentence embedding, for one. The store keeps it (``store/link_index.py``
implements :class:`LinkIndex`), so a later link run reads it instead of computing it again.
Link steps see only this protocol: the link layer does not import the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["LinkIndex", "Vector"]

Vector = npt.NDArray[np.float32]


class LinkIndex(Protocol):
    """Vectors stored under keys (a hash of the model's name and the text embedded)."""

    def vectors(self, keys: Sequence[str]) -> dict[str, Vector]:
        """The stored vectors of those ``keys`` that have one."""
        ...

    def save_vectors(self, vectors: Mapping[str, Vector]) -> None:
        """Store vectors (a key stored already keeps its vector)."""
        ...
