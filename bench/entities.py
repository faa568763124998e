"""Benchmark: what the dates and entities steps add to the analyze stage, and what the merge costs.

    python bench/entities.py [--repeat 3]

Articles: PolNeAR dev texts (../shared/bench/quotes/dev.jsonl, skipped if absent) and the bundled
sample corpus (examples/corpus, segmented as the CLI does). Each set is analysed, in this process,
by the Analyzer with these step lists (the best of ``--repeat`` runs):

- ``ner view``: the spaCy NER view of each article and nothing else. The quotes step reads this
  view too (speakers), so it is the analyze stage's floor once quotes run;
- ``+ dates``: the dates step on top;
- ``+ dates, entities``: the entities step too (gazetteer loaded before timing: once per worker).

Prints words/s for each, the time the entities step adds as a share of the NER-view run, and
the gazetteer's load time and the corpus merge (link/aliases.py) time.
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

from newstrace.analyze import AnalyzeOptions, Analyzer, ArticleWork, StageSpec
from newstrace.analyze.dates import attach_dates
from newstrace.analyze.entities import attach_entities
from newstrace.analyze.gazetteer import build_gazetteer
from newstrace.analyze.nlp import article_nlp
from newstrace.ingest import IngestOptions, expand_inputs, read_input
from newstrace.link.aliases import merge_entities
from newstrace.model import Article, ArticleFindings, Error
from newstrace.segment import SegmentOptions, segment_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", ROOT.parent / "shared"))


def _ner_view(work: ArticleWork, options: AnalyzeOptions) -> None:
    article_nlp(work).entities  # noqa: B018  # computing the view is the point


NER_VIEW = StageSpec("ner-view", _ner_view)
DATES = StageSpec("dates", attach_dates)
ENTITIES = StageSpec("entities", attach_entities)
RUNS = {
    "ner view": [NER_VIEW],
    "+ dates": [NER_VIEW, DATES],
    "+ dates, entities": [NER_VIEW, DATES, ENTITIES],
}


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


def time_run(analyzer: Analyzer, stages: list[StageSpec], articles: Sequence[Article], repeat: int) -> float:
    analyzer.stages = stages
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for article in articles:
            analyzer.analyze(article)
        best = min(best, time.perf_counter() - started)
    return best


def bench_set(name: str, articles: list[Article], analyzer: Analyzer, repeat: int) -> None:
    if not articles:
        return
    words = sum(len(a.text.split()) for a in articles)
    print(f"\n{name}: {len(articles)} articles, {words} words")
    times = {label: time_run(analyzer, stages, articles, repeat) for label, stages in RUNS.items()}
    for label, seconds in times.items():
        print(f"  {label:<20} {seconds:7.2f} s  {words / seconds:8.0f} words/s")
    added = times["+ dates, entities"] - times["+ dates"]
    print(f"  entities step adds {added:.2f} s = {100 * added / times['ner view']:.1f}% of the NER-view run")
    dates_added = times["+ dates"] - times["ner view"]
    print(f"  dates step adds    {dates_added:.2f} s = {100 * dates_added / times['ner view']:.1f}%")
    analyzer.stages = [DATES, ENTITIES]
    findings: list[ArticleFindings] = [analyzer.analyze(a) for a in articles]
    started = time.perf_counter()
    merged = merge_entities(findings)
    count = sum(len(f.entities) for f in findings)
    print(f"  merge: {count} article entities -> {len(merged)} in {time.perf_counter() - started:.3f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration (best is kept)")
    args = parser.parse_args(argv)
    analyzer = Analyzer(AnalyzeOptions())
    started = time.perf_counter()
    analyzer.resources.get("gazetteer", build_gazetteer)
    loaded = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer loaded once in {loaded:.2f} s (process peak RSS so far {rss:.0f} MB)")
    articles = polnear_articles()
    time_run(analyzer, [NER_VIEW], articles[:3] or sample_articles()[:3], 1)  # load spaCy before timing
    bench_set("PolNeAR dev", articles, analyzer, args.repeat)
    bench_set("sample corpus", sample_articles(), analyzer, args.repeat)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
