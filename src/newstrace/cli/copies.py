"""``newstrace copies``: who copied whom, with titles, dates, which came first and the shared passage."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import LimitOption, OffsetOption, echo_json, echo_table, more_note, opened
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption
from newstrace.query.records import ArticleRef

__all__ = ["copies_command"]


def _named(ref: ArticleRef) -> str:
    return f"{ref.title or ref.id} ({ref.site}, {ref.published or 'undated'})"


@app.command("copies")
def copies_command(
    article: Annotated[
        str | None, typer.Option("--article", help="Copies of this article id.", metavar="ID")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Copies of the articles of this input.", metavar="S")
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Pairs of articles that share a passage: which was first, how alike, and the passage."""
    setup_logging(verbose, quiet)
    from newstrace.query.copy_pairs import find_copies  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        page = find_copies(corpus, article, source, limit, offset)
    if json_out:
        echo_json(page)
        return
    rows = []
    for view in page.items:
        first, second = (view.b, view.a) if view.copy.earlier == "b" else (view.a, view.b)
        known = "by date" if view.copy.earlier else "undated"
        rows.append(
            [
                _named(first),
                known,
                _named(second),
                view.copy.relation,
                f"{view.copy.similarity:.2f}",
                view.passage_a,
                view.copy.id,
            ]
        )
    echo_table(["first (or a)", "order", "then (or b)", "relation", "similarity", "passage", "id"], rows)
    more_note(page)
