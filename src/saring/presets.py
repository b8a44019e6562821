"""Ready-made step lists for users who write no config."""

from __future__ import annotations

from collections.abc import Callable

from saring.clean import (
    NormalizeUnicode,
    NormalizeWhitespace,
    RemovePhraseLines,
    RemoveRepeatedLines,
    RemoveSiteTemplates,
)
from saring.dedup import ExactDedup
from saring.filters import LengthFilter
from saring.pipeline.base import Step


def news() -> list[Step]:
    """Return the news preset: repair Unicode, drop repeated titles, related-link/footer lines
    and each site's learned template lines, fold whitespace, drop documents too short to be
    articles, drop exact duplicates."""
    return [
        NormalizeUnicode(),
        RemoveRepeatedLines(),
        RemovePhraseLines(),
        RemoveSiteTemplates(),
        NormalizeWhitespace(),
        LengthFilter(),
        ExactDedup(),
    ]


PRESETS: dict[str, Callable[[], list[Step]]] = {"news": news}
