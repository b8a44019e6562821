"""Gopher quality rules (Rae et al. 2021, "Scaling Language Models: Methods, Analysis &
Insights from Training Gopher", appendix A.1.1), as an annotator that writes signals and a
filter that compares them with per-language thresholds. The repetition rules (table A1) are
in ``saring.filters.gopher_repetition``.

Deviations from the paper and from datatrove's implementation, on purpose: words come from
``saring.filters.text.words`` (no NLTK); lines are non-blank lines; the stop-word rule counts
*distinct* stop words present ("at least two of" the list); the bullet- and ellipsis-line
rules judge only documents of at least ``min_lines`` lines (a crawl that stores an article
as one line has a "bullet line fraction" of 1.0 when its dateline starts with a dash).
"""

from __future__ import annotations

from typing import Any

from saring.document import Document
from saring.filters.gopher_repetition import (
    GopherRepetitionFilter,
    GopherRepetitionSignals,
    gopher_repetition_signals,
)
from saring.filters.profiles import UsesProfile
from saring.filters.signals import store, stored
from saring.filters.text import (
    ARTICLE_PROSE_WORDS,
    NUMBER,
    article_table,
    has_letter,
    is_prose,
    lines,
    ratio,
    words,
)
from saring.filters.thresholds import GopherQualityThresholds
from saring.meta import QUALITY_GOPHER
from saring.step import Annotator, Filter

__all__ = [
    "GopherQualityFilter",
    "GopherQualitySignals",
    "GopherRepetitionFilter",
    "GopherRepetitionSignals",
    "gopher_quality_reason",
    "gopher_quality_signals",
    "gopher_repetition_signals",
]

VERSION = 8
"""Version of ``gopher_quality_signals``; stored signals of another version are recomputed."""

WORD_COUNT = "quality/gopher_word_count"
MEAN_WORD_LENGTH = "quality/gopher_mean_word_length"
SYMBOL_RATIO = "quality/gopher_symbol_ratio"
BULLET_LINES = "quality/gopher_bullet_lines"
ELLIPSIS_LINES = "quality/gopher_ellipsis_lines"
ALPHA_WORDS = "quality/gopher_alpha_words"
STOP_WORDS = "quality/gopher_stop_words"

BULLETS = ("•", "●", "▪", "■", "◦", "‣", "►", "➢", "✓", "✔", "-", "*", "–", "·")
"""Characters that start a bullet line."""
ELLIPSES = ("...", "…")


def _numbers(line_words: list[str]) -> int:
    return sum(1 for w in line_words if NUMBER.fullmatch(w))


def gopher_quality_signals(text: str, stop_words: frozenset[str]) -> dict[str, Any]:
    """Return the Gopher quality signals of a text (counts and ratios, 4 decimals)."""
    ls = lines(text)
    per_line = [words(line) for line in ls]
    ws = [w for line_words in per_line for w in line_words]
    n = len(ws)
    alpha = sum(map(has_letter, ws))
    numbers = sum(map(_numbers, per_line))
    table, prose = article_table(ls, per_line)
    rows = sum(_numbers(per_line[i]) for i in table)
    letters = sum(len(w) for w in ws if has_letter(w))
    ellipsis = [line for line in ls if line.endswith(ELLIPSES)]
    bullets = [line for line in ls if line.startswith(BULLETS)]
    listed = [line for line in bullets if not is_prose(line)]
    chars = sum(map(len, ls))
    return {
        "chars": len(text),
        "words": n,
        "lines": len(ls),
        "mean_word_length": ratio(sum(map(len, ws)), n),
        # Of the words with letters: a table's one- and two-digit numbers say nothing of it
        # (of all words when none has a letter, so that the letter rule names such a text).
        "mean_letter_word_length": ratio(letters, alpha) if alpha else ratio(sum(map(len, ws)), n),
        "hash_ratio": ratio(text.count("#"), n),
        "ellipsis_ratio": ratio(text.count("...") + text.count("…"), n),
        "bullet_lines": ratio(len(bullets), len(ls)),
        # Bullet lines that are not prose: menu items and links, not a list of sentences.
        "bullet_list_lines": ratio(len(listed), len(ls)),
        # By characters: a specification or results list under an article's paragraphs is a
        # few characters of them, a menu or a page of links all of them.
        "bullet_line_chars": ratio(sum(map(len, bullets)), chars),
        "bullet_list_line_chars": ratio(sum(map(len, listed)), chars),
        "ellipsis_lines": ratio(len(ellipsis), len(ls)),
        "ellipsis_line_chars": ratio(sum(map(len, ellipsis)), chars),
        "alpha_words": ratio(alpha, n),
        # Numbers in the rows of a table inside an article count; others up to as many as
        # the words with letters: a column or dump of numbers is not text.
        "alpha_or_number_words": ratio(alpha + rows + min(numbers - rows, alpha), n),
        "number_words": ratio(numbers, n),
        "prose_words": prose,
        "stop_words": len(stop_words.intersection(map(str.casefold, ws))),
    }


