"""The main job: idempotent, re-analysing on changed settings, pooled runs equal serial ones."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from newstrace.analyze import AnalyzeOptions
from newstrace.run import RunOptions, analyze_corpus
from newstrace.run.process import DocumentProcessor, WorkConfig
from newstrace.segment import SegmentOptions
from newstrace.store import Store

FAILING = "tests.run.stages_for_tests:FAILING"
SLOW = "tests.run.stages_for_tests:SLOW"


def _pages(folder: Path, n: int, extra: dict[int, str] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        body = (extra or {}).get(i, "Nothing unusual happened.")
        (folder / f"p{i}.txt").write_text(f"Headline {i}\n\nOfficials said {i} people came: {body}.\n")
    return folder


def test_same_input_twice_adds_no_rows(tmp_path: Path, examples: Path) -> None:
    with Store(str(tmp_path / "t.db")) as store:
        first = analyze_corpus([str(examples)], store)
        counts = store.counts()
        second = analyze_corpus([str(examples)], store)
        assert store.counts() == counts
    assert first.documents_new > 0 and second.documents_new == 0
    assert second.documents_unchanged == first.documents_new


def test_changed_settings_redo_the_documents(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 3)
    with Store(str(tmp_path / "t.db")) as store:
        analyze_corpus([str(pages)], store)
        again = analyze_corpus([str(pages)], store, RunOptions(analyze=AnalyzeOptions(stages=())))
        assert again.documents_new == 3
        assert store.counts()["documents"] == 3


def test_a_failing_step_costs_one_article_and_is_stored(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 3, {1: "FAIL-HERE"})
    options = RunOptions(analyze=AnalyzeOptions(stages=(), plugins=(FAILING,)))
    with Store(str(tmp_path / "t.db")) as store:
        report = analyze_corpus([str(pages)], store, options)
        assert [(e.source, e.stage) for e in report.errors] == [(str(pages / "p1.txt"), "failing")]
        assert "cannot handle" in report.errors[0].message
        assert store.counts()["articles"] == 3
        assert [e.source for e in store.errors()] == [str(pages / "p1.txt")]


@pytest.mark.slow
def test_pool_gives_the_same_rows_as_serial(tmp_path: Path, examples: Path) -> None:
    with Store(str(tmp_path / "serial.db")) as serial, Store(str(tmp_path / "pool.db")) as pooled:
        analyze_corpus([str(examples)], serial, RunOptions(jobs=1))
        analyze_corpus([str(examples)], pooled, RunOptions(jobs=2))
        assert serial.articles() == pooled.articles()
        assert serial.findings(serial.articles()) == pooled.findings(pooled.articles())


def _quote_order(store: Store) -> list[list[tuple[int, int]]]:
    """Each article's quotes as stored and read back, as (start, end): ids left out."""
    return [[(q.start, q.end) for q in f.quotes] for f in store.findings(store.articles())]


def test_findings_come_back_in_text_order_whatever_the_folder_is_called(
    tmp_path: Path, examples: Path
) -> None:
    """Ids hash the source path; the order of records must not (it once broke score ties in CI)."""
    orders = []
    for name in ("a", "a-much-longer-folder-name"):
        corpus = shutil.copytree(examples / "pages", tmp_path / name / "pages")
        with Store(str(tmp_path / f"{name}.db")) as store:
            analyze_corpus([str(corpus)], store)
            orders.append(_quote_order(store))
    assert orders[0] == orders[1]
    assert sum(map(len, orders[0])) > 5
    assert all(quotes == sorted(quotes) for quotes in orders[0])


@pytest.mark.slow
@pytest.mark.parametrize(("marker", "words"), [("SLEEP-FOREVER", "longer than"), ("CRASH-WORKER", "died")])
def test_a_hanging_or_crashing_document_is_an_error_and_the_run_goes_on(
    tmp_path: Path, marker: str, words: str
) -> None:
    pages = _pages(tmp_path / "in", 6, {2: marker})
    options = RunOptions(jobs=2, timeout=3, analyze=AnalyzeOptions(stages=(), plugins=(SLOW,)))
    with Store(str(tmp_path / "t.db")) as store:
        report = analyze_corpus([str(pages)], store, options)
        assert [e.source for e in report.errors] == [str(pages / "p2.txt")]
        assert words in report.errors[0].message
        assert store.counts()["documents"] == 5


def test_loaded_resources_are_frozen_while_a_run_lasts(tmp_path: Path) -> None:
    config = WorkConfig(SegmentOptions(), AnalyzeOptions(stages=()))
    processor = DocumentProcessor(config)
    before = gc.get_freeze_count()
    processor.prepare()
    assert gc.get_freeze_count() > before  # what the worker holds is out of the collector's sight
    gc.unfreeze()
    page = tmp_path / "page.txt"
    page.write_text("The council met on Monday. It voted to reopen the library.", encoding="utf-8")
    with Store(str(tmp_path / "t.db")) as store:
        analyze_corpus([str(page)], store, RunOptions(jobs=1, analyze=AnalyzeOptions(stages=())))
    assert gc.get_freeze_count() == 0  # the run gives it back when it ends
