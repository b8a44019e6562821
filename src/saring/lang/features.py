"""Features of the archipelago language model: character n-grams of words and whole words.

Character n-grams of space-padded words are the classic language-identification feature
(Cavnar & Trenkle 1994, "N-Gram-Based Text Categorization"; Lui & Baldwin 2012, langid.py);
whole words add the function words that tell close relatives apart (Indonesian "tidak",
Malay "tidak"/"tak", Minangkabau "indak", Javanese "ora", Sundanese "henteu").
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_OPENERS = " \t\"'“”‘’„«‹([-–—"
_SENTENCE_ENDS = (".", "!", "?", ":", "\n")
WORD_PREFIX = "_"
"""Marks a whole-word feature, so that it never equals a character n-gram."""


def words(text: str) -> list[str]:
    """Return the case-folded letter-only words of a text, in order, leaving out capitalised
    words inside a sentence (names of people, places and outlets, which tell the topic
    rather than the language) unless most words are capitalised (titles, text in capitals)."""
    found: list[str] = []
    kept: list[str] = []
    end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        gap = text[end : match.start()].rstrip(_OPENERS)
        starts_sentence = gap.endswith(_SENTENCE_ENDS) or (end == 0 and not gap)
        found.append(word)
        if starts_sentence or not word[0].isupper():
            kept.append(word)
        end = match.end()
    if 2 * len(kept) < len(found):
        kept = found
    return [w.casefold() for w in kept]


def word_features(word: str, orders: tuple[int, ...]) -> list[str]:
    """Return a word's features: ``_word`` and every character n-gram of `` word `` for each
    order."""
    found = [WORD_PREFIX + word]
    padded = f" {word} "
    size = len(padded)
    for n in orders:
        found.extend(padded[i : i + n] for i in range(size - n + 1))
    return found


def features(text: str, orders: tuple[int, ...], max_chars: int) -> list[str]:
    """Return the features of the words in the first ``max_chars`` characters of a text,
    repeats included."""
    found: list[str] = []
    for word in words(text[:max_chars]):
        found.extend(word_features(word, orders))
    return found