def signal_keys(t: GopherQualityThresholds) -> tuple[str, str, str, str]:
    """Return the signals the bullet-line, ellipsis-line, alphabetic-word and mean word
    length rules read under ``t``."""
    bullet = "bullet_line" if t.bullet_prose_lines else "bullet_list_line"
    weight = "_chars" if t.line_weight == "chars" else "s"
    bullet, ellipsis = bullet + weight, "ellipsis_line" + weight
    if t.numbers_are_words:
        return bullet, ellipsis, "alpha_or_number_words", "mean_letter_word_length"
    return bullet, ellipsis, "alpha_words", "mean_word_length"


def gopher_quality_reason(
    signals: dict[str, Any], t: GopherQualityThresholds, has_stop_words: bool = True
) -> str | None:
    """Return the first Gopher quality rule the signals break, or ``None``."""
    if not t.min_words <= signals["words"] <= t.max_words:
        return WORD_COUNT
    bullet, ellipsis, alpha, length = signal_keys(t)
    if not t.min_mean_word_length <= signals[length] <= t.max_mean_word_length:
        return MEAN_WORD_LENGTH
    if max(signals["hash_ratio"], signals["ellipsis_ratio"]) > t.max_symbol_ratio:
        return SYMBOL_RATIO
    line_rules = signals["lines"] >= t.min_lines
    if line_rules and signals[bullet] > t.max_bullet_lines:
        return BULLET_LINES
    if line_rules and signals[ellipsis] > t.max_ellipsis_lines:
        return ELLIPSIS_LINES
    if signals[alpha] < t.min_alpha_words:
        return ALPHA_WORDS
    table = 0 < t.table_numbers <= signals["number_words"]
    table = table and signals["prose_words"] >= ARTICLE_PROSE_WORDS
    if has_stop_words and not table and signals["stop_words"] < t.min_stop_words:
        return STOP_WORDS
    return None


class GopherQualitySignals(UsesProfile, Annotator):
    """Writes the Gopher quality signals (word and line count, mean word length, ``#`` and
    ellipsis per word, bullet and ellipsis line fractions, by lines and by characters,
    fraction of words with a letter,
    distinct stop words, numbers, words of prose lines) under
    ``metadata["quality"]["gopher_quality"]``. Stop words are
    those of ``doc.lang``, else of ``language``; ``stop_words`` replaces them for every
    language."""

    family = "gopher_quality"

    def __init__(self, language: str = "id", stop_words: tuple[str, ...] | None = None) -> None:
        self.language = language
        self.stop_words = stop_words

    def annotate(self, doc: Document) -> None:
        p = self.profile_for(doc.lang)
        signals = gopher_quality_signals(doc.text, p.stop_words)
        signals["lang"] = p.lang if self.stop_words is None else "custom"
        store(doc, QUALITY_GOPHER, signals, VERSION)


