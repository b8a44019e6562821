"""resiliparse's main-content text of a page, and the fast mode's text: that of the page's
single article element when it holds most of the page's text, read from one main-content pass
over the page (``fast_text``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

if TYPE_CHECKING:
    from resiliparse.parse.html import DocumentNode, ElementNode, Node

_SKIP = ["aside", "footer", "nav"]
"""Elements the fast mode leaves out whatever resiliparse thinks of them."""
_ROOTS: tuple[tuple[str, str | None], ...] = (
    ("itemprop", "articleBody"),
    ("article", None),
    ("main", None),
    ("role", "main"),
    ("id", "content"),
)
"""Elements that hold the article when a page has exactly one of them, most specific first:
an attribute and its value, or a tag name (``[itemprop=articleBody]``, ``article``, ``main``,
``[role=main]``, ``#content``). Looked up by tag or attribute, not by CSS selector: lexbor
compiles a selector on every call, which cost more than a fast-mode page's extraction."""
ROOT_SHARE = 0.5
"""A root element is used when its text is at least this share of the whole page's text."""


def main_content(page: str | HTMLTree, skip: list[str] | None = None) -> str:
    """Return resiliparse's main-content text (comments, alt texts and post metadata left
    out, and the elements matching ``skip``), one block per line."""
    return extract_plain_text(
        page,
        main_content=True,
        comments=False,
        alt_texts=False,
        post_meta=False,
        skip_elements=skip,
    ).strip()


def _roots(document: DocumentNode) -> list[tuple[int, ElementNode]]:
    """Return the page's root elements (``_ROOTS`` it holds exactly one of), with their
    places in ``_ROOTS``, most specific first."""
    found = []
    for n, (name, value) in enumerate(_ROOTS):
        if value is None:
            nodes = document.get_elements_by_tag_name(name)
        else:
            nodes = document.get_elements_by_attr(name, value)
        if len(nodes) == 1:
            found.append((n, nodes[0]))
    return found


_MARK = "qzxsaringroot"
"""How the words begin that mark where each root element starts and ends in the page's
main-content text (``qzxsaringroot0b``…``qzxsaringroot0e``): text nodes of letters, as
resiliparse's main-content pass drops nodes without any. When the text holds more of them
than were put in (the page holds the word itself), the page is read again unmarked."""
_MARKS = re.compile(_MARK + r"\d+[be]")


def _mark(tree: HTMLTree, roots: list[tuple[int, ElementNode]]) -> list[Node]:
    """Put a start and an end mark inside each root element, around all it holds; return
    the marks."""
    marks = []
    for n, node in roots:
        start, end = tree.create_text_node(f"{_MARK}{n}b"), tree.create_text_node(f"{_MARK}{n}e")
        if start is None or end is None:  # not made: the root is extracted on its own
            continue
        first = node.first_child
        if first is None:
            node.append_child(start)
        else:
            node.insert_before(start, first)
        node.append_child(end)
        marks += [start, end]
    return marks


def _unmarked(text: str) -> str:
    """Return marked main-content text without its marks: a line holding only marks goes,
    with the blank line after it (the mark's own block), so the text is the unmarked page's."""
    if _MARK not in text:
        return text.strip()
    lines: list[str] = []
    after_mark = False
    for line in text.split("\n"):
        if after_mark and not line.strip():
            after_mark = False
            continue
        has_mark = _MARK in line
        bare = _MARKS.sub("", line) if has_mark else line
        after_mark = has_mark and not bare.strip()
        if not after_mark:
            lines.append(bare)
    return "\n".join(lines).strip()


def _between(text: str, n: int) -> str | None:
    """Return the marked text between root ``n``'s marks, or ``None`` if the main-content pass
    dropped either of them."""
    opening = f"{_MARK}{n}b"
    start, end = text.find(opening), text.find(f"{_MARK}{n}e")
    if start < 0 or end < start:
        return None
    return _unmarked(text[start + len(opening) : end])


def fast_text(tree: HTMLTree) -> str:
    """Return the main-content text of the page's article element if it has a single one
    holding most of the text, else of the whole page; navigation, asides and footers out.

    One main-content pass over the page gives both: each root element is marked (``_mark``)
    and its text is what the pass keeps between its marks, judged in the page's context.
    Only a root the pass dropped whole (its marks gone: a page whose whole text the
    heuristics take for boilerplate) is extracted again on its own, parsed as a page. (Extracting
    every root on its own, as earlier versions did, cost a third of the mode's time and scored
    lower on the tuning pages of both extraction benchmarks.)"""
    document = tree.document
    roots = _roots(document) if document is not None else []
    marks = _mark(tree, roots)
    text = main_content(tree, _SKIP)
    for mark in marks:  # the tree as the page has it, for a root read on its own
        mark.decompose()
    marked = text.count(_MARK) <= len(marks)
    if not marked:  # the page's own text holds the mark's word: read it unmarked
        text = main_content(tree, _SKIP)
    full = _unmarked(text) if marked else text
    for n, node in roots:
        part = _between(text, n) if marked else None
        if part is None:
            part = main_content(HTMLTree.parse(node.html), _SKIP)
        if len(part) >= ROOT_SHARE * len(full):
            return part
    return full
