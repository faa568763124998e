"""The Dask executor: segment and analyze mapped over partitions of documents on a Dask cluster.

``newstrace analyze --executor dask --scheduler tcp://HOST:8786`` sends partitions of
``PARTITION`` documents to the cluster's workers; without ``--scheduler`` a ``LocalCluster`` of
worker processes starts on this machine. Each worker process builds one
:class:`~newstrace.run.process.DocumentProcessor` (its spaCy model, its gazetteer) the first time
it gets a partition, held by a worker plugin, and keeps it for every later partition.

Inputs are read on this machine (the files need not be visible to the workers) and the results
come back here to be stored, in the same batches as with the local executors, so the records are
those of ``--executor local``. A partition that fails on the cluster (its worker died, the
cluster went away) becomes an ``error`` record for each of its documents, which are not stored,
so the next run tries them again.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from newstrace.errors import StageError, UsageError, error_from
from newstrace.model import Document
from newstrace.run.process import DocumentProcessor, DocumentResult, WorkConfig, analysis_key

if TYPE_CHECKING:
    from distributed import Future, Worker

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["PARTITION", "DaskExecutor", "DaskMapper"]

# Documents per task: enough that a task's scheduling (a few ms) is small next to its analysis
# (~0.4 s a PolNeAR article), few enough that the workers share the tail of a run evenly.
PARTITION = 8
CONNECT_SECONDS = 10  # a scheduler that does not answer in this time is taken as unreachable
IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker: keeps workers busy, bounds memory


class ProcessorPlugin(WorkerPlugin):
    """Holds one worker process's DocumentProcessor, built on first use."""

    def __init__(self, config: WorkConfig) -> None:
        self.config = config
        self.name = f"newstrace-processor-{analysis_key(config)}"
        self._processor: DocumentProcessor | None = None

    def processor(self) -> DocumentProcessor:
        """The worker's processor (its models loaded)."""
        if self._processor is None:
            processor = DocumentProcessor(self.config)
            processor.prepare()
            self._processor = processor
        return self._processor


def process_partition(plugin_name: str, docs: list[Document]) -> list[DocumentResult]:
    """Segment and analyse ``docs`` on a worker, with the processor its plugin holds."""
    worker: Worker = get_worker()
    plugin = worker.plugins[plugin_name]
    assert isinstance(plugin, ProcessorPlugin)
    processor = plugin.processor()
    return [processor.process(doc) for doc in docs]


class DaskExecutor:
    """Maps documents over a Dask cluster (a LocalCluster when ``scheduler`` is None)."""

    def __init__(self, config: WorkConfig, scheduler: str | None = None, workers: int | None = None) -> None:
        self.cluster: LocalCluster | None = None
        try:
            if scheduler is None:
                # distributed leaves LocalCluster and Client unannotated (here and below)
                self.cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
            else:
                self.client = Client(scheduler, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            self._shut()
            raise UsageError(
                f"cannot reach the Dask scheduler {scheduler!r}: {exc}; check --scheduler "
                "(tcp://HOST:PORT) and that the scheduler is running"
            ) from exc
        self.plugin = ProcessorPlugin(config)
        self.client.register_plugin(self.plugin, name=self.plugin.name)
        self.slots = max(1, len(self.client.scheduler_info(n_workers=-1)["workers"])) * IN_FLIGHT_PER_WORKER
        log.info("Dask cluster with %d partition slots", self.slots)

    def map(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        """Process every document; results come back as partitions finish."""
        parts = _partitions(docs)
        running: dict[Future[list[DocumentResult]], list[Document]] = {}
        pending = as_completed()  # type: ignore[no-untyped-call]  # unannotated in distributed
        for part in islice(parts, self.slots):
            self._submit(part, running, pending)
        for future in pending:
            part = running.pop(future)
            yield from self._results(future, part)
            following = next(parts, None)
            if following is not None:
                self._submit(following, running, pending)

    def _submit(
        self,
        part: list[Document],
        running: dict[Future[list[DocumentResult]], list[Document]],
        pending: as_completed,
    ) -> None:
        future = self.client.submit(process_partition, self.plugin.name, part, pure=False)
        running[future] = part
        pending.add(future)  # type: ignore[no-untyped-call]  # unannotated in distributed

    def _results(self, future: Future[list[DocumentResult]], part: list[Document]) -> list[DocumentResult]:
        try:
            return future.result()
        except Exception as exc:  # a worker died or the cluster failed: these documents only
            log.debug("a Dask partition failed", exc_info=True)
            log.warning("a Dask partition of %d documents failed: %s", len(part), exc)
            failure = StageError("analyze", f"the Dask cluster failed on this document's partition: {exc}")
            return [_failed(d, failure) for d in part]

    def close(self) -> None:
        """Disconnect; a LocalCluster started here is shut down."""
        self._shut()

    def _shut(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()


class DaskMapper:
    """A link-stage :class:`~newstrace.link.mapper.Mapper` that runs each piece of work on a Dask cluster.

    The link steps hand it pieces that need nothing from each other (the candidate pairs of one
    band's key range, the verification of a batch of pairs, entities or event mentions joined by
    shared keys, quotations to embed, speaker groups); their results come back in order,
    so the records are those of the local run. At most ``IN_FLIGHT_PER_WORKER`` pieces per worker
    are sent ahead, which bounds what the pieces' data take here and on the cluster. A piece
    that fails raises here: the link step becomes an error record, as it would locally.
    """

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        self.scheduler, self.workers = scheduler, workers
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None  # connected on first use: a run with nothing to link starts none

    def _connect(self) -> Client:
        if self.client is None:
            try:
                if self.scheduler is None:
                    self.cluster = LocalCluster(  # type: ignore[no-untyped-call]
                        n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None
                    )
                    self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
                else:
                    self.client = Client(self.scheduler, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as exc:
                self.close()
                raise UsageError(f"cannot reach the Dask scheduler {self.scheduler!r}: {exc}") from exc
        return self.client

    def __call__(self, function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
        """``function(item)`` for each of ``items``, computed on the cluster, in order."""
        client = self._connect()
        slots = max(1, len(client.scheduler_info(n_workers=-1)["workers"])) * IN_FLIGHT_PER_WORKER
        running: deque[Future[R]] = deque()
        for item in items:
            running.append(client.submit(function, item, pure=False))
            if len(running) >= slots:
                yield running.popleft().result()
        while running:
            yield running.popleft().result()

    def close(self) -> None:
        """Disconnect; a LocalCluster started here is shut down."""
        if self.client is not None:
            self.client.close()  # type: ignore[no-untyped-call]  # unannotated in distributed
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def _failed(doc: Document, failure: StageError) -> DocumentResult:
    return DocumentResult(doc, (), (error_from(failure, doc.source, "analyze"),), retry=True)


def _partitions(docs: Iterable[Document]) -> Iterator[list[Document]]:
    source = iter(docs)
    while part := list(islice(source, PARTITION)):
        yield part
