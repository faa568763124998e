"""Options of the ingest stage."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["IngestOptions"]

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read.

    Attributes:
        max_bytes: largest file (text, HTML) or single record (JSONL line, WARC payload) read;
            larger ones become an ``error`` record. 50 MB is ~100x the longest news page we have
            seen, and keeps a worker's memory bounded.
        max_html_depth: deepest element nesting accepted in an HTML page; deeper pages are
            malformed or hostile (lxml gives up silently around 256 levels anyway).
    """

    max_bytes: int = 50 * MB
    max_html_depth: int = 1000
