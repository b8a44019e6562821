"""Language identification takes time linear in its input, whatever the input: long runs of
one character class, alternations of two classes and megabyte lines each finish well inside
a generous bound (the measured times are printed by ``benchmarks/lid.py --hostile``).

Before the change, one sentence followed by 50,000 digits took over a minute: the pattern
that paired each word with the non-letters before it retried every position of a
non-letter run that no word follows."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from saring.document import Document
from saring.lang import LanguageID
from saring.lang.cld2 import clean
from saring.lang.features import MAX_WORD, features, stretches, words

BOUND = 10.0
"""Seconds any one input may take (a generous bound: each takes well under one second)."""
MB = 1_000_000
SENTENCE = "Pemerintah kota akan membangun jembatan baru di atas sungai itu tahun depan. "
CLASSES = {
    "letter": "a",
    "capital": "A",
    "digit": "7",
    "underscore": "_",
    "dot": ".",
    "space": " ",
    "newline": "\n",
    "dash": "-",
    "combining mark": "\u0301",
    "cjk": "中",
    "emoji": "🙂",
    "control": "\x00",
    "surrogate": "\ud800",
}
"""One character of each class the language-ID patterns and loops tell apart."""


def timed(call: Callable[[], object]) -> float:
    """Return how many seconds a call takes."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


@pytest.fixture(scope="module")
def steps() -> tuple[LanguageID, LanguageID]:
    document, paragraph = LanguageID(), LanguageID(level="paragraph")
    document.setup()
    paragraph.setup()
    return document, paragraph


def hostile_inputs() -> list[object]:
    """Return (name, text) pairs: each class as a 1 MB run alone, after a sentence and before
    one, and every two classes alternating over 1 MB."""
    cases = []
    for name, char in CLASSES.items():
        run = char * MB
        cases += [(f"{name} run", run), (f"sentence + {name} run", SENTENCE + run)]
        cases.append((f"{name} run + sentence", run + SENTENCE))
    for (first, a), (second, b) in itertools.combinations(CLASSES.items(), 2):
        cases.append((f"{first}/{second} alternating", (a + b) * (MB // 2)))
    cases.append(("4-digit lines after a sentence", SENTENCE + "2024\n" * (MB // 5)))
    cases.append(("1 MB one-word line", "kata" * (MB // 4)))
    return [pytest.param(name, text, id=name) for name, text in cases]


@pytest.mark.parametrize(("name", "text"), hostile_inputs())
def test_hostile_text_takes_bounded_time(
    steps: tuple[LanguageID, LanguageID], name: str, text: str
) -> None:
    document, _ = steps
    doc = Document(id="x", text=text)
    took = timed(lambda: document.annotate(doc))
    assert took < BOUND, f"{name}: {took:.1f} s"
    assert doc.lang is not None


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE + "1" * MB,
        (SENTENCE + "\n") * (MB // len(SENTENCE)),
        "a\n" * (MB // 2),
        ("1" * 1000 + "\n") * 1000,
    ],
    ids=["sentence + digits", "sentence lines", "one-letter lines", "digit lines"],
)
def test_paragraph_level_takes_bounded_time(
    steps: tuple[LanguageID, LanguageID], text: str
) -> None:
    _, paragraph = steps
    took = timed(lambda: paragraph.annotate(Document(id="x", text=text)))
    assert took < BOUND


@pytest.mark.parametrize("char", list(CLASSES.values()), ids=list(CLASSES))
def test_the_feature_functions_take_bounded_time(char: str) -> None:
    text = SENTENCE + char * MB + SENTENCE
    assert timed(lambda: words(text)) < BOUND
    assert timed(lambda: words(text, len(SENTENCE) // 2, len(text) - 10)) < BOUND
    assert timed(lambda: list(stretches(text, len(text)))) < BOUND
    assert timed(lambda: features(text, (1, 2, 3, 4), 3000)) < BOUND
    assert timed(lambda: clean(text)) < BOUND


def test_words_after_a_long_non_letter_run_are_still_found() -> None:
    text = SENTENCE + "1" * 50_000 + " warga berharap."
    assert words(text)[-2:] == ["warga", "berharap"]


def test_letter_runs_longer_than_any_word_are_left_out() -> None:
    assert words("a" * (MAX_WORD + 1)) == []
    assert words("ketidakbertanggungjawabannya itu") == ["ketidakbertanggungjawabannya", "itu"]
    long_run = "Harga beras naik " + "x" * 5 * MB + " lagi."
    assert timed(lambda: words(long_run)) < BOUND
    assert words(long_run) == ["harga", "beras", "naik", "lagi"]


def test_a_megabyte_one_word_line_is_undetermined_not_a_language(
    steps: tuple[LanguageID, LanguageID],
) -> None:
    document, _ = steps
    doc = Document(id="x", text="a" * MB)
    document.annotate(doc)
    assert doc.lang == "und"


_PAIRED = re.compile(r"([\W\d_]*)([^\W\d_]+)")
"""The pattern ``words`` used before (quadratic on a long non-letter run no word follows)."""


def paired_words(text: str) -> list[str]:
    """Return the words of a text as ``words`` found them with the paired pattern."""
    pairs = _PAIRED.findall(text)
    if not pairs:
        return []
    pairs[0] = ("\n" + pairs[0][0], pairs[0][1])
    kept = [
        word
        for gap, word in pairs
        if not word[0].isupper()
        or gap.rstrip(" \t\"'“”‘’„«‹([-–—").endswith((".", "!", "?", ":", "\n"))
    ]
    if 2 * len(kept) < len(pairs):
        kept = [word for _, word in pairs]
    return " ".join(kept).casefold().split(" ") if kept else []


def test_words_of_normal_text_are_what_the_paired_pattern_found(seed_path: Path) -> None:
    texts = [
        seed_path.read_text(encoding="utf-8"),
        "«Presiden Joko Widodo meninjau Pasar Baru». Warga menyambutnya: 'Senang sekali!'",
        "BANJIR RENDAM JAKARTA UTARA, 12/3/2024 — 1.200 warga mengungsi (data BPBD).",
        'Harga cabai naik 20% di pasar_induk; pedagang: "Stoknya menipis."\n\nNaik lagi?',
    ]
    for text in texts:
        assert words(text) == paired_words(text)
