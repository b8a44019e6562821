"""A decompressed WARC stream cut into records by saring: each record checked against its
Content-Length and the ``CRLF CRLF`` that must follow its block; after damage, reading
resyncs to the next line starting ``WARC/1.`` (see ``saring.io.warc``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from saring.io.streams import READ_ERRORS

_MAGIC = b"WARC/1."
"""How every WARC 1.0/1.1 record starts; the reader resyncs to the next one after damage."""
END = b"\r\n\r\n"
"""What follows every record's block."""
_SEPARATOR = END + _MAGIC
MAX_HEADER_BYTES = 1 << 16
"""Longest WARC header read; a longer one is damage."""
_CHUNK = 1 << 20
LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*([^\r\n]*)", re.IGNORECASE | re.MULTILINE)
_FIELD = re.compile(rb"^([A-Za-z0-9-]+)[ \t]*:[ \t]*([^\r\n]*)", re.MULTILINE)


@dataclass(slots=True)
class RawRecord:
    """One record as found in the stream: its WARC header, its block (at most the splitter's
    ``keep`` bytes of it), its size in the stream and, if damaged, a reason and a message."""

    header: bytes
    block: bytes
    size: int
    reason: str | None = None
    detail: str = ""

    def field(self, name: str) -> str | None:
        """Return a WARC header field's value, or ``None``."""
        wanted = name.lower().encode()
        for key, value in _FIELD.findall(self.header):
            if key.lower() == wanted:
                return str(value.strip().decode("utf-8", "replace"))
        return None


