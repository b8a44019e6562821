"""Damaged WARC files lose nothing unseen (issue 12, item 3): every complete record before the
damage is read, a cut record is kept as ``invalid/truncated``, a wrong Content-Length is
kept as ``invalid/bad_length`` and reading resyncs to the next record, and every record read
is in ``docs/``, ``removed/`` or a ``skipped/`` counter."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import orjson
import pytest

import saring
from conftest import read_rows
from saring import meta
from saring.document import Document, Dropped
from saring.executors.local import LocalExecutor
from saring.io import Source
from saring.io.warc import WarcReader
from saring.pipeline import Pipeline

KOTA = ("Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Palembang")


def page(n: int) -> bytes:
    """Return an Indonesian news page whose article names its number ``n``."""
    city = KOTA[n % len(KOTA)]
    paragraphs = "".join(
        f"<p>Laporan nomor {n}: pemerintah kota {city} meresmikan jalur bus listrik ke-{k} "
        f"yang menghubungkan terminal utama dengan kawasan industri, setelah uji coba selama "
        f"tiga bulan menunjukkan jumlah penumpang naik hampir dua kali lipat.</p>"
        for k in range(1, 4)
    )
    return (
        f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>Bus listrik {city} nomor {n}</title></head><body><nav><a href='/'>Beranda</a>"
        f"</nav><article><h1>Bus listrik {city}</h1>{paragraphs}</article>"
        f"<footer>Hak Cipta 2024 Kabar Kota</footer></body></html>"
    ).encode()


def record(
    n: int,
    body: bytes | None = None,
    length: int | None = None,
    content_type: str = "text/html; charset=utf-8",
) -> bytes:
    """Return one WARC response record; ``length`` overrides the true Content-Length."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode()
    http += page(n) if body is None else body
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
        "WARC-Date: 2024-09-03T07:30:00Z\r\n"
        f"WARC-Target-URI: https://kabarkota.id/berita/{n}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) if length is None else length}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def uid(n: int) -> str:
    """Return the record id that ``record(n)`` writes."""
    return f"urn:uuid:00000000-0000-4000-8000-{n:012d}"


def gz(records: list[bytes]) -> bytes:
    """Return the records gzipped one member each, as crawlers write .warc.gz."""
    return b"".join(gzip.compress(r, mtime=0) for r in records)


@pytest.fixture(scope="module")
def reader() -> WarcReader:
    """A fast-mode reader (its extraction child starts once for the module)."""
    return WarcReader([], extractor="fast", extract_timeout=10.0)


def read(path: Path, reader: WarcReader) -> tuple[list[Document], list[Dropped], Counter[str]]:
    """Return the documents, the kept failures and the skipped counts of one file."""
    source = Source(str(path))
    items = list(reader.read(source))
    docs = [item for item in items if isinstance(item, Document)]
    dropped = [item for item in items if isinstance(item, Dropped)]
    return docs, dropped, source.counters


def numbers(docs: list[Document]) -> list[int]:
    """Return the record numbers of the documents, from their ids."""
    return [int(doc.id.rsplit("-", 1)[1]) for doc in docs]


