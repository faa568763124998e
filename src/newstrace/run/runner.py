"""The main job: inputs -> ingest -> segment -> analyze -> store, then link the corpus.

``analyze_corpus`` is a list of named steps. It is idempotent (a document already stored with
the same content and settings is skipped) and resumable (each document is stored in one
transaction, so a killed run leaves whole documents and the next run continues).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from newstrace.analyze import AnalyzeOptions
from newstrace.ids import stable_id
from newstrace.ingest import IngestOptions, InputRef, expand_inputs, read_input
from newstrace.link import LinkOptions, link_corpus
from newstrace.model import Document, Error
from newstrace.run.executors import choose_executor
from newstrace.run.pool import Executor
from newstrace.run.process import DocumentResult, WorkConfig, analysis_key
from newstrace.segment import SegmentOptions
from newstrace.store import Store
from newstrace.store.db import DocumentRecord
from newstrace.store.lazy import StoredFindings
from newstrace.store.link_index import StoredLinkIndex

log = logging.getLogger(__name__)

__all__ = ["Progress", "RunOptions", "RunReport", "analyze_corpus", "link_store"]

LINK_KEY = "link_state"
# Documents stored per transaction: large enough that commits stop dominating small documents
# (bench/ingest.py on 2,000 pages: 1 -> 100 per batch took ingest from ~180 to ~515 pages/s), small
# enough that a killed run redoes little.
BATCH_DOCUMENTS = 100
BATCH_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Options of a whole run; each stage keeps its own options object.

    Attributes:
        jobs: worker processes for segment+analyze; 0 picks them by the input's size and the
            idle CPUs (none, work in this process, for small inputs); with ``executor="dask"``,
            0 uses the cluster's workers as they are.
        timeout: seconds one document may take in a worker before it is stopped and recorded
            as an error (only with worker processes).
        link: run the corpus link stage after storing.
        executor: ``local`` (this machine: worker processes or this process) or ``dask``
            (segment+analyze mapped over a Dask cluster; see docs/cluster.md).
        scheduler: the Dask scheduler's address (``tcp://host:8786``); None starts a local
            cluster.
    """

    ingest: IngestOptions = field(default_factory=IngestOptions)
    segment: SegmentOptions = field(default_factory=SegmentOptions)
    analyze: AnalyzeOptions = field(default_factory=AnalyzeOptions)
    linking: LinkOptions = field(default_factory=LinkOptions)
    jobs: int = 0
    timeout: float = 300.0
    link: bool = True
    executor: str = "local"
    scheduler: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress event: bytes of input read so far, and what happened to one item."""

    bytes_done: int
    bytes_total: int
    documents: int
    errors: int
    error: Error | None = None


@dataclass
class RunReport:
    """What a run did."""

    inputs: int = 0
    documents_new: int = 0
    documents_unchanged: int = 0
    articles: int = 0
    errors: list[Error] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether any input, record or stage failed."""
        return bool(self.errors)


class _Tracker:
    """Counts bytes, documents and errors, and tells the caller's progress callback."""

    def __init__(self, total: int, callback: Callable[[Progress], None] | None, report: RunReport) -> None:
        self.total, self.callback, self.report = total, callback, report
        self.done_before = 0
        self.current = 0

    def read(self, position: int) -> None:
        self.current = position
        self._emit()

    def next_input(self) -> None:
        self.done_before += self.current
        self.current = 0

    def error(self, error: Error) -> None:
        self.report.errors.append(error)
        self._emit(error)

    def _emit(self, error: Error | None = None) -> None:
        if self.callback is not None:
            done = min(self.done_before + self.current, self.total)
            self.callback(
                Progress(
                    done,
                    self.total,
                    self.report.documents_new + self.report.documents_unchanged,
                    len(self.report.errors),
                    error,
                )
            )


