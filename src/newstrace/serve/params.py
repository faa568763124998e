"""The request parameters pages and API share, with their bounds (FastAPI answers 400 past them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Request

from newstrace.query import Corpus
from newstrace.query.records import MAX_PAGE_SIZE
from newstrace.store.search import MAX_QUERY_CHARS

__all__ = [
    "DEFAULT_PAGE",
    "MAX_OFFSET",
    "Id",
    "Limit",
    "Offset",
    "Optional",
    "Words",
    "corpus_of",
]

DEFAULT_PAGE = 50  # rows a page shows unless asked
MAX_OFFSET = 1_000_000  # deeper pages are refused: narrow the question instead
MAX_ID_CHARS = 64  # ids are 16 hex digits; anything much longer is not an id

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Rows per page (1 to {MAX_PAGE_SIZE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows skipped (the next page).")]
Words = Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Words to find (all of them).")]
Optional = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Id = Annotated[str, Path(max_length=MAX_ID_CHARS, pattern=r"^[0-9A-Za-z_-]+$", description="A record id.")]


def corpus_of(request: Request) -> Corpus:
    """The corpus the application serves."""
    corpus: Corpus = request.app.state.corpus
    return corpus
