"""JSON Lines input and output, plain or compressed (.gz, .zst)."""

from __future__ import annotations

import codecs
import gzip
import io
from collections.abc import Iterator
from typing import IO, Any, Literal, cast

import orjson
import zstandard

from saring import storage
from saring.document import Document, Dropped
from saring.extract import Extraction
from saring.io.base import RecordReader, RecordSink, Writer
from saring.io.html import EXTRACT_TIMEOUT, MAX_HTML_BYTES, ExtractingReader, Pending
from saring.io.shards import Source
from saring.io.streams import (
    MAX_RECORD_BYTES,
    READ_ERRORS,
    LongRecord,
    Recoded,
    bounded_lines,
    sniff_encoding,
    split_compression,
)

Compression = Literal["none", "gzip", "zstd"]
_SUFFIX: dict[str, str] = {"none": "", "gzip": ".gz", "zstd": ".zst"}
_UNREADABLE: tuple[type[BaseException], ...] = (*READ_ERRORS, UnicodeDecodeError)
"""What reading on may raise: damage, or a UTF-16/32 file that stops being valid."""


class JsonlReader(RecordReader, ExtractingReader):
    """Reads one document per line of JSON Lines files (.jsonl, .ndjson, .json; compressed
    .gz, .zst, .bz2 or .xz).

    With ``html_field``, that field holds the page's HTML: the text is its extracted article
    (``extractor`` ``quality`` or ``fast``, bounded by ``max_html_bytes`` and
    ``extract_timeout``), the page's title, date, author, site name, canonical URL and
    language go to the metadata, and the HTML itself is not kept.

    An uncompressed file larger than ``split_bytes`` is read as several shards (line-aligned
    byte ranges), so that several workers share it; ids and line numbers stay those of the
    whole file. Compressed files cannot be split.

    A line over ``max_record_bytes`` (decompressed) is cut off as it is read and kept in
    ``removed/`` as ``invalid/too_large`` by its first 64 KiB. A UTF-16 or UTF-32 file (by
    byte order mark, or by its zero bytes) is decoded, and counted as ``encoding/<name>``.
    """

    extensions = (".jsonl", ".ndjson", ".json")

    def __init__(
        self,
        paths: list[str],
        text_field: str = "text",
        id_field: str = "id",
        url_field: str = "url",
        max_chars: int = 5_000_000,
        html_field: str | None = None,
        extractor: str = "quality",
        max_html_bytes: int = MAX_HTML_BYTES,
        extract_timeout: float = EXTRACT_TIMEOUT,
        split_bytes: int = 128 * 2**20,
        max_record_bytes: int = MAX_RECORD_BYTES,
    ) -> None:
        self.paths = paths
        self.text_field = text_field
        self.id_field = id_field
        self.url_field = url_field
        self.max_chars = max_chars
        self.html_field = html_field
        self.extractor = extractor
        self.max_html_bytes = max_html_bytes
        self.extract_timeout = extract_timeout
        self.split_bytes = split_bytes
        self.max_record_bytes = max_record_bytes

    def shards(self) -> list[str]:
        shards: list[str] = []
        for path in super().shards():
            size = storage.size(path)
            if self.split_bytes <= 0 or size <= self.split_bytes or split_compression(path)[1]:
                shards.append(path)
                continue
            bounds = _line_bounds(path, self.split_bytes)
            shards += [
                f"{path}#lines={line}@{start}-{end}"
                for (start, line), (end, _) in zip(bounds, [*bounds[1:], (size, 0)], strict=True)
            ]
        return shards

    def read(self, source: Source, strict: bool = False) -> Iterator[Document | Dropped]:
        items = self._items(source, strict)
        if self.html_field is None:
            yield from cast(Iterator[Document | Dropped], items)
        else:  # pages are sent ahead to the extraction child, as the WARC reader's are
            yield from self.pipelined(items, strict)

    def _items(self, source: Source, strict: bool) -> Iterator[Document | Dropped | Pending]:
        """Yield each line's document, its kept failure, or its page waiting for extraction."""
        lines = _numbered_lines(source, self.max_record_bytes)
        lineno = 0
        while True:
            # Only reading the file may fail as ``invalid/file``; parsing a line has its own.
            try:
                lineno, line = next(lines)
            except StopIteration:
                return
            except _UNREADABLE as exc:
                detail = f"unreadable from here on: {exc}"
                yield self.invalid(source, lineno + 1, "invalid/file", b"", detail, strict)
                return
            if isinstance(line, LongRecord):
                source.counters["oversized_records"] += 1
                source.counters["oversized_bytes"] += line.size
                detail = (
                    f"line has {line.size} bytes, more than max_record_bytes="
                    f"{self.max_record_bytes}; its first {len(line.head)} bytes are kept"
                )
                yield self.invalid(source, lineno, "invalid/too_large", line.head, detail, strict)
            elif line.strip():
                yield self._parse(line.rstrip(b"\r\n"), source, lineno, strict)

    def _parse(
        self, line: bytes, source: Source, lineno: int, strict: bool
    ) -> Document | Dropped | Pending:
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as bad:
                detail = f"{bad}; the file is not UTF-8 (convert it, e.g. with iconv)"
                return self.invalid(source, lineno, "invalid/encoding", line, detail, strict)
            return self.invalid(source, lineno, "invalid/json", line, str(exc), strict)
        if self.html_field is not None and isinstance(record, dict):
            return self._from_html(record, self.html_field, source, lineno, line, strict)
        return self.document(record, source, lineno, line, strict)

    def _from_html(
        self,
        record: dict[str, Any],
        field: str,
        source: Source,
        lineno: int,
        line: bytes,
        strict: bool,
    ) -> Document | Dropped | Pending:
        """Return the page of the HTML field waiting for extraction (then the document whose
        text is its article), or the kept failure."""
        html = record.pop(field, None)
        if not isinstance(html, str) or not html.strip():
            detail = f"field {field!r} is missing, empty or not a string"
            return self.invalid(source, lineno, "invalid/no_text", line, detail, strict)
        url = record.get(self.url_field)
        url = url if isinstance(url, str) and url else None
        body = html.encode("utf-8", errors="surrogatepass")

        def done(result: Extraction | Dropped) -> Document | Dropped:
            if isinstance(result, Dropped):
                result.doc.text = line.decode("utf-8", errors="backslashreplace")
                return result
            record[self.text_field] = result.text
            doc = self.document(record, source, lineno, line, strict)
            if isinstance(doc, Document):
                doc.metadata.update(result.metadata)
            return doc

        return self.pending((html, body), url, source, lineno, strict, len(body), done)


