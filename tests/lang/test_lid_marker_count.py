"""The fast marker count gives ``standards.count``'s answer: on the shipped formal texts, on
texts made of the listed phrases and their parts (where phrases overlap and compete), and on
odd input."""

from __future__ import annotations

import random

import pytest
from test_lid_pinned import formal_lines

from saring.lang import standards
from saring.lang.marker_count import MarkerCounter


@pytest.fixture(scope="module")
def counter() -> MarkerCounter:
    return MarkerCounter(standards.markers())


def test_formal_texts_count_alike(counter: MarkerCounter) -> None:
    lines = formal_lines()
    counted = [counter.count(line) for line in lines]
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
        assert found == standards.count(text, table), text
        multiword += any(phrase in text.casefold() for phrase in phrases)
    assert multiword > 100, "the texts hold listed phrases of several words"


def test_a_toy_table_with_nested_phrases_counts_alike() -> None:
    table = {"a b c": "ms", "a b": "id", "b c": "ms", "a": "id", "c": "ms", "a b c d": "id"}
    counter = MarkerCounter(table)
    rng = random.Random(3)
    for _ in range(2000):
        text = " ".join(rng.choices(["a", "b", "c", "d", "A", "ab"], k=rng.randint(0, 9)))
        assert counter.count(text) == standards.count(text, table), text


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
    assert counter.count(text) == standards.count(text, standards.markers())
