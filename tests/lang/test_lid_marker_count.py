"""The marker count (``standards.count``, which ``MarkerCounter`` runs with the phrase starts
found once) gives the answer of the plain walk below, which tries every phrase length at
every word: on the shipped formal texts, on texts made of the listed phrases and their parts
(where phrases overlap and compete), and on odd input."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

import pytest
from test_lid_pinned import formal_lines

from saring.lang import standards
from saring.lang.features import MAX_WORD
from saring.lang.marker_count import MarkerCounter
from saring.lang.standards import CLITICS, LONGEST

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def reference_count(text: str, table: Mapping[str, str]) -> dict[str, int]:
    """Return the markers of each language in a text by trying, at every word, the longest
    phrase first (``LONGEST`` words down to one, a word also without an enclitic)."""
    words = [word.casefold() for word in WORD.findall(text) if len(word) <= MAX_WORD]
    found: dict[str, int] = {}
    at = 0
    while at < len(words):
        for size in range(min(LONGEST, len(words) - at), 0, -1):
            lang = table.get(" ".join(words[at : at + size]))
            if lang is None and size == 1 and words[at].endswith(CLITICS):
                lang = table.get(words[at][:-3])
            if lang is not None:
                found[lang] = found.get(lang, 0) + 1
                at += size
                break
        else:
            at += 1
    return found


@pytest.fixture(scope="module")
def counter() -> MarkerCounter:
    return MarkerCounter(standards.markers())


def test_formal_texts_count_alike(counter: MarkerCounter) -> None:
    lines = formal_lines()
    counted = [counter.count(line) for line in lines]
    assert counted == [reference_count(line, standards.markers()) for line in lines]
    assert counted == [standards.count(line, standards.markers()) for line in lines]
    assert sum(bool(found) for found in counted) > len(lines) // 2, "markers are found"


def test_phrases_and_their_parts_count_alike(counter: MarkerCounter) -> None:
    table = standards.markers()
    phrases = [phrase for phrase in table if " " in phrase]
    pieces = [word for phrase in table for word in phrase.split(" ")] + phrases * 20
    pieces += ["dan", "yang", "Rumah", "SAKIT", "kewajibannya", "tanggungjawabnya", "nya"]
    rng = random.Random(7)
    multiword = 0
    for _ in range(3000):
        words = rng.choices(pieces, k=rng.randint(1, 12))
        text = rng.choice([" ", ", ", "\n"]).join(words)
        found = counter.count(text)
        assert found == reference_count(text, table), text
        multiword += any(phrase in text.casefold() for phrase in phrases)
    assert multiword > 100, "the texts hold listed phrases of several words"


def test_a_toy_table_with_nested_phrases_counts_alike() -> None:
    table = {"a b c": "ms", "a b": "id", "b c": "ms", "a": "id", "c": "ms", "a b c d": "id"}
    counter = MarkerCounter(table)
    rng = random.Random(3)
    for _ in range(2000):
        text = " ".join(rng.choices(["a", "b", "c", "d", "A", "ab"], k=rng.randint(0, 9)))
        assert counter.count(text) == reference_count(text, table), text
        assert standards.count(text, table) == reference_count(text, table), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "123 456",
        "İstanbul ẞtraße bahwa",
        "x" * 41 + " bahwa " + "kerana" * 10,
        "Undang-Undang Dasar, mana-mana, hendaklah; rumah\nsakit",
    ],
)
def test_odd_input_counts_alike(counter: MarkerCounter, text: str) -> None:
    assert counter.count(text) == reference_count(text, standards.markers())
