"""The Dask executor against a real cluster: a ``dask scheduler`` and two ``dask worker`` processes.

The records a run stores with ``executor="dask"`` must equal those of the local executor, with
SQLite and with PostgreSQL.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TypeVar, cast

import pytest
import sqlalchemy as sa
from distributed import Client

from newstrace.analyze import AnalyzeOptions
from newstrace.errors import UsageError
from newstrace.ingest.documents import make_document
from newstrace.link.copies import find_copies
from newstrace.link.linker import CORPUS_SOURCE, link_corpus
from newstrace.link.mapper import in_process
from newstrace.link.options import CopyOptions
from newstrace.model import ArticleFindings
from newstrace.run import RunOptions, analyze_corpus
from newstrace.run.dask_executor import DaskMapper
from newstrace.run.executors import choose_executor
from newstrace.run.process import WorkConfig
from newstrace.segment import SegmentOptions
from newstrace.store import Store, database_url
from newstrace.store.schema import link_index_metadata, metadata
from tests.conftest import _free_port
from tests.link.test_copies import OTHER, STORY, UNRELATED, _found, _repost, _shared_passage

pytestmark = pytest.mark.slow
T = TypeVar("T")
R = TypeVar("R")
START_SECONDS = 120


def _dask_cli() -> str:
    found = Path(sys.executable).with_name("dask")
    if found.exists():
        return str(found)
    which = shutil.which("dask")
    if which is None:
        pytest.fail("the 'dask' command is missing: install the project with its dependencies")
    return which


def _wait_for_workers(address: str, count: int, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + START_SECONDS
    with Client(address, timeout=START_SECONDS) as client:  # type: ignore[no-untyped-call]
        while len(client.scheduler_info(n_workers=-1)["workers"]) < count:
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                pytest.fail(f"the Dask cluster at {address} did not get {count} workers")
            time.sleep(0.2)


@pytest.fixture(scope="module")
def dask_scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a real Dask cluster: one scheduler and two single-threaded worker processes."""
    dask = _dask_cli()
    logs = tmp_path_factory.mktemp("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    commands = [[dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]]
    commands += [[dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"]] * 2
    with ExitStack() as files:
        procs: list[subprocess.Popen[bytes]] = []
        try:
            for number, command in enumerate(commands):
                log = files.enter_context((logs / f"{command[1]}{number}.log").open("wb"))
                procs.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log))
            _wait_for_workers(address, 2, procs)
            yield address
        finally:
            for proc in reversed(procs):
                proc.terminate()
            for proc in procs:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()


def _records(store: Store) -> tuple[object, ...]:
    articles = store.articles()
    return (articles, store.findings(articles), store.links(), store.errors())


@pytest.fixture(scope="module")
def local_records(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> tuple[object, ...]:
    """The records of the sample corpus analysed in this process (the local executor)."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    with Store(str(db)) as store:
        analyze_corpus([str(examples)], store, RunOptions(jobs=1))
        return _records(store)


def test_dask_cluster_gives_the_local_records_with_sqlite(
    dask_scheduler: str, local_records: tuple[object, ...], examples: Path, tmp_path: Path
) -> None:
    options = RunOptions(executor="dask", scheduler=dask_scheduler)
    with Store(str(tmp_path / "dask.db")) as store:
        report = analyze_corpus([str(examples)], store, options)
        assert report.documents_new > 0
        assert _records(store) == local_records


@pytest.mark.postgres
def test_dask_cluster_gives_the_local_records_with_postgresql(
    dask_scheduler: str, local_records: tuple[object, ...], examples: Path, postgres_url: str
) -> None:
    options = RunOptions(executor="dask", scheduler=dask_scheduler)
    try:
        with Store(postgres_url) as store:
            analyze_corpus([str(examples)], store, options)
            assert _records(store) == local_records
    finally:  # the server is shared by the session: leave it empty
        engine = sa.create_engine(database_url(postgres_url))
        metadata.drop_all(engine)
        link_index_metadata.drop_all(engine)
        engine.dispose()


def test_copies_paired_and_verified_on_the_cluster_equal_the_local_ones(dask_scheduler: str) -> None:
    texts = [STORY, _repost(STORY), _shared_passage(OTHER), UNRELATED, OTHER, _repost(OTHER)]
    findings = [_found(f"art{n}", text) for n, text in enumerate(texts)]
    options = CopyOptions(buffer_bytes=1)  # band keys spilled to disk, as with a large corpus
    mapper = DaskMapper(dask_scheduler)
    try:
        on_cluster = find_copies(findings, options, mapper)
    finally:
        mapper.close()
    assert on_cluster == find_copies(findings, options)
    assert {c.relation for c in on_cluster} == {"same-article", "shared-passage"}


def test_a_piece_that_fails_on_the_cluster_raises_here(dask_scheduler: str) -> None:
    mapper = DaskMapper(dask_scheduler)
    try:
        with pytest.raises(ValueError, match="invalid literal"):  # raised on a worker, here
            list(mapper(int, ["1", "2", "not a number"]))
        assert list(mapper(int, ["1", "2"])) == [1, 2]  # the mapper goes on serving the next step
    finally:
        mapper.close()


def _findings(records: tuple[object, ...]) -> list[ArticleFindings]:
    findings = records[1]
    assert isinstance(findings, list)
    return findings


def test_every_link_step_runs_its_pieces_on_the_cluster_and_equals_the_local_links(
    dask_scheduler: str, local_records: tuple[object, ...]
) -> None:
    """Aliases, copies, quote clusters and events of the sample corpus, their pieces of work
    (entities and mentions joined by keys, candidate pairs, quotations to embed, speaker groups)
    computed by two Dask workers, are the links computed in this process."""
    findings = _findings(local_records)
    shipped: Counter[str] = Counter()
    mapper = DaskMapper(dask_scheduler)

    def counted(function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
        named = getattr(function, "func", function)
        for result in mapper(function, items):
            shipped[f"{named.__module__.rsplit('.', 1)[-1]}.{named.__name__}"] += 1
            yield result

    try:
        on_cluster = link_corpus(findings, mapper=counted)
    finally:
        mapper.close()
    local = link_corpus(findings)
    assert on_cluster == local
    assert local.entities and local.copies and local.clusters and local.events and not local.errors
    pieces = {"aliases.merge_piece", "pairs.verify_batch", "clusters.contained_pairs"}
    pieces |= {"semantic.encode_piece", "clusters.semantic_pairs", "event_groups.merge_piece"}
    assert pieces <= set(shipped), shipped


# (link step, the modules of the functions its pieces run, the records it makes)
STEP_PIECES = [
    ("aliases", ("aliases",), "entities"),
    ("copies", ("candidates", "pairs"), "copies"),
    ("clusters", ("clusters", "semantic"), "clusters"),
    ("events", ("event_groups",), "events"),
]


@pytest.mark.parametrize(("step", "modules", "records"), STEP_PIECES, ids=[s[0] for s in STEP_PIECES])
def test_a_piece_that_fails_on_the_cluster_is_an_error_of_its_step_only(
    dask_scheduler: str, local_records: tuple[object, ...], step: str, modules: tuple[str, ...], records: str
) -> None:
    findings = _findings(local_records)
    mapper = DaskMapper(dask_scheduler)

    def failing(function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
        module = getattr(function, "func", function).__module__.rsplit(".", 1)[-1]
        if module not in modules:
            return in_process(function, items)
        return mapper(cast(Callable[[T], R], int), items)  # int() of a piece raises on a worker

    try:
        links = link_corpus(findings, mapper=failing)
    finally:
        mapper.close()
    assert [(e.source, e.stage) for e in links.errors] == [(CORPUS_SOURCE, f"link:{step}")]
    assert links.errors[0].message.startswith("TypeError")  # as raised on the worker
    assert getattr(links, records) == ()
    assert all(getattr(links, other) for _, _, other in STEP_PIECES if other != records)


def test_an_unreachable_scheduler_is_a_usage_error_naming_it() -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    executor = choose_executor(
        WorkConfig(SegmentOptions(), AnalyzeOptions()), 0, 60, 0, kind="dask", scheduler=address
    )
    page = "Title\n\nOfficials said 3 people came.\n"
    doc = make_document("a.txt", page.encode(), "text", page)
    with pytest.raises(UsageError, match=f"cannot reach the Dask scheduler '{address}'"):
        list(executor.map([doc]))


def test_unknown_executor_is_refused_before_reading() -> None:
    with pytest.raises(UsageError, match="unknown executor 'spark'"):
        choose_executor(WorkConfig(SegmentOptions(), AnalyzeOptions()), 0, 60, 0, kind="spark")
