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
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newstrace.text.sentences import sentence_breaks

__all__ = ["Fingerprinter", "Words", "affine32_permutations", "shingle_hashes", "words_of"]

WORD = re.compile(r"\w+")
# Odd 64-bit multipliers (from splitmix64) that fold a band's rows into one key.
_FOLD = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)
_SHINGLE_MUL = np.uint32(0x01000193)  # FNV-1a prime: combines word hashes into a shingle hash
# Texts fingerprinted in one array pass: a few share the passes' overhead; more make arrays that
# outgrow the CPU caches (bench/copies.py texts: 4-8 at a time took 0.9 of the time of one at a
# time; 64 took 1.3 and 256 took 1.6).
TEXTS_PER_PASS = 8
_ASCII_WORD = np.array([WORD.fullmatch(chr(c)) is not None for c in range(128)], dtype=np.int8)
_ASCII_WORD.flags.writeable = False

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
    tokens = WORD.findall(source)
    if source is not lowered:
        tokens = [t.lower() for t in tokens]
    hashes = _crc32s(tokens)
    starts, ends = _word_bounds(source)
    if len(starts) != len(tokens):  # cannot happen: both read the same characters as \w
        raise AssertionError(f"{len(tokens)} words found and {len(starts)} word boundaries")
    return Words(hashes, starts, ends)


def _word_bounds(text: str) -> tuple[I64, I64]:
    """Start and end offsets of the runs of word characters (``\\w``) of ``text``, vectorised."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    is_word = np.zeros(len(points) + 2, dtype=np.int8)
    ascii_ = points < len(_ASCII_WORD)
    is_word[1:-1][ascii_] = _ASCII_WORD[points[ascii_]]
    if not ascii_.all():
        others = np.unique(points[~ascii_])
        wordy = others[[WORD.fullmatch(chr(p)) is not None for p in others.tolist()]]
        is_word[1:-1][np.isin(points, wordy)] = 1
    edges = np.flatnonzero(np.diff(is_word)).astype(np.int64)
    return edges[0::2], edges[1::2]


def _sentence_words(text: str, tokens: list[str], sizes: list[int]) -> None:
    """Append the lowercase words of ``text`` to ``tokens`` and the words of each of its sentences
    that has words to ``sizes`` (the words of :func:`words_of`, in order).

    No word crosses a sentence break, so the words of a sentence are those between two breaks.
    """
    lowered = text.lower()
    source = lowered if len(lowered) == len(text) else text
    start = 0
    for stop in [*(m.start() for m in sentence_breaks(text)), len(text)]:
        found = WORD.findall(source, start, stop)
        if found:
            tokens.extend(found if source is lowered else [t.lower() for t in found])
            sizes.append(len(found))
        start = stop


def _crc32s(tokens: list[str]) -> U32:
    """The CRC-32 of each token's UTF-8 bytes."""
    try:
        encoded = list(map(str.encode, tokens))
    except UnicodeEncodeError:  # a lone surrogate (text decoded with surrogateescape)
        encoded = [t.encode("utf-8", "surrogatepass") for t in tokens]
    return np.fromiter(map(zlib.crc32, encoded), dtype=np.uint32, count=len(tokens))


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


def affine32_permutations(count: int, seed: int) -> tuple[U32, U32]:
    """The ``(a, b)`` of datasketch's ``MinHash(num_perm=count, seed=seed, scheme="affine32")``,
    drawn the way it draws them (odd ``a``, any ``b``, from one ``RandomState(seed)``): importing
    datasketch imports SciPy, about 1 s CPU of a run for two arrays (tests compare the two)."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, count, dtype=np.uint32)
    return a, b


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
        self._permutations: tuple[U32, U32] = affine32_permutations(bands * rows, seed)

    def keys(self, text: str) -> U64:
        """An array (sentences x bands) of band keys; sentences too short are left out."""
        return self.keys_many([text])[0]

    def keys_many(self, texts: Sequence[str]) -> list[U64]:
        """The :meth:`keys` of each text, ``TEXTS_PER_PASS`` texts computed together."""
        return [
            k
            for at in range(0, len(texts), TEXTS_PER_PASS)
            for k in self._keys_pass(texts[at : at + TEXTS_PER_PASS])
        ]

    def _keys_pass(self, texts: Sequence[str]) -> list[U64]:
        """The :meth:`keys` of each text, computed together (one array pass for all of them)."""
        tokens: list[str] = []
        sizes: list[int] = []  # words of each sentence that has words, texts one after the other
        sentences: list[int] = []  # such sentences of each text
        for text in texts:
            before = len(sizes)
            _sentence_words(text, tokens, sizes)
            sentences.append(len(sizes) - before)
        hashes = _crc32s(tokens)
        ends = np.cumsum(np.array(sizes, dtype=np.int64))
        units = np.stack([ends - np.array(sizes, dtype=np.int64), ends], axis=1)
        long_enough = units[:, 1] - units[:, 0] >= self.min_unit_words
        text_of = np.repeat(np.arange(len(texts)), sentences)[long_enough]
        units = units[long_enough]
        if len(units):
            values = self._minhashes(shingle_hashes(hashes, self.shingle_words), units)
        else:
            values = np.empty((0, self.bands * self.rows), dtype=np.uint32)
        keys = self._band_keys(values.astype(np.uint64))
        return np.split(keys, np.cumsum(np.bincount(text_of, minlength=len(texts)))[:-1])

    def _minhashes(self, shingles: U32, units: I64) -> U32:
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
        bounds = np.stack([units[:, 0], units[:, 1] - self.shingle_words + 1], axis=1).ravel()
        values: U32 = np.minimum.reduceat(padded, bounds, axis=0)[::2]
        return values

    def _band_keys(self, values: U64) -> U64:
        """One 64-bit key per sentence and band, folding the band's ``rows`` MinHash values."""
        bands = values.reshape(len(values), self.bands, self.rows)
        keys = np.zeros((len(values), self.bands), dtype=np.uint64)
        for row in range(self.rows):
            keys = (keys ^ bands[:, :, row]) * _FOLD[row]
        return keys
