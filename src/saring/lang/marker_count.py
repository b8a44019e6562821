"""The Indonesian and Malay markers counted as ``saring.lang.standards.count`` counts them, with
the same answer on every text, at about a dictionary look-up per word.

``standards.count`` tries every phrase length at every word; but a phrase of two or three
words can only start at a word that starts a listed phrase (13 of the 324), so every other
word needs only its own look-up (and one without an enclitic). A text with no such word is
counted word by word; one with some takes the phrase-first walk at those words alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from saring.lang.features import MAX_WORD
from saring.lang.standards import _TOKEN, CLITICS, LONGEST


class MarkerCounter:
    """Counts the markers of ``table`` (phrase → language, as ``standards.markers``) in texts."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = dict(table)
        lengths: dict[str, set[int]] = {}
        for phrase in self.table:
            words = phrase.split(" ")
            if 1 < len(words) <= LONGEST:  # standards.count tries no longer phrase
                lengths.setdefault(words[0], set()).add(len(words))
        self.heads = {word: sorted(sizes, reverse=True) for word, sizes in lengths.items()}
        """First word of a listed phrase → the phrase lengths it starts, longest first."""

    def count(self, text: str) -> dict[str, int]:
        """Return how many markers of each language a text holds (``standards.count``)."""
        tokens = [word for word in _TOKEN.findall(text) if len(word) <= MAX_WORD]
        if not tokens:
            return {}
        # Case folding works letter by letter and never makes a space: one call on the joined
        # words splits back into the words folded one by one.
        words = " ".join(tokens).casefold().split(" ")
        get = self.table.get
        found: dict[str, int] = {}
        if self.heads.keys().isdisjoint(words):
            for lang in [get(w) or (get(w[:-3]) if w.endswith(CLITICS) else None) for w in words]:
                if lang is not None:
                    found[lang] = found.get(lang, 0) + 1
            return found
        at = 0
        while at < len(words):
            word, size, lang = words[at], 1, None
            for longer in self.heads.get(word, ()):
                if at + longer <= len(words):
                    lang = get(" ".join(words[at : at + longer]))
                    if lang is not None:
                        size = longer
                        break
            if lang is None:
                lang = get(word)
                if lang is None and word.endswith(CLITICS):
                    lang = get(word[:-3])
            if lang is not None:
                found[lang] = found.get(lang, 0) + 1
            at += size
        return found
