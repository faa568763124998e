"""Candidate pairs of articles added to a corpus whose pairs are known, from the buckets they touch.

:class:`~newstrace.link.candidates.BandIndex` pairs the articles of a whole corpus. When articles
are added to a corpus paired before, every pair that holds an added article shares only buckets
(band, key) that hold an added article, so pairing those buckets (their stored members are
found by streaming the stored keys once, matched against the added keys) gives those pairs and
their hits exactly. Pairs of two stored articles keep their hits, except in a bucket that is or
becomes crowded (over ``max_bucket``, paired as a star around its first member): there the
added members move hits away from stored pairs, and :func:`added_pairs` says which lost one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newstrace.link.candidates import ENTRY, PAIRS, slot_pairs

__all__ = ["AddedPairs", "added_pairs"]

STORED_CHUNK = 4096  # stored articles whose keys are cut into bands and matched together
# Top bits of a key looked up in a band's table of added keys (2 MB a band): 10,000 added articles
# put ~140,000 keys in a band, so ~7 % of the stored keys pass to the binary search.
FILTER_BITS = 21
_FILTER_SHIFT = np.uint64(64 - FILTER_BITS)
Keys = npt.NDArray[np.uint64]
LOW32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class AddedPairs:
    """Pairs holding an added article with their hits (those with at least ``min_hits``), and
    the stored pairs that lost a hit (a pair once for each hit it lost), all packed ``i << 32 | j``."""

    pairs: PAIRS
    hits: npt.NDArray[np.int64]
    lost: PAIRS


def added_pairs(
    added: Sequence[tuple[int, Keys]],
    stored: Iterable[tuple[int, Keys]],
    max_bucket: int,
    min_hits: int = 1,
) -> AddedPairs:
    """What adding the articles ``added`` (numbered, with their keys) to ``stored`` does to the
    candidate pairs of :class:`~newstrace.link.candidates.BandIndex`; ``stored`` is read once."""
    added = [(n, k) for n, k in added if len(k)]
    if not added:
        empty = np.empty(0, dtype=np.uint64)
        return AddedPairs(empty, np.empty(0, dtype=np.int64), empty)
    numbers = np.array([n for n, _ in added], dtype=np.uint32)
    new = _band_entries([k for _, k in added], numbers)
    filters = [_KeyFilter(entries["key"]) for entries in new]
    found: list[list[npt.NDArray[np.void]]] = [[e] for e in new]
    for chunk in _chunked(stored):
        columns = np.ascontiguousarray(np.concatenate([k for _, k in chunk]).T)
        articles = np.repeat(np.array([n for n, _ in chunk], dtype=np.uint32), [len(k) for _, k in chunk])
        for band, keys in enumerate(columns):
            at = filters[band].find(keys)
            found[band].append(_entries(keys[at], articles[at]))
    bands = [_unique_entries(np.concatenate(chunks)) for chunks in found]  # an article's key once a band
    is_new = np.zeros(int(max(e["article"].max() for e in bands)) + 1, dtype=bool)
    is_new[numbers] = True
    pairs, lost = [], []
    for entries in bands:
        band_pairs, band_lost = _band_pairs(entries, is_new, max_bucket)
        pairs.append(band_pairs)
        lost.extend(band_lost)
    unique, hits = np.unique(np.concatenate(pairs), return_counts=True)
    kept = hits >= min_hits
    lost_pairs = np.concatenate(lost) if lost else np.empty(0, dtype=np.uint64)
    return AddedPairs(unique[kept], hits[kept].astype(np.int64), lost_pairs)


def _band_pairs(
    entries: npt.NDArray[np.void], is_new: npt.NDArray[np.bool_], max_bucket: int
) -> tuple[PAIRS, list[PAIRS]]:
    """A band's pairs that hold an added article, and the stored pairs that lose a hit in it;
    ``entries`` sorted by key, then article, each once."""
    keys = entries["key"]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    lengths = np.diff(np.concatenate((starts, [len(keys)])))
    crowded = lengths > max_bucket
    small = np.repeat(~crowded, lengths)
    pairs = slot_pairs(entries[small], max_bucket)
    holds_new = is_new[(pairs >> np.uint64(32)).astype(np.intp)] | is_new[(pairs & LOW32).astype(np.intp)]
    found, lost = [pairs[holds_new]], []
    for start, length in zip(starts[crowded], lengths[crowded], strict=True):
        members = entries["article"][start : start + length].astype(np.uint64)
        star, moved = _crowded(members, is_new[members.astype(np.intp)], max_bucket)
        found.append(star)
        lost.append(moved)
    return np.concatenate(found), lost


def _crowded(members: PAIRS, new: npt.NDArray[np.bool_], max_bucket: int) -> tuple[PAIRS, PAIRS]:
    """A crowded bucket's (members sorted) star pairs that hold an added member, and the stored
    pairs it paired before the members were added that it no longer pairs."""
    first = members[0]
    star = first << np.uint64(32) | members[1:]
    star = star if new[0] else star[new[1:]]
    old = members[~new]
    if len(old) <= max_bucket:  # every pair of the stored members was paired
        low, high = np.triu_indices(len(old), 1)
        before = old[low] << np.uint64(32) | old[high]
    else:  # a star around the first stored member
        before = old[0] << np.uint64(32) | old[1:]
    if not new[0]:  # the first member is a stored one: its star pairs stay
        before = before[(before >> np.uint64(32)) != first]
    return star, before


def _chunked(stored: Iterable[tuple[int, Keys]]) -> Iterator[list[tuple[int, Keys]]]:
    """``stored`` in lists of ``STORED_CHUNK`` articles with keys (cut into bands together)."""
    chunk = []
    for number, keys in stored:
        if len(keys):
            chunk.append((number, keys))
        if len(chunk) == STORED_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _band_entries(keys: Sequence[Keys], numbers: npt.NDArray[np.uint32]) -> list[npt.NDArray[np.void]]:
    """The (key, article) entries of each band of these articles' keys."""
    rows = np.concatenate(keys)
    articles = np.repeat(numbers, [len(k) for k in keys])
    return [_entries(rows[:, band], articles) for band in range(rows.shape[1])]


