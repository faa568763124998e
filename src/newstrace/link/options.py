"""The link stage's options: one frozen object per step, nested in :class:`LinkOptions`.

Every default is documented here, once, with how it was calibrated; ``newstrace analyze
--config FILE`` reads the same fields from the ``[link]`` table of a TOML file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["AlignOptions", "ClusterOptions", "CopyOptions", "LinkOptions"]


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """How equal runs of words become shared passages.

    Attributes:
        min_block_words: shorter runs of equal words are chance ("of the", "he said").
        max_gap_words: seeds at most this many words apart on each side (an edit) chain.
        min_shared_words: a passage with fewer words in equal runs is not reported. 20 words is
            about one long or two short sentences: the seed pages' shared remark has 45 (and
            the planted 2-4 sentence passages of the planted-copy test have at least 20).
    """

    min_block_words: int = 3
    max_gap_words: int = 8
    min_shared_words: int = 20


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


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Options of quote clustering.

    Attributes:
        min_words, min_content_words: shorter quotes are too common to tie articles together.
        min_run_words: words count towards containment only in runs of equal words this long.
        lexical_containment: share of the shorter quote's words that must lie inside the
            longer one. The seed pages' edited members reach 0.91 and more ("were" for "are"),
            while different quotes of one speaker in PolNeAR train stay below 0.6 (bench/clusters.py).
        semantic: use sentence embeddings for quotes of the same speaker (translations).
        semantic_threshold: cosine similarity (all-MiniLM-L6-v2) from which two quotes of one
            speaker in different articles are one remark in another translation. Calibrated on
            PolNeAR train (bench/clusters.py): of its 76,167 same-speaker cross-article quote
            pairs, the highest that a reader judges to be different remarks (same topic, same
            day) reach 0.81; every pair at 0.85 or more is the same remark.
        overlap_semantic, overlap_containment: quotes that overlap in part (each has words the
            other lacks) are one remark when both hold; in the same calibration this linked the
            3 hand-checked same-remark pairs above 0.7 and no different-remark pair.
        semantic_min_words: shorter quotes are not compared semantically ("hundreds of thousands
            of dollars" and "hundreds of thousands or maybe millions" reach 0.73 and 0.6).
        max_posting: a word pair shared by more distinct quotes than this is too common to
            propose lexical pairs (quotes with the same words pair without it).
    """

    min_words: int = 3
    min_content_words: int = 2
    min_run_words: int = 2
    lexical_containment: float = 0.8
    semantic: bool = True
    semantic_threshold: float = 0.85
    overlap_semantic: float = 0.7
    overlap_containment: float = 0.6
    semantic_min_words: int = 6
    max_posting: int = 200


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """Options of the link stage.

    Attributes:
        steps: names of the link steps to run; None runs them all.
        copies: options of the ``copies`` step (reposts and shared passages).
        clusters: options of the ``clusters`` step (the same remark across articles).
    """

    steps: tuple[str, ...] | None = None
    copies: CopyOptions = field(default_factory=CopyOptions)
    clusters: ClusterOptions = field(default_factory=ClusterOptions)
