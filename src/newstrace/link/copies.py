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
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice

from newstrace.link.candidates import BandIndex
from newstrace.link.copy_index import find_copies_indexed
from newstrace.link.fingerprints import TEXTS_PER_PASS, Fingerprinter
from newstrace.link.index import LinkIndex
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import CopyOptions, LinkOptions
from newstrace.link.pairs import earlier_of, load_from, verify_pairs
from newstrace.link.step import LinkStep
from newstrace.model import ArticleFindings, Copy, CorpusLinks

log = logging.getLogger(__name__)

__all__ = ["FINGERPRINT_BATCH", "STEP", "CopiesStep", "earlier_of", "find_copies"]

FINGERPRINT_BATCH = TEXTS_PER_PASS  # articles read and fingerprinted together


class CopiesStep(LinkStep):
    """The ``copies`` link step: every copy between the articles of the corpus.

    With a link index (:meth:`using`), band keys and verified pairs are kept between runs
    (:mod:`newstrace.link.copy_index`): a run computes only what new or changed articles need.
    """

    name = "copies"

    def __init__(self, index: LinkIndex | None = None, mapper: Mapper = in_process) -> None:
        self.index, self.mapper = index, mapper

    def using(self, index: LinkIndex) -> CopiesStep:
        """This step, keeping band keys and verified pairs in ``index``."""
        return CopiesStep(index, self.mapper)

    def mapped(self, mapper: Mapper) -> CopiesStep:
        """This step, pairing band key ranges and verifying batches of pairs with ``mapper``."""
        return CopiesStep(self.index, mapper)

    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with the copies."""
        if self.index is None:
            found = find_copies(findings, options.copies, self.mapper)
        else:
            found = find_copies_indexed(findings, options.copies, self.index, self.mapper)
        return replace(links, copies=links.copies + tuple(found))


STEP = CopiesStep()


def find_copies(
    findings: Sequence[ArticleFindings], options: CopyOptions | None = None, mapper: Mapper = in_process
) -> list[Copy]:
    """Reposts and shared passages between the articles of ``findings``.

    ``findings`` is read twice and indexed at random in the second pass; a lazy sequence
    (loading articles on demand) keeps memory independent of the corpus text. The pairing of
    band key ranges and the verification of batches of pairs run by ``mapper``.
    """
    opts = options or CopyOptions()
    started = time.perf_counter()
    printer = Fingerprinter(opts.shingle_words, opts.bands, opts.rows, opts.min_sentence_words, opts.seed)
    with BandIndex(opts.bands, opts.buffer_bytes, opts.max_bucket, opts.min_band_hits) as index:
        source, number = iter(findings), 0
        while texts := [f.article.text for f in islice(source, FINGERPRINT_BATCH)]:
            for keys in printer.keys_many(texts):
                index.add(number, keys)
                number += 1
        pairs = index.pairs(mapper)
    log.info("copies: %d candidate pairs in %.1f s", len(pairs), time.perf_counter() - started)
    copies = [
        c for _, found in verify_pairs(pairs.tolist(), load_from(findings), opts, mapper) for c in found
    ]
    log.info("copies: %d found in %.1f s", len(copies), time.perf_counter() - started)
    return copies
