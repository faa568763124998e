"""Building Document records with stable ids."""

from __future__ import annotations

from newstrace.ids import content_hash, stable_id
from newstrace.ingest.decode import declared_charset, decode_bytes
from newstrace.ingest.html import extract_html
from newstrace.model import Document, InputFormat

__all__ = ["html_document", "make_document"]


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
    """A Document whose id depends only on where it came from and its raw bytes."""
    digest = content_hash(raw)
    return Document(
        id=stable_id(source, digest),
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
    max_html_depth: int,
    *,
    charset: str | None = None,
    url: str | None = None,
    source_id: str | None = None,
) -> Document:
    """The Document of an HTML page: decoded (``charset`` from a transport header, else the page's own
    declaration), its article text and metadata extracted; the one path from HTML bytes to a Document."""
    html = decode_bytes(raw, source, charset or declared_charset(raw))
    page = extract_html(html, source, max_html_depth, url)
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
