"""Benchmark: newstrace's quotations next to textacy's ``direct_quotations`` on PolNeAR dev.

    python bench/quotes_vs_textacy.py

Both are exported to the contract format (CONTRACT.md) and scored by the same
../shared/tools/score.py, then printed side by side. textacy 0.13 (a peer, installed with the
``bench`` extra: ``pip install -c requirements/constraints.txt -e '.[bench]'``) runs on the full
en_core_web_sm pipeline; it raises ``ValueError`` on an article with an odd number of quotation
marks, which counts as no quotes for that article (the count is printed). Skipped, with a
message, when ../shared or textacy is absent. Figures, not a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from newstrace.analyze import AnalyzeOptions
from newstrace.analyze.nlp import SpacyModel
from newstrace.export import load_view, write_jsonl_file
from newstrace.run import analyze_corpus
from newstrace.store import Store

SHARED = Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEV = SHARED / "bench" / "quotes" / "dev.jsonl"
SCORE = SHARED / "tools" / "score.py"
QUOTE_CHARS = "\"'“”‘’«»„"
ROWS = [
    ("quotes.p", "quote precision"),
    ("quotes.r", "quote recall"),
    ("quotes.f1", "quote F1"),
    ("speaker_accuracy_on_matched", "speaker accuracy (matched)"),
    ("quote_and_speaker.f1", "quote+speaker F1"),
]


def score(export: Path, summary: Path) -> dict[str, Any]:
    """score.py quotes on ``export``, as a flat dict."""
    cmd = [sys.executable, str(SCORE), "quotes", str(DEV), str(export), "--json", str(summary)]
    subprocess.run(cmd, check=True, capture_output=True)
    data = json.loads(summary.read_text())
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat |= {f"{key}.{k}": v for k, v in value.items()}
        else:
            flat[key] = value
    return flat


def newstrace_export(folder: Path) -> Path:
    """Analyse PolNeAR dev with newstrace and export it."""
    export = folder / "newstrace.jsonl"
    with Store(str(folder / "newstrace.db")) as store:
        report = analyze_corpus([str(DEV)], store)
        write_jsonl_file(load_view(store, report.document_ids, report.sources), export)
    return export


def textacy_export(folder: Path) -> tuple[Path, int]:
    """Run textacy's direct_quotations on each dev article; export; count the articles it refused."""
    from textacy.extract.triples import direct_quotations  # noqa: PLC0415  # a bench-only peer

    nlp = SpacyModel(AnalyzeOptions().model).nlp  # the model newstrace itself loads
    export, refused = folder / "textacy.jsonl", 0
    with DEV.open(encoding="utf-8") as fh, export.open("w", encoding="utf-8") as out:
        for n, line in enumerate(fh):
            record = json.loads(line)
            article = f"t{n}"
            out.write(
                json.dumps(
                    {
                        "type": "article",
                        "id": article,
                        "source": f"{DEV}#{n + 1}",
                        "source_id": record["id"],
                        "text": record["text"],
                    }
                )
                + "\n"
            )
            try:
                triples = list(direct_quotations(nlp(record["text"])))
            except ValueError:  # "N quotation marks found, indicating an unclosed quotation"
                refused += 1
                continue
            for k, triple in enumerate(triples):
                out.write(json.dumps(_quote_record(article, k, triple, record["text"])) + "\n")
    return export, refused


# Any: textacy's DQTriple is a namedtuple bound to a variable, not a type; the record is JSON
def _quote_record(article: str, k: int, triple: Any, text: str) -> dict[str, Any]:
    content = triple.content
    start, end = content.start_char, content.end_char
    while start < end and (text[start] in QUOTE_CHARS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_CHARS or text[end - 1].isspace()):
        end -= 1
    first, last = triple.speaker[0], triple.speaker[-1]
    mention = {
        "start": first.idx,
        "end": last.idx + len(last.text),
        "text": text[first.idx : last.idx + len(last.text)],
    }
    cue = " ".join(t.text for t in triple.cue)
    return {
        "type": "quote",
        "id": f"{article}-{k}",
        "article": article,
        "start": start,
        "end": end,
        "text": text[start:end],
        "kind": "direct",
        "speaker": mention["text"],
        "speaker_mention": mention,
        "cue": cue,
        "said_on": None,
        "cluster": None,
    }


def main() -> None:
    if not DEV.exists() or not SCORE.exists():
        print(f"skipped: {DEV} or {SCORE} is absent (read from ../shared; set NEWSTRACE_SHARED)")
        return
    try:
        import textacy  # noqa: F401, PLC0415
    except ImportError:
        print("skipped: textacy is not installed (pip install -c requirements/constraints.txt -e '.[bench]')")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours = score(newstrace_export(folder), folder / "n.json")
        export, refused = textacy_export(folder)
        theirs = score(export, folder / "t.json")
    print(f"PolNeAR dev: {ours['units']} articles, {ours['quotes.gold']} gold quotations (direct and mixed)")
    print(f"{'':30s} {'newstrace':>10s} {'textacy':>10s}")
    for key, label in ROWS:
        print(f"{label:30s} {ours[key]:10.3f} {theirs[key]:10.3f}")
    print(f"{'quotations predicted':30s} {ours['quotes.pred']:10d} {theirs['quotes.pred']:10d}")
    units = ours["units"]
    print(f"textacy refused {refused} of {units} articles (odd number of quote marks): no quotes for those")


if __name__ == "__main__":
    main()
