"""Entry point of the ``newstrace`` console script."""

from __future__ import annotations

from newstrace.cli import (
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

_COMMANDS = (
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
)  # importing a command module registers it on the app


def main() -> None:
    """Run the CLI."""
    app()
