"""The hostile battery's input cases: each writes one bad (or odd) input into a folder.

Each case says what a run given that input next to a good page must end with: its exit code, how
many error records name the input, how many of its own articles are stored (where it holds good
records), and words its error message must hold.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.robustness.hostile import (
    archive,
    html_record,
    http_response,
    page,
    warc_record,
    write,
)


@dataclass(frozen=True)
class Case:
    """One hostile input and what the run must do with it."""

    name: str
    make: Callable[[Path], Path]
    exit_code: int = 1
    errors: int = 1  # error records whose source is this input (or one of its records)
    stored: int | None = 0  # its own articles stored; None: not checked
    words: str = ""  # the error message holds these words
    warnings: int = 0  # repair warnings (stage "repair") for it
    args: tuple[str, ...] = ()


def _records(*numbers: int, **options: object) -> list[bytes]:
    return [html_record(n, **options) for n in numbers]


def _warc(name: str, records: list[bytes], gzipped: bool) -> Callable[[Path], Path]:
    return lambda d: write(d / f"{name}.warc{'.gz' if gzipped else ''}", archive(records, gzipped))


def _cut_header(gzipped: bool) -> Callable[[Path], Path]:
    third = html_record(3)
    return _warc("cut-header", [*_records(1, 2), third[:40]], gzipped)


def _cut_gzip(fraction: float) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        data = archive(_records(1, 2, 3), gzipped=True)
        last = gzip.compress(html_record(3), mtime=0)
        keep = len(data) - len(last) + max(1, int(len(last) * fraction))
        return write(d / f"cut-{fraction}.warc.gz", data[:keep])

    return make


def _corrupt_gzip(d: Path) -> Path:
    members = [gzip.compress(r, mtime=0) for r in _records(1, 2, 3)]
    middle = bytearray(members[1])
    for i in range(20, len(middle) - 20, 7):
        middle[i] ^= 0x5A
    return write(d / "corrupt.warc.gz", members[0] + bytes(middle) + members[2])


def _single_stream(d: Path) -> Path:
    return write(d / "single.warc.gz", gzip.compress(archive(_records(1, 2, 3), gzipped=False), mtime=0))


def _junk_between(d: Path) -> Path:
    one, two = _records(1, 2)
    return write(d / "junk.warc", one + b"this line is not part of any WARC record\r\n" + two)


def _charset_nul(d: Path) -> Path:
    html = page("Nul charset").encode()
    odd = warc_record("https://news.example/nul", http_response(html, "text/html; charset=utf-8\0"))
    return write(d / "nul-charset.warc", archive([odd, *_records(2, 3)], gzipped=False))


def _chunked(d: Path) -> Path:
    html = page("Chunked story").encode()
    body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (html[:100], html[100:])) + b"0\r\n\r\n"
    block = http_response(body, extra=b"Transfer-Encoding: chunked\r\n")
    return write(d / "chunked.warc", warc_record("https://news.example/chunked", block))


def _compressed(d: Path) -> Path:
    body = gzip.compress(page("Compressed story").encode(), mtime=0)
    block = http_response(body, extra=b"Content-Encoding: gzip\r\n")
    return write(d / "compressed.warc", warc_record("https://news.example/gz", block))


def _arc(d: Path) -> Path:
    html = http_response(page("Archived story").encode())
    version = b"1 0 newstrace\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://test.arc 0.0.0.0 20210320120000 text/plain %d\n" % len(version)
    entry = b"https://news.example/arc 127.0.0.1 20210320120000 text/html %d\n" % len(html)
    return write(d / "old.arc", head + version + b"\n" + entry + html + b"\n")


def _oversized(d: Path) -> Path:
    big = page("Big", "<p>" + "padding words " * 300 + "</p>").encode()
    records = [*_records(1), warc_record("https://news.example/big", http_response(big)), *_records(2)]
    return write(d / "big.warc", archive(records, gzipped=False))


def _html(name: str, data: bytes) -> Callable[[Path], Path]:
    return lambda d: write(d / f"{name}.html", data)


def _entity_bomb() -> bytes:
    """Billion laughs: each entity expands to ten of the one before (10^9 characters if expanded)."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    doc = page("Entity bomb", "<p>&i;</p>")
    return f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>{doc.split(">", 1)[1]}'.encode()