def _entries(keys: Keys, articles: npt.NDArray[np.uint32]) -> npt.NDArray[np.void]:
    entries = np.empty(len(keys), dtype=ENTRY)
    entries["key"], entries["article"] = keys, articles
    return entries


def _unique_entries(entries: npt.NDArray[np.void]) -> npt.NDArray[np.void]:
    """``entries`` sorted by key, then article, each once."""
    ordered = entries[np.lexsort((entries["article"], entries["key"]))]
    keys, articles = ordered["key"], ordered["article"]
    first = np.concatenate(([True], (keys[1:] != keys[:-1]) | (articles[1:] != articles[:-1])))
    unique: npt.NDArray[np.void] = ordered[first]
    return unique


class _KeyFilter:
    """Which of many keys are among a band's added keys: a table of the keys' top bits rules
    most out at one look-up each, a binary search settles the rest."""

    def __init__(self, keys: Keys) -> None:
        ordered = np.sort(keys)  # np.unique of a strided column hashes, many times slower than a sort
        self.keys = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
        self.table = np.zeros(1 << FILTER_BITS, dtype=bool)
        self.table[self.keys >> _FILTER_SHIFT] = True

    def find(self, keys: Keys) -> npt.NDArray[np.intp]:
        """The positions of ``keys`` that are added keys."""
        maybe = np.flatnonzero(self.table[keys >> _FILTER_SHIFT])
        candidates = keys[maybe]
        at = np.minimum(np.searchsorted(self.keys, candidates), len(self.keys) - 1)
        found: npt.NDArray[np.intp] = maybe[self.keys[at] == candidates]
        return found
