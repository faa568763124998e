"""Executors that map documents to results: in this process, or on a pool of worker processes.

The pool is small and explicit rather than ``concurrent.futures`` because it must do two
things that one cannot: each worker owns its :class:`DocumentProcessor` (its spaCy model) as
a local variable, and a document that hangs or kills its worker becomes an ``error`` record
for that document alone, while the worker is replaced and the run goes on.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import signal
import sys
import time
import types
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnProcess
from typing import TYPE_CHECKING, Protocol

from newstrace.errors import NewstraceError, OutOfTime, StageError, error_from
from newstrace.ingest.deadline import time_limit
from newstrace.model import Document
from newstrace.run.process import DocumentProcessor, DocumentResult, WorkConfig

if TYPE_CHECKING:
    from multiprocessing.queues import Queue

    Tasks = Queue[tuple[int, Document] | None]  # numbered documents, then None: stop

log = logging.getLogger(__name__)

__all__ = ["Executor", "ProcessPool", "SerialExecutor"]

POLL_SECONDS = 0.5
PREFETCH = 4  # documents queued per worker: keeps workers busy, bounds memory


class Executor(Protocol):
    """Maps documents to results (in any order); each result carries its document."""

    def map(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        """Process every document."""
        ...

    def close(self) -> None:
        """Release workers."""
        ...


class SerialExecutor:
    """Processes documents one by one in this process, each within ``timeout`` seconds."""

    def __init__(self, config: WorkConfig, timeout: float | None = None) -> None:
        self.processor = DocumentProcessor(config)
        self.processor.prepare()
        self.timeout = timeout

    def map(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        """Process every document, in order."""
        for doc in docs:
            yield self._process(doc)

    def _process(self, doc: Document) -> DocumentResult:
        try:
            with time_limit(self.timeout, "segmenting and analysing this document"):
                return self.processor.process(doc)
        except OutOfTime as exc:
            log.warning("%s: %s", doc.source, exc.message)
            return DocumentResult(doc, (), (error_from(exc, doc.source, "analyze"),), retry=True)

    def close(self) -> None:
        """Nothing to release (what :meth:`DocumentProcessor.prepare` froze stays frozen while this
        process links; :func:`~newstrace.run.runner.analyze_corpus` unfreezes it at the end)."""


def _work(tasks: Tasks, results: Connection, config: WorkConfig) -> None:
    """A worker's loop: its processor is a local, built once, used for every document.

    Results go back through a pipe, written synchronously: if the worker dies, every message
    it sent before dying has arrived, so the document it was on is known exactly.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    logging.captureWarnings(True)  # other libraries' warnings: not printed on the user's terminal
    logging.getLogger("py.warnings").addHandler(logging.NullHandler())
    logging.getLogger("py.warnings").propagate = False
    processor = DocumentProcessor(config)
    try:
        processor.prepare()  # models load before the first document's time limit starts
    except NewstraceError as exc:  # a missing model fails every document: stop the run, say why
        results.send(("fatal", -1, exc))
        return
    while (task := tasks.get()) is not None:
        seq, doc = task
        results.send(("start", seq, None))
        results.send(("done", seq, processor.process(doc)))


@contextmanager
def _caller_hidden() -> Iterator[None]:
    """Start workers without the caller's main module.

    A spawned process re-imports the parent's ``__main__`` (to find what it defines), so a plain
    script calling ``analyze_corpus`` without an ``if __name__ == "__main__":`` guard would run
    again in every worker, and start workers of its own. A worker needs nothing from the caller
    (its target and arguments live in newstrace), so a bare ``__main__`` stands in while it starts.
    """
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is not None:
            sys.modules["__main__"] = real


@dataclass
class _Worker:
    wid: int
    process: SpawnProcess
    tasks: Tasks
    results: Connection
    pending: deque[int] = field(default_factory=deque)
    started: tuple[int, float] | None = None


class ProcessPool:
    """A pool of worker processes with a per-document time limit."""

    def __init__(self, config: WorkConfig, jobs: int, timeout: float | None = None) -> None:
        self.config = config
        self.jobs = jobs
        self.timeout = timeout
        self.ctx = mp.get_context("spawn")
        self.workers = [self._start(i) for i in range(jobs)]
        self.docs: dict[int, Document] = {}

    def _start(self, wid: int) -> _Worker:
        tasks = self.ctx.Queue()
        receiver, sender = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(
            target=_work, args=(tasks, sender, self.config), daemon=True, name=f"newstrace-worker-{wid}"
        )
        with _caller_hidden():
            proc.start()
        sender.close()  # the worker holds the sending end now
        return _Worker(wid, proc, tasks, receiver)

    def map(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        """Process every document; results come back as workers finish them."""
        source = iter(enumerate(docs))
        exhausted = False
        while True:
            exhausted = exhausted or not self._fill(source)
            if exhausted and not self.docs:
                return
            ready = wait([w.results for w in self.workers], timeout=POLL_SECONDS)
            for worker in [w for w in self.workers if w.results in ready]:
                yield from self._receive(worker)
            yield from self._check_workers()

    def _fill(self, source: Iterator[tuple[int, Document]]) -> bool:
        while len(self.docs) < self.jobs * PREFETCH:
            item = next(source, None)
            if item is None:
                return False
            seq, doc = item
            self.docs[seq] = doc
            self._send(seq, doc)
        return True

    def _send(self, seq: int, doc: Document) -> None:
        worker = min(self.workers, key=lambda w: len(w.pending))
        worker.pending.append(seq)
        worker.tasks.put((seq, doc))

    def _receive(self, worker: _Worker) -> Iterator[DocumentResult]:
        while worker.results.poll():
            try:
                kind, seq, payload = worker.results.recv()
            except (EOFError, OSError):  # the worker is gone; _check_workers handles it
                return
            if kind == "fatal":
                raise payload
            if kind == "start":
                worker.started = (seq, time.monotonic())
                continue
            worker.started = None
            worker.pending.remove(seq)
            if self.docs.pop(seq, None) is not None:
                yield payload

    def _check_workers(self) -> Iterator[DocumentResult]:
        for worker in list(self.workers):
            if not worker.process.is_alive():
                yield from self._receive(worker)  # what it sent before dying
                yield from self._replace(
                    worker,
                    "the worker process died while processing this document "
                    "(out of memory, or a crash in a native library)",
                )
            elif worker.started and self.timeout and time.monotonic() - worker.started[1] > self.timeout:
                worker.process.kill()
                worker.process.join()
                yield from self._replace(
                    worker,
                    f"processing took longer than the {self.timeout:.0f} s limit "
                    "per document and was stopped",
                )

    def _replace(self, worker: _Worker, message: str) -> Iterator[DocumentResult]:
        culprit = worker.started[0] if worker.started else None
        requeue = [s for s in worker.pending if s != culprit]
        worker.results.close()
        self.workers[worker.wid] = self._start(worker.wid)
        if culprit is not None and (doc := self.docs.pop(culprit, None)) is not None:
            log.warning("%s: %s", doc.source, message)
            failure = StageError("analyze", message)
            yield DocumentResult(doc, (), (error_from(failure, doc.source, "analyze"),), retry=True)
        for seq in requeue:
            self._send(seq, self.docs[seq])

    def close(self) -> None:
        """Stop every worker."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.tasks.put(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
            worker.results.close()
