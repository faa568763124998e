"""Bounded runs: --jobs never above the machine's CPUs, --timeout held without worker processes."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import pytest

from newstrace.analyze import AnalyzeOptions
from newstrace.errors import OutOfTime
from newstrace.ingest.deadline import time_limit
from newstrace.run import RunOptions, analyze_corpus
from newstrace.run.limits import POOL_MIN_BYTES, worker_count
from newstrace.store import Store

SLOW = "tests.run.stages_for_tests:SLOW"
CPUS = len(os.sched_getaffinity(0))


@pytest.mark.parametrize(
    ("jobs", "total_bytes", "workers"),
    [
        (0, 10, 1),  # small input: no workers
        (0, POOL_MIN_BYTES, CPUS),  # large input: one per CPU
        (1, POOL_MIN_BYTES, 1),
        (99999, 10, CPUS),  # never more than the machine has
        (CPUS, 10, CPUS),
    ],
)
def test_worker_count(jobs: int, total_bytes: int, workers: int) -> None:
    assert worker_count(jobs, total_bytes) == workers


def test_time_limit_interrupts_python_code_and_disarms() -> None:
    with (
        pytest.raises(OutOfTime, match=r"looping took longer than the 0\.2 s limit"),
        time_limit(0.2, "looping"),
    ):
        while True:
            pass
    with time_limit(0.2, "quick work"):  # a block that ends in time is not interrupted later
        pass
    with time_limit(None, "unbounded"):
        pass


def test_an_inner_time_limit_leaves_the_outer_one_in_charge() -> None:
    with pytest.raises(OutOfTime, match="outer"), time_limit(0.2, "outer"), time_limit(30, "inner"):
        while True:
            pass


def test_timeout_holds_without_worker_processes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        body = "SLEEP-FOREVER" if i == 1 else "Nothing unusual happened."
        (folder / f"p{i}.txt").write_text(f"Headline {i}\n\nOfficials said: {body}.\n")
    options = RunOptions(jobs=1, timeout=1, link=False, analyze=AnalyzeOptions(stages=(), plugins=(SLOW,)))
    with Store(str(tmp_path / "t.db")) as store:
        report = analyze_corpus([str(folder)], store, options)
        stored = sorted(a.source for a in store.articles())
    assert [(e.source, "longer than the 1 s limit" in e.message) for e in report.errors] == [
        (str(folder / "p1.txt"), True)
    ]
    assert stored == [str(folder / "p0.txt"), str(folder / "p2.txt")]  # p1 is tried again next run


class _Swallows:
    """Swallows every exception while it is deleted, as Python does in __del__ and gc callbacks."""

    def __del__(self) -> None:
        with contextlib.suppress(BaseException):  # what Python does with an exception in __del__
            _spin(0.5)


def _spin(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def test_a_limit_swallowed_once_still_holds() -> None:
    with pytest.raises(OutOfTime), time_limit(0.1, "work"):
        _Swallows()  # the limit expires inside __del__, where the exception is lost
        _spin(2)  # the limit must still stop this
