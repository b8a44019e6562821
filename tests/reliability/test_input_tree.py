"""Hostile input trees: odd file names, symlinks, FIFOs, other encodings and an earlier run's
output inside the input; each is read, or skipped with a note, never a traceback."""

from __future__ import annotations

import codecs
import logging
import os
from pathlib import Path

import orjson
import pytest

from conftest import article, read_rows, write_jsonl
from saring import JsonlReader
from saring.cli import main
from saring.document import Document
from saring.io.shards import Source


def _doc(n: int) -> dict[str, str]:
    return {"id": f"d{n}", "text": article(n)}


def test_non_utf8_file_name_is_skipped_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    write_jsonl(folder / "baik.jsonl", [_doc(1)])
    bad = os.path.join(os.fsencode(folder), b"bad\xff.jsonl")
    with open(bad, "wb") as out:
        out.write(orjson.dumps(_doc(2)) + b"\n")
    with caplog.at_level(logging.WARNING, logger="saring"):
        status = main(["clean", str(folder), "-o", str(tmp_path / "out"), "--format", "jsonl"])
    assert status == 0, capsys.readouterr().err
    assert "bad\\xff.jsonl" in caplog.text
    assert "not valid UTF-8" in caplog.text
    assert [r["id"] for r in read_rows(tmp_path / "out" / "docs")] == ["d1"]


def test_symlinked_folder_followed_once_dangling_and_fifo_noted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder, other = tmp_path / "korpus", tmp_path / "lain"
    folder.mkdir()
    other.mkdir()
    write_jsonl(folder / "a.jsonl", [_doc(1)])
    write_jsonl(other / "b.jsonl", [_doc(2)])
    (folder / "tautan").symlink_to(other, target_is_directory=True)
    (folder / "putaran").symlink_to(folder, target_is_directory=True)  # a loop
    (folder / "hilang.jsonl").symlink_to(tmp_path / "tidak-ada.jsonl")
    os.mkfifo(folder / "pipa.jsonl")
    with caplog.at_level(logging.WARNING, logger="saring"):
        shards = JsonlReader([str(folder)]).shards()
    assert [os.path.basename(s) for s in shards] == ["a.jsonl", "b.jsonl"]
    assert "dangling" in caplog.text
    assert "FIFO" in caplog.text
    assert "symlink back to a folder already read" in caplog.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_jsonl_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "".join(orjson.dumps(_doc(n)).decode() + "\n" for n in range(3))
    path = tmp_path / "berita.jsonl"
    path.write_bytes(text.encode(encoding))
    source = Source(str(path))
    items = list(JsonlReader([str(path)]).read(source))
    assert [(d.id, d.text) for d in items if isinstance(d, Document)] == [
        (f"d{n}", article(n)) for n in range(3)
    ]
    assert any(k.startswith("encoding/utf-") for k in source.counters)


def test_utf16_that_breaks_midway_is_an_invalid_file_record(tmp_path: Path) -> None:
    good = orjson.dumps(_doc(1)).decode() + "\n"
    path = tmp_path / "berita.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + good.encode("utf-16-le") + b"\x00\xd8{\x00")
    items = list(JsonlReader([str(path)]).read(Source(str(path))))
    assert [getattr(i, "reason", "doc") for i in items] == ["doc", "invalid/file"]


def test_earlier_output_inside_input_is_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", [_doc(n) for n in range(3)])
    first = folder / "hasil"
    assert main(["clean", str(folder), "-o", str(first), "--format", "jsonl"]) == 0
    with caplog.at_level(logging.WARNING, logger="saring"):
        status = main(["clean", str(folder), "-o", str(tmp_path / "dua"), "--format", "jsonl"])
    assert status == 0
    assert "the output of an earlier saring run" in caplog.text
    assert read_rows(tmp_path / "dua" / "removed") == []
    stats = orjson.loads((tmp_path / "dua" / "stats.json").read_bytes())
    assert stats["input"]["files"] == 1
