"""Building Document records with ids that follow their content, and text every store can hold."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newstrace.ids import content_hash, stable_id
from newstrace.ingest.deadline import time_limit
from newstrace.ingest.decode import declared_charset, decode_bytes, valid_text
from newstrace.ingest.options import IngestOptions
from newstrace.model import Document, Error, InputFormat

__all__ = ["REPAIR_STAGE", "document_id", "html_document", "make_document", "repaired"]

REPAIR_STAGE = "repair"  # the stage of the warning stored when a document's text had to be made valid
TEXT_FIELDS = ("text", "title", "published", "byline", "url", "source_id")


def document_id(url: str | None, digest: str) -> str:
    """A document's id: its content, and its address where it has one; never the path it was
    given under, so the same page read under two names is one document."""
    return stable_id(url or "", digest)


def repaired(doc: Document) -> tuple[Document, Error | None]:
    """``doc`` with lone surrogates and NULs replaced in every text field (no store can hold them),
    and the warning to store when any were; offsets are unchanged (one character for one)."""
    changes: dict[str, Any] = {}  # Any: field values for dataclasses.replace, all str here
    count = 0
    for name in TEXT_FIELDS:
        value = getattr(doc, name)
        if isinstance(value, str):
            fixed, found = valid_text(value)
            if found:
                changes[name], count = fixed, count + found
    if not count:
        return doc, None
    fields = ", ".join(changes)
    message = f"{count} lone surrogate or NUL character(s) in {fields} replaced by U+FFFD"
    return replace(doc, **changes), Error(doc.source, REPAIR_STAGE, message)


def make_document(
    source: str,
    raw: bytes,
    fmt: InputFormat,
    text: str,
    *,
    source_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    byline: str | None = None,
) -> Document:
    """A Document whose id depends only on its raw bytes and its URL (see :func:`document_id`)."""
    digest = content_hash(raw)
    return Document(
        id=document_id(url, digest),
        source=source,
        source_id=source_id,
        format=fmt,
        content_hash=digest,
        text=text,
        url=url,
        title=title,
        published=published,
        byline=byline,
    )


def html_document(
    source: str,
    raw: bytes,
    fmt: InputFormat,
    options: IngestOptions,
    *,
    charset: str | None = None,
    url: str | None = None,
    source_id: str | None = None,
) -> Document:
    """The Document of an HTML page: decoded (``charset`` from a transport header, else the page's own
    declaration), its article text and metadata extracted within ``options.max_seconds``; the one
    path from HTML bytes to a Document."""
    from newstrace.ingest.html import extract_html  # noqa: PLC0415  # lxml, jusText: only for HTML

    html = decode_bytes(raw, source, charset or declared_charset(raw))
    with time_limit(options.max_seconds, "extracting the text of this HTML page"):
        page = extract_html(html, source, options.max_html_depth, url)
    return make_document(
        source,
        raw,
        fmt,
        page.text,
        source_id=source_id,
        url=page.url or url,
        title=page.title,
        published=page.published,
        byline=page.byline,
    )
