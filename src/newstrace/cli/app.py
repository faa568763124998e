"""The ``newstrace`` command group: error handling and logging shared by every command."""

from __future__ import annotations

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
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report a writer whose reader went away


class _Group(TyperGroup):
    """Turns library errors into one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # typer's Context type is private (typer._click)
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            typer.echo(
                "newstrace: interrupted; everything stored so far is kept, and running the same "
                "command again completes the run",
                err=True,
            )
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:  # `newstrace stats | head -1`: the reader has all it wants
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
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


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (a test runner's buffer): nothing to silence
        pass


def setup_logging(verbose: int, quiet: bool) -> None:
    """Log to stderr: warnings by default, -v info, -vv debug, -q errors only.

    Warnings of other libraries (a date parser's unknown time zone...) are logged, shown with -v
    only: they are about those libraries' inputs, and the user can do nothing about them.
    """
    level = logging.ERROR if quiet else {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("newstrace: %(levelname)s: %(message)s"))
    root = logging.getLogger("newstrace")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    logging.captureWarnings(True)
    foreign = logging.getLogger("py.warnings")
    foreign.handlers[:] = [handler]
    foreign.setLevel(logging.DEBUG if verbose and not quiet else logging.CRITICAL)
    foreign.propagate = False
