"""The hostile battery: each case is one small generated bad input, given to ``analyze`` next to a
good page. The run never ends with an internal error; the bad input gets the error records it
should (naming it), its readable records are stored, and the good page is stored and exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli.main import app
from tests.robustness.cases import CASES, Case
from tests.robustness.hostile import GOOD, GOOD_TEXT

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
