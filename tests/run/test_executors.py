"""Choosing the executor: by input size and idle CPUs, and started only when a document is new."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from newstrace.errors import UsageError
from newstrace.ingest.documents import make_document
from newstrace.model import Document
from newstrace.run.executors import BYTES_PER_WORKER, LazyExecutor, check_executor, default_jobs, idle_cpus
from newstrace.run.pool import Executor
from newstrace.run.process import DocumentResult


def test_small_inputs_run_in_this_process_whatever_the_cpus() -> None:
    assert default_jobs(0, cpus=8) == 1
    assert default_jobs(BYTES_PER_WORKER - 1, cpus=8) == 1


def test_large_inputs_use_the_idle_cpus_and_no_more() -> None:
    assert default_jobs(10 * BYTES_PER_WORKER, cpus=2) == 2
    assert default_jobs(10 * BYTES_PER_WORKER, cpus=1) == 1  # a busy machine: one process
    assert default_jobs(3 * BYTES_PER_WORKER, cpus=16) == 3  # each worker gets enough input


def test_idle_cpus_is_at_least_one() -> None:
    assert idle_cpus() >= 1


class _Counting:
    """An executor that counts its starts and echoes documents as empty results."""

    def __init__(self, starts: list[int]) -> None:
        starts.append(1)

    def map(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        for doc in docs:
            yield DocumentResult(doc, (), ())

    def close(self) -> None:
        """Nothing to release."""


def test_the_executor_starts_with_the_first_document_and_only_once() -> None:
    starts: list[int] = []

    def start() -> Executor:
        return _Counting(starts)

    lazy = LazyExecutor(start)
    assert list(lazy.map([])) == []
    assert starts == []
    page = "Title\n\nOfficials said 3 people came.\n"
    docs = [make_document(f"p{i}.txt", page.encode(), "text", page) for i in range(3)]
    assert [r.document for r in lazy.map(docs[:2])] == docs[:2]
    assert [r.document for r in lazy.map(docs[2:])] == docs[2:]
    lazy.close()
    assert starts == [1]


def test_unknown_executors_and_stray_schedulers_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown executor 'threads'"):
        check_executor("threads", None)
    with pytest.raises(UsageError, match="--scheduler is for --executor dask"):
        check_executor("local", "tcp://127.0.0.1:8786")
