"""Bytes to text: UTF-8, byte-order marks, legacy encodings; binary data is refused."""

from __future__ import annotations

import codecs

import pytest

from newstrace.errors import BinaryInput, EmptyInput
from newstrace.ingest.decode import declared_charset, decode_bytes, valid_text

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


CAFE = "The café in Zürich reopened on Monday, and its owner said the talks would go on there. " * 3
# (bytes, the charset the page declares, the text read)
DECLARED = [
    ("“We stay,” she said.".encode() + b"\xff", "utf-8", "“We stay,” she said.\ufffd"),  # one stray byte
    ("“We stay,” she said.".encode(), "UTF8", "“We stay,” she said."),
    (f"{CAFE}\x00{CAFE}".encode(), None, f"{CAFE}\x00{CAFE}"),  # a stray NUL is text (made valid later)
]


@pytest.mark.parametrize(("data", "hint", "text"), DECLARED)
def test_declared_charsets(data: bytes, hint: str | None, text: str) -> None:
    assert decode_bytes(data, "page.html", hint) == text


@pytest.mark.parametrize("bogus", ["undefined", "base64", "rot13", "x-no-such-charset", "utf-8\x00", ""])
def test_a_bogus_declared_charset_is_ignored(bogus: str) -> None:
    data = CAFE.encode("cp1252")
    assert decode_bytes(data, "page.html", bogus) == decode_bytes(data, "page.html", None)


# (text, made valid, characters replaced)
INVALID_TEXT = [
    ("plain text", "plain text", 0),
    ("a \ud800 lone high surrogate", "a \ufffd lone high surrogate", 1),
    ("\udfff\udfff", "\ufffd\ufffd", 2),
    ("a NUL\x00 here", "a NUL\ufffd here", 1),
    ("a real pair: \U0001f600", "a real pair: \U0001f600", 0),
]


@pytest.mark.parametrize(("text", "valid", "count"), INVALID_TEXT)
def test_valid_text_keeps_offsets(text: str, valid: str, count: int) -> None:
    assert valid_text(text) == (valid, count)
    assert len(valid) == len(text)
