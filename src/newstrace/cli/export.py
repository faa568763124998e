"""``newstrace export``: write the stored corpus in an export format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.options import DEFAULT_DB, DbOption, QuietOption, VerboseOption
from newstrace.export import load_view
from newstrace.export.formats import FORMATS, check_export, write_export
from newstrace.store import Store
from newstrace.store.opening import require_database

__all__ = ["export_command"]


@app.command("export")
def export_command(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Export format: {', '.join(FORMATS)}.", metavar="FORMAT")
    ] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output file for jsonl (default: stdout); output folder for the other formats.",
            metavar="PATH",
        ),
    ] = None,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Export everything in the database: JSON Lines, CSV, Parquet, GDELT or ACLED tables."""
    setup_logging(verbose, quiet)
    check_export(fmt, output)  # an unknown format or an unwritable output fails before any reading
    require_database(db)
    with Store(db) as store:
        view = load_view(store)
    written = write_export(view, fmt, output)
    if written and not quiet:
        typer.echo(f"{fmt} export written: {', '.join(str(p) for p in written)}", err=True)
