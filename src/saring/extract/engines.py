"""The two extraction modes: the article's text and the page's metadata from one HTML page.

- ``quality``: trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and
  Command-Line Tool for Text Discovery and Extraction", ACL demos) with
  ``favor_precision=True`` and comments left out, which wins on news pages, first without
  its readability/jusText comparison (``fast=True``: a quarter of its time). Where that text
  is under half of resiliparse's main-content text (a page of another kind, where precision
  cuts whole sections: 8 % of the pages of both extraction benchmarks), trafilatura's
  defaults are run too and their text kept if the precise one is under half of it. (A
  precise pass with the comparison before the defaults, as earlier versions ran, cost a
  twelfth of the mode's time and scored lower on the tuning pages: 0.931 F1, not 0.934.)
  When trafilatura finds no
  article, resiliparse's main-content text is used instead. The page is parsed once for
  trafilatura's passes, and its author searched only where the page can name one
  (``saring.extract.lxml_tree``: the same tree and author as trafilatura's own calls).
  Title, author, date and site name are what the page declares in its markup
  (``saring.extract.page``), completed by trafilatura's metadata when the page declares no
  title or no date, its date search kept to markup and URL (htmldate without the free-text
  search, which took longer than the article's extraction).
- ``fast``: resiliparse's main-content heuristics (Bevendorff et al. 2018, "Elastic
  ChatNoir", ECIR; the extractor Dolma uses), with comment sections, image alt texts,
  post-metadata blocks, ``<nav>``, ``<aside>`` and ``<footer>`` left out, on the page's
  single article element (``itemprop=articleBody``, ``<article>``, ``<main>``, …) when it
  holds at least half of the text, both read from one main-content pass over the page (see
  ``saring.extract.main_content``); metadata only from the page's markup.

Both then drop short boilerplate lines (``saring.extract.cues``). The shares were chosen on
the even-numbered pages of trafilatura's evaluation set; ``benchmarks/extraction.py``
reports the odd-numbered pages apart. Both return ``Extraction``; neither bounds its own
time or input size — ``saring.extract.bounded`` does that by running them in a child
process.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from resiliparse.parse.html import HTMLTree

from saring import meta
from saring.extract.cues import drop_cue_lines
from saring.extract.lxml_tree import find_author, load_html
from saring.extract.main_content import fast_text, main_content
from saring.extract.page import iso_date, page_metadata

Mode = Literal["quality", "fast"]


@dataclass(slots=True)
class Extraction:
    """The article text of a page (empty if none was found) and its metadata."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)


SECOND_OPINION = 0.5
"""The quality mode also runs trafilatura's defaults when its precise text is shorter than
this share of resiliparse's main-content text, and keeps the longer text if the precise one
is shorter than this share of it."""


def extract_fast(html: str, url: str | None = None) -> Extraction:
    """Return the page's main text by resiliparse and the metadata its markup declares."""
    tree = HTMLTree.parse(html)
    metadata = page_metadata(tree, url)
    metadata[meta.EXTRACTOR] = "fast"
    return Extraction(drop_cue_lines(fast_text(tree)), metadata)


def _date_params() -> dict[str, Any]:
    """Return htmldate's settings for trafilatura: the page's original date, found in its
    markup and URL only (no free-text search), no later than today."""
    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    return {"original_date": True, "extensive_search": False, "max_date": today}


def _trafilatura_metadata(tree: Any, url: str | None, html: str) -> dict[str, str | None]:
    """Return trafilatura's title, author, site name and date of a page parsed from ``html``
    (``lxml_tree.load_html``): the steps of its ``extract_metadata`` that give them, in its
    order, leaving out the categories, tags and licence saring does not keep (their searches
    over the page took a fifth of it)."""
    from htmldate import find_date  # what trafilatura's metadata calls
    from trafilatura import metadata as found_by

    found = found_by.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # as trafilatura: a broken JSON-LD block is skipped
        found = found_by.extract_meta_json(tree, found)
    found.title = found.title or found_by.extract_title(tree)
    found.author = found.author or find_author(tree, html)
    found.url = found.url or found_by.extract_url(tree, url)
    found.date = find_date(tree, **{**_date_params(), "url": found.url})
    if not found.sitename:
        found.sitename = found_by.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url and (site := found_by.META_URL.match(found.url)):
        found.sitename = site[1]
    found.clean_and_trim()
    return {
        meta.TITLE: found.title,
        meta.AUTHOR: found.author,
        meta.SITE_NAME: found.sitename,
        meta.PUBLISHED: iso_date(found.date) if found.date else None,
    }


def extract_quality(html: str, url: str | None = None) -> Extraction:
    """Return the page's article text and metadata by trafilatura (precise, with a second
    opinion from its defaults when the precise text looks cut; resiliparse if both find none)."""
    import trafilatura  # Imported here: it takes most of a second and only this mode needs it.

    tree = HTMLTree.parse(html)
    declared = page_metadata(tree, url)
    # Parsed once for both of trafilatura's passes (each copies the tree it is given).
    parsed, parsed_from = load_html(html)
    source: Any = html if parsed is None else parsed
    result = trafilatura.bare_extraction(
        source, url=url, favor_precision=True, include_comments=False, fast=True
    )
    text = ""
    found: dict[str, str | None] = {}
    if isinstance(result, trafilatura.settings.Document):
        # trafilatura's metadata is asked for only when the page does not declare its title
        # and date itself, and its date search stays in the markup and URL: the free-text
        # search (dateparser over every text node) took longer than extracting the article.
        # Where its metadata fails, trafilatura gives nothing for the page; so here.
        try:
            if parsed is not None and not (meta.TITLE in declared and meta.PUBLISHED in declared):
                found = _trafilatura_metadata(parsed, url, parsed_from)
            text = (result.text or "").strip()
        except (TypeError, ValueError):
            found = {}
    fallback = main_content(tree)
    if len(text) < SECOND_OPINION * len(fallback):
        wider = trafilatura.extract(source, url=url, include_comments=False) or ""
        if len(text) < SECOND_OPINION * len(wider):
            text = wider.strip()
    if not text:
        text = fallback
    metadata = dict(declared)
    for key, value in found.items():
        # A timestamp the page declares is more precise than a date trafilatura inferred.
        if value and not (key == meta.PUBLISHED and key in declared):
            metadata[key] = value
    metadata[meta.EXTRACTOR] = "quality"
    return Extraction(drop_cue_lines(text), metadata)


ENGINES: dict[str, Callable[[str, str | None], Extraction]] = {
    "quality": extract_quality,
    "fast": extract_fast,
}
"""Extraction functions by mode name."""
