"""Spam vocabulary and the signals computed from it: how densely a text uses gambling,
illegal-loan and pill-selling words, how much of it promotes (calls to action, the reader
addressed, superlatives, brand and site names) rather than reports (reporting verbs, police,
courts, regulators), and whether its URL shows a gambling page injected into a legitimate
site.

The term lists are data, one file per language under ``saring/data/spam/`` (sources in its
``SOURCES.md``). Spam on the Indonesian web mixes Indonesian, Malay and English, so one
vocabulary joins the languages' lists. Terms match whole tokens of the casefolded text, the
longest term first where terms overlap; each match counts once for every group holding it. A
topic's ``reported`` terms are words news uses when it reports on the topic, or that mean
something else too ("krim pemutih", "tanpa resep", "bandar", "bunga", "cuci", "mod apk"): they
count for the topic only on a page that holds one of its other terms. Promotion also counts a
seller's offers written with numbers ("beli 3 gratis 1", "depo 10rb", "RM49 sahaja") and
mobile numbers.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from collections import Counter
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

from saring.filters import spam_model
from saring.filters.spam_offers import CLAIM, PRICE, written_offers
from saring.filters.text import ratio, words
from saring.lang.cld2 import first_guess

VERSION = 14
"""Version of ``spam_signals``; stored signals of another version are recomputed."""

TOPICS = ("gambling", "loan", "pills", "seo")
"""Topic groups, each with its own drop reason ``spam/<topic>`` (``seo``: selling backlinks,
guest posts and search rankings)."""
SPUN_ORDERS = (2, 3)
"""Phrase lengths (words) looked for repeated through a spun page (``spun``)."""
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
_SEGMENT = re.compile(r"(?:(?<!\d),|,(?!\d)|[|;•·])+")
"""Separators of a keyword list's entries."""
LIST_SEGMENTS = 4
"""Entries a keyword list holds at least (``keyword_list``)."""
TITLE_WORDS = 25
"""Words a title line holds at most (``title_phrase``)."""
LIST_WORDS = 7
"""Words a keyword list's entries hold at most on average (``keyword_list``)."""


def _folder() -> Any:
    return resources.files("saring").joinpath("data", "spam")


_TOKEN = re.compile(r"[#<]?\w[\w%>'-]*")
"""Tokens of text and terms alike: words, with ``100%``, ``<phone>``, ``di-acc``, ``#1``."""

Vocabulary = tuple[dict[tuple[str, ...], frozenset[str]], dict[str, tuple[int, ...]]]
"""Term (as a tuple of tokens) → the groups holding it; first token → the terms' lengths
starting with it, longest first."""


def tokens(text: str) -> list[str]:
    """Return the casefolded tokens of a text, as terms are matched on them (a typographic
    apostrophe read as ``'``: "won’t" is "won't")."""
    return [t.rstrip("-'") for t in _TOKEN.findall(text.casefold().replace("\u2019", "'"))]


