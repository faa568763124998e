"""Storing results so that one document that cannot be written never takes others with it.

Documents are written in batches (one transaction each, for speed). When a batch fails, it is
written again document by document: the documents that can be stored are, and each one that
cannot becomes an ``error`` record (stage ``store``) naming it. A failure of the database itself
(full disk, read-only file, lost server) fails every document alike: it stops the run with a
:class:`StoreError` that says so, and everything committed before stays stored.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

import sqlalchemy as sa

from newstrace.errors import StoreError, describe, error_from
from newstrace.model import Error
from newstrace.run.process import DocumentResult
from newstrace.store import Store
from newstrace.store.db import DocumentRecord

log = logging.getLogger(__name__)

__all__ = ["BATCH_DOCUMENTS", "BATCH_SECONDS", "BatchWriter"]

# Documents stored per transaction: large enough that commits stop dominating small documents
# (bench/ingest.py on 2,000 pages: 1 -> 100 per batch took ingest from ~180 to ~515 pages/s), small
# enough that a killed run redoes little.
BATCH_DOCUMENTS = 100
BATCH_SECONDS = 2.0
STORE_STAGE = "store"


class BatchWriter:
    """Results waiting to be stored: written together, at most BATCH_DOCUMENTS or BATCH_SECONDS apart.

    Each document is still all-or-nothing: a killed run loses at most the last batch, which the
    next run redoes (the documents are not stored, so they are not skipped). ``on_stored`` is told
    of each document stored; ``on_error`` of each error (of analysis or of storing). ``notes`` holds
    warnings by source (a repaired text) that are stored with their document.
    """

    def __init__(
        self,
        store: Store,
        analysis: str,
        on_stored: Callable[[DocumentResult], None],
        on_error: Callable[[Error], None],
        notes: dict[str, list[Error]] | None = None,
    ) -> None:
        self.store, self.analysis = store, analysis
        self.notes = notes if notes is not None else {}
        self.on_stored, self.on_error = on_stored, on_error
        self.pending: list[DocumentResult] = []
        self.since = time.monotonic()

    def add(self, result: DocumentResult) -> None:
        """Queue one result (a retry-later failure stores only its error)."""
        if result.retry:
            self._save_errors(result.errors)
            for error in result.errors:
                self.on_error(error)
        else:
            self.pending.append(result)
        if len(self.pending) >= BATCH_DOCUMENTS or time.monotonic() - self.since > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write what is pending: as one batch, else document by document."""
        pending, self.pending = self.pending, []
        self.since = time.monotonic()
        if not pending:
            return
        try:
            self.store.save_documents([self._record(r) for r in pending])
        except Exception as exc:  # one bad document must not cost the batch: write them one by one
            log.debug("a batch of %d documents failed; storing them one by one", len(pending), exc_info=exc)
            for result in pending:
                self._one(result)
            return
        for result in pending:
            self._stored(result)

    def _one(self, result: DocumentResult) -> None:
        try:
            self.store.save_documents([self._record(result)])
        except Exception as exc:
            log.debug("storing %s failed", result.document.source, exc_info=exc)
            _raise_if_database_failed(exc)
            error = error_from(exc, result.document.source, STORE_STAGE)
            log.warning("%s: could not be stored: %s", error.source, error.message)
            self._save_errors([error])
            self.on_error(error)
            return
        self._stored(result)

    def _stored(self, result: DocumentResult) -> None:
        self.notes.pop(result.document.source, None)
        self.on_stored(result)
        for error in [*result.errors, *(e for f in result.findings for e in f.errors)]:
            self.on_error(error)

    def _record(self, result: DocumentResult) -> DocumentRecord:
        notes = tuple(self.notes.get(result.document.source, ()))
        return DocumentRecord(result.document, self.analysis, result.findings, result.errors + notes)

    def _save_errors(self, errors: Sequence[Error]) -> None:
        try:
            self.store.save_errors(errors)
        except Exception as exc:
            log.debug("storing errors failed", exc_info=exc)
            _raise_if_database_failed(exc)
            log.warning("errors could not be stored: %s", describe(exc))


def _raise_if_database_failed(exc: Exception) -> None:
    """A failure of the database as a whole (not of one document's data) ends the run, clearly."""
    if isinstance(exc, StoreError | sa.exc.OperationalError | sa.exc.InterfaceError):
        raise StoreError(
            f"{describe(exc)}; what was stored before is kept, "
            "and running the same command again continues from there"
        ) from exc
