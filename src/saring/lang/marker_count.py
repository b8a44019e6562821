"""The Indonesian and Malay markers of one table counted in many texts: ``standards.count``
with the table's phrase starts (``standards.phrase_heads``) found once, not for every text."""

from __future__ import annotations

from collections.abc import Mapping

from saring.lang.standards import count, phrase_heads


class MarkerCounter:
    """Counts the markers of ``table`` (phrase → language, as ``standards.markers``) in texts."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = dict(table)
        self.heads = phrase_heads(self.table)
        """First word of a listed phrase → the phrase lengths it starts, longest first."""

    def count(self, text: str) -> dict[str, int]:
        """Return how many markers of each language a text holds (``standards.count``)."""
        return count(text, self.table, self.heads)
