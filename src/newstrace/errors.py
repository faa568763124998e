"""The one exception tree of newstrace.

Library code raises only these; the CLI turns each into a one-line message on stderr
and an exit code, never a traceback. A failure on one input or one article is not
raised out of a run: it becomes a stored :class:`newstrace.model.Error` record
(``source``, ``stage``, ``message``) and the run goes on.

::

    NewstraceError
    ├── InputError              an input cannot be read as news (caught per input, stored as an Error)
    │   ├── InputNotFound       the path or glob matches nothing
    │   ├── EmptyInput          the file or record holds no text
    │   ├── BinaryInput         the bytes are not text (an image, an archive, NUL bytes)
    │   ├── InputTooLarge       larger than the configured limit
    │   ├── MalformedInput      a JSON line, a WARC record or an HTML page that cannot be parsed
    │   └── NoArticleText       parsed, but no article text was found in it
    ├── StageError              an analysis or link stage failed on one article (stored as an Error)
    ├── StoreError              the database cannot be opened, created or written
    ├── OutputError             an export file cannot be written (a full disk, a read-only folder)
    ├── ModelNotInstalled       the spaCy model (or another offline model) is missing
    └── UsageError              options that contradict each other or name unknown things
    OutOfTime (a BaseException) a time limit expired: no ``except Exception`` may swallow it on the way

Every message says what went wrong and what to do about it.
"""

from __future__ import annotations

from newstrace.model import Error

__all__ = [
    "BinaryInput",
    "EmptyInput",
    "InputError",
    "InputNotFound",
    "InputTooLarge",
    "MalformedInput",
    "ModelNotInstalled",
    "NewstraceError",
    "NoArticleText",
    "OutOfTime",
    "OutputError",
    "StageError",
    "StoreError",
    "UsageError",
    "describe",
    "error_from",
]


class NewstraceError(Exception):
    """Base of every error newstrace raises on purpose."""


class InputError(NewstraceError):
    """An input (file, record, stdin) cannot be read as news.

    ``source`` is the input as the user named it (``path`` or ``path#N``).
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class InputNotFound(InputError):
    """The path does not exist or the glob matches no file."""


class EmptyInput(InputError):
    """The input holds no text at all."""


class BinaryInput(InputError):
    """The input's bytes are not text in any encoding we can detect."""


class InputTooLarge(InputError):
    """The input is larger than ``IngestOptions.max_bytes``."""


class MalformedInput(InputError):
    """A JSON line, WARC record or HTML page that cannot be parsed."""


class NoArticleText(InputError):
    """The input parsed, but no article text was found in it."""


class StageError(NewstraceError):
    """An analysis or link stage failed on one article."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


class StoreError(NewstraceError):
    """The database cannot be opened, created or written."""


class OutputError(NewstraceError):
    """An export cannot be written; nothing half-written is left behind."""


class ModelNotInstalled(NewstraceError):
    """A model that must come from an installed package is missing."""


class UsageError(NewstraceError):
    """Options that contradict each other or name unknown things."""


class OutOfTime(BaseException):  # named for what happened, like KeyboardInterrupt
    """The time limit of one piece of work expired (``ingest.deadline.time_limit``).

    A BaseException, so that the broad ``except Exception`` guards around one article or step do
    not catch it and carry on past the limit: it unwinds to the guard of the whole input.
    """

    def __init__(self, what: str, seconds: float) -> None:
        self.message = f"{what} took longer than the {seconds:g} s limit (--timeout) and was stopped"
        super().__init__(self.message)


# Longest message kept from a foreign exception: a database driver may quote a whole statement
# with its parameters (article texts); a message longer than this says nothing more to a user.
MAX_FOREIGN_MESSAGE = 300


def error_from(exc: BaseException, source: str, stage: str) -> Error:
    """The Error record of ``exc``, raised while ``stage`` worked on ``source``.

    The one place where exceptions become records: an error of ours carries a message written
    for the user; anything else (a bug, a third-party failure) is named by its type, with the
    first line of its message, cut at MAX_FOREIGN_MESSAGE characters.
    """
    if isinstance(exc, InputError | StageError | OutOfTime):
        return Error(source, stage, exc.message)
    return Error(source, stage, describe(exc))


def describe(exc: BaseException) -> str:
    """A one-line description of a foreign exception: its type and what it says."""
    if isinstance(exc, NewstraceError):
        text = str(exc)
    elif isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.strerror} ({type(exc).__name__})"
    elif isinstance(exc, RecursionError):
        text = "the input is nested too deeply to be read (RecursionError)"
    elif isinstance(exc, MemoryError):
        text = "out of memory while reading or analysing this input (MemoryError)"
    else:
        cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
        first = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
        text = f"{type(cause).__name__}: {first}" if first else type(cause).__name__
    return text if len(text) <= MAX_FOREIGN_MESSAGE else text[: MAX_FOREIGN_MESSAGE - 1] + "…"
