"""Progress on stderr: the phase (loading, reading, linking), a bar with counts, rate and ETA on a
terminal, and one line per error."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from newstrace.ingest.documents import REPAIR_STAGE

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from newstrace.run.runner import Progress as RunProgress

__all__ = ["ProgressDisplay"]

MB = 1024 * 1024
MAX_ERROR_LINES = 50  # after this many, errors are only counted (they are all stored and exported)
PHASES = {
    "loading": "loading models",
    "reading": "reading and analysing",
    "linking": "linking the corpus",
}


class ProgressDisplay:
    """Shows a run's progress; use as a context manager and pass ``update`` as the callback."""

    def __init__(self, quiet: bool, console: Console | None = None) -> None:
        self.quiet = quiet
        self.shown_errors = 0
        self.hidden_errors = 0
        self.bar = None if quiet else _terminal_bar(console)
        self.task = self.bar.task_ids[0] if self.bar is not None else None

    def __enter__(self) -> ProgressDisplay:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.stop()
        if self.hidden_errors:
            self._line(
                f"newstrace: ... and {self.hidden_errors} more errors (all are stored; "
                "see the error records of the export)"
            )

    def update(self, event: RunProgress) -> None:
        """Callback for :func:`newstrace.run.analyze_corpus`."""
        if self.bar is not None and self.task is not None:
            reading = event.phase == "reading" and event.bytes_total > 0
            self.bar.update(
                self.task,
                description=PHASES.get(event.phase, event.phase),
                completed=event.bytes_done,
                total=event.bytes_total if reading else None,  # a moving bar while loading or linking
                size=f"{event.bytes_done / MB:.1f}/{event.bytes_total / MB:.1f} MB, " if reading else "",
                docs=event.documents,
                errors=event.errors,
            )
        if event.error is not None:
            if self.shown_errors < MAX_ERROR_LINES:
                self.shown_errors += 1
                err = event.error
                kind = "warning" if err.stage == REPAIR_STAGE else "error"
                self._line(f"newstrace: {kind}: {err.source}: {err.message} [{err.stage}]")
            else:
                self.hidden_errors += 1

    def _line(self, text: str) -> None:
        if self.bar is not None:
            self.bar.console.print(text, markup=False, soft_wrap=True)
        else:
            print(text, file=sys.stderr)


def _terminal_bar(console: Console | None) -> Progress | None:
    """A progress bar on ``console`` (default: stderr) if it is a terminal; rich is imported only
    for a run that may show one."""
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import (  # noqa: PLC0415
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    shown = console or Console(stderr=True, highlight=False)
    if not shown.is_terminal:
        return None
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[size]}{task.fields[docs]} docs, {task.fields[errors]} errors"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=shown,
        transient=True,
    )
    bar.add_task(PHASES["loading"], total=None, docs=0, errors=0, size="")
    return bar
