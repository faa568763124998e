"""Small generated inputs for the hostile battery: pages, WARC records and archives built by hand,
so each case can break exactly one rule."""

from __future__ import annotations

import gzip
import uuid
from pathlib import Path

GOOD_TEXT = "This page is fine and has a full sentence in it."
GOOD = f"Good page\n\n{GOOD_TEXT}\n"
SENTENCES = (
    "The council met on Tuesday to discuss the new budget for the coming year.",
    "Members argued for several hours about the cost of repairing the old bridge.",
    "A final vote is expected next month, after a public consultation closes.",
)


def page(title: str, extra: str = "", charset: str = "utf-8", body: str | None = None) -> str:
    """An HTML news page whose text trafilatura extracts."""
    paragraphs = "".join(f"<p>{title}: {s}</p>" for s in SENTENCES)
    meta = f'<meta charset="{charset}">' if charset else ""
    content = body if body is not None else f"<article><h1>{title}</h1>{paragraphs}{extra}</article>"
    return f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>{content}</body></html>"


def http_response(html: bytes, ctype: str = "text/html; charset=utf-8", extra: bytes = b"") -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n".encode() + extra
    if b"Transfer-Encoding" not in extra:
        head += f"Content-Length: {len(html)}\r\n".encode()
    return head + b"\r\n" + html


def warc_record(
    url: str | None,
    block: bytes,
    *,
    kind: str = "response",
    length_delta: int = 0,
    content_length: bool = True,
) -> bytes:
    """One WARC record around ``block``; ``length_delta`` makes its Content-Length lie."""
    fields = [
        ("WARC-Type", kind),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, (url or '') + kind)}>"),
        ("WARC-Date", "2021-03-20T12:00:00Z"),
    ]
    if url is not None:
        fields.append(("WARC-Target-URI", url))
    fields.append(("Content-Type", "application/http; msgtype=response"))
    if content_length:
        fields.append(("Content-Length", str(len(block) + length_delta)))
    header = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields) + "\r\n"
    return header.encode() + block + b"\r\n\r\n"


def html_record(number: int, **options: object) -> bytes:
    """A WARC response record holding news page ``number``."""
    html = page(f"Story {number}").encode()
    url = f"https://news.example/story-{number}"
    return warc_record(url, http_response(html), **options)  # type: ignore[arg-type]  # keyword options


def archive(records: list[bytes], gzipped: bool) -> bytes:
    """Records as a WARC file: plain, or one gzip member per record (as WARC writers do)."""
    return b"".join(gzip.compress(r, mtime=0) for r in records) if gzipped else b"".join(records)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
