"""C4's rules (Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified
Text-to-Text Transformer", section 2.2; reference implementation TFDS ``c4_utils``), split the
way saring's steps are: the line rules are a transform that removes lines
(``RemoveC4Lines``), the page rules an annotator plus a filter (``C4QualitySignals``,
``C4QualityFilter``), so no filter edits text.

A line is removed when it has a word over ``max_word_chars`` characters, does not end in
terminal punctuation (``. ! ? "`` and, for Indonesian typography, ``”``) or ends in an
ellipsis, has fewer than ``min_line_words`` words, mentions "javascript", or holds a policy
phrase ("privacy policy", "kebijakan privasi", …, per language). A page is dropped when a line
that survives the earlier rules holds "lorem ipsum" or a curly bracket, or when the lines that
survive all of them hold fewer than ``min_sentences`` sentences. The page rules look only at
lines the line rules keep, in TFDS's order, so they give the same answer before and after
``RemoveC4Lines``. Sentences are counted by terminal punctuation followed by a space or the
line's end (TFDS uses NLTK's Punkt), at least one per kept line.
"""

from __future__ import annotations

import re
from typing import Any

from saring.clean.lines import remove_lines
from saring.document import Document
from saring.filters.profiles import QualityProfile, UsesProfile
from saring.filters.signals import store, stored
from saring.filters.thresholds import C4Thresholds
from saring.meta import QUALITY_C4
from saring.stats import StepStats
from saring.step import Annotator, Filter, Transform

VERSION = 2
"""Version of ``c4_signals``; stored signals of another version are recomputed."""

LONG_WORD = "clean/c4_long_word"
NO_TERMINAL_PUNCT = "clean/c4_no_terminal_punct"
TOO_FEW_WORDS = "clean/c4_too_few_words"
JAVASCRIPT = "clean/c4_javascript"
POLICY = "clean/c4_policy"
LOREM_IPSUM = "quality/c4_lorem_ipsum"
CURLY_BRACKET = "quality/c4_curly_bracket"
TOO_FEW_SENTENCES = "quality/c4_too_few_sentences"

TERMINAL_PUNCTUATION = (".", "?", "!", '"', "”")
ELLIPSES = ("...", "…")
# Possessive, and not starting inside a run of marks: linear on a long run of dots.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s|$)")


def c4_line_reason(line: str, p: C4Thresholds) -> str | None:
    """Return the C4 line rule a stripped line breaks (page rules aside), or ``None``."""
    tokens = line.split()
    if any(len(token) > p.max_word_chars for token in tokens):
        return LONG_WORD
    if not line.endswith(TERMINAL_PUNCTUATION) or line.endswith(ELLIPSES):
        return NO_TERMINAL_PUNCT
    if len(tokens) < p.min_line_words:
        return TOO_FEW_WORDS
    lowered = line.casefold()
    if "javascript" in lowered:
        return JAVASCRIPT
    if any(phrase in lowered for phrase in p.policy_phrases):
        return POLICY
    return None


def c4_signals(text: str, p: QualityProfile) -> dict[str, Any]:
    """Return C4's page signals: "lorem ipsum" and "{" seen, sentences in kept lines."""
    lorem = curly = False
    sentences = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        reason = c4_line_reason(line, p.c4)
        if reason in (LONG_WORD, NO_TERMINAL_PUNCT, TOO_FEW_WORDS):
            continue
        lowered = line.casefold()
        lorem = lorem or "lorem ipsum" in lowered
        if reason == JAVASCRIPT:
            continue
        curly = curly or "{" in line
        if reason is None:
            sentences += max(1, len(_SENTENCE_END.findall(line)))
    return {
        "chars": len(text),
        "lang": p.lang,
        "lorem_ipsum": lorem,
        "curly_bracket": curly,
        "sentences": sentences,
    }


