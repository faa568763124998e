"""The hostile battery: each case is one small generated bad input, given to ``analyze`` next to a
good page. The run never ends with an internal error; the bad input gets the error records it
should (naming it), its readable records are stored, and the good page is stored and exported."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli.main import app
from newstrace.run import Progress, RunOptions, analyze_corpus
from newstrace.store import Store
from tests.robustness.cases import CASES, Case
from tests.robustness.hostile import GOOD, GOOD_TEXT, archive, html_record, http_response, page, warc_record

NO_ANALYSIS = ("--stages", "", "--no-link")  # reading is under test here: skip spaCy and linking


def _run(tmp_path: Path, runner: CliRunner, case: Case) -> tuple[int, str, list[dict[str, object]], Path]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD)
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad = case.make(bad_dir)
    export = tmp_path / "out.jsonl"
    args = ["analyze", str(inputs), str(bad), "--db", str(tmp_path / "t.db"), "--export", str(export)]
    result = runner.invoke(app, [*args, *NO_ANALYSIS, *case.args])
    records = [json.loads(line) for line in export.read_text().splitlines()] if export.exists() else []
    return result.exit_code, result.stderr, records, bad


def _of(records: list[dict[str, object]], bad: Path, kind: str) -> list[dict[str, object]]:
    name = str(bad).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return [r for r in records if r["type"] == kind and str(r["source"]).startswith(name)]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(tmp_path: Path, runner: CliRunner, case: Case) -> None:
    code, stderr, records, bad = _run(tmp_path, runner, case)
    assert code == case.exit_code, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    errors = [e for e in _of(records, bad, "error") if e["stage"] != "repair"]
    assert len(errors) == case.errors, errors
    assert all(case.words in str(e["message"]) for e in errors), errors
    assert len([e for e in _of(records, bad, "error") if e["stage"] == "repair"]) == case.warnings
    if case.stored is not None:
        assert len(_of(records, bad, "article")) == case.stored, [r for r in records if r["type"] != "error"]
    assert GOOD_TEXT in [r["text"] for r in records if r["type"] == "article"]


# (what arrives on stdin, its articles stored, its error records)
STDIN_CASES = [
    (archive([warc_record(None, http_response(page("No URI").encode()))], gzipped=True), 1, 0),
    (archive([html_record(1), html_record(2, length_delta=300), html_record(3)], gzipped=True), 2, 1),
    (b'{"text": "A broken \\ud800 surrogate."}\n{"text": oops}\n', 1, 1),
    (b"", 0, 1),
]


@pytest.mark.parametrize(("data", "stored", "errors"), STDIN_CASES, ids=["no-uri", "long", "jsonl", "empty"])
def test_hostile_stdin(tmp_path: Path, runner: CliRunner, data: bytes, stored: int, errors: int) -> None:
    export = tmp_path / "out.jsonl"
    args = ["analyze", "-", "--name", "piped", "--db", str(tmp_path / "t.db"), "--export", str(export)]
    result = runner.invoke(app, [*args, *NO_ANALYSIS], input=data)
    assert result.exit_code == (1 if errors else 0), result.stderr
    records = [json.loads(line) for line in export.read_text().splitlines()]
    failures = [r for r in records if r["type"] == "error" and r["stage"] != "repair"]
    assert all(str(r["source"]).startswith("piped") for r in records if "source" in r)
    assert (len([r for r in records if r["type"] == "article"]), len(failures)) == (stored, errors)


def test_a_file_that_vanishes_before_it_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").write_text("Gone soon\n\nThis file is deleted while the run reads a.txt.\n")
    options = RunOptions(link=False)
    options = replace(options, analyze=replace(options.analyze, stages=()))

    def delete_b(_event: Progress) -> None:
        (folder / "b.txt").unlink(missing_ok=True)  # after the inputs were listed, before b is read

    with Store(str(tmp_path / "t.db")) as store:
        report = analyze_corpus([str(folder)], store, options, progress=delete_b)
        texts = [a.text for a in store.articles()]
    assert [(e.source, e.message) for e in report.errors] == [
        (str(folder / "b.txt"), "cannot open: No such file or directory")
    ]
    assert texts == [GOOD_TEXT]


def test_a_repaired_text_is_a_warning_not_an_error(tmp_path: Path, runner: CliRunner) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "a \\ud800 b"}\n')
    result = runner.invoke(app, ["analyze", str(feed), "--db", str(tmp_path / "t.db"), *NO_ANALYSIS])
    assert result.exit_code == 0, result.stderr
    assert "0 error(s), 1 repaired text(s)." in result.stdout
    assert f"newstrace: warning: {feed}#1: 1 lone surrogate" in result.stderr
