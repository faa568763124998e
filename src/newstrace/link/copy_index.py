"""Copies against the store's link index: each article fingerprinted once, each pair verified once.

A full copy pass fingerprints every article and verifies every candidate pair. With a link
index (:class:`~newstrace.link.index.LinkIndex`), the band keys of an article are computed the
first time it is linked and stored, and the candidate pairs are stored with their copies, their
hits and what they cover (the articles and options they were found with). A later run:

- when the stored pairs cover the articles that still have their keys (only articles were
  added): fingerprints the new articles, finds the pairs that hold one in the buckets of their
  keys (:mod:`newstrace.link.added_pairs`: the stored keys are streamed once and matched, no
  sort of the corpus's keys), verifies those and keeps every stored pair's copies, dropping the
  few that a crowded bucket no longer pairs;
- otherwise (a document removed, replaced or re-analysed, other options): finds the candidate
  pairs of the whole corpus from the keys (NumPy sorts, no text) and verifies only the pairs
  that touch a new or changed article.

A pair of two unchanged articles keeps the last run's result, since the copies of a pair depend
on its two articles and the options alone. So an incremental run gives exactly the records of a
full run, and a removed or replaced document's pairs simply stop being candidates.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from newstrace.ids import stable_id
from newstrace.link.added_pairs import added_pairs
from newstrace.link.candidates import BandIndex
from newstrace.link.fingerprints import Fingerprinter
from newstrace.link.index import BandKeys, LinkIndex, PairCopies
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import CopyOptions
from newstrace.link.pairs import LOW32, verify_pairs
from newstrace.model import Article, ArticleFindings, Copy

log = logging.getLogger(__name__)

__all__ = ["KEYS_BATCH", "find_copies_indexed", "keys_setting"]

KEYS_BATCH = 256  # new articles fingerprinted and stored per batch (bounds memory and a transaction)


def keys_setting(options: CopyOptions) -> str:
    """A hash of the options that decide an article's band keys."""
    return stable_id(
        "band-keys",
        options.shingle_words,
        options.bands,
        options.rows,
        options.min_sentence_words,
        options.seed,
    )


def find_copies_indexed(
    findings: Sequence[ArticleFindings], options: CopyOptions, index: LinkIndex, mapper: Mapper = in_process
) -> list[Copy]:
    """The copies of :func:`~newstrace.link.copies.find_copies`, reusing what ``index`` keeps."""
    started = time.perf_counter()
    ids = list(index.article_ids())
    if len(ids) != len(findings):
        raise ValueError(f"the link index holds {len(ids)} articles and the findings {len(findings)}")
    numbers = {article: n for n, article in enumerate(ids)}
    known = np.zeros(len(ids), dtype=bool)
    known[[numbers[a] for a in index.keyed_articles(keys_setting(options)) if a in numbers]] = True
    if index.pair_cover() == _cover(options, [ids[n] for n in np.flatnonzero(known)]):
        copies = _added_copies(ids, known, options, index, mapper)
    else:
        copies = _all_copies(ids, options, index, mapper)
    log.info("copies: %d found in %.1f s", len(copies), time.perf_counter() - started)
    return copies


def _cover(options: CopyOptions, ids: Sequence[str]) -> str:
    """What the stored pairs cover: the articles they were found among, and the options."""
    return stable_id("copy-pairs", keys_setting(options), repr(options), *sorted(ids))


def _added_copies(
    ids: list[str], known: np.ndarray, options: CopyOptions, index: LinkIndex, mapper: Mapper
) -> list[Copy]:
    """The copies when the stored pairs are those of the known articles (none removed or changed
    since): pairs with a new article are found in the buckets of its keys and verified; stored
    pairs keep their copies, and those that a crowded bucket no longer pairs lose hits."""
    numbers = {article: n for n, article in enumerate(ids)}
    added = _fingerprinted(ids, np.flatnonzero(~known).tolist(), options, index)
    stored = (
        (n, keys)
        for article, keys in index.band_keys(keys_setting(options), checked=False)
        if (n := numbers.get(article)) is not None and known[n]  # checked by keyed_articles
    )
    found = added_pairs(added, stored, options.max_bucket, options.min_band_hits)
    setting = stable_id("pair-copies", repr(options))
    results, hits = index.pair_copies(setting), index.pair_hits()
    lost, counts = np.unique(found.lost, return_counts=True)
    changed = {
        key: hits[key] - int(n) for key, n in zip(_keys(lost, ids), counts, strict=True) if key in hits
    }
    dropped = [key for key, n in changed.items() if n < options.min_band_hits]
    new: PairCopies = {}
    for packed, copies in verify_pairs(found.pairs.tolist(), _loader(index, ids), options, mapper):
        new[(ids[packed >> 32], ids[packed & LOW32])] = tuple(copies)
    log.info(
        "copies: %d new pairs verified, %d kept from the last run", len(new), len(results) - len(dropped)
    )
    changed.update(zip(_keys(found.pairs, ids), found.hits.tolist(), strict=True))
    index.add_pair_copies(new, setting, _cover(options, ids), changed, dropped)
    for key in dropped:
        del results[key]
    results.update(new)
    pairs = sorted([_packed(numbers, key) for key in results])
    return [c for packed in pairs for c in results[(ids[packed >> 32], ids[packed & LOW32])]]


