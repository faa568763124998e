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
    ├── ModelNotInstalled       the spaCy model (or another offline model) is missing
    └── UsageError              options that contradict each other or name unknown things

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
    "StageError",
    "StoreError",
    "UsageError",
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


class ModelNotInstalled(NewstraceError):
    """A model that must come from an installed package is missing."""


class UsageError(NewstraceError):
    """Options that contradict each other or name unknown things."""


def error_from(exc: BaseException, source: str, stage: str) -> Error:
    """The Error record of ``exc``, raised while ``stage`` worked on ``source``.

    The one place where exceptions become records: an error of ours carries a message written
    for the user; anything else (a bug, a third-party failure) is named by its type.
    """
    if isinstance(exc, InputError | StageError):
        return Error(source, stage, exc.message)
    return Error(source, stage, f"{type(exc).__name__}: {exc}")
