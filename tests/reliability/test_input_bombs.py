"""Decompression bombs: a reader stops a line or file at its byte cap while decompressing,
counts the rest and goes on; memory stays bounded (measured in a child process)."""

from __future__ import annotations

import io
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import article
from saring import ParquetReader
from saring.document import Dropped
from saring.io.shards import Source
from saring.io.streams import KEPT_HEAD, LongRecord, bounded_lines

LINE_BYTES = 256 * 2**20
"""Decompressed size of the bomb's one long line; the cap in these tests is 1 MiB."""


def _gzip_bomb(path: Path, head: bytes, tail: bytes) -> Path:
    """Write a .gz holding ``head``, 256 MiB of one letter, then ``tail`` (about 250 KB)."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    parts = [packer.compress(head)]
    block = b"a" * 2**20
    parts += [packer.compress(block) for _ in range(LINE_BYTES // len(block))]
    parts += [packer.compress(tail), packer.flush()]
    path.write_bytes(b"".join(parts))
    return path


_CHILD = """
import json, resource, sys
from saring import {reader}
from saring.io.shards import Source
reader = {reader}([sys.argv[1]], max_record_bytes=2**20)
source = Source(sys.argv[1])
items = [(type(i).__name__, getattr(i, "reason", None)) for i in reader.read(source)]
# VmHWM is this program's own peak; ru_maxrss would carry the forking parent's over exec.
status = open("/proc/self/status").read().split("VmHWM:")
peak = int(status[1].split()[0]) if len(status) > 1 else resource.getrusage(0).ru_maxrss
print(json.dumps([items, dict(source.counters), peak]))
"""


def _read_in_child(reader: str, path: Path) -> tuple[list[tuple[str, str | None]], Any, int]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD.format(reader=reader), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    items, counters, peak_kib = orjson.loads(done.stdout)
    return [tuple(item) for item in items], counters, peak_kib


def test_jsonl_gz_with_one_huge_line_stays_small_and_goes_on(tmp_path: Path) -> None:
    good = orjson.dumps({"id": "d1", "text": article(1)}) + b"\n"
    bomb = _gzip_bomb(tmp_path / "bom.jsonl.gz", good + b'{"id": "x", "text": "', b'"}\n' + good)
    assert bomb.stat().st_size < 2 * 2**20
    items, counters, peak_kib = _read_in_child("JsonlReader", bomb)
    assert items == [("Document", None), ("Dropped", "invalid/too_large"), ("Document", None)]
    assert counters["oversized_records"] == 1
    assert counters["oversized_bytes"] > LINE_BYTES
    print(f"peak RSS {peak_kib} KiB")
    assert peak_kib < 200 * 1024, f"peak RSS {peak_kib} KiB"


def test_txt_gz_bomb_is_cut_at_the_cap(tmp_path: Path) -> None:
    bomb = _gzip_bomb(tmp_path / "bom.txt.gz", b"kompas.com\n", b"\n")
    items, counters, peak_kib = _read_in_child("TextReader", bomb)
    assert items == [("Dropped", "invalid/too_large")]
    assert counters["oversized_records"] == 1
    print(f"peak RSS {peak_kib} KiB")
    assert peak_kib < 200 * 1024, f"peak RSS {peak_kib} KiB"


@pytest.mark.parametrize("size", [1, 5, 2**20 - 3, 2**20, 2**20 + 7])
def test_bounded_lines_split_like_readlines_below_the_cap(size: int) -> None:
    data = b"".join(b"x" * (n % 97) + b"\r\n" for n in range(size // 50 + 3)) + b"y" * size
    got = list(bounded_lines(io.BytesIO(data), 2**22))
    assert got == io.BytesIO(data).readlines()


def test_bounded_lines_cut_long_lines_anywhere() -> None:
    data = b"ok\n" + b"a" * (3 * 2**20) + b"\nok\n" + b"b" * 50
    got = list(bounded_lines(io.BytesIO(data), 100))
    assert got[0] == b"ok\n"
    assert got[1] == LongRecord(b"a" * KEPT_HEAD, 3 * 2**20 + 1)
    assert got[2:] == [b"ok\n", b"b" * 50]
    assert list(bounded_lines(io.BytesIO(b"c" * 101), 100)) == [LongRecord(b"c" * 101, 101)]


def test_parquet_row_group_over_the_cap_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "besar.parquet"
    table = pa.table({"id": ["a", "b"], "text": [article(1), "z" * 3_000_000]})
    pq.write_table(table, path, row_group_size=1)
    source = Source(str(path))
    items = list(ParquetReader([str(path)], max_record_bytes=2**20).read(source))
    assert [i.reason if isinstance(i, Dropped) else i.id for i in items] == [
        "a",
        "invalid/too_large",
    ]
    assert source.counters["oversized_records"] == 1
