"""Cut a WARC archive into its records, tolerating the damage real archives carry.

warcio reads a well-formed archive, and stops (or silently swallows records) at the first wrong
``Content-Length``, cut gzip member or missing header. Here the archive is cut into records first,
by rules that hold for any WARC file: a record starts with a ``WARC/1.x`` line, its header ends at a
blank line, its block is ``Content-Length`` bytes followed by a blank line, and in a ``.warc.gz``
each gzip member holds one record. A record that breaks a rule is given back as a problem (the run
stores an error for it), and reading resumes at the next place where a record starts: the next
gzip member, or the next ``WARC/`` line. warcio then parses each whole record on its own.
Memory stays bounded: a block over the size limit is skipped as it streams, keeping only its head.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

__all__ = ["RawRecord", "split_warc"]

CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b\x08"
MAX_HEADER = 1 << 16  # a WARC header longer than 64 KB is not a header
KEPT_HEAD = 1 << 16  # bytes kept of an oversized block: its HTTP headers, to tell what it was
# Compressed bytes of one gzip member kept for a rescan after damage: far above one news page's
# record (tens of KB gzipped), and bounded for a single-stream archive of gigabytes.
RESCAN_LIMIT = 64 << 20
RECORD_START = re.compile(rb"(?:^|\n)WARC/\d")
HEADER_END = re.compile(rb"\r?\n\r?\n")
CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d{1,15})[ \t]*\r?$")
TRAILER = b"\r\n\r\n"
END = object()  # a gzip member (or the file) ended here


class Broken:
    """A gzip member that breaks off here (cut or corrupt), and what is wrong with it."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


CUT_MEMBER = Broken("the archive ends inside a gzip member: the record in it is cut (a truncated archive)")
CORRUPT_MEMBER = Broken("a gzip member is corrupt; reading went on at the next member")


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record of an archive, by its 1-based place in it: its bytes, or what was wrong with it
    (number 0: a problem of the archive between records, or of the whole file).

    ``oversized``: the block was over the size limit; ``data`` holds the header and the block's head.
    """

    number: int
    data: bytes | None
    problem: str | None = None
    oversized: bool = False


def split_warc(stream: IO[bytes], max_bytes: int) -> Iterator[RawRecord]:
    """Every record of the (plain or gzipped) WARC archive ``stream``, damaged ones as problems."""
    head = stream.read(2)
    chunks = _gunzip(stream, head) if head == GZIP_MAGIC[:2] else _plain(stream, head)
    yield from _Splitter(max_bytes).records(chunks)


def _plain(stream: IO[bytes], head: bytes) -> Iterator[bytes | object]:
    yield head
    while data := stream.read(CHUNK):
        yield data
    yield END


def _gunzip(stream: IO[bytes], head: bytes) -> Iterator[bytes | object]:
    """Decompressed bytes, with END after each gzip member; a cut or corrupt member ends where it
    breaks (the splitter reports the record it held), and reading goes on at the next member.

    A damaged member may also swallow the members after it without an error (a flipped bit that
    hides the end of its deflate stream): when the file ends inside a member, its compressed bytes
    (kept up to RESCAN_LIMIT) are searched for the next member's start, and reading resumes there.
    """
    member = _Member(head)
    while True:
        data = member.pending or stream.read(CHUNK)
        member.pending = b""
        if not data:
            if not member.started:
                return
            resume = member.next_start()
            yield CORRUPT_MEMBER if resume else CUT_MEMBER
            if not resume:
                return
            member = _Member(resume)
            continue
        member.keep(data)
        try:
            yield from member.inflate(data)
        except zlib.error:
            yield CORRUPT_MEMBER
            member = _Member(member.next_start() or _next_member(stream, b""))
            continue
        if member.inflater.eof:
            yield END
            member = _Member(member.inflater.unused_data.lstrip(b"\0"))


def _next_member(stream: IO[bytes], data: bytes) -> bytes:
    """The bytes from the next gzip member's start on, read from ``stream`` (empty at its end)."""
    while True:
        found = data.find(GZIP_MAGIC)
        if found >= 0:
            return data[found:]
        more = stream.read(CHUNK)
        if not more:
            return b""
        data = data[-2:] + more


class _Member:
    """One gzip member being inflated, with its compressed bytes kept for a rescan."""

    def __init__(self, pending: bytes) -> None:
        self.pending = pending
        self.inflater = zlib.decompressobj(31)
        self.kept: bytearray | None = bytearray()
        self.started = False

    def keep(self, data: bytes) -> None:
        self.started = True
        if self.kept is not None:
            self.kept += data
            if len(self.kept) > RESCAN_LIMIT:
                self.kept = None

    def inflate(self, data: bytes) -> Iterator[bytes]:
        out = self.inflater.decompress(data, CHUNK)
        while out:
            yield out
            out = self.inflater.decompress(self.inflater.unconsumed_tail, CHUNK)

    def next_start(self) -> bytes:
        """The kept bytes from the next gzip member's start on (empty if none is kept or found)."""
        found = self.kept.find(GZIP_MAGIC, 1) if self.kept is not None else -1
        return bytes(self.kept[found:]) if found > 0 and self.kept is not None else b""


