"""WARC archives as input: one Document per HTML response record, streamed.

The archive is cut into records by ``warc_split`` (which survives wrong lengths, cut gzip members
and junk between records); warcio parses each record alone (HTTP headers, chunked transfer,
compressed payloads). Whatever fails on one record becomes an Error naming ``archive#N``, and
the records around it are read. Old ARC files are read by warcio directly.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator

from newstrace.errors import InputError, InputTooLarge, MalformedInput, OutOfTime, error_from
from newstrace.ingest.documents import html_document
from newstrace.ingest.options import IngestOptions
from newstrace.ingest.warc_split import RawRecord, split_warc
from newstrace.model import Document, Error

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

log = logging.getLogger(__name__)

__all__ = ["read_warc"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARC_START = b"filedesc://"
# warcio decides by the target URI's scheme whether a block holds HTTP headers; a response record
# without WARC-Target-URI is given this stand-in, so its HTTP headers are read, and its url is None.
NO_URI = "http:"
TARGET_URI = re.compile(rb"(?im)^WARC-Target-URI:")
HEADER_END = b"\r\n\r\n"


def read_warc(stream: IO[bytes], name: str, options: IngestOptions) -> Iterator[Document | Error]:
    """One Document per HTML response record; an Error for each record that cannot be read."""
    if isinstance(stream, io.BufferedReader) and stream.peek(len(ARC_START)).startswith(ARC_START):
        yield from _read_arc(stream, name, options)
        return
    for raw in split_warc(stream, options.max_bytes):
        source = f"{name}#{raw.number}" if raw.number else name
        try:
            item = _raw_item(raw, source, options)
        except InputError as exc:
            item = error_from(exc, exc.source, "ingest")
        except (Exception, OutOfTime) as exc:  # one unreadable record costs that record only
            log.debug("reading %s failed", source, exc_info=True)
            item = error_from(exc, source, "ingest")
        if item is not None:
            yield item


def _raw_item(raw: RawRecord, source: str, options: IngestOptions) -> Document | Error | None:
    if raw.data is None:
        raise MalformedInput(source, raw.problem or "the record cannot be read")
    record = next(iter(ArchiveIterator(io.BytesIO(_with_uri(raw.data)), ensure_http_headers=False)), None)
    if record is None:
        raise MalformedInput(source, "the record cannot be parsed as WARC")
    if record.rec_type != "response" or not _is_html(record):
        return None
    if raw.oversized:
        raise InputTooLarge(source, raw.problem or "the record is over the size limit")
    return _warc_document(record, source, options)


def _with_uri(data: bytes) -> bytes:
    """The record with a stand-in WARC-Target-URI if its header has none (see NO_URI)."""
    end = data.find(HEADER_END)
    if end < 0 or TARGET_URI.search(data, 0, end):
        return data
    return data[:end] + f"\r\nWARC-Target-URI: {NO_URI}".encode() + data[end:]


def _read_arc(stream: IO[bytes], name: str, options: IngestOptions) -> Iterator[Document | Error]:
    """An ARC file, record by record with warcio; a break keeps the records before it."""
    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            source = f"{name}#{number}"
            try:
                if record.rec_type == "response" and _is_html(record):
                    yield _warc_document(record, source, options, arc=True)
            except InputError as exc:
                yield error_from(exc, exc.source, "ingest")
    except (Exception, OutOfTime) as exc:
        log.debug("reading %s failed", name, exc_info=True)
        broken = MalformedInput(
            name, f"the ARC file is cut or corrupt after record {number} ({type(exc).__name__}: {exc})"
        )
        yield error_from(broken, name, "ingest")


def _is_html(record: ArcWarcRecord) -> bool:
    headers = record.http_headers
    ctype = (headers.get_header("Content-Type") or "") if headers is not None else ""
    return ctype.split(";")[0].strip().lower() in HTML_TYPES


def _warc_document(record: ArcWarcRecord, source: str, options: IngestOptions, arc: bool = False) -> Document:
    """The Document of an HTML response; an ARC record has no id of its own (warcio invents one)."""
    data: bytes = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputTooLarge(source, f"the response is larger than {options.max_bytes} bytes")
    ctype = record.http_headers.get_header("Content-Type") or ""
    charset = ctype.split("charset=")[1].split(";")[0].strip().strip("\"'\0") if "charset=" in ctype else None
    return html_document(
        source,
        data,
        "warc",
        options,
        charset=charset or None,
        url=None if (uri := record.rec_headers.get_header("WARC-Target-URI")) == NO_URI else uri,
        source_id=None if arc else record.rec_headers.get_header("WARC-Record-ID"),
    )
