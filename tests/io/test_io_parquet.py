"""ParquetReader and ParquetWriter: rows, the output schema, round trips, damaged files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import article
from saring import meta
from saring.document import Document, Dropped, to_record
from saring.errors import InputError
from saring.io import ParquetReader, ParquetWriter, Source


def read(path: Path, strict: bool = False, **params: Any) -> list[Document | Dropped]:
    """Return everything a ParquetReader yields for one file."""
    return list(ParquetReader([str(path)], **params).read(Source(str(path)), strict=strict))


def write(path: Path, docs: list[Document], **params: Any) -> Path:
    """Write documents as saring output rows with ParquetWriter."""
    with ParquetWriter(**params).open(str(path), meta.DOC_COLUMNS) as sink:
        for doc in docs:
            sink.write(to_record(doc))
    return path


def news(path: Path, n: int) -> list[Document]:
    """Return n documents as they read back from ``path`` (row i+1 of that file)."""
    return [
        Document(
            id=f"detik-{i}",
            text=article(i),
            url=f"https://news.detik.com/berita/d-{6000 + i}/ganjil-genap",
            lang="id",
            lang_score=0.91 + i / 100,
            metadata={
                meta.SOURCE_FILE: path.name,
                meta.SOURCE_LINE: i + 1,
                "quality": {"words": 70 + i, "ratio": 0.5},
            },
        )
        for i in range(n)
    ]


def test_reads_rows_of_a_foreign_table(tmp_path: Path) -> None:
    path = tmp_path / "crawl.parquet"
    table = pa.table(
        {
            "id": ["a", None, "c", "d", "e"],
            "text": [article(i) for i in range(5)],
            "url": ["https://www.tempo.co/1", None, None, None, "https://www.tempo.co/5"],
            "judul": ["Satu", "Dua", None, "Empat", "Lima"],
        }
    )
    pq.write_table(table, path)
    items = read(path, batch_size=2)
    docs = [item for item in items if isinstance(item, Document)]
    assert len(docs) == len(items) == 5
    assert [d.id for d in docs] == ["a", "crawl.parquet:2", "c", "d", "e"]
    assert [d.metadata[meta.SOURCE_LINE] for d in docs] == [1, 2, 3, 4, 5]
    assert docs[0].url == "https://www.tempo.co/1"
    assert docs[0].domain == "tempo.co"
    assert docs[1].url is None
    assert docs[0].metadata[meta.EXTRA_FIELDS] == {"judul": "Satu"}
    assert meta.EXTRA_FIELDS not in docs[2].metadata
    assert docs[4].text == article(4)


def test_round_trip_with_writer(tmp_path: Path) -> None:
    path = tmp_path / "docs-00000.parquet"
    written = news(path, 5)
    write(path, written)
    assert read(path) == written


def test_writer_schema_and_metadata_as_json_string(tmp_path: Path) -> None:
    path = tmp_path / "docs-00000.parquet"
    write(path, news(path, 2))
    schema = pq.read_schema(path)
    assert schema.names == list(meta.DOC_COLUMNS)
    assert schema.field("lang_score").type == pa.float64()
    assert schema.field("metadata").type == pa.string()
    assert schema.field("text").type == pa.string()
    stored = pq.read_table(path).column("metadata")[0].as_py()
    assert (
        stored
        == '{"quality":{"ratio":0.5,"words":70},"source_file":"docs-00000.parquet","source_line":1}'
    )
    assert orjson.loads(stored)["quality"] == {"ratio": 0.5, "words": 70}


def test_writer_row_groups(tmp_path: Path) -> None:
    path = tmp_path / "docs.parquet"
    write(path, news(path, 5), row_group_size=2)
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert [d.id for d in read(path) if isinstance(d, Document)] == [f"detik-{i}" for i in range(5)]


def test_writer_row_group_ends_at_its_byte_bound(tmp_path: Path) -> None:
    """Long documents end a row group before ``row_group_size`` rows: the writer holds one
    group's rows, so the byte bound keeps its memory flat."""
    path = tmp_path / "docs.parquet"
    docs = news(path, 6)
    size = sum(len(v) for v in to_record(docs[0]).values() if isinstance(v, str))
    write(path, docs, row_group_bytes=2 * size)
    groups = pq.ParquetFile(path).metadata
    assert groups.num_row_groups == 3
    assert [groups.row_group(g).num_rows for g in range(3)] == [2, 2, 2]
    assert [d.id for d in read(path) if isinstance(d, Document)] == [f"detik-{i}" for i in range(6)]


def test_writer_output_is_byte_identical_run_to_run(tmp_path: Path) -> None:
    first = write(tmp_path / "satu.parquet", news(tmp_path / "x.parquet", 20))
    second = write(tmp_path / "dua.parquet", news(tmp_path / "x.parquet", 20))
    assert first.read_bytes() == second.read_bytes()


def test_unparseable_metadata_string_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": [article(0)], "metadata": ["{rusak"]}), path)
    (doc,) = read(path)
    assert isinstance(doc, Document)
    assert doc.metadata == {meta.SOURCE_FILE: "docs.parquet", meta.SOURCE_LINE: 1}


def test_bad_rows_dropped_and_neighbours_kept(tmp_path: Path) -> None:
    path = tmp_path / "crawl.parquet"
    table = pa.table({"id": ["a", "b", "c", "d"], "text": [article(0), "   ", None, article(3)]})
    pq.write_table(table, path)
    items = read(path)
    assert [(type(i).__name__, i.reason if isinstance(i, Dropped) else i.id) for i in items] == [
        ("Document", "a"),
        ("Dropped", "invalid/empty"),
        ("Dropped", "invalid/no_text"),
        ("Document", "d"),
    ]
    dropped = items[1]
    assert isinstance(dropped, Dropped)
    assert dropped.doc.id == "crawl.parquet:2"
    assert orjson.loads(dropped.doc.text) == {"id": "b", "text": "   "}


def test_bad_row_raises_under_strict(tmp_path: Path) -> None:
    path = tmp_path / "crawl.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "text": [article(0), ""]}), path)
    with pytest.raises(InputError, match=r"crawl\.parquet:2: empty"):
        read(path, strict=True)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_file_is_invalid_file(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "crawl.parquet"
    if damage == "garbage":
        path.write_bytes(b"PAR1 ini bukan berkas parquet sama sekali PAR1")
    else:
        write(path, news(path, 10))
        path.write_bytes(path.read_bytes()[:-100])
    (item,) = read(path)
    assert isinstance(item, Dropped)
    assert item.reason == "invalid/file"
    assert item.doc.id == "crawl.parquet:1"
    assert "unreadable from here on" in item.doc.metadata[meta.INVALID_DETAIL]


def test_corrupt_file_raises_under_strict(tmp_path: Path) -> None:
    path = tmp_path / "crawl.parquet"
    path.write_bytes(b"bukan parquet")
    with pytest.raises(InputError, match=r"crawl\.parquet:1: file: unreadable from here on"):
        read(path, strict=True)


def test_counts_bytes_read(tmp_path: Path) -> None:
    path = write(tmp_path / "docs.parquet", news(tmp_path / "docs.parquet", 5))
    source = Source(str(path))
    assert len(list(ParquetReader([str(path)]).read(source))) == 5
    assert 0 < source.bytes_read <= 2 * path.stat().st_size
