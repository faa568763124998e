"""The main job: inputs -> ingest -> segment -> analyze -> store, then link the corpus.

``analyze_corpus`` is a list of named steps. It is idempotent (a document already stored with
the same content and settings is skipped) and resumable (each document is stored in one
transaction, so a killed run leaves whole documents and the next run continues).
"""

from __future__ import annotations

import gc
import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from newstrace.analyze.options import AnalyzeOptions
from newstrace.errors import StoreError
from newstrace.ids import stable_id
from newstrace.ingest.documents import REPAIR_STAGE
from newstrace.ingest.options import IngestOptions
from newstrace.ingest.reader import read_input
from newstrace.ingest.sources import InputRef, expand_inputs
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import LinkOptions
from newstrace.model import Document, Error
from newstrace.run.executors import choose_executor
from newstrace.run.isolation import BatchWriter
from newstrace.run.limits import stdin_refs
from newstrace.run.process import DocumentResult, WorkConfig, analysis_key
from newstrace.segment.options import SegmentOptions
from newstrace.store.db import Store
from newstrace.store.search import INDEX_VERSION

log = logging.getLogger(__name__)

__all__ = ["Progress", "RunOptions", "RunReport", "analyze_corpus", "link_store"]

LINK_KEY = "link_state"
# Allocations between young-generation collections during a run (Python's default: 700). A run
# makes millions of short-lived objects, few in cycles; collecting the young ones every 700
# allocations took 0.94 s CPU of a PolNeAR dev run (loaded machine), every 50,000 0.60 s.
# Restored when the run ends. In-process runs only: worker processes keep Python's default.
YOUNG_COLLECTION_ALLOCATIONS = 50_000


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Options of a whole run; each stage keeps its own options object.

    Attributes:
        jobs: worker processes for segment+analyze; 0 picks them by the input's size and the
            idle CPUs (none, work in this process, for small inputs); never more than the
            machine's CPUs; with ``executor="dask"``, 0 uses the cluster's workers as they are.
        timeout: seconds one document may take to be segmented and analysed (in a worker, or in
            this process) before it is stopped and recorded as an error; the next run tries it again.
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
    phase: str = "reading"  # loading (the models), reading (and analysing), linking


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
    other_names: int = 0  # inputs whose content was already stored under another name

    @property
    def warnings(self) -> int:
        """How many of ``errors`` are warnings: texts repaired, their documents stored."""
        return sum(e.stage == REPAIR_STAGE for e in self.errors)

    @property
    def failed(self) -> bool:
        """Whether any input, record or stage failed (a repaired text is a warning, not a failure)."""
        return any(e.stage != REPAIR_STAGE for e in self.errors)


class _Tracker:
    """Counts bytes, documents and errors, and tells the caller's progress callback."""

    def __init__(self, total: int, callback: Callable[[Progress], None] | None, report: RunReport) -> None:
        self.total, self.callback, self.report = total, callback, report
        self.done_before = 0
        self.current = 0
        self.current_phase = "reading"

    def read(self, position: int) -> None:
        self.current = position
        self._emit()

    def next_input(self) -> None:
        self.done_before += self.current
        self.current = 0

    def error(self, error: Error) -> None:
        self.report.errors.append(error)
        self._emit(error)

    def stored(self, result: DocumentResult) -> None:
        self.report.documents_new += 1
        self.report.document_ids.append(result.document.id)
        self.report.articles += len(result.findings)

    def phase(self, name: str) -> None:
        self.current_phase = name
        self._emit()

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
                    self.current_phase,
                )
            )


def analyze_corpus(
    inputs: Sequence[str],
    store: Store,
    options: RunOptions | None = None,
    progress: Callable[[Progress], None] | None = None,
    stdin: IO[bytes] | None = None,
) -> RunReport:
    """Read, segment, analyse and store every input, then link the corpus.

    ``stdin`` is read for the input ``-`` (default: this process's standard input).
    """
    opts = options or RunOptions()
    if store.read_only:
        raise StoreError(f"the database {store.url} is read-only: analyze needs to write; give another --db")
    report = RunReport()
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_ALLOCATIONS, *thresholds[1:])
    try:
        with tempfile.TemporaryDirectory(prefix="newstrace-") as spool:
            refs, failed = _expand(
                inputs, store, report, stdin_refs(stdin, Path(spool), opts.ingest.stdin_name)
            )
            tracker = _Tracker(sum(_size(r) for r in refs), progress, report)
            for error in failed:
                tracker.error(error)
            _analyze(refs, store, opts, tracker)
        if opts.link:
            tracker.phase("linking")
            report.errors.extend(_link(store, opts))
    finally:
        gc.unfreeze()  # what an in-process worker froze (DocumentProcessor.prepare), kept while linking
        gc.set_threshold(*thresholds)
    return report


