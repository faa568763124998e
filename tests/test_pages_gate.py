"""Quality gate of the pages dev set (bench/data/pages): HTML and text-path figures hold their floors.

The set ships with the project (its pages come from public test fixtures, see
bench/data/pages/README.md), so this never skips. Floors live in ``eval_floors.json`` under
``pages_dev``; counts are the numerators of bench/pages.py's ``right/judged`` figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bench import pages

FLOORS: dict[str, dict[str, float]] = json.loads(Path(__file__).with_name("eval_floors.json").read_text())[
    "pages_dev"
]


def _flat(result: dict[str, Any]) -> dict[str, float]:
    flat: dict[str, float] = {"errors": float(result["errors"])}
    for path in ("html", "text"):
        for key, value in result[path].items():
            if value is not None:
                flat[f"{path}.{key}"] = float(str(value).split("/")[0])
    return flat


@pytest.mark.slow
def test_pages_dev_holds_its_floors() -> None:
    scores = _flat(pages.figures(pages.read_pages("dev")))
    misses = [f"{k} = {scores[k]} < floor {v}" for k, v in FLOORS.get("min", {}).items() if scores[k] < v]
    misses += [f"{k} = {scores[k]} > ceiling {v}" for k, v in FLOORS.get("max", {}).items() if scores[k] > v]
    assert not misses, "\n".join(misses)
