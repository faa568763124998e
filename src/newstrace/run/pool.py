"""Executors that map documents to results: in this process, or on a pool of worker processes.

The pool is small and explicit rather than ``concurrent.futures`` because it must do two
things that one cannot: each worker owns its :class:`DocumentProcessor` (its spaCy model) as
a local variable, and a document that hangs or kills its worker becomes an ``error`` record
for that document alone, while the worker is replaced and the run goes on.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnProcess
from typing import TYPE_CHECKING, Protocol

from newstrace.errors import NewstraceError, StageError, error_from
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
    """Processes documents one by one in this process."""

    def __init__(self, config: WorkConfig) -> None:
        self.processor = DocumentProcessor(config)
        self.processor.analyzer.prepare()

    def map(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        """Process every document, in order."""
        for doc in docs:
            yield self.processor.process(doc)

    def close(self) -> None:
        """Nothing to release."""


def _work(tasks: Tasks, results: Connection, config: WorkConfig) -> None:
    """A worker's loop: its processor is a local, built once, used for every document.

    Results go back through a pipe, written synchronously: if the worker dies, every message
    it sent before dying has arrived, so the document it was on is known exactly.
    """
    processor = DocumentProcessor(config)
    try:
        processor.analyzer.prepare()  # models load before the first document's time limit starts
    except NewstraceError as exc:  # a missing model fails every document: stop the run, say why
        results.send(("fatal", -1, exc))
        return
    while (task := tasks.get()) is not None:
        seq, doc = task
        results.send(("start", seq, None))
        results.send(("done", seq, processor.process(doc)))


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
