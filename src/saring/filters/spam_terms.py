"""Spam vocabulary and the signals computed from it: how densely a text uses gambling,
illegal-loan and pill-selling words, how much of it promotes (calls to action, the reader
addressed, superlatives, brand and site names) rather than reports (reporting verbs, police,
courts, regulators), and whether its URL shows a gambling page injected into a legitimate
site.

The term lists are data, one file per language under ``saring/data/spam/`` (sources in its
``SOURCES.md``). Spam on the Indonesian web mixes Indonesian, Malay and English, so one
vocabulary joins the languages' lists. Terms match whole words of the casefolded text, the
longest term first where terms overlap; each match counts once for every group holding it.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

from saring.filters.text import ratio, words

VERSION = 1
"""Version of ``spam_signals``; stored signals of another version are recomputed."""

TOPICS = ("gambling", "loan", "pills")
"""Topic groups, each with its own drop reason ``spam/<topic>``."""
PROMO = ("call_to_action", "second_person", "superlatives")
"""Groups of the ``[promo]`` table, counted together as promotion."""
PROTECTED_SUFFIXES = (".go.id", ".ac.id", ".sch.id", ".desa.id", ".or.id", ".mil.id",
    ".gov.my", ".edu.my")  # fmt: skip
"""Host suffixes of government, university, school, village and non-profit sites: gambling
words in the URL of such a site mark a page injected into it."""
URL_GAMBLING = re.compile(
    r"slot|gacor|togel|maxwin|judi|casino|kasino|sbobet|poker|scatter|jackpot|pragmatic|"
    r"zeus|olympus|mahjong|parlay|bandar|toto|rtp|jp\d|\d+jp"
)
"""Gambling stems looked for in a URL's path and query."""
_BRAND = re.compile(
    r"(?<![\w.])(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)"
    r"(?:[a-z]*(?:slot|gacor|togel|toto|judi|bet|win|hoki|jp|spin|dewa|mpo|zeus|casino|poker|"
    r"jitu|naga|raja|sultan|cuan|gaming|play)[a-z0-9]*|[a-z]{2,}(?:88|77|777|99|138|303|168|"
    r"4d|365|123|500|888|999|69))(?![\w.])"
)
"""Site and brand names of gambling promotion: ``slot88``, ``gacor777``, ``dewa4d``."""
_LINK = re.compile(
    r"(?<![\w@])(?:https?://)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|xyz|vip|"
    r"info|online|site|live|pro|club|top|id|co|me|link|io|asia|bet|win|cc|biz|shop|store)"
    r"(?:/\S*)?(?![\w])"
)
"""Site names and links written in the text."""


def _folder() -> Any:
    return resources.files("saring").joinpath("data", "spam")


@functools.cache
def vocabulary(languages: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """Return one pattern matching every term of the languages' lists, and term → groups."""
    groups: dict[str, set[str]] = {}
    for lang in languages:
        data = tomllib.loads(_folder().joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
        for table, value in data.items():
            for name, terms in value.items():
                group = table if name == "terms" else name
                for term in terms:
                    groups.setdefault(" ".join(str(term).casefold().split()), set()).add(group)
    ordered = sorted(groups, key=lambda t: (-len(t), t))
    pattern = re.compile(r"(?<![\w<])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w>])")
    return pattern, {t: frozenset(g) for t, g in groups.items()}


def url_signals(url: str | None) -> tuple[bool, int]:
    """Return whether a URL's host is on a protected suffix, and its path's gambling stems."""
    if not url:
        return False, 0
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").casefold()
    protected = host.endswith(PROTECTED_SUFFIXES)
    tail = unquote(f"{parts.path} {parts.query}").casefold()
    return protected, len(URL_GAMBLING.findall(tail))


def spam_signals(text: str, url: str | None, languages: tuple[str, ...]) -> dict[str, Any]:
    """Return the spam signals of a text: per-100-word densities of each topic, promotion,
    reporting, brand and site names; the promotion share; the URL's evidence."""
    pattern, groups = vocabulary(languages)
    lowered = " ".join(text.casefold().split())
    counts = dict.fromkeys((*TOPICS, *PROMO, "reporting"), 0)
    for match in pattern.finditer(lowered):
        for group in groups[match.group()]:
            if group in counts:
                counts[group] += 1
    brands = len(_BRAND.findall(lowered))
    links = len(_LINK.findall(lowered))
    n = len(words(text))
    per100 = 100 / n if n else 0.0
    promo = sum(counts[g] for g in PROMO) + brands
    protected, url_gambling = url_signals(url)
    signals: dict[str, Any] = {"chars": len(text), "words": n}
    for topic in TOPICS:
        signals[topic] = round(counts[topic] * per100, 2)
    signals.update(
        promo=round(promo * per100, 2),
        reporting=round(counts["reporting"] * per100, 2),
        links=round((brands + links) * per100, 2),
        promo_share=ratio(promo, promo + counts["reporting"]),
        url_protected=protected,
        url_gambling=url_gambling,
        languages=list(languages),
    )
    return signals
