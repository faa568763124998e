"""The questions users ask of a stored corpus, as functions that return records.

Quotes by speaker (alias-aware), a remark traced to its earliest source, who copied whom, an
entity's page, the figures about an event grouped by who gives them, full-text search, and the
corpus overview. Every function takes an open :class:`Corpus` (``open_corpus(db)``, read-only by
default) and returns frozen dataclasses (``query/records.py``). The names are imported on first
use (``newstrace.lazy_names``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.lazy_names import lazy_names

# imported now: the function ``overview`` has the name of its module, which, once imported by
# anyone, would hide a name looked up on first use
from newstrace.query.overview import Overview, overview

if TYPE_CHECKING:
    from newstrace.query.article_view import ArticleView, Mark, Piece, get_article, pieces
    from newstrace.query.copy_pairs import find_copies, get_copy
    from newstrace.query.corpus import Corpus, open_corpus
    from newstrace.query.entity_pages import find_entity, list_entities
    from newstrace.query.figures import find_facts, get_event, list_events
    from newstrace.query.fulltext import search_corpus
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

__getattr__ = lazy_names(
    __name__,
    {
        "ArticleView": "article_view",
        "Mark": "article_view",
        "Piece": "article_view",
        "get_article": "article_view",
        "pieces": "article_view",
        "find_copies": "copy_pairs",
        "get_copy": "copy_pairs",
        "Corpus": "corpus",
        "open_corpus": "corpus",
        "find_entity": "entity_pages",
        "list_entities": "entity_pages",
        "find_facts": "figures",
        "get_event": "figures",
        "list_events": "figures",
        "search_corpus": "fulltext",
        "QuoteFilter": "quote_search",
        "find_quotes": "quote_search",
        "get_quote": "quote_search",
        "find_trace": "trace",
    },
)
