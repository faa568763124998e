"""Facts and event mentions of one split, set against its gold, page by page, to group errors by cause.

    python bench/facts_diff.py SPLIT [--export EXPORT] [--events]

Analyses the split's pages (unless ``--export`` names an export of them already made) and prints,
per page, the gold facts missed, the facts found that are not gold and the matched facts whose unit
differs (matching as ``score.py seeds`` does: same value, best unit first); with ``--events``, the
event mentions found that are not gold and the gold ones missed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.realnews import _newstrace, gold_files, load, same_sentence, unpack

STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "to",
    "and",
    "or",
    "for",
    "by",
    "at",
    "as",
    "is",
    "are",
    "was",
    "were",
}


def _words(unit: str) -> set[str]:
    return {t.rstrip("s") for t in re.findall(r"[\w']+", unit.lower()) if t not in STOP}


def _same_value(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))
    except (TypeError, ValueError):
        return False


def fact_rows(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[str]:
    """Lines for one page: missed gold (-), unmatched found (+), matched with a wrong unit (~)."""
    pairs = sorted(
        ((len(_words(g["unit"]) & _words(f["unit"])), gi, fi) for gi, g in enumerate(gold)
         for fi, f in enumerate(found) if _same_value(g["value"], f["value"])),
        reverse=True,
    )  # fmt: skip
    used_g: set[int] = set()
    used_f: set[int] = set()
    lines = []
    for overlap, gi, fi in pairs:
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        if not overlap:
            lines.append(f"  ~ {gold[gi]['value']:>10} gold {gold[gi]['unit']!r} found {found[fi]['unit']!r}")
    lines += [f"  - {g['value']:>10} {g['unit']!r}  | {g['evidence'][:110]}" for i, g in enumerate(gold)
              if i not in used_g]  # fmt: skip
    lines += [
        f"  + {f['value']:>10} {f['unit']!r}  [{f['text']}]" for i, f in enumerate(found) if i not in used_f
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split")
    parser.add_argument("--export", type=Path)
    parser.add_argument("--events", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = args.export
        if export is None:
            pages = unpack(args.split, Path(tmp) / "pages")
            export = Path(tmp) / "out.jsonl"
            _newstrace("analyze", str(pages[0].parent), "--db", f"{tmp}/x.db", "--export", str(export), "-q")
        records: dict[str, list[dict[str, Any]]] = {}
        for line in export.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records.setdefault(record["type"], []).append(record)
    page_of = {a["id"]: Path(a["source"]).name for a in records.get("article", [])}
    texts = {a["id"]: a["text"] for a in records.get("article", [])}
    for path in gold_files(args.split):
        gold = load(path)
        ids = [i for i, p in page_of.items() if p == gold["file"]]
        found = [f for f in records.get("fact", []) if f["article"] in ids]
        lines = fact_rows(gold["facts"], found)
        if args.events:
            mentions = [m for m in records.get("event_mention", []) if m["article"] in ids]
            for m in mentions:
                sentence = texts[m["article"]][m["start"] : m["end"]]
                if not any(
                    e["kind"] == m["kind"] and same_sentence(sentence, e["evidence"]) for e in gold["events"]
                ):
                    lines.append(f"  E+ {m['kind']} [{m.get('trigger', '')}] {sentence[:120]!r}")
            for e in gold["events"]:
                if not any(e["kind"] == m["kind"] and same_sentence(texts[m["article"]][m["start"]:m["end"]],
                           e["evidence"]) for m in mentions):  # fmt: skip
                    lines.append(f"  E- {e['kind']} [{e.get('trigger', '')}] {e['evidence'][:120]!r}")
        if lines:
            print(f"{gold['file']}  (gold {len(gold['facts'])}, found {len(found)})")
            print("\n".join(lines))


if __name__ == "__main__":
    main()
