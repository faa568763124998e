"""Fingerprints of an article for copy detection: its words, and MinHash LSH band keys per sentence.

Copies between news pages are often a shared passage of a few sentences, not a whole article, so
whole-document similarity misses them. Each sentence is a unit: its word
shingles get a MinHash (datasketch, ``affine32`` scheme), and the MinHash is cut into LSH bands.
Two articles that have a unit with the same key in some band become a candidate pair, which
:mod:`newstrace.link.align` then checks word by word.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newstrace.text.sentences import split_sentences

__all__ = ["Fingerprinter", "Words", "shingle_hashes", "words_of"]

WORD = re.compile(r"\w+")
# Odd 64-bit multipliers (from splitmix64) that fold a band's rows into one key.
_FOLD = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)
_SHINGLE_MUL = np.uint32(0x01000193)  # FNV-1a prime: combines word hashes into a shingle hash

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: word ``i`` is ``text[starts[i]:ends[i]]``, ``hashes[i]`` its lowercase hash."""

    hashes: U32
    starts: I64
    ends: I64

    def __len__(self) -> int:
        return len(self.hashes)


def words_of(text: str) -> Words:
    """The words (runs of letters, digits and ``_``) of ``text``, hashed case-insensitively.

    Apostrophes and quote marks split words the same way on both sides of a copy, so curly
    and straight quotes make no difference.
    """
    lowered = text.lower()
    source = lowered if len(lowered) == len(text) else text  # lower() may change lengths (rare)
    matches = list(WORD.finditer(source))
    crc = zlib.crc32
    if source is lowered:
        hashes = [crc(m.group().encode("utf-8", "surrogatepass")) for m in matches]
    else:
        hashes = [crc(m.group().lower().encode("utf-8", "surrogatepass")) for m in matches]
    return Words(
        np.array(hashes, dtype=np.uint32),
        np.array([m.start() for m in matches], dtype=np.int64),
        np.array([m.end() for m in matches], dtype=np.int64),
    )


def _fmix32(values: U32) -> U32:
    """MurmurHash3's 32-bit finalizer (the pre-mix of datasketch's affine32 scheme)."""
    h = values.astype(np.uint32, copy=True)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def shingle_hashes(hashes: U32, k: int) -> U32:
    """Hash of each run of ``k`` consecutive words (``len(hashes) - k + 1`` of them)."""
    if len(hashes) < k:
        return np.empty(0, dtype=np.uint32)
    out = hashes[: len(hashes) - k + 1].copy()
    for offset in range(1, k):
        out = out * _SHINGLE_MUL ^ hashes[offset : len(hashes) - k + 1 + offset]
    return out


class Fingerprinter:
    """LSH band keys of the sentences of texts (one per sentence and band).

    Args:
        shingle_words: words per shingle.
        bands, rows: LSH bands of ``rows`` MinHash values each (``bands * rows`` permutations).
        min_unit_words: sentences with fewer words get no keys (too little to tell a copy).
        seed: the MinHash permutation seed (keys are comparable only under the same seed).
    """

    def __init__(self, shingle_words: int, bands: int, rows: int, min_unit_words: int, seed: int) -> None:
        if not 1 <= rows <= len(_FOLD):
            raise ValueError(f"rows must be 1..{len(_FOLD)}, got {rows}")
        self.shingle_words = shingle_words
        self.bands, self.rows = bands, rows
        self.min_unit_words = max(min_unit_words, shingle_words)
        self.seed = seed
        from datasketch import MinHash  # noqa: PLC0415  # imports scipy (~1 s): only when linking

        self._permutations: tuple[U32, U32]
        self._permutations = MinHash(num_perm=bands * rows, seed=seed).permutations

    def keys(self, text: str) -> U64:
        """An array (sentences x bands) of band keys; sentences too short are left out."""
        words = words_of(text)
        shingles = shingle_hashes(words.hashes, self.shingle_words)
        units = [u for u in self._units(text, words) if u[1] - u[0] >= self.min_unit_words]
        if not units:
            return self._band_keys(np.empty((0, self.bands * self.rows), dtype=np.uint64))
        return self._band_keys(self._minhashes(shingles, units).astype(np.uint64))

    def _units(self, text: str, words: Words) -> list[tuple[int, int]]:
        """Word index ranges ``[first, last)`` of the sentences of ``text``."""
        if not len(words):
            return []
        sentences = split_sentences(text)
        starts = np.searchsorted(words.starts, [s.start for s in sentences], side="left")
        ends = np.searchsorted(words.ends, [s.end for s in sentences], side="right")
        return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True) if b > a]

    def _minhashes(self, shingles: U32, units: list[tuple[int, int]]) -> U32:
        """The MinHash values (units x permutations) of each unit's shingles, all at once.

        The same values as datasketch's ``MinHash(scheme="affine32").update_batch`` per unit
        (its MurmurHash3 pre-mix, then ``a * h + b`` modulo 2**32, then the minimum), computed
        for every shingle of the text in one array and reduced per unit.
        """
        a, b = self._permutations
        mixed = _fmix32(shingles)
        permuted = mixed[:, None] * a[None, :].astype(np.uint32) + b[None, :].astype(np.uint32)
        # one spare row, so that a unit ending at the last shingle has a valid end index
        padded = np.vstack([permuted, np.zeros((1, permuted.shape[1]), dtype=np.uint32)])
        bounds = np.array(
            [i for first, last in units for i in (first, last - self.shingle_words + 1)], dtype=np.intp
        )
        values: U32 = np.minimum.reduceat(padded, bounds, axis=0)[::2]
        return values

    def _band_keys(self, values: U64) -> U64:
        """One 64-bit key per sentence and band, folding the band's ``rows`` MinHash values."""
        bands = values.reshape(len(values), self.bands, self.rows)
        keys = np.zeros((len(values), self.bands), dtype=np.uint64)
        for row in range(self.rows):
            keys = (keys ^ bands[:, :, row]) * _FOLD[row]
        return keys
