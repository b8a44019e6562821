"""Gopher quality and repetition rules (Rae et al. 2021, "Scaling Language Models: Methods,
Analysis & Insights from Training Gopher", appendix A.1.1 and table A1), as annotators that
write signals and filters that compare them with per-language thresholds.

Deviations from the paper and from datatrove's implementation, on purpose: words come from
``saring.filters.text.words`` (no NLTK); lines are non-blank lines, so the blank lines
between paragraphs are not "duplicate lines"; n-gram character fractions count the
characters of words (not spaces) over all words' characters, and duplicate n-grams mark every
word covered by an n-gram that occurs more than once, as the paper describes; the stop-word
rule counts *distinct* stop words present ("at least two of" the list).
"""

from __future__ import annotations

import re
from itertools import count
from typing import Any

import numpy as np
import numpy.typing as npt

from saring.document import Document
from saring.filters.profiles import NGramLimits, QualityProfile, UsesProfile
from saring.filters.signals import store, stored
from saring.filters.text import duplicates, lines, paragraphs, ratio, words
from saring.meta import QUALITY_GOPHER, QUALITY_REPETITION
from saring.step import Annotator, Filter

WORD_COUNT = "quality/gopher_word_count"
MEAN_WORD_LENGTH = "quality/gopher_mean_word_length"
SYMBOL_RATIO = "quality/gopher_symbol_ratio"
BULLET_LINES = "quality/gopher_bullet_lines"
ELLIPSIS_LINES = "quality/gopher_ellipsis_lines"
ALPHA_WORDS = "quality/gopher_alpha_words"
STOP_WORDS = "quality/gopher_stop_words"
DUP_LINES = "quality/gopher_dup_lines"
DUP_PARAGRAPHS = "quality/gopher_dup_paragraphs"
DUP_LINE_CHARS = "quality/gopher_dup_line_chars"
DUP_PARAGRAPH_CHARS = "quality/gopher_dup_paragraph_chars"
TOP_NGRAM = "quality/gopher_top_ngram"
DUP_NGRAM = "quality/gopher_dup_ngram"

BULLETS = ("•", "●", "▪", "■", "◦", "‣", "►", "➢", "✓", "✔", "-", "*", "–", "·")
"""Characters that start a bullet line."""
ELLIPSES = ("...", "…")
_ALPHA = re.compile(r"[^\W\d_]")
TOP_NGRAM_SIZES = (2, 3, 4)
"""n of the "most frequent n-gram" signals; ``max_top_ngram`` thresholds follow this order."""
DUP_NGRAM_SIZES = (5, 6, 7, 8, 9, 10)
"""n of the "duplicate n-gram" signals; ``max_dup_ngram`` thresholds follow this order."""


def gopher_quality_signals(text: str, stop_words: frozenset[str]) -> dict[str, Any]:
    """Return the Gopher quality signals of a text (counts and ratios, 4 decimals)."""
    ws = words(text)
    n = len(ws)
    ls = lines(text)
    alpha = sum(1 for w in ws if w.isalpha() or _ALPHA.search(w))
    return {
        "chars": len(text),
        "words": n,
        "mean_word_length": ratio(sum(map(len, ws)), n),
        "hash_ratio": ratio(text.count("#"), n),
        "ellipsis_ratio": ratio(text.count("...") + text.count("…"), n),
        "bullet_lines": ratio(sum(1 for line in ls if line.startswith(BULLETS)), len(ls)),
        "ellipsis_lines": ratio(sum(1 for line in ls if line.endswith(ELLIPSES)), len(ls)),
        "alpha_words": ratio(alpha, n),
        "stop_words": len(stop_words.intersection(map(str.casefold, ws))),
    }


