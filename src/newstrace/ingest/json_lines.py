"""JSON Lines input: one Document per line, an Error for each line that is not a usable record."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import IO, Any

from newstrace.errors import EmptyInput, InputError, InputTooLarge, MalformedInput, error_from
from newstrace.ingest.documents import make_document
from newstrace.ingest.options import IngestOptions
from newstrace.model import Document, Error

log = logging.getLogger(__name__)

__all__ = ["read_jsonl"]

METADATA_KEYS = ("meta", "metadata")
SKIP_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an overlong line


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
        except Exception as exc:  # any failure on one record costs that record only
            log.debug("reading %s failed", source, exc_info=True)
            yield error_from(exc, source, "ingest")


def _numbered_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Lines with their 1-based numbers; an over-long line is skipped in chunks and given as None.

    A file with no line feed at all but carriage returns (old Mac line ends) is split at them:
    JSON strings cannot hold a raw carriage return, so each one ends a record.
    """
    number = 0
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            number += 1
            yield number, None
            continue
        pieces = line.split(b"\r") if not line.endswith(b"\n") and b"\r" in line.rstrip(b"\r") else [line]
        for piece in pieces:
            number += 1
            yield number, piece


def _jsonl_record(line: bytes, source: str) -> Document:
    try:
        record: Any = json.loads(line)  # a JSON value: what it holds is checked below
    except json.JSONDecodeError as exc:
        raise MalformedInput(source, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except UnicodeDecodeError as exc:
        raise MalformedInput(source, "the line is not UTF-8 text, as JSON Lines must be") from exc
    except RecursionError as exc:
        raise MalformedInput(source, "the JSON is nested too deeply to be a news record") from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise MalformedInput(source, f"the JSON holds a value that cannot be read ({exc})") from exc
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
