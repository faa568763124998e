"""WARC archives as input: one Document per HTML response record, streamed."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newstrace.errors import InputError, InputTooLarge, MalformedInput, error_from
from newstrace.ingest.documents import html_document
from newstrace.ingest.options import IngestOptions
from newstrace.model import Document, Error

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

__all__ = ["read_warc"]

SKIP_CHUNK = 1 << 20  # bytes read at a time while draining a record that is not used
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], name: str, options: IngestOptions) -> Iterator[Document | Error]:
    """One Document per HTML response record; a truncated archive keeps the records before the break."""
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            item = _warc_item(record, f"{name}#{number}", options)
            if _drain(record):
                raise EOFError(f"record {number} ends early")
            if item is not None:
                yield item
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        broken = MalformedInput(
            name,
            f"the WARC file is truncated or corrupt at record {max(number, 1)} "
            f"({type(exc).__name__}: {exc}); the records before it were read",
        )
        yield error_from(broken, name, "ingest")


def _warc_item(record: ArcWarcRecord, source: str, options: IngestOptions) -> Document | Error | None:
    if record.rec_type != "response" or not _is_html(record):
        return None
    try:
        return _warc_document(record, source, options)
    except InputError as exc:
        return error_from(exc, exc.source, "ingest")


def _drain(record: ArcWarcRecord) -> bool:
    """Read what is left of a record; True if its data ends before its Content-Length."""
    raw = record.raw_stream
    while raw.read(SKIP_CHUNK):
        pass
    return bool(getattr(raw, "limit", 0))


def _is_html(record: ArcWarcRecord) -> bool:
    headers = record.http_headers
    ctype = (headers.get_header("Content-Type") or "") if headers is not None else ""
    return ctype.split(";")[0].strip().lower() in HTML_TYPES


def _warc_document(record: ArcWarcRecord, source: str, options: IngestOptions) -> Document:
    data: bytes = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputTooLarge(source, f"the response is larger than {options.max_bytes} bytes")
    ctype = record.http_headers.get_header("Content-Type") or ""
    return html_document(
        source,
        data,
        "warc",
        options.max_html_depth,
        charset=ctype.split("charset=")[1].strip() if "charset=" in ctype else None,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        source_id=record.rec_headers.get_header("WARC-Record-ID"),
    )
