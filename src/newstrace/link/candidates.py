"""Candidate pairs from LSH band keys, with memory bounded by spilling keys to disk per band.

Each (band key, article) entry takes 12 bytes. Entries are buffered in memory and appended to
one file per band once the buffer passes ``buffer_bytes``; pairs are then found one band at a
time by sorting that band's entries. Peak memory is therefore about ``buffer_bytes`` while
adding, and about 50 bytes per sentence of the corpus while a band is sorted (12 stored, the
rest sorting temporaries), plus 8 bytes per band hit of a candidate pair (bench/copies.py
measures it).
"""

from __future__ import annotations

import itertools
import logging
import tempfile
from pathlib import Path
from types import TracebackType

import numpy as np
import numpy.typing as npt

__all__ = ["BandIndex"]

log = logging.getLogger(__name__)

ENTRY = np.dtype([("key", np.uint64), ("article", np.uint32)])
PAIRS = npt.NDArray[np.uint64]


class BandIndex:
    """Band keys of many articles, and the article pairs that share a key in some band.

    Args:
        bands: number of LSH bands (columns of the key arrays added).
        buffer_bytes: entries kept in memory before they are appended to the band files.
        max_bucket: a key shared by more articles than this pairs each of them with the first
            one only (a star, not all pairs), so one boilerplate sentence cannot make the work
            quadratic.
        min_hits: a pair must share keys in at least this many (sentence, band) places.
    """

    def __init__(self, bands: int, buffer_bytes: int, max_bucket: int, min_hits: int = 1) -> None:
        self.bands, self.buffer_bytes, self.max_bucket = bands, buffer_bytes, max_bucket
        self.min_hits = min_hits
        self._buffers: list[list[npt.NDArray[np.void]]] = [[] for _ in range(bands)]
        self._buffered = 0
        self._dir: tempfile.TemporaryDirectory[str] | None = None
        self.spilled_bytes = 0

    def __enter__(self) -> BandIndex:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Remove the spill files."""
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def add(self, article: int, keys: npt.NDArray[np.uint64]) -> None:
        """Add the keys (units x bands) of the article numbered ``article``."""
        if not len(keys):
            return
        for band in range(self.bands):
            column = np.unique(keys[:, band])
            entries = np.empty(len(column), dtype=ENTRY)
            entries["key"] = column
            entries["article"] = article
            self._buffers[band].append(entries)
            self._buffered += entries.nbytes
        if self._buffered >= self.buffer_bytes:
            self._spill()

    def pairs(self) -> PAIRS:
        """Sorted unique candidate pairs (with ``min_hits``), each packed as ``i << 32 | j``, ``i < j``."""
        found = [self._band_pairs(self._band_entries(band)) for band in range(self.bands)]
        if not found:
            return np.empty(0, dtype=np.uint64)
        pairs, hits = np.unique(np.concatenate(found), return_counts=True)
        kept: PAIRS = pairs[hits >= self.min_hits]
        return kept

    def _spill(self) -> None:
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="newstrace-bands-")
        for band, chunks in enumerate(self._buffers):
            if chunks:
                with self._path(band).open("ab") as fh:
                    np.concatenate(chunks).tofile(fh)
        self.spilled_bytes += self._buffered
        self._buffers = [[] for _ in range(self.bands)]
        self._buffered = 0

    def _path(self, band: int) -> Path:
        assert self._dir is not None
        return Path(self._dir.name) / f"band{band:03d}.bin"

    def _band_entries(self, band: int) -> npt.NDArray[np.void]:
        chunks = list(self._buffers[band])
        self._buffers[band] = []
        if self._dir is not None and self._path(band).exists():
            chunks.insert(0, np.fromfile(self._path(band), dtype=ENTRY))
        return np.concatenate(chunks) if chunks else np.empty(0, dtype=ENTRY)

    def _band_pairs(self, entries: npt.NDArray[np.void]) -> PAIRS:
        """Pairs of articles that share a key in this band."""
        entries.sort(order=("key", "article"), kind="stable")
        keys = entries["key"]
        articles = entries["article"].astype(np.uint64)
        same_as_next = keys[1:] == keys[:-1]
        # Runs of two (by far the most common) are paired without a Python loop.
        run_start = np.flatnonzero(np.concatenate(([True], ~same_as_next)))
        run_len = np.diff(np.concatenate((run_start, [len(keys)])))
        twos = run_start[run_len == 2]
        found = [articles[twos] << np.uint64(32) | articles[twos + 1]]
        for start, length in zip(run_start[run_len > 2], run_len[run_len > 2], strict=True):
            found.append(self._bucket_pairs(articles[start : start + length]))
        return np.concatenate(found)

    def _bucket_pairs(self, members: npt.NDArray[np.uint64]) -> PAIRS:
        if len(members) > self.max_bucket:
            log.debug("band bucket of %d articles: paired with its first member only", len(members))
            star: PAIRS = members[0] << np.uint64(32) | members[1:]
            return star
        pairs = [a << 32 | b for a, b in itertools.combinations(members.tolist(), 2)]
        return np.array(pairs, dtype=np.uint64)
