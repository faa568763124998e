"""``newstrace events``: events by date, with their figures by who gives them."""

from __future__ import annotations

from newstrace.cli.app import app, setup_logging
from newstrace.cli.listing import LimitOption, OffsetOption, echo_json, echo_table, more_note, opened
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption
from newstrace.query.records import AssertedFigures

__all__ = ["events_command"]


def _figures(groups: tuple[AssertedFigures, ...]) -> str:
    return "; ".join(
        f"{g.asserted_by or 'writer'}: " + ", ".join(f"{f.fact.text} {f.fact.unit}".strip() for f in g.facts)
        for g in groups
    )


@app.command("events")
def events_command(
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Events (date, place, kind) with the figures each source gives about them."""
    setup_logging(verbose, quiet)
    from newstrace.query.figures import list_events  # noqa: PLC0415  # the query layer: only for this command

    with opened(db) as corpus:
        page = list_events(corpus, limit, offset)
    if json_out:
        echo_json(page)
        return
    echo_table(
        ["date", "kind", "place", "articles", "figures by source", "id"],
        [
            [
                v.event.date or "",
                v.event.kind,
                v.event.place or "",
                str(len({s.article for s in v.event.sources})),
                _figures(v.figures),
                v.event.id,
            ]
            for v in page.items
        ],
    )
    more_note(page)
