"""Shards: a whole input file, or a line-aligned byte range of one, opened decompressed."""

from __future__ import annotations

import bz2
import io
import lzma
import os
import re
from collections import Counter
from typing import IO, Any

from saring import storage
from saring.io.gzipped import open_gzip
from saring.io.streams import CountingFile, ZstdFile, split_compression

# A shard that is part of a file: "<path>#lines=<first line>@<start byte>-<end byte>".
_RANGE = re.compile(r"^(?P<path>.*)#lines=(?P<line>\d+)@(?P<start>\d+)-(?P<end>\d+)$")


def _ranged(shard: str) -> re.Match[str] | None:
    """Return the parts of a shard that names a byte range of a file, else ``None``."""
    found = _RANGE.match(shard)
    if found is None or (not storage.is_url(shard) and os.path.exists(shard)):
        return None  # a local file whose name only looks like a range
    return found


def shard_file(shard: str) -> str:
    """Return the file a shard reads (a shard is a file or a line-aligned part of one)."""
    found = _ranged(shard)
    return found["path"] if found else shard


def shard_bytes(shard: str) -> int:
    """Return how many bytes of its file a shard reads."""
    found = _ranged(shard)
    if found:
        return int(found["end"]) - int(found["start"])
    return storage.size(shard)


class Source:
    """One shard: opens it decompressed and tells how many bytes have been read. A shard is a
    file, or a line-aligned byte range of an uncompressed file (see ``JsonlReader``)."""

    def __init__(self, path: str) -> None:
        found = _ranged(path)
        self.path = found["path"] if found else path
        self.start = int(found["start"]) if found else 0
        self.end = int(found["end"]) if found else None
        self.first_line = int(found["line"]) if found else 1
        """Number of the shard's first line in its file."""
        self.name = os.path.basename(self.path)
        self.counters: Counter[str] = Counter()
        """Records a reader skipped without yielding them, e.g. WARC request records."""
        self._counter: CountingFile | None = None

    @property
    def bytes_read(self) -> int:
        """Compressed bytes read so far."""
        return self._counter.bytes_read if self._counter else 0

    def open(self) -> Any:
        """Return a buffered binary stream (a ``BinaryIO``) of the decompressed content."""
        file = storage.open_file(self.path)
        if self.end is not None:
            file.seek(self.start)
        limit = None if self.end is None else self.end - self.start
        self._counter = CountingFile(file, limit)
        raw: IO[bytes] = io.BufferedReader(self._counter, buffer_size=1 << 20)
        _, compression = split_compression(self.path)
        if compression == "gzip":
            return open_gzip(raw)
        if compression == "zstd":
            return io.BufferedReader(ZstdFile(raw), buffer_size=1 << 20)
        if compression == "bz2":
            return bz2.BZ2File(raw)
        if compression == "xz":
            return lzma.LZMAFile(raw)
        return raw
