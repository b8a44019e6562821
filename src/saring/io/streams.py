"""Opening input streams: decompression (gzip, zstd, bz2, xz), byte counting for progress,
lines read with a byte cap, and UTF-16/32 text read as UTF-8."""

from __future__ import annotations

import codecs
import io
import lzma
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import zstandard

from saring.io.gzipped import DECOMPRESS_ERRORS

COMPRESSIONS: dict[str, str] = {
    ".gz": "gzip",
    ".zst": "zstd",
    ".zstd": "zstd",
    ".bz2": "bz2",
    ".xz": "xz",
}
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    *DECOMPRESS_ERRORS,
    lzma.LZMAError,
    zstandard.ZstdError,
)
"""What opening or decompressing a damaged input file raises."""
MAX_RECORD_BYTES = 64 * 2**20
"""Default byte cap of one record (a JSON line, a text file) as decompressed: a record over
it is cut off while decompressing, counted and kept in ``removed/`` by its first bytes."""
KEPT_HEAD = 64 * 2**10
"""Bytes of an over-cap record kept in ``removed/``."""


def split_compression(path: str) -> tuple[str, str | None]:
    """Return (path without compression suffix, compression name or None)."""
    for suffix, name in COMPRESSIONS.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], name
    return path, None


class CountingFile(io.RawIOBase):
    """A raw file that counts the bytes read from disk, for progress by input size, and
    stops after ``limit`` bytes when given one (a byte range of a larger file)."""

    def __init__(self, raw: IO[bytes], limit: int | None = None) -> None:
        self.raw = raw
        self.bytes_read = 0
        self.limit = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.limit is not None:
            buffer = memoryview(buffer)[: max(0, self.limit - self.bytes_read)]
            if not len(buffer):
                return 0
        n = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        self.bytes_read += n or 0
        return int(n or 0)

    def seekable(self) -> bool:
        return bool(self.raw.seekable())

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return int(self.raw.seek(offset, whence))

    def tell(self) -> int:
        return int(self.raw.tell())

    def close(self) -> None:
        self.raw.close()
        super().close()


class ZstdFile(io.RawIOBase):
    """Decompresses one or more zstd frames; a file that ends inside a frame raises ``ZstdError``.

    ``ZstdDecompressor.stream_reader`` ends silently on a truncated frame, losing its records
    without a trace; decompressing frame by frame tells a cut-off file from a complete one.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self._dctx = zstandard.ZstdDecompressor()
        self._frame: Any = None
        self._out = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._out:
            chunk = self.raw.read(1 << 17)
            if not chunk:
                if self._frame is not None:
                    raise zstandard.ZstdError("zstd stream ends inside a frame (truncated file)")
                return 0
            self._out = memoryview(self._decompress(chunk))
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n

    def _decompress(self, data: bytes) -> bytes:
        parts: list[bytes] = []
        while data:
            if self._frame is None:
                self._frame = self._dctx.decompressobj()
            parts.append(self._frame.decompress(data))
            if not self._frame.eof:
                break
            data = self._frame.unused_data
            self._frame = None
        return b"".join(parts)

    def close(self) -> None:
        self.raw.close()
        super().close()


@dataclass
class LongRecord:
    """A record over the byte cap: its first ``KEPT_HEAD`` bytes and its full size."""

    head: bytes
    size: int


def bounded_lines(stream: Any, limit: int) -> Iterator[bytes | LongRecord]:
    """Yield the lines of a binary stream (with their ``\n``), reading 1 MiB at a time; a
    line over ``limit`` bytes comes as a ``LongRecord``, and its rest is skipped as it is
    decompressed, so memory stays bounded whatever one line holds."""
    pending = bytearray()
    long: LongRecord | None = None
    # read1 returns what one step of decompression gives, so that the lines before damage
    # come out before the error does.
    read = getattr(stream, "read1", stream.read)
    while chunk := read(1 << 20):
        start = 0
        while start < len(chunk):
            end = chunk.find(b"\n", start)
            stop = len(chunk) if end < 0 else end + 1
            if long is not None:
                long.size += stop - start
            elif len(pending) + stop - start > limit:
                size = len(pending) + stop - start
                pending += chunk[start : min(stop, start + KEPT_HEAD)]
                long = LongRecord(bytes(pending[:KEPT_HEAD]), size)
                pending.clear()
            elif end >= 0 and not pending:
                yield chunk[start:stop]
            else:
                pending += chunk[start:stop]
                if end >= 0:
                    yield bytes(pending)
                    pending.clear()
            if end >= 0 and long is not None:
                yield long
                long = None
            start = stop
    if long is not None:
        yield long
    elif pending:
        yield bytes(pending)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_encoding(head: bytes) -> str | None:
    """Return the encoding of a text that starts with ``head`` when it is UTF-16 or UTF-32
    (by byte order mark, or by the zero bytes of ASCII without one), else ``None``."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if len(head) >= 4:
        if head[0] and not head[1] and not head[2] and not head[3]:
            return "utf-32-le"
        if not head[0] and not head[1] and not head[2] and head[3]:
            return "utf-32-be"
    if len(head) >= 2:
        if head[0] and not head[1]:
            return "utf-16-le"
        if not head[0] and head[1]:
            return "utf-16-be"
    return None


class Recoded(io.RawIOBase):
    """A binary stream of another encoding read as UTF-8 (an invalid sequence raises
    ``UnicodeDecodeError`` where it is met)."""

    def __init__(self, raw: Any, encoding: str) -> None:
        self.raw = raw
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        self._out = b""
        self._error: UnicodeDecodeError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._out:
            if self._error is not None:
                raise self._error
            chunk = self.raw.read(1 << 20)
            try:
                self._out = self._decoder.decode(chunk, final=not chunk).encode("utf-8")
            except UnicodeDecodeError as exc:
                # What decodes before the bad sequence is read first; the error comes next.
                good = exc.object[: exc.start].decode(exc.encoding).encode("utf-8")
                self._out, self._error = good, exc
            if not chunk:
                break
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()
