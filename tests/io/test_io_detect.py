"""Finding input files: Reader.shards() and choosing a reader with saring.io.reader_for."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import article, write_jsonl
from saring.errors import InputError
from saring.io import READERS, JsonlReader, ParquetReader, TextReader, reader_for


def touch_jsonl(path: Path) -> Path:
    """Write a one-document JSONL file (gzipped if the name ends in .gz)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_jsonl(path, [{"id": path.name, "text": article(0)}])


def touch_text(path: Path) -> Path:
    """Write a small text file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"kompas.com\n{article(1)}", encoding="utf-8")
    return path


def touch_parquet(path: Path) -> Path:
    """Write a one-row Parquet file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"id": ["a"], "text": [article(2)]}), path)
    return path


# Reader.shards()


def test_folder_expands_sorted_to_accepted_files_only(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    for name in ["b.jsonl", "a.jsonl.gz", "sub/c.ndjson", "sub/d.json.zst", "z.jsonl.bz2"]:
        touch_jsonl(folder / name)
    touch_text(folder / "README.txt")
    touch_parquet(folder / "lain.parquet")
    (folder / "catatan.md").write_text("catatan", encoding="utf-8")
    (folder / "arsip.jsonl.tmp").write_text("{}", encoding="utf-8")
    shards = JsonlReader([str(folder)]).shards()
    expected = ["a.jsonl.gz", "b.jsonl", "sub/c.ndjson", "sub/d.json.zst", "z.jsonl.bz2"]
    assert shards == [str(folder / name) for name in expected]


def test_glob_expands_sorted(tmp_path: Path) -> None:
    for name in ["berita-10.jsonl", "berita-02.jsonl", "berita-01.jsonl", "opini-01.jsonl"]:
        touch_jsonl(tmp_path / name)
    shards = JsonlReader([str(tmp_path / "berita-*.jsonl")]).shards()
    assert shards == [str(tmp_path / f"berita-{n}.jsonl") for n in ("01", "02", "10")]


def test_recursive_glob(tmp_path: Path) -> None:
    touch_jsonl(tmp_path / "2023" / "09" / "a.jsonl")
    touch_jsonl(tmp_path / "2022" / "b.jsonl")
    shards = JsonlReader([str(tmp_path / "**" / "*.jsonl")]).shards()
    assert shards == [str(tmp_path / "2022" / "b.jsonl"), str(tmp_path / "2023" / "09" / "a.jsonl")]


def test_named_files_keep_their_order(tmp_path: Path) -> None:
    b = touch_jsonl(tmp_path / "b.jsonl")
    a = touch_jsonl(tmp_path / "a.jsonl")
    folder = tmp_path / "lagi"
    touch_jsonl(folder / "c.jsonl")
    shards = JsonlReader([str(b), str(a), str(folder)]).shards()
    assert shards == [str(b), str(a), str(folder / "c.jsonl")]


def test_file_name_with_glob_characters_is_taken_literally(tmp_path: Path) -> None:
    path = touch_jsonl(tmp_path / "berita[2023].jsonl")
    assert JsonlReader([str(path)]).shards() == [str(path)]


def test_missing_path_raises(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.jsonl"
    with pytest.raises(InputError, match=r"input not found: '.*tidak-ada\.jsonl'"):
        JsonlReader([str(missing)]).shards()


def test_glob_without_match_raises(tmp_path: Path) -> None:
    touch_jsonl(tmp_path / "a.jsonl")
    with pytest.raises(InputError, match=r"no input file matches '.*\*\.parquet'"):
        ParquetReader([str(tmp_path / "*.parquet")]).shards()


def test_folder_without_accepted_files_raises(tmp_path: Path) -> None:
    touch_text(tmp_path / "catatan.txt")
    with pytest.raises(InputError, match=r"no \.jsonl/\.ndjson/\.json file in folder"):
        JsonlReader([str(tmp_path)]).shards()


@pytest.mark.parametrize(
    ("reader", "name", "accepted"),
    [
        (JsonlReader, "a.jsonl", True),
        (JsonlReader, "a.ndjson.zst", True),
        (JsonlReader, "a.json.gz", True),
        (JsonlReader, "a.jsonl.tar", False),
        (JsonlReader, "a.parquet", False),
        (ParquetReader, "a.parquet", True),
        (ParquetReader, "a.jsonl", False),
        (TextReader, "a.txt", True),
        (TextReader, "a.txt.xz", True),
        (TextReader, "a.text", False),
    ],
)
def test_accepts_by_ending(reader: type[JsonlReader], name: str, accepted: bool) -> None:
    assert reader.accepts(name) is accepted


# reader_for


def test_readers_listed() -> None:
    assert [cls.__name__ for cls in READERS] == [
        "JsonlReader",
        "ParquetReader",
        "TextReader",
        "WarcReader",
        "HtmlReader",
    ]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["a.jsonl", "b.jsonl.gz"], JsonlReader),
        (["a.parquet"], ParquetReader),
        (["a.txt", "b.txt.gz"], TextReader),
    ],
)
def test_reader_for_named_files(
    tmp_path: Path, names: list[str], expected: type[JsonlReader]
) -> None:
    touch = {".jsonl": touch_jsonl, ".parquet": touch_parquet, ".txt": touch_text}
    paths = []
    for name in names:
        path = tmp_path / name
        maker = next(f for ending, f in touch.items() if ending in name)
        paths.append(str(maker(path)))
    assert reader_for(paths) is expected


