"""One file holding many buckets of records, so a shuffle writes one file per task.

A map task writes its keyed records for every partition into one bucket file, and a reduce
task writes its decisions for every shard into one; the reader of a bucket seeks straight to
it. Layout: one zstd frame of JSON lines per non-empty bucket, then a JSON index
``{bucket: [offset, length]}``, then the index's length as 8 little-endian bytes.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import Any

import orjson
import zstandard

from saring.io.base import RecordSink

_FOOTER = struct.Struct("<Q")


class BucketSink(RecordSink):
    """Collects ``(bucket, record)`` pairs and writes them grouped by bucket on close."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._buckets: dict[int, list[bytes]] = {}

    def write(self, record: Any) -> None:
        bucket, payload = record
        self._buckets.setdefault(bucket, []).append(orjson.dumps(payload))

    def close(self) -> None:
        compressor = zstandard.ZstdCompressor(level=1)
        index: dict[str, list[int]] = {}
        with open(self.path, "wb") as out:
            for bucket in sorted(self._buckets):
                frame = compressor.compress(b"\n".join(self._buckets[bucket]))
                index[str(bucket)] = [out.tell(), len(frame)]
                out.write(frame)
            encoded = orjson.dumps(index)
            out.write(encoded + _FOOTER.pack(len(encoded)))
        self._buckets = {}


def read_bucket(path: str, bucket: int) -> Iterator[Any]:
    """Yield the records of one bucket of a bucket file (none if the file or bucket is absent)."""
    if not os.path.exists(path):
        return
    with open(path, "rb") as source:
        source.seek(-_FOOTER.size, os.SEEK_END)
        (length,) = _FOOTER.unpack(source.read(_FOOTER.size))
        source.seek(-_FOOTER.size - length, os.SEEK_END)
        index = orjson.loads(source.read(length))
        if str(bucket) not in index:
            return
        offset, size = index[str(bucket)]
        source.seek(offset)
        data = zstandard.ZstdDecompressor().decompress(source.read(size))
    for line in data.split(b"\n"):
        yield orjson.loads(line)
