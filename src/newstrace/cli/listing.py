"""What the query commands share: their options, opening the corpus, and printing a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, TypeVar

import typer

from newstrace.query import Corpus, open_corpus
from newstrace.query.records import MAX_PAGE_SIZE, Page, as_json

__all__ = ["LimitOption", "OffsetOption", "echo_json", "echo_table", "marked", "more_note", "opened", "short"]

T = TypeVar("T")
MAX_CELL = 60  # characters of a table cell on the terminal; --json gives every character

LimitOption = Annotated[
    int, typer.Option("--limit", "-n", help="At most this many rows.", min=1, max=MAX_PAGE_SIZE, metavar="N")
]
OffsetOption = Annotated[
    int, typer.Option("--offset", help="Skip this many rows (the next page).", min=0, metavar="N")
]


@contextmanager
def opened(db: str) -> Iterator[Corpus]:
    """The corpus in ``db``, opened read-only."""
    corpus = open_corpus(db)
    try:
        yield corpus
    finally:
        corpus.close()


def echo_json(value: object) -> None:
    """Print a query result as JSON."""
    typer.echo(json.dumps(as_json(value), ensure_ascii=False, indent=1))


def short(text: str | None, width: int = MAX_CELL) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def marked(snippet: str) -> str:
    """A search snippet with its matched words in [brackets]."""
    return snippet.replace("\x02", "[").replace("\x03", "]")


def echo_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print rows under headers in aligned columns."""
    cells = [[short(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    for row in [list(headers), ["-" * w for w in widths], *cells]:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def more_note(page: Page[T]) -> None:
    """Say on stderr how to get the next page, when there is one."""
    if page.more:
        typer.echo(f"(more: --offset {page.offset + page.limit})", err=True)
