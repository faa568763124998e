"""Quote clusters: the same remark across articles, identical, edited, or in another translation.

Two quotes are linked

- lexically, when most words of the shorter one lie, in runs, inside the longer one (a fragment
  quoted from a longer quotation counts: "will have to raise [the levy] again next year" inside
  "... We will have to raise it again next year"; words in square brackets are the writer's
  insertions and are left out), whatever the articles, if their speakers do not conflict (the
  same speaker, or one unknown);
- semantically, when they are quotes of the same speaker in different articles whose sentence
  embeddings (all-MiniLM-L6-v2) are very close (two translations of one sentence can share few
  words), or close while sharing a good part of their words (overlapping renderings of a remark).

Linked quotes form clusters (connected components). Scare quotes (no speaker: a term, a title)
are never clustered. A cluster is ``translation`` if a semantic link holds it together,
``identical`` if its members have the same words (ignoring a leading or trailing article or
conjunction), else ``edited``.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import partial

import numpy as np

from newstrace.graph import DisjointSet
from newstrace.ids import stable_id
from newstrace.link.index import LinkIndex
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import ClusterOptions, LinkOptions
from newstrace.link.pairs import earlier_of
from newstrace.link.semantic import Embedder, embed, load_embedder
from newstrace.link.step import LinkStep
from newstrace.model import ArticleFindings, ClusterRelation, CorpusLinks, Quote, QuoteCluster

log = logging.getLogger(__name__)

__all__ = ["STEP", "ClustersStep", "containment", "find_clusters", "quote_words"]

BRACKETED = re.compile(r"\[[^\]]*\]")
WORD = re.compile(r"\w+")
# Function words: not counted as content, and dropped at the ends when comparing for "identical".
STOP = frozenset(
    "a an the and or but of to in on at for by with from as is are was were be been it its this that "
    "these those i you he she we they".split()
)
SIMILARITY_BLOCK = 2048  # quotes compared at once in the semantic step (bounds the similarity matrix)
# Candidate pairs whose containment one piece of work checks: ~20 us a pair (PolNeAR dev: the
# lexical pairs of 1,023 quotes in 19 ms CPU), so ~0.1 s a piece, well above shipping it (ms).
LEXICAL_BATCH = 4096
# Quotes of the speaker groups one piece of work compares semantically (whole groups): the
# similarity rows of 2,048 quotes are one SIMILARITY_BLOCK, and their pairs are few.
SEMANTIC_PIECE = 2048


@dataclass(frozen=True, slots=True)
class _Item:
    quote: Quote
    words: tuple[str, ...]
    speaker: str | None
    published: str | None


class QuoteComponents(DisjointSet[int]):
    """Quote numbers joined into clusters, remembering the clusters a semantic link holds together."""

    def __init__(self, count: int) -> None:
        super().__init__(range(count))
        self.semantic: set[int] = set()  # roots of the clusters a semantic link holds together

    def link(self, x: int, y: int, semantic: bool) -> None:
        """Join the clusters of ``x`` and ``y``; a link within one cluster changes nothing."""
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return
        root = self.union(rx, ry)
        if semantic or rx in self.semantic or ry in self.semantic:
            self.semantic.add(root)


class ClustersStep(LinkStep):
    """The ``clusters`` link step: the same remark across articles, also in other translations.

    With a link index (:meth:`using`), quote embeddings are read from it and new ones saved there.
    """

    name = "clusters"

    def __init__(self, index: LinkIndex | None = None, mapper: Mapper = in_process) -> None:
        self.index, self.mapper = index, mapper

    def using(self, index: LinkIndex) -> ClustersStep:
        """This step, keeping its quote embeddings in ``index``."""
        return ClustersStep(index, self.mapper)

    def mapped(self, mapper: Mapper) -> ClustersStep:
        """This step, checking candidate pairs, embedding quotations and comparing speaker groups
        with ``mapper``."""
        return ClustersStep(self.index, mapper)

    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with the quote clusters."""
        found = find_clusters(findings, options.clusters, index=self.index, mapper=self.mapper)
        return replace(links, clusters=links.clusters + tuple(found))


STEP = ClustersStep()


