"""Entry point of the ``newstrace`` console script."""

from __future__ import annotations

# Importing a command module registers its command on the app.
from newstrace.cli import (  # noqa: F401
    analyze,
    copies,
    entities,
    entity,
    events,
    export,
    facts,
    quotes,
    search,
    serve,
    stats,
    trace,
)
from newstrace.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Run the CLI."""
    app()
