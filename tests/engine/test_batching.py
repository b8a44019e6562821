"""Small input files share a task: one page per file reads as the same pages in one WARC."""

from __future__ import annotations

import sys
from pathlib import Path

import saring
from conftest import read_rows
from saring import HtmlReader, LocalExecutor, NormalizeWhitespace, Pipeline, WarcReader
from saring.engine.stages import batches

sys.path.insert(0, str(Path(__file__).parent.parent / "io"))
from test_io_warc import PARAGRAPHS, news_page, response, write_warc

PAGES = 12


def page(n: int) -> str:
    paragraphs = tuple(f"{text} Laporan nomor {n}." for text in PARAGRAPHS)
    return news_page(paragraphs, title=f"Berita {n}", url=f"https://kabar.id/berita/{n}")


def as_files(folder: Path) -> Path:
    folder.mkdir()
    for n in range(PAGES):
        (folder / f"page-{n:03d}.html").write_text(page(n), encoding="utf-8")
    return folder


def as_warc(path: Path) -> Path:
    records = [response(f"https://kabar.id/berita/{n}", page(n).encode()) for n in range(PAGES)]
    return write_warc(path, records)


def content(rows: list[dict[str, object]]) -> list[tuple[object, object]]:
    """Return what a page says, without where it was read from."""
    import orjson

    out = []
    for row in rows:
        metadata = orjson.loads(str(row["metadata"]))
        out.append((row["text"], metadata.get("title")))
    return out


def test_single_page_files_give_the_same_documents_as_one_warc_and_share_a_task(
    tmp_path: Path,
) -> None:
    files = as_files(tmp_path / "pages")
    warc = as_warc(tmp_path / "pages.warc")
    steps = [NormalizeWhitespace()]
    saring.run(Pipeline(HtmlReader([str(files)]), steps, str(tmp_path / "a")), LocalExecutor(2))
    saring.run(Pipeline(WarcReader([str(warc)]), steps, str(tmp_path / "b")), LocalExecutor(2))
    from_files, from_warc = read_rows(tmp_path / "a" / "docs"), read_rows(tmp_path / "b" / "docs")
    assert len(from_files) == PAGES
    assert content(from_files) == content(from_warc)
    # Twelve small files, one task: one output part.
    assert [p.name for p in (tmp_path / "a" / "docs").iterdir()] == ["part-00000.parquet"]


def test_batched_output_is_the_same_whatever_the_worker_count(tmp_path: Path) -> None:
    files = as_files(tmp_path / "pages")
    size = sum(p.stat().st_size for p in files.iterdir())
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out-{workers}"
        pipeline = Pipeline(HtmlReader([str(files)]), [], str(out), shard_bytes=size // 4)
        saring.run(pipeline, LocalExecutor(workers))
        outputs.append({p.name: p.read_bytes() for p in (out / "docs").iterdir()})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) >= 4  # several tasks really ran


def test_batches_keep_input_order_and_size(tmp_path: Path) -> None:
    paths = []
    for n, size in enumerate([10, 10, 30, 5, 100, 1]):
        path = tmp_path / f"f{n}"
        path.write_bytes(b"x" * size)
        paths.append(str(path))
    names = [[Path(p).name for p in batch] for batch in batches(paths, 25)]
    assert names == [["f0", "f1"], ["f2"], ["f3"], ["f4"], ["f5"]]
    assert len(batches(paths, 0)) == len(paths)
