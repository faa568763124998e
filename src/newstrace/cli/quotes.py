"""``newstrace quotes``: quotes by speaker (any name or alias), words, dates, kind, source or site."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import LimitOption, OffsetOption, echo_json, echo_table, more_note, opened, short
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption

__all__ = ["quotes_command"]

TITLE_CELL = 40  # characters of a title or source: the quote gets the width


@app.command("quotes")
def quotes_command(
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Any name or alias of the speaker.", metavar="NAME")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Words the quote holds (all of them).", metavar="WORDS")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Said on or after (YYYY[-MM[-DD]]).", metavar="DATE")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Said on or before (YYYY[-MM[-DD]]).", metavar="DATE")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="direct, fragment, slogan or scare.", metavar="K")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="An input path, or a folder of inputs.", metavar="S")
    ] = None,
    site: Annotated[
        str | None, typer.Option("--site", help="The host of the article's URL.", metavar="HOST")
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Quotes with their speaker's canonical name, date said, and article (title, site, date)."""
    setup_logging(verbose, quiet)
    from newstrace.query.quote_search import QuoteFilter, find_quotes  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        page = find_quotes(
            corpus, QuoteFilter(speaker, text, since, until, kind, source, site), limit, offset
        )
    if json_out:
        echo_json(page)
        return
    echo_table(
        ["said on", "speaker", "quote", "published", "site", "article", "source", "id"],
        [
            [
                r.quote.said_on or "",
                r.speaker_name or "?",
                r.quote.text,
                r.article.published or "",
                r.article.site,
                short(r.article.title, TITLE_CELL),
                short(r.article.source, TITLE_CELL),
                r.quote.id,
            ]
            for r in page.items
        ],
    )
    more_note(page)
