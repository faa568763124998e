"""``newstrace entity``: one entity's page: aliases and where defined, articles, quotes, figures."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import LimitOption, OffsetOption, echo_json, echo_table, opened
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption

__all__ = ["entity_command"]


@app.command("entity")
def entity_command(
    name: Annotated[str, typer.Argument(help="An entity id, or any name or alias.", metavar="NAME|ID")],
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """An entity: its aliases (and where the text defined each), articles, quotes by it, figures it gives."""
    setup_logging(verbose, quiet)
    from newstrace.query.entity_pages import find_entity  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        view = find_entity(corpus, name, limit, offset)
    if view is None:
        typer.echo(f"newstrace: no entity is called {name!r}", err=True)
        raise typer.Exit(1)
    if json_out:
        echo_json(view)
        return
    e = view.entity
    typer.echo(f"{e.name} ({e.kind}, id {e.id}): {len(e.mentions)} mentions in {len(view.articles)} articles")
    for alias, article, span in view.alias_sources:
        typer.echo(f"  alias {alias!r}: article {article} at {span.start}-{span.end}")
    typer.echo("\nQuotes")
    echo_table(
        ["said", "quote", "site", "id"],
        [
            [r.quote.said_on or r.article.published or "", r.quote.text, r.article.site, r.quote.id]
            for r in view.quotes.items
        ],
    )
    typer.echo("\nFigures it gives")
    echo_table(
        ["date", "figure", "unit", "site", "id"],
        [[f.fact.date or "", f.fact.text, f.fact.unit, f.article.site, f.fact.id] for f in view.facts],
    )
    typer.echo("\nArticles")
    echo_table(
        ["published", "site", "title", "id"],
        [[a.published or "", a.site, a.title or "", a.id] for a in view.articles],
    )
