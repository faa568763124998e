"""Benchmark: a whole ``newstrace analyze`` run next to a process running spaCy's full pipeline.

    python bench/end_to_end.py [--input FILE.jsonl] [--rounds 1] [--jobs 1]

Both sides are whole processes over the same texts (the PolNeAR dev articles in
../shared/bench/quotes/dev.jsonl by default; skipped, with a message, when absent):

- newstrace: ``newstrace analyze INPUT --db NEW.db -j JOBS`` (ingest, segment, analyze, store,
  link), into a fresh SQLite file each round;
- spaCy: a ``python`` process that loads the pinned ``en_core_web_sm`` (every component) the way newstrace
  loads it (NumPy ops, one BLAS thread) and runs ``nlp.pipe`` over the records' texts.

The two alternate, ``--rounds`` times, so a busy machine hurts both alike. CPU time (user +
sys of the child process, from ``getrusage``) is the figure compared; wall time is shown too.
Then a second ``analyze`` of the same input into the same database (nothing new: it should
only check what is stored) is timed. Figures, not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newstrace.analyze.options import DEFAULT_MODEL

ANALYZE_DONE = (0, 1)  # 1: some inputs failed, and the run still completed
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEV = SHARED / "bench" / "quotes" / "dev.jsonl"
BIN = Path(sys.executable).parent

SPACY_SCRIPT = """
import json, sys
import spacy
from thinc.api import NumpyOps, set_current_ops
from threadpoolctl import threadpool_limits
set_current_ops(NumpyOps(use_blis=False))
threadpool_limits(limits=1, user_api="blas")
nlp = spacy.load(sys.argv[2])
with open(sys.argv[1], encoding="utf-8") as fh:
    texts = [json.loads(line)["text"] for line in fh if line.strip()]
words = sum(len(d) for d in nlp.pipe(texts))
print(words)
"""


def child_run(command: list[str], allowed: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of a child process; stops the bench if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in allowed:
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--input", type=Path, default=DEV, help="a JSON Lines file of records with text")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of newstrace analyze (0: its default)")
    args = parser.parse_args()
    if not args.input.exists():
        print(f"skipped: {args.input} is absent (PolNeAR dev is read from ../shared; set NEWSTRACE_SHARED)")
        return
    with tempfile.TemporaryDirectory(prefix="newstrace-e2e-") as tmp:
        script = Path(tmp) / "spacy_full.py"
        script.write_text(SPACY_SCRIPT, encoding="utf-8")
        spacy_cmd = [sys.executable, str(script), str(args.input), DEFAULT_MODEL]
        ours: list[tuple[float, float]] = []
        theirs: list[tuple[float, float]] = []
        db = ""
        for number in range(args.rounds):
            db = str(Path(tmp) / f"run{number}.db")
            analyze = [str(BIN / "newstrace"), "analyze", str(args.input), "--db", db, "-q"]
            ours.append(child_run([*analyze, "-j", str(args.jobs)], ANALYZE_DONE))
            theirs.append(child_run(spacy_cmd))
        again = child_run([*analyze[:4], db, "-q"], ANALYZE_DONE)
    best_ours, best_theirs = min(c for _, c in ours), min(c for _, c in theirs)
    print(f"input: {args.input} ({args.rounds} round(s), newstrace -j {args.jobs})")
    for name, runs in (("newstrace analyze", ours), ("spaCy full pipeline", theirs)):
        cpu = ", ".join(f"{c:.1f}" for _, c in runs)
        wall = ", ".join(f"{w:.1f}" for w, _ in runs)
        print(f"  {name:20s} CPU s: {cpu}   wall s: {wall}")
    print(f"  spaCy CPU / newstrace CPU (best of each): {best_theirs / best_ours:.2f}x")
    print(f"  analyze again, nothing new: {again[0]:.2f} s wall, {again[1]:.2f} s CPU")


if __name__ == "__main__":
    main()
