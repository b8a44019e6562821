"""Fast splitting of text into words, lines and paragraphs, shared by the quality filters.

Words are whitespace-separated tokens with punctuation stripped from both ends; tokens that
are punctuation only ("-", "—", "...", "|") are not words. This is ``str.split`` plus one
``str.strip`` per token (no tokenizer model), a few microseconds per hundred words. Lines are
the non-blank lines, stripped: saring's texts separate paragraphs with a blank line, and
counting those blank lines as lines would skew every line ratio.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from itertools import repeat

PUNCTUATION = string.punctuation + "“”‘’„‚«»‹›…–—―‐•·・、。，！？：；（）【】《》「」"
"""Characters stripped from both ends of a token to make a word."""
LONG_LINE_WORDS = 8
"""Lines (and paragraphs) of fewer words are page furniture or table rows when repeated:
captions, photo credits, headings, buttons, price or score rows. The news profile's
duplicate-line rules count only repeated lines of at least this many words."""
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
STOP_CHARS = (".", "'", '"', "!", "?", "”", "’", "。", "！", "？", "।", "॥", "؟", "۔")
"""Line endings that count as punctuated (FineWeb's, plus curly closing quotes and the full
stops and question marks of CJK, Devanagari, Arabic and Urdu text)."""
_SENTENCE_END = re.compile(r"(?:[.!?…।؟۔][\"'”’)\]]*\s+|[。！？][\"'”’」』)\]]*)\S")
"""A sentence that ends inside a line: the line is prose even if its last one is cut off."""
NUMBER = re.compile(r"[\d.,:/+\-]*\d[\d.,:/+\-]*")
"""A number as ``words`` leaves it: digits with separators (27.058, 1-0, 23/6, 09.40)."""
_LETTER = re.compile(r"[^\W\d_]")
ROW_WORDS = 20
"""A table row has at most this many words (a standings row has 8 to 12)."""


def has_letter(word: str) -> bool:
    """Return whether a word holds a letter."""
    return word.isalpha() or _LETTER.search(word) is not None


def table_row(line_words: list[str]) -> bool:
    """Return whether a line's words make a table row: 4 to ``ROW_WORDS`` words, a word
    with letters (the team, driver or item it names) and numbers in at least half of them,
    3 at least ("1 Kyle Busch 5040 5 1 17 27", "Rockledge 14 11 6 15 — 44"; not an archive
    link such as "Januari 2023 (12)")."""
    if not 4 <= len(line_words) <= ROW_WORDS or not any(map(has_letter, line_words)):
        return False
    numbers = sum(1 for w in line_words if NUMBER.fullmatch(w))
    return numbers >= 3 and 2 * numbers >= len(line_words)


TABLE_ROWS = 3
"""A table has at least this many consecutive rows; a stray line of numbers is not one."""
ARTICLE_PROSE_WORDS = 25
"""A table is read as text only inside an article: beside at least this many words of prose
lines (``is_prose``, two sentences) outside it. A page of results, rates or draws with no
prose is not."""


def table_lines(per_line: list[list[str]]) -> set[int]:
    """Return the indexes of the lines (given as their ``words``) that are rows of a table:
    runs of at least ``TABLE_ROWS`` consecutive table rows (``table_row``)."""
    found: set[int] = set()
    run: list[int] = []
    for i, line_words in enumerate([*per_line, []]):
        if line_words and table_row(line_words):
            run.append(i)
            continue
        if len(run) >= TABLE_ROWS:
            found.update(run)
        run = []
    return found


def article_table(ls: list[str], per_line: list[list[str]]) -> tuple[set[int], int]:
    """Return the indexes of the lines that are rows of a table inside an article (none
    unless the prose lines outside the table hold ``ARTICLE_PROSE_WORDS`` words), and the
    words of those prose lines; ``per_line`` holds each line's ``words``."""
    table = table_lines(per_line)
    outside = (
        lw
        for i, (line, lw) in enumerate(zip(ls, per_line, strict=True))
        if i not in table and is_prose(line)
    )
    prose = sum(map(len, outside))
    return (table if prose >= ARTICLE_PROSE_WORDS else set()), prose


def is_prose(line: str) -> bool:
    """Return whether a line is prose: it ends in punctuation or holds a sentence end."""
    return line.endswith(STOP_CHARS) or _SENTENCE_END.search(line) is not None


def words(text: str) -> list[str]:
    """Return the words of a text: tokens with edge punctuation stripped, empty ones dropped."""
    return list(filter(None, map(str.strip, text.split(), repeat(PUNCTUATION))))


def lines(text: str) -> list[str]:
    """Return the non-blank lines of a text, stripped."""
    return [line for line in (raw.strip() for raw in text.split("\n")) if line]


def paragraphs(text: str) -> list[str]:
    """Return the text's non-blank paragraphs (blocks between blank lines), stripped."""
    return [p for p in (block.strip() for block in _PARAGRAPH_BREAK.split(text)) if p]


def duplicates(items: Iterable[str], min_words: int = 0) -> tuple[int, int]:
    """Return how many items repeat an earlier one, and their characters; with
    ``min_words``, only items of at least that many whitespace-separated tokens count."""
    seen: set[str] = set()
    count = chars = 0
    for item in items:
        if min_words and len(item.split()) < min_words:
            continue
        if item in seen:
            count += 1
            chars += len(item)
        else:
            seen.add(item)
    return count, chars


def ratio(part: float, whole: float) -> float:
    """Return ``part / whole`` rounded to 4 decimals, or 0.0 when ``whole`` is 0."""
    return round(part / whole, 4) if whole else 0.0
