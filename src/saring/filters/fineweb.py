"""FineWeb's line-ratio rules (Penedo et al. 2024, "The FineWeb Datasets: Decanting the Web for
the Finest Text Data at Scale", section 3.5; datatrove's ``FineWebQualityFilter``), as an
annotator and a filter, with FineWeb-2's per-language limits for Indonesian, Malay, Javanese
and Sundanese in the language profiles.

Lines are non-blank lines (FineWeb's texts, from trafilatura, have no blank lines; ours
separate paragraphs with one, which would otherwise count as short, punctuation-less lines).
The newline ratio is line breaks between those lines per word, which equals FineWeb's
``text.count("\\n") / words`` on text without blank lines. The punctuation and short-line
rules judge only documents of at least ``min_lines`` lines: a crawl that stores an article as
one line would otherwise be judged by its last character.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from saring.document import Document
from saring.filters.profiles import UsesProfile
from saring.filters.signals import store, stored
from saring.filters.text import (
    LONG_LINE_WORDS,
    STOP_CHARS,
    article_table,
    duplicates,
    is_prose,
    lines,
    ratio,
    words,
)
from saring.filters.thresholds import FineWebThresholds
from saring.meta import QUALITY_FINEWEB
from saring.step import Annotator, Filter

LINE_PUNCT = "quality/fineweb_line_punct"
SHORT_LINES = "quality/fineweb_short_lines"
CHAR_DUP = "quality/fineweb_char_dup"
NEWLINE_RATIO = "quality/fineweb_newline_ratio"

VERSION = 7
"""Version of ``fineweb_signals``; stored signals of another version are recomputed."""


def fineweb_signals(text: str, short_line_chars: int) -> dict[str, Any]:
    """Return FineWeb's line ratios of a text (4 decimals)."""
    ls = lines(text)
    n = len(ls)
    total = sum(map(len, ls))
    _, dup_chars = duplicates(ls)
    seen = Counter(ls)
    punct = [line for line in ls if line.endswith(STOP_CHARS)]
    per_line = [words(line) for line in ls]
    prose = [i for i, line in enumerate(ls) if is_prose(line)]
    # A table's rows in an article are neither prose nor furniture: text for the
    # character-weighted rules.
    table, _ = article_table(ls, per_line)
    rows = [ls[i] for i in table if not is_prose(ls[i])]
    short = [line for line in ls if len(line) <= short_line_chars]
    return {
        "chars": len(text),
        "lines": n,
        "short_line_chars": short_line_chars,
        "line_punct": ratio(len(punct), n),
        "short_lines": ratio(len(short), n),
        "char_dup": ratio(dup_chars, total),
        "newline_ratio": ratio(max(n - 1, 0), sum(map(len, per_line))),
        "line_punct_by_chars": ratio(sum(len(ls[i]) for i in prose) + sum(map(len, rows)), total),
        "prose_words": sum(len(per_line[i]) for i in prose),
        "short_lines_by_chars": ratio(
            sum(len(x) for i, x in enumerate(ls) if len(x) <= short_line_chars and i not in table),
            total,
        ),
        "char_dup_3": ratio(sum(len(k) * (c - 1) for k, c in seen.items() if c > 2), total),
        "char_dup_3_long": ratio(
            sum(
                len(k) * (c - 1)
                for k, c in seen.items()
                if c > 2 and len(k.split()) >= LONG_LINE_WORDS
            ),
            total,
        ),
    }


def signal_keys(t: FineWebThresholds) -> tuple[str, str, str]:
    """Return the signals the punctuation, short-line and duplicate-line rules read under
    thresholds ``t``."""
    weight = "_by_chars" if t.line_weight == "chars" else ""
    dup = "char_dup" if t.char_dup_min_count == 2 else "char_dup_3"
    return (
        f"line_punct{weight}",
        f"short_lines{weight}",
        dup + ("" if t.char_dup_short_lines else "_long"),
    )


def punct_limit(signals: dict[str, Any], t: FineWebThresholds) -> float:
    """Return the punctuation rule's limit for a document: ``min_line_punct``, or when its
    prose lines hold at least ``enough_prose_words`` words (an article with a list, table or
    schedule) the lower of that and ``min_line_punct_prose``."""
    enough = t.enough_prose_words and signals.get("prose_words", 0) >= t.enough_prose_words
    return min(t.min_line_punct, t.min_line_punct_prose) if enough else t.min_line_punct


def short_limit(signals: dict[str, Any], t: FineWebThresholds) -> float:
    """Return the short-line rule's limit for a document: ``max_short_lines``, or when its
    prose lines hold at least ``enough_prose_words`` words (an article with a list) the
    higher of that and ``max_short_lines_prose``."""
    enough = t.enough_prose_words and signals.get("prose_words", 0) >= t.enough_prose_words
    return max(t.max_short_lines, t.max_short_lines_prose) if enough else t.max_short_lines


def fineweb_reason(signals: dict[str, Any], t: FineWebThresholds) -> str | None:
    """Return the first FineWeb rule the signals break, or ``None``."""
    line_rules = signals["lines"] >= t.min_lines
    punct, short, dup = signal_keys(t)
    if line_rules and signals[punct] <= punct_limit(signals, t):
        return LINE_PUNCT
    if line_rules and signals[short] >= short_limit(signals, t):
        return SHORT_LINES
    if signals[dup] >= t.max_char_dup:
        return CHAR_DUP
    if signals["newline_ratio"] > t.max_newline_ratio:
        return NEWLINE_RATIO
    return None


