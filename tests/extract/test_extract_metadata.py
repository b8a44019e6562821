"""The quality mode's metadata from trafilatura: the same title, author, site name and date
as trafilatura's own ``extract_metadata``, without its categories, tags and licence."""

from __future__ import annotations

from typing import Any

import pytest

from saring import meta
from saring.extract import engines
from saring.extract.page import iso_date

PAGES = (
    (
        "<html><head><title>Banjir rob genangi pesisir Semarang | Kabar Jateng</title>"
        "<meta name='author' content='Siti Rahmawati'>"
        "<meta property='og:site_name' content='kabarjateng'>"
        "<link rel='canonical' href='https://kabarjateng.example/banjir-rob'></head><body>"
        "<article><h1>Banjir rob genangi pesisir Semarang</h1><p>Air laut pasang merendam "
        "jalan di kawasan Tambak Lorok sejak pagi.</p><p>Kategori: <a rel='category tag' "
        "href='/kategori/lingkungan'>Lingkungan</a></p></article>"
        "<footer><a rel='license' href='https://creativecommons.org/licenses/by/4.0/'>CC BY"
        "</a></footer></body></html>",
        "https://kabarjateng.example/banjir-rob?utm=1",
    ),
    (
        '<html><head><script type=\'application/ld+json\'>{"@type": "NewsArticle", '
        '"headline": "Harga cabai turun", "datePublished": "2024-03-05T08:00:00+07:00",'
        ' "author": {"@type": "Person", "name": "Budi Santoso"}}</script></head>'
        "<body><div class='byline'>Oleh @redaksi</div><p>Harga cabai rawit di pasar induk "
        "turun dua ribu rupiah per kilogram.</p><p>Diterbitkan 5 Maret 2024</p></body></html>",
        None,
    ),
    ("<html><body><p>Tanpa judul, tanpa tanggal, tanpa penulis.</p></body></html>", None),
)


@pytest.mark.parametrize(("html", "url"), PAGES)
def test_trafilatura_metadata_matches_trafilatura_extract_metadata(
    html: str, url: str | None
) -> None:
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    tree: Any = load_html(html)
    whole = extract_metadata(tree, url, engines._date_params())
    expected = {
        meta.TITLE: whole.title,
        meta.AUTHOR: whole.author,
        meta.SITE_NAME: whole.sitename,
        meta.PUBLISHED: iso_date(whole.date) if whole.date else None,
    }
    assert engines._trafilatura_metadata(load_html(html), url, html) == expected
