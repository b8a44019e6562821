"""What every reader and writer shares: finding input files, opening compressed streams,
turning input records into documents, and turning bad input into counted, kept records."""

from __future__ import annotations

import bz2
import codecs
import glob
import gzip
import io
import logging
import lzma
import os
import re
import stat
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
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
MAX_RECORD_BYTES = 64 * 2**20
"""Default byte cap of one record (a JSON line, a text file) as decompressed: a record over
it is cut off while decompressing, counted and kept in ``removed/`` by its first bytes."""
KEPT_HEAD = 64 * 2**10
"""Bytes of an over-cap record kept in ``removed/``."""
RUN_MARKERS = (".saring-run", os.path.join("_work", "config.toml"))
"""Files that mark a folder as a saring run's output (finished, or unfinished)."""
_log = logging.getLogger("saring")


def note(message: str) -> None:
    """Tell the user about an input that is skipped (printed to stderr once per run)."""
    _log.warning("saring: note: %s", message)


def is_run_output(folder: str) -> bool:
    """Return whether a folder is the output of a saring run (it holds a run marker)."""
    return any(os.path.isfile(os.path.join(folder, marker)) for marker in RUN_MARKERS)


def _utf8(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # a byte that is not UTF-8, carried as a lone surrogate
        return False
    return True


def _shown(path: str) -> str:
    return repr(path.encode("utf-8", "surrogateescape"))[2:-1]


def find_files(folder: str, quiet: bool = False) -> list[str]:
    """Return the regular files under a folder, sorted, following symlinked folders once each.

    Skipped with a note: names that are not UTF-8, dangling symlinks, FIFOs, sockets and
    devices, unreadable folders, symlink loops, and earlier saring outputs nested inside (a
    folder that is itself an output is read from its ``docs/`` only)."""
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    tell = (lambda message: None) if quiet else note

    def visit(path: str) -> None:
        try:
            info = os.stat(path)
        except OSError as exc:
            tell(f"skipped unreadable folder {_shown(path)}: {exc.strerror}")
            return
        if (info.st_dev, info.st_ino) in seen:
            tell(f"skipped {_shown(path)}: a symlink back to a folder already read")
            return
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            tell(f"skipped unreadable folder {_shown(path)}: {exc.strerror}")
            return
        for entry in entries:
            if not _utf8(entry.path):
                tell(f"skipped {_shown(entry.path)}: its name is not valid UTF-8; rename it")
                continue
            try:
                mode = os.stat(entry.path).st_mode
            except OSError:
                tell(f"skipped {entry.path}: a symlink to nothing (dangling)")
                continue
            if stat.S_ISDIR(mode):
                if is_run_output(entry.path):
                    tell(f"skipped {entry.path}: the output of an earlier saring run")
                else:
                    visit(entry.path)
            elif stat.S_ISREG(mode):
                found.append(entry.path)
            else:
                tell(f"skipped {entry.path}: not a regular file (FIFO, socket or device)")

    if is_run_output(folder):
        tell(f"{folder} is an earlier saring run's output: reading its docs/ only")
        folder = os.path.join(folder, "docs")
    visit(folder)
    return sorted(found)


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


def _globbed(path: str) -> bool:
    """Return whether a glob match is a file to read; say why when it is not."""
    if not _utf8(path):
        note(f"skipped {_shown(path)}: its name is not valid UTF-8; rename it")
        return False
    if os.path.isdir(path):
        return False
    if not os.path.isfile(path):
        note(f"skipped {path}: not a regular file, or a symlink to nothing")
        return False
    parent = os.path.dirname(os.path.abspath(path))
    while parent != os.path.dirname(parent):
        if is_run_output(parent):
            note(f"skipped {path}: inside the output of an earlier saring run")
            return False
        parent = os.path.dirname(parent)
    return True


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


class Reader(Params):
    """Finds input files and yields their documents; bad records come out as ``Dropped``."""

    extensions: ClassVar[tuple[str, ...]] = ()
    """File endings this reader takes when given a folder (compression suffixes allowed)."""
    drop_reasons: ClassVar[tuple[str, ...]] = INVALID_REASONS

    paths: list[str]
    max_chars: int
    max_record_bytes: int

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
            if not _utf8(given):
                raise InputError(f"input name {_shown(given)} is not valid UTF-8; rename it")
            if os.path.isfile(given):
                found.append(given)
            elif os.path.isdir(given):
                matches = [p for p in find_files(given) if self.accepts(p)]
                if not matches:
                    raise InputError(f"no {self.describe()} file in folder {given!r}")
                found.extend(matches)
            elif any(ch in given for ch in "*?["):
                matches = sorted(p for p in glob.glob(given, recursive=True) if _globbed(p))
                if not matches:
                    raise InputError(f"no input file matches {given!r}")
                found.extend(matches)
            elif os.path.exists(given):
                raise InputError(f"input {given!r} is not a regular file (FIFO, socket or device)")
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
