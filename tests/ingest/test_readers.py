"""Reading each input format into Documents."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newstrace.ingest import IngestOptions, read_inputs, sniff_format
from newstrace.model import Document, Error


def _docs(items: list[Document | Error]) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def test_jsonl_records_keep_their_text_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {
            "id": "r1",
            "text": "  First text.\n",
            "title": "T1",
            "published": "2020-06-05",
            "url": "http://x/1",
        },
        {"text": "Second text."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    docs = _docs(list(read_inputs([str(path)])))
    assert [(d.source, d.source_id, d.text, d.title, d.published, d.url) for d in docs] == [
        (f"{path}#1", "r1", "  First text.\n", "T1", "2020-06-05", "http://x/1"),
        (f"{path}#2", None, "Second text.", None, None, None),
    ]


def test_ids_are_stable_and_depend_on_content(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Some text.")
    first = _docs(list(read_inputs([str(path)])))[0]
    again = _docs(list(read_inputs([str(path)])))[0]
    path.write_text("Other text.")
    changed = _docs(list(read_inputs([str(path)])))[0]
    assert first.id == again.id != changed.id


def test_warc_responses_with_html_only(examples: Path) -> None:
    items = list(read_inputs([str(examples / "archive.warc.gz")]))
    docs = _docs(items)
    assert [e for e in items if isinstance(e, Error)] == []
    assert [(d.title, d.published, d.byline) for d in docs] == [
        ("North Calder imposes overnight curfew after clashes", "2021-03-08", "Tomas Reyes"),
        ("Ostrava nurses begin three-day strike", "2021-03-15", "Ada Kwan"),
    ]
    assert all(d.url and d.url.startswith("https://valdoria-daily.example/") for d in docs)
    assert all(d.source_id and d.source_id.startswith("<urn:uuid:") for d in docs)


def test_html_in_windows_1252_is_decoded(examples: Path) -> None:
    doc = _docs(list(read_inputs([str(examples / "html" / "berlin_cafe.html")])))[0]
    assert doc.format == "html"
    assert doc.title == "In a Berlin café, Valdorians follow the protests from afar"
    for word in ("Señor Muñoz", "Jürgen Weiß", "€1,200"):
        assert word in doc.text


def test_stdin_is_sniffed(tmp_path: Path) -> None:
    stream = io.BytesIO(b'{"id": "s1", "text": "From a pipe."}\n')
    docs = _docs(list(read_inputs(["-"], IngestOptions(), stdin=stream)))
    assert [(d.source, d.source_id, d.text) for d in docs] == [("<stdin>#1", "s1", "From a pipe.")]


def test_sniff_format() -> None:
    assert sniff_format(b"\x1f\x8b\x08") == "warc"
    assert sniff_format(b"WARC/1.1\r\n") == "warc"
    assert sniff_format(b'  {"text": ') == "jsonl"
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"
    assert sniff_format(b"Plain words.") == "text"


def test_jsonl_metadata_may_be_nested_or_named_otherwise(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    record = {
        "id": "x",
        "text": "Body.",
        "meta": {"publication_date": "2016-09-12", "title": "T"},
        "authors": ["A. B.", "C. D."],
    }
    path.write_text(json.dumps(record) + "\n")
    [doc] = _docs(list(read_inputs([str(path)])))
    assert (doc.published, doc.title, doc.byline) == ("2016-09-12", "T", "A. B., C. D.")
