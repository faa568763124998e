"""Building Document records with stable ids."""

from __future__ import annotations

from newstrace.ids import content_hash, stable_id
from newstrace.model import Document, InputFormat

__all__ = ["make_document"]


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
