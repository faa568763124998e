"""The commands through typer's runner: exit codes, outputs, JSON, usage errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace import __version__
from newstrace.cli.main import app
from newstrace.store import Store


def _page(folder: Path, name: str = "p.txt", body: str = "Officials said 40 people came.") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"A headline\n\n{body}\n")
    return path


def test_analyze_then_export_and_stats(tmp_path: Path, runner: CliRunner) -> None:
    page = _page(tmp_path / "in")
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["analyze", str(page), "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "1 new document(s)" in result.stdout
    exported = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    assert exported.exit_code == 0
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [(r["title"], r["text"]) for r in records if r["type"] == "article"] == [
        ("A headline", "Officials said 40 people came.")
    ]
    assert [(r["value"], r["unit"]) for r in records if r["type"] == "fact"] == [(40, "people")]
    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert json.loads(stats.stdout)["counts"]["articles"] == 1


def test_export_to_a_file(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["analyze", str(_page(tmp_path / "in")), "--db", db])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--db", db, "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text().count('"type":"article"') == 1


def test_analyze_json_report(tmp_path: Path, runner: CliRunner) -> None:
    page = _page(tmp_path / "in")
    result = runner.invoke(
        app, ["analyze", str(page), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "t.db"), "--json"]
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["documents_new"] == 1
    assert report["errors"] == [
        {"source": str(tmp_path / "missing.txt"), "stage": "ingest", "message": "no such file or folder"}
    ]


def test_analyze_scoped_export_holds_only_this_runs_inputs(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["analyze", str(_page(tmp_path / "a", body="First page text.")), "--db", db])
    out = tmp_path / "out.jsonl"
    runner.invoke(
        app,
        ["analyze", str(_page(tmp_path / "b", body="Second page text.")), "--db", db, "--export", str(out)],
    )
    records = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["text"] for r in records if r["type"] == "article"] == ["Second page text."]


STDIN_FEED = '{"id": "x1", "text": "Piped in."}\n'


@pytest.mark.parametrize(
    ("flags", "source"),
    [
        ([], f"stdin-{hashlib.sha256(STDIN_FEED.encode()).hexdigest()[:12]}#1"),  # named by its content
        (["--name", "wire/feed.jsonl"], "wire/feed.jsonl#1"),
    ],
)
def test_stdin(tmp_path: Path, runner: CliRunner, flags: list[str], source: str) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        ["analyze", "-", *flags, "--db", str(tmp_path / "t.db"), "--export", str(out), "--stages", ""],
        input=STDIN_FEED,
    )
    assert result.exit_code == 0, result.stderr
    article = json.loads(out.read_text().splitlines()[0])
    assert (article["source"], article["source_id"], article["text"]) == (source, "x1", "Piped in.")


def test_two_different_stdin_runs_keep_both(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "t.db")
    for text in ("First stream.", "Second stream."):
        feed = json.dumps({"text": text}) + "\n"
        result = runner.invoke(app, ["analyze", "-", "--db", db, "--stages", "", "--no-link"], input=feed)
        assert result.exit_code == 0, result.stderr
    with Store(db) as store:
        assert sorted(a.text for a in store.articles()) == ["First stream.", "Second stream."]


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "x.txt", "--jobs", "-1"],
        ["export", "--format", "xml"],
        ["analyze", "x.txt", "--stages", "nonsense"],
        ["analyze", "x.txt", "--plugin", "no.such.module:STAGE"],
        ["stats", "--db", "/no/such/dir/x.db"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2_with_one_line_and_no_traceback(
    tmp_path: Path, runner: CliRunner, args: list[str]
) -> None:
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "t.db")] if args[0] == "export" else args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_unopenable_database(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "dir.db").mkdir()
    result = runner.invoke(app, ["analyze", str(_page(tmp_path / "in")), "--db", str(tmp_path / "dir.db")])
    assert result.exit_code == 2
    assert "cannot open the database" in result.stderr


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.stdout.strip() == f"newstrace {__version__}"


def test_config_file_sets_options_and_flags_override_it(tmp_path: Path, runner: CliRunner) -> None:
    config = tmp_path / "newstrace.toml"
    config.write_text("[analyze]\nstages = []\n[segment]\nsplit_pages = false\n", encoding="utf-8")
    page = _page(tmp_path / "in")
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["analyze", str(page), "--db", db, "--config", str(config), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["counts"].get("facts", 0) == 0  # no analysis step ran
    again = runner.invoke(
        app, ["analyze", str(page), "--db", db, "--config", str(config), "--stages", "dates", "--json"]
    )
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["counts"]["dates"] == 0 and json.loads(again.stdout)["documents_new"] == 1


def test_a_bad_config_file_is_a_usage_error(tmp_path: Path, runner: CliRunner) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[analyze]\nstagez = []\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "x.txt", "--config", str(config)])
    assert result.exit_code == 2
    assert "bad.toml: analyze: unknown option 'stagez'" in result.stderr
