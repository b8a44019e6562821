"""Adversarial inputs for every regular expression in the cleaners, PII redaction, the
readers' source-line check and the quality filters' text splitting: each finishes in bounded
time (``benchmarks/soak.py`` is not where these are timed; the bound here is generous)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from saring import (
    NormalizeUnicode,
    NormalizeWhitespace,
    RedactPII,
    RemovePhraseLines,
    RemoveRepeatedLines,
)
from saring.clean.site_templates import _sentence_like, line_key
from saring.document import Document
from saring.filters import text as filter_text
from saring.io.text import _SOURCE_LINE
from saring.stats import StepStats

BOUND = 10.0
"""Seconds; each case takes well under one on these machines."""
CLASSES = ["a", "1", ".", " ", "-", "@", ":", "&", "#", ";", "\n", "_", "é", "\u00a0", "+", "/"]
CLASSES += ["(", "\u0080", "Ã", "0", "8", ","]
STEPS = [NormalizeUnicode(), NormalizeWhitespace(), RemoveRepeatedLines(), RemovePhraseLines()]
STEPS += [RedactPII()]


def _cases() -> list[tuple[str, str]]:
    cases = [(f"run-{c!r}", "a" + c * 100_000 + "a") for c in CLASSES]
    cases += [
        (f"alt-{c!r}{d!r}", "a " + (c + d) * 50_000 + " a")
        for i, c in enumerate(CLASSES)
        for d in CLASSES[i + 1 :]
    ]
    # The shapes of issue 12: a sentence, then a long run of one non-word class.
    cases += [("dots", "a" + "." * 50_000 + "a"), ("dashes", "a" + " -" * 50_000 + " a")]
    cases += [("1mb-line", "Jakarta " * 131_072), ("1mb-digits", "7" * 1_000_000)]
    return cases


def _run(text: str) -> list[Callable[[], object]]:
    calls: list[Callable[[], object]] = [
        lambda step=step: step.transform(Document(id="x", text=text), StepStats("s"))
        for step in STEPS
    ]
    calls += [lambda fn=fn: fn(text) for fn in (filter_text.words, filter_text.paragraphs)]
    calls += [lambda: _SOURCE_LINE.fullmatch(text[:4096]), lambda: _sentence_like(text)]
    calls += [lambda: line_key(text)]
    return calls


@pytest.mark.parametrize(("name", "text"), _cases(), ids=[c[0] for c in _cases()])
def test_each_text_step_finishes_in_bounded_time(name: str, text: str) -> None:
    for call in _run(text):
        started = time.perf_counter()
        call()
        assert time.perf_counter() - started < BOUND, name


def test_phrase_lines_trailing_run_is_linear() -> None:
    # Was 30 s: an unanchored [\W_]+$ retried at each position of the run.
    step = RemovePhraseLines()
    started = time.perf_counter()
    assert step.kind_of("a" + "." * 50_000 + "a") is None
    assert step.kind_of("Baca juga: Harga cabai naik lagi ....") == "related_link"
    assert time.perf_counter() - started < BOUND


def test_c4_sentence_ends_are_linear_on_a_long_run_of_dots() -> None:
    from saring.filters.c4 import _SENTENCE_END

    started = time.perf_counter()
    text = "a" + "." * 50_000 + "a"
    _SENTENCE_END.findall(text)
    _SENTENCE_END.split(text)
    assert time.perf_counter() - started < 10
