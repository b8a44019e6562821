"""Whitespace normalisation."""

from __future__ import annotations

import re

from saring.document import Document
from saring.pipeline.base import Transform
from saring.pipeline.stats import StepStats

_RUNS = re.compile(r"[^\S\n]+")
_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_LINE_EDGES = re.compile(r" ?\n ?")
_BLANKS = re.compile(r"\n{3,}")


class NormalizeWhitespace(Transform):
    """Returns the text with runs of spaces and tabs made one space, lines stripped, line
    endings (CR, CRLF, U+2028/2029) made ``\\n`` and blank-line runs made one blank line."""

    def __init__(self) -> None:
        pass

    def transform(self, doc: Document, stats: StepStats) -> Document:
        text = _BREAKS.sub("\n", doc.text)
        text = _LINE_EDGES.sub("\n", _RUNS.sub(" ", text))
        text = _BLANKS.sub("\n\n", text).strip()
        if text != doc.text:
            stats.counters["docs_changed"] += 1
            doc.text = text
        return doc
