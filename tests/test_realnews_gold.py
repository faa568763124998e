"""The real-news gold (bench/data/realnews) stays well-formed, and a quotes-only split is checked
as strictly as the others for its quotes while holding no gold for the other layers."""

from __future__ import annotations

from typing import Any

import pytest
from bench.realnews import ALL_SPLITS, QUOTES_ONLY_SPLITS, _check_layers, check, quote_records

EMPTY: dict[str, Any] = {"boilerplate": [], "entities": [], "facts": [], "events": []}


@pytest.mark.parametrize(
    ("split", "gold", "expected"),
    [
        ("tune2", EMPTY, []),
        ("tune2", EMPTY | {"facts": [{"value": 2}]}, ["facts: a quotes-only split leaves it empty"]),
        ("tune2", EMPTY | {"events": [{"kind": "fire"}]}, ["events: a quotes-only split leaves it empty"]),
        ("dev", EMPTY | {"facts": [{"value": 2}]}, []),
        ("tune", EMPTY, []),
    ],
)
def test_quotes_only_split_leaves_other_layers_empty(
    split: str, gold: dict[str, Any], expected: list[str]
) -> None:
    assert _check_layers(split, gold) == expected


def test_every_split_of_the_gold_passes_its_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(ALL_SPLITS) == 0, capsys.readouterr().out


@pytest.mark.parametrize("split", QUOTES_ONLY_SPLITS)
def test_quotes_only_split_converts_to_scorer_records(split: str) -> None:
    records = list(quote_records(split))
    assert len(records) >= 15
    for record in records:
        assert record["published"]
        for quote in record["quotes"]:
            assert quote["type"] in {"direct", "mixed"}
            assert record["text"][quote["start"] : quote["end"]] == quote["text"]
