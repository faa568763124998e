"""Check that a change leaves newstrace's output byte-identical (for refactorings).

    python bench/same_output.py save /tmp/before     # on the old code
    python bench/same_output.py check /tmp/before    # on the new code: exit 1 on any difference

Runs ``newstrace analyze`` on the bundled sample corpus, the seed pages and PolNeAR dev (the last
two read from ../shared, skipped with a message when absent), each into a fresh database, and
keeps the JSON Lines export and the CSV tables. ``check`` runs the same and compares every file
byte for byte, printing the first differing line of each file that changed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", ROOT.parent / "shared"))
CORPORA = {
    "sample": ROOT / "examples" / "corpus",
    "seeds": SHARED / "bench" / "seeds" / "texts",
    "polnear_dev": SHARED / "bench" / "quotes" / "dev.jsonl",
}
TABLE_FORMATS = ("csv", "gdelt", "acled")


def newstrace(*args: str) -> str | None:
    """Run the installed command line; its stderr when it failed (exit 2 or 3), else None."""
    command = [str(Path(sys.executable).with_name("newstrace")), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.stderr if done.returncode not in (0, 1) else None


def produce(out: Path) -> list[Path]:
    """Analyse every corpus into ``out``; the files written."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in CORPORA.items():
            if not source.exists():
                print(f"skipped {name}: {source} not found")
                continue
            db = str(Path(tmp) / f"{name}.db")
            jsonl = out / f"{name}.jsonl"
            failed = newstrace("analyze", str(source), "--db", db, "--export", str(jsonl), "-q")
            if failed:
                sys.exit(f"newstrace analyze {source} failed: {failed}")
            written.append(jsonl)
            for table_format in TABLE_FORMATS:
                folder = out / f"{name}-{table_format}"
                failed = newstrace("export", "--db", db, "--format", table_format, "-o", str(folder), "-q")
                if failed:  # kept as an outcome to compare: a refactoring must not fix or break it
                    shutil.rmtree(folder, ignore_errors=True)
                    folder = folder.with_suffix(".failed")
                    folder.write_text(failed.replace(tmp, "<tmp>"), encoding="utf-8")
                    written.append(folder)
                else:
                    written += sorted(folder.iterdir())
    return written


def first_difference(a: Path, b: Path) -> str:
    """The first line where two files differ, shortened."""
    with a.open(encoding="utf-8") as fa, b.open(encoding="utf-8") as fb:
        for n, (la, lb) in enumerate(zip(fa, fb, strict=False), start=1):
            if la != lb:
                return f"line {n}:\n  before: {la[:300].rstrip()}\n  after:  {lb[:300].rstrip()}"
    return "one file is a prefix of the other"


def digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=["save", "check"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.mode == "save":
        args.folder.mkdir(parents=True, exist_ok=True)
        files = produce(args.folder)
        print(f"saved {len(files)} files in {args.folder}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        after = Path(tmp)
        files = produce(after)
        changed = 0
        for path in files:
            before = args.folder / path.relative_to(after)
            if not before.exists():
                print(f"NEW   {path.relative_to(after)}")
                changed += 1
            elif digest(before) != digest(path):
                print(f"DIFF  {path.relative_to(after)}: {first_difference(before, path)}")
                changed += 1
        print(f"{len(files) - changed} of {len(files)} files byte-identical")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
