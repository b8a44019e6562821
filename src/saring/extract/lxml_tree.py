"""The quality mode's lxml tree: trafilatura's parse at less cost, and an author search that
is skipped where none of trafilatura's author expressions can match.

Both give exactly what trafilatura's own calls give (``tests/extract/test_lxml_tree.py``
compares them; on both extraction benchmarks' 1,130 pages the mode's text and metadata are
unchanged):

- ``load_html`` is trafilatura's ``load_html`` for a page's text, with a parser that makes
  every element an ``lxml.html.HtmlElement`` in C. lxml.html's own parser asks a Python
  method for the class of each element lxml hands to Python (a tenth of trafilatura's time:
  its passes touch each element many times), to give form fields their own classes, which
  trafilatura never uses.
- ``find_author`` is trafilatura's ``extract_author``, which copies and prunes the whole tree
  and runs three XPath expressions whose regular expressions are Python calls per element
  (about 9 ms a page). Each expression needs an element whose tag or attribute value holds
  one of ``AUTHOR_NEEDLES``; where the text lxml read holds none (letters written as numeric
  character references aside, which send the page through the full search), there is no
  author to find.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Any

AUTHOR_NEEDLES = (
    "uthor",
    "zuozhe",
    "bianji",
    "xiaobian",
    "channel-name",
    "submitted-by",
    "posted-by",
    "journalist-name",
    "screenname",
    "writer",
    "yline",
    "username",
    "byl",
    "bbl",
    "<rel",
)
"""Lower-case strings of which the text lxml read holds at least one wherever an element can
match trafilatura's ``AUTHOR_XPATHS``: each of their tests needs an ``author`` element or one
named ``rel``, or a ``class``, ``id``, ``rel``, ``itemprop``, ``data-testid`` or
``data-component`` value holding one of them (``[Aa]uthor``, ``author-?name``, ``AuthorCard``:
"uthor"; ``[Bb]yline``, ``Byline``: "yline"; ``byl``, ``BBL``, ``username``, and the rest as
written)."""
AUTHOR_XPATHS_SHA256 = "e7cdb233823cbb0a7eadad1211ccea04ebd7789ae4ffc076b2fc765f00286c9f"
"""Digest of the trafilatura author expressions ``AUTHOR_NEEDLES`` was read from
(trafilatura 2.3): with any other expressions the search always runs."""
_REFERENCE = re.compile(r"&#([xX][0-9a-fA-F]+|[0-9]+)")
"""A numeric character reference: the parser reads it as the character it names."""


@cache
def _parser() -> Any:
    """Return trafilatura's HTML parser settings with elements made ``HtmlElement`` in C."""
    from lxml import etree
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

    parser = etree.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    lookup = etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    parser.set_element_class_lookup(lookup)
    return parser


def _from_bytes(html: str) -> Any:
    """Return the page parsed from its UTF-8 bytes, or ``None`` (trafilatura's
    ``fromstring_bytes``)."""
    from lxml.html import fromstring

    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:  # as trafilatura: a page lxml cannot parse has no tree
        return None


def load_html(html: str) -> tuple[Any, str]:
    """Return the page's lxml tree as trafilatura's ``load_html`` parses a text (``None``
    where it finds no HTML) and the text lxml read: the page as trafilatura repairs it."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree = None
    from_bytes = False
    try:
        tree = fromstring(html, parser=_parser())
    except ValueError:  # a text that declares its encoding: lxml takes it only as bytes
        tree = _from_bytes(html)
        from_bytes = True
    except Exception:  # as trafilatura: a page lxml cannot parse has no tree
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None, html
    return tree, html


@cache
def _needles_apply() -> bool:
    """Return whether trafilatura's author expressions are those ``AUTHOR_NEEDLES`` covers."""
    from trafilatura.xpaths import AUTHOR_XPATHS

    paths = "\n".join(expression.path for expression in AUTHOR_XPATHS)
    return hashlib.sha256(paths.encode()).hexdigest() == AUTHOR_XPATHS_SHA256


def may_name_author(html: str) -> bool:
    """Return whether the text lxml read could hold an element trafilatura's author search
    matches: a needle, or a numeric reference to a letter, ``-`` or ``<``."""
    lowered = html.lower()
    if any(needle in lowered for needle in AUTHOR_NEEDLES):
        return True
    if "&#" not in html:
        return False
    for reference in _REFERENCE.finditer(html):
        code = reference[1]
        try:
            character = chr(int(code[1:], 16) if code[0] in "xX" else int(code))
        except (ValueError, OverflowError):
            continue
        if character.isascii() and (character.isalpha() or character in "-<"):
            return True
    return False


def find_author(tree: Any, html: str) -> str | None:
    """Return trafilatura's ``extract_author`` of the tree lxml read from ``html`` (as
    ``load_html`` returns it), without its search where that text cannot name an author."""
    from trafilatura.metadata import extract_author

    if _needles_apply() and not may_name_author(html):
        return None
    return extract_author(tree)
