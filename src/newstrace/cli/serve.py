"""``newstrace serve``: the web UI and JSON API over a database, read-only."""

from __future__ import annotations

from typing import Annotated

import typer

from newstrace.cli.app import app, setup_logging
from newstrace.cli.options import DEFAULT_DB, DbOption, QuietOption, VerboseOption

__all__ = ["serve_command"]


@app.command("serve")
def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str,
        typer.Option(
            "--host", help="Address to listen on; others than 127.0.0.1 are warned about.", metavar="ADDR"
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535, metavar="N")
    ] = 8000,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Serve a web UI and a JSON API (/api/) over the database, read-only, until Ctrl+C."""
    setup_logging(verbose, quiet)
    # The web stack (FastAPI, uvicorn) takes a quarter of a second to import: only this command pays.
    from newstrace.serve import run_server  # noqa: PLC0415

    run_server(db, host, port)
