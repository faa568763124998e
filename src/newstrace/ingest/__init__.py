"""Ingest: any news input (text, HTML, WARC, JSON Lines, folders, globs, stdin) to Documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from newstrace.ingest.options import IngestOptions
from newstrace.ingest.reader import read_input, sniff_format
from newstrace.ingest.sources import STDIN, InputRef, expand_inputs, spool_stdin
from newstrace.model import Document, Error

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


def read_inputs(
    inputs: Iterable[str], options: IngestOptions | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Document | Error]:
    """Every Document in ``inputs``, in order, with an Error for each input or record that fails."""
    opts = options or IngestOptions()
    for item in expand_inputs(inputs):
        if isinstance(item, Error):
            yield item
        else:
            yield from read_input(item, opts, stdin)
