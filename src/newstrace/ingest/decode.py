"""Bytes to text: UTF-8 first, then byte-order marks and detection; binary data is refused."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from newstrace.errors import BinaryInput, EmptyInput

__all__ = ["declared_charset", "decode_bytes", "valid_text"]

SNIFF_BYTES = 8192
# Share of NUL bytes at odd or even positions above which unmarked bytes are taken as UTF-16.
UTF16_NUL_SHARE = 0.3
# Share of control characters (other than tab/newline/CR/FF) above which decoded text is binary noise.
MAX_CONTROL_SHARE = 0.01
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What no store can hold: lone UTF-16 surrogates (from JSON escapes or undecodable file names) and NUL.
INVALID = re.compile("[\ud800-\udfff\x00]")
REPLACEMENT = "\ufffd"
UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8", "u8"})
CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")  # ESC (\x1b) appears in some old text
META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)


def decode_bytes(data: bytes, source: str, hint: str | None = None) -> str:
    """Decode ``data`` to text, or raise EmptyInput/BinaryInput naming ``source``.

    Order: a byte-order mark decides; binary signatures are refused; UTF-8; the encoding the
    input declares (``hint``, e.g. an HTML ``<meta charset>``); detection; cp1252; latin-1.
    """
    if not data.strip():
        raise EmptyInput(source, "the input is empty (no text to read)")
    if _declares_utf8(hint) and not data.startswith(tuple(b for b, _ in BOMS)):
        # A page that says it is UTF-8 is UTF-8: one stray byte must not make it a legacy code page.
        _refuse_binary(data[:SNIFF_BYTES], source)
        return _newlines(data.decode("utf-8", errors="replace"))
    for candidate in _candidates(data, source, hint):
        text = _attempt(data, candidate)
        if text is not None:
            return text
    raise BinaryInput(
        source, "the bytes are not text in any encoding newstrace can detect; is this really a news page?"
    )


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate and NUL replaced by U+FFFD, and how many were replaced.

    Offsets do not move: each bad code point becomes exactly one replacement character.
    """
    count = len(INVALID.findall(text))
    return (INVALID.sub(REPLACEMENT, text), count) if count else (text, 0)


def _declares_utf8(hint: str | None) -> bool:
    return hint is not None and hint.strip().strip("\"'").lower().replace("_", "-") in UTF8_NAMES | {"utf-8"}


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _attempt(data: bytes, encoding: str) -> str | None:
    try:
        codecs.lookup(encoding)
        text = data.decode(encoding)
    except (UnicodeError, LookupError, ValueError, TypeError):  # unknown or bogus codecs ("undefined")
        return None
    return _newlines(text) if _looks_like_text(text) else None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top, if any."""
    match = META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _candidates(data: bytes, source: str, hint: str | None) -> Iterator[str]:
    """Encodings to try, best first; detection runs only if UTF-8 and the declared one fail."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            yield encoding
            return
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and (utf16 := _utf16_without_bom(head)) is not None:
        yield utf16
        return
    _refuse_binary(head, source)
    yield "utf-8"
    if hint:
        yield hint
    detected = _detect(data[: 4 * SNIFF_BYTES])
    if detected:
        yield detected
    yield from ("cp1252", "latin-1")  # the usual encodings of old Western pages, last


def _refuse_binary(head: bytes, source: str) -> None:
    """Raise BinaryInput for a known binary signature or bytes full of NULs and control codes.

    A few stray NUL or control bytes in text (a bad copy, a broken scraper) are not binary: they
    are kept, and NULs are replaced by U+FFFD later (``valid_text``).
    """
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise BinaryInput(source, f"this is {what}, not text")
    if head.count(b"\x00") > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(source, "the file holds NUL bytes: binary data, not text")
    if len(CONTROL_BYTES.findall(head)) > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(source, "the file is full of control characters: binary data, not text")


def _detect(sample: bytes) -> str | None:
    """The detected encoding; among equally good guesses, cp1252 (the commonest legacy web encoding)."""
    import charset_normalizer  # noqa: PLC0415  # ~50 ms to import: only when UTF-8 fails

    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        return None
    best = min((m.chaos, -m.coherence) for m in matches)
    tied = [m.encoding for m in matches if (m.chaos, -m.coherence) == best]
    return "cp1252" if "cp1252" in tied else tied[0]


def _utf16_without_bom(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) / len(odd) > UTF16_NUL_SHARE:
        return "utf-16-le"
    if even and even.count(0) / len(even) > UTF16_NUL_SHARE:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[: 4 * SNIFF_BYTES]
    return len(CONTROL.findall(sample)) <= MAX_CONTROL_SHARE * max(len(sample), 1)
