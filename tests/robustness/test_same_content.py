"""Identity by content: the same corpus given twice, under other paths, from another folder or
through stdin, holds the same rows as given once; another name is noted, not stored again."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli.main import app
from newstrace.run import RunOptions, analyze_corpus
from newstrace.store import Store

NO_ANALYSIS = ["--stages", "", "--no-link"]


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("Page A\n\nThe first page says something.\n")
    (folder / "b.html").write_text(
        "<html><body><article><h1>Page B</h1><p>The second page, in HTML, says more about the budget "
        "and the vote that the council expects next month.</p></article></body></html>"
    )
    feed = "".join(json.dumps({"id": str(i), "text": f"Record {i} of the feed."}) + "\n" for i in range(3))
    (folder / "feed.jsonl").write_text(feed)
    return folder


def _rows(db: Path) -> dict[str, int]:
    with Store(str(db)) as store:
        return store.counts()


def _analyze(runner: CliRunner, db: Path, *inputs: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, ["analyze", *inputs, "--db", str(db), *NO_ANALYSIS], input=stdin)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_same_corpus_under_other_names_adds_no_rows(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "pages")
    db = tmp_path / "t.db"
    _analyze(runner, db, str(corpus))
    once = _rows(db)
    monkeypatch.chdir(tmp_path)
    _analyze(runner, db, "./pages/")  # the same folder, named another way
    shutil.copytree(corpus, tmp_path / "copy")
    said = _analyze(runner, db, str(tmp_path / "copy"))  # the same files in another folder
    assert "5 unchanged (5 already stored under another name" in said
    (tmp_path / "link").symlink_to(corpus)
    _analyze(runner, db, str(tmp_path / "link" / "a.txt"), str(corpus / "a.txt"))  # twice in one run
    _analyze(runner, db, "-", stdin=(corpus / "feed.jsonl").read_text())  # through stdin
    assert _rows(db) == once
    with Store(str(db)) as store:
        (doc,) = [d for d in store.documents() if d.source.endswith("a.txt")]
        names = store.names(doc.id)
    assert names[0] == str(corpus / "a.txt") and len(names) >= 3


def test_a_changed_source_replaces_its_old_version_only(tmp_path: Path) -> None:
    page, other = tmp_path / "page.txt", tmp_path / "other.txt"
    page.write_text("Title\n\nThe first version.\n")
    other.write_text("Title\n\nThe first version.\n")  # the same content under another name
    options = RunOptions(link=False)
    options = replace(options, analyze=replace(options.analyze, stages=()))
    with Store(str(tmp_path / "t.db")) as store:
        analyze_corpus([str(page), str(other)], store, options)
        page.write_text("Title\n\nThe second version.\n")
        report = analyze_corpus([str(page)], store, options)
        texts = sorted(a.text for a in store.articles())
    assert report.documents_new == 1
    assert texts == ["The first version.", "The second version."]  # other.txt still names the first


def test_two_stdin_runs_of_the_same_lines_keep_one_copy(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "t.db"
    feed = json.dumps({"text": "Piped in."}) + "\n"
    _analyze(runner, db, "-", stdin=feed)
    _analyze(runner, db, "-", "--name", "wire", stdin=feed)
    assert _rows(db)["articles"] == 1
