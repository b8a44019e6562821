"""The per-document work bound: a safety net for a step that would take far too long on one
document (a pathological input no test foresaw). The document goes to ``removed/`` as
``invalid/too_slow`` and the run goes on.

A real-time timer (``SIGALRM``) interrupts the step; the regular-expression engine and
Python code both notice it. Where no timer can be set (not the main thread, no ``SIGALRM``),
documents run unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import TypeVar

TOO_SLOW = "invalid/too_slow"
T = TypeVar("T")


class TooSlowError(BaseException):
    """Raised inside a step that ran past the bound (a ``BaseException``, so that a step's
    own ``except Exception`` does not swallow it)."""


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise TooSlowError


class Bound:
    """Runs work under a limit of ``seconds`` (0: no limit)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = (
            seconds > 0
            and hasattr(signal, "SIGALRM")
            and threading.current_thread() is threading.main_thread()
        )
        self._previous = signal.signal(signal.SIGALRM, _interrupt) if self.armed else None

    def close(self) -> None:
        """Give ``SIGALRM`` back to whoever handled it before."""
        if self.armed:
            signal.signal(signal.SIGALRM, self._previous)

    def run(self, work: Callable[[], T]) -> T:
        """Return ``work()``, or raise ``TooSlowError`` once it has run ``seconds``."""
        if not self.armed:
            return work()
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            return work()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
