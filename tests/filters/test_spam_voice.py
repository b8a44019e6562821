"""Spam: what a page's words say, not its numbers or a quoted paragraph, decides; words news
uses when it reports count only beside promotion of the same topic."""

from __future__ import annotations

from saring import Document, SpamFilter
from saring.filters.spam_rules import silent, spam_reason, words_model
from saring.filters.spam_terms import TOPICS, spam_signals
from saring.filters.thresholds import SpamThresholds

LANGS = ("id", "ms", "en")

# Written for these tests: a table of exchange rates, with no prose.
RATES = "Kurs Rupiah Hari Ini\n\n" + "\n".join(
    f"{code} {buy} {sell}"
    for code, buy, sell in (
        ("USD", "15.712,40", "15.556,10"),
        ("SGD", "11.702,33", "11.585,12"),
        ("EUR", "17.095,88", "16.925,40"),
        ("JPY", "105,87", "104,80"),
        ("AUD", "10.362,71", "10.258,04"),
        ("MYR", "3.351,20", "3.317,05"),
        ("CNY", "2.180,44", "2.158,62"),
        ("GBP", "19.958,10", "19.757,65"),
        ("HKD", "2.010,30", "1.990,15"),
        ("KRW", "11,82", "11,70"),
        ("THB", "437,25", "432,90"),
        ("SAR", "4.190,66", "4.148,80"),
        ("CHF", "17.802,11", "17.620,35"),
        ("NZD", "9.412,50", "9.318,20"),
        ("CAD", "11.530,75", "11.415,40"),
        ("INR", "188,40", "186,50"),
    )
)
RATES_LINE = "Update kurs: " + ", ".join(
    f"{code} Rp{rate}"
    for code, rate in (
        ("USD", "15.712"),
        ("SGD", "11.702"),
        ("EUR", "17.095"),
        ("JPY", "105"),
        ("AUD", "10.362"),
        ("MYR", "3.351"),
        ("CNY", "2.180"),
        ("GBP", "19.958"),
        ("HKD", "2.010"),
        ("KRW", "11"),
        ("THB", "437"),
        ("SAR", "4.190"),
        ("CHF", "17.802"),
        ("NZD", "9.412"),
        ("CAD", "11.530"),
        ("INR", "188"),
    )
)


def _signals(text: str) -> dict[str, object]:
    return spam_signals(text, None, LANGS)


def _reason(text: str) -> str | None:
    return SpamFilter().reason(Document(id="d", text=text))


def test_a_table_of_numbers_with_no_word_of_spam_is_kept() -> None:
    t = SpamThresholds()
    for text in (RATES, RATES_LINE):
        found = _signals(text)
        assert silent(found)
        assert found["model"] >= t.min_quiet_model  # the whole-page score alone would drop it
        assert found["model"] > found["model_words"]  # the digits raise the score
        assert not words_model(found, t)
        assert _reason(text) is None


def _base() -> dict[str, object]:
    base: dict[str, object] = {topic: 0.0 for topic in TOPICS}
    base |= {"promo": 0.0, "reporting": 0.0, "links": 0.0, "promo_share": 0.0, "spun": 0.0}
    base |= {"spun_repeats": 0, "spun_title": False, "keyword_list": 0.0, "url_protected": False}
    base |= {"url_gambling": 0, "words": 80, "sell": 0.0, "text_lang": "id"}
    base |= {"block_lang": "id"}
    base |= {"model_topic": "gambling", "model_block_topic": "loan", "model_block": 0.0}
    return base | {"block_promo": 0.0, "block_reporting": 0.0}


def test_a_silent_page_is_dropped_by_the_model_only_from_its_words() -> None:
    t = SpamThresholds()
    page = _base() | {"model": 0.97, "model_words": 0.95}
    assert silent(page)
    assert spam_reason(page, t) == "spam/gambling"
    assert spam_reason(page | {"model_words": 0.5}, t) is None  # the numbers made the score
    # A page with a word of a topic is not silent: the whole-page score decides as before.
    assert spam_reason(page | {"model_words": 0.5, "loan": 1.0}, t) == "spam/gambling"


def test_a_block_that_reports_is_no_spam_block() -> None:
    t = SpamThresholds()
    page = _base() | {"loan": 6.0, "promo": 0.5, "reporting": 12.0, "model": 0.1}
    page |= {"model_block": 0.98, "model_words": 0.1}
    # The spammiest block quotes the lender's promise and says who warned of it.
    assert spam_reason(page | {"block_promo": 2.5, "block_reporting": 10.0}, t) is None
    # A spam block inside a page's own text promotes: dropped.
    assert spam_reason(page | {"block_promo": 6.0, "block_reporting": 0.0}, t) == "spam/loan"


# Written for these tests: news sentences using words that spam uses too.
NEWS_WORDS = (
    "PM Anwar enggan komen mengenai laporan itu ketika ditemui pemberita pada pukul 3 pm.",
    "Warga diminta rajin cuci tangan dan top up saldo e-wallet sebelum booking tiket mudik.",
    "Ejen rasmi insurans itu berkata reseller produk tempatan boleh inbox pihak kementerian.",
    "Doctors say people who want to lose weight should cut sugar to reduce belly fat.",
    "Petani di lereng gunung menanam purwoceng dan tongkat ali sebagai tanaman obat.",
    "BPOM menyita krim pemutih, obat keras yang dijual tanpa resep dan misoprostol.",
    "Polisi menyebut pelaku menjual followers instagram dan tautan mod apk di media sosial.",
    "Pasaran saham di bandar raya itu segera pulih, kata tuan rumah persidangan.",
)


