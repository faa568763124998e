"""Turn what the user typed (paths, folders, globs, ``-``) into a list of inputs."""

from __future__ import annotations

import glob
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newstrace.model import Error, InputFormat

log = logging.getLogger(__name__)

__all__ = ["STDIN", "InputRef", "expand_inputs", "format_of"]

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
    if lower.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(Path(lower).suffix)


def expand_inputs(inputs: Iterable[str]) -> Iterator[InputRef | Error]:
    """Expand paths, folders (recursively), globs and ``-``; a name that matches nothing is an Error."""
    seen: set[str] = set()
    for name in inputs:
        for item in _expand_one(name):
            if isinstance(item, InputRef):
                if item.name in seen:
                    continue
                seen.add(item.name)
            yield item


def _expand_one(name: str) -> Iterator[InputRef | Error]:
    if name == "-":
        yield InputRef(STDIN, None, None)
        return
    path = Path(name)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield InputRef(name, path, format_of(name))
    elif GLOB_CHARS & set(name):
        matches = sorted(glob.glob(name, recursive=True))  # noqa: PTH207  # Path.glob takes no absolute patterns
        if not matches:
            yield Error(name, "ingest", "no file matches this pattern")
        for match in matches:
            yield from _expand_one(match)
    elif path.exists():
        yield Error(name, "ingest", "not a regular file or folder")
    else:
        yield Error(name, "ingest", "no such file or folder")


def _walk(folder: Path) -> Iterator[InputRef]:
    skipped = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        fmt = format_of(path.name)
        if fmt is None:
            skipped += 1
            continue
        yield InputRef(str(path), path, fmt)
    if skipped:
        log.info(
            "%s: skipped %d files whose names are not .txt/.md/.html/.htm/.jsonl/.warc(.gz)", folder, skipped
        )
