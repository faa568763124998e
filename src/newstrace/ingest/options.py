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
        max_seconds: seconds the text extraction of one HTML page may take before it is stopped
            and the page becomes an ``error`` record (0: no limit). The sample and real-news
            pages take under 2 s each; a 40,000-cell table took trafilatura's fallback 189 s.
        stdin_name: the source name of standard input (``analyze - --name``); without it, stdin
            is named ``stdin-`` and the first 12 hex digits of its content's SHA-256, so two
            different streams never take each other's place.
    """

    max_bytes: int = 50 * MB
    max_html_depth: int = 1000
    max_seconds: float = 60.0
    stdin_name: str | None = None
