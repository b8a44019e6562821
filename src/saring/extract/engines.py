"""The two extraction modes: the article's text and the page's metadata from one HTML page.

- ``quality``: trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and
  Command-Line Tool for Text Discovery and Extraction", ACL demos), with
  ``favor_precision=True`` and comments left out — on the article-extraction benchmark this
  setting scores a higher F1 than trafilatura's defaults (see ``benchmarks/extraction.py``).
  When trafilatura finds no article, resiliparse's main-content text is used instead.
  Title, author, date and site name come from trafilatura's metadata, completed by what the
  page declares in its markup (``saring.extract.page``).
- ``fast``: resiliparse's main-content heuristics (Bevendorff et al. 2018, "Elastic
  ChatNoir", ECIR; the extractor Dolma uses), with comment sections, image alt texts and
  post-metadata blocks left out; metadata only from the page's markup.

Both return ``Extraction``; neither bounds its own time or input size — ``saring.extract.
bounded`` does that by running them in a child process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from saring import meta
from saring.extract.page import iso_date, page_metadata

Mode = Literal["quality", "fast"]


@dataclass(slots=True)
class Extraction:
    """The article text of a page (empty if none was found) and its metadata."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)


def _main_content(page: str | HTMLTree) -> str:
    """Return resiliparse's main-content text, one block per line."""
    return extract_plain_text(
        page, main_content=True, comments=False, alt_texts=False, post_meta=False
    ).strip()


def extract_fast(html: str, url: str | None = None) -> Extraction:
    """Return the page's main text by resiliparse and the metadata its markup declares."""
    tree = HTMLTree.parse(html)
    metadata = page_metadata(tree, url)
    metadata[meta.EXTRACTOR] = "fast"
    return Extraction(_main_content(tree), metadata)


def extract_quality(html: str, url: str | None = None) -> Extraction:
    """Return the page's article text and metadata by trafilatura (resiliparse if it finds none)."""
    import trafilatura  # Imported here: it takes most of a second and only this mode needs it.

    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
    )
    declared = page_metadata(html, url)
    text = ""
    found: dict[str, str | None] = {}
    if isinstance(result, trafilatura.settings.Document):
        text = (result.text or "").strip()
        found = {
            meta.TITLE: result.title,
            meta.AUTHOR: result.author,
            meta.SITE_NAME: result.sitename,
            meta.PUBLISHED: iso_date(result.date) if result.date else None,
        }
    if not text:
        text = _main_content(html)
    metadata = dict(declared)
    for key, value in found.items():
        # A timestamp the page declares is more precise than a date trafilatura inferred.
        if value and not (key == meta.PUBLISHED and key in declared):
            metadata[key] = value
    metadata[meta.EXTRACTOR] = "quality"
    return Extraction(text, metadata)


ENGINES: dict[str, Callable[[str, str | None], Extraction]] = {
    "quality": extract_quality,
    "fast": extract_fast,
}
"""Extraction functions by mode name."""
