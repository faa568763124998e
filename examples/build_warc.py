#!/usr/bin/env python3
"""Build the sample WARC archive (examples/corpus/archive.warc.gz) from examples/warc-src/.

Usage:
    python examples/build_warc.py [OUTPUT]

The archive holds, in this order:
  * one ``warcinfo`` record;
  * for each HTML page in ``warc-src/``: a ``request`` record followed by an
    HTTP ``response`` record (200, ``text/html; charset=utf-8``);
  * one ``request``/``response`` pair for a small ``image/png`` resource that
    readers are expected to skip.

The output is deterministic: WARC-Date values are fixed, WARC-Record-IDs are
uuid5 values derived from the record's role and URI, and warcio's gzip wrapper
writes a zero mtime, so rebuilding produces identical bytes.
"""

import argparse
import struct
import sys
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLES_DIR = Path(__file__).resolve().parent
SRC_DIR = EXAMPLES_DIR / "warc-src"
DEFAULT_OUTPUT = EXAMPLES_DIR / "corpus" / "archive.warc.gz"

SITE = "https://valdoria-daily.example"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, SITE + "/newstrace-sample-archive")
BASE_DATE = datetime(2021, 3, 20, 12, 0, 0, tzinfo=UTC)
USER_AGENT = "newstrace-sample-builder/1.0"


@dataclass(frozen=True)
class Resource:
    url: str
    content_type: str
    body: bytes


def html_pages() -> list[Resource]:
    """The HTML pages from warc-src/, with their (fixed) target URIs."""
    pages = [
        ("north-calder-curfew.html", f"{SITE}/2021/03/north-calder-curfew"),
        ("ostrava-nurses-strike.html", f"{SITE}/2021/03/ostrava-nurses-strike"),
    ]
    return [Resource(url, "text/html; charset=utf-8", (SRC_DIR / name).read_bytes()) for name, url in pages]


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG, built deterministically."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1, 8-bit greyscale
    idat = zlib.compress(b"\x00\x80", 9)  # filter byte 0, one grey pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def record_id(role: str, uri: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(ID_NAMESPACE, role + ' ' + uri)}>"


def warc_date(step: int) -> str:
    return (BASE_DATE + timedelta(seconds=step)).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_warcinfo(writer: WARCWriter, filename: str) -> None:
    info = {
        "software": USER_AGENT,
        "format": "WARC File Format 1.0",
        "description": "newstrace sample corpus: fictional Valdoria news pages",
        "isPartOf": "newstrace-examples",
    }
    record = writer.create_warcinfo_record(filename, info)
    record.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo", filename))
    record.rec_headers.replace_header("WARC-Date", warc_date(0))
    writer.write_record(record)


def write_exchange(writer: WARCWriter, resource: Resource, step: int) -> None:
    """Write a request record, then the matching HTTP response record."""
    parts = urlsplit(resource.url)
    date = warc_date(step)
    response_id = record_id("response", resource.url)

    request_headers = StatusAndHeaders(
        f"GET {parts.path or '/'} HTTP/1.1",
        [
            ("Host", parts.netloc),
            ("User-Agent", USER_AGENT),
            ("Accept", "*/*"),
        ],
        is_http_request=True,
    )
    request = writer.create_warc_record(
        resource.url,
        "request",
        payload=BytesIO(b""),
        length=0,
        http_headers=request_headers,
        warc_headers_dict={
            "WARC-Record-ID": record_id("request", resource.url),
            "WARC-Date": date,
            "WARC-Concurrent-To": response_id,
        },
    )

    response_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", resource.content_type),
            ("Content-Length", str(len(resource.body))),
            ("Date", BASE_DATE.strftime("%a, %d %b %Y %H:%M:%S GMT")),
        ],
        protocol="HTTP/1.1",
    )
    response = writer.create_warc_record(
        resource.url,
        "response",
        payload=BytesIO(resource.body),
        length=len(resource.body),
        http_headers=response_headers,
        warc_headers_dict={"WARC-Record-ID": response_id, "WARC-Date": date},
    )

    writer.write_record(request)
    writer.write_record(response)


def build(output: Path) -> None:
    resources = html_pages()
    resources.append(Resource(f"{SITE}/static/img/logo.png", "image/png", tiny_png()))

    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        write_warcinfo(writer, output.name)
        for step, resource in enumerate(resources, start=1):
            write_exchange(writer, resource, step)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "output",
        nargs="?",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the archive (default: {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args(argv)
    build(args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