def find_clusters(
    findings: Iterable[ArticleFindings],
    options: ClusterOptions | None = None,
    embedder: Callable[[], Embedder | None] = load_embedder,
    index: LinkIndex | None = None,
    mapper: Mapper = in_process,
) -> list[QuoteCluster]:
    """Clusters of the quotes in ``findings``; ``embedder`` is called only if a pair needs it
    (and ``index``, when given, holds no vector for it).

    ``mapper`` runs the independent pieces of work (here, or on a Dask cluster, the clusters
    being the same): the containment checks of batches of candidate pairs, the embedding of
    batches of quotations, and the comparison of the quotes of whole speaker groups. Links are
    made here, in the order of the pieces."""
    opts = options or ClusterOptions()
    items = [
        _Item(q, words, _speaker_key(q.speaker), f.article.published)
        for f in findings
        for q in f.quotes
        if q.kind != "scare" and _clusterable(words := quote_words(q.text), opts)
    ]
    components = QuoteComponents(len(items))
    for i, j in _lexical_pairs(items, opts, mapper):
        components.link(i, j, semantic=False)
    if opts.semantic:
        encode = partial(embed, embedder=embedder, index=index, mapper=mapper)
        _semantic_links(items, components, opts, encode, mapper)
    return _clusters(items, components)


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quote, normalised (NFKC, lowercase), without bracketed insertions."""
    return tuple(WORD.findall(BRACKETED.sub(" ", unicodedata.normalize("NFKC", text)).lower()))


def containment(a: Sequence[str], b: Sequence[str], min_run_words: int = 2) -> float:
    """Share of the shorter word sequence that lies in runs of ``min_run_words`` inside the other."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return 0.0
    blocks = SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks if b.size >= min_run_words) / len(short)


def _clusterable(words: tuple[str, ...], options: ClusterOptions) -> bool:
    content = sum(1 for w in words if w not in STOP)
    return len(words) >= options.min_words and content >= options.min_content_words


def _speaker_key(speaker: str | None) -> str | None:
    if not speaker:
        return None
    return " ".join(quote_words(speaker)) or None


def _speakers_agree(a: str | None, b: str | None) -> bool:
    """Same speaker, or one unknown; "smith" agrees with "jane smith"."""
    if a is None or b is None:
        return True
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _lexical_pairs(
    items: list[_Item], options: ClusterOptions, mapper: Mapper = in_process
) -> Iterable[tuple[int, int]]:
    """Pairs of quotes whose containment reaches the threshold (and whose speakers agree).

    Quotes with the same words pair with the first of them directly. The others are compared
    only when they share enough word pairs (bigrams) that are not too common: words in runs of
    two or more in the shorter quote mean most of its bigrams are in the longer one.
    """
    first_of: dict[tuple[tuple[str, ...], str | None], int] = {}
    distinct: list[int] = []
    for number, item in enumerate(items):
        key = (_core(item.words), item.speaker)
        if key in first_of:
            yield first_of[key], number
        else:
            first_of[key] = number
            distinct.append(number)
    pairs = _shared_bigram_pairs(items, distinct, options)
    batches = (
        [(items[i].words, items[i].speaker, items[j].words, items[j].speaker) for i, j in batch]
        for batch in (pairs[k : k + LEXICAL_BATCH] for k in range(0, len(pairs), LEXICAL_BATCH))
    )
    verdicts = itertools.chain.from_iterable(mapper(partial(contained_pairs, options=options), batches))
    yield from itertools.compress(pairs, verdicts)


QuotePair = tuple[tuple[str, ...], str | None, tuple[str, ...], str | None]  # words, speaker of each


def contained_pairs(batch: Sequence[QuotePair], options: ClusterOptions) -> list[bool]:
    """For each candidate pair of a batch: whether the speakers agree and the shorter quote's
    words lie, in runs, inside the longer one (``lexical_containment``)."""
    return [
        _speakers_agree(speaker_a, speaker_b)
        and containment(words_a, words_b, options.min_run_words) >= options.lexical_containment
        for words_a, speaker_a, words_b, speaker_b in batch
    ]


def _shared_bigram_pairs(
    items: list[_Item], numbers: list[int], options: ClusterOptions
) -> list[tuple[int, int]]:
    """Pairs of ``numbers`` sharing at least half of the shorter quote's bigrams (rare ones only)."""
    bigrams = {n: set(itertools.pairwise(items[n].words)) for n in numbers}
    postings: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for number in numbers:
        for pair in bigrams[number]:
            postings[pair].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= options.max_posting:
            shared.update(itertools.combinations(members, 2))
    return sorted(
        (i, j) for (i, j), count in shared.items() if 2 * count >= min(len(bigrams[i]), len(bigrams[j]))
    )


def _semantic_links(
    items: list[_Item],
    components: QuoteComponents,
    options: ClusterOptions,
    encode: Callable[[list[str]], np.ndarray | None],
    mapper: Mapper = in_process,
) -> None:
    """Link same-speaker quotes in different articles whose embeddings are close.

    Every quote of every group is encoded in one call (one batch run, not one per speaker);
    whole speaker groups, ``SEMANTIC_PIECE`` quotes at a time, are compared by ``mapper``.
    """
    groups = _speaker_groups(items, components, options)
    if not groups:
        return
    everything = encode([items[m].quote.text for members in groups for m in members])
    if everything is None:
        return
    work: list[list[SpeakerGroup]] = [[]]
    offset = 0
    for members in groups:
        vectors = everything[offset : offset + len(members)]
        offset += len(members)
        quotes = [(items[m].quote.article, items[m].speaker, items[m].words) for m in members]
        if sum(len(g[0]) for g in work[-1]) >= SEMANTIC_PIECE:
            work.append([])
        work[-1].append((quotes, vectors))
    numbers = iter(groups)
    for piece in mapper(partial(semantic_pairs, options=options), work):
        for found in piece:
            members = next(numbers)
            for x, y, semantic in found:
                components.link(members[x], members[y], semantic=semantic)


