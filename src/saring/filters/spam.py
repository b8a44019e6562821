"""Spam and SEO junk, score then decide: ``SpamSignals`` writes vocabulary densities and URL
evidence (``saring.filters.spam_terms``), ``SpamFilter`` drops promotion with a
``spam/<kind>`` reason.

What separates spam from news about the same topic is not the topic but the voice: a page
that promotes gambling addresses the reader, promises, names sites and tells the reader to
sign up; a report of a police raid on a gambling ring quotes officials, names suspects and
articles of law. So a topic alone never drops a page: the page must also promote, and its
promotion vocabulary must outweigh its reporting vocabulary. None of the peers (datatrove,
NeMo Curator, Dolma, Data-Juicer) has such a rule; their URL blocklists miss pages injected
into legitimate government and university sites.
"""

from __future__ import annotations

from typing import Any

from saring.document import Document
from saring.filters.profiles import UsesProfile
from saring.filters.signals import store, stored
from saring.filters.spam_terms import TOPICS, VERSION, spam_signals, url_signals
from saring.filters.thresholds import SpamThresholds
from saring.meta import QUALITY_SPAM
from saring.step import Annotator, Filter

GAMBLING = "spam/gambling"
LOAN = "spam/loan"
PILLS = "spam/pills"
SEO = "spam/seo"
INJECTED = "spam/injected"
LANGUAGES = ("id", "ms", "en")
"""Vocabulary files joined by default (``saring/data/spam/<lang>.toml``)."""


def spam_reason(signals: dict[str, Any], t: SpamThresholds) -> str | None:
    """Return the spam rule the signals meet, or ``None``: where the model's score (whole or a
    block) reaches ``min_rule_model``, promotion at ``min_promo`` (half of it where the score
    reaches ``min_leaning_model``): a link list (brand and site names denser than any topic's
    words), else the densest promoted topic; else, whatever the model says, a page that
    ``sells_pills``; else, where the model reaches ``min_rule_model``, the densest topic of a
    page ``dense`` in it; else a gambling page
    injected into a protected site, else a spun page that promotes (its most repeated phrase
    ``min_spun`` of its words and said ``min_spun_repeats`` times; not ``quiet_page``) or repeats
    its title's phrase (``spun_title``), else the model's likeliest spam class when its
    spam probability reaches ``min_model``, or that of the page's spammiest block when the block's
    reaches ``min_block_model``; the whole page's at ``min_quiet_model`` instead for a page
    that does not promote (``quiet_page``) or that reports more than it promotes (``reports``),
    and for a page with no promotion word and no topic word (``silent``) only when its words
    alone score ``min_silent_model`` (``words_model``); no block of a page without a promotion
    word, and no block that reports (its reporting vocabulary ``min_reporting_ratio`` times its
    promotion: a report's paragraph quoting a lender's promise); else the block's class where the
    block leans to spam and promotes (``promoting_block``).
    A keyword list (``min_keyword_list`` of its short entries holding one phrase) is ``spam/seo``
    before the spun-page rule where the page promotes, names SEO services or the model's spam
    probability reaches ``min_model``: a price list or forecast repeats "per liter" or "cerah
    berawan" in every entry and promotes nothing."""
    model = max(signals["model"], signals["model_block"])
    promo = t.min_promo / 2 if model >= t.min_leaning_model else t.min_promo
    if (
        signals["promo_share"] >= t.min_promo_share
        and signals["promo"] >= promo
        and model >= t.min_rule_model
    ):
        topic = max(TOPICS, key=lambda name: signals[name])
        if signals["links"] >= max(t.min_links, signals[topic]):
            return SEO
        if signals[topic] >= t.min_topic:
            return f"spam/{topic}"
    if sells_pills(signals, t):
        return PILLS
    if model >= t.min_rule_model and dense(signals, t):
        return f"spam/{max(TOPICS, key=lambda name: signals[name])}"
    if (
        signals["url_protected"]
        and signals["url_gambling"] > 0
        and signals["gambling"] >= t.min_injected_topic
        and (signals["promo"] >= signals["reporting"] or model >= t.min_injected_model)
    ):
        return INJECTED
    quiet = quiet_page(signals, t)
    keywords = signals["keyword_list"] >= t.min_keyword_list
    if keywords and (not quiet or signals["seo"] > 0 or signals["model"] >= t.min_model):
        return SEO
    spun = signals["spun"] >= t.min_spun and signals["spun_repeats"] >= t.min_spun_repeats
    if spun and (not quiet or signals["spun_title"]):
        return SEO
    whole = t.min_quiet_model if quiet or reports(signals, t) else t.min_model
    if signals["model"] >= whole and (not silent(signals) or words_model(signals, t)):
        return f"spam/{signals['model_topic']}"
    block_reports = reports(
        {"reporting": signals["block_reporting"], "promo": signals["block_promo"]}, t
    )
    if signals["promo"] > 0 and signals["model_block"] >= t.min_block_model and not block_reports:
        return f"spam/{signals['model_block_topic']}"
    if promoting_block(signals, t):
        return f"spam/{signals['model_block_topic']}"
    return None


