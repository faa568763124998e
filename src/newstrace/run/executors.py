"""Choosing the executor of a run, and starting it only when a document needs it.

Starting an executor loads the analysis resources (the spaCy model, the gazetteer: several
seconds of CPU per process), so a run whose documents are all stored already starts none:
:class:`LazyExecutor` builds the real one when the first new document arrives.

``jobs = 0`` (the default) picks worker processes by the input's size and the machine: one
worker process per CPU that is idle (CPUs less the load average) and per ``BYTES_PER_WORKER`` of
input, and none (work in this process) when that makes fewer than two.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator

from newstrace.errors import UsageError
from newstrace.model import Document
from newstrace.run.limits import executor_for
from newstrace.run.pool import Executor
from newstrace.run.process import DocumentResult, WorkConfig

log = logging.getLogger(__name__)

__all__ = [
    "BYTES_PER_WORKER",
    "EXECUTORS",
    "LazyExecutor",
    "check_executor",
    "choose_executor",
    "default_jobs",
]

EXECUTORS = ("local", "dask")
# Input bytes that keep one worker process busy long enough to repay its start (loading spaCy
# and the gazetteer: ~5 s CPU, measured with cProfile on these machines) several times over.
# -j 1 over PolNeAR dev (0.5 MB of JSON Lines, 84 articles) took ~21 s CPU (bench/end_to_end.py),
# ~40 s a MB of text; HTML pages carry several times their text in markup. At 4 MB a worker
# has tens of seconds of work at least, and inputs below it (the 86 real pages of the issue
# where 2 workers were 1.2-1.8x slower than one process) run in this process.
BYTES_PER_WORKER = 4 * 1024 * 1024


def idle_cpus() -> int:
    """CPUs this process may use, less the machine's one-minute load average (at least 1)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        busy = 0.0
    return max(1, cpus - int(busy + 0.5))


def default_jobs(total_bytes: int, cpus: int | None = None) -> int:
    """Worker processes for ``total_bytes`` of input: 1 means work in this process."""
    available = idle_cpus() if cpus is None else cpus
    return max(1, min(available, total_bytes // BYTES_PER_WORKER))


def check_executor(kind: str, scheduler: str | None) -> None:
    """Raise a UsageError for an unknown executor, or a scheduler given without Dask."""
    if kind not in EXECUTORS:
        raise UsageError(f"unknown executor {kind!r}; choose one of {', '.join(EXECUTORS)}")
    if scheduler is not None and kind != "dask":
        raise UsageError("--scheduler is for --executor dask")


class LazyExecutor:
    """An executor started on the first document it is given (never, when none is new)."""

    def __init__(self, start: Callable[[], Executor]) -> None:
        self.start = start
        self.executor: Executor | None = None

    def map(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        """Process every document; the real executor starts with the first one."""
        source = iter(docs)
        first = next(source, None)
        if first is None:
            return
        if self.executor is None:
            self.executor = self.start()
        yield from self.executor.map(_prepend(first, source))

    def close(self) -> None:
        """Release the real executor, if it was started."""
        if self.executor is not None:
            self.executor.close()


def _prepend(first: Document, rest: Iterator[Document]) -> Iterator[Document]:
    yield first
    yield from rest


def choose_executor(
    config: WorkConfig,
    jobs: int,
    timeout: float | None,
    total_bytes: int,
    *,
    kind: str = "local",
    scheduler: str | None = None,
) -> Executor:
    """The executor of a run (started lazily): a Dask cluster, a process pool, or this process."""
    check_executor(kind, scheduler)
    if kind == "dask":
        from newstrace.run.dask_executor import DaskExecutor  # noqa: PLC0415  # dask: only when asked

        return LazyExecutor(lambda: DaskExecutor(config, scheduler, jobs or None))
    workers = jobs or default_jobs(total_bytes)  # executor_for caps them at the machine's CPUs
    return LazyExecutor(lambda: executor_for(config, workers, timeout, total_bytes))
