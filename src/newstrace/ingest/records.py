"""Streaming readers for container formats: JSON Lines and WARC archives."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newstrace.errors import EmptyInput, InputError, InputTooLarge, MalformedInput, error_from
from newstrace.ingest.decode import declared_charset, decode_bytes
from newstrace.ingest.documents import make_document
from newstrace.ingest.html import extract_html
from newstrace.ingest.options import IngestOptions
from newstrace.model import Document, Error

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

__all__ = ["read_jsonl", "read_warc"]

SKIP_CHUNK = 1 << 20
METADATA_KEYS = ("meta", "metadata")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_jsonl(stream: IO[bytes], name: str, options: IngestOptions) -> Iterator[Document | Error]:
    """One Document per JSON line with a ``text``; one Error per bad line, naming ``name#N``."""
    for number, line in _numbered_lines(stream, options.max_bytes):
        source = f"{name}#{number}"
        try:
            if line is None:
                raise InputTooLarge(source, f"the line is longer than {options.max_bytes} bytes")
            if not line.strip():
                continue
            yield _jsonl_record(line, source)
        except InputError as exc:
            yield error_from(exc, exc.source, "ingest")


def _numbered_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Lines with their 1-based numbers; an over-long line is skipped in chunks and given as None."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _jsonl_record(line: bytes, source: str) -> Document:
    try:
        record: Any = json.loads(line)  # a JSON value: what it holds is checked below
    except json.JSONDecodeError as exc:
        raise MalformedInput(source, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except UnicodeDecodeError as exc:
        raise MalformedInput(source, "the line is not UTF-8 text, as JSON Lines must be") from exc
    if not isinstance(record, dict):
        raise MalformedInput(source, f"a record must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise MalformedInput(source, "the record has no 'text' field; each JSONL record needs one")
    if not isinstance(text, str):
        raise MalformedInput(source, f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise EmptyInput(source, "the record's 'text' is empty")
    return make_document(
        source,
        line,
        "jsonl",
        text,
        source_id=_optional(record, "id"),
        url=_optional(record, "url", "link"),
        title=_optional(record, "title", "headline"),
        published=_optional(record, "published", "publication_date", "published_at", "date"),
        byline=_optional(record, "byline", "author", "authors"),
    )


def _optional(record: dict[str, Any], *keys: str) -> str | None:  # a JSON object: any values
    """The first of ``keys`` the record has, at its top level or in a ``meta``/``metadata`` object
    (as many corpora nest them); lists (several authors) are joined."""
    places = [record, *(record[m] for m in METADATA_KEYS if isinstance(record.get(m), dict))]
    for key in keys:
        for place in places:
            value = place.get(key)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value if v)
            if value is not None and value != "":
                return str(value)
    return None


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
    hint = ctype.split("charset=")[1].strip() if "charset=" in ctype else declared_charset(data)
    url = record.rec_headers.get_header("WARC-Target-URI")
    page = extract_html(decode_bytes(data, source, hint), source, options.max_html_depth, url)
    return make_document(
        source,
        data,
        "warc",
        page.text,
        source_id=record.rec_headers.get_header("WARC-Record-ID"),
        url=page.url or url,
        title=page.title,
        published=page.published,
        byline=page.byline,
    )