def gopher_quality_reason(signals: dict[str, Any], p: QualityProfile) -> str | None:
    """Return the first Gopher quality rule the signals break, or ``None``."""
    if not p.min_words <= signals["words"] <= p.max_words:
        return WORD_COUNT
    if not p.min_mean_word_length <= signals["mean_word_length"] <= p.max_mean_word_length:
        return MEAN_WORD_LENGTH
    if max(signals["hash_ratio"], signals["ellipsis_ratio"]) > p.max_symbol_ratio:
        return SYMBOL_RATIO
    if signals["bullet_lines"] > p.max_bullet_lines:
        return BULLET_LINES
    if signals["ellipsis_lines"] > p.max_ellipsis_lines:
        return ELLIPSIS_LINES
    if signals["alpha_words"] < p.min_alpha_words:
        return ALPHA_WORDS
    if p.stop_words and signals["stop_words"] < p.min_stop_words:
        return STOP_WORDS
    return None


class GopherQualitySignals(UsesProfile, Annotator):
    """Writes the Gopher quality signals (word count, mean word length, ``#`` and ellipsis per
    word, bullet and ellipsis line fractions, fraction of words with a letter, distinct stop
    words) under ``metadata["quality"]["gopher_quality"]``. Stop words are those of
    ``doc.lang``, else of ``language``; ``stop_words`` replaces them for every language."""

    def __init__(self, language: str = "id", stop_words: tuple[str, ...] | None = None) -> None:
        self.language = language
        self.stop_words = stop_words

    def overrides(self) -> dict[str, Any]:
        return {"stop_words": self.stop_words}

    def annotate(self, doc: Document) -> None:
        p = self.profile_for(doc.lang)
        signals = gopher_quality_signals(doc.text, p.stop_words)
        signals["lang"] = p.lang if self.stop_words is None else "custom"
        store(doc, QUALITY_GOPHER, signals)


class GopherQualityFilter(UsesProfile, Filter):
    """Returns a ``quality/gopher_*`` reason when a document breaks a Gopher quality rule
    (Rae et al. 2021, A.1.1): word count outside [``min_words``, ``max_words``], mean word
    length outside its range, ``#`` or ellipses per word above ``max_symbol_ratio``, more
    than ``max_bullet_lines`` of lines starting with a bullet or ``max_ellipsis_lines``
    ending with an ellipsis, fewer than ``min_alpha_words`` of words holding a letter, or
    fewer than ``min_stop_words`` distinct stop words. Thresholds left at ``None`` come from
    the language's profile (``saring/data/quality/<lang>.toml``; language = ``doc.lang``,
    else ``language``). Uses ``GopherQualitySignals``' stored signals when they fit the
    text, and computes them otherwise."""

    drop_reasons = (
        WORD_COUNT,
        MEAN_WORD_LENGTH,
        SYMBOL_RATIO,
        BULLET_LINES,
        ELLIPSIS_LINES,
        ALPHA_WORDS,
        STOP_WORDS,
    )

    def __init__(
        self,
        language: str = "id",
        min_words: int | None = None,
        max_words: int | None = None,
        min_mean_word_length: float | None = None,
        max_mean_word_length: float | None = None,
        max_symbol_ratio: float | None = None,
        max_bullet_lines: float | None = None,
        max_ellipsis_lines: float | None = None,
        min_alpha_words: float | None = None,
        min_stop_words: int | None = None,
        stop_words: tuple[str, ...] | None = None,
    ) -> None:
        self.language = language
        self.min_words = min_words
        self.max_words = max_words
        self.min_mean_word_length = min_mean_word_length
        self.max_mean_word_length = max_mean_word_length
        self.max_symbol_ratio = max_symbol_ratio
        self.max_bullet_lines = max_bullet_lines
        self.max_ellipsis_lines = max_ellipsis_lines
        self.min_alpha_words = min_alpha_words
        self.min_stop_words = min_stop_words
        self.stop_words = stop_words

    def overrides(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.param_names() if name != "language"}

    def signals(self, doc: Document, p: QualityProfile) -> dict[str, Any]:
        """Return the document's stored signals if they fit, else freshly computed ones."""
        lang = p.lang if self.stop_words is None else "custom"
        found = None if lang == "custom" else stored(doc, QUALITY_GOPHER, {"lang": lang})
        return found or gopher_quality_signals(doc.text, p.stop_words)

    def reason(self, doc: Document) -> str | None:
        p = self.profile_for(doc.lang)
        return gopher_quality_reason(self.signals(doc, p), p)


_MIX = np.uint64(0x9E3779B97F4A7C15)


