"""Options that several commands share, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["DEFAULT_DB", "DbOption", "JsonOption", "QuietOption", "VerboseOption"]

DEFAULT_DB = "newstrace.db"

DbOption = Annotated[
    str,
    typer.Option("--db", help="SQLite file, or a postgresql:// URL.", show_default=True, metavar="PATH|URL"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]
VerboseOption = Annotated[
    int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv: debug).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr; no progress bar.")]
