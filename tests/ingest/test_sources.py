"""Expanding what the user typed: files, folders, globs, stdin, missing paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.ingest import STDIN, InputRef, expand_inputs
from newstrace.ingest.sources import format_of
from newstrace.model import Error


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.md", "text"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.jsonl", "jsonl"),
        ("a.warc", "warc"),
        ("crawl.warc.gz", "warc"),
        ("a.gz", None),
        ("README", None),
    ],
)
def test_format_of(name: str, fmt: str | None) -> None:
    assert format_of(name) == fmt


def _tree(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "sub" / "b.html").write_text("<p>B</p>")
    (tmp_path / "sub" / "c.jsonl").write_text("{}")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("secret")


def test_folder_is_read_recursively_with_known_suffixes_only(tmp_path: Path) -> None:
    _tree(tmp_path)
    refs = list(expand_inputs([str(tmp_path)]))
    assert [Path(r.name).relative_to(tmp_path).as_posix() for r in refs if isinstance(r, InputRef)] == [
        "a.txt",
        "sub/b.html",
        "sub/c.jsonl",
    ]


def test_glob_and_duplicates(tmp_path: Path) -> None:
    _tree(tmp_path)
    refs = list(expand_inputs([f"{tmp_path}/**/*.html", str(tmp_path / "sub" / "b.html")]))
    assert [r.name for r in refs if isinstance(r, InputRef)] == [str(tmp_path / "sub" / "b.html")]


def test_missing_path_and_empty_glob_are_errors(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    found = list(expand_inputs([missing, f"{tmp_path}/*.xml"]))
    assert found == [
        Error(missing, "ingest", "no such file or folder"),
        Error(f"{tmp_path}/*.xml", "ingest", "no file matches this pattern"),
    ]


def test_dash_is_stdin() -> None:
    assert list(expand_inputs(["-"])) == [InputRef(STDIN, None, None)]
