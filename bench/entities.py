"""Benchmark: what the dates and entities steps add to the analyze stage, and what the merge costs.

    python bench/entities.py [--repeat 3]

Articles: PolNeAR dev texts (../shared/bench/quotes/dev.jsonl, skipped if absent) and the bundled
sample corpus (examples/corpus, segmented as the CLI does). For each article, in this process, three
parts are timed one after the other, so that load from other processes hits them alike:

- ``ner view``: the spaCy NER view of the article (article_nlp(work).entities). The quotes step
  reads this view too (speakers), so it is the analyze stage's floor once quotes run;
- ``dates``: the dates step;
- ``entities``: the entities step (the gazetteer and word list are loaded before timing, as a
  worker does once).

Each part's total is the best of ``--repeat`` passes. Prints words/s, each step's time as a share of
the NER view's, the gazetteer's load time, and the time of the corpus merge (link/aliases.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from newstrace.analyze import AnalyzeOptions, Analyzer, ArticleWork
from newstrace.analyze import date_step as dates_step
from newstrace.analyze.entities import extract as entities_step
from newstrace.analyze.entities.gazetteer import Gazetteer, build_gazetteer
from newstrace.analyze.nlp import article_nlp
from newstrace.ingest import IngestOptions, expand_inputs, read_input
from newstrace.link.aliases import merge_entities
from newstrace.model import Article, ArticleFindings, Error
from newstrace.segment import SegmentOptions, segment_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", ROOT.parent / "shared"))


def polnear_articles() -> list[Article]:
    path = SHARED / "bench" / "quotes" / "dev.jsonl"
    if not path.exists():
        print(f"({path} is absent: PolNeAR dev skipped)")
        return []
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        out.append(Article(f"dev{i}", "", 0, f"dev#{i}", record["id"], None, None, None, record["text"]))
    return out


def sample_articles() -> list[Article]:
    out: list[Article] = []
    for ref in expand_inputs([str(ROOT / "examples" / "corpus")]):
        if isinstance(ref, Error):
            continue
        for doc in read_input(ref, IngestOptions()):
            if not isinstance(doc, Error):
                out.extend(segment_document(doc, SegmentOptions()))
    return out


def time_parts(analyzer: Analyzer, articles: Sequence[Article], repeat: int) -> dict[str, float]:
    """Seconds spent in the NER view, the dates step and the entities step (best pass each)."""
    best = {"ner view": float("inf"), "dates": float("inf"), "entities": float("inf")}
    for _ in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        for article in articles:
            work = ArticleWork(article, analyzer.options, analyzer.resources)
            t0 = time.perf_counter()
            article_nlp(work).entities  # noqa: B018  # computing the view is the point
            t1 = time.perf_counter()
            dates_step.STEP.run(work)
            t2 = time.perf_counter()
            entities_step.STEP.run(work)
            t3 = time.perf_counter()
            spent["ner view"] += t1 - t0
            spent["dates"] += t2 - t1
            spent["entities"] += t3 - t2
        best = {k: min(best[k], spent[k]) for k in best}
    return best


def bench_set(name: str, articles: list[Article], analyzer: Analyzer, repeat: int) -> None:
    if not articles:
        return
    words = sum(len(a.text.split()) for a in articles)
    print(f"\n{name}: {len(articles)} articles, {words} words")
    parts = time_parts(analyzer, articles, repeat)
    ner = parts["ner view"]
    for label, seconds in parts.items():
        share = "" if label == "ner view" else f"  = {100 * seconds / ner:5.1f}% of the NER view"
        print(f"  {label:<10} {seconds:7.2f} s  {words / seconds:9.0f} words/s{share}")
    findings: list[ArticleFindings] = [analyzer.analyze(a) for a in articles]
    started = time.perf_counter()
    merged = merge_entities(findings)
    count = sum(len(f.entities) for f in findings)
    took = time.perf_counter() - started
    print(f"  merge: {count} article entities -> {len(merged)} entities in {took:.3f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration (best is kept)")
    args = parser.parse_args(argv)
    analyzer = Analyzer(AnalyzeOptions())
    started = time.perf_counter()
    analyzer.resources.get("gazetteer", build_gazetteer, Gazetteer)
    loaded = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer loaded once in {loaded:.2f} s (process peak RSS so far {rss:.0f} MB)")
    entities_step.STEP.prepare(analyzer.resources)  # spaCy's word list too, as a worker does at start
    articles = polnear_articles()
    bench_set("PolNeAR dev", articles, analyzer, args.repeat)
    bench_set("sample corpus", sample_articles(), analyzer, args.repeat)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
