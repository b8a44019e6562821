"""Unicode repair: mojibake, NFC, and invisible or non-breaking spaces."""

from __future__ import annotations

import re

import ftfy

from saring.document import Document
from saring.pipeline.base import Transform
from saring.pipeline.stats import StepStats

# Spaces that look like a space but are not one: no-break, narrow no-break, figure, and the
# typographic spaces U+2000-U+200A, ideographic space aside (it is a real CJK character).
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")
# Characters with no width that split words for search and tokenizers: zero-width space,
# word joiner, byte order mark and soft hyphen. ZWJ/ZWNJ stay: some scripts need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


class NormalizeUnicode(Transform):
    """Returns the text with broken encodings repaired (ftfy), NFC-normalised, odd spaces made
    plain spaces and zero-width characters removed.

    ``fix_encoding`` repairs mojibake such as ``Ã©`` -> ``é`` with ftfy (Speer, 2019).
    """

    def __init__(self, fix_encoding: bool = True, normalization: str = "NFC") -> None:
        self.fix_encoding = fix_encoding
        self.normalization = normalization

    def transform(self, doc: Document, stats: StepStats) -> Document:
        text = doc.text
        if self.fix_encoding or not text.isascii():
            text = ftfy.fix_text(
                text,
                fix_encoding=self.fix_encoding,
                uncurl_quotes=False,
                fix_character_width=False,
                normalization=self.normalization,
                explain=False,
            )
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
        if text != doc.text:
            stats.counters["docs_changed"] += 1
            doc.text = text
        return doc
