"""What the queries return: records of the corpus with what a reader needs beside them.

Every answer is a frozen dataclass that holds the model records themselves (with their offsets)
and the article facts a reader wants next to a quote or a figure (title, site, date); none is a
bare dict. ``Page`` bounds every list: it holds at most ``limit`` items and says whether more follow.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

from newstrace.model import Copy, Entity, Event, EventMention, Fact, Quote, QuoteCluster, Span

__all__ = [
    "MAX_PAGE_SIZE",
    "ArticleRef",
    "AssertedFigures",
    "CopyView",
    "EntityView",
    "EventView",
    "FactRow",
    "Page",
    "QuoteRow",
    "SearchResults",
    "TextHit",
    "Trace",
    "TraceStep",
    "as_json",
    "site_of",
]

T = TypeVar("T")
MAX_PAGE_SIZE = 500  # items one call returns at most: a page of a table, not a dump (export is for that)


def as_json(value: object) -> Any:  # Any: JSON values
    """A query result as JSON-ready values: dataclasses as dicts (an article reference with its site)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: as_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, ArticleRef):
            out["site"] = value.site
        return out
    if isinstance(value, tuple | list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    return value


def site_of(url: str | None, source: str) -> str:
    """Where an article was published: its URL's host without ``www.``, else its input's folder or name."""
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    path = source.split("#", 1)[0]
    return path.rsplit("/", 2)[-2] if path.count("/") >= 1 else path


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list: its items, where it starts, its size, and whether more follow."""

    items: tuple[T, ...]
    offset: int
    limit: int
    more: bool


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as a reference: enough to name and date it, without its text."""

    id: str
    title: str | None
    source: str
    url: str | None
    published: str | None

    @property
    def site(self) -> str:
        """The site the article was published on (see :func:`site_of`)."""
        return site_of(self.url, self.source)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quote with its speaker's canonical name (the corpus entity's, else the text's) and its article."""

    quote: Quote
    speaker_name: str | None
    article: ArticleRef


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One article a remark appears in: the quote there and how it relates to the earliest."""

    row: QuoteRow
    relation: str  # "earliest", or the cluster's relation: "identical", "edited", "translation"
    copies: tuple[str, ...]  # ids of copies between this article and the earliest one


@dataclass(frozen=True, slots=True)
class Trace:
    """A remark across the corpus: the earliest article first, then every repetition elsewhere."""

    quote: QuoteRow
    cluster: QuoteCluster | None
    steps: tuple[TraceStep, ...]


@dataclass(frozen=True, slots=True)
class CopyView:
    """A copy with both articles, which came first, and the shared passage as each article has it."""

    copy: Copy
    a: ArticleRef
    b: ArticleRef
    passage_a: str
    passage_b: str

    @property
    def earlier(self) -> ArticleRef | None:
        """The article that appeared first, when the dates say."""
        return {"a": self.a, "b": self.b}.get(self.copy.earlier or "")


@dataclass(frozen=True, slots=True)
class AssertedFigures:
    """Figures that one source gives (an entity or a name; None: the writer, no source named)."""

    asserted_by: str | None
    entity: str | None
    facts: tuple[FactRow, ...]


@dataclass(frozen=True, slots=True)
class FactRow:
    """A figure with its asserter's canonical name and its article."""

    fact: Fact
    asserter_name: str | None
    article: ArticleRef


@dataclass(frozen=True, slots=True)
class EntityView:
    """An entity's page: aliases with where the text defines each, quotes, figures, articles."""

    entity: Entity
    alias_sources: tuple[tuple[str, str, Span], ...]  # (alias, article id, the defining mention)
    quotes: Page[QuoteRow]
    facts: tuple[FactRow, ...]
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True, slots=True)
class EventView:
    """An event with its figures grouped by who gives them, and the sentences that report it."""

    event: Event
    figures: tuple[AssertedFigures, ...]
    mentions: tuple[tuple[EventMention, ArticleRef], ...]


@dataclass(frozen=True, slots=True)
class TextHit:
    """A record a full-text search found, with a snippet (matched words between \\x02 and \\x03)."""

    kind: str  # "article", "quote" or "entity"
    id: str
    title: str
    snippet: str
    article: ArticleRef | None


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Full-text hits over articles, quotes and entities."""

    words: str
    articles: tuple[TextHit, ...]
    quotes: tuple[TextHit, ...]
    entities: tuple[TextHit, ...]
