"""The ``newstrace`` command group: error handling and logging shared by every command."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from newstrace import __version__
from newstrace.errors import NewstraceError

log = logging.getLogger("newstrace")

__all__ = ["EXIT_INTERNAL", "EXIT_USAGE", "app", "setup_logging"]

EXIT_USAGE = 2
EXIT_INTERNAL = 3


class _Group(TyperGroup):
    """Turns library errors into one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # typer's Context type is private (typer._click)
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:  # the reader stopped reading (| head): not an error
            with contextlib.suppress(OSError, ValueError):  # no second error when Python flushes at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except NewstraceError as exc:
            typer.echo(f"newstrace: error: {exc}", err=True)
            raise typer.Exit(EXIT_USAGE) from None
        except Exception as exc:  # a bug: say so in one line; the traceback is logged with -vv
            log.debug("internal error", exc_info=True)
            typer.echo(
                f"newstrace: internal error: {type(exc).__name__}: {exc} "
                "(run again with -vv for the traceback, and please report it)",
                err=True,
            )
            raise typer.Exit(EXIT_INTERNAL) from None


app = typer.Typer(
    cls=_Group,
    name="newstrace",
    help="A sourced record of news: who said what, who is who, what was reported, who copied whom.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: stable for scripts and for the README check
    # fixed width: the same help on every terminal, so the README reference can be checked against it
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newstrace {__version__}")
        raise typer.Exit


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """A sourced record of news: who said what, who is who, what was reported, who copied whom."""


def setup_logging(verbose: int, quiet: bool) -> None:
    """Log to stderr: warnings by default, -v info, -vv debug, -q errors only."""
    level = logging.ERROR if quiet else {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("newstrace: %(levelname)s: %(message)s"))
    root = logging.getLogger("newstrace")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
