"""Whitespace normalisation."""

from __future__ import annotations

import re

from saring.document import Document
from saring.pipeline.base import Transform
from saring.pipeline.stats import StepStats

_RUNS = re.compile(r"[ \t\f\v]+")
_BLANKS = re.compile(r"\n{3,}")


class NormalizeWhitespace(Transform):
    """Returns the text with runs of spaces and tabs made one space, lines stripped, line
    endings made ``\\n`` and blank-line runs made one blank line (a paragraph break)."""

    def __init__(self) -> None:
        pass

    def transform(self, doc: Document, stats: StepStats) -> Document:
        text = doc.text.replace("\r\n", "\n").replace("\r", "\n")
        lines = [_RUNS.sub(" ", line).strip() for line in text.split("\n")]
        text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
        if text != doc.text:
            stats.counters["docs_changed"] += 1
            doc.text = text
        return doc
