"""The query library over a real SQLite store holding an invented corpus (tests/query/corpus_fixture.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.errors import StoreError, UsageError
from newstrace.query import (
    Corpus,
    Mark,
    QuoteFilter,
    find_copies,
    find_entity,
    find_facts,
    find_quotes,
    find_trace,
    get_article,
    get_quote,
    list_entities,
    list_events,
    open_corpus,
    overview,
    pieces,
    search_corpus,
)
from newstrace.query.records import site_of
from newstrace.store import Store, database_url
from newstrace.store.schema import metadata
from tests.query.corpus_fixture import HOSTILE_TITLE, REMARK, build_corpus


@pytest.fixture
def corpus(query_db: Path) -> Iterator[Corpus]:
    with open_corpus(str(query_db)) as opened:
        yield opened


def _ids(corpus: Corpus, **filters: str) -> list[str]:
    return sorted(r.quote.id for r in find_quotes(corpus, QuoteFilter(**filters)).items)


ALL = ["q000000000000001", "q000000000000002", "q000000000000003"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"speaker": "Jane Roe"}, ALL),  # two resolved to the entity, one written "Roe" (its alias)
        ({"speaker": "roe"}, ALL),  # any case, any alias
        ({"speaker": "John Doe"}, []),
        ({"text": "clinic winter"}, ALL),
        ({"text": "clinic summer"}, []),
        ({"since": "2021-03-02"}, ["q000000000000002", "q000000000000003"]),
        ({"until": "2021-03"}, ALL),  # a month includes its last day
        ({"until": "2021-03-01"}, ["q000000000000001"]),
        ({"kind": "scare"}, []),
        ({"site": "first.example"}, ["q000000000000001"]),
        ({"site": "www.first.example"}, ["q000000000000001"]),
        ({"source": "pages/b000000000000002.txt"}, ["q000000000000002"]),
        ({"source": "pages"}, ALL),  # a folder holds its inputs
    ],
)
def test_quotes_are_filtered(corpus: Corpus, filters: dict[str, str], expected: list[str]) -> None:
    assert _ids(corpus, **filters) == expected


def test_a_quote_row_names_the_canonical_speaker_and_its_article(corpus: Corpus) -> None:
    row = get_quote(corpus, "q000000000000003")
    assert row is not None
    assert row.speaker_name == "Roe"  # no entity took it: the text's name is kept
    first = get_quote(corpus, "q000000000000001")
    assert first is not None
    assert (first.speaker_name, first.quote.speaker_entity, first.quote.cluster) == (
        "Jane Roe",
        "e000000000000001",
        "c000000000000001",
    )
    assert (first.article.site, first.article.published) == ("first.example", "2021-03-01")


def test_pages_say_whether_more_follow(corpus: Corpus) -> None:
    first = find_quotes(corpus, QuoteFilter(), limit=2)
    second = find_quotes(corpus, QuoteFilter(), limit=2, offset=2)
    assert (len(first.items), first.more, len(second.items), second.more) == (2, True, 1, False)
    assert first.items[0].article.published == "2021-03-05"  # newest first


@pytest.mark.parametrize(
    ("filters", "limit", "message"),
    [
        ({"since": "March 2021"}, 10, "not a date"),
        ({"kind": "rumour"}, 10, "unknown quote kind"),
        ({"text": "x" * 400}, 10, "at most 300"),
        ({}, 0, "out of range"),
        ({}, 501, "out of range"),
    ],
)
def test_bad_questions_are_refused_with_a_reason(
    corpus: Corpus, filters: dict[str, str], limit: int, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        find_quotes(corpus, QuoteFilter(**filters), limit=limit)


def test_trace_leads_to_the_earliest_article_then_each_repetition(corpus: Corpus) -> None:
    for ref in ("q000000000000003", "reopen every clinic"):
        trace = find_trace(corpus, ref)
        assert trace is not None
        steps = [(s.relation, s.row.article.id, s.copies) for s in trace.steps]
        assert steps == [
            ("earliest", "a000000000000001", ()),
            ("identical", "b000000000000002", ()),
            ("identical", "c000000000000003", ("k000000000000001",)),
        ]
    assert find_trace(corpus, "words nobody wrote") is None


def test_copies_name_both_articles_the_earlier_and_the_passage(corpus: Corpus) -> None:
    (view,) = find_copies(corpus, article="c000000000000003").items
    assert view.earlier is not None and view.earlier.id == "a000000000000001"
    assert view.passage_a == view.passage_b == REMARK
    assert find_copies(corpus, source="pages/b000000000000002.txt").items == ()
    assert len(find_copies(corpus).items) == 1


def test_an_entity_is_found_by_any_alias_with_its_quotes_figures_and_articles(corpus: Corpus) -> None:
    view = find_entity(corpus, "Roe")
    assert view is not None and view.entity.id == "e000000000000001"
    assert sorted(r.quote.id for r in view.quotes.items) == ["q000000000000001", "q000000000000002"]
    assert [a.id for a in view.articles] == ["a000000000000001", "b000000000000002"]
    assert [(alias, article) for alias, article, _ in view.alias_sources] == [
        ("Jane Roe", "a000000000000001"),
        ("Roe", "a000000000000001"),
    ]
    ministry = find_entity(corpus, "e000000000000002")
    assert ministry is not None and [f.fact.id for f in ministry.facts] == ["f000000000000001"]
    assert find_entity(corpus, "Nobody Atall") is None
    assert [e.name for e in list_entities(corpus, "PER").items] == ["Jane Roe"]
    with pytest.raises(UsageError):
        list_entities(corpus, "people; DROP TABLE")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ({"asserted_by": "Health Ministry"}, [("Health Ministry", "e000000000000002", 1)]),
        ({"about": "clinics"}, [("Health Ministry", "e000000000000002", 1)]),
        ({"event": "v000000000000001"}, [("Health Ministry", "e000000000000002", 1)]),
        ({"asserted_by": "Jane Roe"}, []),
    ],
)
def test_facts_are_grouped_by_who_gives_them(
    corpus: Corpus, question: dict[str, str], expected: list[tuple[str, str, int]]
) -> None:
    groups = find_facts(corpus, **question)
    assert [(g.asserted_by, g.entity, len(g.facts)) for g in groups] == expected


def test_events_carry_their_figures(corpus: Corpus) -> None:
    (view,) = list_events(corpus).items
    assert view.event.place == "Tallinn"
    assert [f.fact.value for g in view.figures for f in g.facts] == [40.0]


def test_search_finds_articles_quotes_and_entities(corpus: Corpus) -> None:
    found = search_corpus(corpus, "clinic")
    assert {h.id for h in found.quotes} == set(ALL)
    assert "\x02" in found.quotes[0].snippet
    assert [h.id for h in search_corpus(corpus, "ministry").entities] == ["e000000000000002"]
    assert [h.title for h in search_corpus(corpus, "hostile").articles] == [HOSTILE_TITLE]


def test_article_view_marks_every_record_and_keeps_the_text_whole(corpus: Corpus) -> None:
    view = get_article(corpus, "a000000000000001")
    assert view is not None
    kinds = {m.kind for m in view.marks}
    assert {"quote", "entity", "date", "fact", "event"} <= kinds
    assert "".join(p.text for p in pieces(view.article.text, view.marks)) == view.article.text
    assert get_article(corpus, "missing") is None


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([], [("abcdef", ())]),
        ([Mark("quote", "q", 1, 4, "")], [("a", ()), ("bcd", ("q",)), ("ef", ())]),
        (  # nested: the outer mark comes first
            [Mark("quote", "q", 0, 6, ""), Mark("entity", "e", 2, 3, "")],
            [("ab", ("q",)), ("c", ("q", "e")), ("def", ("q",))],
        ),
        (  # overlapping
            [Mark("quote", "q", 0, 3, ""), Mark("fact", "f", 2, 5, "")],
            [("ab", ("q",)), ("c", ("q", "f")), ("de", ("f",)), ("f", ())],
        ),
    ],
)
def test_pieces_cut_text_at_every_mark(
    marks: list[Mark], expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    cut = pieces("abcdef", tuple(marks))
    assert [(p.text, tuple(m.id for m in p.marks)) for p in cut] == expected


def test_overview_counts_sites_and_errors(corpus: Corpus) -> None:
    found = overview(corpus)
    assert (found.counts["articles"], found.counts["quotes"], found.error_count) == (3, 3, 1)
    assert (found.first_published, found.last_published) == ("2021-03-01", "2021-03-05")
    assert dict(found.sites) == {"first.example": 1, "second.example": 1, "pages": 1}
    assert found.errors[0].source == "pages/broken.bin"


@pytest.mark.parametrize(
    ("url", "source", "expected"),
    [
        ("https://www.example.com/a/b", "x.jsonl#3", "example.com"),
        ("http://news.example.org", "x", "news.example.org"),
        (None, "crawl/site-a/page.html", "site-a"),
        (None, "page.txt", "page.txt"),
    ],
)
def test_site_of(url: str | None, source: str, expected: str) -> None:
    assert site_of(url, source) == expected


def test_a_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no database"):
        open_corpus(str(tmp_path / "absent.db"))


@pytest.mark.postgres
def test_the_same_answers_on_postgresql(postgres_url: str) -> None:
    build_corpus(postgres_url)
    try:
        with open_corpus(postgres_url) as corpus:
            assert _ids(corpus, speaker="Roe") == ALL
            assert _ids(corpus, text="clinic winter", since="2021-03-02") == ALL[1:]
            trace = find_trace(corpus, "reopen every clinic")
            assert trace is not None and [s.relation for s in trace.steps] == [
                "earliest",
                "identical",
                "identical",
            ]
            assert [h.id for h in search_corpus(corpus, "ministry").entities] == ["e000000000000002"]
            assert [g.entity for g in find_facts(corpus, about="clinics")] == ["e000000000000002"]
            view = find_entity(corpus, "roe")
            assert view is not None and len(view.articles) == 2
            with pytest.raises(Exception, match="read-only"), corpus.store.engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM quotes")
    finally:  # the server is shared by the session: leave it empty
        engine = sa.create_engine(database_url(postgres_url))
        metadata.drop_all(engine)
        engine.dispose()


@pytest.mark.parametrize("name", ["Roe", "Jane Roe", "jane roe"])
def test_a_speaker_alone_pages_from_the_index_as_the_general_query_does(corpus: Corpus, name: str) -> None:
    def pages(**filters: str) -> list[list[str]]:
        return [
            [r.quote.id for r in find_quotes(corpus, QuoteFilter(**filters), limit=2, offset=o).items]
            for o in (0, 2)
        ]

    assert pages(speaker=name) == pages(speaker=name, kind="direct")  # kind: the general path
    assert pages(speaker=name) == [["q000000000000003", "q000000000000002"], ["q000000000000001"]]


def test_a_database_without_the_search_index_says_how_to_add_it(tmp_path: Path) -> None:
    db = build_corpus(tmp_path / "old.db")
    with Store(str(db)) as store, store.engine.begin() as conn:  # as an older newstrace left it
        conn.exec_driver_sql("DROP TABLE record_entities")
    with pytest.raises(
        StoreError,
        match=r"no search index yet \(an older newstrace wrote it\): run 'newstrace analyze INPUT --db",
    ):
        open_corpus(str(db))
