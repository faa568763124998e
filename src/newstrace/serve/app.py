"""The web application: pages and ``/api/`` over one read-only corpus, safe by default.

The database is opened read-only; every page is rendered on the server by Jinja2 with
autoescaping (article text is hostile input: a page holding ``<script>`` shows it as text); every
answer carries a Content-Security-Policy that allows no script at all and only this site's
styles; a bad request gets a short 4xx page (or JSON under ``/api/``), never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from newstrace import __version__
from newstrace.errors import NewstraceError
from newstrace.query import open_corpus
from newstrace.serve import api, pages
from newstrace.serve.charts import load_world

log = logging.getLogger(__name__)

__all__ = ["HEADERS", "create_app"]

# zlib level 4 packs the 800 kB events map about as well as 9 (within a few per cent) in a fifth of
# the time (measured with bench/serve.py: level 9 took ~0.5 s of the events page on the build machine)
GZIP_LEVEL = 4
GZIP_MIN_BYTES = 2048  # smaller answers gain little from compression (the events map is ~800 kB raw)
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str) -> FastAPI:
    """The application over the corpus in ``db`` (opened read-only now, closed at shutdown)."""
    corpus = open_corpus(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newstrace",
        version=__version__,
        description="A sourced record of news: who said what, who is who, what was reported, who copied whom",
        docs_url=None,  # the interactive docs load scripts from elsewhere; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.corpus = corpus
    app.state.world = load_world()
    app.state.templates = Jinja2Templates(directory=str(Path(str(files("newstrace.serve") / "templates"))))
    app.mount(
        "/static", StaticFiles(directory=str(Path(str(files("newstrace.serve") / "static")))), name="static"
    )
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.middleware("http")(_secure_headers)
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(NewstraceError, _refused)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _failed)
    return app


async def _secure_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.update(HEADERS)
    return response


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        response: Response = JSONResponse({"error": message, "status": status}, status_code=status)
    else:
        templates: Jinja2Templates = request.app.state.templates
        response = templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    response.headers.update(HEADERS)
    return response


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = {404: "There is no such page or record."}.get(exc.status_code, str(exc.detail))
    return _error(request, exc.status_code, message)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return _error(request, 400, f"Bad request: {problems}")


async def _refused(request: Request, exc: NewstraceError) -> Response:
    return _error(request, 400, str(exc))


async def _failed(request: Request, exc: Exception) -> Response:
    log.error("error serving %s: %s", request.url.path, exc, exc_info=True)
    return _error(request, 500, "Something went wrong on the server; it is logged.")
