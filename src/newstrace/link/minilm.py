"""all-MiniLM-L6-v2 on the CPU: the model's BERT encoder, mean pooling and L2 normalisation (the
three modules of its ``modules.json``), read from the pinned package's ``model.safetensors``.

The encoder is six small layers written here with torch's functional operations. Why not
transformers' ``BertModel``: importing transformers costs 2.3 s CPU in every process that embeds
(torch itself 1.1 s), more than encoding the quotations of a typical run; the vectors are the same
(they agree with ``BertModel`` to 3e-7; tests/link/test_minilm.py compares the two).

Importing this module imports torch: :func:`newstrace.link.semantic.load_embedder` does so only
when some quotation needs a vector.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
import torch.nn.functional as F  # noqa: N812  # torch's own convention
from safetensors.torch import load_file
from tokenizers import Tokenizer

__all__ = ["DIMENSIONS", "MiniLM"]

log = logging.getLogger(__name__)

DIMENSIONS = 384
HEADS = 12  # config.json: num_attention_heads
LAYERS = 6  # config.json: num_hidden_layers
LAYER_NORM_EPS = 1e-12  # config.json: layer_norm_eps
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json): longer texts are cut
BATCH = 32  # sentences per forward pass (measured here: ~12 ms a sentence on CPU at this size)
# torch threads while encoding. One thread: the 250 quotes PolNeAR dev compares took 2.1 s CPU in
# one call with 1 thread, 6.7 s with 2 (threads spin on small matrices; a 2-core machine shared
# with other jobs), and the vectors agree to 3e-7.
TORCH_THREADS = 1


class MiniLM:
    """Unit-length sentence vectors (384 dimensions) from the model files in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.weights: dict[str, torch.Tensor] = load_file(str(folder / "model.safetensors"))
        self.tokenizer: Tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # each batch is padded by _batch, to its longest text

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Unit-length embeddings of ``texts``, in batches of texts of about the same number of tokens.

        Batches are cut from the texts sorted by their token count, so little of a batch is padding:
        on PolNeAR dev's quotations, sorting by characters left 12,200 token positions for 7,643
        tokens, by tokens 7,700 (the encoder's cost grows with the positions).
        """
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        encoded = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(texts)), key=lambda i: -len(encoded[i]))
        threads = torch.get_num_threads()
        torch.set_num_threads(TORCH_THREADS)
        try:
            with torch.inference_mode():
                for start in range(0, len(order), BATCH):
                    rows = order[start : start + BATCH]
                    out[rows] = self._batch([encoded[i] for i in rows]).numpy()
        finally:
            torch.set_num_threads(threads)
        return out

    def _batch(self, encoded: list[list[int]]) -> torch.Tensor:
        """Vectors of token id lists, padded (id 0, masked out) to the longest of them."""
        longest = max(len(e) for e in encoded)
        ids = torch.tensor([e + [0] * (longest - len(e)) for e in encoded])
        mask = torch.tensor([[1.0] * len(e) + [0.0] * (longest - len(e)) for e in encoded])
        hidden = self._embeddings(ids)
        bias = ((1.0 - mask) * torch.finfo(torch.float32).min)[:, None, None, :]  # padding: no attention
        for layer in range(LAYERS):
            hidden = self._layer(f"encoder.layer.{layer}.", hidden, bias)
        weights = mask.unsqueeze(-1)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return F.normalize(pooled, p=2, dim=1)

    def _embeddings(self, ids: torch.Tensor) -> torch.Tensor:
        w = self.weights
        summed = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: ids.shape[1]].unsqueeze(0)
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return self._norm("embeddings.LayerNorm.", summed)

    def _layer(self, name: str, hidden: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        attention = self._attention(name + "attention.", hidden, bias)
        hidden = self._norm(name + "attention.output.LayerNorm.", hidden + attention)
        inner = F.gelu(self._dense(name + "intermediate.dense.", hidden))  # exact (erf) GELU
        return self._norm(name + "output.LayerNorm.", hidden + self._dense(name + "output.dense.", inner))

    def _attention(self, name: str, hidden: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        batch, length, _ = hidden.shape
        size = DIMENSIONS // HEADS

        def heads(part: str) -> torch.Tensor:
            projected = self._dense(f"{name}self.{part}.", hidden)
            return projected.view(batch, length, HEADS, size).transpose(1, 2)

        # softmax(q k^T / sqrt(size) + bias) v in one fused operation: 20 % less CPU for the whole
        # encoder than the three steps written out (PolNeAR dev quotes), the same vectors to 1e-7
        context = F.scaled_dot_product_attention(heads("query"), heads("key"), heads("value"), attn_mask=bias)
        return self._dense(name + "output.dense.", context.transpose(1, 2).reshape(batch, length, DIMENSIONS))

    def _dense(self, name: str, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x, self.weights[name + "weight"], self.weights[name + "bias"])

    def _norm(self, name: str, x: torch.Tensor) -> torch.Tensor:
        return F.layer_norm(
            x, (DIMENSIONS,), self.weights[name + "weight"], self.weights[name + "bias"], LAYER_NORM_EPS
        )
