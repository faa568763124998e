"""Exact alignment of two articles' words: the passages they share, word for word.

A local alignment by seeds and chains: every run of ``min_block_words`` equal words in both
articles is a seed; seeds that follow each other on both sides, with at most ``max_gap_words``
between them (an edit: a changed, added or dropped word or phrase, a furniture line) and a
shift between the sides of at most ``max_gap_words``, are chained into one shared passage.
Passages may lie anywhere and in any order in the two articles. (A global alignment, such as
the longest common subsequence or difflib's matching blocks, must keep both sides in order:
it spends common words on the wrong places, and a title that repeats words of a passage
further down can hide the passage.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newstrace.link.fingerprints import Words, shingle_hashes
from newstrace.link.options import AlignOptions

__all__ = ["SharedSpan", "merged", "shared_spans"]

MAX_SEEDS_PER_RUN = 8  # a run of words repeated more often in one article seeds only this many places


@dataclass(frozen=True, slots=True)
class SharedSpan:
    """Words ``[a_start, a_end)`` of one article and ``[b_start, b_end)`` of the other, ``matched`` equal."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int

    def dice(self) -> float:
        """Share of the words of both sides that lie in equal runs (0..1)."""
        return min(1.0, 2 * self.matched / ((self.a_end - self.a_start) + (self.b_end - self.b_start)))


@dataclass
class _Chain:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int

    def takes(self, i: int, j: int, gap: int) -> bool:
        """Whether the seed at words ``i`` (a) and ``j`` (b) continues this chain."""
        shift = (j - i) - (self.b_end - self.a_end)
        return (
            i >= self.a_start
            and j >= self.b_start
            and i - self.a_end <= gap
            and j - self.b_end <= gap
            and abs(shift) <= gap
        )

    def add(self, i: int, j: int, k: int) -> None:
        self.matched += max(0, i + k - max(self.a_end, i))
        self.a_end = max(self.a_end, i + k)
        self.b_end = max(self.b_end, j + k)


def shared_spans(a: Words, b: Words, options: AlignOptions) -> list[SharedSpan]:
    """The passages ``a`` and ``b`` share, each with at least ``min_shared_words`` (in a's order)."""
    k, gap = options.min_block_words, options.max_gap_words
    open_chains: list[_Chain] = []
    done: list[_Chain] = []
    for i, j in _seeds(a, b, k):
        still_open: list[_Chain] = []
        for chain in open_chains:
            (still_open if i - chain.a_end <= gap else done).append(chain)
        open_chains = still_open
        best = min(
            (c for c in open_chains if c.takes(i, j, gap)),
            key=lambda c: abs((j - i) - (c.b_end - c.a_end)),
            default=None,
        )
        if best is None:
            open_chains.append(_Chain(i, i + k, j, j + k, k))
        else:
            best.add(i, j, k)
    done.extend(open_chains)
    kept = _without_overlaps([c for c in done if c.matched >= options.min_shared_words])
    a_list, b_list = a.hashes.tolist(), b.hashes.tolist()
    return sorted((_extended(c, a_list, b_list) for c in kept), key=lambda s: (s.a_start, s.b_start))


def merged(spans: list[SharedSpan]) -> SharedSpan:
    """One span from the first to the last word of ``spans`` on each side."""
    return SharedSpan(
        min(s.a_start for s in spans),
        max(s.a_end for s in spans),
        min(s.b_start for s in spans),
        max(s.b_end for s in spans),
        sum(s.matched for s in spans),
    )


def _seeds(a: Words, b: Words, k: int) -> list[tuple[int, int]]:
    """Word positions ``(i, j)`` where ``k`` equal words start in both, sorted."""
    a_runs, b_runs = shingle_hashes(a.hashes, k), shingle_hashes(b.hashes, k)
    common = np.intersect1d(a_runs, b_runs)
    if not len(common):
        return []
    where: dict[int, list[int]] = {}
    for j in np.flatnonzero(np.isin(b_runs, common)).tolist():
        where.setdefault(int(b_runs[j]), []).append(j)
    return [
        (i, j)
        for i in np.flatnonzero(np.isin(a_runs, common)).tolist()
        for j in where[int(a_runs[i])][:MAX_SEEDS_PER_RUN]
    ]


def _without_overlaps(chains: list[_Chain]) -> list[_Chain]:
    """The strongest chains, dropping any that overlaps a stronger one on either side."""
    kept: list[_Chain] = []
    for chain in sorted(chains, key=lambda c: -c.matched):
        if not any(_overlap(chain, other) for other in kept):
            kept.append(chain)
    return kept


def _overlap(x: _Chain, y: _Chain) -> bool:
    """Whether ``x`` and ``y`` cover the same words (over half of the shorter) on either side.

    Neighbouring chains split by an edit may share a word or two at their ends; that is no overlap.
    """
    return _covers(x.a_start, x.a_end, y.a_start, y.a_end) or _covers(x.b_start, x.b_end, y.b_start, y.b_end)


def _covers(x0: int, x1: int, y0: int, y1: int) -> bool:
    return min(x1, y1) - max(x0, y0) > min(x1 - x0, y1 - y0) / 2


def _extended(chain: _Chain, a: list[int], b: list[int]) -> SharedSpan:
    """The chain as a span, grown over equal words on both ends."""
    a0, a1, b0, b1, matched = chain.a_start, chain.a_end, chain.b_start, chain.b_end, chain.matched
    while a0 > 0 and b0 > 0 and a[a0 - 1] == b[b0 - 1]:
        a0, b0, matched = a0 - 1, b0 - 1, matched + 1
    while a1 < len(a) and b1 < len(b) and a[a1] == b[b1]:
        a1, b1, matched = a1 + 1, b1 + 1, matched + 1
    return SharedSpan(a0, a1, b0, b1, matched)
