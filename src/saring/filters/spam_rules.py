"""Which spam rule a page's signals meet (``spam_reason``), the decision ``SpamFilter``
(``saring.filters.spam``) makes from the signals ``saring.filters.spam_terms`` computes.

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

from saring.filters.spam_terms import TOPICS
from saring.filters.thresholds import SpamThresholds
from saring.lang.cld2 import UNKNOWN

GAMBLING = "spam/gambling"
LOAN = "spam/loan"
PILLS = "spam/pills"
SEO = "spam/seo"
INJECTED = "spam/injected"
MODEL_LANGUAGES = frozenset(("id", "ms", "en", "jv", "su", UNKNOWN))
"""What CLD2 may call a text the spam model judges (``text_lang`` for the page, ``block_lang``
for its spammiest block): the languages it was trained on, Javanese and Sundanese (CLD2's names
for some informal Indonesian), and none at all (a list of brand names). The model's words are
Indonesian, Malay and English, so its score of a text in another language says nothing: a
Portuguese table of race results scores 0.86 as gambling from its digits and names. On such a
page the whole-page scores (``model``, ``model_words``) read as 0, and the block's score too
unless the block itself is in one of these languages (an Indonesian gambling paragraph
injected into a Vietnamese page is still judged). With every score at 0, only the rules that
need no model score can drop a page: ``sells_pills``, a gambling page injected into a
protected site, a keyword list, a spun page."""
PAGE_SCORES = ("model", "model_words")


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
    probability reaches ``min_quiet_model`` (a list that promotes nothing is a quiet page): a
    price list or forecast repeats "per liter" or "cerah berawan" in every entry and promotes
    nothing. The model's scores of a page or block in a language outside ``MODEL_LANGUAGES``
    count as 0."""
    if signals["text_lang"] not in MODEL_LANGUAGES:
        signals = {**signals, **dict.fromkeys(PAGE_SCORES, 0.0)}
    if signals["block_lang"] not in MODEL_LANGUAGES:
        signals = {**signals, "model_block": 0.0}
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
    if keywords and (not quiet or signals["seo"] > 0 or signals["model"] >= t.min_quiet_model):
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
    other topic's, a seller's calls to action, offers and prices at ``min_sell`` per 100 words,
    and no reporting word. Pill words news also uses ("kapsul", "suplemen", "serum") count only
    beside a seller's term: a consumer feature or a price watch of vitamins and creams lists
    prices too. A health column that ends selling a miracle cure ("menormalkan tensi dalam
    7 hari", "tap the button below") reads like advice to the model, and a shop page of a
    supplement with its price and a phone number like a price list; a health feature that
    addresses its reader ("Anda", "you") calls no one to order, and news on the same
    supplements names a regulator, a doctor or a court. Short texts are left to the model: a
    two-line tip that warns against slimming pills addresses its reader too. Gambling and loan
    promotion are not judged so: news on them quotes promoters with no reporting word nearby."""
    top = max(signals[topic] for topic in TOPICS)
    return bool(
        signals["words"] >= t.min_selling_words
        and signals["pills"] >= t.min_topic
        and signals["pills"] == top
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
