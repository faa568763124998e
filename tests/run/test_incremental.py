"""Incremental linking: a corpus grown run by run links to the records of one full run.

The link index (band keys, verified pairs, quote embeddings) is kept in the store between
runs; these tests check that what it saves never changes the records.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import fields, replace
from pathlib import Path

import pytest

from newstrace.link import LinkOptions, link_corpus
from newstrace.model import CorpusLinks
from newstrace.run import RunOptions, analyze_corpus
from newstrace.store import Store
from newstrace.store.lazy import StoredFindings

pytestmark = pytest.mark.slow
ONE_PROCESS = RunOptions(jobs=1)


def _full_links(store: Store) -> CorpusLinks:
    """The links of the stored corpus computed from scratch, without the link index, in the
    order the store reads them back (by id)."""
    links = link_corpus(StoredFindings(store, store.article_ids()), LinkOptions())
    return replace(
        links,
        **{
            f.name: tuple(sorted(getattr(links, f.name), key=lambda r: r.id))
            for f in fields(links)
            if f.name != "errors"
        },
    )


def _content(links: CorpusLinks) -> dict[str, list[str]]:
    """The records of ``links`` without their ids: a grown corpus keeps the ids its records had
    (link/stable_ids.py) where a full run names them afresh, and nothing else may differ."""
    return {
        f.name: sorted(repr(replace(r, id="")) for r in getattr(links, f.name))
        for f in fields(links)
        if f.name != "errors"
    }


def test_adding_inputs_links_as_one_full_run(
    tmp_path: Path, examples: Path, caplog: pytest.LogCaptureFixture
) -> None:
    batches = [
        [examples / "pages"],
        [examples / "html", examples / "feed.jsonl", examples / "archive.warc.gz"],
    ]
    with Store(str(tmp_path / "grown.db")) as grown, Store(str(tmp_path / "whole.db")) as whole:
        for batch in batches:
            with caplog.at_level(logging.INFO, logger="newstrace.link.copy_index"):
                analyze_corpus([str(p) for p in batch], grown, ONE_PROCESS)
        # the second run verified only pairs that touch its new articles; the others were kept
        kept = [r.getMessage() for r in caplog.records if "kept from the last run" in r.getMessage()]
        analyze_corpus([str(p) for batch in batches for p in batch], whole, ONE_PROCESS)
        assert _content(grown.links()) == _content(whole.links())
        assert _content(grown.links()) == _content(_full_links(grown))
        assert grown.links().copies, "the sample corpus has copies: the test must compare some"
    assert len(kept) == len(batches) and not kept[-1].endswith(" 0 kept from the last run")


def test_replacing_a_document_updates_its_links(tmp_path: Path, examples: Path) -> None:
    pages = shutil.copytree(examples / "pages", tmp_path / "pages")
    repost = pages / "repost_valdoria_today.txt"
    with Store(str(tmp_path / "t.db")) as store:
        analyze_corpus([str(pages)], store, ONE_PROCESS)
        before = store.links()
        assert any(repost.name in a.source for a in store.articles() if _in_copies(a.id, before))
        repost.write_text(
            "Weather\n\nIt rained all day in the capital, and the river rose.\n", encoding="utf-8"
        )
        analyze_corpus([str(pages)], store, ONE_PROCESS)
        after = store.links()
        assert _content(after) == _content(_full_links(store))
        ids = {a.id for a in store.articles() if a.source == str(repost)}
        assert ids and not any(_in_copies(i, after) for i in ids)
        assert len(after.copies) < len(before.copies)


def test_a_relink_reads_stored_embeddings(
    tmp_path: Path, examples: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Quote embeddings are stored: a re-link (here: other link options) encodes nothing again."""
    with Store(str(tmp_path / "t.db")) as store, caplog.at_level(logging.INFO, "newstrace.link.semantic"):
        analyze_corpus([str(examples)], store, ONE_PROCESS)
        first = [r.getMessage() for r in caplog.records if r.getMessage().startswith("embedding ")]
        caplog.clear()
        clusters = store.links().clusters
        analyze_corpus([str(examples)], store, RunOptions(jobs=1, linking=LinkOptions(steps=("clusters",))))
        again = [r.getMessage() for r in caplog.records if r.getMessage().startswith("embedding ")]
        assert store.links().clusters == clusters
    assert first and first[0].endswith("(0 stored)")
    assert again == []


def _in_copies(article: str, links: CorpusLinks) -> bool:
    return any(article in (c.a.article, c.b.article) for c in links.copies)
