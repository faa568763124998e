"""Bad input: each case gives one error record naming the input and the problem, one line on
stderr (no traceback), exit code 1, and every good input of the same run stored."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli.main import app
from tests.conftest import ROOT

GOOD = "Good page\n\nThis page is fine and has a full sentence in it.\n"
BIG = 200 * 1024 * 1024
NO_STEPS = ["--stages", ""]  # reading inputs is under test here, not analysis: skip loading spaCy


def _binary(p: Path) -> Path:
    p = p.with_suffix(".txt")
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    return p


def _empty(p: Path) -> Path:
    p = p.with_suffix(".txt")
    p.write_bytes(b"")
    return p


def _bad_json_line(p: Path) -> Path:
    p = p.with_suffix(".jsonl")
    p.write_text(
        '{"id": "a", "text": "First record."}\n{"id": "b", "text": oops}\n{"id": "c", "text": "Third."}\n'
    )
    return p


def _no_text(p: Path) -> Path:
    p = p.with_suffix(".jsonl")
    p.write_text('{"id": "a", "text": "First record."}\n{"id": "b", "body": "no text field"}\n')
    return p


def _nested_divs(p: Path) -> Path:
    p = p.with_suffix(".html")
    p.write_text("<html><body>" + "<div>" * 20000 + "<p>deep</p>" + "</div>" * 20000 + "</body></html>")
    return p


def _huge_line(p: Path) -> Path:
    p = p.with_suffix(".txt")
    with p.open("wb") as fh:
        chunk = b"word " * (1 << 18)
        for _ in range(BIG // len(chunk) + 1):
            fh.write(chunk)
    return p


def _huge_jsonl_line(p: Path) -> Path:
    p = p.with_suffix(".jsonl")
    with p.open("wb") as fh:
        fh.write(b'{"id": "big", "text": "')
        chunk = b"word " * (1 << 18)
        for _ in range(BIG // len(chunk) + 1):
            fh.write(chunk)
        fh.write(b'"}\n{"id": "small", "text": "After the big one."}\n')
    return p


def _truncated_warc(p: Path) -> Path:
    full = p.with_name("full.warc.gz")
    subprocess.run(
        [sys.executable, str(ROOT / "examples" / "build_warc.py"), str(full)], check=True, capture_output=True
    )
    data = full.read_bytes()
    full.unlink()
    p = p.with_name("cut.warc.gz")
    p.write_bytes(data[: int(len(data) * 0.75)])
    return p


def _missing(p: Path) -> Path:
    return p.with_name("does-not-exist.txt")


# (make the bad input, words the error message must contain, source suffix of the error record)
CASES: list[tuple[Callable[[Path], Path], str, str]] = [
    (_empty, "empty", ""),
    (_binary, "PNG image", ""),
    (_bad_json_line, "not valid JSON", "#2"),
    (_no_text, "no 'text' field", "#2"),
    (_nested_divs, "nested more than 1000 levels", ""),
    (_huge_line, "over the 50 MB limit", ""),
    (_huge_jsonl_line, "longer than", "#1"),
    (_truncated_warc, "truncated archive", "#5"),
    (_missing, "no such file", ""),
]


@pytest.mark.parametrize(("make", "words", "suffix"), CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_bad_input_is_one_clear_error_and_the_rest_is_stored(
    tmp_path: Path, runner: CliRunner, make: Callable[[Path], Path], words: str, suffix: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD)
    bad = make(inputs / "bad")
    export = tmp_path / "out.jsonl"
    args = [
        "analyze",
        str(inputs),
        str(bad),
        "--db",
        str(tmp_path / "t.db"),
        "--export",
        str(export),
        *NO_STEPS,
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.stderr
    records = [json.loads(line) for line in export.read_text().splitlines()]
    errors = [r for r in records if r["type"] == "error"]
    assert len(errors) == 1, errors
    assert errors[0]["source"] == str(bad) + suffix
    assert words in errors[0]["message"]
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("newstrace: error:")]
    assert len(error_lines) == 1 and str(bad) in error_lines[0]
    texts = [r["text"] for r in records if r["type"] == "article"]
    assert "This page is fine and has a full sentence in it." in texts


def test_good_records_around_a_bad_line_are_stored(tmp_path: Path, runner: CliRunner) -> None:
    feed = _bad_json_line(tmp_path / "feed")
    export = tmp_path / "out.jsonl"
    runner.invoke(
        app, ["analyze", str(feed), "--db", str(tmp_path / "t.db"), "--export", str(export), *NO_STEPS]
    )
    articles = [json.loads(x) for x in export.read_text().splitlines() if '"type":"article"' in x]
    assert [a["source_id"] for a in articles] == ["a", "c"]


def test_truncated_warc_keeps_the_records_before_the_break(tmp_path: Path, runner: CliRunner) -> None:
    warc = _truncated_warc(tmp_path / "x")
    export = tmp_path / "out.jsonl"
    runner.invoke(
        app, ["analyze", str(warc), "--db", str(tmp_path / "t.db"), "--export", str(export), *NO_STEPS]
    )
    titles = [json.loads(x)["title"] for x in export.read_text().splitlines() if '"type":"article"' in x]
    assert titles == ["North Calder imposes overnight curfew after clashes"]


@pytest.mark.parametrize(("encoding", "name"), [("latin-1", "latin1.txt"), ("utf-16", "utf16.txt")])
def test_latin1_and_utf16_files_are_read_not_refused(
    tmp_path: Path, runner: CliRunner, encoding: str, name: str
) -> None:
    page = tmp_path / name
    page.write_bytes("Café talks\n\nThe café in Zürich hosted the talks, officials said.\n".encode(encoding))
    export = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["analyze", str(page), "--db", str(tmp_path / "t.db"), "--export", str(export)]
    )
    assert result.exit_code == 0, result.stderr
    article = json.loads(export.read_text().splitlines()[0])
    assert article["title"] == "Café talks"
    assert article["text"] == "The café in Zürich hosted the talks, officials said."


def test_gzip_that_is_not_a_warc(tmp_path: Path, runner: CliRunner) -> None:
    bogus = tmp_path / "bogus.warc.gz"
    bogus.write_bytes(gzip.compress(b"this is not a WARC record at all\n" * 10))
    result = runner.invoke(app, ["analyze", str(bogus), "--db", str(tmp_path / "t.db"), *NO_STEPS])
    assert result.exit_code == 1
    assert "bogus.warc.gz" in result.stderr and "Traceback" not in result.stderr
