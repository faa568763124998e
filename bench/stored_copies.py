"""Benchmark: copy linking over a stored corpus: near-duplicates, and articles added to a corpus.

    .venv/bin/python bench/stored_copies.py templated --sizes 1000 2000 10000
    .venv/bin/python bench/stored_copies.py grow --base 100000 --add 10000

``templated``: short articles filled in from one template (a council meeting: town, date,
counts and names vary), the shape of wire records and generated local news, where nearly every
pair of articles is a candidate. Each corpus is stored in a fresh SQLite file (no analysis
steps: linking only), then the ``copies`` link step runs through the store (``link_store``),
as ``newstrace analyze`` runs it. Prints the candidate pairs and the CPU time of linking: time
that grows no faster than the pairs means no cliff.

``grow``: ``--base`` articles of bench/copies.py's generated corpus are stored and linked, then
``--add`` more are stored and linked again: the second figure is what adding articles to a
stored corpus costs (band keys of the base are read from the store, not computed again; only
pairs touching new articles are verified).

CPU time (process time) is shown with wall time; on a machine shared with other jobs CPU is the
steadier figure. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from newstrace.analyze import AnalyzeOptions
from newstrace.link import LinkOptions
from newstrace.run import RunOptions, analyze_corpus, link_store
from newstrace.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.copies import GeneratedCorpus  # the generated corpus of bench/copies.py

TOWNS = "Aldham Brimley Corwen Dunmore Elston Farley Garston Hexham Ilford Jarrow Kelso Ludlow".split()
NAMES = "Adams Baker Clarke Davies Evans Foster Green Hughes Irving Jones King Lewis".split()
TEMPLATE = (
    "The town council of {town} met on {day} March. {count} residents attended the meeting, "
    "which lasted {hours} hours. Councillor {name} said the budget for the coming year would be "
    "discussed again next month. The road works on the high street will begin in the spring, "
    "the council said, and will take {weeks} weeks. Residents can send their comments to the "
    "town hall until the end of the month."
)
COPIES_ONLY = LinkOptions(steps=("copies",))
STORE_ONLY = RunOptions(analyze=AnalyzeOptions(stages=()), link=False, jobs=1)


def templated(size: int, seed: int = 3) -> Iterator[dict[str, str]]:
    """``size`` records filled in from TEMPLATE."""
    rng = np.random.default_rng(seed)
    for number in range(size):
        text = TEMPLATE.format(
            town=TOWNS[rng.integers(len(TOWNS))],
            day=int(rng.integers(1, 29)),
            count=int(rng.integers(10, 500)),
            hours=int(rng.integers(1, 6)),
            name=NAMES[rng.integers(len(NAMES))],
            weeks=int(rng.integers(2, 20)),
        )
        yield {"id": f"t{number}", "title": f"Council meeting {number}", "text": text}


def generated(first: int, last: int) -> Iterator[dict[str, str]]:
    """Records ``first`` .. ``last - 1`` of bench/copies.py's generated corpus."""
    corpus = GeneratedCorpus(last)
    for number in range(first, last):
        yield {
            "id": f"g{number}",
            "text": corpus.text(number),
            "published": corpus[number].article.published or "",
        }


def store_records(records: Iterator[dict[str, str]], folder: Path, name: str, store: Store) -> None:
    """Write ``records`` as JSON Lines and store them (no analysis, no linking)."""
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record) + "\n")
    analyze_corpus([str(path)], store, STORE_ONLY)


def timed_link(store: Store) -> tuple[float, float, int]:
    """Wall and CPU seconds of linking copies, and the copies found."""
    wall, cpu = time.perf_counter(), time.process_time()
    errors = link_store(store, COPIES_ONLY)
    if errors:
        raise SystemExit(f"linking failed: {errors[0].message}")
    return time.perf_counter() - wall, time.process_time() - cpu, len(store.links().copies)


def run_templated(sizes: list[int]) -> None:
    """Link templated corpora of each size; print pairs and CPU."""
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="newstrace-bench-") as tmp, Store(f"{tmp}/t.db") as store:
            store_records(templated(size), Path(tmp), "templated", store)
            wall, cpu, copies = timed_link(store)
            pairs = store.engine.connect().exec_driver_sql("select count(*) from copy_pairs").scalar_one()
            print(
                f"templated {size:>7,} articles: {pairs:>9,} candidate pairs, {copies:>9,} copies, "
                f"link {wall:7.1f} s (CPU {cpu:6.1f} s, {1000 * cpu / max(pairs, 1):.2f} ms a pair)",
                flush=True,
            )


def run_grow(base: int, add: int) -> None:
    """Store and link ``base`` articles, then add ``add`` and link again; print both."""
    with tempfile.TemporaryDirectory(prefix="newstrace-bench-") as tmp, Store(f"{tmp}/g.db") as store:
        store_records(generated(0, base), Path(tmp), "base", store)
        wall, cpu, copies = timed_link(store)
        print(f"link {base:,} stored articles: {wall:.1f} s (CPU {cpu:.1f} s), {copies:,} copies", flush=True)
        store_records(generated(base, base + add), Path(tmp), "added", store)
        wall, cpu, copies = timed_link(store)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"add {add:,} articles and link again: {wall:.1f} s (CPU {cpu:.1f} s), {copies:,} copies; "
            f"peak memory of the whole bench {peak:,.0f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=["templated", "grow"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 10_000])
    parser.add_argument("--base", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=10_000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.mode == "templated":
        run_templated(args.sizes)
    else:
        run_grow(args.base, args.add)


if __name__ == "__main__":
    main()
