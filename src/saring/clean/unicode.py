"""Unicode repair: mojibake, NFC, and invisible or non-breaking spaces."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import ftfy

from saring.document import Document
from saring.stats import StepStats
from saring.step import Transform

# Spaces that look like a space but are not one: no-break, narrow no-break, figure, and the
# typographic spaces U+2000-U+200A, ideographic space aside (it is a real CJK character).
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")
# Characters with no width that split words for search and tokenizers: zero-width space,
# word joiner, byte order mark and soft hyphen. ZWJ/ZWNJ stay: some scripts need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
# What ftfy would change: C1 controls, surrogates, HTML entities, and UTF-8 read as
# Latin-1/Windows-1252 (a lead byte Â-ô followed by what a continuation byte decodes to, or
# by a plain space where a no-break space byte was altered: ftfy's ALTERED_UTF8_RE).
# Text without these goes the fast way; ftfy's own check costs about 1 ms per article.
# Written as one class of first characters, then what must follow each: the regular
# expression engine then skips to candidates by that class, about ten times faster than
# trying every branch at every position.
_SUSPECT = re.compile(
    "[\u0080-\u009f\ud800-\udfff&\u00c2-\u00f4]"
    "(?:(?<=[\u0080-\u009f\ud800-\udfff])"
    "|(?<=&)#?\\w+;"
    "|(?<=[\u00c2-\u00f4])[\u00a0-\u00bf\u20ac\u201a\u0192\u201e"
    "\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022"
    "\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
    "|(?<=[\u00c2\u00c3\u00c5\u00ce\u00d0\u00d9\u00e2\u00e3\u00f0]) )"
)
# Control characters other than tab and newlines, which ftfy would also remove.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Invisible or control characters, which few texts hold: one scan tells whether to remove any.
_RARE = re.compile("[\u200b\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")


def _fix_lines(text: str, normalization: str) -> str:
    """Return the text with ftfy applied to each line that holds a suspect character.

    ftfy fixes a text one newline-ended line at a time, and costs ~50 µs per line even when
    it changes nothing; handing it only the suspect lines, and each distinct one once, gives
    the same result and keeps a page of 500,000 short lines from taking half a minute.
    """
    lines = text.split("\n")
    last = len(lines) - 1
    fixed: dict[str, str] = {}
    out: list[str] = []
    for index, line in enumerate(lines):
        segment = line + "\n" if index < last else line
        if _SUSPECT.search(segment):
            if segment not in fixed:
                fixed[segment] = ftfy.fix_text(
                    segment,
                    uncurl_quotes=False,
                    fix_character_width=False,
                    normalization=normalization,
                    explain=False,
                )
            segment = fixed[segment]
        out.append(segment)
    return "".join(out)


class NormalizeUnicode(Transform):
    """Returns the text with broken encodings repaired (ftfy), NFC-normalised, odd spaces made
    plain spaces and zero-width characters removed.

    ``fix_encoding`` repairs mojibake such as ``Ã©`` -> ``é`` with ftfy (Speer, 2019).
    """

    def __init__(
        self, fix_encoding: bool = True, normalization: Literal["NFC", "NFKC"] = "NFC"
    ) -> None:
        self.fix_encoding = fix_encoding
        self.normalization = normalization

    def transform(self, doc: Document, stats: StepStats) -> Document:
        text = doc.text
        if not text.isascii():
            if self.fix_encoding and _SUSPECT.search(text):
                text = _fix_lines(text, self.normalization)
            if not unicodedata.is_normalized(self.normalization, text):
                text = unicodedata.normalize(self.normalization, text)
            text = _SPACES.sub(" ", text)
            if _RARE.search(text):
                text = _CONTROL.sub("", _INVISIBLE.sub("", text))
        else:
            text = _CONTROL.sub("", text)
        if text != doc.text:
            stats.counters["docs_changed"] += 1
            doc.text = text
        return doc