def _slow_table() -> bytes:
    """A 120,000-cell table: reading it takes several seconds, far past a one-second limit."""
    rows = "".join("<tr>" + "<td>cell text here</td>" * 40 + "</tr>" for _ in range(3000))
    return page("Table", body=f"<table>{rows}</table>").encode()


def _jsonl(name: str, lines: list[str] | bytes) -> Callable[[Path], Path]:
    data = lines if isinstance(lines, bytes) else "".join(line + "\n" for line in lines).encode()
    return lambda d: write(d / f"{name}.jsonl", data)


GOOD_RECORD = json.dumps({"id": "ok", "text": "A good record, with a full sentence in it."})


def _fifo(d: Path) -> Path:
    path = d / "pipe.txt"
    os.mkfifo(path)
    return path


def _symlink_loop(d: Path) -> Path:
    first, second = d / "loop-a.txt", d / "loop-b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def _dangling(d: Path) -> Path:
    link = d / "dangling.html"
    link.symlink_to(d / "nowhere.html")
    return link


def _empty_folder_named_like_a_file(d: Path) -> Path:
    folder = d / "x.txt"
    folder.mkdir()
    return folder


def _bad_name(d: Path) -> Path:
    path = Path(os.fsdecode(bytes(d) + b"/caf\xe9-story.txt"))
    path.write_text("Cafe story\n\nThe cafe reopened on Monday, its owner said.\n")
    return path


def _bad_name_inside(d: Path) -> Path:
    folder = d / "pages"
    folder.mkdir()
    _bad_name(folder)
    return folder


def _deep_json() -> str:
    return '{"text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"


UTF8_WITH_STRAY = (
    page("Stray byte", "<p>\u201cWe stay,\u201d she said.</p>")
    .encode()
    .replace(b"Stray byte:", b"Stray\xff byte:", 1)
)

