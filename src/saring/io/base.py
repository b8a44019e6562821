"""What every reader and writer shares: finding input files, opening compressed streams,
turning input records into documents, and turning bad input into counted, kept records."""

from __future__ import annotations

import bz2
import glob
import gzip
import io
import lzma
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, ClassVar

import zstandard

from saring import meta
from saring.document import Document, Dropped
from saring.errors import ConfigError, InputError
from saring.params import Params

COMPRESSIONS: dict[str, str] = {
    ".gz": "gzip",
    ".zst": "zstd",
    ".zstd": "zstd",
    ".bz2": "bz2",
    ".xz": "xz",
}
INVALID_REASONS = (
    "invalid/json",
    "invalid/encoding",
    "invalid/empty",
    "invalid/no_text",
    "invalid/too_large",
    "invalid/file",
)
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    zstandard.ZstdError,
)
"""What opening or decompressing a damaged input file raises."""


def split_compression(path: str) -> tuple[str, str | None]:
    """Return (path without compression suffix, compression name or None)."""
    for suffix, name in COMPRESSIONS.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], name
    return path, None


class _CountingFile(io.RawIOBase):
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


class _ZstdFile(io.RawIOBase):
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


# A shard that is part of a file: "<path>#lines=<first line>@<start byte>-<end byte>".
_RANGE = re.compile(r"^(?P<path>.*)#lines=(?P<line>\d+)@(?P<start>\d+)-(?P<end>\d+)$")


def shard_file(shard: str) -> str:
    """Return the file a shard reads (a shard is a file or a line-aligned part of one)."""
    found = _RANGE.match(shard)
    return found["path"] if found and not os.path.exists(shard) else shard


def shard_bytes(shard: str) -> int:
    """Return how many bytes of its file a shard reads."""
    found = _RANGE.match(shard)
    if found and not os.path.exists(shard):
        return int(found["end"]) - int(found["start"])
    return os.path.getsize(shard)


class Source:
    """One shard: opens it decompressed and tells how many bytes have been read. A shard is a
    file, or a line-aligned byte range of an uncompressed file (see ``JsonlReader``)."""

    def __init__(self, path: str) -> None:
        found = _RANGE.match(path)
        ranged = found is not None and not os.path.exists(path)
        self.path = found["path"] if ranged and found else path
        self.start = int(found["start"]) if ranged and found else 0
        self.end = int(found["end"]) if ranged and found else None
        self.first_line = int(found["line"]) if ranged and found else 1
        """Number of the shard's first line in its file."""
        self.name = os.path.basename(self.path)
        self.counters: Counter[str] = Counter()
        """Records a reader skipped without yielding them, e.g. WARC request records."""
        self._counter: _CountingFile | None = None

    @property
    def bytes_read(self) -> int:
        """Compressed bytes read so far."""
        return self._counter.bytes_read if self._counter else 0

    def open(self) -> Any:
        """Return a buffered binary stream (a ``BinaryIO``) of the decompressed content."""
        file = open(self.path, "rb")  # noqa: SIM115 - the caller closes the stream
        if self.end is not None:
            file.seek(self.start)
        limit = None if self.end is None else self.end - self.start
        self._counter = _CountingFile(file, limit)
        raw: IO[bytes] = io.BufferedReader(self._counter, buffer_size=1 << 20)
        _, compression = split_compression(self.path)
        if compression == "gzip":
            return gzip.GzipFile(fileobj=raw, mode="rb")
        if compression == "zstd":
            return io.BufferedReader(_ZstdFile(raw), buffer_size=1 << 20)
        if compression == "bz2":
            return bz2.BZ2File(raw)
        if compression == "xz":
            return lzma.LZMAFile(raw)
        return raw