class _Splitter:
    """Cuts a byte stream (with member ends) into records."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.buf = bytearray()
        self.number = 0
        self.skip = 0  # bytes of an oversized block still to discard
        self.garbage = 0  # bytes dropped before a record start, not yet reported
        self.ended = False  # the member (or file) has ended: an incomplete record is cut
        self.seen_any = False
        self.member_start = 0  # the record number before the current gzip member

    def records(self, chunks: Iterator[bytes | object]) -> Iterator[RawRecord]:
        for chunk in chunks:
            if isinstance(chunk, bytes):
                self.seen_any = self.seen_any or bool(chunk.strip())
                self.buf += self._discard(chunk)
                while (found := self._next()) is not None:
                    yield found
            else:
                self.skip = 0  # an oversized block cut by the member's end: already reported
                yield from self._member_end()
                if isinstance(chunk, Broken) and self.number == self.member_start:  # nothing of it read
                    self.number += 1
                    yield RawRecord(self.number, None, chunk.problem)
                self.member_start = self.number
        if not self.seen_any:
            yield RawRecord(0, None, "the archive holds no records (it is empty)")

    def _discard(self, chunk: bytes) -> bytes:
        if not self.skip:
            return chunk
        taken = min(self.skip, len(chunk))
        self.skip -= taken
        return chunk[taken:]

    def _member_end(self) -> Iterator[RawRecord]:
        """At the end of a member or the file, a record still incomplete was cut."""
        self.ended = True
        while (found := self._next()) is not None:
            yield found
        self.ended = False
        rest = bytes(self.buf).strip(b"\r\n\0 \t")
        self.buf.clear()
        if rest.startswith(b"WARC/"):
            self.number += 1
            yield _cut(self.number)
            rest = b""
        garbage, self.garbage = self.garbage + len(rest), 0
        if garbage:
            yield _garbage(self.number, garbage)

    def _next(self) -> RawRecord | None:
        """The next whole record in the buffer, a problem, or None when more bytes are needed."""
        if self._to_record_start() and self.garbage:
            garbage, self.garbage = self.garbage, 0
            return _garbage(self.number, garbage)
        end = HEADER_END.search(self.buf, 0, MAX_HEADER) if self.buf.startswith(b"WARC/") else None
        if end is None:
            return self._header_too_long() if len(self.buf) > MAX_HEADER else None
        header = bytes(self.buf[: end.end()])
        length = CONTENT_LENGTH.search(header)
        if length is None:
            self.number += 1
            self._resync(end.end())
            return RawRecord(self.number, None, "the record has no Content-Length header")
        return self._block(header, int(length.group(1)))

    def _block(self, header: bytes, size: int) -> RawRecord | None:
        """The record whose header is ``header`` and block ``size`` bytes, once the buffer holds it."""
        total = len(header) + size
        if size > self.max_bytes and (len(self.buf) - len(header) >= min(KEPT_HEAD, size) or self.ended):
            self.number += 1
            return self._oversized(header, size)
        if size <= self.max_bytes and len(self.buf) >= total + len(TRAILER):
            self.number += 1
            return self._complete(header, total)
        if not self.ended:
            return None  # wait for more bytes
        self.number += 1  # the data ends before the block does
        return self._mismatch(len(header)) if RECORD_START.search(self.buf, len(header)) else self._drop()

    def _complete(self, header: bytes, total: int) -> RawRecord:
        if self.buf[total : total + len(TRAILER)] == TRAILER or self._next_starts(total):
            data = bytes(self.buf[:total]) + TRAILER
            del self.buf[: total + len(TRAILER)]
            return RawRecord(self.number, data)
        return self._mismatch(len(header))

    def _drop(self) -> RawRecord:
        self.buf.clear()
        return _cut(self.number)

    def _mismatch(self, header_end: int) -> RawRecord:
        self._resync(header_end)
        return RawRecord(
            self.number,
            None,
            "the record's Content-Length does not match its content (the record is cut or overlong); "
            "the next record was read from where it starts",
        )

    def _next_starts(self, total: int) -> bool:
        """A record whose blank line is missing but that the next record follows directly."""
        return bool(re.match(rb"(?:\r?\n){0,2}WARC/\d", self.buf[total : total + 12]))

    def _oversized(self, header: bytes, size: int) -> RawRecord:
        head = bytes(self.buf[len(header) : len(header) + KEPT_HEAD])
        available = len(self.buf) - len(header)
        if available >= size + len(TRAILER):
            del self.buf[: len(header) + size + len(TRAILER)]
        else:
            self.skip = size + len(TRAILER) - available
            self.buf.clear()
        limit = f"{self.max_bytes / 2**20:.0f} MB" if self.max_bytes >= 2**20 else f"{self.max_bytes} bytes"
        problem = f"the record is larger than the {limit} limit for one record (--max-size)"
        return RawRecord(self.number, header + head, problem, oversized=True)

    def _to_record_start(self) -> bool:
        """Drop what lies before the next record start (counted in ``garbage``); whether the
        buffer now starts a record."""
        stripped = len(self.buf) - len(self.buf.lstrip(b"\r\n\0 \t"))
        del self.buf[:stripped]
        if self.buf[:5] == b"WARC/":
            return True
        if len(self.buf) < 5:
            return False
        found = RECORD_START.search(self.buf)
        cut = (found.start() + (self.buf[found.start()] == 0x0A)) if found else max(len(self.buf) - 6, 0)
        self.garbage += len(bytes(self.buf[:cut]).strip())
        del self.buf[:cut]
        return found is not None

    def _resync(self, start: int) -> None:
        found = RECORD_START.search(self.buf, start)
        del self.buf[: found.start() if found else len(self.buf)]

    def _header_too_long(self) -> RawRecord:
        """A record start whose header does not end within MAX_HEADER bytes."""
        self.number += 1
        self._resync(5)
        return RawRecord(self.number, None, "the record header never ends (no blank line after it)")


def _garbage(number: int, size: int) -> RawRecord:
    """Bytes between records: a problem of the archive (number 0), not of a record."""
    where = f"after record {number}" if number else "at the start"
    return RawRecord(0, None, f"{size} bytes that are not a WARC record were skipped ({where})")


def _cut(number: int) -> RawRecord:
    return RawRecord(
        number,
        None,
        "the record is cut: its content is shorter than its Content-Length (a truncated archive)",
    )
