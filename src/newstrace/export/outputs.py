"""Where exports go: paths checked before any work starts, and files written whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from newstrace.errors import OutputError, UsageError

__all__ = [
    "PARTIAL",
    "atomic_text",
    "check_output_file",
    "check_output_folder",
    "output_error",
    "written_aside",
]

PARTIAL = ".partial"


def check_output_file(path: Path) -> None:
    """Raise UsageError, naming ``path``, when a file cannot be written there."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give the name of a file to write")
    parent = path.parent if str(path.parent) else Path()
    if not parent.is_dir():
        raise UsageError(f"cannot write {path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"cannot write {path}: permission denied (a read-only folder or file?)")


def check_output_folder(path: Path) -> None:
    """Raise UsageError, naming ``path``, when export files cannot be written into that folder."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path} is a file; this export needs a folder (it writes several files)")
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write into {path}: permission denied (a read-only place?)")


@contextmanager
def written_aside(path: Path) -> Iterator[Path]:
    """A file beside ``path`` to write to, renamed over ``path`` only when the block ends well.

    On any failure (a full disk, an error while writing) the partial file is removed and
    ``path`` keeps what it held before; a failure of the file system is an :class:`OutputError`.
    """
    tmp = path.with_name(path.name + PARTIAL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        tmp.replace(path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise output_error(path, exc) from exc
        raise


@contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """A text file to write ``path`` through, written aside (:func:`written_aside`)."""
    with written_aside(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        yield out


def output_error(path: Path, exc: OSError) -> OutputError:
    """The error that says ``path`` could not be written, and why (``exc``)."""
    return OutputError(f"cannot write {path}: {exc.strerror or exc}; nothing was written there")