def _gram_keys(ids: npt.NDArray[np.uint64], n: int) -> npt.NDArray[np.uint64]:
    """Return one 64-bit key per n-gram of word ids (a polynomial hash; collisions are
    negligible at document sizes)."""
    count = len(ids) - n + 1
    keys = ids[:count].copy()
    with np.errstate(over="ignore"):
        for j in range(1, n):
            keys = keys * _MIX + ids[j : j + count]
    return keys


def top_ngram_fraction(
    ids: npt.NDArray[np.uint64], lengths: npt.NDArray[np.int64], total: int, n: int
) -> float:
    """Return the share of word characters in the most frequent n-gram's occurrences (the
    earliest such n-gram when several are equally frequent)."""
    if len(ids) < n or not total:
        return 0.0
    _, first, counts = np.unique(_gram_keys(ids, n), return_index=True, return_counts=True)
    best = counts.max()
    if best < 2:
        return 0.0
    start = int(first[counts == best].min())
    return ratio(int(best) * int(lengths[start : start + n].sum()), total)


def dup_ngram_fraction(
    ids: npt.NDArray[np.uint64], lengths: npt.NDArray[np.int64], total: int, n: int
) -> float:
    """Return the share of word characters covered by n-grams that occur more than once."""
    if len(ids) < n or not total:
        return 0.0
    _, inverse, counts = np.unique(_gram_keys(ids, n), return_inverse=True, return_counts=True)
    repeated = np.flatnonzero(counts[inverse] > 1)
    if not len(repeated):
        return 0.0
    edges = np.zeros(len(ids) + 1, dtype=np.int64)
    np.add.at(edges, repeated, 1)
    np.add.at(edges, repeated + n, -1)
    covered = np.cumsum(edges[:-1]) > 0
    return ratio(int(lengths[covered].sum()), total)


def gopher_repetition_signals(
    text: str,
    top_sizes: tuple[int, ...] = TOP_NGRAM_SIZES,
    dup_sizes: tuple[int, ...] = DUP_NGRAM_SIZES,
) -> dict[str, Any]:
    """Return the Gopher repetition signals of a text (fractions, 4 decimals)."""
    ls = lines(text)
    ps = paragraphs(text)
    dup_lines, dup_line_chars = duplicates(ls)
    dup_paras, dup_para_chars = duplicates(ps)
    ws = words(text)
    # A word's id is the position of its first occurrence: equal words, equal ids.
    vocabulary: dict[str, int] = {}
    ids = np.fromiter(map(vocabulary.setdefault, ws, count()), np.uint64, len(ws))
    lengths = np.fromiter(map(len, ws), np.int64, len(ws))
    total = int(lengths.sum())
    dup: dict[str, float] = {}
    smaller_had_duplicates = True
    for n in sorted(dup_sizes):
        # An n-gram that occurs twice contains (n-1)-grams that do: once none repeat, stop.
        fraction = dup_ngram_fraction(ids, lengths, total, n) if smaller_had_duplicates else 0.0
        smaller_had_duplicates = fraction > 0
        dup[str(n)] = fraction
    return {
        "chars": len(text),
        "dup_lines": ratio(dup_lines, len(ls)),
        "dup_paragraphs": ratio(dup_paras, len(ps)),
        "dup_line_chars": ratio(dup_line_chars, sum(map(len, ls))),
        "dup_paragraph_chars": ratio(dup_para_chars, sum(map(len, ps))),
        "top_ngram": {str(n): top_ngram_fraction(ids, lengths, total, n) for n in top_sizes},
        "dup_ngram": dup,
    }


def gopher_repetition_reason(signals: dict[str, Any], p: QualityProfile) -> str | None:
    """Return the first Gopher repetition rule the signals break, or ``None``."""
    if signals["dup_lines"] > p.max_dup_lines:
        return DUP_LINES
    if signals["dup_paragraphs"] > p.max_dup_paragraphs:
        return DUP_PARAGRAPHS
    if signals["dup_line_chars"] > p.max_dup_line_chars:
        return DUP_LINE_CHARS
    if signals["dup_paragraph_chars"] > p.max_dup_paragraph_chars:
        return DUP_PARAGRAPH_CHARS
    if any(signals["top_ngram"][str(n)] > limit for n, limit in p.top_ngrams):
        return TOP_NGRAM
    if any(signals["dup_ngram"][str(n)] > limit for n, limit in p.dup_ngrams):
        return DUP_NGRAM
    return None


