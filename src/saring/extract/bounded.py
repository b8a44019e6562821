"""Extraction bounded in time and input size, in a child process that is killed when it overruns.

Why a process and not a timer signal: a ``SIGALRM`` handler only runs when the interpreter
gets control back, and resiliparse's main-content pass is native code whose time grows
faster than linearly with nesting depth — 20,000 nested ``<div>`` take ~12 s and an alarm
set at 0.5 s fires only when it returns. A child process can be killed at the deadline,
whatever it is doing, and a crash or memory blow-up in an engine ends the child, not the
worker. One child per worker process and mode (``shared_extractor``) serves every page of
every shard the worker reads, so its start (about a second with trafilatura) is paid once
per worker, not per file; after a timeout or crash it is started again on the next page.
The child dies with its parent: ``PR_SET_PDEATHSIG`` on Linux, and everywhere a thread that
exits when its parent process is gone (see ``saring.extract.child``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import subprocess
import sys
import time
import weakref
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any

import orjson

from saring.extract.child import HEADER, READY, encode_message
from saring.extract.engines import Extraction

EXTRACT_REASONS = ("invalid/extract_timeout", "invalid/extract_error", "invalid/no_content")
"""Reasons a page yields no document, besides ``invalid/too_large`` (over ``max_html_bytes``)."""
_CHILD = (
    "import sys; sys.path.insert(0, sys.argv[3]); from saring.extract.child import main; main()"
)
"""The child's program: ``saring.extract.child`` from the same source tree as the parent (the
package imports lazily, so the child loads only the extraction modules and its engine)."""
_PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
"""The folder that holds the ``saring`` package the parent runs."""
STARTUP_SECONDS = 120.0
"""How long the child may take to load its engine before the run stops with an error."""


@dataclass(slots=True)
class Failure:
    """Why extraction gave nothing: a declared ``invalid/…`` reason and a message."""

    reason: str
    detail: str


class ExtractorStartError(RuntimeError):
    """The extraction child could not start (a broken installation, not a bad page)."""


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill a child process and reap it."""
    if process.poll() is None:
        process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def _widen(process: subprocess.Popen[bytes]) -> None:
    """Enlarge the pipes to 1 MiB where Linux allows, so a page crosses in one or two writes."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if set_size is None:
        return
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                fcntl.fcntl(stream.fileno(), set_size, 1 << 20)


class BoundedExtractor:
    """Runs one extraction mode on pages in a child process, at most ``timeout`` seconds each.

    Pages can be sent ahead (``submit``) and their answers taken in order (``result``): the
    child then never waits for the reader between pages. Each page's clock starts when the
    child reaches it (the answer before it arrived), so a page queued behind others is not
    charged for their time. Requests are written without blocking while answers are read, so
    neither side can stall on a full pipe. A page that overruns kills the child; it fails as
    ``invalid/extract_timeout`` (``invalid/extract_error`` if the child died), and the pages
    queued behind it are sent again to a new child.
    """

    def __init__(self, mode: str, timeout: float) -> None:
        self.mode = mode
        self.timeout = timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._finalizer: Any = None
        self._queued: deque[tuple[bytes, bytes]] = deque()
        """Requests sent or waiting to be sent whose answers have not been taken, in order:
        the URL message with the page's length prefix, and the page (never copied)."""
        self._outbox: deque[memoryview] = deque()
        """What is still to be written to the child, in parts."""
        self._inbox = bytearray()
        self._started = 0.0
        """When the child began the oldest queued page."""

    @property
    def pending(self) -> int:
        """Return how many submitted pages still await ``result``."""
        return len(self._queued)

    def extract(self, html: str | bytes, url: str | None) -> Extraction | Failure:
        """Return the page's extraction, or why there is none (timeout, engine error, no text)."""
        self.discard()
        body = html if isinstance(html, bytes) else html.encode("utf-8", "surrogatepass")
        self.submit(body, url)
        return self.result()

    def submit(self, body: bytes, url: str | None) -> None:
        """Queue a page (its HTML as UTF-8) for extraction; its answer comes from ``result``."""
        request = (encode_message(orjson.dumps({"url": url})) + HEADER.pack(len(body)), body)
        process = self._current()
        if not self._queued:
            self._started = time.monotonic()
        self._queued.append(request)
        self._send([request])
        with contextlib.suppress(OSError, EOFError):  # a dead child shows in ``result``
            self._pump(process, 0.0)

    def result(self) -> Extraction | Failure:
        """Return the answer for the oldest submitted page (blocking, within its bound)."""
        if not self._queued:
            raise RuntimeError("result() without a submitted page")
        process = self._current()
        try:
            while (body := self._answer()) is None:
                left = self._started + self.timeout - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self._pump(process, left)
        except TimeoutError:
            self._restart()
            return Failure(
                "invalid/extract_timeout", f"{self.mode} extraction took over {self.timeout} s"
            )
        except (OSError, EOFError) as exc:
            code = process.poll()
            self._restart()
            return Failure("invalid/extract_error", f"extractor process failed ({code}): {exc}")
        self._queued.popleft()
        self._started = time.monotonic()
        answer = orjson.loads(body)
        if "error" in answer:
            return Failure("invalid/extract_error", str(answer["error"]))
        if not answer["text"].strip():
            return Failure("invalid/no_content", f"{self.mode} extraction found no article text")
        return Extraction(answer["text"], answer["metadata"])

    def discard(self) -> None:
        """Forget submitted pages whose answers were not taken (stopping the child if any)."""
        if self._queued:
            self._queued.clear()
            self.close()

    def close(self) -> None:
        """Stop the child process, if one runs."""
        if self._finalizer is not None:
            self._finalizer()
        self._process = None
        self._finalizer = None
        self._outbox.clear()
        self._inbox.clear()

    def _current(self) -> subprocess.Popen[bytes]:
        """Return the child that holds the queued pages (even if it died: its answers so far
        are still to be read), or a running child if none is queued."""
        if self._queued and self._process is not None:
            return self._process
        return self._running()

    def _restart(self) -> None:
        """Drop the oldest page, stop the child and queue the pages behind it for a new one."""
        self._queued.popleft()
        self.close()
        self._send(self._queued)
        self._started = time.monotonic()

    def _send(self, requests: Iterable[tuple[bytes, bytes]]) -> None:
        """Add requests to what is to be written to the child (as views: nothing is copied)."""
        self._outbox.extend(memoryview(part) for request in requests for part in request if part)

    def _answer(self) -> bytes | None:
        """Return the next whole answer from the inbox, or ``None`` if it has not all come."""
        if len(self._inbox) < HEADER.size:
            return None
        (size,) = HEADER.unpack_from(self._inbox)
        if len(self._inbox) < HEADER.size + size:
            return None
        body = bytes(self._inbox[HEADER.size : HEADER.size + size])
        del self._inbox[: HEADER.size + size]
        return body

    def _pump(self, process: subprocess.Popen[bytes], wait: float) -> None:
        """Write what the child's input takes and read what its output holds, waiting at most
        ``wait`` seconds for either; raise ``EOFError`` if the child has gone."""
        assert process.stdin is not None
        assert process.stdout is not None
        out, into = process.stdout.fileno(), process.stdin.fileno()
        writers = [into] if self._outbox else []
        readable, writable, _ = select.select([out], writers, [], wait)
        if writable:
            try:
                sent = os.writev(into, list(islice(self._outbox, 64)))
            except BlockingIOError:
                sent = 0
            except BrokenPipeError as exc:
                raise EOFError("extractor process ended") from exc
            while sent:  # drop what was written, keeping the rest of a part cut short
                first = self._outbox.popleft()
                if sent < len(first):
                    self._outbox.appendleft(first[sent:])
                sent = max(0, sent - len(first))
        if readable:
            chunk = os.read(out, 1 << 20)
            if not chunk:
                raise EOFError("extractor process ended")
            self._inbox += chunk

    def _running(self) -> subprocess.Popen[bytes]:
        """Return the child process, started (and waited for) if none runs."""
        if self._process is not None and self._process.poll() is None:
            return self._process
        outbox = list(self._outbox)
        self.close()
        process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, self.mode, str(os.getpid()), _PACKAGE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._process = process
        self._finalizer = weakref.finalize(self, _stop, process)
        _widen(process)
        assert process.stdout is not None
        assert process.stdin is not None
        try:
            ready = self._exactly(process.stdout, 1, time.monotonic() + STARTUP_SECONDS)
        except (TimeoutError, EOFError, OSError) as exc:
            self.close()
            raise ExtractorStartError(f"the {self.mode} extractor did not start: {exc}") from exc
        if ready != READY:
            self.close()
            raise ExtractorStartError(f"the {self.mode} extractor sent {ready!r} when starting")
        os.set_blocking(process.stdin.fileno(), False)
        self._outbox.extend(outbox)
        self._started = time.monotonic()
        return process

    @staticmethod
    def _exactly(stream: IO[bytes], size: int, deadline: float) -> bytes:
        """Return ``size`` bytes from the pipe, waiting no later than ``deadline``."""
        fd = stream.fileno()
        parts: list[bytes] = []
        missing = size
        while missing:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, min(missing, 1 << 20))
            if not chunk:
                raise EOFError("extractor process ended")
            parts.append(chunk)
            missing -= len(chunk)
        return b"".join(parts)


_SHARED: dict[tuple[int, str, float], BoundedExtractor] = {}


def shared_extractor(mode: str, timeout: float) -> BoundedExtractor:
    """Return this process's bounded extractor for a mode and timeout, made on first use."""
    key = (os.getpid(), mode, timeout)
    extractor = _SHARED.get(key)
    if extractor is None:
        # A forked process inherits its parent's entries, whose children are not its own.
        for stale in [k for k in _SHARED if k[0] != key[0]]:
            del _SHARED[stale]
        extractor = _SHARED[key] = BoundedExtractor(mode, timeout)
    return extractor