def _link(store: Store, opts: RunOptions) -> list[Error]:
    """Link the corpus, with the link steps' pieces of work on the Dask cluster of a Dask run."""
    if opts.executor != "dask":
        return link_store(store, opts.linking)
    from newstrace.run.dask_executor import DaskMapper  # noqa: PLC0415  # dask: only when asked

    mapper = DaskMapper(opts.scheduler, opts.jobs or None)
    try:
        return link_store(store, opts.linking, mapper)
    finally:
        mapper.close()


def _analyze(refs: Sequence[InputRef], store: Store, opts: RunOptions, tracker: _Tracker) -> None:
    config = WorkConfig(opts.segment, opts.analyze)
    tracker.phase("loading")
    executor = choose_executor(
        config, opts.jobs, opts.timeout, tracker.total, kind=opts.executor, scheduler=opts.scheduler
    )
    tracker.phase("reading")
    store.clear_errors_of([r.name for r in refs])
    notes: dict[str, list[Error]] = {}  # repair warnings, stored with their documents
    batch = BatchWriter(store, analysis_key(config), tracker.stored, tracker.error, notes)
    ingest = opts.ingest
    if opts.timeout and (not ingest.max_seconds or opts.timeout < ingest.max_seconds):
        ingest = replace(ingest, max_seconds=opts.timeout)  # --timeout bounds reading a page too
    try:
        for result in executor.map(_new_documents(refs, store, ingest, config, tracker, notes=notes)):
            batch.add(result)
    finally:
        batch.flush()
        executor.close()


def link_store(store: Store, options: LinkOptions, mapper: Mapper = in_process) -> list[Error]:
    """Re-link the corpus if documents, link settings or the search index changed since the last link
    run; corpus records keep the ids they had (link/stable_ids.py), and speakers are resolved to them.
    ``mapper`` runs the link steps' independent pieces of work (a Dask cluster, say)."""
    ids = store.article_ids()
    state = stable_id(repr(options), INDEX_VERSION, *sorted(ids))
    if store.get_setting(LINK_KEY) == state:
        return []
    # the link steps (NumPy, MinHash, the sentence model): imported only when there is linking to do
    from newstrace.link.identity import resolve_identities  # noqa: PLC0415
    from newstrace.link.linker import link_corpus  # noqa: PLC0415
    from newstrace.link.stable_ids import keep_ids  # noqa: PLC0415
    from newstrace.store.lazy import StoredFindings  # noqa: PLC0415
    from newstrace.store.link_index import StoredLinkIndex  # noqa: PLC0415

    findings = StoredFindings(store, ids)
    links = keep_ids(store.links(), link_corpus(findings, options, StoredLinkIndex(store, ids), mapper))
    # only articles that an entity mentions can have a speaker or asserter resolved to one
    mentioned = {m.article for entity in links.entities for m in entity.mentions}
    named = findings.subset([i for i in ids if i in mentioned])  # read again only past the cache
    store.replace_links(links, resolve_identities(named, links.entities))
    store.set_setting(LINK_KEY, state)
    return list(links.errors)


def _expand(
    inputs: Sequence[str], store: Store, report: RunReport, spool: Callable[[], InputRef | Error]
) -> tuple[list[InputRef], list[Error]]:
    refs = []
    failed = []
    for found in expand_inputs(inputs):
        item = spool() if isinstance(found, InputRef) and found.path is None else found
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


def _new_documents(
    refs: Iterable[InputRef],
    store: Store,
    ingest: IngestOptions,
    config: WorkConfig,
    tracker: _Tracker,
    *,
    notes: dict[str, list[Error]],
) -> Iterator[Document]:
    """Documents not yet stored with these settings; read errors are stored on the way.

    A document is known by its content: one already stored (under this name or another) is not
    analysed again, and one seen twice in this run is analysed once; another name it was given
    under is noted in the store.
    """
    key = analysis_key(config)
    seen: dict[str, str] = {}  # id -> source of the documents sent for analysis in this run
    for ref in refs:
        for item in read_input(ref, ingest, progress=tracker.read):
            if isinstance(item, Error):
                if item.stage == REPAIR_STAGE:
                    notes.setdefault(item.source, []).append(item)  # its document comes next
                else:
                    store.save_errors([item])
                tracker.error(item)
                continue
            first = item.id not in seen
            known = seen[item.id] if not first else _stored_source(store, item, key)
            if known is None:
                seen[item.id] = item.source
                yield item
                continue
            if known != item.source:
                store.add_name(item.id, item.source)
                tracker.report.other_names += 1
            if first:
                seen[item.id] = known
                tracker.report.documents_unchanged += 1
                tracker.report.document_ids.append(item.id)
        tracker.next_input()


def _stored_source(store: Store, doc: Document, key: str) -> str | None:
    """The name ``doc`` is stored under, if it is stored with the analysis settings ``key``."""
    stored = store.stored(doc.id)
    return stored[0] if stored is not None and stored[1] == key else None
