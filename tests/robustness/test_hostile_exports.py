"""Exports: any text survives every format, files are written whole or not at all, and a bad output
path is refused before the analysis starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli.main import app
from newstrace.errors import OutputError
from newstrace.export.formats import write_export
from newstrace.export.gdelt import read_gkg
from newstrace.export.outputs import atomic_text
from newstrace.export.tables import read_tables
from newstrace.export.view import CorpusView
from newstrace.model import Article, ArticleFindings, CorpusLinks, Error, Quote
from tests.robustness.hostile import GOOD

# Texts that break naive CSV/TSV writers: quotes of both kinds, tabs, newlines, separators.
NASTY = [
    'He said "no" twice.',
    "a\ttab and a\nnewline and a\r\ncarriage return",
    "commas, semicolons; pipes | hashes # and 'single quotes'",
    '"""',
    "",
]


def _view(text: str) -> CorpusView:
    body = f"Lead sentence. “{text}” the minister said."
    article = Article("a1", "d1", 0, 'x"1.txt', None, f"Title {text}", None, None, body, None)
    start = body.index("“") + 1
    quote = Quote("q1", "a1", start, start + len(text), text, "direct", "Jo", None, "said", None)
    found = ArticleFindings(article, quotes=(quote,))
    return CorpusView((found,), CorpusLinks(), (Error(f"bad {text}.txt", "ingest", f"message {text}"),))


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_keep_any_text(tmp_path: Path, text: str, fmt: str) -> None:
    view = _view(text)
    write_export(view, fmt, tmp_path / "out")
    back = read_tables(str(tmp_path / "out"), fmt)  # a str path works as well as a Path
    assert back["articles"] == [view.findings[0].article]
    assert back["quotes"] == [view.findings[0].quotes[0]]
    assert back["errors"] == list(view.errors)
    assert not list((tmp_path / "out").glob("*.partial"))


@pytest.mark.parametrize("text", NASTY)
def test_gdelt_rows_stay_rows_whatever_the_quote_holds(tmp_path: Path, text: str) -> None:
    write_export(_view(text), "gdelt", tmp_path)
    lines = (tmp_path / "gkg.tsv").read_text(encoding="utf-8").split("\n")
    assert len(lines) == 2 and lines[1] == ""  # one row, ended by one newline
    (row,) = read_gkg(tmp_path / "gkg.tsv")
    assert [q[:2] for q in row.quotations] == [(_view(text).findings[0].quotes[0].start, len(text))]


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n")
    with pytest.raises(OutputError, match="disk full"), atomic_text(path) as out:
        out.write("half of the new")
        raise OSError(28, "disk full")
    assert path.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [path]


def _analyze(tmp_path: Path, runner: CliRunner, *extra: str) -> tuple[int, str]:
    page = tmp_path / "page.txt"
    page.write_text(GOOD)
    args = ["analyze", str(page), "--db", str(tmp_path / "t.db"), "--stages", "", "--no-link", *extra]
    result = runner.invoke(app, args)
    return result.exit_code, result.stderr


# (where --export points, words of the refusal)
BAD_EXPORTS = [
    (lambda d: d / "missing" / "out.jsonl", "does not exist"),
    (lambda d: d, "is a folder"),
]


@pytest.mark.parametrize(("where", "words"), BAD_EXPORTS, ids=["missing-folder", "a-folder"])
def test_a_bad_export_path_is_refused_before_the_analysis(
    tmp_path: Path, runner: CliRunner, where: object, words: str
) -> None:
    target = where(tmp_path)  # type: ignore[operator]  # the table's path makers
    code, stderr = _analyze(tmp_path, runner, "--export", str(target))
    assert code == 2, stderr
    assert words in stderr and "Traceback" not in stderr
    assert not (tmp_path / "t.db").exists()  # refused before the database was even opened


@pytest.mark.parametrize(
    ("fmt", "where", "words"),
    [
        ("csv", "file.txt", "is a file"),
        ("gdelt", None, "give a folder"),
        ("jsonl", "missing/out.jsonl", "does not exist"),
        ("xml", "out", "unknown export format"),
    ],
)
def test_export_refuses_bad_outputs_before_reading(
    tmp_path: Path, runner: CliRunner, fmt: str, where: str | None, words: str
) -> None:
    assert _analyze(tmp_path, runner)[0] == 0
    (tmp_path / "file.txt").write_text("x")
    out = ["-o", str(tmp_path / where)] if where else []
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "t.db"), "-f", fmt, *out])
    assert result.exit_code == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
