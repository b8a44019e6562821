"""JSON Lines input and output, plain or compressed (.gz, .zst)."""

from __future__ import annotations

import codecs
import gzip
from collections.abc import Iterator
from typing import IO, Any, Literal

import orjson
import zstandard

from saring.document import Document, Dropped
from saring.io.base import READ_ERRORS, RecordReader, RecordSink, Source, Writer

Compression = Literal["none", "gzip", "zstd"]
_SUFFIX: dict[str, str] = {"none": "", "gzip": ".gz", "zstd": ".zst"}


class JsonlReader(RecordReader):
    """Reads one document per line of JSON Lines files (.jsonl, .ndjson, .json; compressed
    .gz, .zst, .bz2 or .xz)."""

    extensions = (".jsonl", ".ndjson", ".json")

    def __init__(
        self,
        paths: list[str],
        text_field: str = "text",
        id_field: str = "id",
        url_field: str = "url",
        max_chars: int = 5_000_000,
    ) -> None:
        self.paths = paths
        self.text_field = text_field
        self.id_field = id_field
        self.url_field = url_field
        self.max_chars = max_chars

    def read(self, source: Source, strict: bool = False) -> Iterator[Document | Dropped]:
        lineno = 0
        try:
            with source.open() as stream:
                for lineno, line in enumerate(stream, start=1):
                    if lineno == 1:
                        # A byte order mark (Windows tools write one) is not part of the JSON.
                        line = line.removeprefix(codecs.BOM_UTF8)
                    if not line.strip():
                        continue
                    yield self._parse(line.rstrip(b"\r\n"), source, lineno, strict)
        except READ_ERRORS as exc:
            yield self.invalid(
                source, lineno + 1, "invalid/file", b"", f"unreadable from here on: {exc}", strict
            )

    def _parse(self, line: bytes, source: Source, lineno: int, strict: bool) -> Document | Dropped:
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as bad:
                return self.invalid(source, lineno, "invalid/encoding", line, str(bad), strict)
            return self.invalid(source, lineno, "invalid/json", line, str(exc), strict)
        return self.document(record, source, lineno, line, strict)


class _JsonlSink(RecordSink):
    def __init__(self, path: str, compression: str) -> None:
        self._file: IO[bytes] = open(path, "wb")  # noqa: SIM115 - closed in close()
        self._stream: Any
        if compression == "gzip":
            # mtime=0 keeps the bytes identical from run to run.
            self._stream = gzip.GzipFile(fileobj=self._file, mode="wb", mtime=0, filename="")
        elif compression == "zstd":
            self._stream = zstandard.ZstdCompressor(level=3, write_checksum=True).stream_writer(
                self._file
            )
        else:
            self._stream = self._file

    def write(self, record: Any) -> None:
        self._stream.write(orjson.dumps(record) + b"\n")

    def close(self) -> None:
        if self._stream is not self._file:
            self._stream.close()
        if not self._file.closed:
            self._file.close()


class JsonlWriter(Writer):
    """Writes one JSON object per line; ``compression`` is ``none``, ``gzip`` or ``zstd``."""

    def __init__(self, compression: Compression = "gzip") -> None:
        self.compression = compression

    def extension(self) -> str:
        return ".jsonl" + _SUFFIX[self.compression]

    def open(self, path: str, columns: tuple[str, ...]) -> RecordSink:
        if self.compression not in _SUFFIX:
            raise ValueError(
                f"compression must be one of {sorted(_SUFFIX)}, not {self.compression!r}"
            )
        return _JsonlSink(path, self.compression)
