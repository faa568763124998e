"""Candidate pairs from LSH band keys, with memory bounded by spilling keys to disk per band.

Each (band key, article) entry takes 12 bytes. Entries are buffered in memory and appended to
one file per band and key range (the top bits of the key: ``KEY_PARTS`` ranges) once the buffer
passes ``buffer_bytes``; pairs are then found one band and range at a time by sorting its
entries (equal keys always share a range). Peak memory is therefore about ``buffer_bytes``
while adding, and about 50 / ``KEY_PARTS`` bytes per sentence of the corpus while a range is
sorted (12 stored, the rest sorting temporaries), plus 8 bytes per band hit of a candidate
pair (bench/copies.py measures it).
"""

from __future__ import annotations

import itertools
import logging
import tempfile
from functools import partial
from pathlib import Path
from types import TracebackType

import numpy as np
import numpy.typing as npt

from newstrace.link.mapper import Mapper, in_process

__all__ = ["ENTRY", "PAIRS", "BandIndex", "slot_pairs"]

log = logging.getLogger(__name__)

# Key ranges per band: a quarter of a band's entries is sorted at a time (at 1M generated articles
# a whole band's sort took ~700 MB, most of the peak of bench/copies.py).
KEY_PARTS = 4
_PART_SHIFT = np.uint64(64 - 2)  # the top bits of a key name its range (KEY_PARTS = 2 ** 2)
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
        self._buffers: list[list[npt.NDArray[np.void]]] = [[] for _ in range(bands * KEY_PARTS)]
        self._rows: list[npt.NDArray[np.uint64]] = []  # key arrays added, not yet cut into bands
        self._row_articles: list[int] = []
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
        """Add the keys (units x bands) of the article numbered ``article``.

        An article's keys are kept whole and cut into band entries many articles at a time;
        an article with a key repeated within a band (a sentence it repeats) is cut at once,
        each key of a band entered once.
        """
        if not len(keys):
            return
        ordered = np.sort(keys, axis=0)
        if len(keys) > 1 and bool((ordered[1:] == ordered[:-1]).any()):
            for band in range(self.bands):
                self._buffer(band, _entries(np.unique(keys[:, band]), article))
        else:
            self._rows.append(keys)
            self._row_articles.append(article)
        self._buffered += keys.size * ENTRY.itemsize
        if self._buffered >= self.buffer_bytes:
            self._spill()

    def _cut_rows(self) -> None:
        """Turn the whole key arrays added into band entries."""
        if not self._rows:
            return
        keys = np.concatenate(self._rows)
        articles = np.repeat(np.array(self._row_articles, dtype=np.uint32), [len(k) for k in self._rows])
        for band in range(self.bands):
            self._buffer(band, _entries(keys[:, band], articles))
        self._rows, self._row_articles = [], []

    def _buffer(self, band: int, entries: npt.NDArray[np.void]) -> None:
        """Buffer a band's entries, each in its key range's buffer."""
        part = entries["key"] >> _PART_SHIFT
        for number in range(KEY_PARTS):
            self._buffers[band * KEY_PARTS + number].append(entries[part == number])

    def pairs(self, mapper: Mapper = in_process) -> PAIRS:
        """Sorted unique candidate pairs (with ``min_hits``), each packed as ``i << 32 | j``, ``i < j``.

        Each band's key range is paired on its own, by ``mapper`` (a Dask cluster, say).
        """
        return self.pairs_and_hits(mapper)[0]

    def pairs_and_hits(self, mapper: Mapper = in_process) -> tuple[PAIRS, npt.NDArray[np.int64]]:
        """The candidate pairs of :meth:`pairs` with the (sentence, band) places each shares."""
        slots = (self._slot_entries(slot) for slot in range(len(self._buffers)))
        found = list(mapper(partial(slot_pairs, max_bucket=self.max_bucket), slots))
        if not found:
            return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
        pairs, hits = np.unique(np.concatenate(found), return_counts=True)
        kept = hits >= self.min_hits
        return pairs[kept], hits[kept].astype(np.int64)

    def _spill(self) -> None:
        self._cut_rows()
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="newstrace-bands-")
        for slot, chunks in enumerate(self._buffers):
            if chunks:
                with self._path(slot).open("ab") as fh:
                    np.concatenate(chunks).tofile(fh)
        self.spilled_bytes += self._buffered
        self._buffers = [[] for _ in range(self.bands * KEY_PARTS)]
        self._buffered = 0

    def _path(self, slot: int) -> Path:
        """The spill file of a band's key range (slot ``band * KEY_PARTS + range``)."""
        assert self._dir is not None
        return Path(self._dir.name) / f"band{slot // KEY_PARTS:03d}-{slot % KEY_PARTS}.bin"

    def _slot_entries(self, slot: int) -> npt.NDArray[np.void]:
        self._cut_rows()
        chunks = list(self._buffers[slot])
        self._buffers[slot] = []
        if self._dir is not None and self._path(slot).exists():
            chunks.insert(0, np.fromfile(self._path(slot), dtype=ENTRY))
        return np.concatenate(chunks) if chunks else np.empty(0, dtype=ENTRY)


def slot_pairs(entries: npt.NDArray[np.void], max_bucket: int) -> PAIRS:
    """Pairs of articles that share a key in one band (and key range); see :class:`BandIndex`.

    Entries are ordered by key alone (a plain integer sort, several times faster than
    sorting the (key, article) records): an article has each key once per band, so a
    run of equal keys holds distinct articles, put in order where the order matters.
    """
    keys = entries["key"]
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    articles = entries["article"][order].astype(np.uint64)
    same_as_next = keys[1:] == keys[:-1]
    # Runs of two (by far the most common) are paired without a Python loop.
    run_start = np.flatnonzero(np.concatenate(([True], ~same_as_next)))
    run_len = np.diff(np.concatenate((run_start, [len(keys)])))
    twos = run_start[run_len == 2]
    first, second = articles[twos], articles[twos + 1]
    found = [np.minimum(first, second) << np.uint64(32) | np.maximum(first, second)]
    for start, length in zip(run_start[run_len > 2], run_len[run_len > 2], strict=True):
        found.append(_bucket_pairs(np.sort(articles[start : start + length]), max_bucket))
    return np.concatenate(found)


def _bucket_pairs(members: npt.NDArray[np.uint64], max_bucket: int) -> PAIRS:
    if len(members) > max_bucket:
        log.debug("band bucket of %d articles: paired with its first member only", len(members))
        star: PAIRS = members[0] << np.uint64(32) | members[1:]
        return star
    pairs = [a << 32 | b for a, b in itertools.combinations(members.tolist(), 2)]
    return np.array(pairs, dtype=np.uint64)


def _entries(keys: npt.NDArray[np.uint64], articles: int | npt.NDArray[np.uint32]) -> npt.NDArray[np.void]:
    entries = np.empty(len(keys), dtype=ENTRY)
    entries["key"] = keys
    entries["article"] = articles
    return entries
