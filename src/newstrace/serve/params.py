"""The request parameters pages and API share, with their bounds (FastAPI answers 400 past them)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

import sqlalchemy as sa
from fastapi import Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from newstrace.query import Corpus, Overview, QuoteFilter, overview
from newstrace.query.corpus import ARTICLES, ENTITIES, ERRORS
from newstrace.query.records import MAX_PAGE_SIZE
from newstrace.store.search import MAX_QUERY_CHARS

__all__ = [
    "DEFAULT_PAGE",
    "MAX_OFFSET",
    "Id",
    "Limit",
    "Offset",
    "Optional",
    "QuoteParams",
    "Words",
    "corpus_of",
    "corpus_overview",
]

DEFAULT_PAGE = 50  # rows a page shows unless asked
MAX_OFFSET = 1_000_000  # deeper pages are refused: narrow the question instead
MAX_ID_CHARS = 64  # ids are 16 hex digits; anything much longer is not an id

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Rows per page (1 to {MAX_PAGE_SIZE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows skipped (the next page).")]
Words = Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Words to find (all of them).")]
Optional = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Id = Annotated[str, Path(max_length=MAX_ID_CHARS, pattern=r"^[0-9A-Za-z_-]+$", description="A record id.")]


def corpus_overview(request: Request) -> Overview:
    """The corpus overview, computed again only when the corpus changed since it was last computed.

    Counting a million rows and the sites of every article takes seconds; the number of articles,
    entities and errors (counts that an index gives in milliseconds) tells whether the last
    overview still holds.
    """
    corpus = corpus_of(request)
    with corpus.connect() as conn:
        version = tuple(
            int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
            for table in (ARTICLES, ENTITIES, ERRORS)
        )
    cached: tuple[tuple[int, ...], Overview] | None = getattr(request.app.state, "overview", None)
    if cached is None or cached[0] != version:
        cached = (version, overview(corpus))
        request.app.state.overview = cached
    return cached[1]


def corpus_of(request: Request) -> Corpus:
    """The corpus the application serves."""
    corpus: Corpus = request.app.state.corpus
    return corpus


class QuoteParams(BaseModel):
    """The filters of a quote search (each bounded; empty means any)."""

    model_config = ConfigDict(frozen=True)

    q: str | None = Field(None, max_length=MAX_QUERY_CHARS, description="Words the quote holds (all).")
    speaker: str | None = Field(
        None, max_length=MAX_QUERY_CHARS, description="Any name or alias of the speaker."
    )
    kind: str | None = Field(None, max_length=16, description="direct, fragment, slogan or scare.")
    since: str | None = Field(None, max_length=10, description="Said on or after, YYYY[-MM[-DD]].")
    until: str | None = Field(None, max_length=10, description="Said on or before, YYYY[-MM[-DD]].")
    site: str | None = Field(None, max_length=MAX_QUERY_CHARS, description="The host of the article's URL.")
    source: str | None = Field(None, max_length=MAX_QUERY_CHARS, description="An input path or folder.")

    def to_filter(self) -> QuoteFilter:
        """The query library's filter (empty strings as None)."""
        return QuoteFilter(
            self.speaker or None,
            self.q or None,
            self.since or None,
            self.until or None,
            self.kind or None,
            self.source or None,
            self.site or None,
        )

    def query_string(self) -> str:
        """The filters as a URL query string (for links to the next page and downloads)."""
        return urlencode({k: v for k, v in self.model_dump().items() if v})
