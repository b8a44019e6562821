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

Inside a sentence that is not restated, a run of words whose n-grams all occurred earlier is
restated too when it is a name (``RESTATED_SPAN`` words holding a number or a capitalised
word that does not start the sentence: a statute, an institution's full name cited again in
a new sentence) or a clause (``RESTATED_CLAUSE`` words: a quote said again after "katanya,").
A court report citing "Pasal 27 ayat (3) Undang-Undang Nomor 19 Tahun 2016 ..." in three
sentences was otherwise dropped by the duplicate n-gram rule; stamped through the text, the
name is still restatement from its third saying.
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
RESTATED_SPAN = 8
"""Words of a run of n-grams seen earlier, inside a sentence that is not restated, that make
a name holding it restated (``name_words``): a statute cited again ("Pasal 27 ayat (3)
Undang-Undang Nomor 19 Tahun 2016 ...", "Section 230 of the Communications Decency Act of
1996") or an institution's full name, said again in a new sentence. As many words as a
repeated line needs to count as text (``LONG_LINE_WORDS``)."""
RESTATED_CLAUSE = 16
"""Words of a run of n-grams seen earlier, inside a sentence that is not restated, that make
it restated whatever its words: a quote or the lede said again after an attribution ("...
berkata, kerajaan berpendirian dan menegaskan bahawa harga jualan runcit ..."), twice as
long as a name needs."""
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
    keys: npt.NDArray[np.uint64],
    ends: list[int],
    count: int,
    n: int = RESTATED_N,
    named: list[bool] | None = None,
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Return, per word, whether it lies in a restated sentence or a restated name, and
    whether in one restated at least twice before (its n-grams seen twice earlier: the third
    saying or later), given the text's word n-gram keys (``keys[i]`` starts at word ``i``),
    its sentence ends and its word ``count``. A restated name or clause is a run of n-grams
    seen before, in a sentence that is not restated, of at least ``RESTATED_SPAN`` words
    holding a word ``named`` flags (``name_words``: a number, or a capitalised word that
    does not start its sentence) or of ``RESTATED_CLAUSE`` words; without ``named``,
    sentences only."""
    once = np.zeros(count, dtype=np.bool_)
    twice = np.zeros(count, dtype=np.bool_)
    seen: dict[Any, int] = {}
    for start, end in pairwise([0, *ends]):
        if end - start < n:
            continue
        grams = keys[start : end - n + 1].tolist()
        counts = [seen.get(g, 0) for g in grams]
        for times, found in ((1, once), (2, twice)):
            if sum(1 for c in counts if c >= times) >= RESTATED_SHARE * len(grams):
                found[start:end] = True
            elif named is not None:
                _mark_names(found, start, [c >= times for c in counts], n, named)
        for g in grams:
            seen[g] = seen.get(g, 0) + 1
    return once, twice


def _mark_names(
    found: npt.NDArray[np.bool_], start: int, seen: list[bool], n: int, named: list[bool]
) -> None:
    """Mark in ``found`` the words of each run of consecutive n-grams seen before (``seen``,
    one flag per n-gram of a sentence starting at word ``start``) that covers at least
    ``RESTATED_SPAN`` words and holds a ``named`` word (a statute, an institution's full
    name or a title said again inside a new sentence), or covers ``RESTATED_CLAUSE`` words
    (a quoted clause said again after an attribution). A short run of common words ("harga
    bawang merah yang terus naik di pasar") is not marked: said over and over, it is
    spinning."""
    run = 0
    for i, flag in enumerate([*seen, False]):
        if flag:
            run += 1
            continue
        first, last = start + i - run, start + i - 1 + n
        long = last - first >= RESTATED_CLAUSE
        if run and last - first >= RESTATED_SPAN and (long or any(named[first:last])):
            found[first:last] = True
        run = 0


def name_words(words: list[str], ends: list[int]) -> list[bool]:
    """Return, per word, whether it holds a digit or is capitalised without starting its
    sentence (``ends`` as ``sentence_words`` gives them): the words of names, titles,
    statutes and figures."""
    starts = {0, *ends}
    return [
        any(c.isdigit() for c in w) or (w[:1].isupper() and i not in starts)
        for i, w in enumerate(words)
    ]
