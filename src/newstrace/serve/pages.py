"""The HTML pages: overview, search, article, quote, entity, copies, events; each at a stable URL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from newstrace.query import (
    Mark,
    QuoteFilter,
    find_copies,
    find_entity,
    find_quotes,
    find_trace,
    get_article,
    get_copy,
    get_event,
    list_entities,
    list_events,
    pieces,
    search_corpus,
)
from newstrace.query.figures import event_spread
from newstrace.query.quote_search import QUOTE_KINDS
from newstrace.query.records import MAX_PAGE_SIZE, QuoteRow, as_json, site_of
from newstrace.serve.charts import timeline_svg, world_map_svg
from newstrace.serve.params import DEFAULT_PAGE, Id, Offset, Optional, QuoteParams, corpus_of, corpus_overview

__all__ = ["MAX_DOWNLOAD", "router"]

T = TypeVar("T")
router = APIRouter(include_in_schema=False)
SEARCH_HITS = 10  # articles and entities shown beside the quotes of a search
COPY_CONTEXT = 300  # characters shown around a shared passage on either side (the article page has all)
MAX_DOWNLOAD = 10_000  # quotes one download holds at most (the JSON Lines export has everything)
MARK_PAGES = {"quote": "/quote/", "speaker": "/quote/", "entity": "/entity/"}


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:  # Any: template values
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context)


def _found(value: T | None) -> T:
    """``value``, or a 404 when there is no such record."""
    if value is None:
        raise HTTPException(404)
    return value


def mark_href(mark: Mark) -> str:
    """Where a highlighted piece links: the record's page, or its row below the text."""
    if mark.kind in MARK_PAGES:
        return MARK_PAGES[mark.kind] + mark.id
    return f"#{mark.kind}-{mark.id}"


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    return _page(request, "overview.html", o=corpus_overview(request))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, params: Annotated[QuoteParams, Query()], offset: Offset = 0
) -> HTMLResponse:
    corpus = corpus_of(request)
    filters = params.to_filter()
    page = find_quotes(corpus, filters, DEFAULT_PAGE, offset)
    # quotes come from the filtered list below; the search adds the articles and entities
    hits = search_corpus(corpus, params.q, SEARCH_HITS, kinds=("articles", "entities")) if params.q else None
    return _page(
        request,
        "search.html",
        q=params.q or "",
        f=filters,
        page=page,
        hits=hits,
        query=params.query_string(),
        kinds=QUOTE_KINDS,
    )


def _all_quotes(request: Request, filters: QuoteFilter) -> Iterator[QuoteRow]:
    corpus = corpus_of(request)
    for offset in range(0, MAX_DOWNLOAD, MAX_PAGE_SIZE):
        page = find_quotes(corpus, filters, MAX_PAGE_SIZE, offset)
        yield from page.items
        if not page.more:
            return


CSV_COLUMNS = (
    *("id", "said_on", "speaker", "speaker_entity", "kind", "text", "cue", "article", "title", "site"),
    *("published", "source", "url", "start", "end"),
)


def _csv_row(row: QuoteRow) -> list[object]:
    q, a = row.quote, row.article
    return [
        *(q.id, q.said_on, row.speaker_name, q.speaker_entity, q.kind, q.text, q.cue),
        *(a.id, a.title, a.site, a.published, a.source, a.url, q.start, q.end),
    ]


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/search.csv")
def search_csv(request: Request, params: Annotated[QuoteParams, Query()]) -> Response:
    rows = list(_all_quotes(request, params.to_filter()))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(r) for r in rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=_attachment("quotes.csv"))


@router.get("/search.jsonl")
def search_jsonl(request: Request, params: Annotated[QuoteParams, Query()]) -> Response:
    rows = list(_all_quotes(request, params.to_filter()))
    body = "".join(json.dumps(as_json(r), ensure_ascii=False) + "\n" for r in rows)
    return Response(body, media_type="application/x-ndjson", headers=_attachment("quotes.jsonl"))


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Id) -> HTMLResponse:
    view = _found(get_article(corpus_of(request), article_id))
    cut = pieces(view.article.text, view.marks)
    return _page(
        request,
        "article.html",
        v=view,
        pieces=cut,
        href=mark_href,
        site=site_of(view.article.url, view.article.source),
    )


@router.get("/quote/{quote_id}", response_class=HTMLResponse)
def quote_page(request: Request, quote_id: Id) -> HTMLResponse:
    trace = find_trace(corpus_of(request), quote_id)
    if trace is None or trace.quote.quote.id != quote_id:
        raise HTTPException(404)
    return _page(request, "quote.html", t=trace)


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: Id, offset: Offset = 0) -> HTMLResponse:
    view = find_entity(corpus_of(request), entity_id, DEFAULT_PAGE, offset)
    if view is None or view.entity.id != entity_id:
        raise HTTPException(404)
    return _page(request, "entity.html", v=view)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, kind: Optional = None, offset: Offset = 0) -> HTMLResponse:
    return _page(
        request,
        "entities.html",
        page=list_entities(corpus_of(request), kind or None, DEFAULT_PAGE, offset),
        kind=kind,
    )


@router.get("/copies", response_class=HTMLResponse)
def copies_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    return _page(
        request, "copies.html", page=find_copies(corpus_of(request), limit=DEFAULT_PAGE, offset=offset)
    )


@router.get("/copy/{copy_id}", response_class=HTMLResponse)
def copy_page(request: Request, copy_id: Id) -> HTMLResponse:
    corpus = corpus_of(request)
    view = _found(get_copy(corpus, copy_id))
    texts = {a.id: a.text for a in corpus.store.articles_by_id([view.a.id, view.b.id])}
    sides = [(view.copy.a, view.a, texts.get(view.a.id, "")), (view.copy.b, view.b, texts.get(view.b.id, ""))]
    return _page(request, "copy.html", c=view, sides=sides, context=COPY_CONTEXT)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    corpus = corpus_of(request)
    page = list_events(corpus, DEFAULT_PAGE, offset)
    spread = event_spread(corpus)
    world = request.app.state.world
    return _page(
        request,
        "events.html",
        page=page,
        timeline=timeline_svg(spread),
        world_map=world_map_svg(world, spread),
    )


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Id) -> HTMLResponse:
    view = _found(get_event(corpus_of(request), event_id))
    return _page(request, "event.html", v=view)
