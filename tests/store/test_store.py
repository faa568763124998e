"""The Store on a real SQLite file and a real PostgreSQL server: same behaviour on both."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.errors import StoreError
from newstrace.ingest.documents import make_document
from newstrace.model import (
    AnalysisWarning,
    Article,
    ArticleEntity,
    ArticleFindings,
    Copy,
    CopySide,
    CorpusLinks,
    Document,
    Entity,
    EntityRef,
    Error,
    Geo,
    Quote,
    QuoteCluster,
    Span,
)
from newstrace.segment import segment_document
from newstrace.store import Store, database_url
from newstrace.store.opening import SCHEMA_KEY
from newstrace.store.schema import SCHEMA_VERSION, metadata

PAGE = "Title line\n\nBy Jane Roe\n\n“We will stay,” she said on Sunday.\n"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    db = str(tmp_path / "t.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with Store(db) as st:
        yield st
    if request.param == "postgresql":  # the server is shared by the session: leave it empty
        engine = sa.create_engine(database_url(db))
        metadata.drop_all(engine)
        engine.dispose()


def _findings(text: str = PAGE, source: str = "a.txt") -> tuple[Document, ArticleFindings]:
    doc = make_document(source, text.encode(), "text", text)
    article = segment_document(doc)[0]
    quote = Quote(
        f"{article.id}:0",
        article.id,
        1,
        13,
        "We will stay,",
        "direct",
        "Jane Roe",
        Span(15, 18, "she"),
        "said",
        None,
    )
    entity = ArticleEntity(
        article.id, "Jane Roe", "PER", ("Jane Roe",), (Span(0, 3, "she"),), Geo(1.5, 2.5, "XX", None, 7)
    )
    warning = AnalysisWarning(article.id, "quotes", 30, 31, "“ never closed: ends its sentence")
    return doc, ArticleFindings(article, quotes=(quote,), entities=(entity,), warnings=(warning,))


def test_round_trip_of_documents_articles_and_findings(store: Store) -> None:
    doc, found = _findings()
    store.save_document(doc, "k1", [found], [])
    assert store.analysis_of(doc.id) == "k1"
    assert list(store.documents()) == [doc]
    articles = store.articles()
    assert articles == [found.article]
    assert store.findings(articles) == [found]


def test_articles_of_documents_come_in_source_order_across_chunks(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newstrace.store.db.IN_CHUNK", 1)  # one IN (...) query per document
    docs = []
    for source in ("c.txt", "a.txt", "b.txt"):
        doc, found = _findings(PAGE + source, source=source)  # three contents: three documents
        store.save_document(doc, "k", [found], [])
        docs.append(doc)
    articles = store.articles([d.id for d in docs])
    assert [a.source for a in articles] == ["a.txt", "b.txt", "c.txt"]


def test_saving_again_replaces_rather_than_adds(store: Store) -> None:
    doc, found = _findings()
    store.save_document(doc, "k1", [found], [Error("a.txt", "segment", "x")])
    before = store.counts()
    store.save_document(doc, "k2", [found], [Error("a.txt", "segment", "x")])
    assert store.counts() == before
    assert store.analysis_of(doc.id) == "k2"


def test_a_changed_source_replaces_its_old_version(store: Store) -> None:
    old, found_old = _findings()
    new, found_new = _findings(PAGE.replace("stay", "go"))
    store.save_document(old, "k", [found_old], [])
    store.save_document(new, "k", [found_new], [])
    assert [d.id for d in store.documents()] == [new.id]
    assert store.counts()["quotes"] == 1


def test_errors_are_idempotent_and_cleared_when_the_input_is_read_again(store: Store) -> None:
    err = Error("gone.txt", "ingest", "no such file or folder")
    store.save_errors([err, err])
    store.save_errors([err])
    assert store.errors() == [err]
    store.clear_errors("gone.txt")
    assert store.errors() == []


def test_links_are_replaced_as_a_whole(store: Store) -> None:
    ref = EntityRef("art", 0, 3)
    links = CorpusLinks(
        entities=(Entity("e1", "Jane Roe", "PER", ("Jane Roe", "Roe"), (ref,), None),),
        copies=(Copy("c1", CopySide("a", 0, 10), CopySide("b", 5, 15), 0.9, "shared-passage", "a"),),
        clusters=(QuoteCluster("q1", "Jane Roe", ("x:0", "y:1"), "edited", "x"),),
    )
    store.replace_links(links)
    assert store.links() == links
    store.replace_links(CorpusLinks())
    assert store.links() == CorpusLinks()


def test_unwritable_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(str(tmp_path / "no" / "such" / "dir" / "x.db"))


def test_a_new_database_is_stamped_with_the_schema_version(store: Store) -> None:
    assert store.get_setting(SCHEMA_KEY) == str(SCHEMA_VERSION)


def test_a_database_of_another_schema_version_is_refused_by_name(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    with Store(db) as old:
        old.set_setting(SCHEMA_KEY, "0")
    with pytest.raises(StoreError, match=r"old\.db.*schema version 0.*new database \(--db\)"):
        Store(db)


def test_a_database_from_before_the_stamp_is_stamped_on_open(tmp_path: Path) -> None:
    db = str(tmp_path / "unstamped.db")
    with Store(db) as first:
        first.set_setting(SCHEMA_KEY, "")
        with first.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM settings"))
    with Store(db) as again:
        assert again.get_setting(SCHEMA_KEY) == str(SCHEMA_VERSION)


@pytest.mark.parametrize(
    ("db", "url"),
    [
        ("newstrace.db", "sqlite:///newstrace.db"),
        ("postgresql://u@h:5/d", "postgresql+psycopg://u@h:5/d"),
        ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_url(db: str, url: str) -> None:
    assert database_url(db) == url


def test_stored_findings_is_a_lazy_sequence_in_store_order(tmp_path: Path) -> None:
    from newstrace.store.lazy import StoredFindings  # noqa: PLC0415

    with Store(str(tmp_path / "t.db")) as store:
        for i in range(7):
            doc, found = _findings(PAGE.replace("stay", f"stay {i}"), source=f"p{i}.txt")
            store.save_document(doc, "k", [found], [])
        ids = store.article_ids()
        lazy = StoredFindings(store, ids, page_size=3)
        eager = store.findings(store.articles())
        assert len(lazy) == 7 and list(lazy) == eager
        assert lazy[5] == eager[5] and lazy[-1] == eager[-1] and list(lazy[2:4]) == eager[2:4]
        assert len(lazy._pages) <= 4


@pytest.mark.parametrize(
    ("cached_first", "reads"),
    [(7, 0), (3, 3), (0, 4)],  # articles the parent read first (pages of 3); articles the subset reads
)
def test_a_subset_reads_only_what_its_parent_has_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached_first: int, reads: int
) -> None:
    from newstrace.store.lazy import StoredFindings  # noqa: PLC0415

    with Store(str(tmp_path / "t.db")) as store:
        for i in range(7):
            doc, found = _findings(PAGE.replace("stay", f"stay {i}"), source=f"p{i}.txt")
            store.save_document(doc, "k", [found], [])
        ids = store.article_ids()
        wanted = [ids[1], ids[4], ids[5], ids[6]]
        expected = [f for f in store.findings(store.articles()) if f.article.id in wanted]
        parent = StoredFindings(store, ids, page_size=3)
        _ = [parent[i] for i in range(cached_first)]
        read: list[int] = []
        findings = store.findings

        def counted(articles: Sequence[Article]) -> list[ArticleFindings]:
            read.append(len(articles))
            return findings(articles)

        monkeypatch.setattr(store, "findings", counted)
        assert list(parent.subset(wanted)) == expected
        assert sum(read) == reads
