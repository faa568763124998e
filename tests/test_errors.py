"""errors.error_from: the one place where an exception becomes a stored Error record."""

from __future__ import annotations

import pytest

from newstrace.errors import InputError, MalformedInput, StageError, error_from
from newstrace.model import Error

# exception -> the message of its Error record
MESSAGES = [
    ("input error", InputError("a.txt#2", "the line is empty"), "the line is empty"),
    ("subclass", MalformedInput("a.warc", "truncated"), "truncated"),
    ("stage error", StageError("quotes", "took too long"), "took too long"),
    ("any other", ValueError("bad value"), "ValueError: bad value"),
    ("os error", FileNotFoundError(2, "No such file"), "No such file (FileNotFoundError)"),
    (
        "deep nesting",
        RecursionError("maximum recursion depth"),
        "the input is nested too deeply to be read (RecursionError)",
    ),
    ("memory", MemoryError(), "out of memory while reading or analysing this input (MemoryError)"),
    ("several lines", ValueError("first line\nINSERT INTO t VALUES ('long text')"), "ValueError: first line"),
    ("empty message", KeyError(), "KeyError"),
    ("very long", ValueError("x" * 1000), "ValueError: " + "x" * 287 + "…"),
]


@pytest.mark.parametrize(("case", "exc", "message"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_error_from(case: str, exc: BaseException, message: str) -> None:
    assert error_from(exc, "a.txt", "ingest") == Error("a.txt", "ingest", message)
