"""``newstrace stats``: what the database holds."""

from __future__ import annotations

import json
from dataclasses import asdict

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption
from newstrace.store import Store
from newstrace.store.opening import require_database
from newstrace.store.stats import corpus_stats

__all__ = ["stats_command"]


@app.command("stats")
def stats_command(
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Counts of documents, articles, findings and errors in the database."""
    setup_logging(verbose, quiet)
    require_database(db)
    with Store(db) as store:
        stats = corpus_stats(store)
    if json_out:
        typer.echo(json.dumps(asdict(stats), indent=1))
        return
    typer.echo(f"Database: {stats.database}")
    for name, count in stats.counts.items():
        typer.echo(f"  {name.replace('_', ' '):<18} {count:>8}")
    if stats.first_published:
        typer.echo(f"  published from {stats.first_published} to {stats.last_published}")
    for stage, count in stats.errors_by_stage.items():
        typer.echo(f"  errors in {stage:<10} {count:>8}")