class FineWebQualitySignals(Annotator):
    """Writes FineWeb's line ratios (lines ending in punctuation, lines of at most
    ``short_line_chars`` characters, characters in repeated lines, line breaks per word;
    the characters of prose lines (lines that end in punctuation or hold a sentence end)
    and table rows (``saring.filters.text.table_lines``), ``line_punct_by_chars``, and the
    prose lines' words, ``prose_words``; the characters of short lines that are not table
    rows, ``short_lines_by_chars``; characters in lines occurring three times or more,
    ``char_dup_3``, and of those of at least ``LONG_LINE_WORDS`` words, ``char_dup_3_long``)
    under ``metadata["quality"]["fineweb"]``."""

    def __init__(self, short_line_chars: int = 30) -> None:
        self.short_line_chars = short_line_chars

    def annotate(self, doc: Document) -> None:
        store(doc, QUALITY_FINEWEB, fineweb_signals(doc.text, self.short_line_chars), VERSION)


class FineWebQualityFilter(UsesProfile, Filter):
    """Returns ``quality/fineweb_line_punct`` when at most ``min_line_punct`` of lines end in
    punctuation, ``quality/fineweb_short_lines`` when at least ``max_short_lines`` are at
    most ``short_line_chars`` long, ``quality/fineweb_char_dup`` when repeated lines hold at
    least ``max_char_dup`` of the characters, ``quality/fineweb_newline_ratio`` when line
    breaks per word exceed ``max_newline_ratio`` (Penedo et al. 2024; comparisons as in
    datatrove); the first two only for documents of at least ``min_lines`` lines; a
    document with at least ``enough_prose_words`` words in prose lines (news: 50 for id, ms
    and en, Gopher's shortest document) is held to ``min_line_punct_prose`` where that is
    lower (news: 0.25), so a results list, price table or schedule under an article's worth
    of prose keeps the article, and to ``max_short_lines_prose`` for short lines where that
    is higher (news: 0.67, FineWeb's line limit as a character share), so an awards list of
    one winner per line does too; with
    ``line_weight="chars"`` (news profile of id, ms, en) the punctuation rule reads
    ``line_punct_by_chars`` and the short-line rule ``short_lines_by_chars`` (the share
    of characters in short lines: four one-word photo tags over a long paragraph are not
    a page of short lines) instead; repeated lines count from ``char_dup_min_count``
    occurrences (3 in the news profile), and with ``char_dup_short_lines=False`` (news) only
    lines of at least ``LONG_LINE_WORDS`` words: a caption or credit printed under every
    photo is not repetition. ``None``
    takes the value of the language's ``profile`` (``doc.lang``, else ``language``). Uses
    ``FineWebQualitySignals``' stored signals when they fit the text."""

    family = "fineweb"
    drop_reasons = (LINE_PUNCT, SHORT_LINES, CHAR_DUP, NEWLINE_RATIO)

    def __init__(
        self,
        language: str = "id",
        profile: str = "news",
        min_line_punct: float | None = None,
        enough_prose_words: int | None = None,
        min_line_punct_prose: float | None = None,
        max_short_lines: float | None = None,
        max_short_lines_prose: float | None = None,
        short_line_chars: int | None = None,
        max_char_dup: float | None = None,
        max_newline_ratio: float | None = None,
        min_lines: int | None = None,
        line_weight: str | None = None,
        char_dup_min_count: int | None = None,
        char_dup_short_lines: bool | None = None,
    ) -> None:
        self.language = language
        self.profile = profile
        self.min_line_punct = min_line_punct
        self.enough_prose_words = enough_prose_words
        self.min_line_punct_prose = min_line_punct_prose
        self.max_short_lines = max_short_lines
        self.max_short_lines_prose = max_short_lines_prose
        self.short_line_chars = short_line_chars
        self.max_char_dup = max_char_dup
        self.max_newline_ratio = max_newline_ratio
        self.min_lines = min_lines
        self.line_weight = line_weight
        self.char_dup_min_count = char_dup_min_count
        self.char_dup_short_lines = char_dup_short_lines

    def signals(self, doc: Document) -> dict[str, Any]:
        """Return the document's stored signals if they fit, else freshly computed ones."""
        chars = self.thresholds(doc.lang).short_line_chars
        found = stored(doc, QUALITY_FINEWEB, {"short_line_chars": chars}, VERSION)
        return found or fineweb_signals(doc.text, chars)

    def limits(self, lang: str) -> dict[str, tuple[str, float]]:
        """Return signal → ("min" or "max", threshold) as applied to a document in ``lang``
        (``line_punct`` drops at or below its limit, ``short_lines`` and ``char_dup`` at or
        above, ``newline_ratio`` above)."""
        t: FineWebThresholds = self.thresholds(lang)
        punct, short, dup = signal_keys(t)
        return {
            punct: ("min", t.min_line_punct),
            short: ("max", t.max_short_lines),
            dup: ("max", t.max_char_dup),
            "newline_ratio": ("max", t.max_newline_ratio),
        }

    def reason(self, doc: Document) -> str | None:
        return fineweb_reason(self.signals(doc), self.thresholds(doc.lang))
