"""Keyed records on disk: sorted runs of bounded size, merged as streams.

A writer buffers ``(section, sort key, value)`` records as bytes, and when the buffer reaches
``buffer_bytes`` sorts it and writes it as one run file: a zstd frame per section (a
partition, or a shard for decisions), then an index of the frames and its length. A reader
merges one section of many runs in sort-key order without holding more than one record per
run. Sort keys are bytes whose order is the order wanted (``sort_key``), so a merge never
decodes a value to compare it.
"""

from __future__ import annotations

import heapq
import io
import os
import struct
from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson
import zstandard

from saring import storage

_FOOTER = struct.Struct("<Q")
_LENGTHS = struct.Struct("<II")
_INT = struct.Struct(">Q")
_OFFSET = 1 << 63
BUFFER_BYTES = 32 << 20
"""Bytes of records a writer holds before it sorts them and writes a run."""
_READ_BYTES = 32 << 10
"""Decompressed bytes a reader takes from a run at a time. A merge holds one reader per run,
and with the window below each costs about 0.25 MB (0.8 MB with 256 KB reads and
level 1's own window): a merge of many runs stays small."""
_PARAMETERS = zstandard.ZstdCompressionParameters.from_level(1, window_log=17)
"""Level 1 with a 128 KB window (the decompressor holds one window per open run)."""
_OVERHEAD = 100
"""Bytes a buffered record costs beyond its payload (tuple and bytes headers), for the cap.
Records sort by key, then value: keys are unique and end in fixed-width numbers, so the
order of ``key + value`` is the order of keys."""


def sort_key(text: str, *numbers: int) -> bytes:
    """Return bytes that sort as ``(text, *numbers)`` does (numbers may be negative)."""
    escaped = text.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\x01")
    return escaped + b"\x00\x00" + numbers_key(*numbers)


def numbers_key(*numbers: int) -> bytes:
    """Return bytes that sort as the tuple of numbers does; fixed width, so a prefix."""
    return b"".join(_INT.pack(n + _OFFSET) for n in numbers)


def leading_number(key: bytes) -> int:
    """Return the first number of a key that starts with ``numbers_key``."""
    value: int = _INT.unpack_from(key)[0]
    return value - _OFFSET


def split_text(key: bytes) -> tuple[str, bytes]:
    """Return the text ``sort_key`` encoded first, and the bytes after it."""
    end = key.index(b"\x00\x00")
    return key[:end].replace(b"\x00\x01", b"\x00").decode("utf-8", "surrogatepass"), key[end + 2 :]


def split_key(key: bytes) -> tuple[str, list[int]]:
    """Return the text and numbers ``sort_key`` encoded."""
    text, rest = split_text(key)
    return text, [_INT.unpack_from(rest, i)[0] - _OFFSET for i in range(0, len(rest), 8)]


class RunWriter:
    """Writes records into sorted runs ``<prefix>-NNNN.run``; ``close`` returns their paths."""

    def __init__(self, prefix: str, buffer_bytes: int = BUFFER_BYTES) -> None:
        self.prefix = prefix
        self.buffer_bytes = buffer_bytes
        # (section, key + value, key length): one exactly sized bytes object per record
        # (orjson's own results keep a much larger buffer, so they are never held).
        self._records: list[tuple[int, bytes, int]] = []
        self._size = 0
        self.paths: list[str] = []

    def write(self, section: int, key: bytes, value: bytes) -> None:
        """Buffer one record; spill a sorted run when the buffer is full."""
        self._records.append((section, key + value, len(key)))
        self._size += len(key) + len(value) + _OVERHEAD
        if self._size >= self.buffer_bytes:
            self._spill()

    def write_json(self, section: int, key: bytes, value: object) -> None:
        """Buffer one record whose value is JSON."""
        self.write(section, key, orjson.dumps(value))

    def _spill(self) -> None:
        if not self._records:
            return
        self._records.sort()
        path = f"{self.prefix}-{len(self.paths):04d}.run"
        index: dict[str, list[int]] = {}
        compressor = zstandard.ZstdCompressor(compression_params=_PARAMETERS)
        with storage.writing(path) as staged, open(staged, "wb") as out:
            start = 0
            while start < len(self._records):
                section = self._records[start][0]
                end = start
                offset = out.tell()
                with compressor.stream_writer(out, closefd=False) as frame:
                    while end < len(self._records) and self._records[end][0] == section:
                        _, record, key_length = self._records[end]
                        frame.write(_LENGTHS.pack(key_length, len(record) - key_length) + record)
                        end += 1
                index[str(section)] = [offset, out.tell() - offset]
                start = end
            encoded = orjson.dumps(index)
            out.write(encoded + _FOOTER.pack(len(encoded)))
        self.paths.append(path)
        self._records = []
        self._size = 0

    def close(self) -> list[str]:
        """Write what is buffered and return every run written."""
        self._spill()
        return self.paths

    def abort(self) -> None:
        """Remove every run written (the task failed and will run again)."""
        self._records = []
        for path in self.paths:
            storage.remove(path)


def _section(path: str, section: int) -> Iterator[tuple[bytes, bytes]]:
    """Yield one section's records of a run file, in order, reading it as a stream."""
    with storage.open_file(path) as source:
        source.seek(-_FOOTER.size, os.SEEK_END)
        (length,) = _FOOTER.unpack(source.read(_FOOTER.size))
        source.seek(-_FOOTER.size - length, os.SEEK_END)
        found = orjson.loads(source.read(length)).get(str(section))
        if found is None:
            return
        source.seek(found[0])
        reader = zstandard.ZstdDecompressor().stream_reader(
            io.BufferedReader(_Slice(source, found[1]))
        )
        stream = _Buffered(reader)
        while True:
            head = stream.read(_LENGTHS.size)
            if len(head) < _LENGTHS.size:
                return
            key_length, value_length = _LENGTHS.unpack(head)
            body = stream.read(key_length + value_length)
            yield body[:key_length], body[key_length:]


class _Slice(io.RawIOBase):
    """The next ``length`` bytes of a file, as a stream of their own."""

    def __init__(self, raw: IO[bytes], length: int) -> None:
        self._raw = raw
        self._left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(min(len(buffer), self._left))
        buffer[: len(data)] = data
        self._left -= len(data)
        return len(data)


class _Buffered:
    """Exact-size reads over a decompressing stream."""

    def __init__(self, raw: zstandard.ZstdDecompressionReader) -> None:
        self._raw = raw
        self._buffer = b""
        self._at = 0

    def read(self, size: int) -> bytes:
        if len(self._buffer) - self._at < size:
            parts = [self._buffer[self._at :]]
            have = len(parts[0])
            while have < size:
                chunk = self._raw.read(max(_READ_BYTES, size))
                if not chunk:
                    break
                parts.append(chunk)
                have += len(chunk)
            self._buffer, self._at = b"".join(parts), 0
        data = self._buffer[self._at : self._at + size]
        self._at += len(data)
        return data


def merged(paths: Iterable[str], section: int) -> Iterator[tuple[bytes, bytes]]:
    """Yield one section's records of many runs as one stream in sort-key order."""
    streams = [_section(path, section) for path in paths if storage.exists(path)]
    return heapq.merge(*streams, key=lambda record: record[0])


def run_files(folder: str) -> list[str]:
    """Return the finished run files under a folder, in name order."""
    return [storage.join(folder, name) for name in storage.listdir(folder) if name.endswith(".run")]
