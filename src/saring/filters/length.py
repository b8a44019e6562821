"""Length filter: drops documents too short to be an article (or too long to be one)."""

from __future__ import annotations

from saring.document import Document
from saring.step import Filter

TOO_SHORT = "quality/too_short"
TOO_LONG = "quality/too_long"


class LengthFilter(Filter):
    """Returns ``quality/too_short`` for fewer than ``min_words`` whitespace-separated words,
    ``quality/too_long`` for more than ``max_words``. Gopher (Rae et al., 2021) keeps 50 to
    100,000 words; the defaults are theirs."""

    drop_reasons = (TOO_SHORT, TOO_LONG)

    def __init__(self, min_words: int = 50, max_words: int = 100_000) -> None:
        self.min_words = min_words
        self.max_words = max_words

    def reason(self, doc: Document) -> str | None:
        words = len(doc.text.split())
        if words < self.min_words:
            return TOO_SHORT
        if words > self.max_words:
            return TOO_LONG
        return None
