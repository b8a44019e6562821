"""Features of the archipelago language model: character n-grams of words and whole words.

Character n-grams of space-padded words are the classic language-identification feature
(Cavnar & Trenkle 1994, "N-Gram-Based Text Categorization"; Lui & Baldwin 2012, langid.py);
whole words add the function words that tell close relatives apart (Indonesian "tidak",
Malay "tidak"/"tak", Minangkabau "indak", Javanese "ora", Sundanese "henteu").

A text is read in stretches of about ``STRETCH`` characters, each ending at the end of a
word, so that a scorer can stop as soon as the text it has read is decisive (see
``saring.lang.model``); training reads the same stretches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WORD = re.compile(r"([^\W\d_]+)")
r"""A word (letters only); splitting on it alternates the non-letters between words and the
words. Splitting is one left-to-right pass: a pattern that pairs a gap with the word after it
(``([\W\d_]*)([^\W\d_]+)``) retries every position of a long non-letter run that no word
follows, which is quadratic."""
_WORD_END = re.compile(r"[^\W\d_](?![^\W\d_])")
"""The last letter of a word."""
_OPENERS = " \t\"'“”‘’„«‹([-–—"
_SENTENCE_ENDS = (".", "!", "?", ":", "\n")
WORD_PREFIX = "_"
"""Marks a whole-word feature, so that it never equals a character n-gram."""
STRETCH = 500
"""Characters of a text read at a time (a stretch ends at the end of the word it reaches)."""
MAX_WORD = 40
"""Longer letter runs are left out: no word of the model's languages is that long (Indonesian
"ketidakbertanggungjawabannya" has 28 letters), and a run of thousands of letters would
otherwise cost thousands of n-gram features."""


def stretches(text: str, max_chars: int, size: int = STRETCH) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans that cover the text up to about ``max_chars`` characters, each
    about ``size`` long and ending at the end of a word (or of the text)."""
    limit = min(len(text), max_chars)
    start = 0
    while start < limit:
        found = _WORD_END.search(text, min(start + size, limit) - 1)
        end = found.end() if found else len(text)
        yield start, end
        start = end


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Return the case-folded letter-only words of a text (or of ``text[start:end]``), in
    order, leaving out capitalised words inside a sentence (names of people, places and
    outlets, which tell the topic rather than the language) unless most words are
    capitalised (titles, text in capitals)."""
    # One C-level pass alternates gaps and words: [gap, word, gap, word, …, gap].
    parts = _WORD.split(text[start:end] if start or end is not None else text)
    pairs = [
        (gap, word)
        for gap, word in zip(parts[0:-1:2], parts[1::2], strict=True)
        if len(word) <= MAX_WORD
    ]
    if not pairs:
        return []
    if start == 0:
        # The text's start counts as a sentence end: a first word (after openers) starts one.
        pairs[0] = ("\n" + pairs[0][0], pairs[0][1])
    kept = [
        word
        for gap, word in pairs
        if not word[0].isupper() or gap.rstrip(_OPENERS).endswith(_SENTENCE_ENDS)
    ]
    if 2 * len(kept) < len(pairs):
        kept = [word for _, word in pairs]
    # Case folding never makes a space, so one call on the joined words splits back alike.
    return " ".join(kept).casefold().split(" ") if kept else []


def word_features(word: str, orders: tuple[int, ...]) -> list[str]:
    """Return a word's features: ``_word`` and every character n-gram of `` word `` for each
    order."""
    found = [WORD_PREFIX + word]
    padded = f" {word} "
    size = len(padded)
    for n in orders:
        found += [padded[i : i + n] for i in range(size - n + 1)]
    return found


def features(text: str, orders: tuple[int, ...], max_chars: int) -> list[str]:
    """Return the features of the words in the stretches of a text up to about ``max_chars``
    characters, repeats included."""
    found: list[str] = []
    for start, end in stretches(text, max_chars):
        for word in words(text, start, end):
            found.extend(word_features(word, orders))
    return found
