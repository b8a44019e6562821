"""Gopher repetition rules (Rae et al. 2021, "Scaling Language Models: Methods, Analysis &
Insights from Training Gopher", table A1), as an annotator that writes signals and a filter
that compares them with per-language thresholds.

Deviations from the paper and from datatrove's implementation, on purpose: lines are
non-blank lines, so the blank lines between paragraphs are not "duplicate lines"; n-gram
character fractions count the characters of words (not spaces) over all words' characters,
and duplicate n-grams mark every word covered by an n-gram that occurs more than once, as the
paper describes.
"""

from __future__ import annotations

from itertools import count
from typing import Any

import numpy as np
import numpy.typing as npt

from saring.document import Document
from saring.filters.ngrams import dup_ngram_fractions, gram_keys, top_ngram_fraction
from saring.filters.profiles import UsesProfile
from saring.filters.restated import RESTATED_N, name_words, restated_words, sentence_words
from saring.filters.signals import store, stored
from saring.filters.text import LONG_LINE_WORDS, duplicates, lines, paragraphs, ratio
from saring.filters.thresholds import GopherRepetitionThresholds
from saring.meta import QUALITY_REPETITION
from saring.step import Annotator, Filter

VERSION = 7
"""Version of ``gopher_repetition_signals``; stored signals of another version are recomputed."""

DUP_LINES = "quality/gopher_dup_lines"
DUP_PARAGRAPHS = "quality/gopher_dup_paragraphs"
DUP_LINE_CHARS = "quality/gopher_dup_line_chars"
DUP_PARAGRAPH_CHARS = "quality/gopher_dup_paragraph_chars"
RESTATED = "quality/gopher_restated"
TOP_NGRAM = "quality/gopher_top_ngram"
DUP_NGRAM = "quality/gopher_dup_ngram"

TOP_NGRAM_SIZES = (2, 3, 4)
"""n of the "most frequent n-gram" signals; ``max_top_ngram`` thresholds follow this order."""
DUP_NGRAM_SIZES = (5, 6, 7, 8, 9, 10)
"""n of the "duplicate n-gram" signals; ``max_dup_ngram`` thresholds follow this order."""


def gopher_repetition_signals(text: str) -> dict[str, Any]:
    """Return the Gopher repetition signals of a text (fractions, 4 decimals)."""
    ls = lines(text)
    ps = paragraphs(text)
    line_chars, para_chars = sum(map(len, ls)), sum(map(len, ps))
    ws, ends = sentence_words(text)
    # A word's id is the position of its first occurrence: equal words, equal ids.
    vocabulary: dict[str, int] = {}
    ids = np.fromiter(map(vocabulary.setdefault, ws, count()), np.uint64, len(ws))
    lengths = np.fromiter(map(len, ws), np.int64, len(ws))
    total = int(lengths.sum())
    restated = thrice_said = np.zeros(len(ws), dtype=np.bool_)
    if len(ws) >= RESTATED_N:
        keys = gram_keys(ids, RESTATED_N)
        restated, thrice_said = restated_words(keys, ends, len(ws), named=name_words(ws, ends))
    dup, thrice = _dup_ngrams(ids, lengths, total)
    fresh, fresh_thrice = _dup_ngrams(ids[~restated], lengths[~restated], total)
    found: dict[str, Any] = {"chars": len(text)}
    for suffix, min_words in (("", 0), ("_long", LONG_LINE_WORDS)):
        dup_lines, dup_line_chars = duplicates(ls, min_words)
        dup_paras, dup_para_chars = duplicates(ps, min_words)
        found[f"dup_lines{suffix}"] = ratio(dup_lines, len(ls))
        found[f"dup_paragraphs{suffix}"] = ratio(dup_paras, len(ps))
        found[f"dup_line_chars{suffix}"] = ratio(dup_line_chars, line_chars)
        found[f"dup_paragraph_chars{suffix}"] = ratio(dup_para_chars, para_chars)
    return found | {
        "top_ngram": {str(n): top_ngram_fraction(ids, lengths, total, n) for n in TOP_NGRAM_SIZES},
        # Said three times or more: a short brief naming its subject twice is not repetition.
        "top_ngram_3": {
            str(n): top_ngram_fraction(ids, lengths, total, n, 3) for n in TOP_NGRAM_SIZES
        },
        "dup_ngram": dup,
        "dup_ngram_3": thrice,
        "restated": ratio(int(lengths[restated].sum()), total),
        "restated_3": ratio(int(lengths[thrice_said].sum()), total),
        "dup_ngram_unrestated": fresh,
        "dup_ngram_3_unrestated": fresh_thrice,
    }


