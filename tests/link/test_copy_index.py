"""Copies through a link index: a corpus grown batch by batch finds the copies of one full pass.

The index here is a plain in-memory one (the store's is tested in tests/store and tests/run);
what matters is that adding articles finds pairs only in the buckets of their band keys and
gives the same copies, in the same order, as finding them all again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np
import pytest

from newstrace.link.added_pairs import added_pairs
from newstrace.link.candidates import BandIndex
from newstrace.link.copies import find_copies
from newstrace.link.copy_index import find_copies_indexed
from newstrace.link.index import BandKeys, PairCopies, PairHits, Vector
from newstrace.link.options import CopyOptions
from newstrace.model import Article, ArticleFindings
from tests.link.test_copies import OTHER, STORY, UNRELATED, _found, _repost, _shared_passage


class MemoryIndex:
    """A LinkIndex over a list of findings, keeping band keys and pairs in dicts."""

    def __init__(self) -> None:
        self.findings: list[ArticleFindings] = []
        self.keys: dict[str, BandKeys] = {}
        self.pairs: PairCopies = {}
        self.hits: PairHits = {}
        self.cover: str | None = None

    def article_ids(self) -> Sequence[str]:
        return [f.article.id for f in self.findings]

    def articles(self, ids: Sequence[str]) -> list[Article]:
        by_id = {f.article.id: f.article for f in self.findings}
        return [by_id[i] for i in ids]

    def vectors(self, keys: Sequence[str]) -> dict[str, Vector]:
        return {}

    def save_vectors(self, vectors: Mapping[str, Vector]) -> None:
        pass

    def band_keys(self, setting: str, *, checked: bool = True) -> Iterator[tuple[str, BandKeys]]:
        yield from self.keys.items()

    def keyed_articles(self, setting: str) -> list[str]:
        return list(self.keys)

    def save_band_keys(self, keys: Iterable[tuple[str, BandKeys]], setting: str) -> None:
        self.keys.update(keys)

    def pair_cover(self) -> str | None:
        return self.cover

    def pair_copies(self, setting: str) -> PairCopies:
        return dict(self.pairs)

    def pair_hits(self) -> PairHits:
        return dict(self.hits)

    def save_pair_copies(
        self, pairs: PairCopies, setting: str, cover: str = "", hits: PairHits | None = None
    ) -> None:
        self.pairs, self.cover, self.hits = dict(pairs), cover, dict(hits or {})

    def add_pair_copies(
        self, pairs: PairCopies, setting: str, cover: str, hits: PairHits, dropped: Sequence[tuple[str, str]]
    ) -> None:
        self.pairs.update(pairs)
        self.hits.update(hits)
        for key in dropped:
            del self.pairs[key], self.hits[key]
        self.cover = cover


def _corpus() -> list[ArticleFindings]:
    texts = [STORY, _repost(STORY), OTHER, UNRELATED, _shared_passage(OTHER), _shared_passage(UNRELATED)]
    texts += [_repost(_shared_passage(OTHER)), _repost(UNRELATED), STORY + "\n" + OTHER]
    # names out of order: an added article may come before stored ones in the corpus order
    return [_found(name, text) for name, text in zip("qhcmawzbk", texts, strict=True)]


@pytest.mark.parametrize("batches", [[3, 6], [1, 2, 3, 3], [5, 4], [9]])
def test_adding_articles_finds_the_copies_of_one_full_pass(
    batches: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    corpus, index, options = _corpus(), MemoryIndex(), CopyOptions()
    seen = 0
    for size in batches:
        seen += size
        index.findings = sorted(corpus[:seen], key=lambda f: f.article.id)
        with caplog.at_level(logging.INFO, logger="newstrace.link.copy_index"):
            found = find_copies_indexed(index.findings, options, index)
        assert found == find_copies(index.findings, options)
    added_runs = [r for r in caplog.records if "new pairs verified" in r.getMessage()]
    assert len(added_runs) == len(batches) - 1  # every run after the first only added articles
    assert len(found) >= 4


def test_a_removed_article_finds_every_pair_again(caplog: pytest.LogCaptureFixture) -> None:
    corpus, index, options = _corpus(), MemoryIndex(), CopyOptions()
    index.findings = corpus[:6]
    find_copies_indexed(index.findings, options, index)
    index.findings = corpus[1:8]  # the first article removed, two added
    with caplog.at_level(logging.INFO, logger="newstrace.link.copy_index"):
        found = find_copies_indexed(index.findings, options, index)
    assert found == find_copies(index.findings, options)
    assert not [r for r in caplog.records if "new pairs verified" in r.getMessage()]


@pytest.mark.parametrize("max_bucket", [1, 2, 3])
def test_crowded_buckets_give_the_copies_of_one_full_pass(max_bucket: int) -> None:
    """Three copies of a story in buckets of one to three articles: a crowded bucket pairs its
    first member with the others only, and the members added move its pairs."""
    corpus, index, options = _corpus(), MemoryIndex(), CopyOptions(max_bucket=max_bucket)
    for seen in (2, 5, 9):
        index.findings = sorted(corpus[:seen], key=lambda f: f.article.id)
        assert find_copies_indexed(index.findings, options, index) == find_copies(index.findings, options)


def _random_keys(rng: np.random.Generator, space: int) -> BandKeys:
    return rng.integers(0, space, size=(int(rng.integers(1, 6)), 4)).astype(np.uint64)


def _hits(keys: dict[int, BandKeys], max_bucket: int) -> dict[int, int]:
    """Every pair of the BandIndex over ``keys`` with its hits (one hit is enough)."""
    with BandIndex(4, 1 << 20, max_bucket=max_bucket, min_hits=1) as index:
        for number, k in keys.items():
            index.add(number, k)
        pairs, hits = index.pairs_and_hits()
    return dict(zip(pairs.tolist(), hits.tolist(), strict=True))


@pytest.mark.parametrize(
    ("space", "max_bucket", "min_hits"),
    [(30, 40, 1), (30, 40, 2), (12, 40, 2), (200, 40, 1), (12, 6, 2), (6, 3, 1)],
)
def test_added_pairs_are_the_band_index_pairs_that_hold_an_added_article(
    space: int, max_bucket: int, min_hits: int
) -> None:
    """Random keys from a small space (so buckets are shared, some crowded) over 40 articles, 10
    of them added: the pairs with an added article, and the stored pairs' hits after, are those
    of the whole corpus paired at once."""
    rng = np.random.default_rng(space * 100 + max_bucket * 10 + min_hits)
    keys = {n: _random_keys(rng, space) for n in range(40)}
    added = sorted(rng.choice(40, 10, replace=False).tolist())
    stored = {n: k for n, k in keys.items() if n not in added}
    whole, before = _hits(keys, max_bucket), _hits(stored, max_bucket)
    found = added_pairs([(n, keys[n]) for n in added], stored.items(), max_bucket, min_hits)
    holds_added = {p: h for p, h in whole.items() if p >> 32 in added or p & 0xFFFFFFFF in added}
    assert dict(zip(found.pairs.tolist(), found.hits.tolist(), strict=True)) == {
        p: h for p, h in holds_added.items() if h >= min_hits
    }
    after = dict(before)
    for pair in found.lost.tolist():
        after[pair] -= 1
    assert {p: h for p, h in after.items() if h} == {p: h for p, h in whole.items() if p not in holds_added}
    assert holds_added, "the keys must make some pairs for the test to compare"
    assert (len(found.lost) > 0) == (max_bucket < 40) or space == 6
