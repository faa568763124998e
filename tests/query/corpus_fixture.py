"""A small invented corpus written straight into a real store: articles, findings, links, identities.

Three sites report one remark of Jane Roe (one reposts another's article), the Health Ministry
gives a figure, and one page is hostile (markup and a script in its title and text). Nothing here
comes from a real page; every id is written out so tests can name records.
"""

from __future__ import annotations

from pathlib import Path

from newstrace.link.identity import Identities
from newstrace.model import (
    Article,
    ArticleEntity,
    ArticleFindings,
    Copy,
    CopySide,
    CorpusLinks,
    DateMention,
    Document,
    Entity,
    EntityRef,
    Error,
    Event,
    EventMention,
    Fact,
    Geo,
    Quote,
    QuoteCluster,
    Span,
)
from newstrace.store import Store
from newstrace.store.db import DocumentRecord

REMARK = "We will reopen every clinic before winter"
TEXT_A = (
    f'Health Minister Jane Roe spoke in Tallinn on Monday. "{REMARK}," Roe said. '
    "The Health Ministry said 40 clinics closed."
)
TEXT_B = f'Jane Roe promised on Monday: "{REMARK}," she said. Critics were unmoved.'
TEXT_C = f'A blog copied it. "{REMARK}," Roe said. <script>alert("x")</script> <b>bold</b>'
HOSTILE_TITLE = '<img src=x onerror=alert(1)> Hostile "title"'
HOSTILE_URL = "javascript:alert(1)"


def _span(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


def _article(ident: str, text: str, title: str, url: str | None, published: str | None) -> Article:
    return Article(ident, f"doc-{ident}", 0, f"pages/{ident}.txt", None, title, published, None, text, url)


def _quote(ident: str, article: str, text: str, speaker: str, said_on: str | None) -> Quote:
    span = _span(text, REMARK)
    mention = _span(text, speaker)
    return Quote(ident, article, span.start, span.end, REMARK, "direct", speaker, mention, "said", said_on)


ARTICLES = (
    _article(
        "a000000000000001",
        TEXT_A,
        "Roe vows to reopen clinics",
        "https://www.first.example/news/1",
        "2021-03-01",
    ),
    _article(
        "b000000000000002", TEXT_B, "Minister promises clinics", "https://second.example/2", "2021-03-02"
    ),
    _article("c000000000000003", TEXT_C, HOSTILE_TITLE, HOSTILE_URL, "2021-03-05"),
)


def _findings() -> list[ArticleFindings]:
    a, b, c = ARTICLES
    roe_a, ministry = _span(TEXT_A, "Jane Roe"), _span(TEXT_A, "Health Ministry")
    fact = Fact(
        "f000000000000001", a.id, 40.0, "clinics", *_fact_span(), None, "Tallinn", "Health Ministry", False
    )
    event = EventMention(
        "m000000000000001",
        a.id,
        0,
        52,
        "spoke",
        "statement",
        "CONSULT",
        None,
        "2021-03-01",
        "Tallinn",
        ("Jane Roe",),
        (),
    )
    return [
        ArticleFindings(
            a,
            quotes=(_quote("q000000000000001", a.id, TEXT_A, "Roe", "2021-03-01"),),
            entities=(
                ArticleEntity(a.id, "Jane Roe", "PER", ("Jane Roe", "Roe"), (roe_a, _span(TEXT_A, "Roe", 1))),
                ArticleEntity(a.id, "Health Ministry", "ORG", ("Health Ministry",), (ministry,)),
                ArticleEntity(a.id, "Tallinn", "GPE", ("Tallinn",), (_span(TEXT_A, "Tallinn"),)),
            ),
            dates=(DateMention(a.id, *_where(TEXT_A, "on Monday"), "2021-03-01"),),
            facts=(fact,),
            events=(event,),
        ),
        ArticleFindings(b, quotes=(_quote("q000000000000002", b.id, TEXT_B, "Jane Roe", None),)),
        ArticleFindings(c, quotes=(_quote("q000000000000003", c.id, TEXT_C, "Roe", None),)),
    ]


def _where(text: str, part: str) -> tuple[int, int, str]:
    span = _span(text, part)
    return span.start, span.end, span.text


def _fact_span() -> tuple[int, int, str]:
    return _where(TEXT_A, "40")


def _links() -> CorpusLinks:
    a, b, c = ARTICLES
    roe_refs = (
        EntityRef(a.id, *_where(TEXT_A, "Jane Roe")[:2]),
        EntityRef(b.id, *_where(TEXT_B, "Jane Roe")[:2]),
    )
    tallinn = Geo(59.437, 24.7535, "EE", None, 588409)
    entities = (
        Entity("e000000000000001", "Jane Roe", "PER", ("Jane Roe", "Roe"), roe_refs),
        Entity(
            "e000000000000002",
            "Health Ministry",
            "ORG",
            ("Health Ministry",),
            (EntityRef(a.id, *_where(TEXT_A, "Health Ministry")[:2]),),
        ),
        Entity(
            "e000000000000003",
            "Tallinn",
            "GPE",
            ("Tallinn",),
            (EntityRef(a.id, *_where(TEXT_A, "Tallinn")[:2]),),
            tallinn,
        ),
    )
    ra, rc = (_span(t, REMARK) for t in (TEXT_A, TEXT_C))
    copies = (
        Copy(
            "k000000000000001",
            CopySide(a.id, ra.start, ra.end),
            CopySide(c.id, rc.start, rc.end),
            0.93,
            "shared-passage",
            "a",
        ),
    )
    clusters = (
        QuoteCluster(
            "c000000000000001",
            "Jane Roe",
            ("q000000000000001", "q000000000000002", "q000000000000003"),
            "identical",
            "q000000000000001",
        ),
    )
    events = (
        Event(
            "v000000000000001",
            "statement",
            "CONSULT",
            None,
            "2021-03-01",
            "Tallinn",
            ("Jane Roe",),
            ("f000000000000001",),
            (CopySide(a.id, 0, 52),),
        ),
    )
    return CorpusLinks(entities, copies, clusters, events)


def build_corpus(path: Path | str) -> Path | str:
    """Write the invented corpus into a new SQLite file at ``path`` (or a PostgreSQL URL)."""
    with Store(str(path)) as store:
        records = [
            DocumentRecord(
                Document(f.article.document, f.article.source, None, "text", f.article.id, f.article.text),
                "test",
                (f,),
                (),
            )
            for f in _findings()
        ]
        store.save_documents(records)
        store.save_errors([Error("pages/broken.bin", "ingest", "binary input, not text")])
        speakers = {"q000000000000001": "e000000000000001", "q000000000000002": "e000000000000001"}
        store.replace_links(_links(), Identities(speakers, {"f000000000000001": "e000000000000002"}))
    return path
