"""The link index in the database: vectors, band keys and verified pairs, and when they stop holding."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from newstrace.ingest.documents import make_document
from newstrace.model import ArticleFindings, Copy, CopySide, Document
from newstrace.segment import segment_document
from newstrace.store import Store, database_url
from newstrace.store.db import DocumentRecord
from newstrace.store.link_index import StoredLinkIndex
from newstrace.store.schema import link_index_metadata, metadata


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    db = str(tmp_path / "t.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with Store(db) as st:
        yield st
    if request.param == "postgresql":  # the server is shared by the session: leave it empty
        engine = sa.create_engine(database_url(db))
        metadata.drop_all(engine)
        link_index_metadata.drop_all(engine)
        engine.dispose()


def _document(source: str, text: str) -> tuple[Document, ArticleFindings]:
    doc = make_document(source, text.encode(), "text", text)
    return doc, ArticleFindings(segment_document(doc)[0])


def _save(store: Store, doc: Document, found: ArticleFindings, analysis: str) -> None:
    store.save_documents([DocumentRecord(doc, analysis, (found,), ())])


def test_vectors_round_trip_and_a_stored_key_keeps_its_vector(store: Store) -> None:
    index = StoredLinkIndex(store, [])
    first = np.array([0.25, -0.5, 1.0], dtype=np.float32)
    index.save_vectors({"k1": first})
    index.save_vectors({"k1": np.zeros(3, dtype=np.float32), "k2": first * 2})
    found = index.vectors(["k1", "k2", "k3"])
    assert sorted(found) == ["k1", "k2"]
    assert np.array_equal(found["k1"], first) and found["k1"].dtype == np.float32
    assert np.array_equal(found["k2"], first * 2)


def test_band_keys_hold_while_the_document_keeps_its_analysis(store: Store) -> None:
    doc, found = _document("a.txt", "Title\n\nOfficials said that 3 people came to the square.\n")
    _save(store, doc, found, "analysis-1")
    index = StoredLinkIndex(store, [found.article.id])
    keys = np.arange(6, dtype=np.uint64).reshape(2, 3) * np.uint64(2**61)
    index.save_band_keys([(found.article.id, keys)], "setting-1")
    [(article, stored)] = list(index.band_keys("setting-1"))
    assert article == found.article.id and np.array_equal(stored, keys)
    assert list(index.band_keys("setting-2")) == []  # other fingerprint options
    _save(store, doc, found, "analysis-2")  # the same document analysed with other settings
    assert list(index.band_keys("setting-1")) == []
    assert [a for a, _ in index.band_keys("setting-1", checked=False)] == [
        found.article.id
    ]  # the row is kept
    assert index.keyed_articles("setting-1") == []


def test_pairs_are_replaced_and_keys_of_removed_articles_dropped(store: Store) -> None:
    doc_a, a = _document("a.txt", "Title\n\nOfficials said that 3 people came to the square.\n")
    doc_b, b = _document("b.txt", "Other\n\nNobody came to the square on Sunday at all.\n")
    _save(store, doc_a, a, "x")
    _save(store, doc_b, b, "x")
    index = StoredLinkIndex(store, [a.article.id, b.article.id])
    keys = np.ones((1, 2), dtype=np.uint64)
    index.save_band_keys([(a.article.id, keys), (b.article.id, keys)], "s")
    copy = Copy("c", CopySide(a.article.id, 0, 5), CopySide(b.article.id, 2, 7), 0.9, "shared-passage", "a")
    index.save_pair_copies({(a.article.id, b.article.id): (copy,)}, "p")
    assert index.pair_copies("p") == {(a.article.id, b.article.id): (copy,)}
    assert index.pair_copies("other") == {}
    replaced, _ = _document("b.txt", "Gone\n\nThe page now says something else entirely.\n")
    _save(store, replaced, ArticleFindings(segment_document(replaced)[0]), "x")  # b.txt replaced
    index.save_pair_copies({}, "p")
    assert index.pair_copies("p") == {}
    assert [k for k, _ in index.band_keys("s")] == [a.article.id]


def test_pairs_added_with_their_hits_and_stored_pairs_updated_or_dropped(store: Store) -> None:
    index = StoredLinkIndex(store, [])
    copy = Copy("c", CopySide("a", 0, 5), CopySide("b", 2, 7), 0.9, "shared-passage", "a")
    index.save_pair_copies(
        {("a", "b"): (copy,), ("a", "c"): (), ("b", "c"): ()},
        "p",
        "cover-1",
        {
            ("a", "b"): 4,
            ("a", "c"): 2,
            ("b", "c"): 3,
        },
    )
    assert index.pair_cover() == "cover-1"
    index.add_pair_copies(
        {("c", "d"): ()}, "p", "cover-2", {("c", "d"): 2, ("b", "c"): 2, ("a", "c"): 1}, [("a", "c")]
    )
    assert index.pair_copies("p") == {("a", "b"): (copy,), ("b", "c"): (), ("c", "d"): ()}
    assert index.pair_hits() == {("a", "b"): 4, ("b", "c"): 2, ("c", "d"): 2}
    assert index.pair_cover() == "cover-2"