WARC_CASES = [
    Case(
        "warc-no-target-uri",
        lambda d: write(d / "no-uri.warc", warc_record(None, http_response(page("No URI").encode()))),
        0,
        0,
        1,
    ),
    Case(
        "warc-gz-no-target-uri",
        lambda d: write(
            d / "no-uri.warc.gz", archive([warc_record(None, http_response(page("No URI").encode()))], True)
        ),
        0,
        0,
        1,
    ),
    Case("warc-cut-header", _cut_header(False), 1, 1, 2, "cut"),
    Case("warc-gz-cut-header", _cut_header(True), 1, 1, 2, "cut"),
    Case(
        "warc-length-too-long",
        _warc("long", [html_record(1, length_delta=300), *_records(2, 3)], False),
        1,
        1,
        2,
        "Content-Length",
    ),
    Case(
        "warc-gz-length-too-long",
        _warc("long", [html_record(1, length_delta=300), *_records(2, 3)], True),
        1,
        1,
        2,
        "cut",
    ),
    Case(
        "warc-length-too-short",
        _warc("short", [*_records(1), html_record(2, length_delta=-200), *_records(3)], False),
        1,
        1,
        2,
        "Content-Length",
    ),
    Case(
        "warc-gz-length-too-short",
        _warc("short", [*_records(1), html_record(2, length_delta=-200), *_records(3)], True),
        1,
        1,
        2,
        "Content-Length",
    ),
    Case(
        "warc-no-content-length",
        _warc("nolength", [html_record(1, content_length=False), *_records(2)], False),
        1,
        1,
        1,
        "no Content-Length",
    ),
    Case("warc-gz-cut-near-start", _cut_gzip(0.05), 1, 1, 2, "cut"),
    Case("warc-gz-cut-in-middle", _cut_gzip(0.5), 1, 1, 2, "cut"),
    Case("warc-gz-corrupt-member", _corrupt_gzip, 1, 1, 2, "corrupt"),
    Case("warc-single-stream-gzip", _single_stream, 0, 0, 3),
    Case("warc-empty", lambda d: write(d / "empty.warc", b""), 1, 1, 0, "empty"),
    Case("warc-gz-empty", lambda d: write(d / "empty.warc.gz", b""), 1, 1, 0, "empty"),
    Case(
        "warc-gz-plain-text",
        lambda d: write(d / "text.warc.gz", b"just some text, not an archive\n"),
        1,
        1,
        0,
        "not a WARC record",
    ),
    Case(
        "warc-gz-gzipped-text",
        lambda d: write(d / "gztext.warc.gz", gzip.compress(b"not a warc\n" * 20)),
        1,
        1,
        0,
        "not a WARC record",
    ),
    Case("warc-junk-between-records", _junk_between, 1, 1, 2, "not a WARC record"),
    Case("warc-charset-with-nul", _charset_nul, 0, 0, 3),
    Case("warc-chunked-payload", _chunked, 0, 0, 1),
    Case("warc-compressed-payload", _compressed, 0, 0, 1),
    Case("arc-file", _arc, 0, 0, 1),
    Case("warc-record-over-size-limit", _oversized, 1, 1, 2, "larger than", args=("--max-size", "0.003")),
]
HTML_CASES = [
    Case(
        "html-charset-undefined",
        _html("undefined", page("Undefined charset", charset="undefined").encode()),
        0,
        0,
        1,
    ),
    Case(
        "html-charset-unknown",
        _html("unknown", page("Unknown charset", charset="x-no-such-charset").encode()),
        0,
        0,
        1,
    ),
    Case(
        "html-charset-not-a-text-codec", _html("rot", page("Rot charset", charset="base64").encode()), 0, 0, 1
    ),
    Case("html-utf8-with-stray-byte", _html("stray", UTF8_WITH_STRAY), 0, 0, 1),
    Case("html-entity-bomb", _html("bomb", _entity_bomb()), 0, 0, 1),
    Case("html-nul-bytes", _html("nul", page("Nul bytes").encode().replace(b"</h1>", b"</h1>\0\0")), 0, 0, 1),
    Case(
        "html-no-body",
        _html("nobody", b"<html><head><title>Only a head</title></head></html>"),
        1,
        1,
        0,
        "no article text",
    ),
    Case(
        "html-only-scripts",
        _html("scripts", b"<html><body><script>var a = 1;</script></body></html>"),
        1,
        1,
        0,
        "no article text",
    ),
    Case("html-empty", _html("empty", b""), 1, 1, 0, "empty"),
    Case("html-binary", _html("binary", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), 1, 1, 0, "PNG"),
    Case(
        "html-utf16-bom",
        _html("utf16", codecs.BOM_UTF16_LE + page("Wide page", charset="").encode("utf-16-le")),
        0,
        0,
        1,
    ),
    Case(
        "html-deep-nesting",
        _html("deep", b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000 + b"</body></html>"),
        1,
        1,
        0,
        "nested",
    ),
    Case("html-slow-table", _html("table", _slow_table()), 1, 1, 0, "limit", args=("--timeout", "1")),
]
JSONL_CASES = [
    Case("jsonl-text-is-number", _jsonl("num", [GOOD_RECORD, '{"text": 42}']), 1, 1, 1, "must be a string"),
    Case(
        "jsonl-text-is-list",
        _jsonl("list", [GOOD_RECORD, '{"text": ["a", "b"]}']),
        1,
        1,
        1,
        "must be a string",
    ),
    Case("jsonl-text-is-null", _jsonl("null", [GOOD_RECORD, '{"text": null}']), 1, 1, 1, "no 'text'"),
    Case(
        "jsonl-surrogate-in-text",
        _jsonl("sur", [GOOD_RECORD, '{"text": "Broken \\ud800 character in a sentence."}']),
        0,
        0,
        2,
        warnings=1,
    ),
    Case(
        "jsonl-surrogate-in-id",
        _jsonl("surid", [GOOD_RECORD, '{"id": "\\udfff", "text": "Its id is broken."}']),
        0,
        0,
        2,
        warnings=1,
    ),
    Case(
        "jsonl-surrogate-in-title",
        _jsonl("surtitle", [GOOD_RECORD, '{"title": "\\ud83d", "text": "Its title is broken."}']),
        0,
        0,
        2,
        warnings=1,
    ),
    Case(
        "jsonl-nul-in-text",
        _jsonl("nul", [GOOD_RECORD, '{"text": "A NUL \\u0000 inside the text."}']),
        0,
        0,
        2,
        warnings=1,
    ),
    Case(
        "jsonl-huge-integer",
        _jsonl("bigint", [GOOD_RECORD, '{"text": "x", "n": ' + "9" * 5000 + "}"]),
        1,
        1,
        1,
        "cannot be read",
    ),
    Case("jsonl-deep-nesting", _jsonl("deep", [GOOD_RECORD, _deep_json()]), 1, 1, 1, "nested too deeply"),
    Case(
        "jsonl-bom",
        lambda d: write(d / "bom.jsonl", codecs.BOM_UTF8 + (GOOD_RECORD + "\n").encode()),
        0,
        0,
        1,
    ),
    Case(
        "jsonl-cr-only-lines",
        _jsonl(
            "cr",
            (GOOD_RECORD + "\r" + GOOD_RECORD.replace("ok", "ok2").replace("good", "second") + "\r").encode(),
        ),
        0,
        0,
        2,
    ),
    Case(
        "jsonl-top-level-array",
        _jsonl("array", [GOOD_RECORD, '[{"text": "in a list"}]']),
        1,
        1,
        1,
        "JSON object",
    ),
    Case(
        "jsonl-not-utf8",
        _jsonl("latin", GOOD_RECORD.encode() + b'\n{"text": "caf\xe9"}\n'),
        1,
        1,
        1,
        "not UTF-8",
    ),
    Case("jsonl-blank-text", _jsonl("blank", [GOOD_RECORD, '{"text": "   "}']), 1, 1, 1, "empty"),
    Case(
        "jsonl-two-objects-on-a-line",
        _jsonl("two", [GOOD_RECORD + " " + GOOD_RECORD]),
        1,
        1,
        0,
        "not valid JSON",
    ),
    Case(
        "jsonl-bad-json-column",
        _jsonl("col", [GOOD_RECORD, '{"id": "b", "text": oops}']),
        1,
        1,
        1,
        "column 21",
    ),
    Case(
        "jsonl-odd-metadata-types",
        _jsonl("meta", ['{"text": "Odd metadata types.", "title": {"x": 1}, "published": 2021}']),
        0,
        0,
        1,
    ),
    Case("jsonl-no-final-newline", lambda d: write(d / "nonl.jsonl", GOOD_RECORD.encode()), 0, 0, 1),
    Case(
        "jsonl-line-over-limit",
        _jsonl("long", [GOOD_RECORD, json.dumps({"text": "word " * 2000})]),
        1,
        1,
        1,
        "longer than",
        args=("--max-size", "0.005"),
    ),
]
PATH_CASES = [
    Case("path-fifo", _fifo, 1, 1, 0, "not a regular file"),
    Case("path-symlink-loop", _symlink_loop, 1, 1, 0, "link"),
    Case("path-dangling-symlink", _dangling, 1, 1, 0, "link"),
    Case("path-empty-folder-named-like-a-file", _empty_folder_named_like_a_file, 1, 1, 0, "holds no file"),
    Case("path-not-utf8-file-name", _bad_name, 0, 0, 1),
    Case("path-not-utf8-file-name-in-a-folder", _bad_name_inside, 0, 0, 1),
    Case("path-glob-matching-nothing", lambda d: d / "nothing-*.html", 1, 1, 0, "no file matches"),
    Case("path-missing", lambda d: d / "missing.txt", 1, 1, 0, "no such file"),
]
CASES = [*WARC_CASES, *HTML_CASES, *JSONL_CASES, *PATH_CASES]
