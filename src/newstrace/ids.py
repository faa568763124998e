"""Stable identifiers: the same input and settings always give the same ids."""

from __future__ import annotations

import hashlib

__all__ = ["content_hash", "stable_id"]

ID_HEX_DIGITS = 16  # 64 bits: collision odds stay below 1e-9 up to ~190k records of one type


def stable_id(*parts: object) -> str:
    """A short hex id derived from ``parts`` (joined with NUL, so ``("ab", "c") != ("a", "bc")``)."""
    joined = "\0".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8"), usedforsecurity=False).hexdigest()[:ID_HEX_DIGITS]


def content_hash(data: bytes) -> str:
    """SHA-256 of raw input bytes: the identity of an input's content."""
    return hashlib.sha256(data).hexdigest()
