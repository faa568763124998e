"""all-MiniLM-L6-v2 on the CPU: the model's BERT encoder, mean pooling and L2 normalisation (the
three modules of its ``modules.json``), read from the pinned package's ``model.safetensors``.

The encoder is six small layers written here with NumPy. Why not transformers' ``BertModel``, or
torch: importing torch costs 1.1 s CPU (3.8 s on a loaded machine) in every process that embeds,
more than encoding the quotations of a typical run, and NumPy's single-threaded OpenBLAS matrix
products are as fast as torch's here; the vectors are the same (they agree with ``BertModel`` to
1e-6; tests/link/test_minilm.py compares the two).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

__all__ = ["DIMENSIONS", "MiniLM", "erf"]

log = logging.getLogger(__name__)

F32 = npt.NDArray[np.float32]
DIMENSIONS = 384
HEADS = 12  # config.json: num_attention_heads
LAYERS = 6  # config.json: num_hidden_layers
LAYER_NORM_EPS = 1e-12  # config.json: layer_norm_eps
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json): longer texts are cut
BATCH = 32  # sentences per forward pass (measured here: ~12 ms a sentence on CPU at this size)
# Padded token positions (texts x the longest) per forward pass: attention works on the padded
# batch, its cost grows with texts x longest^2. PolNeAR dev's quotations: batches of 32 made 984k
# attention cells for the 301k of the texts alone, batches within 1,024 positions 431k (9 batches
# instead of 7); encoding them took 4.2 s CPU, then 3.4 s (loaded machine).
BATCH_POSITIONS = 1024
# BLAS threads while encoding. One thread: threads spin on small matrices on a 2-core machine shared
# with other jobs (torch's encoder took 2.1 s CPU with 1 thread, 6.7 s with 2 on PolNeAR dev's quotes).
BLAS_THREADS = 1
# Token rows of the feed-forward block computed together: its 1,536-wide inner activations for
# this many rows (1.5 MB) stay in the CPU's cache through the GELU's dozen array passes
# (measured: 256 rows 2.5x faster than a whole batch of 32 sentences at once).
FEED_FORWARD_ROWS = 256
# erf(x) = x P(x^2) / Q(x^2) on [-4, 4] (Eigen's float rational approximation; |erf(4)| is 1 to
# 2e-8): within 4e-7 of math.erf everywhere (tests/link/test_minilm.py checks), float32's noise.
ERF_CLIP = 4.0
ERF_P = (
    -2.72614225801306e-10,
    2.77068142495902e-08,
    -2.10102402082508e-06,
    -5.69250639462346e-05,
    -7.34990630326855e-04,
    -2.95459980854025e-03,
    -1.60960333262415e-02,
)
ERF_Q = (
    -1.45660718464996e-05,
    -2.13374055278905e-04,
    -1.68282697438203e-03,
    -7.37332916720468e-03,
    -1.42647390514189e-02,
)


def erf(x: F32) -> F32:
    """The error function of each value of ``x`` (float32), by :data:`ERF_P` / :data:`ERF_Q`."""
    t = np.clip(x, np.float32(-ERF_CLIP), np.float32(ERF_CLIP))
    squared = t * t
    p = np.full_like(t, ERF_P[0])
    for c in ERF_P[1:]:
        p *= squared
        p += np.float32(c)
    q = np.full_like(t, ERF_Q[0])
    for c in ERF_Q[1:]:
        q *= squared
        q += np.float32(c)
    p *= t
    p /= q
    return p


def _gelu(x: F32) -> F32:
    """The exact (erf) GELU of ``x``, in place: x * (1 + erf(x / sqrt 2)) / 2."""
    factor = erf(x * np.float32(1 / np.sqrt(2)))
    factor += np.float32(1)
    factor *= np.float32(0.5)
    x *= factor
    return x


def _batches(order: list[int], lengths: list[int]) -> Iterator[list[int]]:
    """``order`` (texts by decreasing length) cut into batches of at most ``BATCH`` texts whose
    padded size (texts x the first one's length) is at most ``BATCH_POSITIONS`` (or one text)."""
    batch: list[int] = []
    for number in order:
        if batch and (len(batch) == BATCH or (len(batch) + 1) * lengths[batch[0]] > BATCH_POSITIONS):
            yield batch
            batch = []
        batch.append(number)
    if batch:
        yield batch


def _padded(rows: F32, real: npt.NDArray[np.bool_]) -> F32:
    """``rows`` (one per token) laid out at the ``real`` rows of the padded batch; zeros between."""
    out = np.zeros((len(real), rows.shape[1]), dtype=np.float32)
    out[real] = rows
    return out


class MiniLM:
    """Unit-length sentence vectors (384 dimensions) from the model files in ``folder``."""

    def __init__(self, folder: Path) -> None:
        weights: dict[str, F32] = load_file(str(folder / "model.safetensors"))
        # the dense layers' (outputs x inputs) matrices laid out as (inputs x outputs), for x @ W
        self.weights = {
            k: v.T.copy() if v.ndim == 2 and k.startswith("encoder.") else v for k, v in weights.items()
        }
        self.tokenizer: Tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # each batch is padded by _batch, to its longest text

    def encode(self, texts: Sequence[str]) -> F32:
        """Unit-length embeddings of ``texts``, in batches of texts of about the same number of tokens.

        Batches are cut from the texts sorted by their token count, so little of a batch is padding
        (only attention pays for padding, see :meth:`_batch`), and hold at most ``BATCH`` texts and
        ``BATCH_POSITIONS`` padded token positions: the few long quotations go in small batches.
        """
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        encoded = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(texts)), key=lambda i: -len(encoded[i]))
        with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
            for rows in _batches(order, [len(e) for e in encoded]):
                out[rows] = self._batch([encoded[i] for i in rows])
        return out

    def _batch(self, encoded: list[list[int]]) -> F32:
        """Vectors of token id lists, padded (id 0, masked out) to the longest of them.

        Only attention needs the texts side by side: every other step works on one token at a
        time, so it runs on the tokens alone (``real``), not on the padding. On PolNeAR dev's
        quotations that is 6,107 rows instead of 9,562 for the dense layers (most of the CPU).
        """
        longest = max(len(e) for e in encoded)
        ids = np.array([e + [0] * (longest - len(e)) for e in encoded], dtype=np.int64)
        mask = np.array([[1.0] * len(e) + [0.0] * (longest - len(e)) for e in encoded], dtype=np.float32)
        real = mask.reshape(-1) > 0  # the rows of (text, position) that hold a token
        hidden = self._embeddings(ids).reshape(len(encoded) * longest, DIMENSIONS)[real]
        bias = ((np.float32(1) - mask) * np.finfo(np.float32).min)[:, None, None, :]  # padding: no attention
        for layer in range(LAYERS):
            hidden = self._layer(f"encoder.layer.{layer}.", hidden, bias, real)
        weights = mask[:, :, None]
        summed = (_padded(hidden, real).reshape(len(encoded), longest, DIMENSIONS) * weights).sum(1)
        pooled = summed / np.maximum(weights.sum(1), np.float32(1e-9))
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        vectors: F32 = (pooled / norms).astype(np.float32)
        return vectors

    def _embeddings(self, ids: npt.NDArray[np.int64]) -> F32:
        w = self.weights
        summed = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: ids.shape[1]][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return self._norm("embeddings.LayerNorm.", summed)

    def _layer(self, name: str, hidden: F32, bias: F32, real: npt.NDArray[np.bool_]) -> F32:
        attention = self._attention(name + "attention.", hidden, bias, real)
        hidden = self._norm(name + "attention.output.LayerNorm.", hidden + attention)
        out = np.empty_like(hidden)
        for at in range(0, len(hidden), FEED_FORWARD_ROWS):
            rows = hidden[at : at + FEED_FORWARD_ROWS]
            inner = _gelu(self._dense(name + "intermediate.dense.", rows))
            out[at : at + FEED_FORWARD_ROWS] = self._dense(name + "output.dense.", inner)
        out += hidden
        return self._norm(name + "output.LayerNorm.", out)

    def _attention(self, name: str, hidden: F32, bias: F32, real: npt.NDArray[np.bool_]) -> F32:
        """Self-attention of the tokens ``hidden`` (the ``real`` rows of the padded batch)."""
        batch, length = bias.shape[0], bias.shape[3]
        size = DIMENSIONS // HEADS

        def heads(part: str) -> F32:
            projected = _padded(self._dense(f"{name}self.{part}.", hidden), real)
            return projected.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        query = heads("query")
        query *= np.float32(1 / np.sqrt(size))
        scores = query @ heads("key").transpose(0, 1, 3, 2)
        scores += bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        mixed = (scores @ heads("value")).transpose(0, 2, 1, 3).reshape(batch * length, DIMENSIONS)[real]
        return self._dense(name + "output.dense.", mixed.astype(np.float32, copy=False))  # float32 already

    def _dense(self, name: str, x: F32) -> F32:
        out: F32 = x @ self.weights[name + "weight"]
        out += self.weights[name + "bias"]
        return out

    def _norm(self, name: str, x: F32) -> F32:
        centred: F32 = x - x.mean(axis=-1, keepdims=True)
        variance = (centred * centred).mean(axis=-1, keepdims=True)
        centred /= np.sqrt(variance + np.float32(LAYER_NORM_EPS))
        centred *= self.weights[name + "weight"]
        centred += self.weights[name + "bias"]
        return centred