class GopherRepetitionSignals(Annotator):
    """Writes the Gopher repetition signals (duplicate line and paragraph fractions, by count
    and by characters; character share of the most frequent 2-, 3-, 4-gram; character share
    of duplicated 5- to 10-grams) under ``metadata["quality"]["gopher_repetition"]``."""

    def __init__(self) -> None:
        pass

    def annotate(self, doc: Document) -> None:
        store(doc, QUALITY_REPETITION, gopher_repetition_signals(doc.text))


class GopherRepetitionFilter(UsesProfile, Filter):
    """Returns a ``quality/gopher_dup_*`` or ``quality/gopher_top_ngram`` reason when a
    document repeats itself beyond Gopher's limits (Rae et al. 2021, table A1): duplicate
    lines or paragraphs (by count or characters), a most frequent 2/3/4-gram covering too many
    characters (``max_top_ngram``, one limit per n in 2, 3, 4), or duplicated 5- to 10-grams
    covering too many (``max_dup_ngram``, one per n in 5..10). ``None`` takes the language
    profile's value (``doc.lang``, else ``language``); the Indonesian, Malay, Javanese and
    Sundanese profiles carry FineWeb-2's published limits. Uses ``GopherRepetitionSignals``'
    stored signals when they fit the text."""

    drop_reasons = (
        DUP_LINES,
        DUP_PARAGRAPHS,
        DUP_LINE_CHARS,
        DUP_PARAGRAPH_CHARS,
        TOP_NGRAM,
        DUP_NGRAM,
    )

    def __init__(
        self,
        language: str = "id",
        max_dup_lines: float | None = None,
        max_dup_paragraphs: float | None = None,
        max_dup_line_chars: float | None = None,
        max_dup_paragraph_chars: float | None = None,
        max_top_ngram: tuple[float, ...] | None = None,
        max_dup_ngram: tuple[float, ...] | None = None,
    ) -> None:
        self.language = language
        self.max_dup_lines = max_dup_lines
        self.max_dup_paragraphs = max_dup_paragraphs
        self.max_dup_line_chars = max_dup_line_chars
        self.max_dup_paragraph_chars = max_dup_paragraph_chars
        self.max_top_ngram = max_top_ngram
        self.max_dup_ngram = max_dup_ngram

    def overrides(self) -> dict[str, Any]:
        return {
            "max_dup_lines": self.max_dup_lines,
            "max_dup_paragraphs": self.max_dup_paragraphs,
            "max_dup_line_chars": self.max_dup_line_chars,
            "max_dup_paragraph_chars": self.max_dup_paragraph_chars,
            "top_ngrams": _limits(TOP_NGRAM_SIZES, self.max_top_ngram),
            "dup_ngrams": _limits(DUP_NGRAM_SIZES, self.max_dup_ngram),
        }

    def signals(self, doc: Document, p: QualityProfile) -> dict[str, Any]:
        """Return the document's stored signals if they cover ``p``'s n-grams, else new ones."""
        found = stored(doc, QUALITY_REPETITION, {})
        top = tuple(n for n, _ in p.top_ngrams)
        dup = tuple(n for n, _ in p.dup_ngrams)
        if (
            found is not None
            and all(str(n) in found.get("top_ngram", {}) for n in top)
            and all(str(n) in found.get("dup_ngram", {}) for n in dup)
        ):
            return found
        return gopher_repetition_signals(doc.text, top, dup)

    def reason(self, doc: Document) -> str | None:
        p = self.profile_for(doc.lang)
        return gopher_repetition_reason(self.signals(doc, p), p)


def _limits(sizes: tuple[int, ...], fractions: tuple[float, ...] | None) -> NGramLimits | None:
    """Return (n, limit) pairs for the given limits, ``None`` when none are given."""
    if fractions is None:
        return None
    return tuple(zip(sizes, (float(f) for f in fractions), strict=False))