def promoting_block(signals: dict[str, Any], t: SpamThresholds) -> bool:
    """Return whether a page's spammiest block leans spam (``min_leaning_model``) and speaks in
    the voice of promotion with no reporting word, promotion at ``min_promo`` per 100 words of
    the block, on a page the model does not call plainly ham (``min_rule_model``) that names the
    block's topic in words: a recipe, a lesson or a testimony that ends by selling a gambling
    site. A report quoting a promotion names its source in the same paragraph; an explainer
    that describes a scam to its reader ("you") scores as ham whole; a feature that addresses
    its reader ("kamu", "dijamin") or a sports report of the best player ("terbaik") holds no
    word of the topic the model guesses for it."""
    return bool(
        signals["model"] >= t.min_rule_model
        and signals[signals["model_block_topic"]] > 0
        and signals["model_block"] >= t.min_leaning_model
        and signals["block_promo"] >= t.min_promo
        and signals["block_reporting"] == 0
    )


def sells_pills(signals: dict[str, Any], t: SpamThresholds) -> bool:
    """Return whether a page of ``min_selling_words`` words or more sells pills in its words
    alone, whatever the model says: pill-selling vocabulary at ``min_topic`` and denser than any
    other topic's, promotion at ``min_promo``, a seller's calls to action and offers at
    ``min_sell`` per 100 words, and no reporting word. A health column that ends selling a
    miracle cure ("regrows worn joints in 21 days", "menormalkan tensi dalam 7 hari", "tap the
    button below") reads like advice to the model; a health feature that addresses its reader
    ("Anda", "you") calls no one to order, and news on the same supplements names a regulator,
    a doctor or a court. Short texts are left to the model: a two-line tip that warns against
    slimming pills addresses its reader too. Gambling and loan promotion are not judged so: news
    on them quotes promoters with no reporting word nearby."""
    top = max(signals[topic] for topic in TOPICS)
    return bool(
        signals["words"] >= t.min_selling_words
        and signals["pills"] >= t.min_topic
        and signals["pills"] == top
        and signals["promo"] >= t.min_promo
        and signals["sell"] >= t.min_sell
        and signals["reporting"] == 0
    )


def silent(signals: dict[str, Any]) -> bool:
    """Return whether a page holds no promotion word and no word of any topic."""
    return signals["promo"] == 0 and all(signals[topic] == 0 for topic in TOPICS)


def words_model(signals: dict[str, Any], t: SpamThresholds) -> bool:
    """Return whether the model calls the page spam from its words, not its numbers: its score
    without the tokens holding digits reaches ``min_silent_model``. The model reads every digit
    as ``0``, and its gambling class learned RTP tables and lottery results, so a tablet's
    specifications or a table of exchange rates scores like them."""
    return bool(signals["model_words"] >= t.min_silent_model)


def dense(signals: dict[str, Any], t: SpamThresholds) -> bool:
    """Return whether a page is a topic's vocabulary with some promotion and no reporting: one
    topic at ``min_dense_topic`` per 100 words or more, a promotion word, no reporting word
    (news about a topic, however dense, names police, courts or regulators)."""
    top = max(signals[topic] for topic in TOPICS)
    return bool(top >= t.min_dense_topic and signals["promo"] > 0 and signals["reporting"] == 0)


def reports(signals: dict[str, Any], t: SpamThresholds) -> bool:
    """Return whether a page reports more than it promotes: its reporting vocabulary (police,
    courts, regulators, reporting verbs) ``min_reporting_ratio`` times its promotion or more."""
    reporting: float = signals["reporting"]
    return reporting > 0 and reporting >= t.min_reporting_ratio * signals["promo"]


def quiet_page(signals: dict[str, Any], t: SpamThresholds) -> bool:
    """Return whether a page does not promote: no promotion word at all, or promotion under
    ``min_promo`` per 100 words and no word of any topic; not a page that names a topic at
    ``min_topic`` with no reporting word (a comment that tells of a casino's free spins in
    words no promotion list holds: news on the topic names its sources)."""
    no_topic = all(signals[topic] == 0 for topic in TOPICS)
    if signals["reporting"] == 0 and max(signals[topic] for topic in TOPICS) >= t.min_topic:
        return False
    return signals["promo"] == 0 or (signals["promo"] < t.min_promo and no_topic)


class SpamSignals(Annotator):
    """Writes spam signals under ``metadata["quality"]["spam"]``: hits per 100 words of
    gambling, loan and pill vocabulary, of promotion (calls to action, second person,
    superlatives, brand names such as ``slot88``), of reporting (reporting verbs, police,
    courts, regulators) and of brand and site names; the promotion share; whether the host is
    a government, university, school, village or non-profit site and how many gambling
    words its URL path holds; the spam model's spam probability and likeliest spam class
    (``saring.filters.spam_model``). ``languages`` names the vocabulary files joined."""

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
    whose densest topic is pills at ``min_topic``, with promotion at ``min_promo``, a seller's
    calls to action and offers at ``min_sell`` and no reporting word is ``spam/pills``. ``None``
    takes the value of the language's ``profile``.
    Uses ``SpamSignals``' stored signals when they fit the text."""

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