def _dup_ngrams(
    ids: npt.NDArray[np.uint64], lengths: npt.NDArray[np.int64], total: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Return ``dup_ngram_fractions`` for every n of ``DUP_NGRAM_SIZES``: the shares of
    n-grams occurring twice or more and three times or more, keyed by n."""
    dup: dict[str, float] = {}
    thrice: dict[str, float] = {}
    fractions = (0.0, 0.0)
    for n in DUP_NGRAM_SIZES:
        # An n-gram that occurs twice contains (n-1)-grams that do: once none repeat, stop.
        if n == DUP_NGRAM_SIZES[0] or fractions[0] > 0:
            fractions = dup_ngram_fractions(ids, lengths, total, n)
        dup[str(n)], thrice[str(n)] = fractions
    return dup, thrice


def top_ngram_key(t: GopherRepetitionThresholds) -> str:
    """Return the signal the most frequent n-gram rule reads under thresholds ``t``."""
    return "top_ngram" if t.top_ngram_min_count == 2 else "top_ngram_3"


def restated_key(t: GopherRepetitionThresholds) -> str:
    """Return the signal the restatement rule reads under thresholds ``t``."""
    return "restated" if t.restated_min_count == 2 else "restated_3"


def dup_ngram_key(t: GopherRepetitionThresholds) -> str:
    """Return the signal the duplicate n-gram rule reads under thresholds ``t``."""
    key = "dup_ngram" if t.dup_ngram_min_count == 2 else "dup_ngram_3"
    return key if t.dup_ngram_restated else f"{key}_unrestated"


def dup_line_keys(t: GopherRepetitionThresholds) -> tuple[str, str, str, str]:
    """Return the signals the duplicate line, paragraph, line-character and
    paragraph-character rules read under thresholds ``t``."""
    s = "" if t.dup_short_lines else "_long"
    return f"dup_lines{s}", f"dup_paragraphs{s}", f"dup_line_chars{s}", f"dup_paragraph_chars{s}"


def gopher_repetition_reason(signals: dict[str, Any], t: GopherRepetitionThresholds) -> str | None:
    """Return the first Gopher repetition rule the signals break, or ``None``."""
    lines_, paras, line_chars, para_chars = dup_line_keys(t)
    if signals[lines_] > t.max_dup_lines:
        return DUP_LINES
    if signals[paras] > t.max_dup_paragraphs:
        return DUP_PARAGRAPHS
    if signals[line_chars] > t.max_dup_line_chars:
        return DUP_LINE_CHARS
    if signals[para_chars] > t.max_dup_paragraph_chars:
        return DUP_PARAGRAPH_CHARS
    if signals[restated_key(t)] > t.max_restated:
        return RESTATED
    top = signals[top_ngram_key(t)]
    if any(top[str(n)] > limit for n, limit in zip(TOP_NGRAM_SIZES, t.max_top_ngram, strict=False)):
        return TOP_NGRAM
    dup = signals[dup_ngram_key(t)]
    if any(dup[str(n)] > limit for n, limit in zip(DUP_NGRAM_SIZES, t.max_dup_ngram, strict=False)):
        return DUP_NGRAM
    return None


class GopherRepetitionSignals(Annotator):
    """Writes the Gopher repetition signals (duplicate line and paragraph fractions, by count
    and by characters; character share of the most frequent 2-, 3-, 4-gram, ``top_ngram``,
    and the same when it occurs three times or more, ``top_ngram_3``; character share
    of 5- to 10-grams occurring twice or more, ``dup_ngram``, and three times or more,
    ``dup_ngram_3``; character share of restated sentences, ``restated``, and of sentences
    said a third time or more, ``restated_3``; and the two
    duplicate n-gram shares outside them, ``dup_ngram_unrestated`` and
    ``dup_ngram_3_unrestated``) under ``metadata["quality"]["gopher_repetition"]``."""

    def __init__(self) -> None:
        pass

    def annotate(self, doc: Document) -> None:
        store(doc, QUALITY_REPETITION, gopher_repetition_signals(doc.text), VERSION)


class GopherRepetitionFilter(UsesProfile, Filter):
    """Returns a ``quality/gopher_dup_*`` or ``quality/gopher_top_ngram`` reason when a
    document repeats itself beyond Gopher's limits (Rae et al. 2021, table A1): duplicate
    lines or paragraphs (by count or characters), a most frequent 2/3/4-gram covering too many
    characters (``max_top_ngram``, one limit per n in 2, 3, 4; with ``top_ngram_min_count=3``,
    as in the news profile, only when it occurs three times or more: a brief naming "Dato'
    Seri Wan Azizah" twice in 54 words is not repetition), or duplicated 5- to 10-grams
    covering too many (``max_dup_ngram``, one per n in 5..10; with ``dup_ngram_min_count=3``,
    as in the news profile, only n-grams occurring three times or more count, so a quote
    restated once or a caption repeated as the lede is not "repetition"; with
    ``dup_ngram_restated=False``, also as in the news profile, n-grams of restated sentences
    (and of names and clauses said again in a new sentence: a statute cited three times,
    ``saring.filters.restated``) do not count, and ``quality/gopher_restated`` drops a text
    when restated sentences (with ``restated_min_count=3``, as in the news profile, those
    said a third time or more) hold more than ``max_restated`` of its characters; with
    ``dup_short_lines=False``, also news, the duplicate line and paragraph rules count only
    repeated lines and paragraphs of ``LONG_LINE_WORDS`` words or more, so captions, credits
    and table rows repeated down a page are not "duplicate lines"). ``None`` takes the
    language's ``profile`` value (``doc.lang``, else ``language``): ``"news"`` (default) or
    ``"fineweb2"`` (FineWeb-2's published limits). Uses ``GopherRepetitionSignals``' stored
    signals when they fit the text."""

    family = "gopher_repetition"
    drop_reasons = (
        DUP_LINES,
        DUP_PARAGRAPHS,
        DUP_LINE_CHARS,
        DUP_PARAGRAPH_CHARS,
        RESTATED,
        TOP_NGRAM,
        DUP_NGRAM,
    )

    def __init__(
        self,
        language: str = "id",
        profile: str = "news",
        max_dup_lines: float | None = None,
        max_dup_paragraphs: float | None = None,
        max_dup_line_chars: float | None = None,
        max_dup_paragraph_chars: float | None = None,
        max_top_ngram: tuple[float, ...] | None = None,
        top_ngram_min_count: int | None = None,
        max_dup_ngram: tuple[float, ...] | None = None,
        dup_ngram_min_count: int | None = None,
        max_restated: float | None = None,
        dup_ngram_restated: bool | None = None,
        restated_min_count: int | None = None,
        dup_short_lines: bool | None = None,
    ) -> None:
        self.language = language
        self.profile = profile
        self.max_dup_lines = max_dup_lines
        self.max_dup_paragraphs = max_dup_paragraphs
        self.max_dup_line_chars = max_dup_line_chars
        self.max_dup_paragraph_chars = max_dup_paragraph_chars
        self.max_top_ngram = max_top_ngram
        self.top_ngram_min_count = top_ngram_min_count
        self.max_dup_ngram = max_dup_ngram
        self.dup_ngram_min_count = dup_ngram_min_count
        self.max_restated = max_restated
        self.dup_ngram_restated = dup_ngram_restated
        self.restated_min_count = restated_min_count
        self.dup_short_lines = dup_short_lines

    def overrides(self) -> dict[str, Any]:
        found = super().overrides()
        for name in ("max_top_ngram", "max_dup_ngram"):
            if name in found:
                found[name] = tuple(float(v) for v in found[name])
        return found

    def signals(self, doc: Document) -> dict[str, Any]:
        """Return the document's stored signals if they fit, else freshly computed ones."""
        found = stored(doc, QUALITY_REPETITION, {}, VERSION)
        return found or gopher_repetition_signals(doc.text)

    def limits(self, lang: str) -> dict[str, tuple[str, float]]:
        """Return signal → ("min" or "max", threshold) as applied to a document in ``lang``
        (n-gram signals keyed ``top_ngram.<n>`` and ``dup_ngram.<n>``)."""
        t: GopherRepetitionThresholds = self.thresholds(lang)
        lines_, paras, line_chars, para_chars = dup_line_keys(t)
        found: dict[str, tuple[str, float]] = {
            lines_: ("max", t.max_dup_lines),
            paras: ("max", t.max_dup_paragraphs),
            line_chars: ("max", t.max_dup_line_chars),
            para_chars: ("max", t.max_dup_paragraph_chars),
        }
        for n, limit in zip(TOP_NGRAM_SIZES, t.max_top_ngram, strict=False):
            found[f"{top_ngram_key(t)}.{n}"] = ("max", limit)
        found[restated_key(t)] = ("max", t.max_restated)
        dup = dup_ngram_key(t)
        for n, limit in zip(DUP_NGRAM_SIZES, t.max_dup_ngram, strict=False):
            found[f"{dup}.{n}"] = ("max", limit)
        return found

    def reason(self, doc: Document) -> str | None:
        return gopher_repetition_reason(self.signals(doc), self.thresholds(doc.lang))
