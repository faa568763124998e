"""registry.py: the one list of record tables that the store and the table exports read."""

from __future__ import annotations

import dataclasses

import pytest

from newstrace.model import ArticleFindings, Copy, CopySide, CorpusLinks, Quote, Span
from newstrace.registry import EXPORTED, RECORDS, fields_of, from_row, to_row


def test_tables_are_named_once_and_held_where_they_say() -> None:
    names = [r.name for r in RECORDS]
    assert len(names) == len(set(names))
    assert {r.name for r in EXPORTED} <= set(names)
    findings = {f.name for f in dataclasses.fields(ArticleFindings)}
    links = {f.name for f in dataclasses.fields(CorpusLinks)}
    for record in RECORDS:
        fields = {f.name for f in fields_of(record.cls)}
        assert set(record.keys) <= fields, record.name
        assert record.unstored <= fields, record.name
        if record.holder == "findings":
            assert record.field in findings, record.name
        if record.holder == "links":
            assert record.field in links, record.name


@pytest.mark.parametrize(
    "record",
    [
        Quote("q", "a", 0, 5, "words", "direct", None, Span(10, 13, "Ana"), "said", "2020-01", "c1"),
        Quote("q", "a", 0, 5, "words", "scare", None, None, None, None),
        Copy("c", CopySide("a", 0, 9), CopySide("b", 3, 12), 0.9, "shared-passage", None),
    ],
    ids=["quote", "quote without speaker", "copy"],
)
def test_rows_round_trip(record: object) -> None:
    row = to_row(record)
    assert from_row(type(record), row) == record
    assert all(isinstance(v, str | int | float | bool | dict | list | type(None)) for v in row.values())


def test_optional_and_literal_fields() -> None:
    fields = {f.name: f for f in fields_of(Copy)}
    assert fields["relation"].type is str  # a Literal reads as str
    assert not fields["relation"].optional
    assert fields["earlier"].type is str
    assert fields["earlier"].optional
    assert fields["a"].type is CopySide
