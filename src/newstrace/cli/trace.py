"""``newstrace trace``: a remark across the corpus, from its earliest article to every repetition."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import echo_json, echo_table, opened
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption

__all__ = ["trace_command"]


@app.command("trace")
def trace_command(
    quote: Annotated[
        str, typer.Argument(help="A quote id, or words of the quote.", metavar="QUOTE_ID|WORDS")
    ],
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """The earliest article that carries a remark, then each repetition (identical, edited, translation)."""
    setup_logging(verbose, quiet)
    from newstrace.query.trace import find_trace  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        found = find_trace(corpus, quote)
    if found is None:
        typer.echo(f"newstrace: no quote is {quote!r} or holds its words", err=True)
        raise typer.Exit(1)
    if json_out:
        echo_json(found)
        return
    typer.echo(f"“{found.quote.quote.text}” — {found.quote.speaker_name or 'unknown speaker'}")
    echo_table(
        ["relation", "date", "site", "words", "article", "copies"],
        [
            [
                s.relation,
                s.row.article.published or "?",
                s.row.article.site,
                s.row.quote.text,
                s.row.article.title or s.row.article.id,
                " ".join(s.copies),
            ]
            for s in found.steps
        ],
    )
