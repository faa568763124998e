"""What a run may use: worker processes capped by the machine, and standard input read once."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from newstrace.ingest import STDIN, InputRef, spool_stdin
from newstrace.model import Error
from newstrace.run.pool import Executor, ProcessPool, SerialExecutor
from newstrace.run.process import WorkConfig

log = logging.getLogger(__name__)

__all__ = ["POOL_MIN_BYTES", "executor_for", "stdin_refs", "worker_count"]

# Below this much input, starting worker processes (each loads spaCy) costs more than it saves.
POOL_MIN_BYTES = 2 * 1024 * 1024


def worker_count(jobs: int, total_bytes: int) -> int:
    """Worker processes for ``jobs`` (0: automatic): never more than the machine's CPUs, since each
    loads its own spaCy model (some 200 MB) and more workers than cores only wait for each other."""
    cpus = _cpus()
    if jobs == 0:
        return cpus if total_bytes >= POOL_MIN_BYTES else 1
    if jobs > cpus:
        log.info("--jobs %d is more than the %d CPUs of this machine: using %d", jobs, cpus, cpus)
    return max(1, min(jobs, cpus))


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def executor_for(config: WorkConfig, jobs: int, timeout: float | None, total_bytes: int) -> Executor:
    """Work in this process, or on a pool of worker processes; both hold ``timeout`` per document."""
    count = worker_count(jobs, total_bytes)
    if count <= 1:
        return SerialExecutor(config, timeout)
    log.info("starting %d worker processes", count)
    return ProcessPool(config, count, timeout)


def stdin_refs(stdin: IO[bytes] | None, folder: Path, name: str | None) -> Callable[[], InputRef | Error]:
    """A function that copies standard input (``stdin``, else this process's) into ``folder`` the
    first time it is called, and names it; later calls give the same input."""
    made: list[InputRef | Error] = []

    def spool() -> InputRef | Error:
        if not made:
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                made.append(
                    Error(name or STDIN, "ingest", "standard input is closed: nothing to read from -")
                )
            else:
                made.append(spool_stdin(stream, folder, name))
        return made[0]

    return spool
