"""The gzip member reader gives what the standard library's gzip gives, damage included."""

from __future__ import annotations

import gzip
import io
import random

import pytest

from saring.io.gzipped import open_gzip
from saring.io.streams import READ_ERRORS


def _named(data: bytes) -> bytes:
    """Return a member with a file name, a comment-free header and an extra field."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="berita.warc", fileobj=buffer, mode="wb", mtime=0) as out:
        out.write(data)
    raw = bytearray(buffer.getvalue())
    raw[3] |= 4  # FEXTRA: two bytes of length, then the field, before the name
    return bytes(raw[:10]) + b"\x02\x00ab" + bytes(raw[10:])


def _read(data: bytes, opener: object) -> tuple[bytes, str | None]:
    """Return what a reader gives of the stream with read1, and the error that ended it."""
    parts: list[bytes] = []
    error = None
    try:
        with opener(io.BufferedReader(io.BytesIO(data))) as stream:  # type: ignore[operator]
            while chunk := stream.read1(1 << 20):
                parts.append(chunk)
    except READ_ERRORS as exc:
        error = f"{type(exc).__name__}: {exc}"
    return b"".join(parts), error


rng = random.Random(7)
TEXT = b"Pemerintah Kota Bandung meresmikan taman baru di kawasan Dago. "
MEMBERS = b"".join(
    gzip.compress(rng.randbytes(2000) + TEXT * rng.randint(1, 400), mtime=0) for _ in range(20)
)
CASES = {
    "members": MEMBERS,
    "named": _named(TEXT * 50) + MEMBERS,
    "cut inside a member": MEMBERS[: len(MEMBERS) // 2],
    "cut inside a trailer": MEMBERS[:-5],
    "bad crc": MEMBERS[:-9] + bytes([MEMBERS[-9] ^ 1]) + MEMBERS[-8:],
    "trailing bytes": MEMBERS + b"bukan gzip",
    "one trailing byte": MEMBERS + b"x",
    "zero padding": gzip.compress(TEXT) + b"\x00" * 9 + gzip.compress(TEXT) + b"\x00\x00",
    "not gzip": b"\x00\x00" + MEMBERS,
    "empty": b"",
}


@pytest.mark.parametrize("name", list(CASES))
def test_reads_as_gzip_does(name: str) -> None:
    data = CASES[name]
    expected = _read(data, lambda raw: gzip.GzipFile(fileobj=raw, mode="rb"))
    assert _read(data, open_gzip) == expected


def test_damage_comes_after_what_decompressed_before_it() -> None:
    found, error = _read(CASES["cut inside a member"], open_gzip)
    assert error is not None
    assert error.startswith("EOFError")
    assert len(found) > len(TEXT) * 10
