"""Benchmark: how long pathological pages take to be read or refused, and what becomes of them.

    python bench/hostile_pages.py [--cells 40000] [--timeout 60]

Generates a page holding one table of ``--cells`` cells (trafilatura's fallback extractor once took
189 s over 40,000 cells) and a page of 0.9 MB of one paragraph dense with quotations, and runs
``analyze`` over them (quotes step only, in this process, with ``--timeout``). Prints, per page,
the seconds it took, the peak memory of the process and what was stored: articles or an error.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from newstrace.run import RunOptions, analyze_corpus
from newstrace.store import Store


def _table(cells: int) -> str:
    rows = "".join("<tr>" + "<td>cell text here</td>" * 40 + "</tr>" for _ in range(cells // 40))
    return f"<html><body><h1>Table</h1><table>{rows}</table></body></html>"


def _quotes(size: int) -> str:
    sentence = '“We will not leave,” said one. “Nor will we,” said another, "and we mean it." '
    return "Dense quotes\n\n" + sentence * (size // len(sentence)) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cells", type=int, default=40_000)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages = {"table.html": _table(args.cells), "quotes.txt": _quotes(900_000)}
        options = RunOptions(jobs=1, timeout=args.timeout, link=False)
        options = replace(options, analyze=replace(options.analyze, stages=("quotes",)))
        for name, text in pages.items():
            (folder / name).write_text(text)
            began = time.perf_counter()
            with Store(str(folder / f"{name}.db")) as store:
                report = analyze_corpus([str(folder / name)], store, options)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            outcome = (
                f"error: {report.errors[0].message}" if report.errors else f"{report.articles} article(s)"
            )
            size = len(text.encode()) / 2**20
            took = time.perf_counter() - began
            print(f"{name} ({size:.1f} MB): {took:.1f} s, peak RSS {peak:.0f} MB, {outcome}")


if __name__ == "__main__":
    main()
