"""Quality gate: score exports against the gold data in ../shared and hold the pinned floors.

Floors live in ``eval_floors.json``. A change that lowers a score fails here; raising a floor is
a reviewed change of that file. Skipped, with a message, when ../shared is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bench.realnews import event_figures, quote_records, speaker_figures, unpack

from newstrace.export import load_view, write_jsonl_file
from newstrace.run import analyze_corpus
from newstrace.store import Store
from tests.conftest import POLNEAR, ROOT, SEEDS, SHARED, require_shared

FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text())
REALNEWS = ROOT / "bench" / "data" / "realnews"


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out |= _flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


def score(kind: str, gold: Path, inputs: list[str], tmp_path: Path) -> dict[str, Any]:
    """Analyse ``inputs`` into a fresh database, export, and score the export with score.py."""
    export = tmp_path / f"{kind}.jsonl"
    with Store(str(tmp_path / f"{kind}.db")) as store:
        report = analyze_corpus(inputs, store)
        write_jsonl_file(load_view(store, report.document_ids, report.sources), export)
    summary = tmp_path / f"{kind}.json"
    subprocess.run(
        [
            sys.executable,
            str(require_shared(SHARED / "tools" / "score.py")),
            kind,
            str(gold),
            str(export),
            "--json",
            str(summary),
        ],
        check=True,
        capture_output=True,
    )
    scores = _flat(json.loads(summary.read_text()))
    if kind == "seeds":  # event mentions, events across pages, facts with no unit (bench/realnews.py)
        scores |= event_figures(gold, export)
        scores |= speaker_figures(gold, export)  # speakers that are things, split people, silent quotes
    return scores


def check(scores: dict[str, Any], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every pinned figure the scores miss, as readable lines."""
    misses = [f"{k} = {scores[k]} < floor {v}" for k, v in floors.get("min", {}).items() if scores[k] < v]
    misses += [f"{k} = {scores[k]} > ceiling {v}" for k, v in floors.get("max", {}).items() if scores[k] > v]
    misses += [f"{k} = {scores[k]} != {v}" for k, v in floors.get("exact", {}).items() if scores[k] != v]
    return misses


@pytest.mark.shared
def test_seed_pages_hold_their_floors(tmp_path: Path) -> None:
    gold = require_shared(SEEDS / "gold")
    scores = score("seeds", gold, [str(SEEDS / "texts")], tmp_path)
    assert check(scores, FLOORS["seeds"]) == []


@pytest.mark.shared
@pytest.mark.slow
def test_polnear_dev_quotes_hold_their_floors(tmp_path: Path) -> None:
    """Quotations and speakers on PolNeAR dev (84 articles of real political news)."""
    gold = require_shared(POLNEAR / "dev.jsonl")
    scores = score("quotes", gold, [str(gold)], tmp_path)
    assert check(scores, FLOORS["quotes_dev"]) == []


@pytest.mark.shared
@pytest.mark.slow
def test_real_news_dev_holds_its_floors(tmp_path: Path) -> None:
    """The held-apart split of the real-news dev set (bench/data/realnews, 32 pages of 23 sites):
    every layer from the HTML pages, and quotations alone from the gold texts."""
    pages = unpack("dev", tmp_path / "pages")
    gold = REALNEWS / "gold" / "dev"
    scores = score("seeds", gold, [str(pages[0].parent)], tmp_path)
    texts = tmp_path / "texts.jsonl"
    texts.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in quote_records("dev")), "utf-8")
    scores |= {f"texts.{k}": v for k, v in score("quotes", texts, [str(texts)], tmp_path).items()}
    assert check(scores, FLOORS["realnews_dev"]) == []
