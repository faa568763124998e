"""The search index: kept up to date by the store's writes, safe with any words, and on PostgreSQL too."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.model import Article, ArticleFindings, Document, Quote
from newstrace.store import Store, database_url
from newstrace.store.db import DocumentRecord
from newstrace.store.schema import metadata
from newstrace.store.search import match, query_words


def _record(source: str, text: str, quote: str) -> DocumentRecord:
    doc_id, art_id = f"d-{source}", f"a-{source}"
    article = Article(art_id, doc_id, 0, source, None, f"Title of {source}", None, None, text)
    start = text.index(quote)
    found = Quote(f"q-{source}", art_id, start, start + len(quote), quote, "direct", None, None, None, None)
    doc = Document(doc_id, source, None, "text", source, text)
    return DocumentRecord(doc, "test", (ArticleFindings(article, quotes=(found,)),), ())


def _ids(store: Store, kind: str, words: str) -> list[str]:
    with store.engine.connect() as conn:
        return [h.id for h in match(conn, kind, words, 10)]  # type: ignore[arg-type]


def _exercise(store: Store) -> None:
    store.save_documents([_record("one.txt", 'The mayor said "bridges first" today.', "bridges first")])
    assert _ids(store, "articles", "mayor") == ["a-one.txt"]
    assert _ids(store, "quotes", "bridges") == ["q-one.txt"]
    # the source is read again with other text: the index forgets the old words
    store.save_documents([_record("one.txt", 'The governor said "roads first" today.', "roads first")])
    assert _ids(store, "articles", "mayor") == []
    assert _ids(store, "quotes", "roads") == ["q-one.txt"]


def test_sqlite_index_follows_writes(tmp_path: Path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        _exercise(store)


@pytest.mark.postgres
def test_postgres_index_follows_writes(postgres_url: str) -> None:
    try:
        with Store(postgres_url) as store:
            _exercise(store)
            assert "\x02" in _snippet(store)
    finally:  # the server is shared by the session: leave it empty
        engine = sa.create_engine(database_url(postgres_url))
        metadata.drop_all(engine)
        engine.dispose()


def _snippet(store: Store) -> str:
    with store.engine.connect() as conn:
        return match(conn, "articles", "governor", 1)[0].snippet


@pytest.mark.parametrize(
    "words",
    ['"', "AND", "NOT mayor", "mayor*", "col:mayor", "(", "NEAR(a b)", "'; DROP TABLE articles; --", "ß ü"],
)
def test_any_words_are_searched_as_words_never_as_syntax(tmp_path: Path, words: str) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        store.save_documents([_record("one.txt", 'The mayor said "bridges first" today.', "bridges first")])
        hits = _ids(store, "articles", words)
        assert hits in ([], ["a-one.txt"])
        assert store.counts()["articles"] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe", ["Jane", "Roe"]),
        ('"exact" AND (x)', ["exact", "AND", "x"]),
        ("", []),
        ("Ünal's", ["Ünal", "s"]),
    ],
)
def test_query_words(text: str, expected: list[str]) -> None:
    assert query_words(text) == expected
