"""Turn what the user typed (paths, folders, globs, ``-``) into a list of inputs."""

from __future__ import annotations

import glob
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newstrace.model import Error, InputFormat

log = logging.getLogger(__name__)

__all__ = ["STDIN", "InputRef", "display_name", "expand_inputs", "format_of", "spool_stdin"]

STDIN = "<stdin>"
SUFFIXES: dict[str, InputFormat] = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",  # the WARC format's predecessor, read by the same reader
    ".arc.gz": "warc",
}
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input to read: a file (``path``) or standard input (``path is None``)."""

    name: str
    path: Path | None
    format: InputFormat | None  # None: decide from the content


def format_of(name: str) -> InputFormat | None:
    """The input format its file name implies, or ``None`` when only the content can tell."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    return SUFFIXES.get(Path(lower).suffix)


def display_name(name: str) -> str:
    """``name`` as text every store and terminal can hold: bytes of a file name that are not
    UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def spool_stdin(stream: IO[bytes], folder: Path, name: str | None) -> InputRef | Error:
    """Copy standard input into ``folder`` and name it: ``name``, else ``stdin-`` and the first 12
    hex digits of its SHA-256, so that two different streams are never taken for one source."""
    target = folder / "stdin"
    digest = hashlib.sha256()
    try:
        with target.open("wb") as out:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
    except (OSError, ValueError) as exc:  # closed or unreadable stdin
        return Error(name or STDIN, "ingest", f"standard input cannot be read ({exc})")
    return InputRef(name or f"stdin-{digest.hexdigest()[:12]}", target, None)


def expand_inputs(inputs: Iterable[str]) -> Iterator[InputRef | Error]:
    """Expand paths, folders (recursively), globs and ``-``; a name that matches nothing is an Error.

    A file named twice (``a.html`` and ``./a.html``) is read once, under its first name.
    """
    seen: set[str] = set()
    for name in inputs:
        for item in _expand_one(name):
            if isinstance(item, InputRef):
                key = _identity(item)
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _identity(ref: InputRef) -> str:
    if ref.path is None:
        return ref.name
    try:
        return str(ref.path.resolve())
    except (OSError, RuntimeError):  # a symlink loop: its name is all we have
        return ref.name


def _expand_one(name: str) -> Iterator[InputRef | Error]:
    if name == "-":
        yield InputRef(STDIN, None, None)
        return
    path = Path(name)
    if path.is_dir():
        yield from _walk(path, display_name(name))
    elif path.is_file():
        yield InputRef(display_name(name), path, format_of(name))
    elif GLOB_CHARS & set(name):
        matches = sorted(glob.glob(name, recursive=True))  # noqa: PTH207  # Path.glob takes no absolute patterns
        if not matches:
            yield Error(name, "ingest", "no file matches this pattern")
        for match in matches:
            yield from _expand_one(match)
    elif path.exists():
        yield Error(display_name(name), "ingest", "not a regular file or folder (a FIFO, socket or device?)")
    elif path.is_symlink():
        yield Error(display_name(name), "ingest", "a symbolic link to nothing (or a loop of links)")
    else:
        yield Error(display_name(name), "ingest", "no such file or folder")


def _walk(folder: Path, name: str) -> Iterator[InputRef | Error]:
    skipped = found = 0
    try:
        paths = sorted(folder.rglob("*"))
    except OSError as exc:
        yield Error(name, "ingest", f"the folder cannot be listed: {exc.strerror or exc}")
        return
    for path in paths:
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        fmt = format_of(path.name)
        if fmt is None:
            skipped += 1
            continue
        found += 1
        yield InputRef(display_name(str(path)), path, fmt)
    if not found:
        yield Error(
            name, "ingest", "the folder holds no file newstrace reads (.txt, .md, .html, .jsonl, .warc)"
        )
    if skipped:
        log.info(
            "%s: skipped %d files whose names are not .txt/.md/.html/.htm/.jsonl/.warc(.gz)", folder, skipped
        )
