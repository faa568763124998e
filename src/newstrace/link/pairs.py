"""A candidate pair of articles checked word by word: the passages they share, as Copy records.

:func:`copies_between` aligns two tokenised articles (:mod:`newstrace.link.align`) and turns
the shared spans into :class:`~newstrace.model.Copy` records; :func:`verify_pairs` does it for
many pairs, reading their articles in batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from newstrace.ids import stable_id
from newstrace.link.align import SharedSpan, merged, shared_spans
from newstrace.link.fingerprints import Words, words_of
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import CopyOptions
from newstrace.model import Article, ArticleFindings, Copy, CopyRelation, CopySide, Earlier

__all__ = [
    "LOW32",
    "VERIFY_BATCH",
    "Tokenised",
    "copies_between",
    "earlier_of",
    "load_from",
    "verify_batch",
    "verify_pairs",
]

# Candidate pairs verified per batch: their articles (at most twice as many) are read together
# and tokenised once; ~2,000 articles of ~2 KB with their word arrays take ~20 MB.
VERIFY_BATCH = 1024
LOW32 = 0xFFFFFFFF  # a packed pair is ``i << 32 | j``


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


def verify_pairs(
    pairs: Sequence[int],
    load: Callable[[list[int]], dict[int, Article]],
    options: CopyOptions,
    mapper: Mapper = in_process,
) -> Iterator[tuple[int, list[Copy]]]:
    """Each packed pair (``i << 32 | j``) with its copies, verified ``VERIFY_BATCH`` pairs at a time.

    The articles of a batch are read with one ``load`` call (numbers in, articles out) and each
    is tokenised once per batch: the reads grow with the candidate pairs, and a corpus of
    near-duplicates (one article in many pairs) reads it once per batch, not once per pair.
    Batches are read here and verified by ``mapper`` (a Dask cluster, say).
    """

    def batches() -> Iterator[tuple[Sequence[int], dict[int, Article]]]:
        for first in range(0, len(pairs), VERIFY_BATCH):
            batch = pairs[first : first + VERIFY_BATCH]
            yield batch, load(sorted({p >> 32 for p in batch} | {p & LOW32 for p in batch}))

    for verified in mapper(partial(verify_batch, options=options), batches()):
        yield from verified


def verify_batch(
    work: tuple[Sequence[int], dict[int, Article]], options: CopyOptions
) -> list[tuple[int, list[Copy]]]:
    """The copies of each packed pair of a batch, given the batch's articles by number."""
    batch, articles = work
    texts = {n: Tokenised.of(a) for n, a in articles.items()}
    return [(packed, copies_between(texts[packed >> 32], texts[packed & LOW32], options)) for packed in batch]


def load_from(findings: Sequence[ArticleFindings]) -> Callable[[list[int]], dict[int, Article]]:
    """A ``load`` for :func:`verify_pairs` that reads ``findings`` by position, in sorted order."""
    return lambda numbers: {n: findings[n].article for n in numbers}