def test_reader_for_folder_and_glob(tmp_path: Path) -> None:
    touch_parquet(tmp_path / "data" / "a.parquet")
    touch_parquet(tmp_path / "data" / "b" / "c.parquet")
    touch_text(tmp_path / "teks" / "a.txt")
    assert reader_for([str(tmp_path / "data")]) is ParquetReader
    assert reader_for([str(tmp_path / "teks")]) is TextReader
    assert reader_for([str(tmp_path / "data" / "*.parquet")]) is ParquetReader


def test_reader_for_mixed_formats_raises(tmp_path: Path) -> None:
    jsonl = touch_jsonl(tmp_path / "a.jsonl")
    parquet = touch_parquet(tmp_path / "b.parquet")
    with pytest.raises(InputError, match="mix formats"):
        reader_for([str(jsonl), str(parquet)])


def test_reader_for_mixed_formats_in_folder_raises(tmp_path: Path) -> None:
    touch_jsonl(tmp_path / "a.jsonl")
    touch_parquet(tmp_path / "b.parquet")
    with pytest.raises(InputError, match="mix formats"):
        reader_for([str(tmp_path)])


def test_reader_for_unknown_endings_raises(tmp_path: Path) -> None:
    path = tmp_path / "berita.csv"
    path.write_text("id,text\n1,halo\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no readable input .*known endings: \.jsonl"):
        reader_for([str(path)])


def test_reader_for_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="input not found"):
        reader_for([str(tmp_path / "tidak-ada.jsonl")])


@pytest.mark.parametrize(
    ("format", "expected"),
    [("jsonl", JsonlReader), ("parquet", ParquetReader), ("text", TextReader)],
)
def test_reader_for_honours_format_name(
    tmp_path: Path, format: str, expected: type[JsonlReader]
) -> None:
    path = tmp_path / "berita.csv"
    path.write_text("tidak dibaca", encoding="utf-8")
    assert reader_for([str(path)], format=format) is expected


def test_reader_for_format_name_beats_endings(tmp_path: Path) -> None:
    path = touch_jsonl(tmp_path / "a.jsonl")
    assert reader_for([str(path)], format="text") is TextReader


def test_reader_for_unknown_format_name_raises() -> None:
    with pytest.raises(
        InputError, match=r"unknown input format 'csv'; formats: jsonl, parquet, text"
    ):
        reader_for(["x.csv"], format="csv")
