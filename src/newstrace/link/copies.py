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
from dataclasses import dataclass, replace

from newstrace.ids import stable_id
from newstrace.link.align import SharedSpan, merged, shared_spans
from newstrace.link.candidates import BandIndex
from newstrace.link.fingerprints import Fingerprinter, Words, words_of
from newstrace.link.options import CopyOptions, LinkOptions
from newstrace.link.step import LinkStep
from newstrace.model import Article, ArticleFindings, Copy, CopyRelation, CopySide, CorpusLinks, Earlier

log = logging.getLogger(__name__)

__all__ = ["STEP", "CopiesStep", "Tokenised", "copies_between", "earlier_of", "find_copies"]

WORDS_CACHE = 256  # tokenised articles kept while verifying pairs (pairs come sorted by first article)


class CopiesStep(LinkStep):
    """The ``copies`` link step: every copy between the articles of the corpus."""

    name = "copies"

    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with the copies."""
        return replace(links, copies=links.copies + tuple(find_copies(findings, options.copies)))


STEP = CopiesStep()


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
