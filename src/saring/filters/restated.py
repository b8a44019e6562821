"""Restated sentences: a sentence whose word n-grams nearly all occurred earlier in the text.

News restates on purpose: a caption repeats the lede, the lede is restated in the body, a
pull quote or a statute's wording is quoted again. Each such restatement makes every one of
its n-grams a "duplicate n-gram" (Gopher's rule, Rae et al. 2021, table A1), so a single
restated sentence can drop an article. The news profile therefore judges restatement on its
own and counts duplicate n-grams outside restated sentences. As with duplicate n-grams, a
sentence said twice (lede and caption) is news; the share of characters in sentences said a
third time or more (``restated_3``, bounded by ``max_restated``) is repetition: text that
stamps one sentence over and over, or loops one sentence through its body, is restated
through and through and still dropped.

Sentences end at a line break, at a token ending in ``.``, ``!``, ``?`` or ``…`` (closing
quotes and brackets aside), or at a closing bracket before a capitalised word: photo captions
end in their credit, "(Ahmad Ziaul/detikcom) Foto: …", and a line of two captions is two
sentences. A sentence of at least ``n`` words is restated when at least
``share`` of its word n-grams occurred earlier in the text (in any earlier sentence).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from saring.filters.text import PUNCTUATION

RESTATED_N = 5
"""Word n-gram size that decides whether a sentence is restated."""
RESTATED_SHARE = 0.8
"""Share of a sentence's n-grams seen earlier that makes it restated."""
_CLOSERS = "\"'”’)]»›"
_ENDS = (".", "!", "?", "…")


def sentence_words(text: str) -> tuple[list[str], list[int]]:
    """Return the text's words (as ``saring.filters.text.words`` gives them) and, for each
    sentence, the index of the word after its last one."""
    found: list[str] = []
    ends: list[int] = []
    for line in text.split("\n"):
        tokens = line.split()
        for i, token in enumerate(tokens):
            word = token.strip(PUNCTUATION)
            if word:
                found.append(word)
            end = token.rstrip(_CLOSERS).endswith(_ENDS) or (
                token.endswith(")") and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
            )
            if end and (not ends or ends[-1] < len(found)):
                ends.append(len(found))
        if not ends or ends[-1] < len(found):
            ends.append(len(found))
    return found, ends


def restated_words(
    keys: npt.NDArray[np.uint64], ends: list[int], count: int, n: int = RESTATED_N
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Return, per word, whether it lies in a restated sentence, and whether in one restated
    at least twice before (its n-grams seen twice earlier: the third saying or later), given
    the text's word n-gram keys (``keys[i]`` starts at word ``i``), its sentence ends and its
    word ``count``."""
    once = np.zeros(count, dtype=np.bool_)
    twice = np.zeros(count, dtype=np.bool_)
    seen: dict[Any, int] = {}
    for start, end in pairwise([0, *ends]):
        if end - start < n:
            continue
        grams = keys[start : end - n + 1].tolist()
        counts = [seen.get(g, 0) for g in grams]
        if sum(1 for c in counts if c >= 1) >= RESTATED_SHARE * len(grams):
            once[start:end] = True
        if sum(1 for c in counts if c >= 2) >= RESTATED_SHARE * len(grams):
            twice[start:end] = True
        for g in grams:
            seen[g] = seen.get(g, 0) + 1
    return once, twice
