"""Whitespace normalisation."""

from __future__ import annotations

import re

from saring.document import Document
from saring.stats import StepStats
from saring.step import Transform

_BLANKS = re.compile(r"\n{3,}")


class NormalizeWhitespace(Transform):
    """Returns the text with runs of spaces and tabs made one space, lines stripped, line
    endings (CR, CRLF, U+2028/2029 and the other Unicode breaks) made ``\\n`` and blank-line
    runs made one blank line."""

    def __init__(self) -> None:
        pass

    def transform(self, doc: Document, stats: StepStats) -> Document:
        # str.splitlines and str.split know every Unicode line break and space, in C.
        lines = [" ".join(line.split()) for line in doc.text.splitlines()]
        text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
        if text != doc.text:
            stats.counters["docs_changed"] += 1
            doc.text = text
        return doc
