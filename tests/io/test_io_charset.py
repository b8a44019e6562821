"""A page whose bytes are UTF-8 but whose HTTP header or ``<meta charset>`` declares another
charset is read as UTF-8, kept, and counted as ``charset_mislabelled``; an undecodable page
keeps its drop reason and is not counted. The UTF-8 check agrees with Python's decoder."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

from test_io_warc import PARAGRAPHS, URL, news_page, read, response, write_warc

from saring.document import Document, Dropped
from saring.io import Source
from saring.io.charset import MISLABELLED, declared_charsets, mislabelled, valid_utf8
from saring.io.html import HtmlReader
from saring.io.warc import WarcReader

QUOTE = "“Harga naik – tapi antrean tetap panjang,” kata Siti. Hak Cipta © 2024."


def test_utf8_bytes_declared_latin1_are_read_as_utf8_and_counted(tmp_path: Path) -> None:
    article = news_page((QUOTE, *PARAGRAPHS[1:]))
    utf8 = article.encode("utf-8")
    cp1252 = article.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252")
    ascii_only = news_page().replace("©", "(c)").encode("ascii")
    records = [
        response(f"{URL}/latin1", utf8, "text/html; charset=ISO-8859-1"),
        response(f"{URL}/utf8", utf8),
        response(f"{URL}/cp1252", cp1252, "text/html; charset=windows-1252"),
        response(f"{URL}/ascii", ascii_only, "text/html; charset=ISO-8859-1"),
        response(f"{URL}/rusak", b"<html><body><p>Harga " + bytes(range(0x80, 0x100)) * 8),
    ]
    path = write_warc(tmp_path / "label.warc", records)
    items, counters = read(path, WarcReader([], extractor="fast", extract_timeout=5.0))
    *docs, undecodable = items
    assert all(isinstance(doc, Document) for doc in docs)
    assert [doc.metadata["encoding"] for doc in docs] == ["utf-8", "utf-8", "windows-1252", "utf-8"]
    assert all("“Harga naik – tapi" in doc.text for doc in docs[:3])
    assert isinstance(undecodable, Dropped)
    assert undecodable.reason == "invalid/encoding"
    assert counters[MISLABELLED] == 1


def test_an_html_file_whose_meta_charset_is_wrong_is_counted(tmp_path: Path) -> None:
    page = tmp_path / "berita.html"
    page.write_bytes(news_page((QUOTE,) * 3).replace("utf-8", "iso-8859-1").encode("utf-8"))
    source = Source(str(page))
    source.counters = Counter()  # type: ignore[attr-defined]
    (doc,) = HtmlReader([], extractor="fast").read(source)
    assert isinstance(doc, Document)
    assert "“Harga naik – tapi" in doc.text
    assert source.counters[MISLABELLED] == 1  # type: ignore[attr-defined]


def test_what_counts_as_mislabelled() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
    assert declared_charsets(page.encode(), "ISO-8859-1") == ["ISO-8859-1", "gbk"]
    utf8 = f"{page}<p>{QUOTE}</p>".encode()
    assert mislabelled(utf8, "utf-8")
    assert mislabelled(utf8.replace(b"gbk", b"UTF-8"), "utf-8", "latin-1")
    assert mislabelled(utf8.replace(b"gbk", b"no-such-charset"), "utf-8")
    assert not mislabelled(utf8.replace(b"gbk", b"utf8"), "utf-8")
    assert not mislabelled(utf8.replace(b"gbk", b"utf8"), "utf-8", "UTF-8")
    assert not mislabelled(page.encode(), "utf-8", "ISO-8859-1"), "ASCII fits every label"
    assert not mislabelled(utf8, "gbk"), "decoded as declared"


def test_valid_utf8_agrees_with_the_strict_decoder() -> None:
    def strict(data: bytes) -> bool:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True

    pieces = [b"a", b"<", b"\x00", b"\x80", b"\x8f", b"\x90", b"\x9f", b"\xa0", b"\xbf"]
    pieces += [b"\xc0", b"\xc1", b"\xc2", b"\xdf", b"\xe0", b"\xe1", b"\xed", b"\xef", b"\xf0"]
    pieces += [b"\xf4", b"\xf5", b"\xff", "’é".encode(), b"\xed\xa0\x80", b"\xf4\x90\x80\x80"]
    cases = [bytes(pair) for pair in itertools.product(range(256), repeat=2)]
    rng = random.Random(11)
    cases += [b"".join(rng.choices(pieces, k=rng.randint(0, 6))) for _ in range(20_000)]
    cases.append("Berita hari ini: Jakarta — cuaca cerah ☀".encode() * 1000)
    assert [valid_utf8(case) for case in cases] == [strict(case) for case in cases]
