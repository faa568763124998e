"""Benchmark: time and peak memory of copy detection over generated corpora with planted copies.

    .venv/bin/python bench/copies.py                      # 10k and 100k articles
    .venv/bin/python bench/copies.py --sizes 10000 100000 1000000

Articles are generated, not real: words drawn from a Zipf(1.1) distribution over a 50,000-word
made-up vocabulary, 8-20 sentences of 8-30 words (about 270 words an article), paragraphs of
2-4 sentences. In every block of 20 articles, article 1 reposts article 0 (furniture lines,
light word edits, truncated to 60-100 %), and article 6 carries 2-4 lightly edited sentences of
article 5 inside its own text: 10 planted copies per 100 articles. Articles are generated on
demand from their number (a lazy sequence), so the figures are those of the copies step itself,
not of holding the corpus text.

Each size runs in a fresh process; peak memory is that process's peak resident set (ru_maxrss),
shown with the resident set before the step started (interpreter, numpy, datasketch). CPU time
(process time) is shown with wall time: on a machine shared with other jobs it is the steadier
measure of growth. Generating the articles is part of the timed step (all of them for the
first pass, those of candidate pairs again for verification); the CPU of generating every text
once is estimated from a sample and shown, with the CPU net of it (the copies step with texts
generated again for verification still counted), since a stored corpus reads its texts instead.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import overload

import numpy as np

from newstrace.link.copies import find_copies
from newstrace.model import Article, ArticleFindings

GENERATION_SAMPLE = 2000  # articles generated again to estimate the CPU the step spent generating
VOCABULARY = 50_000
ZIPF = 1.1
BLOCK = 20
FURNITURE = [
    "Advertisement",
    "Share this: Facebook Twitter Email",
    "Read more: latest news",
    "© 2024 Example",
]
SYLLABLES = (
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu".split()
)


def _vocabulary(rng: np.random.Generator) -> list[str]:
    """VOCABULARY distinct made-up words of 2-5 syllables, in a random order."""
    words: set[str] = set()
    while len(words) < VOCABULARY:
        for parts in rng.integers(0, len(SYLLABLES), size=(VOCABULARY, 5)):
            words.add("".join(SYLLABLES[p] for p in parts[: 2 + parts[0] % 4]))
    ordered = sorted(words)[:VOCABULARY]
    rng.shuffle(ordered)
    return ordered


class GeneratedCorpus(Sequence[ArticleFindings]):
    """``size`` generated articles with planted copies, made on demand from their number."""

    def __init__(self, size: int, seed: int = 7) -> None:
        self.size, self.seed = size, seed
        self.words = _vocabulary(np.random.default_rng(seed))
        weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF
        self.cumulative = np.cumsum(weights / weights.sum())

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, index: int) -> ArticleFindings: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ArticleFindings]: ...
    def __getitem__(self, index: int | slice) -> ArticleFindings | Sequence[ArticleFindings]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.size))]
        if not 0 <= index < self.size:
            raise IndexError(index)  # ends iteration (Sequence.__iter__ indexes until IndexError)
        text = self.text(index)
        published = f"2024-{1 + index % 12:02d}-{1 + (index // 12) % 28:02d}"
        return ArticleFindings(
            Article(f"g{index:08d}", "doc", 0, f"gen#{index}", None, None, published, None, text)
        )

    def text(self, index: int) -> str:
        """The text of article ``index`` (planted copies included)."""
        rng = np.random.default_rng((self.seed, index))
        role = index % BLOCK
        if role == 1:
            return self._repost(self._paragraphs(index - 1), rng)
        own = self._paragraphs(index)
        if role == 6:
            source = [s for p in self._paragraphs(index - 1) for s in p]
            first = int(rng.integers(0, len(source) - 4))
            passage = [self._edit(s, rng) for s in source[first : first + int(rng.integers(2, 5))]]
            own.insert(int(rng.integers(0, len(own) + 1)), passage)
        return "\n".join(" ".join(p) for p in own)

    def _paragraphs(self, index: int) -> list[list[str]]:
        rng = np.random.default_rng((self.seed, index, 1))
        sentences = []
        for _ in range(int(rng.integers(8, 21))):
            ranks = np.searchsorted(self.cumulative, rng.random(int(rng.integers(8, 31))))
            words = [self.words[min(r, VOCABULARY - 1)] for r in ranks]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs, at = [], 0
        while at < len(sentences):
            step = int(rng.integers(2, 5))
            paragraphs.append(sentences[at : at + step])
            at += step
        return paragraphs

    def _repost(self, paragraphs: list[list[str]], rng: np.random.Generator) -> str:
        keep = max(1, round(len(paragraphs) * rng.uniform(0.6, 1.0)))
        body = [
            " ".join(self._edit(s, rng) if rng.random() < 0.2 else s for s in p) for p in paragraphs[:keep]
        ]
        body.insert(len(body) // 2, FURNITURE[int(rng.integers(0, len(FURNITURE)))])
        return "\n".join([FURNITURE[0], *body, FURNITURE[2], FURNITURE[3]])

    def _edit(self, sentence: str, rng: np.random.Generator) -> str:
        words = sentence.split(" ")
        at = int(rng.integers(1, len(words) - 1))
        words[at] = self.words[int(rng.integers(0, VOCABULARY))]
        return " ".join(words)


def planted_pairs(size: int) -> set[tuple[str, str]]:
    """The article pairs that carry a planted copy."""
    out = set()
    for base in range(0, size, BLOCK):
        for source, copy in ((base, base + 1), (base + 5, base + 6)):
            if copy < size:
                out.add((f"g{source:08d}", f"g{copy:08d}"))
    return out


def run_one(size: int) -> dict[str, float]:
    """Find the copies of a generated corpus of ``size`` articles; figures as a dict."""
    corpus = GeneratedCorpus(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu_started = time.perf_counter(), time.process_time()
    copies = find_copies(corpus)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    planted = planted_pairs(size)
    found = {tuple(sorted((c.a.article, c.b.article))) for c in copies}
    sample = range(0, size, max(1, size // GENERATION_SAMPLE))
    gen_started = time.process_time()
    for number in sample:
        corpus.text(number)
    generating = (time.process_time() - gen_started) / len(sample) * size
    return {
        "articles": size,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "generating_cpu_seconds": round(generating, 1),
        "peak_rss_mb": round(peak),
        "rss_before_mb": round(before),
        "copies": len(copies),
        "planted": len(planted),
        "recall": round(len(found & planted) / len(planted), 4) if planted else 1.0,
        "precision": round(len(found & planted) / len(found), 4) if found else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], check=True, capture_output=True, text=True
        ).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        row = rows[-1]
        print(
            f"{row['articles']:>9,} articles  {row['seconds']:>8.1f} s (CPU {row['cpu_seconds']:.1f} s, "
            f"of which generating the texts once ~{row['generating_cpu_seconds']:.1f} s; "
            f"CPU net of that ~{row['cpu_seconds'] - row['generating_cpu_seconds']:.1f} s)  "
            f"peak {row['peak_rss_mb']:>6,} MB "
            f"(before {row['rss_before_mb']} MB)  copies {row['copies']:,}  planted {row['planted']:,}  "
            f"P {row['precision']:.4f}  R {row['recall']:.4f}",
            flush=True,
        )
    for small, large in itertools.pairwise(rows):
        ratio = large["seconds"] / max(small["seconds"], 1e-9)
        cpu_ratio = large["cpu_seconds"] / max(small["cpu_seconds"], 1e-9)
        factor = large["articles"] / small["articles"]
        print(
            f"time x{ratio:.2f} (CPU x{cpu_ratio:.2f}) for x{factor:g} the articles "
            f"({small['articles']:,} -> {large['articles']:,})"
        )


if __name__ == "__main__":
    main()
