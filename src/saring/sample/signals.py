"""A document's quality signals and the fixed histogram bins the sample counts them in (the
same bins in every task, so that histograms add up)."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

from saring import meta
from saring.document import Document

LANG_SCORE = "lang_score"
"""Histogram name of the language identifier's confidence."""

_SKIP_SIGNALS = frozenset({"chars", "lang", "short_line_chars"})
"""Keys of a quality group that are parameters or bookkeeping, not signals."""


@dataclass(frozen=True)
class Bins:
    """Fixed bins of one signal: ``index(value)`` and ``edges(index)``."""

    kind: str
    """``ratio`` (0..1 in steps of 0.01, one bin above 1), ``linear`` (``step`` wide from 0,
    ``count`` bins, the last open), ``log`` (20 per decade of value + 1) or ``symlog``."""
    step: float = 0.02
    count: int = 50

    def index(self, value: float) -> int:
        """Return the bin of a value."""
        if self.kind == "ratio":
            if value > 1.0:
                return 100
            return min(max(int(value * 100), 0), 99)
        if self.kind == "linear":
            return min(max(int(value / self.step), 0), self.count - 1)
        if self.kind == "log":
            return int(math.log10(max(value, 0.0) + 1.0) * 20)
        scaled = math.log10(1.0 + abs(value)) * 20
        return int(scaled) if value >= 0 else -int(scaled) - 1

    def edges(self, index: int) -> tuple[float, float]:
        """Return the lower and upper edge of a bin (``inf`` for an open last bin)."""
        if self.kind == "ratio":
            return (1.0, math.inf) if index >= 100 else (index / 100, (index + 1) / 100)
        if self.kind == "linear":
            upper = math.inf if index >= self.count - 1 else (index + 1) * self.step
            return index * self.step, upper
        if self.kind == "log":
            return 10 ** (index / 20) - 1, 10 ** ((index + 1) / 20) - 1
        if index >= 0:
            return 10 ** (index / 20) - 1, 10 ** ((index + 1) / 20) - 1
        return -(10 ** ((-index) / 20) - 1), -(10 ** ((-index - 1) / 20) - 1)

    def position(self, value: float) -> float:
        """Return where a value falls in bin units (for drawing a threshold)."""
        index = self.index(value)
        lower, upper = self.edges(index)
        if math.isinf(upper) or upper <= lower:
            return float(index)
        return index + min(max((value - lower) / (upper - lower), 0.0), 1.0)


_RATIO = Bins("ratio")
_BINS: dict[str, Bins] = {
    "words": Bins("log"),
    "sentences": Bins("log"),
    "mean_word_length": Bins("linear", step=0.25, count=81),
    "mean_letter_word_length": Bins("linear", step=0.25, count=81),
    "stop_words": Bins("linear", step=1.0, count=101),
}
_RATIOS = frozenset(
    {
        LANG_SCORE,
        "hash_ratio",
        "ellipsis_ratio",
        "bullet_lines",
        "bullet_list_lines",
        "bullet_line_chars",
        "bullet_list_line_chars",
        "number_words",
        "ellipsis_lines",
        "alpha_words",
        "dup_lines",
        "dup_paragraphs",
        "dup_line_chars",
        "dup_paragraph_chars",
        "top_ngram",
        "top_ngram_3",
        "dup_ngram",
        "dup_ngram_unrestated",
        "dup_ngram_3_unrestated",
        "restated",
        "restated_3",
        "line_punct",
        "line_punct_by_chars",
        "short_lines",
        "char_dup",
        "char_dup_3",
        "newline_ratio",
        "alpha_or_number_words",
        "ellipsis_line_chars",
        "dup_lines_long",
        "dup_paragraphs_long",
        "dup_line_chars_long",
        "dup_paragraph_chars_long",
        "char_dup_3_long",
        "short_lines_by_chars",
        "model",
        "spun",
        "keyword_list",
        "model_block",
        "model_words",
    }
)


@functools.lru_cache(maxsize=4096)
def bins_of(signal: str) -> Bins:
    """Return the fixed bins of a signal, by its name (``group.name`` or ``group.name.n``)."""
    parts = [p for p in signal.split(".") if not p.isdigit()]
    name = parts[-1] if parts else signal
    if name in _BINS:
        return _BINS[name]
    return _RATIO if name in _RATIOS else Bins("symlog")


def flat_signals(doc: Document) -> dict[str, float]:
    """Return the document's numeric quality signals as ``{"group.name[.n]": value}``."""
    quality = doc.metadata.get(meta.QUALITY)
    out: dict[str, float] = {}
    if not isinstance(quality, dict):
        return out

    def walk(prefix: str, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if key in _SKIP_SIGNALS:
                continue
            name = f"{prefix}.{key}"
            if isinstance(value, dict):
                walk(name, value)
            elif (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and math.isfinite(value)
            ):
                out[name] = float(value)

    for group, values in sorted(quality.items()):
        if isinstance(values, dict):
            walk(str(group), values)
    return out
