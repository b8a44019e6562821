"""Words of one standard of Malay only: Indonesian (Bahasa Indonesia) or Malaysian Malay
(Bahasa Melayu), as independent evidence in the archipelago model's choice between the two.

The two standards share grammar and most of their vocabulary, and the model's n-grams learnt
the register of its training text as much as the language (its Malay is formal news, its
Indonesian mostly informal), so statutes and declarations in Indonesian read as Malay. What
separates the standards is a closed set of spellings that the joint spelling reform of 1972
left apart and of word choices each country's usage settled on: bahwa/bahawa, karena/kerana,
uang/wang, kualitas/kualiti, persen/peratus, Agustus/Ogos, kantor/pejabat, pasien/pesakit,
and the terms of each country's laws (pidana/jenayah, tanggal/tarikh, berwenang, hendaklah,
seksyen). They are listed in ``saring/data/lid/id-ms-markers.tsv``, each kept only where
wordfreq's id and ms lists (``saring.lang.training.wordfreq_lists``: Wikipedia, subtitles
and social media, not news) agree that it is at least ``MIN_ODDS`` times more frequent on
its side. Names of countries, institutions and currencies are left out: an Indonesian
article about Malaysia names them too.

Markers are counted in every word, capitalised or not (the model leaves capitalised words
inside a sentence out as names, but a statute's "Undang-Undang Dasar" or "Seksyen" are not
names); a hyphenated word ("mana-mana") and two- or three-word phrases ("rumah sakit",
"undang-undang dasar") count as one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import resources

from saring.lang.features import MAX_WORD

MARKERS = "id-ms-markers.tsv"
"""The marker list in ``saring/data/lid/``: phrase, language, the other standard's word."""
MIN_ODDS = 3.0
"""A listed marker is kept only where wordfreq finds it at least this many times more
frequent in its language than in the other (checked by ``tests/lang/test_lid_standards.py``
when wordfreq is installed)."""
MARKER_WEIGHT = 4.0
"""Each marker multiplies the odds between the two standards by ``e**MARKER_WEIGHT`` at the
model's temperature: of the weights ``benchmarks/lid.py --tune`` tries (0 to 8), chosen as the
smallest with the best accuracy on the formal tuning sets, none of which lost a text of NusaX
valid or of the training news. With the shipped model (shared-word shrink 0.5, prior 0.75):
formal-id-tuning 0.977 at 0, 0.985 from 1; formal-ms-charters 0.887 at 0, 0.968 from 2;
uud1945 0.933 at 0, 0.960 from 1; 2 now ties 4 on every set, and 4 lets more texts reach a
score of 0.9 (formal-ms-charters 49 → 53 of 62); at 8 a training news article is lost."""
UNSURE = 0.85
"""The highest score of an id-vs-ms decision the markers do not back (none found, or no more
for the winner): on the five formal tuning sets such decisions were right 105 times of 114
(0.92; on the Malay sets 5 of 9; ``benchmarks/lid.py --tune``), far from the 99% a score of
0.9 promises (``saring.lang.calibration``), so they stay under 0.9; news and NusaX ones were
all right."""
LONGEST = 3
"""Words in the longest listed phrase."""
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word, hyphenated parts included; one left-to-right pass (linear in the text)."""
CLITICS = ("nya", "lah", "kah", "pun")
"""Enclitics (three letters each) that both standards attach to a word ("kewajibannya",
"putusannya"): a word not listed as it is is looked up without one."""


@functools.lru_cache(maxsize=1)
def markers() -> dict[str, str]:
    """Return the listed markers: phrase (case-folded, words joined by spaces) → language."""
    path = resources.files("saring").joinpath("data", "lid", MARKERS)
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, lang = line.split("\t")[:2]
            found[" ".join(phrase.casefold().split())] = lang
    return found


def phrase_heads(table: Mapping[str, str]) -> dict[str, tuple[int, ...]]:
    """Return each word that starts a listed phrase of two to ``LONGEST`` words, with the
    lengths of the phrases it starts, longest first (``count`` tries no longer phrase)."""
    lengths: dict[str, set[int]] = {}
    for phrase in table:
        words = phrase.split(" ")
        if 1 < len(words) <= LONGEST:
            lengths.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(sizes, reverse=True)) for word, sizes in lengths.items()}


def count(
    text: str, table: Mapping[str, str], heads: Mapping[str, tuple[int, ...]] | None = None
) -> dict[str, int]:
    """Return how many markers of each language a text holds; a phrase is matched before the
    words in it, left to right, and no word counts twice. ``heads`` is ``phrase_heads(table)``
    (computed here if not given; a caller counting many texts passes it once made).

    A phrase can only start at a word that starts a listed one (a handful of the list's
    words), so every other word takes one look-up (and one without an enclitic), and a text
    with none of those words is counted word by word."""
    if heads is None:
        heads = phrase_heads(table)
    # Words over MAX_WORD letters are skipped, as the model skips them (no marker is that long).
    tokens = [word for word in _TOKEN.findall(text) if len(word) <= MAX_WORD]
    if not tokens:
        return {}
    # Case folding works letter by letter and never makes a space: one call on the joined
    # words splits back into the words folded one by one.
    words = " ".join(tokens).casefold().split(" ")
    get = table.get
    found: dict[str, int] = {}
    if heads.keys().isdisjoint(words):
        for lang in [get(w) or (get(w[:-3]) if w.endswith(CLITICS) else None) for w in words]:
            if lang is not None:
                found[lang] = found.get(lang, 0) + 1
        return found
    at = 0
    while at < len(words):
        word, size, lang = words[at], 1, None
        for longer in heads.get(word, ()):
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
