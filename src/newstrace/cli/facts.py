"""``newstrace facts``: figures (of an event, about some words, or given by one source), by who gives them."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import echo_json, echo_table, opened
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption

__all__ = ["facts_command"]


@app.command("facts")
def facts_command(
    event: Annotated[
        str | None, typer.Option("--event", help="The figures of this event id.", metavar="ID")
    ] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="Words of the figure, unit or place.", metavar="WORDS")
    ] = None,
    asserted_by: Annotated[
        str | None, typer.Option("--asserted-by", help="Any name or alias of the source.", metavar="NAME")
    ] = None,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Figures grouped by who gives them (a named source, or the writer when none is named)."""
    setup_logging(verbose, quiet)
    from newstrace.query.figures import find_facts  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        groups = find_facts(corpus, event, about, asserted_by)
    if json_out:
        echo_json(groups)
        return
    for group in groups:
        typer.echo(
            f"\n{group.asserted_by or '(the writer: no source named)'}"
            + (f"  [entity {group.entity}]" if group.entity else "")
        )
        echo_table(
            ["figure", "unit", "date", "place", "site", "article", "id"],
            [
                [
                    f.fact.text,
                    f.fact.unit,
                    f.fact.date or "",
                    f.fact.place or "",
                    f.article.site,
                    f.article.title or "",
                    f.fact.id,
                ]
                for f in group.facts
            ],
        )
