"""The real-news gold (bench/data/realnews) stays well-formed, and a partial split is checked as
strictly as the others for the layers it has while holding no gold for the layers it leaves out."""

from __future__ import annotations

from typing import Any

import pytest
from bench.realnews import ALL_SPLITS, PARTIAL_SPLITS, _check_layers, check, check_page, quote_records

EMPTY: dict[str, Any] = {"boilerplate": [], "entities": [], "facts": [], "events": []}


@pytest.mark.parametrize(
    ("split", "gold", "expected"),
    [
        ("tune2", EMPTY, []),
        ("tune2", EMPTY | {"facts": [{"value": 2}]}, []),
        ("tune2", EMPTY | {"events": [{"kind": "fire"}]}, []),
        ("tune2", EMPTY | {"entities": [{"canonical": "X"}]}, ["entities: split tune2 leaves it empty"]),
        ("tune2", EMPTY | {"boilerplate": ["Share"]}, ["boilerplate: split tune2 leaves it empty"]),
        ("dev", EMPTY | {"facts": [{"value": 2}]}, []),
        ("tune", EMPTY, []),
    ],
)
def test_partial_split_leaves_its_missing_layers_empty(
    split: str, gold: dict[str, Any], expected: list[str]
) -> None:
    assert _check_layers(split, gold) == expected


def test_every_split_of_the_gold_passes_its_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(ALL_SPLITS) == 0, capsys.readouterr().out


PAGE: dict[str, Any] = EMPTY | {
    "text": "Two workers died in a fire.",
    "articles": [{"title": "T", "starts_with": "Two", "ends_with": "fire."}],
    "quotes": [],
}


@pytest.mark.parametrize(
    ("layer", "entry", "expected"),
    [
        ("facts", {"value": 2, "unit": "workers died", "evidence": "Two workers died"}, []),
        (
            "facts",
            {"value": 2, "unit": "", "evidence": "Two workers died"},
            ["fact 'Two workers died': empty unit"],
        ),
        (
            "facts",
            {"value": 2, "unit": "deaths", "evidence": "Two died"},
            ["fact evidence not in text: 'Two died'"],
        ),
        ("events", {"kind": "fire", "evidence": "Two workers died in a fire."}, []),
        (
            "events",
            {"kind": "blaze", "evidence": "Two workers died in a fire."},
            ["event 'Two workers died in a fire.': kind 'blaze'"],
        ),
    ],
)
def test_facts_and_events_of_a_page_are_checked(
    layer: str, entry: dict[str, Any], expected: list[str]
) -> None:
    assert check_page(PAGE | {layer: [entry]}) == expected


@pytest.mark.parametrize("split", tuple(PARTIAL_SPLITS))
def test_partial_split_converts_to_scorer_records(split: str) -> None:
    records = list(quote_records(split))
    assert len(records) >= 15
    for record in records:
        assert record["published"]
        for quote in record["quotes"]:
            assert quote["type"] in {"direct", "mixed"}
            assert record["text"][quote["start"] : quote["end"]] == quote["text"]