class RemoveC4Lines(UsesProfile, Transform):
    """Returns the text without the lines C4's line rules reject (Raffel et al. 2020): a word
    over ``max_word_chars``, no terminal punctuation, fewer than ``min_line_words`` words,
    "javascript", or a policy phrase of the document's language (``doc.lang``, else
    ``language``). ``None`` takes the language profile's value. Counted per rule as
    ``clean/c4_*``."""

    family = "c4"
    line_reasons = (LONG_WORD, NO_TERMINAL_PUNCT, TOO_FEW_WORDS, JAVASCRIPT, POLICY)

    def __init__(
        self,
        language: str = "id",
        min_line_words: int | None = None,
        max_word_chars: int | None = None,
    ) -> None:
        self.language = language
        self.min_line_words = min_line_words
        self.max_word_chars = max_word_chars

    def transform(self, doc: Document, stats: StepStats) -> Document:
        p = self.profile_for(doc.lang)

        def reason(index: int, lines: list[str]) -> str | None:
            return c4_line_reason(lines[index].strip(), p.c4)

        doc.text = remove_lines(doc.text, reason, stats)
        return doc


class C4QualitySignals(UsesProfile, Annotator):
    """Writes C4's page signals (``lorem_ipsum``, ``curly_bracket``, ``sentences`` in lines
    the line rules keep) under ``metadata["quality"]["c4"]``."""

    family = "c4"

    def __init__(
        self,
        language: str = "id",
        min_line_words: int | None = None,
        max_word_chars: int | None = None,
    ) -> None:
        self.language = language
        self.min_line_words = min_line_words
        self.max_word_chars = max_word_chars

    def annotate(self, doc: Document) -> None:
        p = self.profile_for(doc.lang)
        signals = c4_signals(doc.text, p)
        if self.min_line_words is not None or self.max_word_chars is not None:
            signals["lang"] = "custom"
        store(doc, QUALITY_C4, signals, VERSION)


class C4QualityFilter(UsesProfile, Filter):
    """Returns ``quality/c4_lorem_ipsum`` or ``quality/c4_curly_bracket`` when a line kept by
    C4's line rules holds "lorem ipsum" or "{", and ``quality/c4_too_few_sentences`` when the
    kept lines hold fewer than ``min_sentences`` sentences (Raffel et al. 2020). Uses
    ``C4QualitySignals``' stored signals when they fit the text."""

    family = "c4"
    drop_reasons = (LOREM_IPSUM, CURLY_BRACKET, TOO_FEW_SENTENCES)

    def __init__(
        self,
        language: str = "id",
        min_sentences: int | None = None,
        min_line_words: int | None = None,
        max_word_chars: int | None = None,
    ) -> None:
        self.language = language
        self.min_sentences = min_sentences
        self.min_line_words = min_line_words
        self.max_word_chars = max_word_chars

    def limits(self, lang: str) -> dict[str, tuple[str, float]]:
        """Return signal → ("min" or "max", threshold) as applied to a document in ``lang``
        (``lorem_ipsum`` and ``curly_bracket`` drop when true: a maximum of 0)."""
        t: C4Thresholds = self.thresholds(lang)
        return {
            "sentences": ("min", t.min_sentences),
            "lorem_ipsum": ("max", 0.0),
            "curly_bracket": ("max", 0.0),
        }

    def signals(self, doc: Document, p: QualityProfile) -> dict[str, Any]:
        """Return the document's stored signals if they fit, else freshly computed ones."""
        custom = self.min_line_words is not None or self.max_word_chars is not None
        found = None if custom else stored(doc, QUALITY_C4, {"lang": p.lang}, VERSION)
        return found or c4_signals(doc.text, p)

    def reason(self, doc: Document) -> str | None:
        p = self.profile_for(doc.lang)
        signals = self.signals(doc, p)
        if signals["lorem_ipsum"]:
            return LOREM_IPSUM
        if signals["curly_bracket"]:
            return CURLY_BRACKET
        if signals["sentences"] < p.c4.min_sentences:
            return TOO_FEW_SENTENCES
        return None
