"""The extraction child process, started by ``saring.extract.bounded`` with the mode as argument.

Reads requests from stdin and writes answers to stdout, each a 4-byte big-endian length and
a JSON object. A request is ``{"url": …}`` followed by a second message, the page's HTML as
UTF-8 (sent raw: escaping it as JSON costs more than the extraction of a typical page); an
answer is ``{"text": …, "metadata": {…}}`` or ``{"error": "…"}``. Before the first request
it writes one byte, so the parent knows the engine is loaded and times only extractions.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import struct
import sys
import threading
import time
from typing import IO, Any

import orjson

from saring.extract.engines import ENGINES, extract_fast

HEADER = struct.Struct(">I")
"""Length prefix of every message."""
READY = b"R"
"""Byte the child writes once its engine is loaded."""


def read_message(stream: IO[bytes]) -> bytes | None:
    """Return the next message's bytes, or ``None`` at end of input."""
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    (size,) = HEADER.unpack(head)
    return stream.read(size)


def encode_message(body: bytes) -> bytes:
    """Return a message: length prefix and body."""
    return HEADER.pack(len(body)) + body


def serve(mode: str, requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answer extraction requests until the input ends."""
    engine = ENGINES[mode]
    if mode == "quality":
        import trafilatura  # noqa: F401 - loaded before READY so that timing excludes it

    extract_fast("<html><body><p>siap</p></body></html>")  # warms the parser
    answers.write(READY)
    answers.flush()
    while (request := read_message(requests)) is not None:
        html = read_message(requests) or b""
        try:
            url = orjson.loads(request)["url"]
            result = engine(html.decode("utf-8", errors="surrogatepass"), url)
            answer: dict[str, Any] = {"text": result.text, "metadata": result.metadata}
        except Exception as exc:
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        answers.write(encode_message(orjson.dumps(answer)))
        answers.flush()


PR_SET_PDEATHSIG = 1
"""``prctl`` option (linux/prctl.h): the signal the kernel sends when the parent dies."""
WATCH_SECONDS = 0.5
"""How often the watch thread checks that the parent process still runs."""


def die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does, even in the middle of an extraction.

    On Linux the kernel sends ``SIGKILL`` when the parent dies (``PR_SET_PDEATHSIG``), which
    stops native code that holds the interpreter; elsewhere, and as a second guard, a daemon
    thread exits the process once it has been re-parented. (The kernel ties the signal to the
    thread that started the child: if that thread ends first, so does the child, and the
    parent starts a new one for its next page.)
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the guard was set
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main() -> None:
    """Run the child: protocol on the original stdout, anything else printed goes to stderr."""
    if len(sys.argv) > 2:
        die_with_parent(int(sys.argv[2]))
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    # Engines log a warning for every page without an article; the parent counts those.
    logging.disable(logging.CRITICAL)
    serve(sys.argv[1], sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
