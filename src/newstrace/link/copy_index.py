"""Copies against the store's link index: each article fingerprinted once, each pair verified once.

A full copy pass fingerprints every article and verifies every candidate pair. With a link
index (:class:`~newstrace.link.index.LinkIndex`), the band keys of an article are computed the
first time it is linked and stored; a later run reads them, computes only those of new or
changed articles, finds the candidate pairs of the whole corpus from the keys (NumPy sorts, no
text), and verifies only the pairs that touch a new or changed article. A pair of two unchanged
articles that the last run verified keeps that run's result, since the copies of a pair depend
on its two articles and the options alone. So an incremental run gives exactly the records of a
full run, and a removed or replaced document's pairs simply stop being candidates.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence

import numpy as np

from newstrace.ids import stable_id
from newstrace.link.candidates import BandIndex
from newstrace.link.fingerprints import Fingerprinter
from newstrace.link.index import LinkIndex, PairCopies
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
    setting = keys_setting(options)
    printer = Fingerprinter(
        options.shingle_words, options.bands, options.rows, options.min_sentence_words, options.seed
    )
    with BandIndex(options.bands, options.buffer_bytes, options.max_bucket, options.min_band_hits) as bands:
        for article, keys in index.band_keys(setting):
            number = numbers.get(article)
            if number is not None and not known[number]:
                known[number] = True
                bands.add(number, keys)
        fresh = np.flatnonzero(~known).tolist()
        for first in range(0, len(fresh), KEYS_BATCH):
            read = list(_read(index, ids, fresh[first : first + KEYS_BATCH]))
            batch = list(zip([n for n, _ in read], printer.keys_many([a.text for _, a in read]), strict=True))
            for number, keys in batch:
                bands.add(number, keys)
            index.save_band_keys([(ids[n], k) for n, k in batch], setting)
        pairs = bands.pairs(mapper).tolist()
    log.info("copies: %d candidate pairs, %d articles fingerprinted", len(pairs), len(fresh))
    copies = _pair_copies(pairs, ids, known, options, index, mapper=mapper)
    log.info("copies: %d found in %.1f s", len(copies), time.perf_counter() - started)
    return copies


def _pair_copies(
    pairs: list[int],
    ids: list[str],
    known: np.ndarray,
    options: CopyOptions,
    index: LinkIndex,
    *,
    mapper: Mapper,
) -> list[Copy]:
    """Copies of every candidate pair: stored results for unchanged pairs, the rest verified."""
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

    def load(wanted: list[int]) -> dict[int, Article]:
        return dict(_read(index, ids, wanted))

    for packed, found in verify_pairs(redo, load, options, mapper):
        results[(ids[packed >> 32], ids[packed & LOW32])] = tuple(found)
    log.info("copies: %d pairs verified, %d kept from the last run", len(redo), len(pairs) - len(redo))
    index.save_pair_copies(results, setting)
    return [c for packed in pairs for c in results[(ids[packed >> 32], ids[packed & LOW32])]]


def _read(index: LinkIndex, ids: list[str], numbers: Sequence[int]) -> Iterator[tuple[int, Article]]:
    """The articles numbered ``numbers``, read in one batch."""
    articles = index.articles([ids[n] for n in numbers])
    if len(articles) != len(numbers):
        raise ValueError("articles of the link index are missing from the store")
    yield from zip(numbers, articles, strict=True)