@functools.cache
def vocabulary(languages: tuple[str, ...]) -> Vocabulary:
    """Return every term of the languages' lists (as token tuples) with its groups."""
    groups: dict[tuple[str, ...], set[str]] = {}
    for lang in languages:
        data = tomllib.loads(_folder().joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
        for table, value in data.items():
            for name, terms in value.items():
                group = table if name == "terms" else name
                group = f"{table}_reported" if name == "reported" else group
                for term in terms:
                    groups.setdefault(tuple(tokens(str(term))), set()).add(group)
    groups.pop((), None)
    sizes: dict[str, set[int]] = {}
    for term in groups:
        sizes.setdefault(term[0], set()).add(len(term))
    starts = {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}
    return {t: frozenset(g) for t, g in groups.items()}, starts


_LEET = str.maketrans("013457", "oieast")
"""Digits written for letters in obfuscated words: ``sl0t``, ``b4ndar``, ``maxw1n``."""


def unleet(toks: list[str], starts: dict[str, tuple[int, ...]]) -> list[str]:
    """Return the tokens with digits read as letters in each token of letters and digits
    that starts no term as written but does once read so (``sl0t`` → ``slot``)."""
    found = []
    for t in toks:
        if t not in starts and not t.isalpha() and any(c.isalpha() for c in t):
            plain = t.translate(_LEET)
            t = plain if plain in starts else t
        found.append(t)
    return found


def count_terms(toks: list[str], vocab: Vocabulary) -> dict[str, int]:
    """Return hits per group: at each token the longest term starting there, terms not
    overlapping."""
    terms, starts = vocab
    counts: dict[str, int] = {}
    i, n = 0, len(toks)
    while i < n:
        step = 1
        for size in starts.get(toks[i], ()):
            found = terms.get(tuple(toks[i : i + size]))
            if found is not None:
                for group in found:
                    counts[group] = counts.get(group, 0) + 1
                step = size
                break
        i += step
    return counts


def url_signals(url: str | None) -> tuple[bool, int]:
    """Return whether a URL's host is on a protected suffix, and its path's gambling stems."""
    if not url:
        return False, 0
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").casefold()
    protected = host.endswith(PROTECTED_SUFFIXES)
    tail = unquote(f"{parts.path} {parts.query}").casefold()
    return protected, len(URL_GAMBLING.findall(tail))


def top_phrase(toks: list[str]) -> tuple[float, int, tuple[str, ...]]:
    """Return the share of a text's words (tokens with a letter) taken by the occurrences of
    its most repeated 2- or 3-word phrase, how often that phrase occurs, and the phrase: a spun
    SEO page says one keyword phrase over and over."""
    found = [t for t in toks if any(c.isalpha() for c in t)]
    best: tuple[float, int, tuple[str, ...]] = (0.0, 0, ())
    for n in SPUN_ORDERS:
        counts = Counter(zip(*(found[k:] for k in range(n)), strict=False))
        if counts:
            phrase, top = max(counts.items(), key=lambda item: item[1])
            best = max(best, (min(1.0, ratio(top * n, len(found))), top, phrase))
    return best


def title_phrase(lowered: str, phrase: tuple[str, ...]) -> bool:
    """Return whether a case-folded text's title holds ``phrase`` (its most repeated 2- or
    3-word phrase, ``top_phrase``): the first line, of at most ``TITLE_WORDS`` words, with more
    lines after it. A spun SEO page repeats the search phrase its title targets ("Cara Membuat
    Kue Bolu …"); a price table or a forecast repeats "per liter" or "cerah berawan", which its
    title does not hold."""
    lines = [line for line in lowered.splitlines() if line.strip()]
    title = tokens(lines[0]) if lines else []
    if len(lines) < 2 or len(title) > TITLE_WORDS or not phrase:
        return False
    n = len(phrase)
    return any(tuple(title[i : i + n]) == phrase for i in range(len(title)))


def keyword_list(lowered: str) -> float:
    """Return the share of a keyword list's entries holding its most repeated 2-word phrase
    (0.0 for a text that is not a list of ``LIST_SEGMENTS`` short entries, separated by commas
    (not a decimal comma between digits), bars, semicolons or bullets): a page stuffed with
    one search phrase and its variants."""
    entries = [tokens(e) for e in _SEGMENT.split(lowered)]
    entries = [e for e in entries if any(any(c.isalpha() for c in t) for t in e)]
    if len(entries) < LIST_SEGMENTS or sum(map(len, entries)) > LIST_WORDS * len(entries):
        return 0.0
    held = Counter(p for e in entries for p in set(itertools.pairwise(e)))
    return ratio(max(held.values(), default=0), len(entries))


_NUMBER = re.compile(r"\S*\d\S*")
"""Tokens holding a digit, left out for ``model_words``."""


def voice(text: str, vocab: Vocabulary) -> tuple[float, float]:
    """Return a text's promotion and reporting hits per 100 words (0.0, 0.0 for no text)."""
    n = len(words(text))
    if not n:
        return 0.0, 0.0
    lowered = text.casefold()
    found = count_terms(unleet(tokens(lowered), vocab[1]), vocab)
    promo = sum(found.get(g, 0) for g in PROMO) + len(_BRAND.findall(lowered))
    promo += written_offers(lowered)
    return round(promo * 100 / n, 2), round(found.get("reporting", 0) * 100 / n, 2)


def spam_signals(text: str, url: str | None, languages: tuple[str, ...]) -> dict[str, Any]:
    """Return the spam signals of a text: per-100-word densities of each topic, promotion,
    reporting, brand and site names, of a seller's calls to action, offers and prices (``sell``:
    the ``call_to_action`` terms, offers written with numbers, mobile numbers, prices with their
    currency, these only beside a call to action, an offer or a mobile number); the promotion
    share; the share of words its most repeated phrase takes and that phrase's count (``spun``,
    ``spun_repeats``) and whether its title holds that phrase (``spun_title``); the share of a
    keyword list's entries holding its most repeated phrase (``keyword_list``); the spam model's
    probability that the text is spam (``model``) and its likeliest spam class
    (``model_topic``), that of the text without its tokens holding digits (``model_words``), the
    same for its spammiest block (``model_block``, ``model_block_topic``) and that block's
    promotion and reporting per 100 words (``block_promo``, ``block_reporting``); the language
    CLD2 guesses first for the text and for that block, reliable or not (``text_lang``,
    ``block_lang``; ``und`` for none); the URL's evidence. A topic's ``reported`` terms (words
    news uses when it reports: "krim pemutih", "tanpa resep", "mod apk") count only on a page
    that also holds one of the topic's other terms."""
    lowered = text.casefold()
    toks = tokens(lowered)
    vocab = vocabulary(languages)
    found = count_terms(unleet(toks, vocab[1]), vocab)
    counts = {g: found.get(g, 0) for g in (*TOPICS, *PROMO, "reporting")}
    for topic in TOPICS:  # reported terms only beside the topic's own
        counts[topic] += found.get(f"{topic}_reported", 0) if counts[topic] else 0
    brands = len(_BRAND.findall(lowered))
    links = len(_LINK.findall(lowered))
    n = len(words(text))
    per100 = 100 / n if n else 0.0
    offers = written_offers(lowered)
    seller = counts["call_to_action"] + offers  # a price or a claim counts beside a seller's term
    if seller and found.get("pills_reported", 0):  # a product, a cure within a time: selling
        counts["pills"] += len(CLAIM.findall(lowered))
    prices = len(PRICE.findall(lowered)) if seller else 0
    promo = sum(counts[g] for g in PROMO) + brands + offers
    protected, url_gambling = url_signals(url)
    spun_share, spun_repeats, phrase = top_phrase(toks)
    model = spam_model.load()
    spam, spam_topic = model.spam(text)
    block, block_topic, block_text = model.spammiest_block(text)
    block_promo, block_reporting = voice(block_text, vocab)
    signals: dict[str, Any] = {"chars": len(text), "words": n}
    for topic in TOPICS:
        signals[topic] = round(counts[topic] * per100, 2)
    signals.update(
        promo=round(promo * per100, 2),
        reporting=round(counts["reporting"] * per100, 2),
        sell=round((seller + prices) * per100, 2),
        links=round((brands + links) * per100, 2),
        promo_share=ratio(promo, promo + counts["reporting"]),
        spun=spun_share,
        spun_repeats=spun_repeats,
        spun_title=title_phrase(lowered, phrase),
        keyword_list=keyword_list(lowered),
        model=spam,
        model_topic=spam_topic,
        model_words=model.spam(_NUMBER.sub(" ", text))[0],
        model_block=block,
        model_block_topic=block_topic,
        block_promo=block_promo,
        block_reporting=block_reporting,
        text_lang=first_guess(text),
        block_lang=first_guess(block_text),
        url_protected=protected,
        url_gambling=url_gambling,
        languages=list(languages),
    )
    return signals
