"""Read one input (file or stdin) into Documents; every failure becomes an Error record."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from newstrace.errors import InputError, InputTooLarge, OutOfTime, error_from
from newstrace.ingest.decode import decode_bytes
from newstrace.ingest.documents import html_document, make_document, repaired
from newstrace.ingest.json_lines import read_jsonl
from newstrace.ingest.options import IngestOptions
from newstrace.ingest.sources import InputRef, expand_inputs
from newstrace.model import Document, Error, InputFormat

log = logging.getLogger(__name__)

__all__ = ["read_input", "read_inputs", "sniff_format"]

GZIP_MAGIC = b"\x1f\x8b"
SNIFF = 4096


def read_input(
    ref: InputRef,
    options: IngestOptions,
    stdin: IO[bytes] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Document | Error]:
    """Documents read from ``ref``; unreadable inputs and records are yielded as Errors.

    Nothing raised while reading one input leaves this function: whatever fails becomes an Error
    naming the input (or its record), and the records read before it are kept. A document whose
    text had to be made valid comes right after its warning (stage ``repair``).
    ``progress`` is called with the number of bytes of ``ref`` read so far.
    """
    try:
        stream = _open(ref, stdin, progress)
    except OSError as exc:
        yield error_from(_os_failure(ref.name, "cannot open", exc), ref.name, "ingest")
        return
    except (AttributeError, ValueError) as exc:  # sys.stdin closed (None) or detached
        yield error_from(InputError(ref.name, f"standard input cannot be read ({exc})"), ref.name, "ingest")
        return
    with stream:
        try:
            for item in _read_stream(ref, stream, options):
                yield from _valid(item)
        except InputError as exc:
            yield error_from(exc, exc.source, "ingest")
        except OSError as exc:
            yield error_from(_os_failure(ref.name, "read failed", exc), ref.name, "ingest")
        except (Exception, OutOfTime) as exc:  # a failure we did not foresee costs this input only
            log.debug("reading %s failed", ref.name, exc_info=True)
            yield error_from(exc, ref.name, "ingest")


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


def _valid(item: Document | Error) -> Iterator[Document | Error]:
    if isinstance(item, Error):
        yield item
        return
    doc, warning = repaired(item)
    if warning is not None:  # before its document, so that it can be stored with it
        log.debug("%s: %s", warning.source, warning.message)
        yield warning
    yield doc


def _os_failure(name: str, doing: str, exc: OSError) -> InputError:
    """An operating-system failure on an input, as the InputError the user is told of."""
    return InputError(name, f"{doing}: {exc.strerror or exc}")


class _CountingReader(io.RawIOBase):
    """A raw stream that reports how many bytes have been read from it."""

    def __init__(self, raw: IO[bytes], progress: Callable[[int], None] | None) -> None:
        self.raw, self.progress, self.position = raw, progress, 0

    def readable(self) -> bool:
        return True

    # Any: io passes a bytearray or memoryview; typeshed's WriteableBuffer has no len() or slicing
    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.position += len(data)
        if self.progress is not None:
            self.progress(self.position)
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open(
    ref: InputRef, stdin: IO[bytes] | None, progress: Callable[[int], None] | None
) -> io.BufferedReader:
    raw = (stdin if stdin is not None else sys.stdin.buffer) if ref.path is None else ref.path.open("rb")
    return io.BufferedReader(_CountingReader(raw, progress), buffer_size=1 << 16)


def _read_stream(
    ref: InputRef, stream: io.BufferedReader, options: IngestOptions
) -> Iterator[Document | Error]:
    fmt = ref.format or sniff_format(stream.peek(SNIFF)[:SNIFF])
    log.debug("reading %s as %s", ref.name, fmt)
    if fmt == "jsonl":
        yield from read_jsonl(stream, ref.name, options)
    elif fmt == "warc":
        from newstrace.ingest.warc import read_warc  # noqa: PLC0415  # warcio costs ~50 ms to import

        yield from read_warc(stream, ref.name, options)
    else:
        yield _single_document(ref.name, fmt, _read_limited(ref, stream, options.max_bytes), options)


def _read_limited(ref: InputRef, stream: io.BufferedReader, max_bytes: int) -> bytes:
    if ref.path is not None and ref.path.stat().st_size > max_bytes:  # refuse before reading a byte
        size_mb = ref.path.stat().st_size / 2**20
        raise InputTooLarge(
            ref.name,
            f"the file is {size_mb:.0f} MB, over the {max_bytes / 2**20:.0f} MB limit "
            "for one page; split it, or raise the limit with --max-size",
        )
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(ref.name, f"the input is over the {max_bytes / 2**20:.0f} MB limit for one page")
    return data


def _single_document(name: str, fmt: InputFormat, data: bytes, options: IngestOptions) -> Document:
    if fmt == "html":
        return html_document(name, data, "html", options)
    return make_document(name, data, "text", decode_bytes(data, name))


def sniff_format(head: bytes) -> InputFormat:
    """Guess the format of an unnamed input (stdin, unknown suffix) from its first bytes."""
    if head.startswith((GZIP_MAGIC, b"WARC/", b"filedesc://")):
        return "warc"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return "html"
    return "text"
