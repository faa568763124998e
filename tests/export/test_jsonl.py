"""The JSON Lines export carries every field CONTRACT.md requires, for every record type."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newstrace.export import load_view, write_jsonl
from newstrace.ingest.documents import make_document
from newstrace.model import (
    ArticleFindings,
    Copy,
    CopySide,
    CorpusLinks,
    DateMention,
    Entity,
    EntityRef,
    Error,
    Fact,
    Geo,
    Quote,
    QuoteCluster,
    Span,
)
from newstrace.segment import segment_document
from newstrace.store import Store

REQUIRED = {
    "article": {"id", "source", "source_id", "title", "published", "byline", "text"},
    "quote": {
        "id",
        "article",
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_mention",
        "cue",
        "said_on",
        "cluster",
    },
    "entity": {"id", "name", "kind", "aliases", "mentions", "geo"},
    "fact": {"id", "article", "value", "unit", "start", "end", "date", "place", "asserted_by", "approximate"},
    "copy": {"a", "b", "similarity", "relation", "earlier"},
    "quote_cluster": {"id", "speaker", "members", "relation"},
    "error": {"source", "stage", "message"},
}
PAGE = "Protest news\n\n“We stay,” said Ana Ruiz on Sunday, as 40 people marched.\n"


def _store(tmp_path: Path) -> Store:
    store = Store(str(tmp_path / "t.db"))
    doc = make_document("p.txt", PAGE.encode(), "text", PAGE)
    art = segment_document(doc)[0]
    quote = Quote("q1", art.id, 1, 8, "We stay", "direct", "Ana Ruiz", Span(16, 24, "Ana Ruiz"), "said", None)
    fact = Fact("f1", art.id, 40.0, "people marched", 40, 42, "40", None, None, None, False)
    date = DateMention(art.id, 25, 34, "on Sunday", None)
    store.save_document(
        doc,
        "k",
        [ArticleFindings(art, quotes=(quote,), dates=(date,), facts=(fact,))],
        [Error("p.txt", "segment", "a warning")],
    )
    store.replace_links(
        CorpusLinks(
            entities=(
                Entity("e1", "Ana Ruiz", "PER", ("Ana Ruiz",), (EntityRef(art.id, 16, 24),), None),
                Entity(
                    "e2",
                    "Paris",
                    "GPE",
                    ("Paris",),
                    (EntityRef(art.id, 0, 1),),
                    Geo(48.85, 2.35, "FR", "Île-de-France", 2988507),
                ),
            ),
            copies=(Copy("c1", CopySide(art.id, 0, 5), CopySide(art.id, 6, 9), 0.9, "shared-passage", None),),
            clusters=(QuoteCluster("k1", "Ana Ruiz", ("q1",), "identical"),),
        )
    )
    return store


def test_every_record_type_has_the_contract_fields(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        out = io.StringIO()
        write_jsonl(load_view(store), out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    seen = {r["type"] for r in records}
    assert set(REQUIRED) <= seen
    for record in records:
        missing = REQUIRED.get(record["type"], set()) - set(record)
        assert not missing, (record["type"], missing)
    quote = next(r for r in records if r["type"] == "quote")
    assert quote["cluster"] == "k1"
    assert quote["speaker_mention"] == {"start": 16, "end": 24, "text": "Ana Ruiz"}
    article = next(r for r in records if r["type"] == "article")
    assert article["text"][quote["start"] : quote["end"]] == quote["text"]
    paris = next(r for r in records if r["type"] == "entity" and r["name"] == "Paris")
    assert paris["geo"] == {
        "lat": 48.85,
        "lon": 2.35,
        "country": "FR",
        "admin1": "Île-de-France",
        "geonameid": 2988507,
    }


def test_scoped_view_keeps_only_the_given_documents(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        view = load_view(store, document_ids=[], sources=[])
    assert view.findings == () and view.links.entities == () and view.errors == ()
