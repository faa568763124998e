"""Bytes to text: UTF-8, byte-order marks, legacy encodings; binary data is refused."""

from __future__ import annotations

import codecs

import pytest

from newstrace.errors import BinaryInput, EmptyInput
from newstrace.ingest.decode import declared_charset, decode_bytes

TEXT = "Señor Muñoz paid €1,200 at the café: “a fair price”, he said."

DECODED = [
    (TEXT.encode("utf-8"), TEXT),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
    (TEXT.encode("utf-16"), TEXT),  # with a byte-order mark
    (TEXT.encode("utf-16-le"), TEXT),  # without one
    (TEXT.encode("cp1252"), TEXT),
    ("Café society in Zürich, déjà vu.".encode("latin-1"), "Café society in Zürich, déjà vu."),
    (b"line one\r\nline two\r\n", "line one\nline two\n"),
]


@pytest.mark.parametrize(("data", "expected"), DECODED)
def test_decodes(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "page.txt") == expected


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInput, "empty"),
        (b"  \n\t\n", EmptyInput, "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, BinaryInput, "PNG image"),
        (b"%PDF-1.7\n...", BinaryInput, "PDF"),
        (bytes(range(256)) * 40, BinaryInput, "binary data, not text"),
        (b"\x00abcdefghi" * 500, BinaryInput, "NUL bytes"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 500, BinaryInput, "not text"),
    ],
)
def test_refuses(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words) as info:
        decode_bytes(data, "upload.bin")
    assert "upload.bin" in str(info.value)


def test_declared_charset() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1252">') == "windows-1252"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
        == "ISO-8859-1"
    )
    assert declared_charset(b"<html><body>no declaration</body></html>") is None
