"""Ingest: any news input (text, HTML, WARC, JSON Lines, folders, globs, stdin) to Documents.

The names below are imported on first use (``newstrace.lazy_names``): importing
``ingest.decode`` or the options loads no HTML reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.lazy_names import lazy_names

if TYPE_CHECKING:
    from newstrace.ingest.options import IngestOptions
    from newstrace.ingest.reader import read_input, read_inputs, sniff_format
    from newstrace.ingest.sources import STDIN, InputRef, expand_inputs, spool_stdin

__all__ = [
    "STDIN",
    "IngestOptions",
    "InputRef",
    "expand_inputs",
    "read_input",
    "read_inputs",
    "sniff_format",
    "spool_stdin",
]

__getattr__ = lazy_names(
    __name__,
    {
        "IngestOptions": "options",
        "read_input": "reader",
        "read_inputs": "reader",
        "sniff_format": "reader",
        "STDIN": "sources",
        "InputRef": "sources",
        "expand_inputs": "sources",
        "spool_stdin": "sources",
    },
)