GroupQuote = tuple[str, str | None, tuple[str, ...]]  # a quote's article, speaker key and words
SpeakerGroup = tuple[list[GroupQuote], np.ndarray]  # the quotes of one speaker and their vectors


def semantic_pairs(
    groups: Sequence[SpeakerGroup], options: ClusterOptions
) -> list[list[tuple[int, int, bool]]]:
    """For each speaker group, the links between its quotes (positions in the group, and whether
    the link is semantic): quotes of different articles, speakers agreeing, whose vectors reach
    ``semantic_threshold``, or ``overlap_semantic`` with ``overlap_containment`` of their words."""
    threshold = min(options.semantic_threshold, options.overlap_semantic)
    out = []
    for quotes, vectors in groups:
        links = []
        for x, y, cosine in _close_pairs(vectors, threshold):
            (article_a, speaker_a, words_a), (article_b, speaker_b, words_b) = quotes[x], quotes[y]
            if article_a == article_b or not _speakers_agree(speaker_a, speaker_b):
                continue
            if cosine >= options.semantic_threshold:
                links.append((x, y, True))
            elif containment(words_a, words_b, options.min_run_words) >= options.overlap_containment:
                links.append((x, y, False))
        out.append(links)
    return out


def _speaker_groups(
    items: list[_Item], components: QuoteComponents, options: ClusterOptions
) -> list[list[int]]:
    """Quotes by speaker (last name) in groups that span articles and are not yet one cluster."""
    by_speaker: defaultdict[str, list[int]] = defaultdict(list)
    for number, item in enumerate(items):
        if item.speaker is not None and len(item.words) >= options.semantic_min_words:
            by_speaker[item.speaker.rsplit(" ", 1)[-1]].append(number)
    groups = [
        _with_partner(members, items)
        for members in by_speaker.values()
        if len({items[m].quote.article for m in members}) > 1
        and len({components.find(m) for m in members}) > 1
    ]
    return [members for members in groups if len(members) > 1]


def _with_partner(members: list[int], items: list[_Item]) -> list[int]:
    """The ``members`` that some other member may link to: every semantic link joins quotes of
    different articles whose speakers agree, so a quote with no such member needs no vector
    (PolNeAR dev: 205 of the groups' 260 quotes embedded; the same links, in the same order)."""
    articles: defaultdict[str | None, set[str]] = defaultdict(set)  # of each speaker key
    for m in members:
        articles[items[m].speaker].add(items[m].quote.article)

    def partnered(m: int) -> bool:
        article, speaker = items[m].quote.article, items[m].speaker
        return any(
            _speakers_agree(speaker, other) and (len(found) > 1 or article not in found)
            for other, found in articles.items()
        )

    return [m for m in members if partnered(m)]


def _close_pairs(vectors: np.ndarray, threshold: float) -> Iterable[tuple[int, int, float]]:
    """Index pairs ``x < y`` whose cosine similarity reaches ``threshold`` (unit vectors)."""
    for start in range(0, len(vectors), SIMILARITY_BLOCK):
        block = vectors[start : start + SIMILARITY_BLOCK] @ vectors.T
        for x, y in zip(*np.nonzero(block >= threshold), strict=True):
            if start + x < y:
                yield int(start + x), int(y), float(block[x, y])


def _clusters(items: list[_Item], components: QuoteComponents) -> list[QuoteCluster]:
    out = []
    for members in components.groups():
        if len(members) < 2:
            continue
        quotes = [items[m] for m in members]
        relation: ClusterRelation = (
            "translation" if components.find(members[0]) in components.semantic else _lexical_relation(quotes)
        )
        ids = tuple(sorted(q.quote.id for q in quotes))
        out.append(
            QuoteCluster(stable_id("cluster", *ids), _speaker(quotes), ids, relation, _earliest(quotes))
        )
    return sorted(out, key=lambda c: c.id)


def _lexical_relation(quotes: list[_Item]) -> ClusterRelation:
    cores = {_core(q.words) for q in quotes}
    return "identical" if len(cores) == 1 else "edited"


def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    start, end = 0, len(words)
    while start < end and words[start] in STOP:
        start += 1
    while end > start and words[end - 1] in STOP:
        end -= 1
    return words[start:end]


def _speaker(quotes: list[_Item]) -> str | None:
    """The most frequent speaker as written (the longest form on ties), or None."""
    counts = Counter(q.quote.speaker for q in quotes if q.quote.speaker)
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], len(s), s))


def _earliest(quotes: list[_Item]) -> str | None:
    """The article published first among the members; None if unknown or tied between articles."""
    dated = sorted({(q.published, q.quote.article) for q in quotes if q.published})
    if not dated:
        return None
    first_date, first_article = dated[0]
    tied = any(a != first_article and earlier_of(first_date, d) is None for d, a in dated[1:])
    return None if tied else first_article