def _line_bounds(path: str, every: int) -> list[tuple[int, int]]:
    """Return (byte offset, line number) of the line starts at which to cut a file into parts
    of about ``every`` bytes: the first line starting at or after each multiple."""
    bounds = [(0, 1)]
    lines_before = 0
    offset = 0
    target = every
    with storage.open_file(path) as file:
        while chunk := file.read(1 << 20):
            while offset + len(chunk) > target:
                cut = chunk.find(b"\n", max(target - offset - 1, 0))
                if cut < 0:
                    break
                start = offset + cut + 1
                bounds.append((start, lines_before + chunk.count(b"\n", 0, cut + 1) + 1))
                target = start + every
            lines_before += chunk.count(b"\n")
            offset += len(chunk)
    return [b for b in bounds if b[0] < offset]


def _numbered_lines(source: Source, limit: int) -> Iterator[tuple[int, bytes | LongRecord]]:
    """Yield (line number, line) of a shard, without a leading byte order mark, decoded to
    UTF-8 from UTF-16 or UTF-32; a line over ``limit`` bytes as a ``LongRecord``."""
    with source.open() as stream:
        lines: Any = stream
        encoding = sniff_encoding(stream.peek(4)[:4]) if source.start == 0 else None
        if encoding is not None:
            source.counters[f"encoding/{encoding[:6]}"] += 1
            lines = io.BufferedReader(Recoded(stream, encoding), buffer_size=1 << 20)
        for lineno, line in enumerate(bounded_lines(lines, limit), start=source.first_line):
            if lineno == 1 and isinstance(line, bytes):
                # A byte order mark (Windows tools write one) is not part of the JSON.
                line = line.removeprefix(codecs.BOM_UTF8)
            yield lineno, line


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
