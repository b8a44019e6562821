"""One frozen dataclass of thresholds per quality family; each threshold is written once, here.

The defaults are the papers' (Gopher: Rae et al. 2021, appendix A.1.1 and table A1; C4:
Raffel et al. 2020, section 2.2, and TFDS ``c4_utils``; FineWeb: Penedo et al. 2024). A
language profile (``saring/data/quality/<lang>.toml``) replaces some of them per family, and
a step's parameter of the same name (when not ``None``) replaces the profile's, so a step's
threshold parameters are exactly the fields of its family's dataclass.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

C4_POLICY_PHRASES = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
"""Lines holding one of these are removed by C4 (TFDS ``c4_utils``); every language gets them."""


@dataclass(frozen=True)
class GopherQualityThresholds:
    """Gopher quality rules (Rae et al. 2021, A.1.1). The line rules (bullet and ellipsis
    lines) judge only documents of at least ``min_lines`` non-blank lines. The bullet and
    ellipsis rules count lines (``line_weight="lines"``, Gopher's) or their characters
    (``"chars"``); the letter rule counts the words that hold a letter or, with
    ``numbers_are_words``, also numbers: all those in the rows of a table inside an article
    (``saring.filters.text.table_lines``, ``ARTICLE_PROSE_WORDS``), the others up to as
    many as the words with letters, and the mean word length rule then reads the words with
    letters. The bullet rule counts every bullet line (``bullet_prose_lines``, Gopher's) or
    only those that are not prose (``saring.filters.text.is_prose``). A document whose
    numbers make at least ``table_numbers`` of its words (0: none) and that holds
    ``ARTICLE_PROSE_WORDS`` words of prose is a table, results or schedule in an article,
    its words names and numbers: the stop-word rule does not judge it."""

    min_words: int = 50
    max_words: int = 100_000
    min_mean_word_length: float = 3.0
    max_mean_word_length: float = 10.0
    max_symbol_ratio: float = 0.1
    max_bullet_lines: float = 0.9
    max_ellipsis_lines: float = 0.3
    min_alpha_words: float = 0.8
    min_stop_words: int = 2
    min_lines: int = 1
    line_weight: str = "lines"
    numbers_are_words: bool = False
    bullet_prose_lines: bool = True
    table_numbers: float = 0.0

    def __post_init__(self) -> None:
        if self.line_weight not in ("lines", "chars"):
            raise ValueError(f"line_weight must be 'lines' or 'chars', not {self.line_weight!r}")


@dataclass(frozen=True)
class GopherRepetitionThresholds:
    """Gopher repetition rules (Rae et al. 2021, table A1): ``max_top_ngram`` holds one limit
    per n in 2, 3, 4, applied to the most frequent n-gram when it occurs at least
    ``top_ngram_min_count`` times (2, Gopher's rule, or 3), and ``max_dup_ngram`` one per n in
    5 to 10, applied to the words covered
    by n-grams that occur at least ``dup_ngram_min_count`` times (2, Gopher's rule, or 3),
    over the whole text or, with ``dup_ngram_restated=False``, outside restated sentences,
    names and clauses (``saring.filters.restated``); ``max_restated`` bounds the share of
    characters in restated sentences, counted from their second saying (``restated_min_count=2``) or
    their third (3); 1.0, the papers' default, is no bound. With ``dup_short_lines=False``
    the duplicate line and paragraph rules count only repeated lines and paragraphs of at
    least ``saring.filters.text.LONG_LINE_WORDS`` words (a repeated caption, credit,
    heading or table row is not a repeated text)."""

    max_dup_lines: float = 0.3
    max_dup_paragraphs: float = 0.3
    max_dup_line_chars: float = 0.2
    max_dup_paragraph_chars: float = 0.2
    max_top_ngram: tuple[float, ...] = (0.2, 0.18, 0.16)
    top_ngram_min_count: int = 2
    max_dup_ngram: tuple[float, ...] = (0.15, 0.14, 0.13, 0.12, 0.11, 0.1)
    dup_ngram_min_count: int = 2
    max_restated: float = 1.0
    dup_ngram_restated: bool = True
    restated_min_count: int = 2
    dup_short_lines: bool = True

    def __post_init__(self) -> None:
        if self.dup_ngram_min_count not in (2, 3):
            raise ValueError(f"dup_ngram_min_count must be 2 or 3, not {self.dup_ngram_min_count}")
        if self.top_ngram_min_count not in (2, 3):
            raise ValueError(f"top_ngram_min_count must be 2 or 3, not {self.top_ngram_min_count}")
        if self.restated_min_count not in (2, 3):
            raise ValueError(f"restated_min_count must be 2 or 3, not {self.restated_min_count}")


@dataclass(frozen=True)
class C4Thresholds:
    """C4's line and page rules (Raffel et al. 2020; TFDS ``c4_utils``)."""

    min_sentences: int = 5
    min_line_words: int = 3
    max_word_chars: int = 1000
    policy_phrases: tuple[str, ...] = C4_POLICY_PHRASES


@dataclass(frozen=True)
class FineWebThresholds:
    """FineWeb's line-ratio rules (Penedo et al. 2024). The punctuation and short-line rules
    judge only documents of at least ``min_lines`` non-blank lines. The punctuation rule
    counts lines that end in punctuation (``line_weight="lines"``, FineWeb's rule) or the
    share of characters in prose lines, lines that end in punctuation or hold a sentence
    end, and table rows (``"chars"``: a heading, dateline, list item or caption then counts
    for its few characters, a paragraph cut off mid-sentence still counts as prose, and a
    standings row is not furniture); a document
    whose prose lines hold at least ``enough_prose_words`` words (0: none) is held to the
    lower of ``min_line_punct`` and ``min_line_punct_prose`` (an article with a list, table
    or schedule: its prose is an article's worth, however long the list), and to the
    higher of ``max_short_lines`` and ``max_short_lines_prose`` (0: none) for short lines
    (an awards or results list of one short line per winner under the article); under
    ``"chars"`` the short-line rule also reads the share of characters in short lines that
    are not table rows. The
    duplicate-line rule counts every repeated line (``char_dup_min_count=2``, FineWeb's) or
    only lines occurring three times or more (3); with ``char_dup_short_lines=False``, only
    lines of at least ``saring.filters.text.LONG_LINE_WORDS`` words (3 only)."""

    min_line_punct: float = 0.12
    enough_prose_words: int = 0
    min_line_punct_prose: float = 1.0
    max_short_lines: float = 0.67
    max_short_lines_prose: float = 0.0
    short_line_chars: int = 30
    max_char_dup: float = 0.01
    max_newline_ratio: float = 0.3
    min_lines: int = 1
    line_weight: str = "lines"
    char_dup_min_count: int = 2
    char_dup_short_lines: bool = True

    def __post_init__(self) -> None:
        if not self.char_dup_short_lines and self.char_dup_min_count != 3:
            raise ValueError("char_dup_short_lines=False needs char_dup_min_count=3")
        if self.line_weight not in ("lines", "chars"):
            raise ValueError(f"line_weight must be 'lines' or 'chars', not {self.line_weight!r}")
        if self.char_dup_min_count not in (2, 3):
            raise ValueError(f"char_dup_min_count must be 2 or 3, not {self.char_dup_min_count}")


def field_names(family: type[Any]) -> tuple[str, ...]:
    """Return the threshold names of a family's dataclass."""
    return tuple(f.name for f in fields(family))


def convert(name: str, value: Any) -> Any:
    """Return a TOML value in the type a threshold field holds (tuples, not lists)."""
    if name in ("max_top_ngram", "max_dup_ngram"):
        return tuple(float(v) for v in value)
    if name == "policy_phrases":
        return tuple(str(p).casefold() for p in value)
    return value


@dataclass(frozen=True)
class SpamThresholds:
    """Spam rules (``saring.filters.spam_rules``): densities are hits per 100 words. A page is
    promotion of a topic when its topic density reaches ``min_topic``, its promotion density
    (calls to action, second person, superlatives, brand names) reaches ``min_promo``, and
    promotion makes at least ``min_promo_share`` of promotion plus reporting vocabulary. A link
    list is ``min_links`` brand names and site names per 100 words with the same promotion
    share. A page injected into a legitimate site needs gambling words in its URL path on a
    protected suffix, ``min_injected_topic`` gambling density and no more reporting than
    promotion vocabulary, or a spam model score of ``min_injected_model``. Apart from these
    rules, a page whose spam model score (``saring.filters.spam_model``) reaches ``min_model``
    is spam of the model's likeliest class, and so is a page whose spammiest block reaches
    ``min_block_model``. The vocabulary rules drop a page only where the model's score (whole or
    a block) reaches ``min_rule_model``, and take half ``min_promo`` where it reaches
    ``min_leaning_model``. A spun page, whose most repeated 2- or 3-word phrase takes
    ``min_spun`` of its words and occurs ``min_spun_repeats`` times or more, is ``spam/seo``
    when it promotes (not quiet, below) or its title holds that phrase. A page that does not
    promote (no promotion word, or promotion under ``min_promo`` and no topic word; not one
    naming a topic at ``min_topic`` with no reporting word) is dropped by the model's whole-page
    score only at ``min_quiet_model``, and so is a page that reports: reporting vocabulary
    ``min_reporting_ratio`` times its promotion; a page without a promotion word never by a
    block, nor a page by a block that reports (reporting vocabulary ``min_reporting_ratio``
    times its promotion). A page with no promotion word and no topic word is dropped by the
    model only when its text without the tokens holding digits scores ``min_silent_model`` (a
    rate table or a tablet's specifications score like an RTP table). A page of one topic's
    vocabulary at ``min_dense_topic`` per 100 words or more, with a promotion word and no
    reporting word, is spam of that topic where the model reaches ``min_rule_model``. A keyword
    list (four or more entries, separated by commas, bars, semicolons or bullets, of seven words
    or fewer on average) is ``spam/seo`` when ``min_keyword_list`` of its entries hold its most
    repeated 2-word phrase and the page promotes, names SEO services or reaches
    ``min_quiet_model``. A page whose spammiest block reaches ``min_leaning_model`` and
    promotes at ``min_promo`` per 100 words of the block, with no reporting word in it, is spam
    of the block's class where the page reaches ``min_rule_model`` and names that class's topic.
    A page of ``min_selling_words`` words or more whose densest topic is pill selling, at
    ``min_topic``, that calls its reader to order at ``min_sell`` per 100 words (calls to
    action, offers written with numbers, mobile numbers, prices with their currency) and holds
    no reporting word is ``spam/pills`` whatever the model says."""

    min_topic: float = 2.0
    min_promo: float = 4.0
    min_promo_share: float = 0.5
    min_links: float = 10.0
    min_injected_topic: float = 0.5
    min_model: float = 0.51
    min_injected_model: float = 0.2
    min_block_model: float = 0.95
    min_rule_model: float = 0.2
    min_spun: float = 0.25
    min_spun_repeats: float = 5
    min_quiet_model: float = 0.85
    min_keyword_list: float = 0.6
    min_reporting_ratio: float = 2.0
    min_silent_model: float = 0.9
    min_dense_topic: float = 10.0
    min_leaning_model: float = 0.4
    min_selling_words: int = 50
    min_sell: float = 2.0


FAMILIES: dict[str, type[Any]] = {
    "gopher_quality": GopherQualityThresholds,
    "gopher_repetition": GopherRepetitionThresholds,
    "c4": C4Thresholds,
    "fineweb": FineWebThresholds,
    "spam": SpamThresholds,
}
"""Family name (the TOML table and the metadata group) → its thresholds dataclass."""