class GopherQualityFilter(UsesProfile, Filter):
    """Returns a ``quality/gopher_*`` reason when a document breaks a Gopher quality rule
    (Rae et al. 2021, A.1.1): word count outside [``min_words``, ``max_words``], mean word
    length outside its range, ``#`` or ellipses per word above ``max_symbol_ratio``, more
    than ``max_bullet_lines`` of lines starting with a bullet or ``max_ellipsis_lines``
    ending with an ellipsis (documents of ``min_lines`` lines or more), fewer than
    ``min_alpha_words`` of words holding a letter, or fewer than ``min_stop_words``
    distinct stop words. With ``line_weight="chars"`` (news) the bullet and ellipsis rules
    read the share of characters in bullet lines and in lines ending with an ellipsis (a
    teaser's "All..." is a few characters, a page of cut-off teasers most of them; a
    phone's specification list under its review is a third of the characters and most of
    the lines, a menu all of both); with ``numbers_are_words`` (news)
    the letter rule counts numbers (27.058, 1-0, 23/6) as words: those in the rows of a
    table inside an article (``saring.filters.text.table_lines``: three standings or score
    lines in a row, beside ``ARTICLE_PROSE_WORDS`` words of prose) all, the others up to as
    many as the words with letters, so scores, standings,
    schedules, prices and statistics are not "non-words", while symbols, emoji and a
    column of numbers still are, and the mean word length is that of the words with
    letters (a table's one-digit numbers say nothing of its words); with
    ``bullet_prose_lines=False`` (news) the bullet rule counts only bullet lines that are
    not prose (menu items, links), so a resolution or a list of demands written as bulleted
    sentences is not a menu; with
    ``table_numbers`` (news) a text whose numbers make that share of its words (a score
    round-up, a standings table) is not judged by its stop words when it also holds
    ``ARTICLE_PROSE_WORDS`` words of prose.
    Thresholds left at ``None`` come from the language's ``profile``
    (``saring/data/quality/<lang>.toml``; language = ``doc.lang``, else ``language``). Uses
    ``GopherQualitySignals``' stored signals when they fit the text."""

    family = "gopher_quality"
    drop_reasons = (
        WORD_COUNT,
        MEAN_WORD_LENGTH,
        SYMBOL_RATIO,
        BULLET_LINES,
        ELLIPSIS_LINES,
        ALPHA_WORDS,
        STOP_WORDS,
    )

    def __init__(
        self,
        language: str = "id",
        profile: str = "news",
        min_words: int | None = None,
        max_words: int | None = None,
        min_mean_word_length: float | None = None,
        max_mean_word_length: float | None = None,
        max_symbol_ratio: float | None = None,
        max_bullet_lines: float | None = None,
        max_ellipsis_lines: float | None = None,
        min_alpha_words: float | None = None,
        min_stop_words: int | None = None,
        min_lines: int | None = None,
        line_weight: str | None = None,
        numbers_are_words: bool | None = None,
        bullet_prose_lines: bool | None = None,
        table_numbers: float | None = None,
        stop_words: tuple[str, ...] | None = None,
    ) -> None:
        self.language = language
        self.profile = profile
        self.min_words = min_words
        self.max_words = max_words
        self.min_mean_word_length = min_mean_word_length
        self.max_mean_word_length = max_mean_word_length
        self.max_symbol_ratio = max_symbol_ratio
        self.max_bullet_lines = max_bullet_lines
        self.max_ellipsis_lines = max_ellipsis_lines
        self.min_alpha_words = min_alpha_words
        self.min_stop_words = min_stop_words
        self.min_lines = min_lines
        self.line_weight = line_weight
        self.numbers_are_words = numbers_are_words
        self.bullet_prose_lines = bullet_prose_lines
        self.table_numbers = table_numbers
        self.stop_words = stop_words

    def signals(self, doc: Document) -> dict[str, Any]:
        """Return the document's stored signals if they fit, else freshly computed ones."""
        p = self.profile_for(doc.lang)
        lang = p.lang if self.stop_words is None else "custom"
        found = None if lang == "custom" else stored(doc, QUALITY_GOPHER, {"lang": lang}, VERSION)
        return found or gopher_quality_signals(doc.text, p.stop_words)

    def limits(self, lang: str) -> dict[str, tuple[str, float]]:
        """Return signal → ("min" or "max", threshold) as applied to a document in ``lang``;
        the upper bound of a two-sided signal is keyed ``<signal>:max``, and
        ``symbol_ratio`` bounds both ``hash_ratio`` and ``ellipsis_ratio``."""
        p = self.profile_for(lang)
        t: GopherQualityThresholds = p.gopher_quality
        bullet, ellipsis, alpha, length = signal_keys(t)
        found: dict[str, tuple[str, float]] = {
            "words": ("min", t.min_words),
            "words:max": ("max", t.max_words),
            length: ("min", t.min_mean_word_length),
            f"{length}:max": ("max", t.max_mean_word_length),
            "hash_ratio": ("max", t.max_symbol_ratio),
            "ellipsis_ratio": ("max", t.max_symbol_ratio),
        }
        found[bullet] = ("max", t.max_bullet_lines)
        found[ellipsis] = ("max", t.max_ellipsis_lines)
        found[alpha] = ("min", t.min_alpha_words)
        if p.stop_words:
            found["stop_words"] = ("min", t.min_stop_words)
        return found

    def reason(self, doc: Document) -> str | None:
        p = self.profile_for(doc.lang)
        return gopher_quality_reason(self.signals(doc), p.gopher_quality, bool(p.stop_words))
