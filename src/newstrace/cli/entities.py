"""``newstrace entities``: the corpus entities, by kind and name."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import LimitOption, OffsetOption, echo_json, echo_table, more_note, opened
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption

__all__ = ["entities_command"]


@app.command("entities")
def entities_command(
    kind: Annotated[
        str | None, typer.Option("--kind", help="PER, ORG, NORP, GPE, LOC, FAC, EVENT...", metavar="K")
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Entities with their aliases and how often they are mentioned."""
    setup_logging(verbose, quiet)
    from newstrace.query.entity_pages import list_entities  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        page = list_entities(corpus, kind, limit, offset)
    if json_out:
        echo_json(page)
        return
    echo_table(
        ["kind", "name", "aliases", "mentions", "id"],
        [
            [e.kind, e.name, ", ".join(a for a in e.aliases if a != e.name), str(len(e.mentions)), e.id]
            for e in page.items
        ],
    )
    more_note(page)
