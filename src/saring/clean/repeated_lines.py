"""Removal of a line that repeats the line just before it (a title printed twice)."""

from __future__ import annotations

from saring.clean.lines import remove_lines
from saring.document import Document
from saring.stats import StepStats
from saring.step import Transform

REPEATED = "clean/repeated_line"


class RemoveRepeatedLines(Transform):
    """Returns the text without any non-blank line equal (ignoring case and spacing) to the
    previous non-blank line, as when a page prints its title in the header and again above
    the article body."""

    line_reasons = (REPEATED,)

    def __init__(self) -> None:
        pass

    def transform(self, doc: Document, stats: StepStats) -> Document:
        previous = ""

        def reason(index: int, lines: list[str]) -> str | None:
            nonlocal previous
            key = " ".join(lines[index].casefold().split())
            repeated = key == previous
            previous = key
            return REPEATED if repeated else None

        doc.text = remove_lines(doc.text, reason, stats)
        return doc
