"""A time limit on work done in this process: a stuck parser is interrupted, not waited for.

Worker processes are stopped from outside when a document takes too long (``run/pool.py``); work in
the main process (reading HTML, or segmenting and analysing when no workers run) needs the same
bound from inside. ``time_limit`` arms an interval timer whose signal raises :class:`OutOfTime`
in the running Python code, so a third-party extractor looping over a pathological page stops at
its next Python instruction. Signals reach only the main thread: elsewhere the limit is not armed
(and a debug line says so), which is never worse than before.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newstrace.errors import OutOfTime

log = logging.getLogger(__name__)

__all__ = ["time_limit"]

RETRY_SECONDS = 0.05  # after the limit, the signal repeats this often until the block has unwound


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise :class:`OutOfTime` (naming ``what``) if the block runs longer than ``seconds``.

    ``None`` or 0 means no limit. A limit inside another one is not armed: the outer one holds.
    """
    if not seconds or not _can_arm():
        yield
        return

    def _expired(_signum: int, _frame: FrameType | None) -> None:
        # The signal may land in a garbage-collector callback or a __del__, where Python swallows
        # exceptions: ring again soon, so the limit holds at the next ordinary instruction.
        signal.setitimer(signal.ITIMER_REAL, RETRY_SECONDS)
        raise OutOfTime(what, seconds)

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_arm() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        log.debug("time limits need the main thread of a Unix process; running without one")
        return False
    return signal.getitimer(signal.ITIMER_REAL)[0] == 0  # an outer limit is already running
