"""The quality mode's lxml tree and author search give what trafilatura's own calls give."""

from __future__ import annotations

from typing import Any

import pytest
import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author
from trafilatura.utils import load_html as trafilatura_load_html

from saring.extract import lxml_tree
from saring.extract.lxml_tree import find_author, load_html, may_name_author

ARTICLE = (
    "<h1>Petani Garut panen raya</h1><p>Petani di Kabupaten Garut mulai memanen padi "
    "pada pekan ini setelah hujan turun teratur sejak Januari.</p><p>Dinas pertanian "
    "mencatat hasil panen naik dibanding tahun lalu, terutama di kecamatan selatan.</p>"
)
PAGES = {
    "plain": f"<html><head><title>Panen</title></head><body><article>{ARTICLE}</article>"
    "</body></html>",
    "form and comments": "<html><body><!-- iklan --><form action='/cari'><label>Cari"
    "</label><input name='q' value='padi'><select><option>a</option></select><textarea>"
    f"catatan</textarea></form><main>{ARTICLE}</main><?php echo 1; ?></body></html>",
    "declared encoding": "<?xml version='1.0' encoding='utf-8'?><html><body><div>"
    f"{ARTICLE}</div></body></html>",
    "doctype and self-closed html": "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' />\n"
    f"<html lang='id'/>\n<body><section>{ARTICLE}</section></body></html>",
    "not html": "Hanya teks biasa tanpa tanda apa pun, dua kalimat. Kalimat kedua.",
    "fragment": f"<div>{ARTICLE}</div>",
    "control characters": f"<html><body><p class='aut\x01hor'>Rina Wulandari</p>{ARTICLE}"
    "</body></html>",
}
AUTHORS = {
    "class": f"<html><body><span class='author-name'>Dewi Lestari</span>{ARTICLE}</body></html>",
    "byline": f"<html><body><div class='Byline'>Oleh Agus Salim</div>{ARTICLE}</body></html>",
    "rel element": f"<html><body><p><rel>me</rel> Yoga Pratama</p>{ARTICLE}</body></html>",
    "author element": f"<html><body><author>Maya Sari</author>{ARTICLE}</body></html>",
    "itemprop": f"<html><body><b itemprop='author'>Nur Aini</b>{ARTICLE}</body></html>",
    "referenced letter": f"<html><body><span class='a&#117;thor'>Fajar Nugroho</span>"
    f"{ARTICLE}</body></html>",
    "hex reference": f"<html><body><span class='&#x42;yline'>Hendra Gunawan</span>{ARTICLE}"
    "</body></html>",
    "upper case": f"<html><body><SPAN CLASS='AUTHOR'>Lina Marlina</SPAN>{ARTICLE}</body></html>",
    "none": f"<html><body><p class='lead'>Redaksi &#8212; Garut</p>{ARTICLE}</body></html>",
}


def _same(ours: Any, theirs: Any) -> None:
    """Assert two parsed pages are the same tree of ``HtmlElement``s."""
    from lxml import etree

    if theirs is None:
        assert ours is None
        return
    assert isinstance(ours, HtmlElement)
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert [e.tag for e in ours.iter()] == [e.tag for e in theirs.iter()]
    assert all(isinstance(e, HtmlElement) for e in ours.iter() if isinstance(e.tag, str))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_load_html_parses_as_trafilatura_does(name: str) -> None:
    html = PAGES[name]
    tree, text = load_html(html)
    _same(tree, trafilatura_load_html(html))
    assert "\x01" not in text


@pytest.mark.parametrize("name", sorted(set(PAGES) - {"not html"}))
def test_trafilatura_extracts_the_same_from_either_tree(name: str) -> None:
    html = PAGES[name]
    ours, theirs = load_html(html)[0], trafilatura_load_html(html)
    for settings in ({"favor_precision": True, "fast": True}, {}):
        assert trafilatura.extract(ours, **settings) == trafilatura.extract(theirs, **settings)


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_find_author_is_trafilaturas_author(name: str) -> None:
    html = AUTHORS[name]
    tree, text = load_html(html)
    assert find_author(tree, text) == extract_author(trafilatura_load_html(html))


def test_the_search_is_skipped_only_where_no_expression_can_match() -> None:
    assert extract_author(trafilatura_load_html(AUTHORS["none"])) is None
    assert not may_name_author(load_html(AUTHORS["none"])[1])
    for name in sorted(set(AUTHORS) - {"none"}):
        assert may_name_author(load_html(AUTHORS[name])[1]), name
    # a control character lxml never reads cannot hide "author" from the check
    assert may_name_author(load_html(PAGES["control characters"])[1])


def test_other_author_expressions_turn_the_shortcut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    lxml_tree._needles_apply.cache_clear()
    monkeypatch.setattr(lxml_tree, "AUTHOR_XPATHS_SHA256", "0" * 64)
    calls: list[Any] = []
    monkeypatch.setattr(
        "trafilatura.metadata.extract_author", lambda tree: calls.append(tree) or "Siapa"
    )
    tree, text = load_html(AUTHORS["none"])
    try:
        assert find_author(tree, text) == "Siapa"
        assert calls == [tree]
    finally:
        lxml_tree._needles_apply.cache_clear()


def test_the_pinned_expressions_are_the_installed_ones() -> None:
    lxml_tree._needles_apply.cache_clear()
    assert lxml_tree._needles_apply(), "trafilatura's author XPaths changed: re-read AUTHOR_NEEDLES"
