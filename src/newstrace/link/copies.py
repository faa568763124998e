"""Who copied whom: reposted articles and passages that articles share, with offsets on both sides.

Two passes over the corpus, so it scales to millions of articles with bounded memory:

1. candidates: each sentence's word shingles get a MinHash, cut into LSH bands
   (:mod:`newstrace.link.fingerprints`); articles sharing a band key are a candidate pair
   (:mod:`newstrace.link.candidates`, band keys spilled to disk past a buffer size);
2. verification: the words of each candidate pair are aligned exactly
   (:mod:`newstrace.link.align`), so every :class:`~newstrace.model.Copy` carries the real
   character offsets of the shared passage in both articles' text.

A pair whose shared words cover most of both articles is one ``same-article`` copy (a repost,
with furniture added, light edits or truncation); otherwise each shared passage is a
``shared-passage`` copy. ``earlier`` says which side was published first, when both dates are known.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newstrace.ids import stable_id
from newstrace.link.align import AlignOptions, SharedSpan, merged, shared_spans
from newstrace.link.candidates import BandIndex
from newstrace.link.fingerprints import Fingerprinter, Words, words_of
from newstrace.model import Article, ArticleFindings, Copy, CopyRelation, CopySide, CorpusLinks, Earlier

if TYPE_CHECKING:
    from newstrace.link.corpus import LinkOptions

log = logging.getLogger(__name__)

__all__ = ["CopyOptions", "Tokenised", "copies_between", "earlier_of", "find_copies", "link_copies"]

WORDS_CACHE = 256  # tokenised articles kept while verifying pairs (pairs come sorted by first article)


@dataclass(frozen=True, slots=True)
class CopyOptions:
    """Options of copy detection.

    Attributes:
        shingle_words: words per shingle of a sentence. 3 keeps a one-word edit from
            spoiling more than three shingles of a sentence.
        bands, rows: LSH bands and rows per band of each sentence's MinHash. A band of two
            sentences agrees with probability J^rows (J: Jaccard of their shingle sets), so 20 x 4
            makes a pair agree in at least two bands with probability 0.97 at J = 0.7 (a sentence
            with one word edited), 0.43 at J = 0.5, 0.002 at J = 0.2.
        min_band_hits: a candidate pair must agree in at least this many (sentence, band)
            places. Chance agreements between unrelated sentences grow with the square of the
            corpus; on the generated corpus of bench/copies.py, with 16 x 3 bands and one hit,
            candidates grew 4x when the corpus doubled (13,280 at 10k articles, 1,000 of them
            planted copies); 20 x 4 with two hits gave 997, and 4 of the 1,000 planted copies
            (passages whose every sentence was edited) fell below it.
        min_sentence_words: sentences shorter than this get no fingerprint.
        max_bucket: see :class:`~newstrace.link.candidates.BandIndex`.
        buffer_bytes: band keys held in memory before spilling to disk.
        same_article_major, same_article_minor: a pair is ``same-article`` when the shared words
            cover at least ``major`` of one article and ``minor`` of the other. Calibrated on the
            planted-copy test (tests/link/test_planted_copies.py, PolNeAR train): reposts with
            furniture lines, light edits and truncation to 60-100 % of the paragraphs covered
            >= 0.83 of the larger side and >= 0.42 of the other; 2-4 sentence passages planted in
            other articles covered <= 0.35 and <= 0.22. The thresholds sit in those gaps.
        align: how equal words become shared passages.
        seed: MinHash permutation seed.
    """

    shingle_words: int = 3
    bands: int = 20
    rows: int = 4
    min_band_hits: int = 2
    min_sentence_words: int = 6
    max_bucket: int = 200
    buffer_bytes: int = 64 * 1024 * 1024
    same_article_major: float = 0.6
    same_article_minor: float = 0.3
    align: AlignOptions = field(default_factory=AlignOptions)
    seed: int = 1


def link_copies(findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions) -> CorpusLinks:
    """The ``copies`` link step: every copy between the articles of ``findings``."""
    return replace(links, copies=links.copies + tuple(find_copies(findings, options.copies)))


def find_copies(findings: Sequence[ArticleFindings], options: CopyOptions | None = None) -> list[Copy]:
    """Reposts and shared passages between the articles of ``findings``.

    ``findings`` is read twice and indexed at random in the second pass; a lazy sequence
    (loading articles on demand) keeps memory independent of the corpus text.
    """
    opts = options or CopyOptions()
    started = time.perf_counter()
    printer = Fingerprinter(opts.shingle_words, opts.bands, opts.rows, opts.min_sentence_words, opts.seed)
    with BandIndex(opts.bands, opts.buffer_bytes, opts.max_bucket, opts.min_band_hits) as index:
        for number, found in enumerate(findings):
            index.add(number, printer.keys(found.article.text))
        pairs = index.pairs()
    log.info("copies: %d candidate pairs in %.1f s", len(pairs), time.perf_counter() - started)
    copies = list(_verified(findings, pairs.tolist(), opts))
    log.info("copies: %d found in %.1f s", len(copies), time.perf_counter() - started)
    return copies


@dataclass(frozen=True, slots=True)
class Tokenised:
    """An article with its words (from :func:`~newstrace.link.fingerprints.words_of`)."""

    article: Article
    words: Words

    @classmethod
    def of(cls, article: Article) -> Tokenised:
        """Tokenise ``article``."""
        return cls(article, words_of(article.text))


def copies_between(a: Tokenised, b: Tokenised, options: CopyOptions) -> list[Copy]:
    """The copies between two articles."""
    if a.article.id == b.article.id:
        return []
    if b.article.id < a.article.id:
        a, b = b, a
    spans = shared_spans(a.words, b.words, options.align)
    if not spans:
        return []
    relation = _relation(spans, len(a.words), len(b.words), options)
    if relation == "same-article":
        spans = [merged(spans)]
    earlier = earlier_of(a.article.published, b.article.published)
    return [_copy(a, b, span, relation, earlier) for span in spans]


def earlier_of(a: str | None, b: str | None) -> Earlier | None:
    """``"a"`` or ``"b"``: the side published first; None when a date is missing or they tie.

    Dates of different granularity compare only where they differ (``2020-05`` is before
    ``2020-06-02``; ``2020-06`` and ``2020-06-02`` cannot be ordered).
    """
    if not a or not b:
        return None
    length = min(len(a), len(b))
    if a[:length] == b[:length]:
        return None
    return "a" if a[:length] < b[:length] else "b"


def _relation(spans: list[SharedSpan], a_len: int, b_len: int, options: CopyOptions) -> CopyRelation:
    matched = sum(s.matched for s in spans)
    covers = sorted((min(1.0, matched / max(a_len, 1)), min(1.0, matched / max(b_len, 1))))
    if covers[1] >= options.same_article_major and covers[0] >= options.same_article_minor:
        return "same-article"
    return "shared-passage"


def _copy(
    a: Tokenised, b: Tokenised, span: SharedSpan, relation: CopyRelation, earlier: Earlier | None
) -> Copy:
    side_a = _side(a, span.a_start, span.a_end)
    side_b = _side(b, span.b_start, span.b_end)
    copy_id = stable_id("copy", *_side_key(side_a), *_side_key(side_b))
    return Copy(copy_id, side_a, side_b, round(span.dice(), 4), relation, earlier)


def _side(text: Tokenised, first: int, last: int) -> CopySide:
    """The characters of words ``[first, last)``."""
    return CopySide(text.article.id, int(text.words.starts[first]), int(text.words.ends[last - 1]))


def _side_key(side: CopySide) -> tuple[str, int, int]:
    return side.article, side.start, side.end


def _verified(findings: Sequence[ArticleFindings], pairs: list[int], options: CopyOptions) -> Iterator[Copy]:
    cache: OrderedDict[int, Tokenised] = OrderedDict()

    def load(number: int) -> Tokenised:
        if number in cache:
            cache.move_to_end(number)
        else:
            cache[number] = Tokenised.of(findings[number].article)
            if len(cache) > WORDS_CACHE:
                cache.popitem(last=False)
        return cache[number]

    for packed in pairs:
        yield from copies_between(load(packed >> 32), load(packed & 0xFFFFFFFF), options)
