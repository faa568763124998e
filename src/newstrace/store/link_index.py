"""The link index in the database: what link steps keep between runs (quote embeddings).

Implements :class:`newstrace.link.index.LinkIndex` over the ``quote_vectors`` table. A vector is
stored under a hash of the model's name and the text it embeds, so it is reused by every later
link run (and by every quote with the same text), and never by another model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import sqlalchemy as sa

from newstrace.link.index import Vector
from newstrace.store import schema
from newstrace.store.db import IN_CHUNK, Store

__all__ = ["StoredLinkIndex"]

FLOAT32 = np.dtype("<f4")


class StoredLinkIndex:
    """The link index of ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def vectors(self, keys: Sequence[str]) -> dict[str, Vector]:
        """The stored vectors of those ``keys`` that have one."""
        table = schema.quote_vectors
        found: dict[str, Vector] = {}
        with self.store.engine.connect() as conn:
            for start in range(0, len(keys), IN_CHUNK):
                chunk = keys[start : start + IN_CHUNK]
                query = sa.select(table.c.key, table.c.vector).where(table.c.key.in_(chunk))
                for key, blob in conn.execute(query):
                    found[key] = np.frombuffer(blob, dtype=FLOAT32).astype(np.float32)
        return found

    def save_vectors(self, vectors: Mapping[str, Vector]) -> None:
        """Store vectors whose key is not stored yet."""
        if not vectors:
            return
        table = schema.quote_vectors
        stored = self.vectors(list(vectors))
        rows = [
            {"key": key, "vector": np.asarray(vector, dtype=FLOAT32).tobytes()}
            for key, vector in vectors.items()
            if key not in stored
        ]
        if rows:
            with self.store.engine.begin() as conn:
                conn.execute(sa.insert(table), rows)