class RecordSplitter:
    """Cuts a decompressed WARC stream into records by Content-Length, checking that each
    block is followed by the ``CRLF CRLF`` that ends a record.

    A block that ends elsewhere, or one that runs on past another record's header, has a
    wrong length: it is yielded as ``invalid/bad_length`` and reading resyncs to the next line
    starting ``WARC/1.``. A stream that ends inside a record (a cut file, a damaged
    compressed stream) yields it as ``invalid/truncated``; bytes that are not a record are
    yielded as ``invalid/bad_header``. Every byte of the stream belongs to one yielded record.
    At most ``keep`` bytes of a block are held in memory; the rest is streamed past.
    """

    def __init__(self, stream: Any, keep: int) -> None:
        self.stream = stream
        self.keep = keep
        self.damage: BaseException | None = None
        """The decompression error that ended the stream early, if any."""
        self._buffer = bytearray()
        self._eof = False

    def _more(self) -> bool:
        """Read one more chunk into the buffer; return whether anything came."""
        if self._eof:
            return False
        try:
            chunk = self.stream.read1(_CHUNK)
        except READ_ERRORS as exc:
            self.damage = exc
            chunk = b""
        if not chunk:
            self._eof = True
            return False
        self._buffer += chunk
        return True

    def _fill(self, size: int) -> bool:
        """Read until ``size`` bytes are buffered; return whether they are."""
        while len(self._buffer) < size and self._more():
            pass
        return len(self._buffer) >= size

    def _take(self, size: int) -> bytes:
        """Remove and return the first ``size`` buffered bytes."""
        taken = self._copy(size)
        del self._buffer[:size]
        return taken

    def _copy(self, size: int) -> bytes:
        """Return the first ``size`` buffered bytes, copied once (slicing the bytearray would
        copy them twice)."""
        with memoryview(self._buffer) as view:
            return bytes(view[:size])

    def _skip_to_record(self, start: int) -> tuple[bytes, int]:
        """Remove the bytes before the next line starting ``WARC/1.`` at or after ``start``
        (or all, if none follows); return the first ``start + keep`` of them and their count."""
        held = start + self.keep
        kept = bytearray()
        skipped = 0
        at = start
        while True:
            found = self._buffer.find(_MAGIC, at)
            while found != -1 and found > 0 and self._buffer[found - 1] != 0x0A:
                found = self._buffer.find(_MAGIC, found + 1)
            if found != -1 or not self._more():
                size = found if found != -1 else len(self._buffer)
                part = self._take(size)
                kept += part[: max(0, held - len(kept))]
                return bytes(kept), skipped + size
            # Bytes far from the end can no longer hold the start of a match: let them go.
            spare = len(self._buffer) - len(_MAGIC) - _CHUNK
            if spare > max(at, 0):
                part = self._take(spare)
                kept += part[: max(0, held - len(kept))]
                skipped += spare
                at = 0
            else:
                at = max(at, len(self._buffer) - _CHUNK - len(_MAGIC))

    def __iter__(self) -> Iterator[RawRecord]:
        while True:
            # Blank lines between records are tolerated (some writers add extra CRLFs).
            while self._fill(1) and self._buffer[0] in b"\r\n":
                del self._buffer[:1]
            if not self._buffer:
                return
            self._fill(len(_MAGIC))
            if not self._buffer.startswith(_MAGIC):
                data, size = self._skip_to_record(1)
                detail = f"{size} bytes that are not a WARC record"
                yield RawRecord(data[:MAX_HEADER_BYTES], b"", size, "invalid/bad_header", detail)
                continue
            yield self._record()

    def _record(self) -> RawRecord:
        """Return the record at the start of the buffer."""
        end = self._buffer.find(END, 0, MAX_HEADER_BYTES)
        while end == -1 and len(self._buffer) < MAX_HEADER_BYTES and self._more():
            end = self._buffer.find(END, 0, MAX_HEADER_BYTES)
        if end == -1:
            if len(self._buffer) < MAX_HEADER_BYTES:
                data = self._take(len(self._buffer))
                return RawRecord(data, b"", len(data), "invalid/truncated", self._cut("header"))
            data, size = self._skip_to_record(1)
            detail = f"WARC header over {MAX_HEADER_BYTES} bytes"
            return RawRecord(data[:MAX_HEADER_BYTES], b"", size, "invalid/bad_header", detail)
        header = self._take(end + len(END))
        found = LENGTH.search(header)
        value = found[1].strip() if found else b""
        if not value.isdigit():
            what = f"Content-Length {value.decode('ascii', 'replace')!r}" if found else "none"
            block, size = self._skip_to_record(0)
            detail = f"no usable Content-Length ({what}); resynced at the next record"
            return RawRecord(header, block, len(header) + size, "invalid/bad_length", detail)
        return self._block(header, int(value))

    def _block(self, header: bytes, length: int) -> RawRecord:
        """Return the record whose header was just read, with a block of ``length`` bytes."""
        end = length + len(END)
        if length <= self.keep and self._fill(end) and self._buffer[length:end] == END:
            # The usual record, held whole and ending where its header says: one copy.
            block = self._copy(length)
            del self._buffer[:end]
            return RawRecord(header, block, len(header) + end)
        kept = bytearray()
        consumed = 0
        while consumed < length:
            if len(self._buffer) < len(_SEPARATOR) + 1:
                self._more()
            if not self._buffer:
                inside = kept.find(_SEPARATOR) if len(kept) == consumed else -1
                if inside != -1:
                    # Not cut: the length runs past the end, over the records that follow.
                    self._buffer[:0] = kept[inside + len(END) :]
                    size = len(header) + inside + len(END)
                    detail = f"Content-Length {length} runs past the end of the file; resynced"
                    return RawRecord(
                        header, bytes(kept[:inside]), size, "invalid/bad_length", detail
                    )
                size = len(header) + consumed
                return RawRecord(header, bytes(kept), size, "invalid/truncated", self._cut("block"))
            window = min(len(self._buffer), length - consumed)
            # Another record's header inside the block: the length runs past its record.
            inside = self._buffer.find(_SEPARATOR, 0, window + len(_SEPARATOR) - 1)
            if inside != -1 and inside < window and length > self.keep:
                part = self._take(inside + len(END))
                kept += part[: max(0, self.keep - len(kept))]
                size = len(header) + consumed + len(part)
                detail = f"Content-Length {length} runs past the next record; resynced there"
                return RawRecord(header, bytes(kept), size, "invalid/bad_length", detail)
            safe = window
            if window == len(self._buffer) and not self._eof:
                safe = max(0, window - len(_SEPARATOR) + 1)
            if safe == 0:
                self._more()
                continue
            part = self._take(safe)
            kept += part[: max(0, self.keep - len(kept))]
            consumed += safe
        self._fill(len(END))
        tail = bytes(self._buffer[: len(END)])
        if tail == END or (self._eof and END.startswith(tail)):
            del self._buffer[: len(tail)]
            return RawRecord(header, bytes(kept), len(header) + length + len(tail))
        # The block does not end where the header says: its true end is unknown, so the
        # record runs from its header to the next one.
        if len(kept) == consumed:
            self._buffer[:0] = kept
            block, size = self._skip_to_record(0)
        else:
            rest, extra = self._skip_to_record(0)
            block, size = bytes(kept) + rest[: max(0, self.keep - len(kept))], consumed + extra
        detail = f"Content-Length {length} does not end at a record boundary; resynced"
        return RawRecord(header, block, len(header) + size, "invalid/bad_length", detail)

    def _cut(self, where: str) -> str:
        """Return the message for a record the stream ends inside."""
        damage = f" ({type(self.damage).__name__}: {self.damage})" if self.damage else ""
        return f"the file ends inside this record's {where}{damage}"
