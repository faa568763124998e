"""The progress display names each phase, with counts of documents and errors, and MB while reading."""

from __future__ import annotations

import io

from rich.console import Console

from newstrace.cli.progress import ProgressDisplay
from newstrace.model import Error
from newstrace.run import Progress

MB = 1024 * 1024
# (event, words the display shows for it)
EVENTS = [
    (Progress(0, 0, 0, 0, phase="loading"), ["loading models", "0 docs, 0 errors"]),
    (Progress(MB, 4 * MB, 3, 1, phase="reading"), ["reading and analysing", "1.0/4.0 MB, 3 docs, 1 errors"]),
    (Progress(4 * MB, 4 * MB, 9, 1, phase="linking"), ["linking the corpus", "9 docs, 1 errors"]),
]


def test_each_phase_is_shown_with_its_counts() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=150, color_system=None)
    with ProgressDisplay(quiet=False, console=console) as display:
        assert display.bar is not None
        for event, words in EVENTS:
            display.update(event)
            display.bar.refresh()
            assert all(w in out.getvalue() for w in words), words


def test_errors_and_warnings_get_one_line_each() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=200, color_system=None)
    with ProgressDisplay(quiet=False, console=console) as display:
        display.update(Progress(0, 0, 0, 1, Error("a.jsonl#2", "ingest", "not valid JSON")))
        display.update(Progress(0, 0, 0, 2, Error("a.jsonl#3", "repair", "1 NUL replaced")))
    text = out.getvalue()
    assert "newstrace: error: a.jsonl#2: not valid JSON [ingest]" in text
    assert "newstrace: warning: a.jsonl#3: 1 NUL replaced [repair]" in text
