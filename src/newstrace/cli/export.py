"""``newstrace export``: write the stored corpus in an export format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.options import DEFAULT_DB, DbOption, QuietOption, VerboseOption
from newstrace.errors import UsageError
from newstrace.export import load_view, write_jsonl, write_jsonl_file
from newstrace.store import Store

__all__ = ["FORMATS", "export_command"]

FORMATS = ("jsonl",)


@app.command("export")
def export_command(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Export format: {', '.join(FORMATS)}.", metavar="FORMAT")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).", metavar="PATH")
    ] = None,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Export everything in the database (JSON Lines per CONTRACT.md)."""
    setup_logging(verbose, quiet)
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not Path(db).exists() and "://" not in db:
        raise UsageError(f"no database at {db}; run 'newstrace analyze ... --db {db}' first")
    with Store(db) as store:
        view = load_view(store)
    if output is None:
        write_jsonl(view, sys.stdout)
    else:
        count = write_jsonl_file(view, output)
        if not quiet:
            typer.echo(f"{count} records written to {output}", err=True)
