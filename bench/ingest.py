"""Benchmark: pages/s and peak memory of ingest + segment + store over generated pages.

    python bench/ingest.py [--pages 10000] [--jobs 1]

Pages are generated (fictional, with furniture, a share of them holding two articles), written
as .txt files to a temporary folder, and analysed with the analysis and link stages switched
off, so the figures are those of the foundation alone. Prints one line of figures per run.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from newstrace.analyze import AnalyzeOptions
from newstrace.run import RunOptions, analyze_corpus
from newstrace.store import Store

WORDS = (
    "officials protesters council minister province city report crowd court decree hospital union "
    "police statement government opposition talks vote strike square capital ministry"
).split()
NAMES = ["Lena Marsh", "Tomas Reyes", "Ada Kwan", "Ines Paredes", "Omar Haddad"]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?"])


def _article(rng: random.Random, i: int) -> str:
    paras = "\n\n".join(
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(4, 9))
    )
    return (
        f"Headline {i} about the {rng.choice(WORDS)} and the {rng.choice(WORDS)}\n"
        f"By {rng.choice(NAMES)}\nPublished On: June {rng.randint(1, 28)}, 2021\n\n{paras}\n"
    )


def page(rng: random.Random, i: int) -> str:
    """One generated scraped page: furniture around one or two articles."""
    parts = [
        f"Tuesday, October {rng.randint(1, 28)}, 2023",
        "Home › World › Politics",
        "728 x 90",
        "",
        _article(rng, i),
        "Share this: Facebook Twitter WhatsApp Email",
        "",
    ]
    if rng.random() < 0.2:
        parts += [_article(rng, i + 100_000), ""]
    parts += [
        "Tags: politics, protests",
        "Read More:",
        "Another headline here",
        "© 2023 Example News. All rights reserved.",
    ]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(20261122)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        total_bytes = 0
        for i in range(args.pages):
            text = page(rng, i)
            total_bytes += len(text.encode())
            (folder / f"page{i:06d}.txt").write_text(text, encoding="utf-8")
        options = RunOptions(analyze=AnalyzeOptions(stages=()), jobs=args.jobs, link=False)
        started = time.perf_counter()
        with Store(str(Path(tmp) / "bench.db")) as store:
            report = analyze_corpus([str(folder)], store, options)
        seconds = time.perf_counter() - started
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"ingest+segment+store: {args.pages} pages ({total_bytes / 2**20:.1f} MB), "
        f"{report.articles} articles, "
        f"jobs={args.jobs}: {seconds:.1f} s, {args.pages / seconds:.0f} pages/s, "
        f"{total_bytes / 2**20 / seconds:.2f} MB/s; peak RSS main {peak_self:.0f} MB, "
        f"largest worker {peak_children:.0f} MB; errors {len(report.errors)}"
    )


if __name__ == "__main__":
    main()
