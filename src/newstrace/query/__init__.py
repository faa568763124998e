"""The questions users ask of a stored corpus, as functions that return records.

Quotes by speaker (alias-aware), a remark traced to its earliest source, who copied whom, an
entity's page, the figures about an event grouped by who gives them, full-text search, and the
corpus overview. Every function takes an open :class:`Corpus` (``open_corpus(db)``, read-only by
default) and returns frozen dataclasses (``query/records.py``).
"""

from __future__ import annotations

from newstrace.query.article_view import ArticleView, Mark, Piece, get_article, pieces
from newstrace.query.copy_pairs import find_copies, get_copy
from newstrace.query.corpus import Corpus, open_corpus
from newstrace.query.entity_pages import find_entity, list_entities
from newstrace.query.figures import find_facts, get_event, list_events
from newstrace.query.fulltext import search_corpus
from newstrace.query.overview import Overview, overview
from newstrace.query.quote_search import QuoteFilter, find_quotes, get_quote
from newstrace.query.trace import find_trace

__all__ = [
    "ArticleView",
    "Corpus",
    "Mark",
    "Overview",
    "Piece",
    "QuoteFilter",
    "find_copies",
    "find_entity",
    "find_facts",
    "find_quotes",
    "find_trace",
    "get_article",
    "get_copy",
    "get_event",
    "get_quote",
    "list_entities",
    "list_events",
    "open_corpus",
    "overview",
    "pieces",
    "search_corpus",
]
