"""Page metadata, date normalisation, decoding, and the bounded extractor's failures."""

from __future__ import annotations

import pytest

from saring import meta
from saring.extract import (
    BoundedExtractor,
    Extraction,
    Failure,
    decode_html,
    iso_date,
    page_metadata,
)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2024-09-03T14:30:00+07:00", "2024-09-03T14:30:00+07:00"),
        ("2024-09-03T07:30:00Z", "2024-09-03T07:30:00+00:00"),
        ("2024/09/03 14:30", "2024-09-03T14:30:00"),
        ("2024-09-03 14:30:05.123+0700", "2024-09-03T14:30:05+07:00"),
        ("Selasa, 2024-09-03", "2024-09-03"),
        ("2024-02-30", None),
        ("3 September 2024", None),
    ],
)
def test_iso_date(written: str, iso: str | None) -> None:
    assert iso_date(written) == iso


def test_metadata_from_open_graph_json_ld_and_links() -> None:
    html = """<html><head><title>Judul Halaman | Situs</title>
    <meta property="og:locale" content="id_ID">
    <meta property="og:site_name" content="Warta Kota Contoh">
    <meta property="article:author" content="https://www.facebook.com/wartakota">
    <link rel="canonical" href="/nasional/2024/pemilu">
    <script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2024-02-14T09:00:00+07:00",
      "author": [{"@type": "Person", "name": "Budi Santoso"}]}</script>
    </head><body><p>isi</p></body></html>"""
    found = page_metadata(html, "https://wartakota.contoh.id/amp/nasional/2024/pemilu")
    assert found == {
        meta.TITLE: "Judul Halaman | Situs",
        meta.PUBLISHED: "2024-02-14T09:00:00+07:00",
        meta.AUTHOR: "Budi Santoso",
        meta.SITE_NAME: "Warta Kota Contoh",
        meta.CANONICAL_URL: "https://wartakota.contoh.id/nasional/2024/pemilu",
        meta.PAGE_LANG: "id_ID",
    }


def test_page_without_metadata_gives_nothing() -> None:
    assert page_metadata("<p>hanya teks</p>") == {}


def test_decode_prefers_valid_utf8_over_a_wrong_declaration() -> None:
    text = "Jalan Raya Bogor km 32 – macet total"
    assert decode_html(text.encode("utf-8"), "iso-8859-1") == (text, "utf-8")
    assert decode_html(text.encode("cp1252"), "windows-1252") == (text, "windows-1252")


def test_bounded_extractor_reports_no_content_and_survives_a_timeout() -> None:
    extractor = BoundedExtractor("fast", timeout=1.0)
    try:
        nothing = extractor.extract("<html><body><script>var x;</script></body></html>", None)
        assert nothing == Failure("invalid/no_content", "fast extraction found no article text")
        deep = "<div>" * 20_000 + "teks" + "</div>" * 20_000
        slow = extractor.extract(deep, None)
        assert isinstance(slow, Failure)
        assert slow.reason == "invalid/extract_timeout"
        after = extractor.extract("<p>Harga cabai rawit naik dua kali lipat di pasar.</p>", None)
        assert isinstance(after, Extraction)
        assert after.text == "Harga cabai rawit naik dua kali lipat di pasar."
    finally:
        extractor.close()
