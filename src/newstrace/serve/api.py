"""The JSON API under ``/api/``: the questions of the pages, paginated, described at ``/openapi.json``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from newstrace.query import (
    find_copies,
    find_entity,
    find_facts,
    find_quotes,
    find_trace,
    get_article,
    get_copy,
    get_event,
    get_quote,
    list_entities,
    list_events,
    search_corpus,
)
from newstrace.query.records import as_json
from newstrace.serve.params import (
    DEFAULT_PAGE,
    Id,
    Limit,
    Offset,
    Optional,
    QuoteParams,
    Words,
    corpus_of,
    corpus_overview,
)

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])


def _found(value: object, what: str) -> JSONResponse:
    if value is None:
        raise HTTPException(404, f"no {what} has this id")
    return JSONResponse(as_json(value))


@router.get("/overview", summary="Counts, dates, sites and errors of the corpus")
def api_overview(request: Request) -> JSONResponse:
    return JSONResponse(as_json(corpus_overview(request)))


@router.get("/search", summary="Full text over articles, quotes and entities")
def api_search(request: Request, q: Words, limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
    return JSONResponse(as_json(search_corpus(corpus_of(request), q, limit, offset)))


@router.get("/quotes", summary="Quotes by speaker (any alias), words, dates, kind, source, site")
def api_quotes(
    request: Request, params: Annotated[QuoteParams, Query()], limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> JSONResponse:
    return JSONResponse(as_json(find_quotes(corpus_of(request), params.to_filter(), limit, offset)))


@router.get("/quotes/{quote_id}", summary="One quote")
def api_quote(request: Request, quote_id: Id) -> JSONResponse:
    return _found(get_quote(corpus_of(request), quote_id), "quote")


@router.get("/trace/{quote_id}", summary="A quote's remark from its earliest article to every repetition")
def api_trace(request: Request, quote_id: Id) -> JSONResponse:
    return _found(find_trace(corpus_of(request), quote_id), "quote")


@router.get("/articles/{article_id}", summary="An article with its findings, highlight marks and copies")
def api_article(request: Request, article_id: Id) -> JSONResponse:
    return _found(get_article(corpus_of(request), article_id), "article")


@router.get("/entities", summary="Entities by kind and name")
def api_entities(
    request: Request, kind: Optional = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> JSONResponse:
    return JSONResponse(as_json(list_entities(corpus_of(request), kind or None, limit, offset)))


@router.get("/entities/{entity_id}", summary="An entity: aliases, quotes, figures, articles")
def api_entity(
    request: Request, entity_id: Id, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> JSONResponse:
    return _found(find_entity(corpus_of(request), entity_id, limit, offset), "entity")


@router.get("/copies", summary="Copies, of one article or all")
def api_copies(
    request: Request, article: Optional = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> JSONResponse:
    return JSONResponse(as_json(find_copies(corpus_of(request), article or None, None, limit, offset)))


@router.get("/copies/{copy_id}", summary="One copy with both passages")
def api_copy(request: Request, copy_id: Id) -> JSONResponse:
    return _found(get_copy(corpus_of(request), copy_id), "copy")


@router.get("/facts", summary="Figures of an event, about words, or by a source, grouped by who gives them")
def api_facts(
    request: Request, event: Optional = None, about: Optional = None, asserted_by: Optional = None
) -> JSONResponse:
    groups = find_facts(corpus_of(request), event or None, about or None, asserted_by or None)
    return JSONResponse(as_json(groups))


@router.get("/events", summary="Events by date with their figures by source")
def api_events(request: Request, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSONResponse:
    return JSONResponse(as_json(list_events(corpus_of(request), limit, offset)))


@router.get("/events/{event_id}", summary="One event, its figures and the sentences that report it")
def api_event(request: Request, event_id: Id) -> JSONResponse:
    return _found(get_event(corpus_of(request), event_id), "event")
