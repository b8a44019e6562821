"""TextReader: one document per file, a first URL or host line taken as its source."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from conftest import article
from saring import meta
from saring.document import Document, Dropped
from saring.errors import InputError
from saring.io import Source, TextReader

TITLE = "Putin dan Xi Jinping Bertemu, Sinyal Keras untuk AS"


def read(path: Path, strict: bool = False, **params: Any) -> list[Document | Dropped]:
    """Return everything a TextReader yields for one file."""
    return list(TextReader([str(path)], **params).read(Source(str(path)), strict=strict))


def only_document(path: Path, **params: Any) -> Document:
    """Return the one document read from a file, asserting there is exactly one."""
    (item,) = read(path, **params)
    assert isinstance(item, Document), item
    return item


def only_dropped(path: Path, **params: Any) -> Dropped:
    """Return the one drop read from a file, asserting there is exactly one."""
    (item,) = read(path, **params)
    assert isinstance(item, Dropped), item
    return item


def test_seed_page(seed_path: Path) -> None:
    doc = only_document(seed_path)
    content = seed_path.read_text(encoding="utf-8")
    assert content.startswith("visitaaponce.com\n")
    assert doc.id == "000_73592170dd0b30b7"
    assert doc.domain == "visitaaponce.com"
    assert doc.url is None
    assert "visitaaponce.com" not in doc.text
    assert doc.text == content.removeprefix("visitaaponce.com\n")
    assert TITLE in doc.text
    assert doc.metadata == {meta.SOURCE_FILE: "000_73592170dd0b30b7.txt"}


def test_first_line_full_url_becomes_url_and_domain(tmp_path: Path) -> None:
    url = "https://www.kompas.com/read/2022/09/15/putin-xi-jinping"
    path = tmp_path / "kompas-1.txt"
    path.write_text(f"{url}\n{TITLE}\n\n{article(1)}\n", encoding="utf-8")
    doc = only_document(path)
    assert doc.url == url
    assert doc.domain == "kompas.com"
    assert doc.text == f"{TITLE}\n\n{article(1)}\n"


def test_first_line_of_ordinary_text_is_kept(tmp_path: Path) -> None:
    content = f"{TITLE}\n\n{article(2)}\n"
    path = tmp_path / "berita.txt"
    path.write_text(content, encoding="utf-8")
    doc = only_document(path)
    assert doc.text == content
    assert doc.url is None
    assert doc.domain is None


def test_single_word_first_line_is_text(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt"
    path.write_text(f"JAKARTA\n{article(3)}", encoding="utf-8")
    doc = only_document(path)
    assert doc.text.startswith("JAKARTA\n")
    assert doc.domain is None


def test_host_line_with_crlf_and_leading_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt"
    path.write_bytes(f"\r\n\r\nnews.detik.com\r\n{article(4)}\r\n".encode())
    doc = only_document(path)
    assert doc.domain == "news.detik.com"
    assert doc.url is None
    assert doc.text == f"{article(4)}\r\n"


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt"
    path.write_bytes(b"\xef\xbb\xbf" + f"tempo.co\n{article(5)}".encode())
    doc = only_document(path)
    assert doc.domain == "tempo.co"
    assert doc.text == article(5)


def test_byte_order_mark_dropped_without_host_line(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt"
    path.write_bytes(b"\xef\xbb\xbf" + article(6).encode())
    assert only_document(path).text == article(6)


def test_compressed_text_file_id_is_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "antara-77.txt.gz"
    path.write_bytes(gzip.compress(f"antaranews.com\n{article(7)}".encode(), mtime=0))
    doc = only_document(path)
    assert doc.id == "antara-77"
    assert doc.domain == "antaranews.com"
    assert doc.text == article(7)
    assert doc.metadata[meta.SOURCE_FILE] == "antara-77.txt.gz"


@pytest.mark.parametrize(
    "content",
    [b"", b"  \n\n\t\n", b"kompas.com\n\n  \n"],
    ids=["empty", "whitespace", "host-line-only"],
)
def test_empty_file_is_invalid_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kosong.txt"
    path.write_bytes(content)
    dropped = only_dropped(path)
    assert dropped.reason == "invalid/empty"
    assert dropped.doc.id == "kosong.txt:0"
    assert dropped.doc.metadata[meta.SOURCE_FILE] == "kosong.txt"


def test_invalid_utf8_is_invalid_encoding(tmp_path: Path) -> None:
    raw = f"{TITLE}\nHarga cabai ".encode() + b"\xff\xfe" + b" naik lagi.\n"
    path = tmp_path / "rusak.txt"
    path.write_bytes(raw)
    dropped = only_dropped(path)
    assert dropped.reason == "invalid/encoding"
    assert dropped.doc.text == raw.decode("utf-8", errors="backslashreplace")
    assert "\\xff\\xfe" in dropped.doc.text
    assert dropped.doc.metadata[meta.INVALID_DETAIL]


def test_too_large_is_invalid_too_large(tmp_path: Path) -> None:
    path = tmp_path / "panjang.txt"
    path.write_text(article(8), encoding="utf-8")
    assert only_dropped(path, max_chars=100).reason == "invalid/too_large"
    assert only_document(path, max_chars=len(article(8))).text == article(8)


def test_truncated_gzip_is_invalid_file(tmp_path: Path) -> None:
    data = gzip.compress(article(9).encode() * 20, mtime=0)
    path = tmp_path / "potong.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    assert only_dropped(path).reason == "invalid/file"


@pytest.mark.parametrize(
    ("content", "kind"),
    [(b"", "empty"), (b"\xff\xfe\xfa", "encoding")],
)
def test_strict_raises_naming_the_file(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "rusak.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"rusak\.txt: {kind}: "):
        read(path, strict=True)
