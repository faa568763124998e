"""``newstrace search``: full text over articles, quotes and entities."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import LimitOption, OffsetOption, echo_json, echo_table, marked, opened
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption

__all__ = ["search_command"]


@app.command("search")
def search_command(
    words: Annotated[list[str], typer.Argument(help="Words to find (all of them).", metavar="WORDS")],
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Articles, quotes and entities that hold every word, best first."""
    setup_logging(verbose, quiet)
    from newstrace.query.fulltext import search_corpus  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        found = search_corpus(corpus, " ".join(words), limit, offset)
    if json_out:
        echo_json(found)
        return
    for title, hits in (("Articles", found.articles), ("Quotes", found.quotes), ("Entities", found.entities)):
        typer.echo(f"\n{title} ({len(hits)})")
        echo_table(
            ["match", "in", "site", "id"],
            [[marked(h.snippet), h.title, h.article.site if h.article else "", h.id] for h in hits],
        )
