"""What link steps keep between runs: the protocol of the store's link index.

Some of what a link step computes from an article does not change while the article does not:
a quotation's sentence embedding, an article's sentence band keys, whether two articles share
passages. The store keeps them (``store/link_index.py`` implements :class:`LinkIndex`), so a later
link run reads them instead of computing them again. Link steps see only this protocol: the
link layer does not import the store.

An article's stored entries hold while the article is stored with the same analysis: a
document re-analysed with other settings, replaced or removed takes its entries' validity with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from newstrace.model import Article, Copy

__all__ = ["BandKeys", "LinkIndex", "PairCopies", "PairHits", "Vector"]

Vector = npt.NDArray[np.float32]
BandKeys = npt.NDArray[np.uint64]  # an article's band keys: sentences x bands
PairCopies = dict[tuple[str, str], tuple[Copy, ...]]  # (article id, article id), ids in order
PairHits = dict[tuple[str, str], int]  # a candidate pair's (sentence, band) places in common


class LinkIndex(Protocol):
    """Per-article link work kept by the store, and batched reads of the articles linked."""

    def article_ids(self) -> Sequence[str]:
        """The ids of the articles linked, in the order of the findings the link steps read."""
        ...

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """The articles with these ids, read together (in the same order)."""
        ...

    def vectors(self, keys: Sequence[str]) -> dict[str, Vector]:
        """The stored vectors of those ``keys`` that have one."""
        ...

    def save_vectors(self, vectors: Mapping[str, Vector]) -> None:
        """Store vectors (a key stored already keeps its vector)."""
        ...

    def band_keys(self, setting: str, *, checked: bool = True) -> Iterator[tuple[str, BandKeys]]:
        """Every stored article's band keys made with ``setting`` (a hash of the options that
        decide them), for articles still stored with the analysis they were made from; not
        ``checked``, also keys no longer valid (faster, for a caller that kept only the ids
        :meth:`keyed_articles` gave)."""
        ...

    def keyed_articles(self, setting: str) -> list[str]:
        """The ids of the articles whose keys :meth:`band_keys` yields, without their keys."""
        ...

    def save_band_keys(self, keys: Iterable[tuple[str, BandKeys]], setting: str) -> None:
        """Store articles' band keys (replacing older ones)."""
        ...

    def pair_copies(self, setting: str) -> PairCopies:
        """The candidate pairs verified by the last link run under ``setting``, with their copies."""
        ...

    def pair_cover(self) -> str | None:
        """What the stored pairs cover (the ``cover`` saved with them), None before any are saved."""
        ...

    def pair_hits(self) -> PairHits:
        """How many (sentence, band) places each stored pair shares (saved with the pairs)."""
        ...

    def save_pair_copies(
        self, pairs: PairCopies, setting: str, cover: str = "", hits: PairHits | None = None
    ) -> None:
        """Replace the stored candidate pairs, their copies and hits; they now cover ``cover``."""
        ...

    def add_pair_copies(
        self, pairs: PairCopies, setting: str, cover: str, hits: PairHits, dropped: Sequence[tuple[str, str]]
    ) -> None:
        """Add pairs not stored yet, set the hits of pairs in ``hits`` (added or stored) and remove
        the ``dropped`` pairs; the stored pairs now cover ``cover``."""
        ...
