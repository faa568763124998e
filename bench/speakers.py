"""Speaker checks on an export: what a speaker must never be, and how many quotes have none.

    python bench/speakers.py EXPORT.jsonl [GOLD_DIR]

Prints, over the export's quotes: direct quotes and the share with no speaker; articles where one
person is given two speaker names (one name the last words of another: "Doherty" and "Michael
Doherty"); speakers that name a place, building or work (an exported entity of kind GPE, LOC, FAC
or WORK_OF_ART, or, with GOLD_DIR (the real-news gold of bench/data/realnews), a gold entity of
kind GPE, LOC, FAC or WORK), each listed.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "WORK_OF_ART", "WORK"})


def load(path: Path) -> list[dict[str, Any]]:  # Any: JSON records
    """The records of a JSON Lines export."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def non_speaker_names(records: list[dict[str, Any]], gold: Path | None) -> set[str]:  # Any: JSON
    """Lower-cased names of places, buildings and works: exported entities, and gold ones."""
    names = {
        n.lower()
        for r in records
        if r["type"] == "entity" and r["kind"] in NOT_SPEAKERS
        for n in (r["name"], *r["aliases"])
    }
    if gold is not None:
        for path in gold.glob("*.json"):
            page = json.loads(path.read_text(encoding="utf-8"))
            for entity in page.get("entities", []) if isinstance(page, dict) else []:
                if entity.get("type") in NOT_SPEAKERS:
                    names |= {s.lower() for s in entity.get("surface_forms", [])}
    return names


def split_people(speakers: set[str]) -> list[tuple[str, str]]:
    """Pairs of speaker names of one article where the first is the last words of the second."""
    return [
        (short, full)
        for short in speakers
        for full in speakers
        if short != full and full.endswith(" " + short) and short[:1].isupper()
    ]


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    records = load(Path(sys.argv[1]))
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    quotes = [r for r in records if r["type"] == "quote"]
    direct = [q for q in quotes if q["kind"] == "direct"]
    unspoken = [q for q in direct if not q["speaker"]]
    by_article: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q["speaker"] and q["kind"] != "scare":
            by_article[q["article"]].add(q["speaker"])
    split = {a: split_people(names) for a, names in by_article.items()}
    split = {a: pairs for a, pairs in split.items() if pairs}
    things = non_speaker_names(records, gold)
    wrong = [q for q in quotes if q["speaker"] and q["speaker"].lower() in things]
    share = len(unspoken) / len(direct) if direct else 0.0
    print(f"direct quotes                          {len(direct)}")
    print(f"  with no speaker                      {len(unspoken)} ({share:.1%})")
    print(f"articles with a person under two names {len(split)}")
    for article, pairs in sorted(split.items()):
        print(f"    {article}: {pairs}")
    print(f"speakers that are a place/building/work {len(wrong)}")
    for q in wrong:
        print(f"    {q['article']}: {q['speaker']!r} for {q['text'][:60]!r}")


if __name__ == "__main__":
    main()
