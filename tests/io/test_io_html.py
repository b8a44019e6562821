"""HtmlReader and JsonlReader(html_field=…): pages become articles with their metadata;
pages without an article, empty files and oversized pages are kept under their reasons."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import orjson
import pytest

from saring import meta
from saring.document import Document, Dropped
from saring.extract import shared_extractor
from saring.io import JsonlReader, Source
from saring.io.html import EXTRACT_TIMEOUT, HtmlReader

ARTICLE = (
    "Warga Kampung Pulo kembali mengungsi setelah Sungai Ciliwung meluap pada Senin dini "
    "hari. Ketinggian air di pintu air Manggarai mencapai 850 sentimeter, status Siaga 2, dan "
    "petugas gabungan mengevakuasi lebih dari tiga ratus warga ke posko di masjid terdekat."
)
QUOTE = "“Kami sudah biasa, tapi tahun ini airnya naik lebih cepat,” kata Siti, warga RT 05."


def page(charset: str = "utf-8") -> str:
    """Return a news page whose quote uses curly quotes (bytes 0x93/0x94 in windows-1252)."""
    return f"""<html lang="id"><head><meta charset="{charset}">
<title>Banjir Rendam Kampung Pulo</title>
<meta name="pubdate" content="2024/02/12 05:10:00">
<meta property="og:url" content="https://metro.contoh.id/banjir-kampung-pulo">
</head><body><div class="menu"><a href="/">Beranda</a> <a href="/metro">Metro</a></div>
<article><p>{ARTICLE}</p><p>{QUOTE}</p><p>{ARTICLE.replace("Senin", "Selasa")}</p></article>
<div class="footer">Redaksi | Pedoman Media Siber | Kontak</div></body></html>"""


def read(reader: HtmlReader, path: Path) -> list[Document | Dropped]:
    """Return everything the reader yields for one file."""
    return list(reader.read(Source(str(path))))


@pytest.fixture(scope="module")
def reader() -> HtmlReader:
    """A fast-mode reader kept for the module, so that its extractor starts once."""
    return HtmlReader([], extractor="fast")


def test_windows_1252_page_is_decoded_by_its_meta_charset(
    tmp_path: Path, reader: HtmlReader
) -> None:
    path = tmp_path / "banjir.html.gz"
    path.write_bytes(gzip.compress(page("windows-1252").encode("cp1252"), mtime=0))
    (doc,) = read(reader, path)
    assert isinstance(doc, Document)
    assert doc.id == "banjir"
    assert QUOTE in doc.text
    assert ARTICLE in doc.text
    assert "Pedoman Media Siber" not in doc.text
    assert doc.metadata[meta.ENCODING] == "cp1252"
    assert doc.metadata[meta.TITLE] == "Banjir Rendam Kampung Pulo"
    assert doc.metadata[meta.PUBLISHED] == "2024-02-12T05:10:00"
    assert doc.metadata[meta.CANONICAL_URL] == "https://metro.contoh.id/banjir-kampung-pulo"
    assert doc.metadata[meta.PAGE_LANG] == "id"
    assert doc.url is None  # a local file has no fetch URL; the page's claim stays in metadata


def test_page_without_article_empty_file_and_oversized_page(
    tmp_path: Path, reader: HtmlReader
) -> None:
    blank = tmp_path / "kosong.html"
    blank.write_text("<html><head><title>Kosong</title></head><body></body></html>")
    (dropped,) = read(reader, blank)
    assert isinstance(dropped, Dropped)
    assert dropped.reason == "invalid/no_content"
    assert "<title>Kosong</title>" in dropped.doc.text

    empty = tmp_path / "nol.htm"
    empty.write_bytes(b"  \n")
    assert [d.reason for d in read(reader, empty)] == ["invalid/empty"]  # type: ignore[union-attr]

    big = tmp_path / "besar.html"
    big.write_text(page())
    small = HtmlReader([], extractor="fast", max_html_bytes=500)
    (too_large,) = read(small, big)
    assert isinstance(too_large, Dropped)
    assert too_large.reason == "invalid/too_large"
    assert len(too_large.doc.text) == 500
    assert too_large.doc.metadata[meta.RAW_BYTES] == len(page().encode())


def test_binary_and_undecodable_pages_are_kept_under_their_own_reasons(
    tmp_path: Path, reader: HtmlReader
) -> None:
    pdf = tmp_path / "laporan.html"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n" * 10)
    (not_html,) = read(reader, pdf)
    assert isinstance(not_html, Dropped)
    assert not_html.reason == "invalid/not_html"
    assert not_html.doc.metadata[meta.RAW_BYTES] == pdf.stat().st_size
    assert "PDF" in not_html.doc.metadata[meta.INVALID_DETAIL]

    garbled = tmp_path / "rusak.html"
    garbled.write_bytes(b"<html><body><p>Harga cabai " + bytes(range(0x80, 0x100)) * 8 + b"</p>")
    (wrong,) = read(reader, garbled)
    assert isinstance(wrong, Dropped)
    assert wrong.reason == "invalid/encoding"
    assert wrong.doc.metadata[meta.RAW_BYTES] == garbled.stat().st_size

    utf16 = tmp_path / "utf16.html"
    utf16.write_bytes(page().encode("utf-16"))  # with its byte-order mark: a text page
    (doc,) = read(reader, utf16)
    assert isinstance(doc, Document)
    assert doc.metadata[meta.ENCODING].startswith("utf")


def test_reader_pickles_without_its_extractor(tmp_path: Path, reader: HtmlReader) -> None:
    path = tmp_path / "a.html"
    path.write_text(page())
    assert isinstance(read(reader, path)[0], Document)
    copy = pickle.loads(pickle.dumps(reader))
    assert copy == reader
    assert len(pickle.dumps(reader)) < 1024
    assert isinstance(read(copy, path)[0], Document)


def test_unknown_extractor_is_a_config_error(tmp_path: Path) -> None:
    from saring.errors import ConfigError

    path = tmp_path / "a.html"
    path.write_text(page())
    with pytest.raises(ConfigError, match="extractor must be one of"):
        read(HtmlReader([], extractor="cepat"), path)


def test_jsonl_html_field_is_extracted_and_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "halaman.jsonl"
    rows = [
        {"id": "a1", "url": "https://metro.contoh.id/a1", "html": page(), "rubrik": "metro"},
        {"id": "a2", "url": "https://metro.contoh.id/a2", "html": "<html><body></body></html>"},
        {"id": "a3", "html": 7},
    ]
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    reader = JsonlReader([str(path)], html_field="html", extractor="fast")
    doc, no_article, not_html = reader.read(Source(str(path)))
    assert isinstance(doc, Document)
    assert doc.id == "a1"
    assert doc.url == "https://metro.contoh.id/a1"
    assert ARTICLE in doc.text
    assert "<p>" not in doc.text
    assert doc.metadata[meta.TITLE] == "Banjir Rendam Kampung Pulo"
    assert doc.metadata[meta.EXTRA_FIELDS] == {"rubrik": "metro"}
    assert isinstance(no_article, Dropped)
    assert no_article.reason == "invalid/no_content"
    assert no_article.doc.url == "https://metro.contoh.id/a2"
    assert isinstance(not_html, Dropped)
    assert not_html.reason == "invalid/no_text"


def test_jsonl_html_pages_are_sent_ahead_to_the_extraction_child(tmp_path: Path) -> None:
    path = tmp_path / "halaman.jsonl"
    rows = [{"id": f"b{n}", "html": page().replace("Siti", f"Siti {n}")} for n in range(5)]
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    reader = JsonlReader([str(path)], html_field="html", extractor="fast")
    docs = reader.read(Source(str(path)))
    first = next(docs)
    assert isinstance(first, Document)
    child = shared_extractor("fast", EXTRACT_TIMEOUT)
    assert child.pending == 4, "the pages behind the first are with the extraction child"
    rest = list(docs)
    assert [doc.id for doc in [first, *rest]] == ["b0", "b1", "b2", "b3", "b4"]
    assert all(
        isinstance(doc, Document) and f"Siti {n}" in doc.text for n, doc in enumerate(rest, 1)
    )


def test_json_saved_as_html_is_not_a_page(tmp_path: Path, reader: HtmlReader) -> None:
    path = tmp_path / "api.html"
    path.write_bytes(b'  {"judul": "Banjir Rendam Kampung Pulo", "isi": "<p>teks</p>"}')
    (dropped,) = read(reader, path)
    assert isinstance(dropped, Dropped)
    assert dropped.reason == "invalid/not_html"
    assert dropped.doc.metadata[meta.RAW_BYTES] == path.stat().st_size
    assert "JSON" in dropped.doc.metadata[meta.INVALID_DETAIL]
