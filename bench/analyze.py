"""Benchmark: words/s of newstrace's analyze stage next to spaCy's full en_core_web_sm pipeline.

    python bench/analyze.py [--articles 84] [--repeat 2]

Both run in this one process over the same text, the PolNeAR dev articles in
../shared/bench/quotes/dev.jsonl (skipped, with a message, when ../shared is absent):

- newstrace: ``Analyzer.analyze`` on each article with every registered step (quotes: NER over
  the text, a parse of the quotations' sentences only);
- spaCy: ``nlp.pipe`` over the same texts with all of en_core_web_sm (tok2vec, tagger, parser,
  attribute_ruler, lemmatizer, ner), loaded the same way (NumPy ops, one BLAS thread).

Runs alternate and the best of ``--repeat`` is kept for each, so a busy machine hurts both
alike. Prints wall-clock and CPU words per second. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from newstrace.analyze import AnalyzeOptions, Analyzer
from newstrace.analyze.nlp import SpacyModel
from newstrace.model import Article

SHARED = Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEV = SHARED / "bench" / "quotes" / "dev.jsonl"


def load_articles(limit: int) -> list[Article]:
    """PolNeAR dev records as Articles (the record's publication date as published)."""
    articles = []
    with DEV.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= limit:
                break
            record = json.loads(line)
            published = (record.get("meta") or {}).get("publication_date")
            articles.append(
                Article(f"a{n}", "d", 0, str(DEV), record["id"], None, published, None, record["text"])
            )
    return articles


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=84)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not DEV.exists():
        print(f"skipped: {DEV} is absent (PolNeAR dev is read from ../shared; set NEWSTRACE_SHARED)")
        return
    articles = load_articles(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    analyzer = Analyzer(AnalyzeOptions())
    nlp = SpacyModel(analyzer.options.model).nlp
    analyzer.analyze(articles[0])  # load the model into the analyzer and warm both up
    list(nlp.pipe(texts[:2]))

    best: dict[str, tuple[float, float]] = {}
    runs: dict[str, Callable[[], object]] = {
        "spacy full pipeline (nlp.pipe)": lambda: list(nlp.pipe(texts)),
        "newstrace analyze stage": lambda: [analyzer.analyze(a) for a in articles],
    }
    for _ in range(args.repeat):
        for name, run in runs.items():
            wall, cpu = timed(run)
            best_wall, best_cpu = best.get(name, (wall, cpu))
            best[name] = (min(wall, best_wall), min(cpu, best_cpu))

    stages = ", ".join(s.name for s in analyzer.steps) or "none"
    print(f"{len(articles)} PolNeAR dev articles, {words} words; newstrace steps: {stages}")
    print(f"{'':32s} {'wall s':>8s} {'words/s':>9s} {'CPU s':>8s} {'words/CPU-s':>12s}")
    for name, (wall, cpu) in best.items():
        print(f"{name:32s} {wall:8.1f} {words / wall:9.0f} {cpu:8.1f} {words / cpu:12.0f}")
    (sw, sc), (nw, nc) = best["spacy full pipeline (nlp.pipe)"], best["newstrace analyze stage"]
    print(f"newstrace / spaCy speed: {sw / nw:.2f}x wall, {sc / nc:.2f}x CPU")


if __name__ == "__main__":
    main()