def analyze_corpus(
    inputs: Sequence[str],
    store: Store,
    options: RunOptions | None = None,
    progress: Callable[[Progress], None] | None = None,
    stdin: IO[bytes] | None = None,
) -> RunReport:
    """Read, segment, analyse and store every input, then link the corpus."""
    opts = options or RunOptions()
    report = RunReport()
    refs, failed = _expand(inputs, store, report)
    tracker = _Tracker(sum(_size(r) for r in refs), progress, report)
    for error in failed:
        tracker.error(error)
    config = WorkConfig(opts.segment, opts.analyze)
    executor = _executor(config, opts, tracker.total)
    store.clear_errors_of([r.name for r in refs])
    batch = _Batch(store, analysis_key(config), tracker)
    try:
        for result in executor.map(_new_documents(refs, store, opts, config, tracker)):
            batch.add(result)
    finally:
        batch.flush()
        executor.close()
    if opts.link:
        report.errors.extend(link_store(store, opts.linking))
    return report


def link_store(store: Store, options: LinkOptions) -> list[Error]:
    """Re-link the corpus if documents or link settings changed since the last link run."""
    ids = store.article_ids()
    state = stable_id(repr(options), *sorted(ids))
    if store.get_setting(LINK_KEY) == state:
        return []
    links = link_corpus(StoredFindings(store, ids), options, StoredLinkIndex(store, ids))
    store.replace_links(links)
    store.set_setting(LINK_KEY, state)
    return list(links.errors)


def _expand(inputs: Sequence[str], store: Store, report: RunReport) -> tuple[list[InputRef], list[Error]]:
    refs = []
    failed = []
    for item in expand_inputs(inputs):
        if isinstance(item, Error):
            failed.append(item)
        else:
            refs.append(item)
    store.save_errors(failed)
    report.inputs = len(refs) + len(failed)
    report.sources = [r.name for r in refs] + [e.source for e in failed]
    return refs, failed


def _size(ref: InputRef) -> int:
    try:
        return ref.path.stat().st_size if ref.path is not None else 0
    except OSError:
        return 0


def _executor(config: WorkConfig, opts: RunOptions, total_bytes: int) -> Executor:
    return choose_executor(
        config, opts.jobs, opts.timeout, total_bytes, kind=opts.executor, scheduler=opts.scheduler
    )


def _new_documents(
    refs: Iterable[InputRef], store: Store, opts: RunOptions, config: WorkConfig, tracker: _Tracker
) -> Iterator[Document]:
    """Documents not yet stored with these settings; read errors are stored on the way."""
    key = analysis_key(config)
    for ref in refs:
        for item in read_input(ref, opts.ingest, progress=tracker.read):
            if isinstance(item, Error):
                store.save_errors([item])
                tracker.error(item)
            elif store.analysis_of(item.id) == key:
                tracker.report.documents_unchanged += 1
                tracker.report.document_ids.append(item.id)
            else:
                yield item
        tracker.next_input()


class _Batch:
    """Results waiting to be stored: written together, at most BATCH_DOCUMENTS or BATCH_SECONDS apart.

    Each document is still all-or-nothing: a killed run loses at most the last batch, which the
    next run redoes (the documents are not stored, so they are not skipped).
    """

    def __init__(self, store: Store, analysis: str, tracker: _Tracker) -> None:
        self.store, self.analysis, self.tracker = store, analysis, tracker
        self.pending: list[DocumentRecord] = []
        self.since = time.monotonic()

    def add(self, result: DocumentResult) -> None:
        errors = [*result.errors, *(e for f in result.findings for e in f.errors)]
        report = self.tracker.report
        if result.retry:
            self.store.save_errors(result.errors)
        else:
            self.pending.append(
                DocumentRecord(result.document, self.analysis, result.findings, result.errors)
            )
            report.documents_new += 1
            report.document_ids.append(result.document.id)
            report.articles += len(result.findings)
        for error in errors:
            self.tracker.error(error)
        if len(self.pending) >= BATCH_DOCUMENTS or time.monotonic() - self.since > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.store.save_documents(self.pending)
        self.pending = []
        self.since = time.monotonic()
        self.tracker.read(self.tracker.current)
