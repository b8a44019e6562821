"""Spam and SEO junk, score then decide: ``SpamSignals`` writes vocabulary densities, URL
evidence and the spam model's scores (``saring.filters.spam_terms``), ``SpamFilter`` drops
promotion with a ``spam/<kind>`` reason by the rules of ``saring.filters.spam_rules``.
"""

from __future__ import annotations

from typing import Any

from saring.document import Document
from saring.filters.profiles import UsesProfile
from saring.filters.signals import store, stored
from saring.filters.spam_rules import GAMBLING, INJECTED, LOAN, PILLS, SEO, spam_reason
from saring.filters.spam_terms import TOPICS, VERSION, spam_signals, url_signals
from saring.filters.thresholds import SpamThresholds
from saring.meta import QUALITY_SPAM
from saring.step import Annotator, Filter

LANGUAGES = ("id", "ms", "en")
"""Vocabulary files joined by default (``saring/data/spam/<lang>.toml``)."""


class SpamSignals(Annotator):
    """Writes spam signals under ``metadata["quality"]["spam"]``: hits per 100 words of
    gambling, loan and pill vocabulary, of promotion (calls to action, second person,
    superlatives, brand names such as ``slot88``), of reporting (reporting verbs, police,
    courts, regulators) and of brand and site names; the promotion share; whether the host is
    a government, university, school, village or non-profit site and how many gambling
    words its URL path holds; the spam model's spam probability and likeliest spam class
    (``saring.filters.spam_model``); CLD2's first guess for the language of the page and of its
    spammiest block (``text_lang``, ``block_lang``). ``languages`` names the vocabulary files
    joined."""

    def __init__(self, languages: tuple[str, ...] = LANGUAGES) -> None:
        self.languages = languages

    def annotate(self, doc: Document) -> None:
        signals = spam_signals(doc.text, doc.url, tuple(self.languages))
        store(doc, QUALITY_SPAM, signals, VERSION)


class SpamFilter(UsesProfile, Filter):
    """Returns ``spam/gambling``, ``spam/loan`` or ``spam/pills`` when a page promotes that
    topic (its density at least ``min_topic``, promotion at least ``min_promo`` per 100
    words and at least ``min_promo_share`` of promotion plus reporting), ``spam/seo`` for a
    promoting list of brand and site names (``min_links`` per 100 words), ``spam/injected``
    for a page with gambling words in the URL path of a government, university, school,
    village or non-profit host, ``min_injected_topic`` gambling density and no more
    reporting than promotion vocabulary (or a model score of ``min_injected_model``); and,
    whatever the vocabulary, the spam model's likeliest class when its score reaches
    ``min_model`` (or a block's, at ``min_block_model``); the vocabulary rules (but one, below)
    only where the model's score reaches ``min_rule_model``, where also a page of one topic's
    words at
    ``min_dense_topic`` with a promotion word and no reporting word is spam of that topic;
    ``spam/seo`` for a spun page that promotes or whose title holds its phrase,
    one phrase ``min_spun`` of its words, said ``min_spun_repeats`` times or more (another spun
    page that does not promote is left to the quality rules); ``spam/seo`` for a keyword
    list, ``min_keyword_list`` of its short entries holding one phrase. A page that does
    not promote (no promotion word, or promotion under ``min_promo`` per 100 words and no
    topic word), or that reports (reporting vocabulary ``min_reporting_ratio`` times its
    promotion), is dropped by the whole-page model only at ``min_quiet_model``, and by a block only
    if it holds a promotion word and the block does not report; a page with no promotion and no
    topic word only when its text without numbers scores ``min_silent_model``. News that
    reports on these topics is kept. A block at ``min_leaning_model`` that promotes at
    ``min_promo`` with no reporting word drops a page that names its topic and scores
    ``min_rule_model`` whole. Whatever the model says, and before the rules for dense, injected,
    listed and spun pages and the model's own, a page of ``min_selling_words`` words or more
    whose densest topic is pills, at ``min_topic``, with a seller's calls to action, offers and
    prices at ``min_sell`` and no reporting word is ``spam/pills``. The model does not judge a
    page or block CLD2 names in a language it was not trained on
    (``spam_rules.MODEL_LANGUAGES``): its scores of it count as 0 (the stored signals keep
    them). ``None`` takes the value of
    the language's ``profile``. Uses ``SpamSignals``' stored signals when they fit the text."""

    family = "spam"
    drop_reasons = (GAMBLING, LOAN, PILLS, SEO, INJECTED)

    def __init__(
        self,
        language: str = "id",
        profile: str = "news",
        languages: tuple[str, ...] = LANGUAGES,
        min_topic: float | None = None,
        min_promo: float | None = None,
        min_promo_share: float | None = None,
        min_links: float | None = None,
        min_injected_topic: float | None = None,
        min_model: float | None = None,
        min_injected_model: float | None = None,
        min_block_model: float | None = None,
        min_rule_model: float | None = None,
        min_spun: float | None = None,
        min_spun_repeats: float | None = None,
        min_quiet_model: float | None = None,
        min_keyword_list: float | None = None,
        min_reporting_ratio: float | None = None,
        min_silent_model: float | None = None,
        min_dense_topic: float | None = None,
        min_leaning_model: float | None = None,
        min_selling_words: int | None = None,
        min_sell: float | None = None,
    ) -> None:
        self.language = language
        self.profile = profile
        self.languages = languages
        self.min_topic = min_topic
        self.min_promo = min_promo
        self.min_promo_share = min_promo_share
        self.min_links = min_links
        self.min_injected_topic = min_injected_topic
        self.min_model = min_model
        self.min_injected_model = min_injected_model
        self.min_block_model = min_block_model
        self.min_rule_model = min_rule_model
        self.min_spun = min_spun
        self.min_spun_repeats = min_spun_repeats
        self.min_quiet_model = min_quiet_model
        self.min_keyword_list = min_keyword_list
        self.min_reporting_ratio = min_reporting_ratio
        self.min_silent_model = min_silent_model
        self.min_dense_topic = min_dense_topic
        self.min_leaning_model = min_leaning_model
        self.min_selling_words = min_selling_words
        self.min_sell = min_sell

    def signals(self, doc: Document) -> dict[str, Any]:
        """Return the document's stored signals if they fit, else freshly computed ones."""
        languages = tuple(self.languages)
        protected, url_gambling = url_signals(doc.url)
        expect = {
            "languages": list(languages),
            "url_protected": protected,
            "url_gambling": url_gambling,
        }
        found = stored(doc, QUALITY_SPAM, expect, VERSION)
        return found or spam_signals(doc.text, doc.url, languages)

    def limits(self, lang: str) -> dict[str, tuple[str, float]]:
        """Return signal → ("min" or "max", threshold) as applied to a document in ``lang``.
        Spam rules are conjunctions: a page is dropped only when its topic density *and* its
        promotion density exceed their limits and ``promo_share`` is at or above its own;
        "max" marks the limit that spam exceeds."""
        t: SpamThresholds = self.thresholds(lang)
        found: dict[str, tuple[str, float]] = {topic: ("max", t.min_topic) for topic in TOPICS}
        found.update(
            promo=("max", t.min_promo),
            promo_share=("max", t.min_promo_share),
            links=("max", t.min_links),
            model=("max", t.min_model),
            model_block=("max", t.min_block_model),
            spun=("max", t.min_spun),
            keyword_list=("max", t.min_keyword_list),
            sell=("max", t.min_sell),
        )
        return found

    def reason(self, doc: Document) -> str | None:
        return spam_reason(self.signals(doc), self.thresholds(doc.lang))