def _keys(pairs: np.ndarray, ids: list[str]) -> list[tuple[str, str]]:
    """The article ids of packed pairs."""
    return [(ids[p >> 32], ids[p & LOW32]) for p in pairs.tolist()]


def _packed(numbers: dict[str, int], key: tuple[str, str]) -> int:
    """A pair of article ids packed as ``i << 32 | j`` of their numbers."""
    i, j = sorted((numbers[key[0]], numbers[key[1]]))
    return i << 32 | j


def _fingerprinted(
    ids: list[str], fresh: list[int], options: CopyOptions, index: LinkIndex
) -> list[tuple[int, BandKeys]]:
    """The band keys of the articles numbered ``fresh``, computed ``KEYS_BATCH`` at a time and stored."""
    printer = Fingerprinter(
        options.shingle_words, options.bands, options.rows, options.min_sentence_words, options.seed
    )
    found: list[tuple[int, BandKeys]] = []
    for first in range(0, len(fresh), KEYS_BATCH):
        read = list(_read(index, ids, fresh[first : first + KEYS_BATCH]))
        batch = list(zip([n for n, _ in read], printer.keys_many([a.text for _, a in read]), strict=True))
        index.save_band_keys([(ids[n], k) for n, k in batch], keys_setting(options))
        found.extend((n, k) for n, k in batch if len(k))
    return found


def _all_copies(ids: list[str], options: CopyOptions, index: LinkIndex, mapper: Mapper) -> list[Copy]:
    """The copies of every candidate pair of the corpus, from the stored band keys and those of
    articles without (fingerprinted here); pairs of unchanged articles keep their stored copies."""
    numbers = {article: n for n, article in enumerate(ids)}
    known = np.zeros(len(ids), dtype=bool)
    setting = keys_setting(options)
    with BandIndex(options.bands, options.buffer_bytes, options.max_bucket, options.min_band_hits) as bands:
        for article, keys in index.band_keys(setting):
            number = numbers.get(article)
            if number is not None and not known[number]:
                known[number] = True
                bands.add(number, keys)
        fresh = np.flatnonzero(~known).tolist()
        for number, keys in _fingerprinted(ids, fresh, options, index):
            bands.add(number, keys)
        found, hits = bands.pairs_and_hits(mapper)
        pairs = found.tolist()
    log.info("copies: %d candidate pairs, %d articles fingerprinted", len(pairs), len(fresh))
    return _pair_copies(pairs, hits.tolist(), ids, known, options, index=index, mapper=mapper)


def _pair_copies(
    pairs: list[int],
    hits: list[int],
    ids: list[str],
    known: np.ndarray,
    options: CopyOptions,
    *,
    index: LinkIndex,
    mapper: Mapper,
) -> list[Copy]:
    """Copies of every candidate pair: stored results for unchanged pairs, the rest verified; the
    pairs are stored with their copies and ``hits`` (the places they share)."""
    setting = stable_id("pair-copies", repr(options))
    stored = index.pair_copies(setting)
    results: PairCopies = {}
    redo = []
    for packed in pairs:
        i, j = packed >> 32, packed & LOW32
        key = (ids[i], ids[j])
        if known[i] and known[j] and key in stored:
            results[key] = stored[key]
        else:
            redo.append(packed)

    for packed, found in verify_pairs(redo, _loader(index, ids), options, mapper):
        results[(ids[packed >> 32], ids[packed & LOW32])] = tuple(found)
    log.info("copies: %d pairs verified, %d kept from the last run", len(redo), len(pairs) - len(redo))
    keys = [(ids[packed >> 32], ids[packed & LOW32]) for packed in pairs]
    index.save_pair_copies(results, setting, _cover(options, ids), dict(zip(keys, hits, strict=True)))
    return [c for packed in pairs for c in results[(ids[packed >> 32], ids[packed & LOW32])]]


def _loader(index: LinkIndex, ids: list[str]) -> Callable[[list[int]], dict[int, Article]]:
    """A ``load`` for :func:`~newstrace.link.pairs.verify_pairs`: articles by number, from ``index``."""
    return lambda wanted: dict(_read(index, ids, wanted))


def _read(index: LinkIndex, ids: list[str], numbers: Sequence[int]) -> Iterator[tuple[int, Article]]:
    """The articles numbered ``numbers``, read in one batch."""
    articles = index.articles([ids[n] for n in numbers])
    if len(articles) != len(numbers):
        raise ValueError("articles of the link index are missing from the store")
    yield from zip(numbers, articles, strict=True)