class Reader(Params):
    """Finds input files and yields their documents; bad records come out as ``Dropped``."""

    extensions: ClassVar[tuple[str, ...]] = ()
    """File endings this reader takes when given a folder (compression suffixes allowed)."""
    drop_reasons: ClassVar[tuple[str, ...]] = INVALID_REASONS

    paths: list[str]
    max_chars: int

    def validate(self) -> None:
        super().validate()
        for name in ("max_chars", "max_html_bytes", "max_record_bytes", "batch_size"):
            value = getattr(self, name, 1)
            if value <= 0:
                raise ConfigError(f"{type(self).__name__}.{name} must be positive, not {value!r}")
        timeout = getattr(self, "extract_timeout", 1.0)
        if timeout <= 0:
            raise ConfigError(f"{type(self).__name__}.extract_timeout must be positive")

    def shards(self) -> list[str]:
        """Return the input files in a stable order: globs and folders expanded, sorted."""
        self.validate()
        found: list[str] = []
        for given in self.paths:
            if os.path.isfile(given):
                found.append(given)
            elif os.path.isdir(given):
                matches = sorted(
                    str(p) for p in Path(given).rglob("*") if p.is_file() and self.accepts(str(p))
                )
                if not matches:
                    raise InputError(f"no {self.describe()} file in folder {given!r}")
                found.extend(matches)
            elif any(ch in given for ch in "*?["):
                matches = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
                if not matches:
                    raise InputError(f"no input file matches {given!r}")
                found.extend(matches)
            else:
                raise InputError(f"input not found: {given!r}")
        # A file named twice (a folder and a file in it, two globs) is read once.
        unique: dict[str, str] = {}
        for path in found:
            unique.setdefault(os.path.realpath(path), path)
        return list(unique.values())

    @classmethod
    def accepts(cls, path: str) -> bool:
        """Return whether the file name ends in one of this reader's extensions."""
        base, _ = split_compression(path)
        return base.endswith(cls.extensions)

    @classmethod
    def describe(cls) -> str:
        """Return the extensions, for messages."""
        return "/".join(cls.extensions)

    def read(self, source: Source, strict: bool = False) -> Iterator[Document | Dropped]:
        """Yield the documents of one file; unusable records as ``Dropped`` (or raise if strict)."""
        raise NotImplementedError

    def invalid(
        self,
        source: Source,
        position: int,
        kind: str,
        raw: bytes | str,
        detail: str,
        strict: bool,
    ) -> Dropped:
        """Return a kept record of unusable input, or raise ``InputError`` under ``strict``."""
        where = f"{source.path}:{position}" if position else source.path
        if strict:
            raise InputError(f"{where}: {kind.removeprefix('invalid/')}: {detail}")
        text = raw if isinstance(raw, str) else raw.decode("utf-8", errors="backslashreplace")
        doc = Document(
            id=f"{source.name}:{position}",
            text=text,
            metadata={
                meta.SOURCE_FILE: source.name,
                meta.SOURCE_LINE: position,
                meta.INVALID_DETAIL: detail,
            },
        )
        return Dropped(doc, kind)


class RecordReader(Reader):
    """A reader of files whose records are field/value mappings (JSONL, Parquet)."""

    text_field: str
    id_field: str
    url_field: str

    def document(
        self, record: Any, source: Source, position: int, raw: bytes | str, strict: bool
    ) -> Document | Dropped:
        """Return the document a record holds, or a ``Dropped`` saying why it holds none."""
        if not isinstance(record, dict):
            return self.invalid(
                source, position, "invalid/json", raw, "record is not an object", strict
            )
        text = record.get(self.text_field)
        if not isinstance(text, str):
            detail = f"field {self.text_field!r} is missing or not a string"
            return self.invalid(source, position, "invalid/no_text", raw, detail, strict)
        if not text.strip():
            return self.invalid(source, position, "invalid/empty", raw, "text is empty", strict)
        if len(text) > self.max_chars:
            detail = f"text has {len(text)} characters, more than max_chars={self.max_chars}"
            return self.invalid(source, position, "invalid/too_large", raw, detail, strict)
        given_id = record.get(self.id_field)
        url = record.get(self.url_field)
        metadata: dict[str, Any] = {meta.SOURCE_FILE: source.name, meta.SOURCE_LINE: position}
        saved = record.get("metadata")
        if isinstance(saved, dict):
            metadata = {**saved, **metadata}
        taken = {self.text_field, self.id_field, self.url_field, "metadata", "domain"}
        extra = {k: v for k, v in record.items() if k not in taken and v is not None}
        extra.pop("lang", None)
        extra.pop("lang_score", None)
        if extra:
            metadata[meta.EXTRA_FIELDS] = extra
        lang = record.get("lang")
        score = record.get("lang_score")
        return Document(
            id=str(given_id) if given_id not in (None, "") else f"{source.name}:{position}",
            text=text,
            url=url if isinstance(url, str) and url else None,
            domain=record.get("domain") if isinstance(record.get("domain"), str) else None,
            lang=lang if isinstance(lang, str) else None,
            lang_score=float(score) if isinstance(score, int | float) else None,
            metadata=metadata,
        )


class RecordSink:
    """An open output file that takes records one at a time; use as a context manager."""

    def write(self, record: Any) -> None:
        """Append one record (a mapping of column to value; spill files also take lists)."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the file."""
        raise NotImplementedError

    def __enter__(self) -> RecordSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Writer(Params):
    """Writes records to one file per shard, in a format named by ``extension``."""

    def extension(self) -> str:
        """Return the file ending of this writer's output, e.g. ``.parquet``."""
        raise NotImplementedError

    def open(self, path: str, columns: tuple[str, ...]) -> RecordSink:
        """Return a sink writing records with ``columns`` to ``path``."""
        raise NotImplementedError
