"""JsonlReader and JsonlWriter: fields, compression, and bad input counted and kept."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest
import zstandard

import saring
from conftest import article, read_rows, write_jsonl
from saring import meta
from saring.document import Document, Dropped, to_record
from saring.errors import InputError
from saring.io import JsonlReader, JsonlWriter, Source


def read(path: Path, strict: bool = False, **params: Any) -> list[Document | Dropped]:
    """Return everything a JsonlReader yields for one file."""
    return list(JsonlReader([str(path)], **params).read(Source(str(path)), strict=strict))


def rows(n: int) -> list[dict[str, Any]]:
    """Return n news rows with ids d0..d(n-1)."""
    return [
        {"id": f"d{i}", "text": article(i), "url": f"https://www.kompas.com/read/{i}"}
        for i in range(n)
    ]


def documents(items: list[Document | Dropped]) -> list[Document]:
    """Return the items, asserting that none was dropped."""
    assert all(isinstance(item, Document) for item in items), items
    return [item for item in items if isinstance(item, Document)]


# Reading


def test_reads_fields_and_provenance(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "berita.jsonl", rows(3))
    docs = documents(read(path))
    assert [d.id for d in docs] == ["d0", "d1", "d2"]
    assert docs[1].text == article(1)
    assert docs[1].url == "https://www.kompas.com/read/1"
    assert docs[1].domain == "kompas.com"
    assert docs[1].lang is None
    assert docs[1].metadata == {meta.SOURCE_FILE: "berita.jsonl", meta.SOURCE_LINE: 2}


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _zstd(data: bytes) -> bytes:
    return bytes(zstandard.ZstdCompressor().compress(data))


@pytest.mark.parametrize(("suffix", "compress"), [(".gz", _gzip), (".zst", _zstd)])
def test_reads_compressed_input(tmp_path: Path, suffix: str, compress: Any) -> None:
    plain = write_jsonl(tmp_path / "berita.jsonl", rows(5))
    packed = tmp_path / f"berita.jsonl{suffix}"
    packed.write_bytes(compress(plain.read_bytes()))
    expected = documents(read(plain))
    got = documents(read(packed))
    assert [(d.id, d.text, d.url) for d in got] == [(d.id, d.text, d.url) for d in expected]
    assert got[0].metadata[meta.SOURCE_FILE] == f"berita.jsonl{suffix}"


def test_reads_zstd_file_of_several_frames(tmp_path: Path) -> None:
    first = b"".join(orjson.dumps(r) + b"\n" for r in rows(3))
    second = b"".join(
        orjson.dumps({"id": f"e{i}", "text": article(10 + i)}) + b"\n" for i in range(2)
    )
    path = tmp_path / "berita.jsonl.zst"
    path.write_bytes(_zstd(first) + _zstd(second))
    assert [d.id for d in documents(read(path))] == ["d0", "d1", "d2", "e0", "e1"]


def test_configurable_fields(tmp_path: Path) -> None:
    row = {
        "kode": "tempo-77",
        "isi": article(7),
        "tautan": "https://nasional.tempo.co/read/77",
        "judul": "Ganjil genap diperpanjang",
    }
    path = write_jsonl(tmp_path / "tempo.jsonl", [row])
    (doc,) = documents(read(path, text_field="isi", id_field="kode", url_field="tautan"))
    assert doc.id == "tempo-77"
    assert doc.text == article(7)
    assert doc.url == "https://nasional.tempo.co/read/77"
    assert doc.domain == "nasional.tempo.co"
    assert doc.metadata[meta.EXTRA_FIELDS] == {"judul": "Ganjil genap diperpanjang"}


def test_configured_text_field_missing_is_no_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "tempo.jsonl", rows(1))
    (item,) = read(path, text_field="isi")
    assert isinstance(item, Dropped)
    assert item.reason == "invalid/no_text"


def test_missing_or_empty_id_becomes_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "berita.jsonl",
        [{"id": "d0", "text": article(0)}, {"text": article(1)}, {"id": "", "text": article(2)}],
    )
    assert [d.id for d in documents(read(path))] == ["d0", "berita.jsonl:2", "berita.jsonl:3"]


def test_numeric_id_becomes_string(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "berita.jsonl", [{"id": 1045, "text": article(0)}])
    assert [d.id for d in documents(read(path))] == ["1045"]


def test_extra_fields_kept_under_metadata(tmp_path: Path) -> None:
    row = {
        "id": "d0",
        "text": article(0),
        "judul": "Ganjil genap diperpanjang",
        "tanggal": "2022-09-15",
        "tag": ["jakarta", "lalu lintas"],
        "penulis": None,
    }
    path = write_jsonl(tmp_path / "berita.jsonl", [row])
    (doc,) = documents(read(path))
    assert doc.metadata[meta.EXTRA_FIELDS] == {
        "judul": "Ganjil genap diperpanjang",
        "tanggal": "2022-09-15",
        "tag": ["jakarta", "lalu lintas"],
    }


def test_saring_output_row_reads_back_into_same_document(tmp_path: Path) -> None:
    original = Document(
        id="kompas-1",
        text=article(1),
        url="https://www.kompas.com/read/2022/09/15/ganjil-genap",
        lang="id",
        lang_score=0.97,
        metadata={
            meta.SOURCE_FILE: "docs-00000.jsonl",
            meta.SOURCE_LINE: 1,
            "quality": {"words": 74, "stop_words": 0.31},
        },
    )
    assert original.domain == "kompas.com"
    path = write_jsonl(tmp_path / "docs-00000.jsonl", [to_record(original)])
    (doc,) = documents(read(path))
    assert doc == original
    assert meta.EXTRA_FIELDS not in doc.metadata


def test_provenance_names_the_file_read(tmp_path: Path) -> None:
    saved = to_record(
        Document(id="a", text=article(0), metadata={meta.SOURCE_FILE: "mentah.jsonl", "x": 1})
    )
    path = write_jsonl(tmp_path / "docs.jsonl", [saved])
    (doc,) = documents(read(path))
    assert doc.metadata == {meta.SOURCE_FILE: "docs.jsonl", meta.SOURCE_LINE: 1, "x": 1}


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "berita.jsonl",
        [{"id": "d0", "text": article(0)}, b"", b"   \t", {"text": article(3)}],
    )
    docs = documents(read(path))
    assert [d.id for d in docs] == ["d0", "berita.jsonl:4"]
    assert docs[1].metadata[meta.SOURCE_LINE] == 4


def test_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "berita.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\r\n" for r in rows(2)))
    docs = documents(read(path))
    assert [d.text for d in docs] == [article(0), article(1)]


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "berita.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(orjson.dumps(r) + b"\n" for r in rows(2)))
    assert [d.id for d in documents(read(path))] == ["d0", "d1"]


def test_counts_bytes_read_from_disk(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "berita.jsonl.gz", rows(20))
    source = Source(str(path))
    assert source.bytes_read == 0
    items = list(JsonlReader([str(path)]).read(source))
    assert len(items) == 20
    assert source.bytes_read == path.stat().st_size


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files via /proc")
@pytest.mark.parametrize("name", ["berita.jsonl", "berita.jsonl.gz", "berita.jsonl.zst"])
def test_input_file_closed_after_reading(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = b"".join(orjson.dumps(r) + b"\n" for r in rows(3))
    path.write_bytes({".gz": _gzip, ".zst": _zstd}.get(path.suffix, bytes)(data))
    before = len(list(Path("/proc/self/fd").iterdir()))
    sources = [Source(str(path)) for _ in range(3)]  # kept alive: no help from the collector
    for source in sources:
        assert len(list(JsonlReader([str(path)]).read(source))) == 3
    assert len(list(Path("/proc/self/fd").iterdir())) == before


# Bad input: counted, kept, and never at the cost of good documents

BAD_LINES = [
    pytest.param(b'{"id": "rusak", "text": "Presiden Joko Wido', "invalid/json", id="json"),
    pytest.param(b'["bukan", "objek"]', "invalid/json", id="not-object"),
    pytest.param(
        b'{"id": "x", "text": "Harga cabai \xff\xfe naik"}', "invalid/encoding", id="encoding"
    ),
    pytest.param(b'{"id": "x", "text": "  \\n\\t  "}', "invalid/empty", id="empty"),
    pytest.param(b'{"id": "x", "judul": "Tanpa isi"}', "invalid/no_text", id="missing-text"),
    pytest.param(b'{"id": "x", "text": 12345}', "invalid/no_text", id="text-not-string"),
    pytest.param(b'{"id": "x", "text": null}', "invalid/no_text", id="text-null"),
    pytest.param(
        orjson.dumps({"id": "x", "text": article(1) * 20}), "invalid/too_large", id="too-large"
    ),
]


@pytest.mark.parametrize(("bad", "reason"), BAD_LINES)
def test_bad_line_is_dropped_with_reason_and_neighbours_kept(
    tmp_path: Path, bad: bytes, reason: str
) -> None:
    path = write_jsonl(
        tmp_path / "berita.jsonl",
        [{"id": "d1", "text": article(1)}, bad, {"id": "d3", "text": article(3)}],
    )
    first, dropped, last = read(path, max_chars=2000)
    assert isinstance(first, Document)
    assert first.id == "d1"
    assert isinstance(last, Document)
    assert (last.id, last.text) == ("d3", article(3))
    assert isinstance(dropped, Dropped)
    assert dropped.reason == reason
    assert dropped.doc.id == "berita.jsonl:2"
    assert dropped.doc.text == bad.decode("utf-8", errors="backslashreplace")
    assert dropped.doc.metadata[meta.SOURCE_FILE] == "berita.jsonl"
    assert dropped.doc.metadata[meta.SOURCE_LINE] == 2
    assert dropped.doc.metadata[meta.INVALID_DETAIL]


@pytest.mark.parametrize(("bad", "reason"), BAD_LINES)
def test_bad_line_raises_under_strict(tmp_path: Path, bad: bytes, reason: str) -> None:
    path = write_jsonl(tmp_path / "berita.jsonl", [{"id": "d1", "text": article(1)}, bad])
    items = JsonlReader([str(path)], max_chars=2000).read(Source(str(path)), strict=True)
    first = next(items)
    assert isinstance(first, Document)
    with pytest.raises(InputError, match=rf"berita\.jsonl:2: {reason.removeprefix('invalid/')}"):
        next(items)


def test_too_large_names_the_limit(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "berita.jsonl", [{"id": "d0", "text": article(0)}])
    (dropped,) = read(path, max_chars=100)
    assert isinstance(dropped, Dropped)
    assert dropped.reason == "invalid/too_large"
    detail = dropped.doc.metadata[meta.INVALID_DETAIL]
    assert f"{len(article(0))} characters" in detail
    assert "max_chars=100" in detail


def test_many_bad_lines_each_counted(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "berita.jsonl",
        [
            b"{",
            {"id": "d1", "text": article(1)},
            {"id": "kosong", "text": ""},
            b"\xff\xff",
            {"id": "d4", "text": article(4)},
            {"id": "tanpa-teks"},
        ],
    )
    items = read(path)
    assert [(type(i).__name__, i.reason if isinstance(i, Dropped) else i.id) for i in items] == [
        ("Dropped", "invalid/json"),
        ("Document", "d1"),
        ("Dropped", "invalid/empty"),
        ("Dropped", "invalid/encoding"),
        ("Document", "d4"),
        ("Dropped", "invalid/no_text"),
    ]


def _truncated(path: Path, compress: Any, n: int, keep: float) -> Path:
    data = compress(b"".join(orjson.dumps(r) + b"\n" for r in rows(n)))
    path.write_bytes(data[: int(len(data) * keep)])
    return path


@pytest.mark.parametrize(
    ("name", "compress", "n"),
    [("berita.jsonl.gz", _gzip, 300), ("berita.jsonl.zst", _zstd, 1000)],
)
def test_truncated_file_yields_good_records_then_one_invalid_file(
    tmp_path: Path, name: str, compress: Any, n: int
) -> None:
    path = _truncated(tmp_path / name, compress, n, keep=0.75)
    *docs, last = read(path)
    assert 0 < len(docs) < n
    assert [(d.id, d.text) for d in documents(docs)] == [
        (f"d{i}", article(i)) for i in range(len(docs))
    ]
    assert isinstance(last, Dropped)
    assert last.reason == "invalid/file"
    assert last.doc.metadata[meta.SOURCE_LINE] == len(docs) + 1
    assert "unreadable from here on" in last.doc.metadata[meta.INVALID_DETAIL]


def test_truncated_gzip_raises_under_strict(tmp_path: Path) -> None:
    path = _truncated(tmp_path / "berita.jsonl.gz", _gzip, 300, keep=0.75)
    with pytest.raises(InputError, match=r"berita\.jsonl\.gz:\d+: file: unreadable from here on"):
        read(path, strict=True)


@pytest.mark.parametrize("name", ["berita.jsonl.gz", "berita.jsonl.zst"])
def test_not_compressed_as_named_is_invalid_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(orjson.dumps({"id": "d0", "text": article(0)}) + b"\n")
    (item,) = read(path)
    assert isinstance(item, Dropped)
    assert item.reason == "invalid/file"
    assert item.doc.id == f"{name}:1"


def test_corrupt_gzip_data_is_invalid_file(tmp_path: Path) -> None:
    data = bytearray(_gzip(b"".join(orjson.dumps(r) + b"\n" for r in rows(50))))
    for i in range(40, 60):
        data[i] ^= 0xFF
    path = tmp_path / "berita.jsonl.gz"
    path.write_bytes(bytes(data))
    items = read(path)
    assert isinstance(items[-1], Dropped)
    assert items[-1].reason == "invalid/file"


# Writing


@pytest.mark.parametrize(
    ("compression", "extension", "magic"),
    [
        ("none", ".jsonl", b'{"id"'),
        ("gzip", ".jsonl.gz", b"\x1f\x8b"),
        ("zstd", ".jsonl.zst", b"\x28\xb5\x2f\xfd"),
    ],
)
def test_writer_compression_extension_and_round_trip(
    tmp_path: Path, compression: Any, extension: str, magic: bytes
) -> None:
    writer = JsonlWriter(compression=compression)
    assert writer.extension() == extension
    path = tmp_path / f"docs-00000{extension}"
    written = [
        Document(
            id=f"d{i}",
            text=article(i),
            url=f"https://www.kompas.com/read/{i}",
            lang="id",
            lang_score=0.9,
            metadata={meta.SOURCE_FILE: path.name, meta.SOURCE_LINE: i + 1},
        )
        for i in range(4)
    ]
    with writer.open(str(path), meta.DOC_COLUMNS) as sink:
        for doc in written:
            sink.write(to_record(doc))
    assert path.read_bytes().startswith(magic)
    assert documents(read(path)) == written


@pytest.mark.parametrize("compression", ["none", "gzip", "zstd"])
def test_writer_output_is_byte_identical_run_to_run(tmp_path: Path, compression: Any) -> None:
    writer = JsonlWriter(compression=compression)
    outputs = []
    for run in ("satu", "dua"):
        path = tmp_path / f"{run}{writer.extension()}"
        with writer.open(str(path), meta.DOC_COLUMNS) as sink:
            for row in rows(10):
                sink.write(row)
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 100


def test_writer_rejects_unknown_compression(tmp_path: Path) -> None:
    writer = JsonlWriter(compression="brotli")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="compression must be one of"):
        writer.open(str(tmp_path / "x.jsonl"), meta.DOC_COLUMNS)


def test_a_large_file_is_read_as_line_aligned_shards_with_its_own_line_numbers(
    tmp_path: Path,
) -> None:
    rows: list[dict[str, object] | bytes] = [{"text": article(n)} for n in range(200)]
    rows.insert(77, b'{"text": "rusak')
    path = write_jsonl(tmp_path / "besar.jsonl", rows)
    whole = JsonlReader([str(path)], split_bytes=0)
    split = JsonlReader([str(path)], split_bytes=path.stat().st_size // 5)
    assert whole.shards() == [str(path)]
    shards = split.shards()
    assert len(shards) == 5

    def read_all(reader: JsonlReader) -> list[tuple[str, str, str]]:
        return [
            (item.doc.id, item.reason, item.doc.text)
            if isinstance(item, Dropped)
            else (item.id, "", item.text)
            for shard in reader.shards()
            for item in reader.read(Source(shard))
        ]

    assert read_all(split) == read_all(whole)
    assert ("besar.jsonl:78", "invalid/json", '{"text": "rusak') in read_all(split)


def test_split_shards_give_the_same_output_as_one(tmp_path: Path) -> None:
    from saring import LocalExecutor, NormalizeWhitespace, Pipeline

    path = write_jsonl(tmp_path / "besar.jsonl", [{"text": article(n)} for n in range(120)])
    outputs = {}
    for split in (0, path.stat().st_size // 3):
        reader = JsonlReader([str(path)], split_bytes=split)
        out = tmp_path / f"out-{split}"
        saring.run(
            Pipeline(reader, [NormalizeWhitespace()], output=str(out)), LocalExecutor(workers=2)
        )
        outputs[split] = read_rows(out / "docs")
    assert len(outputs) == 2
    first, second = outputs.values()
    assert first == second
    assert len(first) == 120