def test_cut_warc_gz_keeps_every_complete_record(tmp_path: Path, reader: WarcReader) -> None:
    records = [record(n) for n in range(201)]
    data = gz(records)
    last = len(gz(records[-1:]))
    path = tmp_path / "putus.warc.gz"
    path.write_bytes(data[: len(data) - last // 2])  # the cut falls inside the 201st record
    docs, dropped, _ = read(path, reader)
    assert numbers(docs) == list(range(200))
    assert "Laporan nomor 199:" in docs[-1].text
    (cut,) = dropped
    assert cut.reason == "invalid/truncated"
    assert cut.doc.id == uid(200)
    assert cut.doc.url == "https://kabarkota.id/berita/200"
    assert 0 < cut.doc.metadata[meta.RAW_BYTES] < len(records[-1])


def test_three_records_cut_at_two_thirds_keep_the_first_two(
    tmp_path: Path, reader: WarcReader
) -> None:
    data = gz([record(n) for n in range(3)])
    path = tmp_path / "tiga.warc.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    docs, dropped, _ = read(path, reader)
    assert numbers(docs) == [0, 1]
    assert [d.reason for d in dropped] == ["invalid/truncated"]


def test_uncompressed_warc_cut_mid_record_is_not_a_document(
    tmp_path: Path, reader: WarcReader
) -> None:
    records = [record(n) for n in range(3)]
    data = b"".join(records)
    path = tmp_path / "putus.warc"
    path.write_bytes(data[: len(data) - len(records[-1]) // 2])
    docs, dropped, _ = read(path, reader)
    assert numbers(docs) == [0, 1]
    (cut,) = dropped
    assert cut.reason == "invalid/truncated"
    assert cut.doc.id == uid(2)
    assert cut.doc.metadata[meta.RAW_BYTES] == len(data) - len(records[-1]) // 2 - sum(
        map(len, records[:2])
    )


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_impossible_content_length_swallows_nothing(
    tmp_path: Path, reader: WarcReader, suffix: str
) -> None:
    records = [record(0), record(1, length=10**12), record(2), record(3)]
    path = tmp_path / f"panjang{suffix}"
    path.write_bytes(gz(records) if suffix.endswith(".gz") else b"".join(records))
    docs, dropped, _ = read(path, reader)
    assert numbers(docs) == [0, 2, 3]
    (bad,) = dropped
    assert bad.reason == "invalid/bad_length"
    assert bad.doc.id == uid(1)
    assert "runs past the next record" in bad.doc.metadata[meta.INVALID_DETAIL]
    assert bad.doc.metadata[meta.RAW_BYTES] == len(records[1])


@pytest.mark.parametrize("wrong", [-300, +300, +5000])
def test_wrong_content_length_mid_file_resyncs(
    tmp_path: Path, reader: WarcReader, wrong: int
) -> None:
    true_length = len(record(2)) - len(record(2).split(b"\r\n\r\n", 1)[0]) - 8
    records = [record(n, length=true_length + wrong if n == 2 else None) for n in range(6)]
    path = tmp_path / "salah.warc"
    path.write_bytes(b"".join(records))
    docs, dropped, _ = read(path, reader)
    assert numbers(docs) == [0, 1, 3, 4, 5]
    assert [(d.reason, d.doc.id) for d in dropped] == [("invalid/bad_length", uid(2))]


def test_garbage_between_records_is_kept_and_the_rest_read(
    tmp_path: Path, reader: WarcReader
) -> None:
    path = tmp_path / "sampah.warc"
    path.write_bytes(record(0) + b"\x00sampah bukan WARC\r\n" * 10 + record(1))
    docs, dropped, _ = read(path, reader)
    assert numbers(docs) == [0, 1]
    assert [d.reason for d in dropped] == ["invalid/bad_header"]
    assert dropped[0].doc.metadata[meta.RAW_BYTES] == len(b"\x00sampah bukan WARC\r\n" * 10)


def test_pages_that_cannot_be_read_are_kept_with_their_reason_size_and_id(
    tmp_path: Path, reader: WarcReader
) -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n" * 20
    # Bytes that no charset fits: not Shift JIS as declared, nor the detected cp1252.
    broken = b"<html><body><p>Harga cabai " + bytes(range(0x80, 0x100)) * 8 + b"</p></body></html>"
    empty = b"<html><head><title>Kosong</title></head><body><script>x=1</script></body></html>"
    records = [
        record(0),
        record(1, body=pdf),
        record(2, body=broken, content_type="text/html; charset=shift_jis"),
        record(3, body=empty),
        record(4),
    ]
    path = tmp_path / "campur.warc.gz"
    path.write_bytes(gz(records))
    docs, dropped, _ = read(path, reader)
    assert numbers(docs) == [0, 4]
    assert [(d.reason, d.doc.id) for d in dropped] == [
        ("invalid/not_html", uid(1)),
        ("invalid/encoding", uid(2)),
        ("invalid/no_content", uid(3)),
    ]
    assert dropped[0].doc.metadata[meta.RAW_BYTES] == len(records[1])
    for item in dropped:
        assert item.doc.url is not None
        assert item.doc.url.startswith("https://kabarkota.id/")
        assert item.doc.metadata[meta.RAW_BYTES] > 0


def test_every_record_read_is_in_docs_removed_or_a_skipped_counter(tmp_path: Path) -> None:
    request = (
        b"WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: https://kabarkota.id/berita/9\r\n"
        b"Content-Type: application/http; msgtype=request\r\nContent-Length: 18\r\n\r\n"
        b"GET / HTTP/1.1\r\n\r\n\r\n\r\n"
    )
    records = [record(n) for n in range(8)]
    records[3] = record(3, length=10**12)
    records[5] = record(5, body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 300)
    damaged = [*records, request, record(99)]
    data = gz(damaged)
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.warc.gz").write_bytes(data[: len(data) - 100])  # record 99 cut
    (folder / "b.warc").write_bytes(b"".join(record(n) for n in range(10, 14)))
    reader = WarcReader([str(folder)], extractor="fast", extract_timeout=10.0)
    out = tmp_path / "out"
    saring.run(Pipeline(reader, [], output=str(out)), LocalExecutor(workers=1))
    docs = read_rows(out / "docs")
    removed = read_rows(out / "removed")
    stats = json.loads((out / "stats.json").read_text())
    skipped = sum(
        value
        for step in stats["steps"]
        for key, value in step["counters"].items()
        if key.startswith("skipped/")
    )
    assert len(docs) + len(removed) + skipped == len(damaged) + 4
    assert Counter(row["reason"] for row in removed) == {
        "invalid/bad_length": 1,
        "invalid/not_html": 1,
        "invalid/truncated": 1,
    }
    assert skipped == 1
    for row in removed:
        assert orjson.loads(row["metadata"])[meta.RAW_BYTES] > 0


def test_records_larger_than_what_is_held_are_streamed_past(tmp_path: Path) -> None:
    video = record(1, body=b"\x00\x00\x00\x18ftypmp42" + bytes(600_000), content_type="video/mp4")
    big_page = record(2, body=page(2) * 2000)
    records = [record(0), video, big_page, record(3)]
    path = tmp_path / "besar.warc.gz"
    path.write_bytes(gz(records))
    reader = WarcReader([], extractor="fast", max_html_bytes=100_000, extract_timeout=10.0)
    docs, dropped, skipped = read(path, reader)
    assert numbers(docs) == [0, 3]
    assert skipped == Counter({"skipped/not_html": 1})
    (large,) = dropped
    assert large.reason == "invalid/too_large"
    assert large.doc.id == uid(2)
    assert large.doc.metadata[meta.RAW_BYTES] == len(big_page)
    assert len(large.doc.text) <= 100_000