def test_words_news_uses_when_it_reports_do_not_make_promotion() -> None:
    for text in NEWS_WORDS:
        found = _signals(text)
        assert found["promo"] == 0, text
        assert all(found[topic] == 0 for topic in TOPICS), text


def test_reported_terms_count_beside_the_topics_own() -> None:
    # Written for these tests: a seller names the same products and sells them.
    seller = "Jual krim pemutih dan obat keras tanpa resep, bisa COD, ready stok kak."
    report = "BPOM menyita krim pemutih dan obat keras yang dijual tanpa resep."
    assert _signals(report)["pills"] == 0
    found = spam_terms_counts(seller)
    assert found == 4  # "cod" and the three reported terms beside it


def spam_terms_counts(text: str) -> int:
    return round(_signals(text)["pills"] * _signals(text)["words"] / 100)


def test_a_page_dense_in_one_topic_with_no_reporting_word_is_spam() -> None:
    t = SpamThresholds()
    page = _base() | {"gambling": 12.0, "promo": 2.5, "promo_share": 1.0, "model": 0.3}
    page |= {"model_words": 0.3}
    assert spam_reason(page, t) == "spam/gambling"  # promotion under min_promo
    assert spam_reason(page | {"reporting": 1.0}, t) is None  # a report names the police
    assert spam_reason(page | {"promo": 0.0}, t) is None  # nothing promotes
    assert spam_reason(page | {"model": 0.05}, t) is None  # the model calls it plainly ham
    assert spam_reason(page | {"gambling": 8.0}, t) is None


def test_half_the_promotion_is_enough_where_the_model_leans_to_spam() -> None:
    t = SpamThresholds()
    page = _base() | {"gambling": 4.0, "promo": 2.5, "promo_share": 1.0, "model_words": 0.3}
    assert spam_reason(page | {"model": 0.3}, t) is None  # promotion under min_promo
    assert spam_reason(page | {"model": 0.45}, t) == "spam/gambling"
    assert spam_reason(page | {"model": 0.2, "model_block": 0.7}, t) == "spam/gambling"
    assert spam_reason(page | {"model": 0.45, "promo": 1.5}, t) is None
    assert spam_reason(page | {"model": 0.45, "promo_share": 0.4}, t) is None  # it reports more


def test_a_sellers_offers_with_numbers_are_promotion() -> None:
    # Written for these tests.
    offer = "Salep jerawat Rp75.000 per pot. Beli 3 gratis 1. Depo 10rb, harga 250rb aja."
    plain = "Salep jerawat Rp75.000 per pot. Stok ada di toko. Kirim ke luar kota."
    assert _signals(offer)["promo"] > _signals(plain)["promo"] == 0
    for text in ("Resolusi 4K saja tidak cukup.", "Inflasi 1,5 persen saja.", "Hanya 10 saja."):
        assert _signals(text)["promo"] == 0, text


def test_a_block_that_promotes_its_topic_is_spam_where_the_model_leans_to_it() -> None:
    t = SpamThresholds()
    # A recipe page whose last paragraph sells a gambling site: the page scores low, the
    # block leans to gambling and promotes, and the page names gambling once.
    low = t.min_rule_model + 0.05  # low, yet not plainly ham
    page = _base() | {"gambling": 1.5, "promo": 1.4, "promo_share": 1.0, "model": low}
    page |= {"model_words": low, "model_block": 0.6, "model_block_topic": "gambling"}
    page |= {"block_promo": 8.0}
    assert spam_reason(page, t) == "spam/gambling"
    assert spam_reason(page | {"block_reporting": 2.0}, t) is None  # the block reports
    assert spam_reason(page | {"gambling": 0.0}, t) is None  # no word of gambling at all
    assert spam_reason(page | {"model": t.min_rule_model - 0.05}, t) is None  # plainly ham
    assert spam_reason(page | {"model_block": 0.3}, t) is None
    assert spam_reason(page | {"block_promo": 3.0}, t) is None


def test_discounts_in_figures_are_promotion_and_in_words_are_not() -> None:
    # Written for these tests.
    for text in ("Serum wajah diskon 50% hari ini.", "Get the bundle at 40% off."):
        assert _signals(text)["promo"] > 0, text
    for text in ("Tarif KRL diskon 50 persen untuk pelajar.", "Harga cabai naik 5% pekan ini."):
        assert _signals(text)["promo"] == 0, text


def test_mobile_numbers_are_promotion_as_their_redacted_form_is() -> None:
    # Written for these tests: spam is scored before RedactPII writes <PHONE> for them.
    for text in ("Stok ada, nomor 0812-3456-7890.", "Stok ada, nomor +60 12-345 6789."):
        assert _signals(text)["promo"] > 0, text
    assert _signals("Stok ada, nomor <PHONE>.")["promo"] > 0
    for text in ("Pada 2023 tercatat 0812 kasus.", "Kantor itu di nomor 021-5551234."):
        assert _signals(text)["promo"] == 0, text
